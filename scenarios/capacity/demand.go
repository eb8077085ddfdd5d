package capacity

import (
	"fmt"
	"math"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/staffsim/staffsim/forecast"
)

// DaysPerYear is the mean Gregorian year, days.
const DaysPerYear = 365.2425

// SeasonDays is the shortest history, in days, whose month-of-year
// effects are fitted: two years less a fortnight, so that every month is
// seen twice and the trend is not mistaken for the season.
const SeasonDays = 2*365 - 14

// TrendDays is the shortest history, in days, whose trend is fitted; a
// shorter one is planned flat unless a growth rate is given.
const TrendDays = 56

// Trend is the long-range model of daily volume and AHT (see the package
// doc): log V(d) = a + Growth·y(d) + w[weekday] + Season[month] (log
// scale), y in years.
type Trend struct {
	Origin time.Time // y = 0: local midnight of the history's first day
	// LogGrowth is g, the yearly growth on the log scale: volume × e^g a
	// year (YearlyGrowth = e^g − 1).
	LogGrowth float64
	// Seasonal is set when the month-of-year effects were fitted; Season
	// holds them (log scale, mean 0), else zeros.
	Seasonal bool
	Season   [12]float64
	// HolidayFactor is a holiday's volume relative to an ordinary day of
	// its weekday (mean over the history's holidays); 0 when the history
	// has none (closed).
	HolidayFactor float64
	// LogAHTGrowth is the yearly growth of AHT on the log scale.
	LogAHTGrowth float64
	// Fitted says what came from the history, for the report.
	Days         int  // open days fitted
	TrendFitted  bool // the volume trend came from the history
	AHTFitted    bool // the AHT trend came from the history
	GrowthGiven  bool // Options.Growth replaced the fitted trend
	AHTGiven     bool
	SeasonFitted bool
}

// YearlyGrowth returns the volume growth a year, e^g − 1.
func (t Trend) YearlyGrowth() float64 { return math.Expm1(t.LogGrowth) }

// YearlyAHTGrowth returns the AHT growth a year.
func (t Trend) YearlyAHTGrowth() float64 { return math.Expm1(t.LogAHTGrowth) }

// years returns y(d) of a day.
func (t Trend) years(d time.Time) float64 {
	return float64(dayNumber(d)-dayNumber(t.Origin)) / DaysPerYear
}

// Level returns exp(g·y(d) + s[month(d)]): the day's volume relative to
// the origin, weekday effects left out (the typical week carries them).
func (t Trend) Level(d time.Time) float64 {
	return math.Exp(t.LogGrowth*t.years(d) + t.Season[d.Month()-1])
}

// AHTLevel returns the day's AHT relative to the origin.
func (t Trend) AHTLevel(d time.Time) float64 { return math.Exp(t.LogAHTGrowth * t.years(d)) }

// dayNumber counts days since 1 January 1970 for d's calendar date (time
// zone and DST free).
func dayNumber(d time.Time) int {
	y, m, dd := d.Date()
	return int(time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// day is one day's totals of the history.
type day struct {
	date             time.Time // local midnight
	arrivals, handle float64
	handled          float64
	holiday          bool
}

// dailyTotals sums the series by local day (the series' location).
func dailyTotals(s *forecast.Series, hol forecast.Holidays) []day {
	var out []day
	for i, a := range s.Arrivals {
		t := s.Time(i)
		y, m, d := t.Date()
		mid := time.Date(y, m, d, 0, 0, 0, 0, t.Location())
		if len(out) == 0 || !out[len(out)-1].date.Equal(mid) {
			out = append(out, day{date: mid, holiday: hol.Has(mid)})
		}
		x := &out[len(out)-1]
		x.arrivals += a
		if s.HasAHT() {
			x.handle += s.HandleSeconds[i]
			x.handled += s.Handled[i]
		}
	}
	return out
}

// FitTrend fits the long-range model on a history's days (see the
// package doc). growth and ahtGrowth, when not nil, replace the fitted
// yearly trends. The notes say what could not be fitted and why.
func FitTrend(s *forecast.Series, hol forecast.Holidays, growth, ahtGrowth *float64) (Trend, []string, error) {
	days := dailyTotals(s, hol)
	if len(days) == 0 {
		return Trend{}, nil, fmt.Errorf("the history has no days")
	}
	t := Trend{Origin: days[0].date}
	span := dayNumber(days[len(days)-1].date) - dayNumber(days[0].date) + 1
	var open []day
	for _, d := range days {
		if !d.holiday && d.arrivals > 0 {
			open = append(open, d)
		}
	}
	t.Days = len(open)
	var notes []string
	seasonal := span >= SeasonDays
	if seasonal {
		var seen [12]bool
		for _, d := range open {
			seen[d.date.Month()-1] = true
		}
		for _, ok := range seen {
			seasonal = seasonal && ok
		}
	}
	if !seasonal {
		notes = append(notes, fmt.Sprintf("the history spans %d days: yearly seasonality needs two years (%d days), so months differ only by trend and events", span, SeasonDays))
	}
	fitTrend := span >= TrendDays && len(open) >= 14
	if fitTrend {
		coef, err := fitLog(open, t, seasonal)
		if err != nil {
			return Trend{}, nil, err
		}
		// Days under a third of the model — holidays the history's
		// calendar does not name, outages — would drag the months they
		// fall in down: fit again without them.
		var kept []day
		for _, d := range open {
			if math.Log(d.arrivals)-coef.predict(d.date, t, seasonal) >= -math.Log(3) {
				kept = append(kept, d)
			}
		}
		if dropped := len(open) - len(kept); dropped > 0 && len(kept) > 14 {
			if coef, err = fitLog(kept, t, seasonal); err != nil {
				return Trend{}, nil, err
			}
			t.Days = len(kept)
			notes = append(notes, fmt.Sprintf("%d days with under a third of their usual volume (holidays not in the calendar, outages) are left out of the long-range trend", dropped))
		}
		t.LogGrowth, t.TrendFitted = coef.growth, true
		if seasonal {
			t.Season, t.Seasonal, t.SeasonFitted = coef.season, true, true
		}
		// A holiday's volume against the model's ordinary day.
		var ratio float64
		var n int
		for _, d := range days {
			if d.holiday {
				ratio += d.arrivals / math.Exp(coef.predict(d.date, t, seasonal))
				n++
			}
		}
		if n > 0 {
			t.HolidayFactor = ratio / float64(n)
		}
	} else {
		notes = append(notes, fmt.Sprintf("the history spans %d days: a trend needs %d, so volume is planned flat unless --growth is given", span, TrendDays))
	}
	if growth != nil {
		t.LogGrowth, t.GrowthGiven = math.Log1p(*growth), true
	}
	if ahtGrowth != nil {
		t.LogAHTGrowth, t.AHTGiven = math.Log1p(*ahtGrowth), true
	} else if span >= 365 && s.HasAHT() {
		t.LogAHTGrowth, t.AHTFitted = fitAHT(open, t), true
	}
	return t, notes, nil
}

// coefficients of the volume model.
type coefficients struct {
	a, growth float64
	weekday   [7]float64
	season    [12]float64
}

// predict returns the model's log volume of a day.
func (c coefficients) predict(d time.Time, t Trend, seasonal bool) float64 {
	v := c.a + c.growth*t.years(d) + c.weekday[d.Weekday()]
	if seasonal {
		v += c.season[d.Month()-1]
	}
	return v
}

// fitLog fits log V = a + g·y + w[weekday] + s[month] by least squares
// (QR), with one dummy per weekday and month seen after the first, and
// returns the month effects centred to mean 0.
func fitLog(open []day, t Trend, seasonal bool) (coefficients, error) {
	var wdSeen [7]bool
	var moSeen [12]bool
	for _, d := range open {
		wdSeen[d.date.Weekday()] = true
		moSeen[d.date.Month()-1] = true
	}
	col := 2
	var wdCol [7]int
	var moCol [12]int
	first := true
	for w := range 7 {
		wdCol[w] = -1
		if wdSeen[w] {
			if first {
				first = false
				continue
			}
			wdCol[w] = col
			col++
		}
	}
	first = true
	for m := range 12 {
		moCol[m] = -1
		if seasonal && moSeen[m] {
			if first {
				first = false
				continue
			}
			moCol[m] = col
			col++
		}
	}
	n := len(open)
	if n <= col {
		return coefficients{}, fmt.Errorf("the history has %d open days, too few to fit a trend with %d terms", n, col)
	}
	a := mat.NewDense(n, col, nil)
	b := mat.NewVecDense(n, nil)
	for i, d := range open {
		a.Set(i, 0, 1)
		a.Set(i, 1, t.years(d.date))
		if c := wdCol[d.date.Weekday()]; c >= 0 {
			a.Set(i, c, 1)
		}
		if c := moCol[d.date.Month()-1]; c >= 0 {
			a.Set(i, c, 1)
		}
		b.SetVec(i, math.Log(d.arrivals))
	}
	var qr mat.QR
	qr.Factorize(a)
	var x mat.VecDense
	if err := qr.SolveVecTo(&x, false, b); err != nil {
		return coefficients{}, fmt.Errorf("fitting the trend: %w", err)
	}
	c := coefficients{a: x.AtVec(0), growth: x.AtVec(1)}
	for w := range 7 {
		if wdCol[w] >= 0 {
			c.weekday[w] = x.AtVec(wdCol[w])
		}
	}
	if seasonal {
		var mean float64
		for m := range 12 {
			if moCol[m] >= 0 {
				c.season[m] = x.AtVec(moCol[m])
			}
			mean += c.season[m] / 12
		}
		for m := range 12 {
			c.season[m] -= mean
		}
		c.a += mean
	}
	return c, nil
}

// fitAHT fits log AHT(d) = a + h·y(d) by least squares over the days with
// handle times and returns h.
func fitAHT(open []day, t Trend) float64 {
	var sy, sx, sxx, sxy, n float64
	for _, d := range open {
		if d.handled <= 0 || d.handle <= 0 {
			continue
		}
		x, y := t.years(d.date), math.Log(d.handle/d.handled)
		sx, sy, sxx, sxy, n = sx+x, sy+y, sxx+x*x, sxy+x*y, n+1
	}
	den := n*sxx - sx*sx
	if n < 2 || den <= 0 {
		return 0
	}
	return (n*sxy - sx*sy) / den
}

// Event multiplies the volume of the days From to To (inclusive, local
// dates) by Factor: a product launch (1.25), a migration, a closure (0).
type Event struct {
	Name     string
	From, To time.Time // local midnights, From ≤ To
	Factor   float64   // ≥ 0
}

// Touches reports whether the event overlaps [start, end).
func (e Event) Touches(start, end time.Time) bool {
	return e.From.Before(end) && !e.To.Before(start)
}

// covers reports whether the event covers the day of local midnight d.
func (e Event) covers(d time.Time) bool { return !d.Before(e.From) && !d.After(e.To) }
