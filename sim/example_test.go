package sim_test

import (
	"context"
	"fmt"
	"time"

	"github.com/staffsim/staffsim/sim"
)

// A steady desk (M/M/14): 200 calls an hour, 3-minute exponential handle
// times, 14 agents all day, SLA 80 % within 20 s.
func Example() {
	cfg := sim.Config{
		Start:   time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC),
		Horizon: 24 * time.Hour,
		Queues: []sim.Queue{{
			Name:       "phone",
			Arrivals:   sim.Arrivals{PerHour: 200},
			HandleTime: sim.Exponential(3 * time.Minute),
			SLATarget:  20 * time.Second,
			SLAGoal:    0.8,
		}},
		Shifts:       []sim.Shift{{Name: "all day", Always: true, Agents: 14}},
		Replications: 20,
		Seed:         1,
	}
	res, err := sim.Run(context.Background(), cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	sl := res.Summary.Total.ServiceLevel
	fmt.Printf("SL within 20s: between 0.85 and 0.93: %v\n", sl.Mean > 0.85 && sl.Mean < 0.93)
	fmt.Printf("intervals: %d of %v\n", len(res.Intervals), res.Interval)
	// Output:
	// SL within 20s: between 0.85 and 0.93: true
	// intervals: 48 of 30m0s
}
