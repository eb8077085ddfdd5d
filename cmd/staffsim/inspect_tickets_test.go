package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/internal/realdata"
	"github.com/staffsim/staffsim/scenarios/tickets"
)

// TestInspectTicketsServiceNow recomputes, from the raw columns of the
// ServiceNow incident event log, what inspect --sla-per-priority reports per
// priority: tickets, escalation (reassignment_count > 0), reopen
// (reopen_count > 0) and made_sla rates, and resolution attainment on the
// 24×7 calendar (elapsed time). Each incident is its rows with one number:
// the earliest opened_at, the latest resolved_at, and the last non-empty
// ("?" is empty) priority and counts in file order, as the event log's
// documentation in forecast/history defines them. An incident without a
// resolution counts as missed once the history's latest time is more than
// the target after its opening.
func TestInspectTicketsServiceNow(t *testing.T) {
	t.Parallel()
	path := realdata.Path(t, "servicenow-incidents-2016/incident_event_log_partial.csv")
	targets := map[int]time.Duration{1: 4 * time.Hour, 2: 8 * time.Hour, 3: 24 * time.Hour, 4: 40 * time.Hour}

	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	type incident struct {
		opened, resolved                 time.Time
		priority, reassign, reopen, made string
	}
	byNumber := map[string]*incident{}
	parse := func(s string) time.Time {
		if s == "?" || s == "" {
			return time.Time{}
		}
		v, err := time.Parse("02-01-2006 15:04", s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return v
	}
	for _, r := range rows[1:] {
		in := byNumber[r[col["number"]]]
		if in == nil {
			in = &incident{}
			byNumber[r[col["number"]]] = in
		}
		if o := parse(r[col["opened_at"]]); in.opened.IsZero() || o.Before(in.opened) {
			in.opened = o
		}
		if v := parse(r[col["resolved_at"]]); v.After(in.resolved) {
			in.resolved = v
		}
		for _, kv := range []struct {
			dst *string
			c   string
		}{{&in.priority, "priority"}, {&in.reassign, "reassignment_count"}, {&in.reopen, "reopen_count"}, {&in.made, "made_sla"}} {
			if v := r[col[kv.c]]; v != "" && v != "?" {
				*kv.dst = v
			}
		}
	}
	var end time.Time
	for _, in := range byNumber {
		for _, x := range []time.Time{in.opened, in.resolved} {
			if x.After(end) {
				end = x
			}
		}
	}
	type want struct{ tickets, escalated, reopened, made, met, due int }
	wants := map[string]*want{}
	for _, in := range byNumber {
		w := wants[in.priority]
		if w == nil {
			w = &want{}
			wants[in.priority] = w
		}
		w.tickets++
		if n, _ := strconv.Atoi(in.reassign); n > 0 {
			w.escalated++
		}
		if n, _ := strconv.Atoi(in.reopen); n > 0 {
			w.reopened++
		}
		if in.made == "TRUE" {
			w.made++
		}
		num, _ := strconv.Atoi(in.priority[:1])
		switch target := targets[num]; {
		case !in.resolved.IsZero():
			w.due++
			if in.resolved.Sub(in.opened) <= target {
				w.met++
			}
		case end.Sub(in.opened) > target:
			w.due++
		}
	}

	code, out, errOut := runCLI(t, "inspect", path, "--id-column", "number", "--format", "json",
		"--sla-per-priority", "P1=90/4h,P2=90/8h,P3=90/24h,P4=90/40h")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Tickets tickets.Result `json:"tickets"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Tickets.Priorities) != len(wants) || got.Tickets.Tickets != len(byNumber) {
		t.Fatalf("got %d tickets in %d priorities, want %d in %d", got.Tickets.Tickets, len(got.Tickets.Priorities), len(byNumber), len(wants))
	}
	for _, p := range got.Tickets.Priorities {
		w := wants[p.Priority]
		if w == nil {
			t.Errorf("priority %q not in the export", p.Priority)
			continue
		}
		if p.Tickets != w.tickets || p.Escalated == nil || p.Escalated.Yes != w.escalated || p.Escalated.Known != w.tickets ||
			p.Reopened == nil || p.Reopened.Yes != w.reopened || p.MadeSLA == nil || p.MadeSLA.Yes != w.made {
			t.Errorf("%s: got tickets %d, escalated %+v, reopened %+v, made_sla %+v; want %+v", p.Priority, p.Tickets, p.Escalated, p.Reopened, p.MadeSLA, *w)
		}
		if a := p.ResolutionSLA; a == nil || a.Met != w.met || a.Due != w.due {
			t.Errorf("%s: resolution attainment %+v, want %d of %d", p.Priority, a, w.met, w.due)
		}
	}
	if !strings.Contains(errOut, "no first-response times") {
		t.Errorf("stderr lacks the note on first responses: %s", errOut)
	}
}

func TestInspectTicketsFlags(t *testing.T) {
	t.Parallel()
	// The README's example: a calendar file with a holiday file beside it.
	code, out, errOut := runCLI(t, "inspect", filepath.Join("..", "..", "testdata", "tickets_sample.csv"), "--tz", "Europe/London",
		"--calendar", filepath.Join("..", "..", "testdata", "calendars", "office.yaml"), "--sla-per-priority", "P1=90/4h,P2=90/8h", "--response-sla-per-priority", "P1=95/15m")
	if code != 0 || !strings.Contains(out, "tickets by priority (business hours on mon-fri=08:00-18:00, Europe/London, 10 holidays") ||
		!strings.Contains(out, "(95/15m ") || !strings.Contains(errOut, "no reassignment_count column") {
		t.Errorf("inspect --calendar: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	good := readerCorpus("good", "tab.tsv")
	dir := t.TempDir()
	badHol := filepath.Join(dir, "hol.txt")
	os.WriteFile(badHol, []byte("2026-12-25\n25/12/2026\n"), 0o644)
	badCal := filepath.Join(dir, "cal.yaml")
	os.WriteFile(badCal, []byte("hours: {mon-fri: \"09:00-25:00\"}\n"), 0o644)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--sla-per-priority", "P1"}, exitUsage, "--sla-per-priority: \"P1\": write PRIORITY=PCT/DURATION"},
		{[]string{"--response-sla-per-priority", "P1=fast"}, exitUsage, "--response-sla-per-priority: P1: invalid SLA target"},
		{[]string{"--hours", "mon-fry=09:00-17:00"}, exitUsage, `--hours: unknown day "fry"`},
		{[]string{"--hours", "mon=09:00-12:00,11:00-13:00"}, exitUsage, "--hours: mon 09:00-12:00 overlaps mon 11:00-13:00"},
		{[]string{"--calendar", badCal, "--hours", "24x7"}, exitUsage, "leave out --hours and --holidays"},
		{[]string{"--holidays", badHol}, exitFailure, `hol.txt: line 2: "25/12/2026" is not a date`},
		{[]string{"--calendar", badCal}, exitFailure, `cal.yaml": line 1: hours.mon-fri: "25:00" is not a time of day`},
	} {
		code, _, errOut := runCLI(t, append([]string{"inspect", good}, tc.args...)...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("inspect %v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}
