package roster

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"
)

// Options tune Solve. The zero value is the default.
type Options struct {
	// DayBound skips the LP relaxation of the whole horizon: the bound is
	// the sum of one LP per local day (DayLP), weaker since it ignores
	// that an agent keeps his shift all week, and the search starts only
	// from a greedy cover. The whole horizon's LP takes about 0.14 s for a
	// week of half-hours with 600 columns (BenchmarkWeekLP).
	DayBound bool
	// Moves is the number of moves of each of the three simulated
	// annealing runs. 0 means 500 per column, at least 100,000.
	Moves int
}

func (o Options) iterations(cols int) int {
	if o.Moves > 0 {
		return o.Moves
	}
	return max(500*cols, 100_000)
}

// Shift is one line of a roster: Agents agents working template Template
// on the days of Week.
type Shift struct {
	Name      string // template name, start, and days, e.g. "early 07:00 mon-fri"
	Template  int    // index in Problem.Templates
	Start     time.Duration
	Length    time.Duration
	Week      Week
	Breaks    []Break
	PartTime  bool
	Agents    int
	PaidHours float64 // per agent, over the horizon
}

// Shortfall is an interval the roster leaves short.
type Shortfall struct {
	Interval int
	Start    time.Time
	Required float64 // agents needed
	Staffed  float64 // agents on shift and not on a break
}

// Short returns the missing agents, Required − Staffed.
func (s Shortfall) Short() float64 { return s.Required - s.Staffed }

// Roster is the result of Solve.
type Roster struct {
	Shifts        []Shift
	Agents        int
	PaidHours     float64     // Σ agents × paid hours, over the horizon
	RequiredHours float64     // Σ_i r_i × interval length, hours
	LowerBound    float64     // no roster covering as much has fewer paid hours
	Bound         BoundMethod // how LowerBound was computed
	Staffed       []float64   // agents on shift and not on a break, per interval
	Short         []Shortfall // intervals left short, in time order
	Elapsed       time.Duration
}

// Gap returns (PaidHours − LowerBound) / LowerBound, or 0 when the bound
// is 0. After Refine it may be negative: the bound is for covering the
// requirement, and the simulation may meet the SLA with less.
func (r *Roster) Gap() float64 {
	if r.LowerBound <= 0 {
		return 0
	}
	return (r.PaidHours - r.LowerBound) / r.LowerBound
}

// Inefficiency returns PaidHours / RequiredHours (1 is a roster that pays
// for nothing but the required agent time; breaks and overstaffing raise
// it), or 0 when nothing is required.
func (r *Roster) Inefficiency() float64 {
	if r.RequiredHours <= 0 {
		return 0
	}
	return r.PaidHours / r.RequiredHours
}

// ShortHours returns the agent hours left uncovered.
func (r *Roster) ShortHours(interval time.Duration) float64 {
	h := 0.0
	for _, s := range r.Short {
		h += s.Short() * interval.Hours()
	}
	return h
}

// Solve builds the roster with the fewest paid hours that covers p's
// requirement, or, when the templates and limits cannot cover it, the
// roster with the least shortfall and among those the fewest paid hours.
// It returns an error only for an invalid problem or a cancelled ctx.
func Solve(ctx context.Context, p *Problem, opt Options) (*Roster, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	t0 := time.Now()
	cols := p.columns()
	rows := coverableRows(p, cols, func(int) bool { return true })

	// The LP of the whole horizon runs beside the search from a greedy
	// cover. Neither depends on the other's progress, so the result does
	// not depend on the machine's speed or load.
	type lpOut struct {
		rel relaxation
		err error
	}
	weekCh := make(chan lpOut, 1)
	tryWeek := len(rows) > 0 && !opt.DayBound
	if tryWeek {
		go func() {
			r, err := p.relax(ctx, cols, rows, true)
			weekCh <- lpOut{r, err}
		}()
	}
	best := search(ctx, newState(p, cols), opt, len(cols))

	var rel relaxation
	method := NoBound
	if tryWeek {
		if w := <-weekCh; w.err == nil {
			rel, method = w.rel, WeekLP
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if method == WeekLP {
		// Round the LP solution up, and down then repair, and search from both.
		up, down := newState(p, cols), newState(p, cols)
		for j, v := range rel.x {
			for range int(math.Ceil(v - 1e-6)) {
				up.add(j, 1)
			}
			for range int(math.Floor(v + 1e-6)) {
				down.add(j, 1)
			}
		}
		for _, s := range []*state{up, down} {
			s.repairLimits()
			if s = search(ctx, s, opt, len(cols)); better(s.short, s.paid, best.short, best.paid) {
				best = s
			}
		}
	} else if len(rows) > 0 {
		// No whole LP (skipped, or the simplex failed): the day-by-day bound.
		if d, err := p.blockBound(ctx, cols); err == nil {
			rel, method = d, DayLP
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r := best.roster()
	r.LowerBound, r.Bound = rel.paidHours, method
	if r.LowerBound > r.PaidHours { // rounding noise of the simplex
		r.LowerBound = r.PaidHours
	}
	r.Elapsed = time.Since(t0)
	return r, nil
}

// search fills s up to cover, prunes, anneals (three runs, each from the
// best so far) and finishes with the local search.
func search(ctx context.Context, s *state, opt Options, nCols int) *state {
	s.fill(ctx)
	s.prune()
	for k := range 3 {
		s = s.anneal(ctx, opt.iterations(nCols), uint64(k+1))
	}
	s.fill(ctx)
	s.prune()
	return s.improve(ctx)
}

// repairLimits removes agents until the headcount, the template maxima
// and the part-time share hold, each time the agent whose removal adds the
// least shortfall per paid hour saved.
func (s *state) repairLimits() {
	for {
		l := s.p.Limits
		over := func(j int) bool {
			t := &s.p.Templates[s.cols[j].tmpl]
			switch {
			case l.Agents > 0 && s.agents > l.Agents:
				return true
			case t.Max > 0 && s.perTmpl[s.cols[j].tmpl] > t.Max:
				return true
			case l.PartTime > 0 && t.PartTime && float64(s.partTime) > l.PartTime*float64(s.agents)+eps:
				return true
			}
			return false
		}
		best, bestScore := -1, math.Inf(1)
		for j := range s.cols {
			if s.x[j] == 0 || !over(j) {
				continue
			}
			if sc := s.lossRemove(j) / s.cols[j].cost; sc < bestScore {
				best, bestScore = j, sc
			}
		}
		if best < 0 {
			return
		}
		s.add(best, -1)
	}
}

// roster turns a state into a Roster.
func (s *state) roster() *Roster {
	p := s.p
	r := &Roster{Staffed: append([]float64(nil), s.cov...), PaidHours: s.paid, Agents: s.agents}
	for i, req := range p.Required {
		r.RequiredHours += req * p.Interval.Hours()
		if req-s.cov[i] > eps {
			r.Short = append(r.Short, Shortfall{Interval: i, Start: p.Time(i), Required: req, Staffed: s.cov[i]})
		}
	}
	for j, n := range s.x {
		if n == 0 {
			continue
		}
		c := &s.cols[j]
		t := &p.Templates[c.tmpl]
		r.Shifts = append(r.Shifts, Shift{
			Name:     ShiftName(t.Name, t.Start, c.week),
			Template: c.tmpl, Start: t.Start, Length: t.Length, Week: c.week,
			Breaks: t.Breaks, PartTime: t.PartTime, Agents: n, PaidHours: c.cost,
		})
	}
	sort.SliceStable(r.Shifts, func(a, b int) bool {
		if r.Shifts[a].Start != r.Shifts[b].Start {
			return r.Shifts[a].Start < r.Shifts[b].Start
		}
		return r.Shifts[a].Name < r.Shifts[b].Name
	})
	return r
}

// ShiftName names a roster line: the template's name, its start and its
// working days, e.g. "full-8h 07:30 mon,tue,wed,thu,fri".
func ShiftName(template string, start time.Duration, w Week) string {
	return fmt.Sprintf("%s %s %s", template, Clock(start), w)
}

// Clock formats a time of day as "HH:MM" (with ":SS" when not whole
// minutes).
func Clock(d time.Duration) string {
	h, m, s := int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second)
	if s != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%02d:%02d", h, m)
}
