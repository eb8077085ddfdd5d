package plan

import (
	"math"
	"time"

	"github.com/staffsim/staffsim/scenarios/report"
)

// maxReasons is how many rejected rows the data-quality section quotes.
const maxReasons = 3

// quality is the report's data-quality section: rows read and rejected
// (from the reader's report), the history's calendar days (empty: no
// contact; partial: the history starts or ends within the day), and the
// forecast's backtest error.
func (pl *planner) quality() *report.DataQuality {
	s := pl.res.Series
	q := &report.DataQuality{Source: pl.res.Source, Method: pl.res.Forecast.Method, WAPE: math.NaN()}
	if best, ok := bestScore(pl.res.Backtest); ok && best.Method == pl.res.Forecast.Method {
		q.WAPE = best.WAPE
	}
	if r := pl.in.Read; r != nil {
		q.Read, q.Rows, q.Rejected = true, r.Rows, r.Rejected
		for _, rj := range r.Rejects[:min(maxReasons, len(r.Rejects))] {
			q.Reasons = append(q.Reasons, rj.String())
		}
		q.Notes = append(q.Notes, r.Notes...)
	}
	q.Notes = append(q.Notes, pl.res.Forecast.Notes...)
	q.Days, q.Empty, q.Partial = calendarDays(s.Start, s.Interval, s.Arrivals)
	return q
}

// calendarDays counts the local calendar days that intervals from start
// touch, the days among them without arrivals, and the partial ones: the
// first when start is not a midnight, the last when the end is not.
func calendarDays(start time.Time, iv time.Duration, arrivals []float64) (days, empty, partial int) {
	if len(arrivals) == 0 {
		return 0, 0, 0
	}
	var day time.Time
	sum := -1.0
	for i, a := range arrivals {
		t := start.Add(time.Duration(i) * iv)
		y, m, d := t.Date()
		if dd := time.Date(y, m, d, 0, 0, 0, 0, t.Location()); !dd.Equal(day) {
			if sum == 0 {
				empty++
			}
			day, sum = dd, 0
			days++
		}
		sum += a
	}
	if sum == 0 {
		empty++
	}
	if !isMidnight(start) {
		partial++
	}
	if end := start.Add(time.Duration(len(arrivals)) * iv); !isMidnight(end) && (days > 1 || isMidnight(start)) {
		partial++
	}
	return days, empty, partial
}

func isMidnight(t time.Time) bool {
	h, m, s := t.Clock()
	return h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0
}
