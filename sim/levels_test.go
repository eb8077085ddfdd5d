package sim

import (
	"context"
	"math"
	"slices"
	"testing"
	"time"
)

// The service level at each target (Metrics.Levels) is, interval by
// interval, replication by replication and for the desk, the service level
// of a run judged at that target alone: a target changes no event. A queue
// does not measure a target it does not list.
func TestLevelsAreTheirOwnRun(t *testing.T) {
	t.Parallel()
	cfg := func(ta, tb time.Duration, moreA, moreB []time.Duration) Config {
		return Config{
			Start: testStart, Horizon: 6 * time.Hour, Interval: time.Hour, Warmup: time.Hour,
			Queues: []Queue{
				{Name: "a", Priority: 1, Arrivals: Arrivals{PerHour: 90}, HandleTime: Exponential(3 * time.Minute),
					Patience: Exponential(2 * time.Minute), SLATarget: ta, Targets: moreA},
				{Name: "b", Priority: 1, Arrivals: Arrivals{PerHour: 40}, HandleTime: Exponential(4 * time.Minute), SLATarget: tb, Targets: moreB},
			},
			Shifts:       []Shift{{Name: "all", Always: true, Agents: 7}},
			Replications: 5, Seed: 4,
		}
	}
	run := func(c Config) *Result {
		r, err := Run(context.Background(), c)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	s20, s60 := 20*time.Second, time.Minute
	both := run(cfg(s20, s60, []time.Duration{s60}, nil))
	if want := []time.Duration{s20, s60}; !slices.Equal(both.Targets, want) {
		t.Fatalf("Targets = %v, want %v", both.Targets, want)
	}
	at20 := run(cfg(s20, s20, nil, nil)) // both queues judged at 20 s
	at60 := run(cfg(s60, s60, nil, nil))
	same := func(what string, got, want Estimate) {
		t.Helper()
		if got.N != want.N || math.Abs(got.Mean-want.Mean) > 1e-12 || math.Abs(got.Low-want.Low) > 1e-9 || math.Abs(got.High-want.High) > 1e-9 {
			t.Errorf("%s: got %+v, want %+v", what, got, want)
		}
	}
	periods := func(r *Result) []Period { return append(slices.Clone(r.Intervals), r.Summary) }
	pb, p20, p60 := periods(both), periods(at20), periods(at60)
	for i := range pb {
		same("queue a at 20s", pb[i].Queues[0].Levels[0], p20[i].Queues[0].ServiceLevel)
		same("queue a at 60s", pb[i].Queues[0].Levels[1], p60[i].Queues[0].ServiceLevel)
		same("queue b at 60s", pb[i].Queues[1].Levels[1], p60[i].Queues[1].ServiceLevel)
		if e := pb[i].Queues[1].Levels[0]; e.Defined() {
			t.Errorf("period %d: queue b does not measure 20s, got %+v", i, e)
		}
		same("desk at 20s (queue a only)", pb[i].Total.Levels[0], p20[i].Queues[0].ServiceLevel)
		same("desk at 60s", pb[i].Total.Levels[1], p60[i].Total.ServiceLevel)
		same("queue a's own target", pb[i].Queues[0].ServiceLevel, pb[i].Queues[0].Levels[0])
	}
	for r, v := range both.Runs {
		for q, want := range [][2]float64{{at20.Runs[r].Queues[0].ServiceLevel, at60.Runs[r].Queues[0].ServiceLevel}, {0, at60.Runs[r].Queues[1].ServiceLevel}} {
			got := v.Queues[q]
			if got.LevelsDefined[0] != (q == 0) || !got.LevelsDefined[1] || math.Abs(got.Levels[0]-want[0]) > 1e-12 || math.Abs(got.Levels[1]-want[1]) > 1e-12 {
				t.Errorf("replication %d queue %d: levels %v (defined %v), want %v", r, q, got.Levels, got.LevelsDefined, want)
			}
		}
		if got, want := v.Total.Levels[1], at60.Runs[r].Total.ServiceLevel; math.Abs(got-want) > 1e-12 {
			t.Errorf("replication %d desk at 60s: %v, want %v", r, got, want)
		}
	}
}
