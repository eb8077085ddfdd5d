package synth

import (
	"github.com/staffsim/staffsim/forecast"
	"time"
)

// Business hours of the desk's second-line teams, local wall clock: Monday
// to Friday, 08:00 to 18:00, except public holidays. Email and portal
// tickets of priority P2–P4 are worked only then.
const (
	OpenHour  = 8
	CloseHour = 18
)

// hours is the business-hours calendar of one location. It remembers
// which days are working days, counted from a base day, because a
// calendar's rules are far slower to evaluate than a slice lookup.
type hours struct {
	loc   *time.Location
	cal   Calendar
	base  int     // day number of known[0]
	known []uint8 // per day from base: 0 unknown, 1 working day, 2 not
}

func newHours(loc *time.Location, cal Calendar, first forecast.Date) *hours {
	return &hours{loc: loc, cal: cal, base: dayNumber(first)}
}

// businessDay reports whether the date is a working day.
func (b *hours) businessDay(d forecast.Date) bool {
	i := dayNumber(d) - b.base
	if i < 0 {
		return b.evaluate(d)
	}
	for i >= len(b.known) {
		b.known = append(b.known, 0)
	}
	if b.known[i] == 0 {
		b.known[i] = 2
		if b.evaluate(d) {
			b.known[i] = 1
		}
	}
	return b.known[i] == 1
}

func (b *hours) evaluate(d forecast.Date) bool {
	wd := weekday(d)
	return wd != time.Saturday && wd != time.Sunday && !b.cal.Holiday(d)
}

// add returns the instant at which d of business time has elapsed after t,
// counting only the time inside business hours: a ticket that arrives at
// 17:30 on a Friday with one hour of business-time delay gets its answer at
// 08:30 on Monday. Time outside business hours does not count, so t itself
// is first moved to the next opening if it is outside them. A calendar
// with no working day in ten years gets wall-clock time instead.
func (b *hours) add(t time.Time, d time.Duration) time.Time {
	from := t
	for skipped := 0; ; skipped++ {
		if skipped > 3660 {
			return from.Add(d)
		}
		y, m, day := t.Date()
		close := time.Date(y, m, day, CloseHour, 0, 0, 0, b.loc)
		if !b.businessDay(date(y, m, day)) || !t.Before(close) {
			t = time.Date(y, m, day+1, 0, 0, 0, 0, b.loc)
			continue
		}
		if open := time.Date(y, m, day, OpenHour, 0, 0, 0, b.loc); t.Before(open) {
			t = open
		}
		rem := close.Sub(t)
		if d <= rem {
			return t.Add(d)
		}
		d -= rem
		t = time.Date(y, m, day+1, 0, 0, 0, 0, b.loc)
	}
}

// inBusinessHours reports whether the wall-clock slot s (0–95) of a business
// day lies inside business hours.
func inBusinessHours(s int) bool {
	const perHour = int(time.Hour / SlotLength)
	return s >= OpenHour*perHour && s < CloseHour*perHour
}

// loadFactor is the queueing-like congestion of the desk in slot s of a
// day with weekday factor w: waiting times scale with
//
//	L = ½ + ½·w·p(s)/p̄,
//
// where p̄ is the mean of the profile p over the business-hours slots, so L
// averages 1 over the business hours of a mean weekday, rises to about 1.45
// in a Monday-morning peak and falls to ½ at night.
func loadFactor(w float64, s int) float64 {
	return 0.5 + 0.5*w*slotShare[s]/meanBusinessProfile
}

var meanBusinessProfile = func() float64 {
	sum, n := 0.0, 0
	for s := range slotsPerDay {
		if inBusinessHours(s) {
			sum += slotShare[s]
			n++
		}
	}
	return sum / float64(n)
}()
