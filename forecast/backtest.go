package forecast

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

// Score is the accuracy of one method on a rolling-origin backtest, over
// every scored interval of every origin (holidays and outage days are not
// scored):
//
//	WAPE     = Σ|y − ŷ| / Σy
//	Weighted = Σ_o r^(O−1−o)·Σ|y − ŷ| / Σ_o r^(O−1−o)·Σy   over origins o =
//	           0 … O−1 (oldest first), r = RecencyWeight: the WAPE with the
//	           recent weeks counting most, which Auto ranks by
//	MASE     = mean|y − ŷ| / mean|y_t − y_{t−1 week}|   (the scale: one-week
//	           seasonal naive errors on the history before the first origin;
//	           Hyndman & Koehler 2006)
//	Bias     = (Σŷ − Σy) / Σy   (> 0: over-forecast)
//	Coverage = share of actual counts inside [lower, upper], over the
//	           intervals where the forecast or the actual is not 0
//
// The prediction intervals widen with the lead time: the dispersion κ is
// calibrated separately for each day ahead of the origin (day 1 = the
// first 24 hours). Those scored by Coverage and CoverageByDay use a
// dispersion calibrated on the other origins (leave one origin out), so
// the coverage is out of sample; with a single origin it is in sample (and
// so at least nominal).
type Score struct {
	Method   string  `json:"method"`
	WAPE     float64 `json:"wape"`
	Weighted float64 `json:"weighted_wape"`
	MASE     float64 `json:"mase"`
	Bias     float64 `json:"bias"`
	Coverage float64 `json:"coverage"`
	// CoverageByDay is the coverage of the intervals of each day ahead
	// (index 0: the first 24 hours after the origin).
	CoverageByDay []float64 `json:"coverage_by_day"`
	// Dispersion is κ of Var = μ + κμ², calibrated on all origins and lead
	// times (see calibrate); DispersionByDay is κ per day ahead, which
	// Predict uses for the final forecast's intervals (the last day's κ for
	// lead times past the backtest horizon).
	Dispersion      float64   `json:"dispersion"`
	DispersionByDay []float64 `json:"dispersion_by_day"`
}

// recencyWAPE returns Score.Weighted from the absolute errors and actual
// totals of each origin, oldest first.
func recencyWAPE(absErr, sumY []float64) float64 {
	var e, y float64
	for k := range absErr {
		w := math.Pow(RecencyWeight, float64(len(absErr)-1-k))
		e += w * absErr[k]
		y += w * sumY[k]
	}
	return e / y
}

// RecencyWeight is the weight of each backtest origin relative to the one
// a week later in Score.Weighted: demand drifts, so the last weeks say most
// about the next.
const RecencyWeight = 0.75

// DefaultOrigins is the number of backtest origins when Options.Origins
// is 0: six weeks. The number decides how much one unusual week can sway
// auto's choice. With weights RecencyWeight^k the effective number of
// origins, (Σw)²/Σw², is 3.6 for 4 origins, 4.9 for 6, 5.7 for 8, and
// never more than (1 + r)/(1 − r) = 7 however many. Six reach 70 % of
// that at 7/5 of the cost of 4 (six fits of every method and the final
// one, against four and one); 8 would reach 82 % at 9/5, which takes auto
// on two years of 15-minute history to the 2 s budget (BenchmarkAuto).
// With 4 origins auto chose taylor on R's taylor series on the strength
// of one good backtest week (weighted WAPE 1.67 % against mstl's 1.73 %;
// held out: 1.91 % against 1.23 %); with 6 mstl ranks first. The margin
// is still within the backtest's noise there, which no selection rule
// tried removes: docs/accuracy.md has the measurements on every series
// for 4 to 12 origins and for the rules tried and rejected (preferring
// the combination unless beaten by more than the noise; the
// one-standard-error rule with the fewest fitted parameters; the median
// of the methods within noise of the best).
const DefaultOrigins = 6

// BacktestReport is the result of a rolling-origin backtest.
type BacktestReport struct {
	Level   float64     `json:"level"`
	Origins []time.Time `json:"origins"`
	Horizon string      `json:"horizon"` // per origin, e.g. "7d"
	Scores  []Score     `json:"scores"`  // methods that ran, in the order given
	Notes   []string    `json:"notes,omitempty"`
}

// Best returns the score with the lowest recency-weighted WAPE
// (Score.Weighted), and false when there is none.
func (b *BacktestReport) Best() (Score, bool) {
	if b == nil || len(b.Scores) == 0 {
		return Score{}, false
	}
	best := b.Scores[0]
	for _, s := range b.Scores[1:] {
		if s.Weighted < best.Weighted {
			best = s
		}
	}
	return best, true
}

// ErrShortHistory is returned (wrapped) when the history is too short to
// backtest or forecast with any method.
var ErrShortHistory = errors.New("too little history")

// Backtest scores methods on the last weeks of the history of in: at each
// of opt.Origins origins (local midnights one week apart, the last one a
// week before the end of the last whole day), each method is fitted on the
// history before the origin and forecasts the following week; see Score.
// On a short history fewer origins are used, as many as leave three weeks
// before the first (so every method is scored), or else one week. A
// method that cannot fit at the first origin (too little history) is
// skipped with a note; when no origin leaves a week of history, or every
// method is skipped, the error wraps ErrShortHistory.
func Backtest(in *Input, methods []Method, opt Options) (*BacktestReport, error) {
	return BacktestContext(context.Background(), in, methods, opt)
}

// BacktestContext is Backtest that stops with ctx.Err() when ctx is
// cancelled (checked before every fit).
func BacktestContext(ctx context.Context, in *Input, methods []Method, opt Options) (*BacktestReport, error) {
	n := in.Len()
	// Day boundaries within the history, including n when it is midnight.
	var starts []int
	for _, st := range in.DayStart {
		if st <= n {
			starts = append(starts, st)
		}
	}
	if slot, _ := in.Series.Slot(n); slot == 0 && (len(starts) == 0 || starts[len(starts)-1] != n) {
		starts = append(starts, n)
	}
	want := opt.Origins
	if want <= 0 {
		want = DefaultOrigins
	}
	last := len(starts) - 1
	// As many origins as wanted (up to want) that leave three weeks of
	// history before the first, so that every method can be scored; failing
	// that, one week (the seasonal naive and weighted methods only).
	fit := func(weeks int) int {
		o := want
		for o > 0 && (last-7*o < 0 || starts[last-7*o] < weeks*in.Period) {
			o--
		}
		return o
	}
	origins := fit(3)
	if origins == 0 {
		origins = fit(1)
	}
	have := time.Duration(n) * in.Series.Interval
	if origins == 0 {
		return nil, fmt.Errorf("%w: the history covers %s; a backtest needs at least 14 whole days (one week to fit, one to score)", ErrShortHistory, days(have))
	}
	idx := make([]int, origins+1)
	for k := range idx {
		idx[k] = starts[last-7*(origins-k)]
	}
	bt := &BacktestReport{Level: opt.level(), Horizon: "7d"}
	if origins < want {
		note := fmt.Sprintf("history covers %s: backtest on %d origin(s) instead of %d", days(have), origins, want)
		if origins == 1 {
			note += " (with one origin the interval coverage is in sample)"
		}
		bt.Notes = append(bt.Notes, note)
	}
	for _, o := range idx[:origins] {
		bt.Origins = append(bt.Origins, in.Time(o))
	}
	scale := naiveScale(in, idx[0])
	for _, m := range methods {
		sc, err := scoreMethod(ctx, in, m, idx, scale, bt.Level)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			if IsShortHistory(err) {
				bt.Notes = append(bt.Notes, fmt.Sprintf("%s skipped: %v at the first backtest origin", m.Name(), err))
				continue
			}
			bt.Notes = append(bt.Notes, fmt.Sprintf("%s skipped: %v", m.Name(), err))
			continue
		}
		bt.Scores = append(bt.Scores, sc)
	}
	if len(bt.Scores) == 0 {
		if noContacts(in, idx[0]) {
			return bt, fmt.Errorf("%w in the last %d week(s) of history: nothing to score a forecast against", errQuietBacktest, origins)
		}
		return bt, fmt.Errorf("%w: no method could be backtested on %s of history (%s)", ErrShortHistory, days(have), strings.Join(bt.Notes, "; "))
	}
	return bt, nil
}

// errQuietBacktest is wrapped by the error of a backtest whose weeks have
// no contacts at all.
var errQuietBacktest = errors.New("no contacts")

// quietTail returns the start of the first whole day of the run of
// intervals without contacts that ends the first n intervals (n when
// there is no such day).
func quietTail(in *Input, n int) int {
	i := n
	for i > 0 && in.Series.Arrivals[i-1] <= 0 {
		i--
	}
	for _, st := range in.DayStart {
		if st >= i && st <= n {
			return st
		}
	}
	return n
}

// noContacts reports whether no contact arrived from interval i on.
func noContacts(in *Input, i int) bool {
	for _, y := range in.Series.Arrivals[i:] {
		if y > 0 {
			return false
		}
	}
	return true
}

// naiveScale is the mean absolute one-week seasonal difference of the
// history before interval n, leaving out holidays.
func naiveScale(in *Input, n int) float64 {
	var sum, cnt float64
	for i := in.Period; i < n; i++ {
		if in.skip(i) || in.skip(i-in.Period) {
			continue
		}
		sum += math.Abs(in.Y[i] - in.Y[i-in.Period])
		cnt++
	}
	if cnt == 0 {
		return 0
	}
	return sum / cnt
}

// scoreMethod backtests one method at origins idx[:len(idx)−1], origin k
// forecasting up to idx[k+1].
func scoreMethod(ctx context.Context, in *Input, m Method, idx []int, scale, level float64) (Score, error) {
	origins := len(idx) - 1
	// Per origin and day ahead, the scored forecasts and actuals.
	var maxDay int
	for k := range origins {
		maxDay = max(maxDay, (idx[k+1]-idx[k]+in.SlotsPerDay-1)/in.SlotsPerDay)
	}
	fs := make([][][]float64, origins)
	ys := make([][][]float64, origins)
	for k := range origins {
		if err := ctx.Err(); err != nil {
			return Score{}, err
		}
		o, h := idx[k], idx[k+1]-idx[k]
		f, _, err := point(in, m, o, h)
		if err != nil {
			return Score{}, err
		}
		fs[k], ys[k] = make([][]float64, maxDay), make([][]float64, maxDay)
		for j := range h {
			if in.skip(o + j) {
				continue
			}
			d := j / in.SlotsPerDay
			fs[k][d] = append(fs[k][d], f[j])
			ys[k][d] = append(ys[k][d], in.Series.Arrivals[o+j])
		}
	}
	// pool returns the pairs of day d (all days when d < 0) of the origins
	// other than k (all origins when k < 0 or there is only one).
	pool := func(k, d int) (pf, py []float64) {
		for o := range origins {
			if o == k && origins > 1 {
				continue
			}
			for dd := range maxDay {
				if d < 0 || dd == d {
					pf = append(pf, fs[o][dd]...)
					py = append(py, ys[o][dd]...)
				}
			}
		}
		return pf, py
	}
	var absErr, sumY, sumF, count, covered, open float64
	dayCov, dayOpen := make([]float64, maxDay), make([]float64, maxDay)
	oErr, oY := make([]float64, origins), make([]float64, origins)
	for k := range origins {
		for d := range maxDay {
			pf, py := pool(k, d)
			kappa := calibrate(pf, py, level)
			for j, f := range fs[k][d] {
				y := ys[k][d][j]
				absErr += math.Abs(y - f)
				oErr[k] += math.Abs(y - f)
				oY[k] += y
				sumY += y
				sumF += f
				count++
				if f == 0 && y == 0 {
					continue // closed: trivially covered, not counted
				}
				lo, hi := countInterval(f, kappa, level)
				if y >= lo && y <= hi {
					covered++
					dayCov[d]++
				}
				open++
				dayOpen[d]++
			}
		}
	}
	if sumY <= 0 {
		return Score{}, errors.New("no contacts in the backtest weeks")
	}
	sc := Score{
		Method:   m.Name(),
		WAPE:     absErr / sumY,
		Weighted: recencyWAPE(oErr, oY),
		Bias:     (sumF - sumY) / sumY,
		Coverage: covered / open,
	}
	allF, allY := pool(-1, -1)
	sc.Dispersion = calibrate(allF, allY, level)
	for d := range maxDay {
		f, y := pool(-1, d)
		sc.DispersionByDay = append(sc.DispersionByDay, calibrate(f, y, level))
		c := 1.0 // a day closed at every origin: nothing to miss
		if dayOpen[d] > 0 {
			c = dayCov[d] / dayOpen[d]
		}
		sc.CoverageByDay = append(sc.CoverageByDay, c)
	}
	if scale > 0 {
		sc.MASE = absErr / count / scale
	}
	return sc, nil
}

// Auto backtests every built-in method (Methods) on the last weeks of the
// history (opt.Origins weekly origins, DefaultOrigins when 0), picks the
// one with the lowest recency-weighted WAPE (Score.Weighted, see
// BacktestReport.Best) and forecasts the horizon of in with it, with
// prediction intervals from its backtest dispersion.
//
// With between one and two weeks of history nothing can be backtested: Auto
// then forecasts with WeightedWeeks (over the weeks there are) and says so
// in a note. With less than a week the error wraps ErrShortHistory.
func Auto(in *Input, opt Options) (*Forecast, *BacktestReport, error) {
	return AutoContext(context.Background(), in, opt)
}

// AutoContext is Auto that stops with ctx.Err() when ctx is cancelled.
func AutoContext(ctx context.Context, in *Input, opt Options) (*Forecast, *BacktestReport, error) {
	if noContacts(in, 0) {
		return nil, nil, errors.New("the history has no contacts: nothing to forecast from")
	}
	bt, err := BacktestContext(ctx, in, Methods(), opt)
	if err != nil && bt == nil && errors.Is(err, ErrShortHistory) {
		f, _, err2 := PredictContext(ctx, in, WeightedWeeks{}, opt)
		if err2 != nil {
			return nil, nil, fmt.Errorf("%w: the history covers %s; forecasting needs at least 7 days, and 14 to backtest and choose a method",
				ErrShortHistory, days(time.Duration(in.Len())*in.Series.Interval))
		}
		f.Notes = append([]string{"too little history to backtest (needs 14 whole days): forecast with weighted, untested"}, f.Notes...)
		return f, nil, nil
	}
	if err != nil && errors.Is(err, errQuietBacktest) {
		// Contacts earlier, none in the backtest weeks: the desk went quiet
		// (or the export stops early). Nothing can be scored, but a planner
		// still needs a forecast: weighted, which leans on the recent quiet
		// weeks but not only on them, with a note that says so.
		f, _, err := PredictContext(ctx, in, WeightedWeeks{}, opt)
		if err != nil {
			return nil, nil, err
		}
		q := quietTail(in, in.Len())
		note := fmt.Sprintf("no contacts in the last %s of history (since %s): nothing to backtest against, so forecast with weighted, untested; "+
			"if the desk is open, check that the export covers those days", days(time.Duration(in.Len()-q)*in.Series.Interval), in.Time(q).Format("Mon 2006-01-02"))
		f.Notes = append([]string{note}, dropBacktestNote(f.Notes)...)
		return f, nil, nil
	}
	if err != nil {
		return nil, bt, err
	}
	best, _ := bt.Best()
	m, err := MethodByName(best.Method)
	if err != nil {
		return nil, bt, err
	}
	f, err := predictWith(in, m, best.DispersionByDay, opt)
	if err != nil {
		return nil, bt, err
	}
	f.Notes = append(append([]string(nil), bt.Notes...), f.Notes...)
	return f, bt, nil
}

// ScoreHoldout scores forecast f against actual, the recorded arrivals of
// the intervals f covers from its start (actual may be shorter than f: only
// its intervals are scored), with the measures of Score. The MASE scale is
// the one-week seasonal naive error on the history of in (the history f was
// fitted on); holiday intervals are not scored; the coverage uses f's own
// bounds.
func ScoreHoldout(in *Input, f *Forecast, actual []float64) (Score, error) {
	n := in.Len()
	var absErr, sumY, sumF, count, covered, open float64
	for j, y := range actual {
		if j >= len(f.Arrivals) {
			break
		}
		if n+j < len(in.Holiday) && in.skip(n+j) {
			continue
		}
		p := f.Arrivals[j]
		absErr += math.Abs(y - p)
		sumY += y
		sumF += p
		count++
		if p == 0 && y == 0 {
			continue
		}
		open++
		if y >= f.Lower[j] && y <= f.Upper[j] {
			covered++
		}
	}
	if sumY <= 0 {
		return Score{}, errors.New("no contacts in the holdout: nothing to score")
	}
	sc := Score{Method: f.Method, WAPE: absErr / sumY, Bias: (sumF - sumY) / sumY}
	if open > 0 {
		sc.Coverage = covered / open
	}
	if scale := naiveScale(in, n); scale > 0 {
		sc.MASE = absErr / count / scale
	}
	return sc, nil
}

// dropBacktestNote removes PredictContext's "no backtest (…)" note, which
// a caller replaces by its own account.
func dropBacktestNote(notes []string) []string {
	var out []string
	for _, n := range notes {
		if !strings.HasPrefix(n, "no backtest (") {
			out = append(out, n)
		}
	}
	return out
}
