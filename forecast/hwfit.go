package forecast

import (
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
		&optimize.Settings{FuncEvaluations: maxEvals, Converger: &optimize.FunctionConverge{Absolute: 1e-10, Relative: 1e-7, Iterations: 40}},
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
// the trend is 0 and β is not fitted (R's beta = FALSE).
func fitHW(y []float64, keys []int32, m int, multiplicative, trend bool, start HWParams) (HWParams, HWState, error) {
	st0, err := HWStart(y, keys, m, multiplicative)
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
		return HWFilter(y, keys, m, params(p), multiplicative, &scratch)
	}
	x0 := []float64{start.Alpha, start.Gamma}
	if trend {
		x0 = []float64{start.Alpha, start.Beta, start.Gamma}
	}
	p := params(minimise(sse, x0))
	st := HWState{Level: st0.Level, Trend: st0.Trend, Season: append([]float64(nil), st0.Season...)}
	HWFilter(y, keys, m, p, multiplicative, &st)
	return p, st, nil
}
