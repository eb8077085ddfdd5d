package sim

import (
	"testing"
	"time"
)

// Not-ready time on an M/M/n desk (20 agents, 15 erlangs, exponential
// handle times of 4 min, short spells of 20 s, share s = 10 %):
//
//   - the time-average number of ready agents (AgentsAvailable) is (1 − s)·n:
//     the spells follow a stationary alternating renewal process whose
//     not-ready share is s at every instant (Ross, Stochastic Processes,
//     2nd ed., §3.4.1), and an owed spell is only delayed, never lost;
//   - occupancy's denominator leaves not-ready time out: busy / ready time
//     = a / ((1 − s)·n);
//   - the service level moves from Erlang C with n agents towards Erlang C
//     with (1 − s)·n: with spells much shorter than a handle time, the desk
//     is close to one of (1 − s)·n agents (an approximation, so the test
//     asks only that it be nearer that than n).
func TestNotReadyShare(t *testing.T) {
	t.Parallel()
	const n, s = 20, 0.1
	aht := 4 * time.Minute
	perHour := 225.0 // a = 15 erlangs
	a := perHour * aht.Hours()
	cfg := steady(perHour, aht, n, Dist{}, 20*time.Second)
	cfg.Shifts[0].NotReady = s
	cfg.Shifts[0].NotReadySpell = 20 * time.Second
	cfg.Horizon = 50 * time.Hour
	r := run(t, cfg)
	sum := r.Summary.Total
	near(t, "ready agents", sum.AgentsAvailable, (1-s)*n, k, 0.05)
	near(t, "occupancy of ready time", sum.Occupancy, a/((1-s)*n), k, 0.01)

	atN := erlangCMeasures(n, a, aht.Seconds(), 20).sl
	atReady := erlangCMeasures(int((1-s)*n), a, aht.Seconds(), 20).sl
	sl := r.Summary.Queues[0].ServiceLevel
	t.Logf("SL %.4f ± %.4f; Erlang C: %d agents %.4f, %d agents %.4f", sl.Mean, sl.HalfWidth(), n, atN, int((1-s)*n), atReady)
	if !(sl.High < atN) || !(abs(sl.Mean-atReady) < abs(sl.Mean-atN)) {
		t.Errorf("SL %.4f [%.4f, %.4f]: want below Erlang C with %d agents (%.4f) and nearer Erlang C with %d (%.4f)",
			sl.Mean, sl.Low, sl.High, n, atN, int((1-s)*n), atReady)
	}

	// Without the key, nothing changes: the same desk as before.
	cfg.Shifts[0].NotReady = 0
	if got := run(t, cfg).Summary.Total.AgentsAvailable; got.Mean != n {
		t.Errorf("agents available without not-ready time: %v, want %d", got.Mean, n)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
