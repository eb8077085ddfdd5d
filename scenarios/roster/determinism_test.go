package roster

import (
	"context"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestDeterministicUnderLoad solves the same week twice, the second time
// with goroutines spinning on every processor beside it, and wants the
// same roster: nothing in Solve may depend on time (a wall-clock budget
// on the LP once made a loaded machine fall back on the weaker day bound
// and a costlier roster). Elapsed, the one measurement of time, is left
// out of the comparison.
func TestDeterministicUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("solves a week twice")
	}
	start, req := weekRequirement(12)
	p := &Problem{Start: start, Interval: 30 * time.Minute, Required: req, Templates: benchTemplates(),
		Limits: Limits{PartTime: 0.3}}
	opt := Options{Moves: 20_000}
	solve := func() *Roster {
		t.Helper()
		r, err := Solve(context.Background(), p, opt)
		if err != nil {
			t.Fatal(err)
		}
		r.Elapsed = 0
		return r
	}
	quiet := solve()

	var stop atomic.Bool
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			x := 0
			for !stop.Load() {
				x++
			}
			_ = x
		})
	}
	loaded := solve()
	stop.Store(true)
	wg.Wait()

	if quiet.Bound != WeekLP {
		t.Errorf("bound %v, want the week's LP", quiet.Bound)
	}
	if !reflect.DeepEqual(quiet, loaded) {
		t.Errorf("rosters differ under load: %d agents, %v paid h, bound %v (%v) quiet; %d, %v, %v (%v) loaded",
			quiet.Agents, quiet.PaidHours, quiet.LowerBound, quiet.Bound, loaded.Agents, loaded.PaidHours, loaded.LowerBound, loaded.Bound)
	}
}
