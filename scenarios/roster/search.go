package roster

import (
	"context"
	"math"
	"sort"
)

// eps is the tolerance of coverage comparisons, in agents.
const eps = 1e-7

// state is an integer roster under construction: agents per column and
// the coverage they give.
type state struct {
	p     *Problem
	cols  []column
	x     []int
	cov   []float64 // Σ_j a_ij·x_j per interval
	short float64   // Σ_i max(0, r_i − cov_i)
	paid  float64   // Σ_j c_j·x_j
	// limit bookkeeping
	agents, partTime int
	perTmpl          []int
}

func newState(p *Problem, cols []column) *state {
	s := &state{p: p, cols: cols, x: make([]int, len(cols)), cov: make([]float64, len(p.Required)),
		perTmpl: make([]int, len(p.Templates))}
	for _, r := range p.Required {
		s.short += r
	}
	return s
}

func (s *state) clone() *state {
	c := *s
	c.x = append([]int(nil), s.x...)
	c.cov = append([]float64(nil), s.cov...)
	c.perTmpl = append([]int(nil), s.perTmpl...)
	return &c
}

// gainAdd returns the shortfall one more agent on column j removes.
func (s *state) gainAdd(j int) float64 {
	g := 0.0
	c := &s.cols[j]
	for k, i := range c.rows {
		if d := s.p.Required[i] - s.cov[i]; d > 0 {
			g += math.Min(d, c.coef[k])
		}
	}
	return g
}

// lossRemove returns the shortfall one agent fewer on column j adds.
func (s *state) lossRemove(j int) float64 {
	l := 0.0
	c := &s.cols[j]
	for k, i := range c.rows {
		after := s.cov[i] - c.coef[k]
		if d := s.p.Required[i] - after; d > 0 {
			l += math.Min(d, c.coef[k])
		}
	}
	return l
}

// add puts delta agents (±1) on column j.
func (s *state) add(j, delta int) {
	c := &s.cols[j]
	req := s.p.Required
	fd := float64(delta)
	for k, i := range c.rows {
		before := req[i] - s.cov[i]
		s.cov[i] += fd * c.coef[k]
		after := req[i] - s.cov[i]
		if before > 0 {
			s.short -= before
		}
		if after > 0 {
			s.short += after
		}
	}
	s.x[j] += delta
	s.paid += float64(delta) * c.cost
	s.agents += delta
	s.perTmpl[c.tmpl] += delta
	if s.p.Templates[c.tmpl].PartTime {
		s.partTime += delta
	}
}

// canAdd reports whether one more agent on column j keeps within the
// headcount, the template's maximum and the part-time share.
func (s *state) canAdd(j int) bool {
	t := &s.p.Templates[s.cols[j].tmpl]
	l := s.p.Limits
	if l.Agents > 0 && s.agents+1 > l.Agents {
		return false
	}
	if t.Max > 0 && s.perTmpl[s.cols[j].tmpl]+1 > t.Max {
		return false
	}
	if l.PartTime > 0 && t.PartTime && float64(s.partTime+1) > l.PartTime*float64(s.agents+1)+eps {
		return false
	}
	return true
}

// canRemove reports whether one agent fewer on column j keeps the
// template's minimum and the part-time share.
func (s *state) canRemove(j int) bool {
	if s.x[j] <= 0 {
		return false
	}
	t := &s.p.Templates[s.cols[j].tmpl]
	if s.perTmpl[s.cols[j].tmpl]-1 < t.Min {
		return false
	}
	l := s.p.Limits
	if l.PartTime > 0 && !t.PartTime && float64(s.partTime) > l.PartTime*float64(s.agents-1)+eps {
		return false
	}
	return true
}

// better reports whether a beats b: less shortfall, then fewer paid hours.
func better(aShort, aPaid, bShort, bPaid float64) bool {
	if aShort < bShort-eps {
		return true
	}
	if aShort > bShort+eps {
		return false
	}
	return aPaid < bPaid-eps
}

// fill adds agents greedily, each time on the column with the most
// shortfall removed per paid hour, until no allowed column removes any.
// Template minima are met first.
func (s *state) fill(ctx context.Context) {
	for j := range s.cols {
		t := &s.p.Templates[s.cols[j].tmpl]
		for s.perTmpl[s.cols[j].tmpl] < t.Min && s.canAdd(j) {
			s.add(j, 1)
		}
	}
	for s.short > eps && ctx.Err() == nil {
		best, bestRatio := -1, 0.0
		for j := range s.cols {
			g := s.gainAdd(j)
			if g <= eps {
				continue
			}
			if r := g / s.cols[j].cost; r > bestRatio && s.canAdd(j) {
				best, bestRatio = j, r
			}
		}
		if best < 0 {
			return
		}
		s.add(best, 1)
	}
}

// prune removes agents whose removal adds no shortfall, the costliest
// columns first, until none can go.
func (s *state) prune() {
	order := make([]int, len(s.cols))
	for j := range order {
		order[j] = j
	}
	sort.SliceStable(order, func(a, b int) bool { return s.cols[order[a]].cost > s.cols[order[b]].cost })
	for changed := true; changed; {
		changed = false
		for _, j := range order {
			for s.x[j] > 0 && s.canRemove(j) && s.lossRemove(j) <= eps {
				s.add(j, -1)
				changed = true
			}
		}
	}
}

// improve runs the local search: remove one agent, re-cover what it left
// short greedily with the cheapest shifts, prune, and keep the result when
// it beats the roster before the move. It stops when a whole pass over the
// columns finds no better roster, or when ctx is done.
func (s *state) improve(ctx context.Context) *state {
	cur := s
	for improved := true; improved && ctx.Err() == nil; {
		improved = false
		for j := range cur.cols {
			if cur.x[j] == 0 || !cur.canRemove(j) || ctx.Err() != nil {
				continue
			}
			try := cur.clone()
			try.add(j, -1)
			try.fill(ctx)
			try.prune()
			if better(try.short, try.paid, cur.short, cur.paid) {
				cur, improved = try, true
			}
		}
	}
	return cur
}
