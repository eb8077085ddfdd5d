package capacity

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/plan"
	"github.com/staffsim/staffsim/scenarios/roster"
)

func TestSmoke(t *testing.T) {
	in, err := plan.Sample(context.Background(), 30*time.Minute, 600*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := roster.ReadShifts("../../testdata/roster/shifts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sl, _ := quantity.ParseTarget("80/20s")
	opt := Options{Plan: plan.Options{Model: erlang.ModelC, Targets: erlang.Targets{ServiceLevel: 0.8, Within: 20}, SL: sl, Shrinkage: 0.2, HoursPerFTE: 37.5, HourlyCost: 25, Currency: "£", Templates: tmpl, Replications: 10, Seed: 1},
		Months: 12, Supply: Supply{Headcount: 33, Attrition: 0.02, LeadTime: 42 * 24 * time.Hour, Training: 28 * 24 * time.Hour, Ramp: []float64{0.6, 0.8}, MaxClass: 12}, Log: os.Stderr, VolumeCase: 0.1}
	t0 := time.Now()
	res, err := Run(context.Background(), in, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(time.Since(t0))
	for _, m := range res.Plan.Months {
		t.Logf("%s level %.3f req %.1f onstaff %.1f [%.1f %.1f] heads %.1f hires %d P %.2f short %.1f cost %.0f", m.Label(), m.Level, m.FTE, m.OnStaff.Mean, m.OnStaff.Low, m.OnStaff.High, m.Headcount.Mean, m.Hires, m.PMeet, m.Short, m.Cost)
	}
	for _, l := range res.Steps {
		t.Log(l)
	}
	for _, l := range res.Lines {
		t.Log(l)
	}
}
