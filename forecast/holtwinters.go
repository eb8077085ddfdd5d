package forecast

import (
	"errors"
	"math"
)

// HWParams are the Holt-Winters smoothing parameters, each in [0, 1]:
// Alpha for the level, Beta for the trend, Gamma for the seasonal component.
type HWParams struct{ Alpha, Beta, Gamma float64 }

// HWState is the state of a Holt-Winters filter: level a, trend b and one
// seasonal component per key (per position in the season).
type HWState struct {
	Level, Trend float64
	Season       []float64
}

// HWStart returns R's start values for a seasonal Holt-Winters filter of
// period m (R's stats::HoltWinters with start.periods = 2): decompose the
// first 2m observations with a centred moving average of order m (a 2×m MA
// when m is even); the level and trend start at the intercept and slope of
// the least-squares line through the trend values 1, 2, …; the seasonal
// start values are the mean detrended value of each position, centred (sum
// 0, additive) or normalised (mean 1, multiplicative).
//
// keys[i] is the position in the season of observation i; nil means i mod m
// (R's convention). Positions never seen get 0 (additive) or 1.
//
// Reference: R Core Team, src/library/stats/R/HoltWinters.R (HoltWinters and
// decompose), R 4.x.
func HWStart(y []float64, keys []int32, m int, multiplicative bool) (HWState, error) {
	wind := 2 * m
	if m < 2 || len(y) < wind {
		return HWState{}, errors.New("Holt-Winters start values need two whole seasons")
	}
	key := func(i int) int {
		if keys == nil {
			return i % m
		}
		return int(keys[i])
	}
	// Centred moving average (R's filter(x, f, sides = 2)).
	var w []float64
	if m%2 == 0 {
		w = make([]float64, m+1)
		for j := range w {
			w[j] = 1 / float64(m)
		}
		w[0], w[m] = 0.5/float64(m), 0.5/float64(m)
	} else {
		w = make([]float64, m)
		for j := range w {
			w[j] = 1 / float64(m)
		}
	}
	o := len(w) / 2
	var trend []float64 // trend[j] belongs to observation o+j
	for i := o; i+len(w)-1-o < wind; i++ {
		s := 0.0
		for j := range w {
			s += w[j] * y[i-o+j]
		}
		trend = append(trend, s)
	}
	// Seasonal figure: mean detrended value per key.
	fig := make([]float64, m)
	cnt := make([]float64, m)
	for j, tr := range trend {
		i := o + j
		v := y[i] - tr
		if multiplicative {
			if tr == 0 {
				continue
			}
			v = y[i] / tr
		}
		fig[key(i)] += v
		cnt[key(i)]++
	}
	mean, seen := 0.0, 0.0
	for k := range fig {
		if cnt[k] > 0 {
			fig[k] /= cnt[k]
			mean += fig[k]
			seen++
		}
	}
	if seen > 0 {
		mean /= seen
	}
	for k := range fig {
		switch {
		case cnt[k] == 0 && multiplicative:
			fig[k] = 1
		case cnt[k] == 0:
			fig[k] = 0
		case multiplicative && mean > 0:
			fig[k] /= mean
		case !multiplicative:
			fig[k] -= mean
		}
	}
	// Least-squares line through trend against 1, 2, …, len(trend).
	var sx, sy, sxx, sxy float64
	for j, tr := range trend {
		x := float64(j + 1)
		sx += x
		sy += tr
		sxx += x * x
		sxy += x * tr
	}
	nn := float64(len(trend))
	slope := (nn*sxy - sx*sy) / (nn*sxx - sx*sx)
	return HWState{Level: (sy - slope*sx) / nn, Trend: slope, Season: fig}, nil
}

// HWFilter runs the Holt-Winters recursions over y[start:] from state st
// (updated in place) and returns the sum of squared one-step errors. For
// observation t with key k and seasonal component s = st.Season[k]:
//
//	additive:        ŷ = (a + b) + s
//	                 a' = α(y − s) + (1−α)(a + b)
//	                 s' = γ(y − a') + (1−γ)s
//	multiplicative:  ŷ = (a + b)·s
//	                 a' = α·y/s + (1−α)(a + b)
//	                 s' = γ·y/a' + (1−γ)s
//	both:            b' = β(a' − a) + (1−β)b
//
// This is R's C_HoltWinters loop (src/library/stats/src/HoltWinters.c);
// with R's start values (HWStart) and start = m it reproduces R's SSE. The
// multiplicative form skips the level update where s < MinSeason (a slot
// with under a tenth of the average volume: y/s would turn count noise into
// level jumps, or divide by zero in an empty slot) and the seasonal update
// where a' ≈ 0; R refuses series with zeros. No AirPassengers factor is
// below MinSeason, so R's results are unchanged.
//
// keys as in HWStart (nil: i mod len(st.Season)). The loop allocates
// nothing.
func HWFilter(y []float64, keys []int32, start int, p HWParams, multiplicative bool, st *HWState) float64 {
	return hwFilter(y, keys, start, p, multiplicative, false, st)
}

// hwFilter is HWFilter, optionally with the seasonal components kept
// normalised after every update (mean 1 multiplicative, mean 0 additive,
// over the season), the level and trend rescaled so that every forecast is
// unchanged (Archibald & Koehler 2003, "Normalization of seasonal factors
// in Winters' methods", International Journal of Forecasting 19, 143–148).
// Without it level and season trade off over a long weekly season fitted
// to noisy counts: the level sinks through quiet days while the season
// factors grow. Normalisation is O(1) a step: the components are stored
// relative to a running scale g (true s = g·ŝ multiplicative, ŝ + g
// additive) and only g, the sum of ŝ, the level and the trend change.
func hwFilter(y []float64, keys []int32, start int, p HWParams, multiplicative, normalise bool, st *HWState) float64 {
	m := len(st.Season)
	a, b, season := st.Level, st.Trend, st.Season
	sse := 0.0
	const tiny = 1e-9
	g, sum := 1.0, 0.0 // running scale and Σŝ
	if !multiplicative {
		g = 0
	}
	if normalise {
		for _, v := range season {
			sum += v
		}
	}
	for i := start; i < len(y); i++ {
		var k int
		if keys == nil {
			k = i % m
		} else {
			k = int(keys[i])
		}
		s := season[k]
		if normalise {
			if multiplicative {
				s *= g
			} else {
				s += g
			}
		}
		x := y[i]
		var xhat, a1 float64
		if multiplicative {
			xhat = (a + b) * s
			if s >= MinSeason {
				a1 = p.Alpha*(x/s) + (1-p.Alpha)*(a+b)
			} else {
				a1 = a + b
			}
		} else {
			xhat = a + b + s
			a1 = p.Alpha*(x-s) + (1-p.Alpha)*(a+b)
		}
		r := x - xhat
		sse += r * r
		b = p.Beta*(a1-a) + (1-p.Beta)*b
		s1 := s
		if multiplicative {
			if a1 > tiny {
				s1 = p.Gamma*(x/a1) + (1-p.Gamma)*s
			}
		} else {
			s1 = p.Gamma*(x-a1) + (1-p.Gamma)*s
		}
		a = a1
		if !normalise {
			season[k] = s1
			continue
		}
		if multiplicative {
			season[k] = s1 / g
			sum += (s1 - s) / g
			mean := g * sum / float64(m)
			if mean > tiny {
				g /= mean
				a *= mean
				b *= mean
			}
		} else {
			season[k] = s1 - g
			sum += s1 - s
			mean := g + sum/float64(m)
			g -= mean
			a += mean
		}
	}
	if normalise {
		for k := range season {
			if multiplicative {
				season[k] *= g
			} else {
				season[k] += g
			}
		}
	}
	st.Level, st.Trend = a, b
	return sse
}

// MinSeason is the smallest multiplicative seasonal factor from which the
// level is updated (see HWFilter and Taylor).
var MinSeason = 0.1

// hwForecast returns the h-step forecasts from state st for the keys given.
func hwForecast(st *HWState, keys []int32, multiplicative bool, out []float64) {
	for j, k := range keys {
		lt := st.Level + float64(j+1)*st.Trend
		if multiplicative {
			out[j] = lt * st.Season[k]
		} else {
			out[j] = lt + st.Season[k]
		}
	}
}

// finite reports whether every value is a finite number.
func finite(v []float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
