package sim

import (
	"context"
	"math"
	"testing"
	"time"
)

var testStart = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC) // a Monday

// steady returns a one-queue desk with n agents on duty all the time.
func steady(perHour float64, aht time.Duration, n int, patience Dist, target time.Duration) Config {
	return Config{
		Start:   testStart,
		Horizon: 26 * time.Hour,
		Warmup:  2 * time.Hour,
		Queues: []Queue{{
			Name: "phone", Arrivals: Arrivals{PerHour: perHour},
			HandleTime: Exponential(aht), Patience: patience, SLATarget: target, SLAGoal: 0.8,
		}},
		Shifts:       []Shift{{Name: "all", Always: true, Agents: n}},
		Replications: 24,
		Seed:         20261207,
	}
}

// near checks that the reference value lies within k confidence-interval
// half-widths of the simulated mean, and that the interval is tight enough
// for the check to mean something.
func near(t *testing.T, what string, got Estimate, want, k, maxHalf float64) {
	t.Helper()
	h := got.HalfWidth()
	t.Logf("%s: simulated %.5g ± %.3g, closed form %.5g", what, got.Mean, h, want)
	if h > maxHalf {
		t.Errorf("%s: 95%% CI half-width %.4g exceeds %.4g: the test is too weak", what, h, maxHalf)
	}
	if d := math.Abs(got.Mean - want); d > k*h {
		t.Errorf("%s: simulated %.5g ± %.3g, closed form %.5g: off by %.2f half-widths (allowed %v)", what, got.Mean, h, want, d/h, k)
	}
}

// k is the tolerance in 95 % half-widths: 2 half-widths is about 4
// standard errors, so a correct simulator fails with probability ~1e-4 —
// and never, with the fixed seed.
const k = 2.0

func run(t *testing.T, cfg Config) *Result {
	t.Helper()
	r, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// M/M/n converges to Erlang C: service level, P(wait), ASA, occupancy.
func TestErlangC(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		perHour float64
		aht     time.Duration
		n       int
		target  time.Duration
		horizon time.Duration
	}{
		{"A=10 N=14", 200, 180 * time.Second, 14, 20 * time.Second, 26 * time.Hour},
		// Heavier load: waits are correlated for longer, so run longer.
		{"A=48 N=54", 720, 240 * time.Second, 54, 20 * time.Second, 74 * time.Hour},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := tc.perHour * tc.aht.Hours()
			want := erlangCMeasures(tc.n, a, tc.aht.Seconds(), tc.target.Seconds())
			cfg := steady(tc.perHour, tc.aht, tc.n, Dist{}, tc.target)
			cfg.Horizon = tc.horizon
			r := run(t, cfg)
			s := r.Summary.Queues[0]
			near(t, "SL", s.ServiceLevel, want.sl, k, 0.01)
			// The wait histogram agrees: the share within the 20 s edge.
			if got := r.Waits[0].Within(tc.target); math.Abs(got-want.sl) > 2*s.ServiceLevel.HalfWidth() {
				t.Errorf("histogram share within %v: %.4f, want %.4f", tc.target, got, want.sl)
			}
			near(t, "ASA", s.ASA, want.asa, k, 1)
			near(t, "occupancy", s.Occupancy, want.occ, k, 0.01)
			if s.AbandonRate.Mean != 0 {
				t.Errorf("abandon rate %v without patience; want 0", s.AbandonRate.Mean)
			}
			// P(wait) = 1 − SL(0): only contacts answered on arrival meet a 0 s target.
			cfg.Queues[0].SLATarget = 0
			s = run(t, cfg).Summary.Queues[0]
			near(t, "P(wait)", Estimate{Mean: 1 - s.ServiceLevel.Mean, Low: 1 - s.ServiceLevel.High, High: 1 - s.ServiceLevel.Low}, want.pw, k, 0.015)
		})
	}
}

// M/M/n+M converges to Erlang A: P(abandon), SL, ASA, occupancy.
func TestErlangA(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		perHour  float64
		aht      time.Duration
		n        int
		patience time.Duration
	}{
		// Critically loaded (n = a): Erlang C would be unstable.
		{"A=48 N=48 patience 3m", 720, 240 * time.Second, 48, 3 * time.Minute},
		{"A=10 N=11 patience 1m", 200, 180 * time.Second, 11, time.Minute},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			target := 20 * time.Second
			want := erlangA(tc.n, tc.perHour/3600, 1/tc.aht.Seconds(), 1/tc.patience.Seconds(), target.Seconds())
			s := run(t, steady(tc.perHour, tc.aht, tc.n, Exponential(tc.patience), target)).Summary.Queues[0]
			near(t, "P(abandon)", s.AbandonRate, want.pab, k, 0.01)
			near(t, "SL", s.ServiceLevel, want.sl, k, 0.015)
			near(t, "ASA", s.ASA, want.asa, k, 1.5)
			near(t, "ATA", s.ATA, want.ata, k, 3)
			near(t, "occupancy", s.Occupancy, want.occ, k, 0.01)
		})
	}
}
