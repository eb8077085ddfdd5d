package forecast

import (
	"slices"
	"sync"
)

// Combination forecasts each interval as the median of the point
// forecasts of several methods: weighted, daily-profile, mstl, hw-additive
// and hw-multiplicative (not taylor, whose trend extrapolates count noise
// on thin series). Combining forecasts is more robust than picking one: in the
// M4 competition (Makridakis, Spiliotis & Assimakopoulos 2020,
// International Journal of Forecasting 36, 54–74) 12 of the 17 most
// accurate methods were combinations. The median of five ignores the two
// most extreme members in every interval, so one method that misfits a
// series (a trend extrapolated from noise, a level thrown by an outage)
// does not move the forecast.
//
// Members that cannot fit (too little history) are left out; with none
// left the error is theirs. Member forecasts are shared with the
// backtest of the members themselves (Input's cache), so in Auto the
// combination costs no extra fit.
type Combination struct{}

// Name returns "combination".
func (Combination) Name() string { return "combination" }

// combinationMembers are the methods Combination takes the median of.
func combinationMembers() []Method {
	return []Method{WeightedWeeks{}, DailyProfile{}, MSTL{}, HoltWinters{}, HoltWinters{Multiplicative: true}}
}

// Forecast implements Method; it needs three weeks of history, what every
// member needs (a median of fewer would repeat one of them).
func (c Combination) Forecast(in *Input, n, h int) ([]float64, error) {
	if err := needWeeks(in, c.Name(), n, 3); err != nil {
		return nil, err
	}
	var fs [][]float64
	var firstErr error
	for _, m := range combinationMembers() {
		f, err := in.forecast(m, n, h)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		fs = append(fs, f)
	}
	if len(fs) == 0 {
		return nil, firstErr
	}
	out := make([]float64, h)
	col := make([]float64, len(fs))
	for j := range out {
		for i, f := range fs {
			col[i] = max(0, f[j])
		}
		slices.Sort(col)
		if m := len(col); m%2 == 1 {
			out[j] = col[m/2]
		} else {
			out[j] = (col[m/2-1] + col[m/2]) / 2
		}
	}
	return out, nil
}

// forecastKey identifies one fit: the method (a comparable struct value)
// and the history and horizon lengths.
type forecastKey struct {
	m    Method
	n, h int
}

// forecastCache memoises raw method forecasts on one Input: every method is
// deterministic, so the same method on the same prefix gives the same
// forecast, and a combination's members and the backtest share their fits.
type forecastCache struct {
	mu sync.Mutex
	m  map[forecastKey][]float64
}

// forecast returns m.Forecast(in, n, h), from the cache when it was
// computed before; the result is the caller's to modify.
func (in *Input) forecast(m Method, n, h int) ([]float64, error) {
	key := forecastKey{m, n, h}
	in.cache.mu.Lock()
	f, ok := in.cache.m[key]
	in.cache.mu.Unlock()
	if ok {
		return slices.Clone(f), nil
	}
	f, err := m.Forecast(in, n, h)
	if err != nil {
		return nil, err
	}
	in.cache.mu.Lock()
	if in.cache.m == nil {
		in.cache.m = map[forecastKey][]float64{}
	}
	in.cache.m[key] = slices.Clone(f)
	in.cache.mu.Unlock()
	return f, nil
}
