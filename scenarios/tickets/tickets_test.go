package tickets

import (
	"math"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/sim/calendar"
)

// The office calendar of the hand-worked cases: Mon–Fri 09:00–17:30 in
// London (2026-12-07 is a Monday; no zone change in December).
const office = "mon-fri=09:00-17:30"

const sample = `ticket_id,created_at,priority,first_response_at,resolved_at,reassignment_count,made_sla
T1,2026-12-07 16:00,P1,2026-12-07 16:30,2026-12-08 10:00,0,TRUE
T2,2026-12-11 17:00,P1,,2026-12-14 12:00,1,FALSE
T3,2026-12-14 09:00,P1,,2026-12-15 09:00,2,
T4,2026-12-15 09:00,P2,,,,
T5,2026-12-16 09:00,P2,,2026-12-16 11:00,,
T6,2026-12-16 10:00,P3,,,,
`

func analyse(t *testing.T, opt Options) *Result {
	t.Helper()
	lon, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip(err)
	}
	h, err := calendar.ParseHours(office)
	if err != nil {
		t.Fatal(err)
	}
	if opt.Calendar, err = calendar.New(lon, h, nil); err != nil {
		t.Fatal(err)
	}
	a := New(opt)
	now := func() time.Time { return time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC) }
	if _, err := history.Read("sample.csv", strings.NewReader(sample), history.Options{Location: lon, Extra: Columns, Now: now}, a); err != nil {
		t.Fatal(err)
	}
	return a.Result()
}

func TestAnalyzer(t *testing.T) {
	t.Parallel()
	resol, err := ParseTargets("P1=90/4h, 2=90/8h")
	if err != nil {
		t.Fatal(err)
	}
	resp, _ := ParseTargets("p1=95/1h,P9=90/1h")
	r := analyse(t, Options{Resolution: resol, Response: resp})
	if r.Tickets != 6 || len(r.Priorities) != 3 {
		t.Fatalf("got %d tickets in %d priorities, want 6 in 3", r.Tickets, len(r.Priorities))
	}
	p1, p2, p3 := r.Priorities[0], r.Priorities[1], r.Priorities[2]
	// Resolution in business hours: T1 Mon 16:00–17:30 + Tue 09:00–10:00 =
	// 2.5 h; T2 Fri 17:00–17:30 + Mon 09:00–12:00 = 3.5 h; T3 Mon 09:00 →
	// Tue 09:00 = 8.5 h. Mean 14.5/3 h; median 3.5 h (histogram, ±1.2 %).
	if p1.Priority != "P1" || p1.Tickets != 3 || p1.Share != 0.5 || p1.Resolved != 3 {
		t.Errorf("P1: got %+v", p1)
	}
	if s := p1.Resolution; s == nil || math.Abs(s.Mean-14.5/3) > 1e-12 || math.Abs(s.P50/3.5-1) > 0.012 || math.Abs(s.P90/8.5-1) > 0.012 {
		t.Errorf("P1 resolution hours: got %+v, want mean 4.8333, p50 3.5, p90 8.5", p1.Resolution)
	}
	// 90/4h: T1 and T2 within, T3 not: 2 of 3.
	if a := p1.ResolutionSLA; a == nil || a.Met != 2 || a.Due != 3 || a.Meets || a.Target != "90/4h" {
		t.Errorf("P1 resolution SLA: got %+v, want 2 of 3, not met", a)
	}
	// Response 95/1h: T1 responded in 0.5 h; T2 and T3 never responded and
	// the history ends Wed 2026-12-16 11:00 (T5's resolution), past their
	// hour: missed. 1 of 3.
	if a := p1.ResponseSLA; a == nil || a.Met != 1 || a.Due != 3 || p1.Responded != 1 || math.Abs(p1.Response.Mean-0.5) > 1e-12 {
		t.Errorf("P1 response: got %+v, %+v", a, p1.Response)
	}
	// Escalated (reassignment_count > 0): T2, T3 of T1–T3. made_sla: T1
	// true, T2 false, T3 blank: 1 of 2.
	if e := p1.Escalated; e == nil || e.Yes != 2 || e.Known != 3 {
		t.Errorf("P1 escalated: got %+v, want 2 of 3", e)
	}
	if m := p1.MadeSLA; m == nil || m.Yes != 1 || m.Known != 2 || m.Rate != 0.5 {
		t.Errorf("P1 made_sla: got %+v, want 1 of 2", m)
	}
	if p1.Reopened != nil {
		t.Errorf("P1 reopened: got %+v, want none (no reopen_count column)", p1.Reopened)
	}
	// P2 (target "2" matches P2): T5 resolved in 2 h, met; T4 open since
	// Tue 09:00, at the end (Wed 11:00) 8.5 + 2 = 10.5 business hours old:
	// past 8 h, missed. 1 of 2.
	if a := p2.ResolutionSLA; a == nil || a.Met != 1 || a.Due != 2 || a.Attainment != 0.5 {
		t.Errorf("P2 resolution SLA: got %+v, want 1 of 2", a)
	}
	if p2.Escalated != nil || p2.ResponseSLA != nil {
		t.Errorf("P2: got escalated %+v and response SLA %+v, want none", p2.Escalated, p2.ResponseSLA)
	}
	// P3 has no target: times only (none resolved).
	if p3.Priority != "P3" || p3.ResolutionSLA != nil || p3.Resolution != nil || p3.Resolved != 0 {
		t.Errorf("P3: got %+v", p3)
	}
	for _, want := range []string{"no reopen_count column", "target P9=90/1h: no ticket of priority P9"} {
		if !strings.Contains(strings.Join(r.Notes, "\n"), want) {
			t.Errorf("notes %q lack %q", r.Notes, want)
		}
	}
	if r.Calendar != office || r.TimeZone != "Europe/London" {
		t.Errorf("calendar %q %q", r.Calendar, r.TimeZone)
	}
}

func TestParseTargets(t *testing.T) {
	t.Parallel()
	got, err := ParseTargets("P1=90/4h, 1 - Critical=95%/15m")
	if err != nil || len(got) != 2 || got[0].String() != "P1=90/4h" || got[1].Priority != "1 - Critical" || got[1].Goal != 0.95 || got[1].Within != 15*time.Minute {
		t.Errorf("got %v, %v", got, err)
	}
	for _, tc := range []struct{ in, want string }{
		{"", "no targets"},
		{"P1", "write PRIORITY=PCT/DURATION"},
		{"P1=90", "invalid SLA target"},
		{"P1=90/4h,p1=95/1h", "given twice"},
	} {
		if _, err := ParseTargets(tc.in); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseTargets(%q): %v, want %q", tc.in, err, tc.want)
		}
	}
	for _, tc := range []struct {
		key, p string
		want   bool
	}{
		{"P1", "1 - Critical", true}, {"1", "P1", true}, {"p2", "P2", true}, {"P1", "P10", false},
		{"Critical", "critical", true}, {"P1", "Critical", false},
	} {
		if got := Matches(tc.key, tc.p); got != tc.want {
			t.Errorf("Matches(%q, %q) = %v, want %v", tc.key, tc.p, got, tc.want)
		}
	}
}

// Priorities are served in the order sorted here (the first pre-empts in
// a plan): by number, and word levels as ServiceNow, Jira and Zendesk
// name them (urgent, critical or highest first; low, lowest, planning
// last) — not alphabetically, which put "High" first and "Urgent" after
// "Low".
func TestPriorityOrder(t *testing.T) {
	t.Parallel()
	in := []string{"", "Low", "Normal", "Urgent", "High", "zeta", "P3", "1 - Critical", "lowest", "Medium", "alpha"}
	want := []string{"1 - Critical", "Urgent", "High", "Medium", "Normal", "P3", "Low", "lowest", "alpha", "zeta", ""}
	got := append([]string(nil), in...)
	sort.SliceStable(got, func(i, j int) bool { return less(got[i], got[j]) })
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("order %q, want %q", got, want)
	}
}
