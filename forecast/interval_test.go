package forecast

import (
	"math"
	"testing"
)

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

// FuzzCountInterval checks the interval's invariants for any mean,
// dispersion and level: finite, whole, 0 ≤ lower ≤ upper; for Poisson
// (κ = 0) the bounds bracket the mean's neighbourhood (lower ≤ ⌈μ⌉, upper ≥
// ⌊μ⌋) — a very skewed negative binomial may have its upper quantile below
// its mean.
func FuzzCountInterval(f *testing.F) {
	for _, c := range [][3]float64{{3, 0, 0.8}, {0.01, 5, 0.99}, {400, 0.2, 0.5}, {600, 0, 0.8}, {1e6, 1, 0.95}, {2, 1e-12, 0.01}, {85.71428571428571, 27, 0.8}} {
		f.Add(c[0], c[1], c[2])
	}
	f.Fuzz(func(t *testing.T, mu, kappa, level float64) {
		if !(mu >= 0 && mu <= 1e7 && kappa >= 0 && kappa <= 100 && level > 0.001 && level < 0.999) {
			return
		}
		lo, hi := countInterval(mu, kappa, level)
		if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(hi, 0) || lo < 0 || lo > hi || lo != math.Trunc(lo) || hi != math.Trunc(hi) {
			t.Fatalf("countInterval(%v, %v, %v) = [%v, %v]", mu, kappa, level, lo, hi)
		}
		if kappa == 0 && (lo > math.Ceil(mu) || hi < math.Floor(mu)) {
			t.Fatalf("countInterval(%v, %v, %v) = [%v, %v] does not bracket the mean", mu, kappa, level, lo, hi)
		}
	})
}

func TestCalibrate(t *testing.T) {
	t.Parallel()
	// Forecasts of 10 with actuals 10 ± 6: Poisson(10)'s 80 % interval is
	// [6, 14] (F(5) = 0.067, F(6) = 0.130, F(13) = 0.864, F(14) = 0.917), so
	// it misses actuals of 4 and 16.
	f := make([]float64, 100)
	y := make([]float64, 100)
	for i := range f {
		f[i], y[i] = 10, 10
		if i%10 < 2 { // 20 % at ±6: Poisson covers exactly 80 %
			y[i] = 4 + float64(12*(i%2))
		}
	}
	if k := calibrate(f, y, 0.8); k != 0 {
		t.Errorf("calibrate with 80%% covered by Poisson = %v, want 0", k)
	}
	for i := range f {
		if i%10 < 3 {
			y[i] = 4 + float64(12*(i%2))
		}
	}
	// 30 % at ±6: the smallest κ covering 80 % takes in one side (85 %).
	k := calibrate(f, y, 0.8)
	lo, hi := countInterval(10, k, 0.8)
	if !(k > 0) || (lo > 4 && hi < 16) {
		t.Errorf("calibrate = %v giving [%v, %v]; want κ > 0 with lower ≤ 4 or upper ≥ 16", k, lo, hi)
	}
	if lo2, hi2 := countInterval(10, 0.95*k, 0.8); lo2 <= 4 || hi2 >= 16 {
		t.Errorf("κ = %v is not the smallest: 0.95κ gives [%v, %v]", k, lo2, hi2)
	}
	// A forecast of 0 cannot be covered by any κ: it does not drive κ up.
	if k := calibrate([]float64{0, 0, 5}, []float64{3, 2, 5}, 0.8); k != 0 {
		t.Errorf("calibrate with zero forecasts = %v, want 0", k)
	}
}
