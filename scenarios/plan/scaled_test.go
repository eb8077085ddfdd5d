package plan_test

import (
	"context"
	"testing"
	"time"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/headcount"
	"github.com/staffsim/staffsim/scenarios/plan"
	"github.com/staffsim/staffsim/scenarios/roster"
)

// Result.Headcount at a headcount of the sweep gives the sweep's own point
// (same desk, roster shape, seed and replications), and its roster has
// the headcount asked for.
func TestHeadcountMatchesSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a plan")
	}
	ctx := context.Background()
	in, err := plan.Sample(ctx, time.Hour, 7*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	templates, err := roster.ReadShifts("../../testdata/roster/shifts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sl := quantity.Target{Goal: 0.8, Within: 20 * time.Second}
	opt := plan.Options{Horizon: 7 * 24 * time.Hour, Model: erlang.ModelC, SL: sl,
		Targets:   erlang.Targets{ServiceLevel: sl.Goal, Within: sl.Within.Seconds()},
		Shrinkage: 0.2, HoursPerFTE: 37.5, HourlyCost: 25, Templates: templates,
		Replications: 3, Seed: 1, Confidence: 0.9}
	res, err := plan.Run(ctx, in, opt)
	if err != nil {
		t.Fatal(err)
	}
	pts := res.Curves[0].Points
	for _, want := range []headcount.Point{pts[0], pts[len(pts)-1]} {
		got, err := res.Headcount(ctx, want.Agents, opt)
		if err != nil {
			t.Fatal(err)
		}
		if got.PMeet != want.PMeet || got.Total.ServiceLevel.Mean != want.Total.ServiceLevel.Mean || got.PaidHoursPerWeek != want.PaidHoursPerWeek {
			t.Errorf("headcount %d: got SL %v, P(meet) %v, %v h/week; want the sweep's %v, %v, %v", want.Agents,
				got.Total.ServiceLevel.Mean, got.PMeet, got.PaidHoursPerWeek, want.Total.ServiceLevel.Mean, want.PMeet, want.PaidHoursPerWeek)
		}
		shifts, err := res.Scaled(want.Agents)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, s := range shifts {
			n += s.Agents
		}
		if n != want.Agents {
			t.Errorf("Scaled(%d) has %d agents", want.Agents, n)
		}
		// The same roster through Evaluate: the same headcount and paid
		// hours (rostered time does not depend on the random streams).
		ev, err := res.Evaluate(ctx, shifts, opt)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Agents != want.Agents || ev.PaidHoursPerWeek != want.PaidHoursPerWeek {
			t.Errorf("Evaluate(Scaled(%d)): %d agents, %v h/week; want %d, %v", want.Agents, ev.Agents, ev.PaidHoursPerWeek, want.Agents, want.PaidHoursPerWeek)
		}
	}
}
