package forecast

import (
	"fmt"
	"strings"
	"time"
)

// Input is a history prepared for the forecasting methods. It extends the
// series' calendar h intervals past its end, so that a method fitted on the
// first n intervals can look up the wall-clock slot of every interval it
// forecasts, and so that a backtest can fit on any prefix without
// recomputing the calendar.
//
// Seasonality is keyed on the wall-clock slot: Key(i) = weekday·SlotsPerDay
// + slot of day (Series.Slot), so "the same interval last week" is the same
// weekday and clock time even across a change of daylight saving time.
type Input struct {
	Series *Series
	// Y holds the arrivals of the history with holiday intervals replaced
	// by the most recent non-holiday value of the same key (the next one for
	// holidays in the first week), so that holidays do not distort fitting.
	Y []float64
	// Keys[i] is the seasonal key of interval i, for i < len(Y)+horizon.
	Keys []int32
	// Holiday[i] reports whether interval i lies on a holiday date.
	Holiday []bool
	// Missing[i] reports whether history interval i lies on an outage day
	// (OutageDays): a whole open day without a contact, imputed in Y like a
	// holiday and left out of backtest scores, but forecast as usual.
	Missing []bool
	// Notes say which days of the history were treated as missing.
	Notes []string
	// DayStart lists the index of the first interval of each local day that
	// begins in [0, len(Keys)), in order; DayStart[0] may be > 0 when the
	// series does not start at midnight.
	DayStart []int
	// SlotsPerDay is the number of intervals in a 24-hour day; Period =
	// 7·SlotsPerDay is the number of keys.
	SlotsPerDay, Period int

	cache forecastCache // raw method forecasts by method and prefix
}

// Prepare builds the Input of series s for forecasts up to horizon intervals
// past its end. Holiday dates are flagged and their arrivals imputed; so
// are outage days (OutageDays), with a note naming them.
func Prepare(s *Series, horizon int, holidays Holidays) (*Input, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if horizon < 0 {
		return nil, fmt.Errorf("horizon %d must be ≥ 0", horizon)
	}
	n := s.Len()
	total := n + horizon
	spd := s.SlotsPerDay()
	in := &Input{Series: s, Y: make([]float64, n), Keys: make([]int32, total), Holiday: make([]bool, total),
		Missing: make([]bool, n), SlotsPerDay: spd, Period: 7 * spd}
	outages := OutageDays(s, holidays)
	out := make(Holidays, len(outages))
	for _, d := range outages {
		out[d] = true
	}
	var prevDate Date
	for i := range total {
		t := s.Time(i)
		slot, wd := s.Slot(i)
		if slot >= spd { // cannot happen for an interval dividing 24h; guard anyway
			slot = spd - 1
		}
		in.Keys[i] = int32(int(wd)*spd + slot)
		d := DateOf(t)
		if i == 0 || d != prevDate {
			if i > 0 || slot == 0 {
				in.DayStart = append(in.DayStart, i)
			}
			prevDate = d
		}
		in.Holiday[i] = holidays.Has(t)
		if i < n {
			in.Missing[i] = out.Has(t)
		}
	}
	if len(outages) > 0 {
		names := make([]string, len(outages))
		for j, d := range outages {
			names[j] = d.String()
		}
		in.Notes = append(in.Notes, fmt.Sprintf("%d day(s) without a contact on a weekday that is usually busy, treated as missing (an outage or a gap in the export), not as zero demand: %s",
			len(outages), strings.Join(names, ", ")))
	}
	copy(in.Y, s.Arrivals)
	in.imputeHolidays()
	return in, nil
}

// imputeHolidays replaces the arrivals of holidays and outage days (skip)
// by the last other value of the same key, or the next one when there is
// no earlier one, or 0.
func (in *Input) imputeHolidays() {
	n := len(in.Y)
	last := make([]float64, in.Period)
	seen := make([]bool, in.Period)
	var unfilled []int
	for i := range n {
		k := in.Keys[i]
		if in.skip(i) {
			if seen[k] {
				in.Y[i] = last[k]
			} else {
				unfilled = append(unfilled, i)
			}
			continue
		}
		last[k], seen[k] = in.Y[i], true
	}
	if len(unfilled) == 0 {
		return
	}
	clear(seen)
	u := len(unfilled) - 1
	for i := n - 1; i >= 0 && u >= 0; i-- {
		k := in.Keys[i]
		if !in.skip(i) {
			last[k], seen[k] = in.Y[i], true
		}
		if unfilled[u] == i {
			in.Y[i] = 0
			if seen[k] {
				in.Y[i] = last[k]
			}
			u--
		}
	}
}

// skip reports whether interval i is left out of fitting and scoring: a
// holiday or, in the history, an outage day.
func (in *Input) skip(i int) bool {
	return in.Holiday[i] || (i < len(in.Missing) && in.Missing[i])
}

// Len returns the number of history intervals.
func (in *Input) Len() int { return len(in.Y) }

// Horizon returns how many intervals past the history the calendar covers.
func (in *Input) Horizon() int { return len(in.Keys) - len(in.Y) }

// Time returns the start of interval i (which may lie past the history).
func (in *Input) Time(i int) time.Time { return in.Series.Time(i) }

// Slot returns the slot of day of key k.
func (in *Input) Slot(k int32) int { return int(k) % in.SlotsPerDay }

// closedKeys returns, for each key, whether no contact arrived in any
// non-holiday interval of the first n intervals with that key (and the key
// occurred at all): the desk is closed then, and forecasts stay 0.
func (in *Input) closedKeys(n int) []bool {
	closed := make([]bool, in.Period)
	seen := make([]bool, in.Period)
	for i := range n {
		if in.skip(i) {
			continue
		}
		k := in.Keys[i]
		if !seen[k] {
			seen[k], closed[k] = true, true
		}
		if in.Y[i] > 0 {
			closed[k] = false
		}
	}
	return closed
}
