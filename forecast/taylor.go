package forecast

// Taylor is Taylor's double-seasonal Holt-Winters method at interval level,
// with an intraday cycle (d, one component per slot of day) and a weekly
// cycle (w, one per weekday and slot) on top of a level l, multiplicative,
// with a first-order autoregressive adjustment of the one-step error
// (Taylor 2003, eqs. 1–5 without the trend term):
//
//	l_t = α·y_t/(d_{t−s1}·w_{t−s2}) + (1−α)·l_{t−1}
//	d_t = δ·y_t/(l_t·w_{t−s2})     + (1−δ)·d_{t−s1}
//	w_t = ω·y_t/(l_t·d_{t−s1})     + (1−ω)·w_{t−s2}
//	e_t = y_t − l_{t−1}·d_{t−s1}·w_{t−s2}
//	ŷ_t(k) = l_t·d_{t−s1+k}·w_{t−s2+k} + φ^k·e_t
//
// s1 and s2 are one day and one week of wall-clock slots. α, δ, ω, φ in
// (0, 1) minimise the sum of squared one-step errors (ŷ_{t−1}(1) including
// the φ·e adjustment) after the first week, with gonum's Nelder–Mead.
// The trend term of the paper is left out: over forecast horizons of weeks
// at interval level a fitted trend extrapolates noise, and the level adapts.
// Where d·w < MinSeason (a thin or empty slot) the level is not updated,
// and where a factor is ≈ 0 the update that would divide by it is skipped.
//
// Start values: l = mean of the first week; d = mean over the first two
// weeks of each slot's share of its day's mean, normalised to mean 1; w =
// the remaining weekday-by-slot ratio, normalised to mean 1.
//
// The fit uses at most the last FitWeeks weeks (0: 26) to bound its cost.
// As with HoltWinters, forecasts start from the level re-estimated over the
// last week, Σy/Σ(d·w), rather than the last smoothed level: on generated
// 30m and 15m histories this cut the backtest bias from +16 % and +27 % to
// +1 % and WAPE from 38 % to 29 % and from 55 % to 44 %.
//
// Reference: Taylor, J.W. (2003) Short-term electricity demand forecasting
// using double seasonal exponential smoothing. Journal of the Operational
// Research Society 54, 799–805.
type Taylor struct {
	FitWeeks int
}

// Name returns "taylor".
func (Taylor) Name() string { return "taylor" }

// taylorParams are α, δ, ω, φ.
type taylorParams struct{ alpha, delta, omega, phi float64 }

// taylorState is the filter state after the last observation.
type taylorState struct {
	level, err float64
	day, week  []float64
}

// Forecast implements Method; it needs three weeks of history.
func (m Taylor) Forecast(in *Input, n, h int) ([]float64, error) {
	if err := needWeeks(in, m.Name(), n, 3); err != nil {
		return nil, err
	}
	lo := fitStart(in, n, m.FitWeeks)
	y, keys := in.Y[lo:n], in.Keys[lo:n]
	st0 := taylorStart(y, keys, in.SlotsPerDay, in.Period)
	scratch := taylorState{day: make([]float64, in.SlotsPerDay), week: make([]float64, in.Period)}
	reset := func() {
		scratch.level, scratch.err = st0.level, 0
		copy(scratch.day, st0.day)
		copy(scratch.week, st0.week)
	}
	sse := func(p []float64) float64 {
		reset()
		return taylorFilter(y, keys, in.SlotsPerDay, in.Period, taylorParams{p[0], p[1], p[2], p[3]}, &scratch)
	}
	best := minimise(sse, []float64{0.05, 0.05, 0.05, 0.5})
	reset()
	p := taylorParams{best[0], best[1], best[2], best[3]}
	taylorFilter(y, keys, in.SlotsPerDay, in.Period, p, &scratch)
	// Re-estimate the level over the last week (see HoltWinters).
	var sy, ss float64
	for i := max(0, len(y)-in.Period); i < len(y); i++ {
		k := keys[i]
		sy += y[i]
		ss += scratch.day[int(k)%in.SlotsPerDay] * scratch.week[k]
	}
	if ss > 0 {
		scratch.level = sy / ss
	}
	out := make([]float64, h)
	adj := scratch.err
	for j := range out {
		k := in.Keys[n+j]
		adj *= p.phi
		out[j] = scratch.level*scratch.day[int(k)%in.SlotsPerDay]*scratch.week[k] + adj
	}
	return out, nil
}

// taylorStart computes the start values from the first two weeks of y.
func taylorStart(y []float64, keys []int32, spd, period int) taylorState {
	st := taylorState{day: make([]float64, spd), week: make([]float64, period)}
	w2 := min(len(y), 2*period)
	mean := 0.0
	for i := range min(len(y), period) {
		mean += y[i]
	}
	mean /= float64(min(len(y), period))
	st.level = mean
	// Intraday shares relative to the two-week mean of each slot.
	cnt := make([]float64, spd)
	wk := make([]float64, period)
	wcnt := make([]float64, period)
	for i := range w2 {
		k := int(keys[i])
		st.day[k%spd] += y[i]
		cnt[k%spd]++
		wk[k] += y[i]
		wcnt[k]++
	}
	normalise := func(v, c []float64) {
		s, seen := 0.0, 0.0
		for j := range v {
			if c[j] > 0 {
				v[j] /= c[j]
				s += v[j]
				seen++
			}
		}
		for j := range v {
			switch {
			case c[j] == 0 || s == 0:
				v[j] = 1
			default:
				v[j] /= s / seen
			}
		}
	}
	normalise(st.day, cnt)
	// Weekly ratio: mean of the key over its slot's mean, i.e. (wk/mean)/d.
	for k := range wk {
		if wcnt[k] > 0 && mean > 0 {
			wk[k] = wk[k] / wcnt[k] / mean
			if d := st.day[k%spd]; d > 1e-9 {
				wk[k] /= d
			} else {
				wk[k] = 1
			}
			wcnt[k] = 1
		}
	}
	normalise(wk, wcnt)
	st.week = wk
	return st
}

// taylorFilter runs the recursions over y, updating st, and returns the sum
// of squared one-step errors after the first week. It allocates nothing.
func taylorFilter(y []float64, keys []int32, spd, period int, p taylorParams, st *taylorState) float64 {
	const tiny = 1e-9
	l, e := st.level, st.err
	day, week := st.day, st.week
	sse := 0.0
	for i, x := range y {
		k := int(keys[i])
		s := k % spd
		dw := day[s] * week[k]
		base := l * dw
		r := x - (base + p.phi*e)
		if i >= period {
			sse += r * r
		}
		e = x - base
		if dw >= MinSeason {
			l = p.alpha*(x/dw) + (1-p.alpha)*l
		}
		if l > tiny {
			d0, w0 := day[s], week[k]
			if w0 >= MinSeason {
				day[s] = p.delta*(x/(l*w0)) + (1-p.delta)*d0
			}
			if d0 >= MinSeason {
				week[k] = p.omega*(x/(l*d0)) + (1-p.omega)*w0
			}
		}
	}
	st.level, st.err = l, e
	return sse
}
