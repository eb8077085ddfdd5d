package calendar

import (
	"sort"
	"time"
)

// Open reports whether the calendar is open at t: t lies in a span of a
// date that is not a holiday.
func (c *Calendar) Open(t time.Time) bool {
	a := c.weekOf(t)
	for _, p := range c.cycle {
		o, cl, closed := c.span(a, p)
		if closed {
			continue
		}
		if t.Before(o) {
			return false
		}
		if t.Before(cl) {
			return true
		}
	}
	return false
}

// NextOpen returns the earliest instant at or after t at which the
// calendar is open: t itself when it is open.
func (c *Calendar) NextOpen(t time.Time) time.Time {
	// Terminates: holidays are finite, and a week after the last one has
	// spans of positive length (a zone change swallows at most a few hours).
	for a := c.weekOf(t); ; a += 7 {
		for _, p := range c.cycle {
			o, cl, closed := c.span(a, p)
			if closed || !cl.After(o) || !cl.After(t) {
				continue
			}
			if o.After(t) {
				return o
			}
			return t
		}
	}
}

// Between returns the business time from a to b, less the business time of
// the pending intervals (see the package doc): the measure of the open,
// not pending, instants of [a, b). Between(b, a) = −Between(a, b).
func (c *Calendar) Between(a, b time.Time, pending ...Interval) time.Duration {
	if b.Before(a) {
		return -c.Between(b, a, pending...)
	}
	d := c.between(a, b)
	for _, p := range merge(pending) {
		s, e := p.Start, p.End
		if s.Before(a) {
			s = a
		}
		if e.After(b) {
			e = b
		}
		if s.Before(e) {
			d -= c.between(s, e)
		}
	}
	return d
}

// Add returns the earliest instant r ≥ t with Between(t, r, pending…) = d:
// the instant an SLA clock started at t, stopped during the pending
// intervals, reaches d of business time. Add(t, 0) = t. It panics if d is
// negative.
func (c *Calendar) Add(t time.Time, d time.Duration, pending ...Interval) time.Time {
	if d < 0 {
		panic("calendar: Add with a negative duration")
	}
	if d == 0 {
		return t
	}
	cur := t
	for _, p := range merge(pending) {
		if !p.End.After(cur) {
			continue
		}
		if p.Start.After(cur) {
			if r := c.add(cur, d); !r.After(p.Start) {
				return r
			}
			// The clock does not reach d before the pause: it has run
			// Between(cur, p.Start) < d when the pause starts.
			d -= c.between(cur, p.Start)
		}
		cur = p.End
	}
	return c.add(cur, d)
}

// between is Between without pending intervals, for a ≤ b: whole cycles
// from a's to b's, less the part of a's cycle before a, plus the part of
// b's cycle before b.
func (c *Calendar) between(a, b time.Time) time.Duration {
	wa, wb := c.weekOf(a), c.weekOf(b)
	sum := -c.prefix(wa, a)
	for w := wa; w < wb; w += 7 {
		sum += c.weekTotal(w)
	}
	return sum + c.prefix(wb, b)
}

// add is Add without pending intervals, for d > 0: the clock's reading at
// t's cycle anchor plus d is the target; whole cycles are skipped while
// their total falls short of it, then the cycle reaching it is walked span
// by span.
func (c *Calendar) add(t time.Time, d time.Duration) time.Time {
	w := c.weekOf(t)
	target := c.prefix(w, t) + d
	for {
		tot := c.weekTotal(w)
		if tot >= target {
			break
		}
		target -= tot
		w += 7
	}
	if from, ok := c.plain(w); ok {
		for _, p := range c.cycle {
			if l := p.end - p.start; target > l {
				target -= l
				continue
			}
			return from.Add(time.Duration(p.day)*day + p.start - c.cycle[0].start + target)
		}
	}
	for _, p := range c.cycle {
		o, cl, closed := c.span(w, p)
		if closed {
			continue
		}
		if l := cl.Sub(o); target > l {
			target -= l
			continue
		}
		return o.Add(target)
	}
	panic("calendar: unreachable: a cycle's spans sum to its total")
}

// merge returns the non-empty intervals of p sorted by start, overlapping
// or touching ones joined; p itself is left as it is.
func merge(p []Interval) []Interval {
	if len(p) == 0 {
		return nil
	}
	sorted := true
	for i := range p {
		if !p[i].Start.Before(p[i].End) || i > 0 && !p[i-1].End.Before(p[i].Start) {
			sorted = false
			break
		}
	}
	if sorted {
		return p // already disjoint and increasing: no copy
	}
	q := make([]Interval, 0, len(p))
	for _, x := range p {
		if x.Start.Before(x.End) {
			q = append(q, x)
		}
	}
	sort.Slice(q, func(i, j int) bool { return q[i].Start.Before(q[j].Start) })
	out := q[:0]
	for _, x := range q {
		if n := len(out); n > 0 && !out[n-1].End.Before(x.Start) {
			if x.End.After(out[n-1].End) {
				out[n-1].End = x.End
			}
			continue
		}
		out = append(out, x)
	}
	return out
}
