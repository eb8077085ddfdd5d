package sim

import (
	"context"
	"math"
	"testing"
	"time"
)

// The per-replication counts of Options.Counts add up, replication by
// replication, to the figures of Result.Runs.
func TestCountsAddUpToRuns(t *testing.T) {
	t.Parallel()
	cfg := Config{
		Start: testStart, Horizon: 8 * time.Hour, Interval: 30 * time.Minute, Warmup: time.Hour,
		Queues: []Queue{
			{Name: "a", Priority: 1, Arrivals: Arrivals{PerHour: 50}, HandleTime: Exponential(4 * time.Minute), Patience: Exponential(2 * time.Minute), SLATarget: 20 * time.Second},
			{Name: "b", Priority: 2, Arrivals: Arrivals{PerHour: 30}, HandleTime: Exponential(3 * time.Minute), SLATarget: time.Minute},
		},
		Shifts:       []Shift{{Name: "all", Always: true, Agents: 5}},
		Replications: 4, Seed: 3,
	}
	got := map[int][]Counts{}
	res, err := RunWith(context.Background(), cfg, Options{Workers: 2, Counts: func(rep int, c []Counts) { got[rep] = c }})
	if err != nil {
		t.Fatal(err)
	}
	nQ, nP := len(cfg.Queues), len(res.Intervals)
	for _, run := range res.Runs {
		c := got[run.Index]
		if len(c) != nP*nQ {
			t.Fatalf("replication %d: %d counts, want %d intervals × %d queues", run.Index, len(c), nP, nQ)
		}
		for q := range nQ {
			var s Counts
			for p := range nP {
				x := c[p*nQ+q]
				s.Offered += x.Offered
				s.Answered += x.Answered
				s.Abandoned += x.Abandoned
				s.Within += x.Within
				s.Late += x.Late
				s.WaitAnswered += x.WaitAnswered
			}
			v := run.Queues[q]
			sl := float64(s.Within) / float64(s.Answered+s.Abandoned+s.Late)
			if float64(s.Offered) != v.Offered || float64(s.Answered) != v.Answered || float64(s.Abandoned) != v.Abandoned ||
				math.Abs(sl-v.ServiceLevel) > 1e-12 || math.Abs(s.WaitAnswered/float64(s.Answered)-v.ASA) > 1e-9 {
				t.Errorf("replication %d queue %d: counts %+v (SL %v); want offered %v answered %v abandoned %v SL %v ASA %v",
					run.Index, q, s, sl, v.Offered, v.Answered, v.Abandoned, v.ServiceLevel, v.ASA)
			}
		}
	}
}

// A further target counts exactly what a run with that target as its
// SLATarget counts: the target changes no event, only what is "within".
func TestFurtherTargetsCountAsTheirOwnRun(t *testing.T) {
	t.Parallel()
	cfg := func(target time.Duration, more []time.Duration) Config {
		return Config{
			Start: testStart, Horizon: 6 * time.Hour, Interval: 30 * time.Minute,
			Queues: []Queue{{Name: "a", Arrivals: Arrivals{PerHour: 160}, HandleTime: Exponential(3 * time.Minute),
				Patience: Exponential(2 * time.Minute), SLATarget: target, Targets: more}},
			Shifts:       []Shift{{Name: "all", Always: true, Agents: 5}},
			Replications: 3, Seed: 9,
		}
	}
	collect := func(c Config) map[int][]Counts {
		got := map[int][]Counts{}
		if _, err := RunWith(context.Background(), c, Options{Counts: func(rep int, x []Counts) { got[rep] = x }}); err != nil {
			t.Fatal(err)
		}
		return got
	}
	both := collect(cfg(20*time.Second, []time.Duration{time.Minute, 0}))
	alone := collect(cfg(time.Minute, nil))
	zero := collect(cfg(0, nil))
	var within, late int64
	for rep, cs := range both {
		for p, c := range cs {
			a, z := alone[rep][p], zero[rep][p]
			if len(c.More) != 2 || c.More[0].Within != a.Within || c.More[0].Late != a.Late || c.More[1].Within != z.Within || c.More[1].Late != z.Late {
				t.Fatalf("replication %d interval %d: further targets %+v; want 60 s %d within %d late, 0 s %d within %d late (their own runs)",
					rep, p, c.More, a.Within, a.Late, z.Within, z.Late)
			}
			within += c.More[0].Within - c.Within
			late += c.More[0].Late
		}
	}
	if within <= 0 || late <= 0 {
		t.Errorf("60 s counts %d more within than 20 s and %d late; want both positive (a test that can fail)", within, late)
	}
}
