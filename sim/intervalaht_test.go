package sim

import (
	"testing"
	"time"
)

// With a handle time per interval (Arrivals.AHT), each interval's measured
// busy time is its expected arrivals × its own AHT: by Wald's identity, E[busy]
// = E[N]·E[S] for N Poisson arrivals with independent handle times S. The
// hours between the two busy hours let every contact finish within its
// reporting interval (P(S > 2h) = e^−12 for the longer mean), and agents
// are ample, so busy time is the work brought in.
func TestIntervalAHTBusyTime(t *testing.T) {
	t.Parallel()
	const agents = 40
	for _, tc := range []struct {
		name string
		dist func(time.Duration) Dist
	}{
		{"exponential", Exponential},
		{"lognormal cv 0.8", func(m time.Duration) Dist { return LogNormal(m, 0.8) }},
	} {
		cfg := Config{
			Start: testStart, Horizon: 6 * time.Hour, Interval: 3 * time.Hour,
			Queues: []Queue{{
				Name: "phone", Arrivals: Arrivals{
					Counts: []float64{60, 0, 0, 30, 0, 0}, Step: time.Hour,
					AHT: []time.Duration{2 * time.Minute, 0, 0, 10 * time.Minute, 0, 0},
				},
				HandleTime: tc.dist(5 * time.Minute), SLATarget: 20 * time.Second,
			}},
			Shifts:       []Shift{{Name: "all", Always: true, Agents: agents}},
			Replications: 400, Seed: 11,
		}
		r := run(t, cfg)
		for i, want := range []float64{60 * 2, 30 * 10} { // agent-minutes
			p := r.Intervals[i]
			minutes := p.Length.Minutes() * agents
			got := p.Total.Occupancy
			got.Mean, got.Low, got.High = got.Mean*minutes, got.Low*minutes, got.High*minutes
			near(t, tc.name+": busy agent-minutes of interval "+p.Start.Format("15:04"), got, want, k, 0.08*want)
		}
	}
}
