package forecast

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/optimize"
)

// maxEvals bounds the objective evaluations of every parameter fit. Each
// evaluation is one O(n) pass over the fitting window with no allocation.
const maxEvals = 250

// logistic maps the real line onto (0, 1); the optimiser works on the
// unconstrained scale so that smoothing parameters stay in the unit interval.
func logistic(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// logit is the inverse of logistic.
func logit(p float64) float64 { return math.Log(p / (1 - p)) }

// minimise minimises f over parameters in (0, 1)^len(start), from start,
// with Nelder–Mead (derivative free, robust to the flat, noisy SSE surfaces
// of interval data) and at most maxEvals evaluations. It returns the best
// point found, which is start itself if the optimiser fails.
func minimise(f func(p []float64) float64, start []float64) []float64 {
	return minimiseN(f, start, maxEvals)
}

// minimiseN is minimise with at most evals evaluations.
func minimiseN(f func(p []float64) float64, start []float64, evals int) []float64 {
	x0 := make([]float64, len(start))
	for i, p := range start {
		x0[i] = logit(p)
	}
	p := make([]float64, len(start))
	obj := func(x []float64) float64 {
		for i := range x {
			p[i] = logistic(x[i])
		}
		v := f(p)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return math.MaxFloat64
		}
		return v
	}
	best := append([]float64(nil), start...)
	res, err := optimize.Minimize(optimize.Problem{Func: obj}, x0,
		&optimize.Settings{FuncEvaluations: evals, Converger: &optimize.FunctionConverge{Absolute: 1e-10, Relative: 1e-7, Iterations: 40}},
		&optimize.NelderMead{})
	if res == nil || (err != nil && res.X == nil) {
		return best
	}
	if obj(res.X) <= obj(x0) {
		for i := range best {
			best[i] = logistic(res.X[i])
		}
	}
	return best
}

// fitHW fits Holt-Winters smoothing parameters to y by minimising the
// one-step in-sample SSE from R's start values (R's own fitting criterion),
// and returns the parameters and the state at the end of y. Without trend
// the trend is 0 and β is not fitted (R's beta = FALSE); normalise as in
// hwFilter.
func fitHW(y []float64, keys []int32, m int, multiplicative, trend, normalise bool, profile int, start HWParams) (HWParams, HWState, error) {
	st0, err := HWStart(y, keys, m, multiplicative)
	first := m
	if profile > 0 {
		st0, err = profileStart(y, keys, m, profile, multiplicative)
		first = 0
	}
	if err != nil {
		return HWParams{}, HWState{}, err
	}
	if !trend {
		st0.Trend = 0
	}
	scratch := HWState{Season: make([]float64, m)}
	params := func(p []float64) HWParams {
		if trend {
			return HWParams{Alpha: p[0], Beta: p[1], Gamma: p[2]}
		}
		return HWParams{Alpha: p[0], Gamma: p[1]}
	}
	sse := func(p []float64) float64 {
		scratch.Level, scratch.Trend = st0.Level, st0.Trend
		copy(scratch.Season, st0.Season)
		return hwFilter(y, keys, first, params(p), multiplicative, normalise, &scratch)
	}
	x0 := []float64{start.Alpha, start.Gamma}
	if trend {
		x0 = []float64{start.Alpha, start.Beta, start.Gamma}
	}
	p := params(minimise(sse, x0))
	st := HWState{Level: st0.Level, Trend: st0.Trend, Season: append([]float64(nil), st0.Season...)}
	hwFilter(y, keys, first, p, multiplicative, normalise, &st)
	return p, st, nil
}

// profileStart returns start values from the first periods seasons of y
// (fewer if y is shorter): the level is their mean, the trend 0, and each
// key's seasonal component its mean over those seasons divided by (or less)
// the level. Over a long weekly season of noisy counts, R's rule (one
// detrended value per key) starts every component from a single week's
// noise; averaging several weeks does not.
func profileStart(y []float64, keys []int32, m, periods int, multiplicative bool) (HWState, error) {
	w := min(len(y), periods*m)
	if m < 2 || w < m {
		return HWState{}, errors.New("Holt-Winters start values need a whole season")
	}
	sum := make([]float64, m)
	cnt := make([]float64, m)
	total := 0.0
	for i := range w {
		sum[keys[i]] += y[i]
		cnt[keys[i]]++
		total += y[i]
	}
	level := total / float64(w)
	st := HWState{Level: level, Season: sum}
	for k := range sum {
		mean := 0.0
		if cnt[k] > 0 {
			mean = sum[k] / cnt[k]
		}
		switch {
		case multiplicative && level > 0:
			st.Season[k] = mean / level
		case multiplicative:
			st.Season[k] = 1
		default:
			st.Season[k] = mean - level
		}
	}
	return st, nil
}
