package sim

import (
	"context"
	"math"
	"reflect"
	"testing"
	"time"
)

// FuzzRun builds small desks from arbitrary numbers: Validate either
// refuses them or Run succeeds with finite results in which every
// contact is accounted for.
func FuzzRun(f *testing.F) {
	f.Add(120.0, int64(4*60), 0.8, uint8(2), int64(3*60), 5, int64(8*3600), int64(9*3600), int64(4*3600), int64(1800), 0.1, 3, uint64(1))
	f.Add(0.0, int64(1), 0.0, uint8(5), int64(0), 0, int64(0), int64(0), int64(0), int64(0), 0.0, 0, uint64(0))
	f.Add(5000.0, int64(600), 3.0, uint8(3), int64(10), 200, int64(23*3600), int64(7*86400), int64(86400), int64(3600), 0.99, 50, uint64(9))
	f.Add(-1.0, int64(-5), math.NaN(), uint8(9), int64(-1), -3, int64(-1), int64(-1), int64(-1), int64(-1), math.Inf(1), -1, uint64(2))
	f.Fuzz(func(t *testing.T, rate float64, aht int64, cv float64, kind uint8, patience int64, agents int,
		start, length, after, brk int64, shrink float64, backlog int, seed uint64) {
		handle := Dist{Kind: Kind(kind % 7), Mean: time.Duration(aht) * time.Second, CV: cv}
		if handle.Kind == KindEmpirical {
			handle.Samples = []time.Duration{time.Duration(aht) * time.Second, time.Minute}
		}
		cfg := Config{
			Start:   testStart,
			Horizon: 36 * time.Hour,
			Queues: []Queue{{Name: "q", Arrivals: Arrivals{PerHour: rate}, HandleTime: handle,
				Patience:  Dist{Kind: Kind(kind % 3), Mean: time.Duration(patience) * time.Second, CV: cv},
				SLATarget: 20 * time.Second, InitialBacklog: backlog}},
			Shifts: []Shift{{Name: "s", Start: time.Duration(start) * time.Second, Length: time.Duration(length) * time.Second,
				Agents: agents, Breaks: []Break{{After: time.Duration(after) * time.Second, Length: time.Duration(brk) * time.Second}}}},
			Shrinkage:    shrink,
			Seed:         seed,
			Replications: 2,
		}
		// Keep each case cheap: the fuzzer is after edge cases, not load.
		if rate > 2000 || agents > 300 || backlog > 5000 {
			return
		}
		if cfg.Validate() != nil {
			return
		}
		r, err := Run(context.Background(), cfg)
		if err != nil {
			t.Fatalf("valid config failed: %v", err)
		}
		checkFinite(t, reflect.ValueOf(r), "Result")
		for _, run := range r.Runs {
			q := run.Queues[0]
			if q.Offered != q.Answered+q.Abandoned+q.Backlog {
				t.Fatalf("offered %v ≠ answered %v + abandoned %v + queued %v", q.Offered, q.Answered, q.Abandoned, q.Backlog)
			}
			if q.ServiceLevel < 0 || q.ServiceLevel > 1 || q.Occupancy < 0 || q.Occupancy > 1 {
				t.Fatalf("SL %v, occupancy %v outside [0, 1]", q.ServiceLevel, q.Occupancy)
			}
		}
	})
}
