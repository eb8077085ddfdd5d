package calendar

import (
	"fmt"
	"sort"
	"time"
)

const day = 24 * time.Hour

// Span is a wall-clock opening span of one day: from Start to End after the
// day's midnight. 0 ≤ Start < 24h and Start < End ≤ Start + 24h; an End past
// 24h reads on the next date (22:00–06:00 is Start 22h, End 30h).
type Span struct {
	Start, End time.Duration
}

// Hours are the opening spans per weekday, indexed by time.Weekday
// (Sunday = 0). A day without spans is closed.
type Hours [7][]Span

// Date is a civil date in the calendar's zone. forecast.Date has the same
// fields, so a holiday set read by forecast.ReadHolidays converts with
// calendar.Date(d).
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// String formats the date as 2006-01-02.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Interval is the half-open interval of instants [Start, End); one with
// End ≤ Start is empty.
type Interval struct {
	Start, End time.Time
}

// pattern is one span of the weekly cycle, placed relative to the anchor
// day: it starts on anchor day + day (0 ≤ day ≤ 6).
type pattern struct {
	day        int
	start, end time.Duration
}

// Calendar is a business calendar: opening hours, holidays and a time zone.
// Its methods are safe for concurrent use. Build one with New or Always.
type Calendar struct {
	loc      *time.Location
	hours    Hours
	holidays []int // civil day numbers (days since 1970-01-01), increasing
	// The weekly cycle starts at the anchor: the first span (Sunday first,
	// earliest start) of the week. No span contains the anchor's wall time
	// strictly inside it, so a cycle's spans never cross into the next.
	anchorDay time.Weekday
	cycle     []pattern
	weekWall  time.Duration // Σ (End − Start) over the week
}

// New returns the calendar with the opening hours h and the holidays in loc
// (nil: UTC). It fails when a span is outside its bounds, when two spans
// overlap (also across midnight into the next day, and from Saturday into
// Sunday) or when the week has no opening hours.
func New(loc *time.Location, h Hours, holidays []Date) (*Calendar, error) {
	if loc == nil {
		loc = time.UTC
	}
	c := &Calendar{loc: loc}
	type placed struct {
		wd   time.Weekday
		s    Span
		from time.Duration // since Sunday 00:00, wall clock
	}
	var all []placed
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		for _, s := range h[wd] {
			if s.Start < 0 || s.Start >= day || s.End <= s.Start || s.End > s.Start+day {
				return nil, fmt.Errorf("%s %s: a span starts at 00:00 to 23:59 and lasts more than nothing and at most 24h", dayName(wd), s)
			}
			all = append(all, placed{wd, s, time.Duration(wd)*day + s.Start})
			c.hours[wd] = append(c.hours[wd], s)
			c.weekWall += s.End - s.Start
		}
		sort.Slice(c.hours[wd], func(i, j int) bool { return c.hours[wd][i].Start < c.hours[wd][j].Start })
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("no opening hours: give at least one day a span, or use 00:00-24:00 every day for 24x7")
	}
	sort.Slice(all, func(i, j int) bool { return all[i].from < all[j].from })
	for i, p := range all {
		q := all[(i+1)%len(all)]
		next := q.from
		if i+1 == len(all) {
			next += 7 * day
		}
		if p.from+p.s.End-p.s.Start > next {
			return nil, fmt.Errorf("%s %s overlaps %s %s: opening spans must not overlap", dayName(p.wd), p.s, dayName(q.wd), q.s)
		}
	}
	c.anchorDay = all[0].wd
	for _, p := range all {
		c.cycle = append(c.cycle, pattern{day: int(p.wd - c.anchorDay), start: p.s.Start, end: p.s.End})
	}
	seen := map[int]bool{}
	for _, d := range holidays {
		n := dayNumber(d.Year, d.Month, d.Day)
		if !seen[n] {
			seen[n] = true
			c.holidays = append(c.holidays, n)
		}
	}
	sort.Ints(c.holidays)
	return c, nil
}

// Always returns the 24×7 calendar in loc (nil: UTC): open 00:00–24:00
// every day, no holidays. Its business time is elapsed time.
func Always(loc *time.Location) *Calendar {
	var h Hours
	for wd := range h {
		h[wd] = []Span{{0, day}}
	}
	c, err := New(loc, h, nil)
	if err != nil {
		panic(err) // unreachable: the spans are valid
	}
	return c
}

// Location returns the calendar's time zone.
func (c *Calendar) Location() *time.Location { return c.loc }

// Hours returns a copy of the opening hours, each day's spans by start.
func (c *Calendar) Hours() Hours {
	var h Hours
	for wd := range h {
		h[wd] = append([]Span(nil), c.hours[wd]...)
	}
	return h
}

// Holidays returns the holidays in increasing order.
func (c *Calendar) Holidays() []Date {
	out := make([]Date, len(c.holidays))
	for i, n := range c.holidays {
		y, m, d := civil(n)
		out[i] = Date{y, m, d}
	}
	return out
}

// IsAlways reports whether the calendar is open around the clock every day
// without holidays (its business time is elapsed time).
func (c *Calendar) IsAlways() bool { return c.weekWall == 7*day && len(c.holidays) == 0 }

// dayNumber is the number of days from 1970-01-01 to the civil date.
func dayNumber(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// civil is the inverse of dayNumber.
func civil(n int) (int, time.Month, int) {
	return time.Unix(int64(n)*86400, 0).UTC().Date()
}

// weekday of a day number (1970-01-01 was a Thursday).
func weekday(n int) time.Weekday { return time.Weekday(((n+4)%7 + 7) % 7) }

// wall returns the instant at which the calendar's clocks read day n's
// midnight plus off (off ≥ 0): a skipped wall time is the instant of the
// change, a repeated one its first occurrence (see the package doc).
func (c *Calendar) wall(n int, off time.Duration) time.Time {
	n += int(off / day)
	off %= day
	y, m, d := civil(n)
	t := time.Date(y, m, d, int(off/time.Hour), int(off%time.Hour/time.Minute), int(off%time.Minute/time.Second), int(off%time.Second), c.loc)
	want := time.Duration(n)*day + off
	_, o := t.Zone()
	got := time.Duration(t.Unix()+int64(o))*time.Second + time.Duration(t.Nanosecond())
	start, end := t.ZoneBounds()
	switch {
	case got > want: // in a gap; t was placed after the change
		return start
	case got < want: // in a gap; t was placed before the change
		return end
	}
	if !start.IsZero() {
		if _, po := start.Add(-time.Nanosecond).Zone(); po > o {
			// Clocks went back at start: the same wall time also read
			// po − o earlier, in the previous zone.
			if e := t.Add(-time.Duration(po-o) * time.Second); e.Before(start) {
				return e
			}
		}
	}
	return t
}

// holiday reports whether day n is a holiday.
func (c *Calendar) holiday(n int) bool {
	i := sort.SearchInts(c.holidays, n)
	return i < len(c.holidays) && c.holidays[i] == n
}

// weekOf returns the anchor day of the weekly cycle containing t: the
// largest day number a on the anchor weekday with wall(a, anchor) ≤ t.
func (c *Calendar) weekOf(t time.Time) int {
	y, m, d := t.In(c.loc).Date()
	n := dayNumber(y, m, d)
	a := n - int((weekday(n)-c.anchorDay+7)%7)
	for c.wall(a, c.cycle[0].start).After(t) {
		a -= 7
	}
	return a
}

// span returns the instants of cycle entry p in the cycle anchored at a,
// and whether a holiday closes it.
func (c *Calendar) span(a int, p pattern) (open, close time.Time, closed bool) {
	n := a + p.day
	if c.holiday(n) {
		return time.Time{}, time.Time{}, true
	}
	return c.wall(n, p.start), c.wall(n, p.end), false
}

// plain reports whether the cycle anchored at a has no holiday and no zone
// change, and returns its anchor instant. In a plain cycle the wall clock
// is a translation of elapsed time: the instant of wall offset x after the
// anchor day's midnight is from + x − anchor's offset, and every span lasts
// its wall-clock length.
func (c *Calendar) plain(a int) (from time.Time, ok bool) {
	from = c.wall(a, c.cycle[0].start)
	if i := sort.SearchInts(c.holidays, a); i < len(c.holidays) && c.holidays[i] <= a+6 {
		return from, false
	}
	// The anchor must lie inside its zone, not at its start: an anchor in
	// a skipped hour is moved to the change, and the cycle is then shorter
	// than its wall-clock length.
	start, end := from.ZoneBounds()
	return from, (start.IsZero() || start.Before(from)) && (end.IsZero() || !end.Before(from.Add(7*day)))
}

// weekTotal returns the business time of the cycle anchored at a: the
// weekly wall total when the cycle is plain, else the sum of its spans.
func (c *Calendar) weekTotal(a int) time.Duration {
	if _, ok := c.plain(a); ok {
		return c.weekWall
	}
	var sum time.Duration
	for _, p := range c.cycle {
		if o, cl, closed := c.span(a, p); !closed {
			sum += cl.Sub(o)
		}
	}
	return sum
}

// prefix returns the business time from the cycle's anchor (a) to t, for t
// in that cycle.
func (c *Calendar) prefix(a int, t time.Time) time.Duration {
	var sum time.Duration
	if from, ok := c.plain(a); ok {
		x := t.Sub(from) + c.cycle[0].start // t's wall offset from the anchor day's midnight
		for _, p := range c.cycle {
			o, cl := time.Duration(p.day)*day+p.start, time.Duration(p.day)*day+p.end
			if x <= o {
				break
			}
			sum += min(x, cl) - o
		}
		return sum
	}
	for _, p := range c.cycle {
		o, cl, closed := c.span(a, p)
		if closed {
			continue
		}
		if !t.After(o) {
			break
		}
		if t.Before(cl) {
			cl = t
		}
		sum += cl.Sub(o)
	}
	return sum
}

func dayName(wd time.Weekday) string { return dayNames[wd] }

var dayNames = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}
