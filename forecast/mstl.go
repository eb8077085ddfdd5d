package forecast

import (
	"math"
	"slices"
)

// MSTL forecasts by MSTL (Bandara, Hyndman & Bergmeir 2022, "MSTL: a
// seasonal-trend decomposition algorithm for time series with multiple
// seasonal patterns", arXiv:2107.13462), as R's forecast package does with
// forecast(mstl(x), method = "ets"): the history, on the square-root scale,
// is decomposed into a trend T, an intraday seasonal component D (period
// one day) and a weekly one W (period one week) by STL (see stl: loess per
// cycle-subseries, seasonal windows of 11 days and 15 weeks, R's mstl
// defaults 7 + 4i), each component re-estimated on the series without the
// other, twice (R's iterate = 2); the seasonally adjusted series is
// smoothed exponentially and the seasonal components of the last day and
// week are repeated:
//
//	y_t   = √counts_t = T_t + D_t + W_t + R_t
//	a_t   = y_t − D_t − W_t = T_t + R_t
//	ℓ_t   = α·a_t + (1−α)·ℓ_{t−1},  α = argmin Σ_t (a_{t+1} − ℓ_t)²
//	x̂_{n+k} = ℓ_n + D(slot of n+k) + W(key of n+k)   (last day, last week)
//	ŷ_{n+k} = x̂² + σ²,  σ² = mean R_t²
//
// The square root (Box–Cox λ = ½) stabilises Poisson variance, so a level
// change scales busy and quiet slots alike; σ² is the bias correction of
// the back-transform (E[x²] = x̂² + σ²). R's ets chooses its model by AICc;
// on the adjusted series of half-hourly data it picks simple exponential
// smoothing (ETS(M,N,N), α ≈ 1 on R's `taylor` series), which this
// reproduces with additive errors. STL positions are interval indexes, so
// across a DST change the subseries mix slots an hour apart for the length
// of the seasonal window; the forecast maps the components by seasonal key.
//
// The decomposition uses the last Weeks weeks (0: 16, a week more than the
// weekly seasonal window) of history; holidays and outage days enter it
// imputed (Input.Y).
type MSTL struct {
	Weeks int
}

// Name returns "mstl".
func (MSTL) Name() string { return "mstl" }

// mstlWeeks is the history MSTL decomposes by default: a week more than
// the weekly seasonal loess window (15 weeks).
const mstlWeeks = 16

// Forecast implements Method; it needs two weeks of history.
func (m MSTL) Forecast(in *Input, n, h int) ([]float64, error) {
	if err := needWeeks(in, m.Name(), n, 2); err != nil {
		return nil, err
	}
	weeks := m.Weeks
	if weeks <= 0 {
		weeks = mstlWeeks
	}
	spd, period := in.SlotsPerDay, in.Period
	lo := max(0, n-weeks*period)
	y := make([]float64, n-lo)
	for i := range y {
		y[i] = math.Sqrt(max(0, in.Y[lo+i]))
	}
	keys := in.Keys[lo:n]
	// MSTL: each seasonal component in turn is re-estimated by STL on the
	// series without the other, twice (R's mstl, iterate = 2).
	deseas := slices.Clone(y)
	var dayS, weekS, trend []float64
	for range 2 {
		for _, c := range []struct {
			s      *[]float64
			period int
			window int
		}{{&dayS, spd, 11}, {&weekS, period, 15}} {
			if *c.s != nil {
				for i, v := range *c.s {
					deseas[i] += v
				}
			}
			*c.s, trend = stl(deseas, c.period, c.window)
			for i, v := range *c.s {
				deseas[i] -= v
			}
		}
	}
	// The seasonal components of the last day and week, by key, are their
	// forecasts (seasonal naive, as R's forecast.stl).
	day := make([]float64, spd)
	week := make([]float64, period)
	for i := max(0, len(y)-period); i < len(y); i++ {
		day[int(keys[i])%spd] = dayS[i]
		week[keys[i]] = weekS[i]
	}
	// Simple exponential smoothing of the adjusted series T + R from the
	// mean of its first day; α minimises the one-step SSE.
	adj := deseas
	l0 := 0.0
	for _, a := range adj[:spd] {
		l0 += a
	}
	l0 /= float64(spd)
	ses := func(alpha float64) (level, sse float64) {
		level = l0
		for i, a := range adj {
			level += alpha * (a - level)
			if i+1 < len(adj) {
				e := adj[i+1] - level
				sse += e * e
			}
		}
		return level, sse
	}
	best := minimise(func(p []float64) float64 { _, s := ses(p[0]); return s }, []float64{0.05})
	level, _ := ses(best[0])
	// The bias correction of the back-transform: the variance of the
	// remainder y − T − S.
	variance := 0.0
	for i := range adj {
		r := adj[i] - trend[i]
		variance += r * r
	}
	variance /= float64(len(adj))
	out := make([]float64, h)
	for j := range out {
		k := in.Keys[n+j]
		x := level + day[int(k)%spd] + week[k]
		if x <= 0 {
			continue
		}
		out[j] = x*x + variance
	}
	return out, nil
}
