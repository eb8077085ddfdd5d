package scenarios

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/staffsim/staffsim/sim"
	"github.com/staffsim/staffsim/sim/calendar"
)

func TestLoadTickets(t *testing.T) {
	t.Parallel()
	s, err := Load(filepath.Join("testdata", "tickets.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Calendars) != 3 {
		t.Fatalf("got %d calendars, want 3", len(s.Calendars))
	}
	office, nights, always := s.Calendars[0], s.Calendars[1], s.Calendars[2]
	h := time.Hour
	am, pm := calendar.Span{Start: 8 * h, End: 12*h + 30*time.Minute}, calendar.Span{Start: 13*h + 30*time.Minute, End: 18 * h}
	wantOffice := calendar.Hours{1: {am, pm}, 2: {am, pm}, 3: {am, pm}, 4: {am, pm}, 5: {am, pm}, 6: {{Start: 9 * h, End: 13 * h}}}
	if office.Name != "office" || office.Location.String() != "Europe/London" || !reflect.DeepEqual(office.Hours, wantOffice) ||
		office.HolidaysFile != "uk-holidays.txt" || !reflect.DeepEqual(office.Holidays, []calendar.Date{{Year: 2026, Month: 12, Day: 25}, {Year: 2026, Month: 12, Day: 28}}) {
		t.Errorf("office: got %+v", office)
	}
	night := []calendar.Span{{Start: 22 * h, End: 30 * h}}
	if nights.Location.String() != "America/New_York" || !reflect.DeepEqual(nights.Hours, calendar.Hours{0: night, 1: night, 2: night, 3: night, 4: night}) ||
		!reflect.DeepEqual(nights.Holidays, []calendar.Date{{Year: 2026, Month: 12, Day: 24}, {Year: 2026, Month: 12, Day: 31}}) || nights.HolidaysFile != "" {
		t.Errorf("nights: got %+v", nights)
	}
	if always.Location.String() != "Europe/London" || always.Hours.String() != "24x7" {
		t.Errorf("always: got %+v", always)
	}
	checkTickets(t, s.Tickets)
	// The office calendar's clock: Fri 2026-12-11 17:00 + 8h of business
	// time is Fri 17:00–18:00 (1h), Sat 09:00–13:00 (4h), then Mon
	// 08:00–11:00 (3h): Mon 11:00.
	clk, err := s.Clock("office")
	if err != nil {
		t.Fatal(err)
	}
	lon := s.Location
	if got, want := clk.Add(time.Date(2026, 12, 11, 17, 0, 0, 0, lon), 8*h), time.Date(2026, 12, 14, 11, 0, 0, 0, lon); !got.Equal(want) {
		t.Errorf("office clock: Add = %s, want %s", got, want)
	}
	// No calendar: 24×7 in the scenario's zone.
	if clk, err := s.Clock(""); err != nil || !clk.IsAlways() || clk.Location() != s.Location {
		t.Errorf("default clock: %v, %v", clk, err)
	}
	if _, err := s.Clock("nope"); err == nil {
		t.Error("Clock of an unknown calendar: no error")
	}
}

// checkTickets checks the tickets section of testdata/tickets.yaml, its
// defaults applied as the file says, value by value.
func checkTickets(t *testing.T, tk *Tickets) {
	t.Helper()
	if tk == nil {
		t.Fatal("no tickets section")
	}
	h, m := time.Hour, time.Minute
	ln := func(mean time.Duration, cv float64) *Distribution {
		return &Distribution{Kind: LogNormal, Mean: mean, CV: cv}
	}
	l1, l2, l3 := ln(20*m, 1), ln(45*m, 1), &Distribution{Kind: Gamma, Mean: 2 * h, CV: 0.8}
	pend := Pending{Probability: 0.2, Time: &Distribution{Kind: Exponential, Mean: 8 * h, CV: 1}}
	reop := Reopen{Probability: 0.05, Delay: &Distribution{Kind: Exponential, Mean: 48 * h, CV: 1}}
	rate := func(r, scale float64) Arrivals { return Arrivals{Rate: r, Scale: scale, ScaleSet: true} }
	want := &Tickets{
		Tiers: []string{"L1", "L2", "L3"},
		Defaults: TicketDefaults{
			Touch:    map[string]Distribution{"L1": *l1, "L2": *l2, "L3": *l3},
			Escalate: map[string]float64{"L1": 0.3, "L2": 0.1},
			Pending:  &pend, Reopen: &reop, Calendar: "office",
		},
		Priorities: []TicketPriority{
			{Name: "P1", Arrivals: rate(0.5, 1), Touch: []*Distribution{ln(15*m, 1), l2, l3}, Escalate: []float64{0.5, 0.1},
				Reopen: reop, Preempt: true, Calendar: "always",
				Response: TicketTarget{15 * m, 0.95, "always"}, Resolution: TicketTarget{4 * h, 0.9, "always"}},
			{Name: "P2", Arrivals: rate(2, 1), Touch: []*Distribution{l1, l2, l3}, Escalate: []float64{0.3, 0.1},
				Pending: pend, Reopen: reop, Calendar: "office",
				Response: TicketTarget{h, 0.9, "office"}, Resolution: TicketTarget{8 * h, 0.95, "nights"}},
			{Name: "P3", Arrivals: rate(6, 1.1), Touch: []*Distribution{l1, l2, l3}, Escalate: []float64{0.3, 0},
				Pending: pend, Reopen: reop, Calendar: "office",
				Response: TicketTarget{4 * h, 0.9, "office"}, Resolution: TicketTarget{72 * h, 0.9, "office"}},
			{Name: "4 - Low", Arrivals: rate(3, 1), Touch: []*Distribution{l1, l2, l3}, Escalate: []float64{0.1, 0.1},
				Pending: pend, Calendar: "",
				Resolution: TicketTarget{120 * h, 0.8, ""}},
		},
	}
	if !reflect.DeepEqual(tk, want) {
		for i := range min(len(tk.Priorities), len(want.Priorities)) {
			if !reflect.DeepEqual(tk.Priorities[i], want.Priorities[i]) {
				t.Errorf("priority %d:\n got %+v\nwant %+v", i, tk.Priorities[i], want.Priorities[i])
			}
		}
		t.Errorf("tickets:\n got %+v\nwant %+v", tk, want)
	}
	if r := want.Priorities[2].Reaches(3); !reflect.DeepEqual(r, []bool{true, true, false}) {
		t.Errorf("P3 reaches %v, want L1 and L2 (it never escalates from L2)", r)
	}
}

// TestTicketsSimConfig checks the simulator's form of testdata/tickets.yaml:
// each priority's tiers, probabilities and the calendar of each target.
func TestTicketsSimConfig(t *testing.T) {
	t.Parallel()
	s, err := Load(filepath.Join("testdata", "tickets.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := s.SimConfig()
	if err != nil {
		t.Fatal(err)
	}
	tk := cfg.Tickets
	if tk == nil || !reflect.DeepEqual(tk.Tiers, []string{"L1", "L2", "L3"}) || len(tk.Priorities) != 4 || len(cfg.Queues) != 1 {
		t.Fatalf("got %d queues and tickets %+v", len(cfg.Queues), tk)
	}
	p1, p2, p3, low := tk.Priorities[0], tk.Priorities[1], tk.Priorities[2], tk.Priorities[3]
	h := time.Hour
	if !reflect.DeepEqual(p1.Touch[0], sim.LogNormal(15*time.Minute, 1)) || !reflect.DeepEqual(p1.Touch[2], sim.Gamma(2*h, 0.8)) || !p1.Preempt || p1.Pending != 0 ||
		!reflect.DeepEqual(p1.Escalate, []float64{0.5, 0.1}) || p1.Reopen != 0.05 || !reflect.DeepEqual(p1.ReopenDelay, sim.Exponential(48*h)) {
		t.Errorf("P1: %+v", p1)
	}
	if p1.Arrivals.PerHour != 0.5 || p3.Arrivals.PerHour != 6 || p3.Arrivals.Scale != 1.1 {
		t.Errorf("arrivals: P1 %+v, P3 %+v", p1.Arrivals, p3.Arrivals)
	}
	if p2.Pending != 0.2 || !reflect.DeepEqual(p2.PendingTime, sim.Exponential(8*h)) || p2.Preempt {
		t.Errorf("P2: %+v", p2)
	}
	// Calendars: P1 counts 24×7 on "always" (in London), P2 responds in
	// office hours and resolves on the New York nights, the low priority
	// has no calendar (elapsed time).
	cal := func(tt sim.TicketTarget) string {
		if tt.Calendar == nil {
			return "elapsed"
		}
		return tt.Calendar.Location().String() + " " + tt.Calendar.Hours().String()
	}
	for _, c := range []struct {
		name string
		got  sim.TicketTarget
		want string
	}{
		{"P1 response", p1.Response, "Europe/London 24x7"},
		{"P2 response", p2.Response, "Europe/London mon-fri=08:00-12:30,13:30-18:00;sat=09:00-13:00"},
		{"P2 resolution", p2.Resolution, "America/New_York mon-thu=22:00-06:00;sun=22:00-06:00"},
		{"4 - Low resolution", low.Resolution, "elapsed"},
	} {
		if got := cal(c.got); got != c.want {
			t.Errorf("%s: calendar %q, want %q", c.name, got, c.want)
		}
	}
	if p2.Resolution.Target != 8*h || p2.Resolution.Goal != 0.95 || low.Response.Set() {
		t.Errorf("targets: P2 %+v, low %+v", p2.Resolution, low.Response)
	}
}
