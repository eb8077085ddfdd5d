package forecast

import (
	"math"
	"testing"
	"time"
)

// TestMethodsRecoverNoiselessSeasonality: on a noiseless history whose
// every interval is level × intraday shape × weekday factor (closed at
// night and on Sundays), every method must forecast the next two weeks
// exactly (to rounding): the smoothing methods' start values, normalised
// seasons and re-estimated level leave nothing to smooth away. MSTL is the
// exception: STL's loess of the intraday cycle-subseries smooths across
// weekdays, so part of the weekly pattern ends up in the trend and
// remainder, and its forecast is not exact. R's implementation does the
// same on this history (forecast 8.20, R 4.2.2):
//
//	f <- forecast(mstl(x, lambda = 0.5), method = "ets", h = 672,
//	              lambda = 0.5, biasadj = TRUE)   # WAPE 1.70 %
//
// (1.16 % without the square root), so mstl must do at least as well.
func TestMethodsRecoverNoiselessSeasonality(t *testing.T) {
	t.Parallel()
	truth := func(tt time.Time) float64 {
		h := float64(tt.Hour()) + float64(tt.Minute())/60
		if h < 7 || h >= 20 || tt.Weekday() == time.Sunday {
			return 0
		}
		return 20 * (0.4 + math.Exp(-math.Pow((h-11)/2, 2))) * weekdayFactor[tt.Weekday()]
	}
	start := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
	s := &Series{Start: start, Interval: 30 * time.Minute}
	for i := range 12 * 7 * 48 {
		s.Arrivals = append(s.Arrivals, truth(s.Time(i)))
	}
	h := 14 * 48
	in, err := Prepare(s, h, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range Methods() {
		f, _, err := point(in, m, in.Len(), h)
		if err != nil {
			t.Fatalf("%s: %v", m.Name(), err)
		}
		var absErr, sum float64
		for j, v := range f {
			y := truth(in.Time(in.Len() + j))
			absErr += math.Abs(v - y)
			sum += y
		}
		wape := absErr / sum
		t.Logf("%s: WAPE %.3g", m.Name(), wape)
		tol := 1e-9
		if m.Name() == "mstl" {
			tol = 0.0170 // R's mstl + ETS with λ = ½, above
		}
		if wape > tol {
			t.Errorf("%s: WAPE %.3g on a noiseless seasonal history, want ≤ %g", m.Name(), wape, tol)
		}
	}
}
