package forecast

// HoltWinters is Holt-Winters exponential smoothing at interval level with
// a weekly season keyed on weekday and wall-clock slot (Input.Keys): level,
// optional trend and one seasonal component per key, additive or
// multiplicative (see HWFilter for the recursions).
//
// Trend is off by default (R's beta = FALSE): a trend per interval,
// extrapolated over the 1,344 half-hours of a 4-week horizon, turns noise
// into drift: on a generated 364-day history (staffsim generate, 4 weekly
// backtest origins) it raised the multiplicative model's bias from +0.2 %
// to +42 % and its WAPE from 26 % to 64 %. Growth over weeks is followed
// by the level. Start values follow R's rule (HWStart on
// the first two weeks of the fitting window) and α, β, γ minimise the
// one-step in-sample SSE (Nelder–Mead, see minimise), as R's HoltWinters
// does with L-BFGS-B.
//
// To bound the cost on long histories the fit uses at most the last
// FitWeeks weeks (0: 26); older weeks barely move the smoothed state.
type HoltWinters struct {
	Multiplicative bool
	Trend          bool
	FitWeeks       int
}

// Name returns "hw-additive" or "hw-multiplicative", with "-trend" when
// Trend is set.
func (m HoltWinters) Name() string {
	name := "hw-additive"
	if m.Multiplicative {
		name = "hw-multiplicative"
	}
	if m.Trend {
		name += "-trend"
	}
	return name
}

// Forecast implements Method; it needs three weeks of history (two to
// start, one to fit).
func (m HoltWinters) Forecast(in *Input, n, h int) ([]float64, error) {
	if err := needWeeks(in, m.Name(), n, 3); err != nil {
		return nil, err
	}
	lo := fitStart(in, n, m.FitWeeks)
	_, st, err := fitHW(in.Y[lo:n], in.Keys[lo:n], in.Period, m.Multiplicative, m.Trend, true, startWeeks, HWParams{Alpha: 0.1, Beta: 0.01, Gamma: 0.1})
	if err != nil {
		return nil, err
	}
	st.Level = weekLevel(in.Y[lo:n], in.Keys[lo:n], in.Period, st.Season, m.Multiplicative)
	out := make([]float64, h)
	hwForecast(&st, in.Keys[n:n+h], m.Multiplicative, out)
	return out, nil
}

// fitStart returns the first interval of a fitting window of at most weeks
// weeks (0: 26) ending at n.
func fitStart(in *Input, n, weeks int) int {
	if weeks <= 0 {
		weeks = 26
	}
	return max(0, n-weeks*in.Period)
}

// startWeeks is how many weeks the interval-level start values average.
const startWeeks = 4

// weekLevel re-estimates the level over the last week of y from the
// final seasonal components: Σy/Σs (multiplicative, the Poisson maximum
// likelihood estimate of l in y ≈ l·s) or mean(y − s) (additive).
func weekLevel(y []float64, keys []int32, period int, season []float64, multiplicative bool) float64 {
	lo := max(0, len(y)-period)
	var sy, ss float64
	for i := lo; i < len(y); i++ {
		sy += y[i]
		ss += season[keys[i]]
	}
	if multiplicative {
		if ss <= 0 {
			return 0
		}
		return sy / ss
	}
	return (sy - ss) / float64(len(y)-lo)
}
