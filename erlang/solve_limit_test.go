package erlang

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"
)

// TestAgentsLowOccupancyCap: a low occupancy cap needs n ≥ a/cap, which
// may lie far beyond square-root staffing; the solvers used to give up at
// a + 100√a + 1000 (1,740 agents at 48 erlangs) and call the target unmet.
// Occupancy in Erlang C is a/n by definition (carried traffic over
// agents; Gans, Koole & Mandelbaum 2003, Telephone Call Centers: Tutorial), so the answer for a cap of 1 % at 48 erlangs is exactly 4,800.
func TestAgentsLowOccupancyCap(t *testing.T) {
	t.Parallel()
	for _, q := range []Queue{
		{Model: ModelC, Rate: 0.2, AHT: 240},
		{Model: ModelB, Rate: 0.2, AHT: 240},
		{Model: ModelA, Rate: 0.2, AHT: 240, Patience: 180},
	} {
		r, err := q.Agents(Targets{Within: 20, MaxOccupancy: 0.01})
		if err != nil {
			t.Errorf("%v: Agents(occupancy ≤ 1%%) at 48 erlangs: %v; want 4800 agents", q.Model, err)
			continue
		}
		// Erlang B and A carry slightly less than a (blocking, abandonment),
		// so they may need a few fewer.
		if r.Agents > 4800 || r.Agents < 4790 || r.Occupancy > 0.01 || math.IsNaN(r.Occupancy) {
			t.Errorf("%v: got %d agents at occupancy %v; want about 4800 at ≤ 1%%", q.Model, r.Agents, r.Occupancy)
		}
	}
	// Beyond MaxAgents the target is reported unmet, not searched forever.
	_, err := Queue{Model: ModelC, Rate: 200, AHT: 240}.Agents(Targets{Within: 20, MaxOccupancy: 0.01})
	if !errors.Is(err, ErrTargetsUnmet) {
		t.Errorf("48,000 erlangs at occupancy ≤ 1%% (4.8M agents): got %v, want ErrTargetsUnmet", err)
	}
}

// TestRequirementsContextCancelled: a cancelled run stops with ctx.Err().
func TestRequirementsContextCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := make([]Demand, 1000)
	for i := range d {
		d[i] = Demand{Arrivals: 100, AHT: 180}
	}
	_, err := RequirementsContext(ctx, d, Targets{ServiceLevel: 0.8, Within: 20}, Options{Model: ModelC, Interval: 30 * time.Minute})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

// TestScheduledNeverNegative: shrinkage a hair below 1 used to wrap the
// scheduled headcount to -9223372036854775808.
func TestScheduledNeverNegative(t *testing.T) {
	t.Parallel()
	for _, s := range []float64{0.9999999999999999, 1 - 1e-12, 0.99} {
		if got := Scheduled(MaxAgents, s); got < MaxAgents {
			t.Errorf("Scheduled(%d, %v) = %d, want ≥ %d", MaxAgents, s, got, MaxAgents)
		}
	}
}

// TestTargetsString: targets are written as the flags take them, never in
// exponent notation ("SL 90% within 1.44e+04s" was issue 12).
func TestTargetsString(t *testing.T) {
	for _, tc := range []struct {
		t    Targets
		want string
	}{
		{Targets{ServiceLevel: 0.9, Within: 4 * 3600}, "SL 90% within 4h"},
		{Targets{ServiceLevel: 0.8, Within: 20}, "SL 80% within 20s"},
		{Targets{ServiceLevel: 0.8, Within: 5400, ASA: 30}, "SL 80% within 1h30m, ASA ≤ 30s"},
		{Targets{Within: 20, MaxAbandon: 0.05}, "abandon ≤ 5%"},
	} {
		if got := tc.t.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.t, got, tc.want)
		}
	}
}
