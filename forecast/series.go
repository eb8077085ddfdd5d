package forecast

import (
	"fmt"
	"time"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/quantity"
)

// Series is a regular sequence of intervals: interval i starts at
// Start + i·Interval (absolute time) and is shown in Start's location, the
// desk's time zone.
//
// Arrivals[i] is the number of contacts that arrived in interval i.
// HandleSeconds[i] is the total handle time, in seconds, of the Handled[i]
// contacts of interval i whose handle time is known; both are nil when the
// history has no handle times. AHT(i) = HandleSeconds[i] / Handled[i].
type Series struct {
	Start         time.Time
	Interval      time.Duration
	Arrivals      []float64
	HandleSeconds []float64
	Handled       []float64
}

// Len returns the number of intervals.
func (s *Series) Len() int { return len(s.Arrivals) }

// Time returns the start of interval i in the series' location.
func (s *Series) Time(i int) time.Time { return s.Start.Add(time.Duration(i) * s.Interval) }

// End returns the end of the last interval.
func (s *Series) End() time.Time { return s.Time(s.Len()) }

// Index returns the interval that contains t and whether it lies in the series.
func (s *Series) Index(t time.Time) (int, bool) {
	d := t.Sub(s.Start)
	if d < 0 {
		return -1, false
	}
	i := int(d / s.Interval)
	return i, i < s.Len()
}

// HasAHT reports whether the series carries handle times.
func (s *Series) HasAHT() bool { return s.HandleSeconds != nil }

// AHT returns the mean handle time of interval i in seconds, and false when
// no contact of that interval has a known handle time.
func (s *Series) AHT(i int) (float64, bool) {
	if s.HandleSeconds == nil || s.Handled[i] <= 0 {
		return 0, false
	}
	return s.HandleSeconds[i] / s.Handled[i], true
}

// SlotsPerDay returns the number of intervals in a 24-hour day.
func (s *Series) SlotsPerDay() int { return int(24 * time.Hour / s.Interval) }

// Slot returns the wall-clock slot of interval i within its local day
// (0 for the interval starting at local midnight) and its weekday. On DST
// change days the slot follows the wall clock, so "09:00 on Monday" is the
// same slot whatever the offset.
func (s *Series) Slot(i int) (slot int, day time.Weekday) {
	t := s.Time(i)
	h, m, sec := t.Clock()
	return int(time.Duration(h)*time.Hour+time.Duration(m)*time.Minute+time.Duration(sec)*time.Second) / int(s.Interval), t.Weekday()
}

// Validate checks the invariants of a series: a positive interval that
// divides a day, equal lengths, no negative counts.
func (s *Series) Validate() error {
	if s.Interval <= 0 || (24*time.Hour)%s.Interval != 0 {
		return fmt.Errorf("interval %s must be positive and divide 24h (15m, 30m and 60m do)", quantity.FormatDuration(s.Interval))
	}
	if s.HandleSeconds != nil && (len(s.HandleSeconds) != len(s.Arrivals) || len(s.Handled) != len(s.Arrivals)) {
		return fmt.Errorf("series has %d arrivals but %d handle-time sums and %d handled counts", len(s.Arrivals), len(s.HandleSeconds), len(s.Handled))
	}
	for i, a := range s.Arrivals {
		if !(a >= 0) {
			return fmt.Errorf("interval %s: arrivals %v must be a number ≥ 0", s.Time(i).Format(time.RFC3339), a)
		}
	}
	return nil
}

// CheckInterval returns a *history.OptionError unless d is a whole number of
// minutes, at least 1m, that divides 24h (15m, 30m and 60m do; 7m does
// not), so that every day has the same wall-clock slots.
func CheckInterval(d time.Duration) error {
	if d < time.Minute || d%time.Minute != 0 || (24*time.Hour)%d != 0 {
		return &history.OptionError{Msg: fmt.Sprintf("interval %s must be a whole number of minutes that divides a day (15m, 30m and 60m do)", quantity.FormatDuration(d))}
	}
	return nil
}
