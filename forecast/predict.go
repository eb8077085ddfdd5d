package forecast

import (
	"context"
	"fmt"
	"math"
	"time"
)

// Options control Predict, Backtest and Auto. The zero value is usable.
type Options struct {
	// Level is the nominal coverage of the prediction intervals, in (0, 1);
	// 0 means 0.8.
	Level float64
	// Origins is the number of rolling backtest origins, one week apart on
	// the last weeks of history, each forecasting the week that follows;
	// 0 means DefaultOrigins (6). Fewer are used when the history is
	// short.
	Origins int
	// AHTWeeks is how many recent weeks the AHT profile averages; 0 means 8.
	AHTWeeks int
}

func (o Options) level() float64 {
	if o.Level <= 0 || o.Level >= 1 {
		return 0.8
	}
	return o.Level
}

// Forecast is a forecast of arrivals (and AHT) per interval. The embedded
// Series starts at the first forecast interval; its Arrivals are the point
// forecasts (contacts per interval, ≥ 0).
type Forecast struct {
	Series
	// Lower and Upper bound the prediction interval of each interval's
	// arrivals at nominal coverage Level.
	Lower, Upper []float64
	// AHTSeconds is the forecast mean handle time per interval, nil when the
	// history has no handle times.
	AHTSeconds []float64
	Level      float64
	Method     string
	// Notes say what was assumed (holidays forecast as closed, no AHT, …).
	Notes []string
}

// Predict fits method m on the whole history of in and forecasts the
// in.Horizon() intervals after it, count aware (see point), with prediction
// intervals whose dispersion is estimated on a rolling-origin backtest of
// the same method (Backtest, which is also returned; nil when the history
// is too short to backtest, in which case the intervals are Poisson and a
// note says so).
func Predict(in *Input, m Method, opt Options) (*Forecast, *BacktestReport, error) {
	return PredictContext(context.Background(), in, m, opt)
}

// PredictContext is Predict that stops with ctx.Err() when ctx is
// cancelled.
func PredictContext(ctx context.Context, in *Input, m Method, opt Options) (*Forecast, *BacktestReport, error) {
	bt, err := BacktestContext(ctx, in, []Method{m}, opt)
	var notes []string
	var kappa []float64
	switch {
	case ctx.Err() != nil:
		return nil, nil, ctx.Err()
	case err != nil:
		notes = append(notes, fmt.Sprintf("no backtest (%v): prediction intervals assume Poisson variation", err))
		bt = nil
	case len(bt.Scores) == 0:
		notes = append(notes, bt.Notes...)
		bt = nil
	default:
		kappa = bt.Scores[0].DispersionByDay
	}
	f, err := predictWith(in, m, kappa, opt)
	if err != nil {
		return nil, bt, err
	}
	f.Notes = append(notes, f.Notes...)
	return f, bt, nil
}

// predictWith forecasts with method m and dispersion kappa[d] on day d
// ahead (the last one beyond; Poisson when kappa is empty).
func predictWith(in *Input, m Method, kappa []float64, opt Options) (*Forecast, error) {
	n, h := in.Len(), in.Horizon()
	if h <= 0 {
		return nil, fmt.Errorf("forecast horizon must be at least one interval")
	}
	pt, notes, err := point(in, m, n, h)
	if err != nil {
		return nil, err
	}
	level := opt.level()
	f := &Forecast{
		Series: Series{Start: in.Time(n), Interval: in.Series.Interval, Arrivals: pt},
		Lower:  make([]float64, h), Upper: make([]float64, h),
		Level: level, Method: m.Name(), Notes: append(append([]string(nil), in.Notes...), notes...),
	}
	for j, mu := range pt {
		k := 0.0
		if len(kappa) > 0 {
			k = kappa[min(j/in.SlotsPerDay, len(kappa)-1)]
		}
		f.Lower[j], f.Upper[j] = countInterval(mu, k, level)
	}
	if in.Series.HasAHT() {
		aht, note := forecastAHT(in, n, h, opt.AHTWeeks)
		f.AHTSeconds = aht
		if note != "" {
			f.Notes = append(f.Notes, note)
		}
	} else {
		f.Notes = append(f.Notes, "history has no handle times: aht_seconds is empty (give downstream commands --aht)")
	}
	return f, nil
}

// point runs method m on the first n intervals for h intervals and makes
// the result count aware:
//
//   - no negative forecasts (clipped at 0);
//   - closed hours stay empty: a key (weekday and slot) with no arrival in
//     any non-holiday interval of the history forecasts 0;
//   - holiday dates in the horizon get the holiday profile: the mean, per
//     slot of day, of the arrivals on the history's holidays, or 0 (closed)
//     when the history has none.
func point(in *Input, m Method, n, h int) ([]float64, []string, error) {
	raw, err := in.forecast(m, n, h)
	if err != nil {
		return nil, nil, err
	}
	if len(raw) != h || !finite(raw) {
		return nil, nil, fmt.Errorf("%s: the fit diverged (non-finite forecasts)", m.Name())
	}
	closed := in.closedKeys(n)
	var holProfile []float64
	var notes []string
	for j := range raw {
		i := n + j
		switch {
		case in.Holiday[i]:
			if holProfile == nil {
				var note string
				holProfile, note = holidayProfile(in, n)
				notes = append(notes, note)
			}
			raw[j] = holProfile[in.Slot(in.Keys[i])]
		case closed[in.Keys[i]]:
			raw[j] = 0
		case raw[j] < 0:
			raw[j] = 0
		}
	}
	return raw, notes, nil
}

// holidayProfile returns the mean arrivals per slot of day over the
// holiday intervals of the first n intervals, and a note.
func holidayProfile(in *Input, n int) ([]float64, string) {
	sum := make([]float64, in.SlotsPerDay)
	cnt := make([]float64, in.SlotsPerDay)
	days := map[Date]bool{}
	for i := range n {
		if in.Holiday[i] {
			s := in.Slot(in.Keys[i])
			sum[s] += in.Series.Arrivals[i]
			cnt[s]++
			days[DateOf(in.Time(i))] = true
		}
	}
	if len(days) == 0 {
		return sum, "holidays in the horizon are forecast as closed (the history has no holiday to learn a profile from)"
	}
	for s := range sum {
		if cnt[s] > 0 {
			sum[s] /= cnt[s]
		}
	}
	return sum, fmt.Sprintf("holidays in the horizon use the mean profile of %d holiday(s) in the history", len(days))
}

// HorizonIntervals returns the number of intervals of length step in a
// horizon of length d, rounded up.
func HorizonIntervals(d, step time.Duration) int {
	if step <= 0 {
		return 0
	}
	return int(math.Ceil(float64(d) / float64(step)))
}
