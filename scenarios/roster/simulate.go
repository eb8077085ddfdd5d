package roster

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/staffsim/staffsim/sim"
)

// Check is the simulation step of the roster: the demand the roster must
// serve and the service level it must reach.
//
// The desk is simulated as one queue with non-homogeneous Poisson arrivals
// (Arrivals per interval) and exponential handle times whose mean is the
// arrival-weighted AHT of the requirement (the Erlang C assumptions, with
// one AHT for the week; the simulator takes one handle-time distribution
// per queue). Shrinkage is the share of scheduled agents absent for a
// whole shift (the simulator's model of it).
type Check struct {
	Arrivals     []float64     // contacts per interval, aligned with Problem.Required
	AHT          time.Duration // mean handle time
	Target       time.Duration // SLA: answered within Target …
	Goal         float64       // … for this share of contacts
	Shrinkage    float64
	Replications int    // 0 means 10
	Seed         uint64 // random streams of the simulator
	Rounds       int    // most simulations; 0 means 10
}

// Round is one simulation of the loop.
type Round struct {
	Agents       int
	PaidHours    float64
	ServiceLevel float64 // whole horizon, mean over replications
	Missed       int     // intervals whose SL is below the goal with 95 % confidence
	Action       string  // what the loop did next
}

// SimReport is the outcome of Refine.
type SimReport struct {
	Rounds       []Round
	Met          bool      // the final roster met the goal in simulation
	ServiceLevel []float64 // final roster, per interval (mean; 1 where no contact came)
	Elapsed      time.Duration
}

// Refine puts the roster through the simulator and adjusts it until it
// meets the SLA there at the fewest paid hours:
//
//  1. simulate; an interval misses when the upper end of its 95 %
//     confidence interval for the service level is below Goal (so noise in
//     a quiet half-hour does not add agents), and the roster misses when
//     any interval or the whole horizon's service level does (intervals no
//     template reaches do not count: Solve lists them short, and the whole
//     horizon's level is then not judged either);
//  2. on a miss, raise the requirement of every missed interval to the
//     agents it had plus one, add agents greedily to the shifts that cover
//     it (most shortfall per paid hour), prune, and simulate again;
//  3. once it meets the goal, remove slack: take one agent off the shift
//     whose agents are the most overstaffed against the (raised)
//     requirement and keep the removal if the simulation still meets the
//     goal; when it does not, go back to the last roster that met the
//     goal and try the next most overstaffed shift.
//
// It stops after Rounds simulations or when no shift is left to try. The roster returned is the cheapest
// that met the goal, or the last one when none did.
func Refine(ctx context.Context, p *Problem, r *Roster, c Check, opt Options) (*Roster, *SimReport, error) {
	t0 := time.Now()
	if len(c.Arrivals) != len(p.Required) {
		return nil, nil, fmt.Errorf("simulation: %d arrival intervals for %d requirement intervals", len(c.Arrivals), len(p.Required))
	}
	rounds := c.Rounds
	if rounds <= 0 {
		rounds = 10
	}
	q := *p
	q.Required = append([]float64(nil), p.Required...)
	cols := q.columns()
	s := newState(&q, cols)
	index := map[[2]int]int{}
	for j, col := range cols {
		index[[2]int{col.tmpl, int(col.week)}] = j
	}
	for _, sh := range r.Shifts {
		j, ok := index[[2]int{sh.Template, int(sh.Week)}]
		if !ok {
			return nil, nil, fmt.Errorf("simulation: shift %q is not one of the problem's patterns", sh.Name)
		}
		for range sh.Agents {
			s.add(j, 1)
		}
	}
	// Intervals no template reaches are reported short by Solve; no agent
	// can help them, so they do not count as misses here, and neither does
	// the whole horizon's service level, which their contacts drag down.
	reach := make([]bool, len(p.Required))
	for _, col := range cols {
		for _, i := range col.rows {
			reach[i] = true
		}
	}
	allReached := true
	for i, a := range c.Arrivals {
		if a > 0 && !reach[i] {
			allReached = false
		}
	}
	rep := &SimReport{}
	var best *state
	var bestSL []float64
	removed := -1           // column of the pending slack removal
	tried := map[int]bool{} // columns whose removal missed
	removeOne := func(round *Round) bool {
		j := s.mostSlack(tried)
		if j < 0 {
			round.Action += "no slack left to remove"
			return false
		}
		s.add(j, -1)
		removed = j
		t := &q.Templates[cols[j].tmpl]
		round.Action += "remove one agent of " + ShiftName(t.Name, t.Start, cols[j].week)
		return true
	}
	for range rounds {
		sl, total, missed, err := simulate(ctx, s, c)
		if err != nil {
			return nil, nil, err
		}
		missed = slices.DeleteFunc(missed, func(i int) bool { return !reach[i] })
		round := Round{Agents: s.agents, PaidHours: s.paid, ServiceLevel: total, Missed: len(missed)}
		met := len(missed) == 0 && (total >= c.Goal || !allReached)
		if met && (best == nil || s.paid < best.paid) {
			best, bestSL = s.clone(), sl
		}
		switch {
		case !met && removed >= 0:
			tried[removed] = true
			s, removed = best.clone(), -1
			round.Action = "the removal missed: back to the last roster that met; "
			if !removeOne(&round) {
				rep.Rounds = append(rep.Rounds, round)
				goto done
			}
		case !met:
			for _, i := range missed {
				q.Required[i] = max(q.Required[i], s.cov[i]) + 1
			}
			if len(missed) == 0 { // only the whole-horizon SL missed
				for i := range q.Required {
					if sl[i] < c.Goal && c.Arrivals[i] > 0 && reach[i] {
						q.Required[i] = max(q.Required[i], s.cov[i]) + 1
					}
				}
			}
			before := s.agents
			s.short = shortfall(&q, s.cov)
			s.fill(ctx)
			s.prune()
			round.Action = fmt.Sprintf("add %d agents for %d missed intervals", s.agents-before, len(missed))
		default:
			round.Action = "met; "
			if !s.canRemoveAny() || !removeOne(&round) {
				rep.Rounds = append(rep.Rounds, round)
				goto done
			}
		}
		rep.Rounds = append(rep.Rounds, round)
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
	}
done:
	if best == nil {
		best = s
		sl, _, _, err := simulate(ctx, s, c)
		if err != nil {
			return nil, nil, err
		}
		bestSL = sl
	} else {
		rep.Met = true
	}
	// Report against the original requirement.
	best.p = p
	best.short = shortfall(p, best.cov)
	out := best.roster()
	out.LowerBound, out.Bound = r.LowerBound, r.Bound
	rep.ServiceLevel = bestSL
	rep.Elapsed = time.Since(t0)
	out.Elapsed = r.Elapsed + rep.Elapsed
	return out, rep, nil
}

// canRemoveAny reports whether some agent could be taken off.
func (s *state) canRemoveAny() bool {
	for j := range s.x {
		if s.canRemove(j) {
			return true
		}
	}
	return false
}

func shortfall(p *Problem, cov []float64) float64 {
	s := 0.0
	for i, r := range p.Required {
		if d := r - cov[i]; d > 0 {
			s += d
		}
	}
	return s
}

// mostSlack returns the staffed column, not in skip and allowed to lose
// an agent, whose covered intervals have the most staffing above the
// requirement, weighted by its coverage, or −1.
func (s *state) mostSlack(skip map[int]bool) int {
	best, bestSlack := -1, 0.0
	for j, n := range s.x {
		if n == 0 || skip[j] || !s.canRemove(j) {
			continue
		}
		c := &s.cols[j]
		slack := 0.0
		for k, i := range c.rows {
			slack += c.coef[k] * (s.cov[i] - s.p.Required[i])
		}
		if slack > bestSlack {
			best, bestSlack = j, slack
		}
	}
	return best
}

// simulate runs the roster of s through the simulator and returns the
// service level per interval, over the horizon, and the intervals missed.
func simulate(ctx context.Context, s *state, c Check) (sl []float64, total float64, missed []int, err error) {
	p := s.p
	reps := c.Replications
	if reps <= 0 {
		reps = 10
	}
	cfg := sim.Config{
		Start:    p.Start,
		Horizon:  p.Time(len(p.Required)).Sub(p.Start),
		Interval: p.Interval,
		Queues: []sim.Queue{{
			Name:       "desk",
			Arrivals:   sim.Arrivals{Counts: c.Arrivals, Step: p.Interval},
			HandleTime: sim.Exponential(c.AHT),
			SLATarget:  c.Target,
			SLAGoal:    c.Goal,
		}},
		Shrinkage:    c.Shrinkage,
		Seed:         c.Seed,
		Replications: reps,
	}
	for j, n := range s.x {
		if n == 0 {
			continue
		}
		col := &s.cols[j]
		t := &p.Templates[col.tmpl]
		sh := sim.Shift{Name: ShiftName(t.Name, t.Start, col.week), Start: t.Start, Length: t.Length, Days: col.week.Days(), Agents: n}
		for _, b := range t.Breaks {
			sh.Breaks = append(sh.Breaks, sim.Break{After: b.After, Length: b.Length})
		}
		cfg.Shifts = append(cfg.Shifts, sh)
	}
	if len(cfg.Shifts) == 0 {
		cfg.Shifts = []sim.Shift{{Name: "nobody", Start: 0, Length: time.Hour, Agents: 0}}
	}
	res, err := sim.Run(ctx, cfg)
	if err != nil {
		return nil, 0, nil, fmt.Errorf("simulation: %w", err)
	}
	sl = make([]float64, len(p.Required))
	for i := range sl {
		sl[i] = 1
		if i >= len(res.Intervals) {
			continue
		}
		e := res.Intervals[i].Total.ServiceLevel
		if e.Defined() {
			sl[i] = e.Mean
			if e.High < c.Goal {
				missed = append(missed, i)
			}
		}
	}
	sort.Ints(missed)
	total = 1
	if e := res.Summary.Total.ServiceLevel; e.Defined() {
		total = e.Mean
	}
	return sl, total, missed, nil
}
