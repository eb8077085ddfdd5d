package roster

import (
	"time"
)

// column is one variable of the covering problem: template tmpl worked on
// the days of week. rows/coef hold its sparse coverage a_ij (rows
// ascending); cost is its paid hours over the horizon.
type column struct {
	tmpl int
	week Week
	cost float64
	rows []int
	coef []float64
}

// segment is a half-open stretch of absolute time.
type segment struct{ from, to time.Time }

// working returns the stretches of an occurrence starting at s in which the
// agent staffs the desk: the shift less its breaks.
func (t *Template) working(s time.Time) []segment {
	var out []segment
	cur := s
	for _, b := range t.Breaks {
		bs := s.Add(b.After)
		if bs.After(cur) {
			out = append(out, segment{cur, bs})
		}
		cur = bs.Add(b.Length)
	}
	if end := s.Add(t.Length); end.After(cur) {
		out = append(out, segment{cur, end})
	}
	return out
}

// columns expands the templates into columns, one per (template, week)
// pair that staffs at least one interval with a positive requirement.
// Columns whose coverage and cost equal an earlier column's of the same
// template (two weeks that differ only in days outside the horizon) are
// dropped.
func (p *Problem) columns() []column {
	loc := p.Start.Location()
	m := len(p.Required)
	end := p.Time(m)
	horizon := end.Sub(p.Start)
	wrap := horizon%(24*time.Hour) == 0
	y, mo, d := p.Start.Date()

	acc := make([]float64, m)
	var cols []column
	for k := range p.Templates {
		t := &p.Templates[k]
		h, mi := int(t.Start/time.Hour), int(t.Start%time.Hour/time.Minute)
		sec := int(t.Start % time.Minute / time.Second)
		paid := t.PaidPerShift().Hours()
		seen := map[string]bool{}
		for _, w := range t.Weeks {
			clear(acc)
			cost := 0.0
			for day := 0; ; day++ {
				s := time.Date(y, mo, d+day, h, mi, sec, 0, loc)
				if !s.Before(end) {
					break
				}
				if s.Before(p.Start) || !w.Has(s.Weekday()) {
					continue
				}
				cost += paid
				for _, g := range t.working(s) {
					p.addSegment(acc, g, end, horizon, wrap)
				}
			}
			var c column
			c.tmpl, c.week, c.cost = k, w, cost
			useful := false
			for i, a := range acc {
				if a > 1e-12 {
					c.rows = append(c.rows, i)
					c.coef = append(c.coef, a)
					if p.Required[i] > 0 {
						useful = true
					}
				}
			}
			if !useful || cost <= 0 {
				continue
			}
			key := c.key()
			if seen[key] {
				continue
			}
			seen[key] = true
			cols = append(cols, c)
		}
	}
	return cols
}

// addSegment adds the coverage of g to acc, wrapping the part past end to
// the start of the horizon when wrap is set.
func (p *Problem) addSegment(acc []float64, g segment, end time.Time, horizon time.Duration, wrap bool) {
	if g.to.After(end) {
		if wrap {
			p.addSegment(acc, segment{p.Start, g.to.Add(-horizon)}, end, horizon, false)
		}
		g.to = end
	}
	if g.from.Before(p.Start) {
		g.from = p.Start
	}
	if !g.to.After(g.from) {
		return
	}
	iv := p.Interval
	first := int(g.from.Sub(p.Start) / iv)
	for i := first; i < len(acc); i++ {
		is := p.Time(i)
		ie := is.Add(iv)
		if !g.to.After(is) {
			break
		}
		from, to := g.from, g.to
		if is.After(from) {
			from = is
		}
		if ie.Before(to) {
			to = ie
		}
		if to.After(from) {
			acc[i] += float64(to.Sub(from)) / float64(iv)
		}
	}
}

// key identifies a column's coverage and cost, for dropping duplicates.
func (c *column) key() string {
	b := make([]byte, 0, 16*len(c.rows)+8)
	b = appendFloat(b, c.cost)
	for n, i := range c.rows {
		b = appendInt(b, i)
		b = appendFloat(b, c.coef[n])
	}
	return string(b)
}

func appendInt(b []byte, i int) []byte {
	return append(b, byte(i), byte(i>>8), byte(i>>16), byte(i>>24))
}

func appendFloat(b []byte, f float64) []byte {
	return appendInt(b, int(f*1e6+0.5))
}
