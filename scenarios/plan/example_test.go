package plan_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/plan"
	"github.com/staffsim/staffsim/scenarios/roster"
)

// A week's plan for the built-in sample desk from Go: 80 % of contacts
// answered within 20 s, 20 % shrinkage, the shift templates of the
// repository's testdata.
func Example() {
	ctx := context.Background()
	in, err := plan.Sample(ctx, 30*time.Minute, 7*24*time.Hour)
	if err != nil {
		fmt.Println(err)
		return
	}
	templates, err := roster.ReadShifts("../../testdata/roster/shifts.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	sl := quantity.Target{Goal: 0.8, Within: 20 * time.Second}
	res, err := plan.Run(ctx, in, plan.Options{
		Horizon: 7 * 24 * time.Hour, Model: erlang.ModelC, SL: sl,
		Targets:   erlang.Targets{ServiceLevel: sl.Goal, Within: sl.Within.Seconds()},
		Shrinkage: 0.2, HoursPerFTE: 37.5, HourlyCost: 25, Templates: templates,
		Replications: 5, Seed: 1, Confidence: 0.9, Log: nil,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	rec, ok := res.Curves[0].Recommended()
	fmt.Println("days simulated:", res.Days)
	fmt.Println("a headcount meets 80/20 in 90% of weeks:", ok && rec.PMeet >= 0.9)
	fmt.Println("FTE = paid hours a week / 37.5:", rec.FTE == rec.PaidHoursPerWeek/37.5)
	fmt.Println("scenario.yaml holds it:", len(res.Scenario.Roster.Shifts) > 0)
	// Output:
	// days simulated: 7
	// a headcount meets 80/20 in 90% of weeks: true
	// FTE = paid hours a week / 37.5: true
	// scenario.yaml holds it: true
}
