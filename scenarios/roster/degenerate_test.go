package roster

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// degenerateWeek is the scheduled-agents requirement of staffsim plan's
// built-in sample desk (Monday 6 July 2026, half-hours): two agents all
// night, a business-hours peak, many equal values. With the example
// templates (no night shift) most night rows cannot be covered; gonum's
// simplex cycled for ever on its day LPs until the requirements were
// perturbed (see relax).
var degenerateWeek = []float64{
	2, 3, 4, 3, 3, 2, 3, 2, 2, 3, 3, 3, 4, 5, 5, 9, 10, 14, 17, 20, 20, 19, 17, 13, 14, 12, 14, 14, 15, 15, 15, 13, 10, 9, 7, 5, 7, 5, 5, 4, 4, 4, 4, 3, 3, 3, 2, 3,
	3, 3, 2, 3, 2, 3, 3, 2, 3, 3, 3, 3, 4, 4, 5, 8, 9, 15, 17, 17, 19, 18, 17, 13, 13, 10, 12, 12, 14, 13, 14, 10, 10, 9, 7, 5, 5, 4, 5, 5, 4, 4, 3, 4, 3, 2, 3, 2,
	3, 2, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4, 5, 8, 10, 12, 14, 15, 17, 19, 15, 13, 13, 10, 10, 13, 14, 13, 14, 13, 8, 8, 5, 5, 5, 4, 4, 4, 4, 3, 3, 2, 3, 2, 0, 2,
	3, 2, 0, 2, 2, 0, 2, 2, 2, 0, 2, 3, 3, 4, 4, 8, 8, 12, 14, 15, 18, 18, 17, 14, 13, 12, 10, 12, 10, 12, 12, 10, 12, 9, 5, 5, 5, 5, 5, 5, 4, 3, 4, 3, 3, 2, 2, 2,
	0, 0, 2, 0, 0, 2, 2, 2, 2, 2, 0, 2, 3, 4, 5, 8, 8, 12, 13, 14, 15, 14, 13, 12, 9, 9, 10, 10, 12, 12, 9, 10, 8, 7, 7, 5, 4, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, 0,
	0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 4, 5, 4, 4, 4, 4, 3, 3, 3, 4, 4, 4, 4, 4, 3, 3, 2, 3, 3, 2, 2, 2, 2, 2, 0, 0, 0, 2, 0, 0,
	0, 0, 0, 2, 2, 2, 0, 0, 2, 0, 2, 2, 2, 3, 2, 3, 3, 3, 3, 5, 4, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 4, 3, 3, 2, 2, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0,
}

func TestSolveDegenerateWeekTerminates(t *testing.T) {
	t.Parallel()
	sh, err := ReadShifts(filepath.Join("..", "..", "testdata", "roster", "shifts.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p := &Problem{Start: time.Date(2026, 7, 6, 0, 0, 0, 0, time.UTC), Interval: 30 * time.Minute,
		Required: degenerateWeek, Templates: sh.Templates, Limits: sh.Limits}
	r, err := Solve(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.LowerBound > r.PaidHours+1e-6 {
		t.Errorf("lower bound %v above the roster's paid hours %v", r.LowerBound, r.PaidHours)
	}
	// The templates start 06:00–14:00 and last at most 10 h: nights are short.
	if len(r.Short) == 0 {
		t.Error("no interval reported short, but no template reaches 00:00–06:00")
	}
}
