package calllog

import (
	"math"
	"strings"
	"testing"
	"time"
)

// notReadyOf generates the desk's log, reads it and returns its estimates.
func notReadyOf(t *testing.T, d desk) *Gaps {
	t.Helper()
	e := NewEstimator(Config{})
	rep, err := Read("desk.csv", strings.NewReader(logOf(d.run())), Options{}, e.Add)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rejected > 0 {
		t.Fatalf("%d rejects: %v", rep.Rejected, rep.Rejects)
	}
	est, err := e.Estimate()
	if err != nil {
		t.Fatal(err)
	}
	if est.Gaps == nil {
		t.Fatal("no gaps: the generated log names its agents")
	}
	return est.Gaps
}

// TestNotReadyKnownDesk generates desks whose agents are not ready a known
// share of their time (gen_test.go's desk, simulated outside package sim)
// and checks that the not-ready estimate recovers it within 0.045; and
// that it reads 0 (within 0.045) on work-conserving desks, with and
// without wrap-up. The tolerance is the estimator's documented upward
// bias (2–4 points with pick-up delays varying as here, U(2 s, 18 s))
// plus a point of noise; 12 % and 0 lie farther apart than twice it, so
// the test fails when the estimate does not tell them apart.
func TestNotReadyKnownDesk(t *testing.T) {
	t.Parallel()
	base := desk{agents: 12, days: 10, open: 8 * time.Hour, close: 18 * time.Hour, rate: 0.044,
		handleMean: 180, handleCV: 1, patience: 240, wrapLo: 10, wrapHi: 50, pickLo: 2, pickHi: 18, seed: 11}
	for _, c := range []struct {
		name              string
		share, spell, tol float64
		wrapHi            float64
	}{
		{"work-conserving", 0, 0, 0.045, 50},
		{"work-conserving, no wrap-up", 0, 0, 0.045, 0},
		{"12% in 2-minute spells", 0.12, 120, 0.045, 50},
		{"12% in 2-minute spells, no wrap-up", 0.12, 120, 0.045, 0},
		{"6% in 5-minute spells", 0.06, 300, 0.045, 50},
	} {
		d := base
		d.notReady, d.spell = c.share, c.spell
		if c.wrapHi == 0 {
			d.wrapLo, d.wrapHi = 0, 0
		}
		g := notReadyOf(t, d)
		t.Logf("%s: not ready %.4f (%.0f agent-hours with a call waiting); separable %v, busy gap %.1f s, pick-up %.1f s, wrap-up %.1f s",
			c.name, g.NotReady, g.NotReadyHours, g.Separable, g.Busy.Mean, g.PickUp.Mean, g.WrapUpMean)
		if math.Abs(g.NotReady-c.share) > c.tol || math.IsNaN(g.NotReady) {
			t.Errorf("%s: not-ready share %.4f, want %.2f ± %.3f", c.name, g.NotReady, c.share, c.tol)
		}
	}
}
