package scenarios

import (
	"context"
	"testing"
	"time"

	"github.com/staffsim/staffsim/sim"
)

// TestToReportTickets runs a desk of tickets only through the report
// conversion: the ticket section is filled from the result and the desk's
// targets, a missed goal makes the run miss, and nothing of a phone queue
// (Erlang requirements) is made up.
func TestToReportTickets(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	sc := &Scenario{Name: "desk", Start: start, Location: time.UTC, Days: 2, Interval: time.Hour, Replications: 3, Seed: 1, Cost: Cost{None: true}}
	desk := &sim.Tickets{Tiers: []string{"L1"}, Priorities: []sim.Priority{
		// Far more work than two analysts do: the resolution goal is missed.
		{Name: "P1", Arrivals: sim.Arrivals{PerHour: 20}, Touch: []sim.Dist{sim.Exponential(30 * time.Minute)},
			Response: sim.TicketTarget{Target: time.Hour, Goal: 0.9}, Resolution: sim.TicketTarget{Target: 4 * time.Hour, Goal: 0.9}},
		{Name: "P2", Arrivals: sim.Arrivals{PerHour: 1}, Touch: []sim.Dist{sim.Exponential(30 * time.Minute)},
			Resolution: sim.TicketTarget{Target: 8 * time.Hour, Goal: 0.9}},
	}}
	cfg := sim.Config{Start: start, Horizon: sc.Horizon(), Interval: sc.Interval, Seed: 1, Replications: 3, Tickets: desk,
		Shifts: []sim.Shift{{Name: "day", Start: 0, Length: 24 * time.Hour, Agents: 2}}}
	res, err := sim.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	o := &Outcome{Scenario: sc, Config: cfg, Result: res}
	r := o.toReport(nil)
	if r.Tickets == nil {
		t.Fatal("no ticket section for a result with tickets")
	}
	if got := len(r.Tickets.Priorities); got != 2 || r.Tickets.Priorities[0].Resolution.Target != 4*time.Hour || r.Tickets.Priorities[1].Response.Set() {
		t.Errorf("priorities %+v: want P1 with its 4h resolution target and P2 without a response target", r.Tickets.Priorities)
	}
	if got := len(r.Tickets.Intervals); got != 48 {
		t.Errorf("%d intervals, want 48", got)
	}
	if r.Summary.AllSLAsMet || r.Tickets.Met() {
		t.Errorf("two analysts for 40 tickets an hour of work: want the P1 goals missed, got all met (%v)", r.Tickets.Missed())
	}
	if r.Required != nil {
		t.Errorf("Erlang requirements %v for a desk without phone queues", r.Required[:3])
	}
}
