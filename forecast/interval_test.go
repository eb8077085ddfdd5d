package forecast

import "testing"

// TestCountInterval checks the prediction-interval quantiles against
// closed forms:
//   - Poisson(3): F(0)=0.0498, F(1)=0.1991, F(4)=0.8153, F(5)=0.9161 (any
//     Poisson table, e.g. Abramowitz & Stegun 26.4, or e^{−3}Σ3^k/k!),
//     so the 80 % interval is [Q(0.1), Q(0.9)] = [1, 5];
//   - κ = 1 is the geometric law with F(k) = 1 − (μ/(1+μ))^{k+1}; for μ = 4,
//     0.8^{k+1} ≤ 0.1 first at k = 10 and ≤ 0.9 at k = 0: [0, 10].
func TestCountInterval(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		mu, kappa, level float64
		lo, hi           float64
	}{
		{3, 0, 0.8, 1, 5},
		{4, 1, 0.8, 0, 10},
		{0, 0.3, 0.8, 0, 0},
		{-1, 0, 0.8, 0, 0},
	} {
		lo, hi := countInterval(tc.mu, tc.kappa, tc.level)
		if lo != tc.lo || hi != tc.hi {
			t.Errorf("countInterval(%v, κ=%v, %v) = [%v, %v], want [%v, %v]", tc.mu, tc.kappa, tc.level, lo, hi, tc.lo, tc.hi)
		}
	}
	// Large means use the normal approximation: finite, ordered, around μ.
	lo, hi := countInterval(5000, 0.01, 0.8)
	if !(lo > 0 && lo < 5000 && hi > 5000) {
		t.Errorf("countInterval(5000) = [%v, %v]", lo, hi)
	}
}

func TestDispersion(t *testing.T) {
	t.Parallel()
	// Perfect forecasts of Poisson-like data have no excess dispersion.
	if k := dispersion([]float64{10, 10}, []float64{10, 10}); k != 0 {
		t.Errorf("dispersion of exact forecasts = %v, want 0", k)
	}
	// Errors of ±10 around 10: Σ(e² − f)/Σf² = (90+90)/200 = 0.9.
	if k := dispersion([]float64{10, 10}, []float64{0, 20}); k != 0.9 {
		t.Errorf("dispersion = %v, want 0.9", k)
	}
}
