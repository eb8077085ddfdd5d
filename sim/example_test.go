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

// A day desk: a forecast of calls per half hour, two shifts with breaks,
// 20 replications; read the service level per interval with its 95 %
// confidence interval and the chance of meeting the SLA over the day. The
// early shift's breaks all fall at 10:00, and the service level shows it.
func ExampleRun_roster() {
	start := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC) // a Monday
	forecast := make([]float64, 48)                       // calls per half hour
	for i := 16; i < 36; i++ {                            // 08:00–18:00
		forecast[i] = 40
	}
	cfg := sim.Config{
		Start:   start,
		Horizon: 24 * time.Hour,
		Queues: []sim.Queue{{
			Name:       "phone",
			Arrivals:   sim.Arrivals{Counts: forecast, Step: 30 * time.Minute},
			HandleTime: sim.LogNormal(5*time.Minute, 0.8),
			Patience:   sim.Exponential(3 * time.Minute),
			SLATarget:  20 * time.Second,
			SLAGoal:    0.8,
		}},
		Shifts: []sim.Shift{
			{Name: "early", Start: 8 * time.Hour, Length: 5 * time.Hour, Agents: 9,
				Breaks: []sim.Break{{After: 2 * time.Hour, Length: 15 * time.Minute}}},
			{Name: "late", Start: 13 * time.Hour, Length: 5 * time.Hour, Agents: 9,
				Breaks: []sim.Break{{After: 2 * time.Hour, Length: 15 * time.Minute}}},
		},
		Replications: 20,
		Seed:         1,
	}
	res, err := sim.Run(context.Background(), cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, iv := range res.Intervals {
		if h := iv.Start.Hour(); h != 9 && h != 10 || iv.Start.Minute() != 0 {
			continue
		}
		q := iv.Queues[0]
		fmt.Printf("%s  agents available %.1f  SL %.2f ≤ %.2f ≤ %.2f: %v\n", iv.Start.Format("15:04"),
			q.AgentsAvailable.Mean, q.ServiceLevel.Low, q.ServiceLevel.Mean, q.ServiceLevel.High,
			q.ServiceLevel.Low <= q.ServiceLevel.Mean && q.ServiceLevel.Mean <= q.ServiceLevel.High)
	}
	day := res.Summary.Total
	fmt.Printf("paid hours at least 90: %v\n", day.PaidHours.Mean >= 90)
	fmt.Printf("P(meet 80/20 over the day) in [0, 1]: %v\n", res.MetGoal[0] >= 0 && res.MetGoal[0] <= 1)
	// Output:
	// 09:00  agents available 9.0  SL 0.79 ≤ 0.85 ≤ 0.91: true
	// 10:00  agents available 4.5  SL 0.30 ≤ 0.33 ≤ 0.37: true
	// paid hours at least 90: true
	// P(meet 80/20 over the day) in [0, 1]: true
}
