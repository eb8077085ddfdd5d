package forecast

// WeightedWeeks forecasts each interval as a weighted average of the same
// weekday and wall-clock slot over the last K weeks of history (holidays
// left out), the usual default of workforce-management tools:
//
//	ŷ(key) = Σ_{j=1..K} w_j·y_j(key) / Σ_{j=1..K} w_j,   w_j = K − j + 1,
//
// where y_j(key) is the j-th most recent non-holiday observation of the key;
// the weights fall linearly so that recent weeks count most. Every future
// week repeats the same profile (no trend).
//
// The zero value uses K = 6 weeks.
type WeightedWeeks struct {
	Weeks int // K; 0 means 6
}

// Name returns "weighted".
func (WeightedWeeks) Name() string { return "weighted" }

func (m WeightedWeeks) weeks() int {
	if m.Weeks <= 0 {
		return 6
	}
	return m.Weeks
}

// Forecast implements Method; it needs one week of history.
func (m WeightedWeeks) Forecast(in *Input, n, h int) ([]float64, error) {
	if err := needWeeks(in, m.Name(), n, 1); err != nil {
		return nil, err
	}
	return weekProfile(in, n, h, m.weeks(), true), nil
}

// SeasonalNaive forecasts each interval by the same weekday and wall-clock
// slot one week earlier (the last non-holiday one): ŷ(t) = y(t − 1 week),
// repeated for later weeks of the horizon. It is the benchmark every other
// method must beat, and the scale of MASE.
type SeasonalNaive struct{}

// Name returns "snaive".
func (SeasonalNaive) Name() string { return "snaive" }

// Forecast implements Method; it needs one week of history.
func (m SeasonalNaive) Forecast(in *Input, n, h int) ([]float64, error) {
	if err := needWeeks(in, m.Name(), n, 1); err != nil {
		return nil, err
	}
	return weekProfile(in, n, h, 1, false), nil
}

// weekProfile averages the last k non-holiday observations of each key in
// in.Y[:n] (linearly decaying weights when weighted) and returns it for the
// keys of intervals n … n+h−1. Keys never observed forecast 0.
func weekProfile(in *Input, n, h, k int, weighted bool) []float64 {
	sum := make([]float64, in.Period)
	wsum := make([]float64, in.Period)
	cnt := make([]int, in.Period)
	// Scan back at most k+2 weeks: enough for every key to be seen k times
	// unless holidays intervene, and bounded whatever the history length.
	lo := max(0, n-(k+2)*in.Period-in.SlotsPerDay)
	for i := n - 1; i >= lo; i-- {
		if in.skip(i) {
			continue
		}
		key := in.Keys[i]
		if cnt[key] >= k {
			continue
		}
		w := 1.0
		if weighted {
			w = float64(k - cnt[key])
		}
		sum[key] += w * in.Y[i]
		wsum[key] += w
		cnt[key]++
	}
	out := make([]float64, h)
	for j := range out {
		key := in.Keys[n+j]
		if wsum[key] > 0 {
			out[j] = sum[key] / wsum[key]
		}
	}
	return out
}
