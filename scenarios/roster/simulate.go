package roster

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/sim"
)

// Check is the simulation step of the roster: the desk the roster must
// serve and the targets its requirement was built for.
type Check struct {
	// Desk is the desk as the simulator runs it — its queues (arrivals
	// covering the problem's intervals from Problem.Start, handle times,
	// patience), shrinkage (whole-shift absence), seed and replications (0
	// means 10). Refine sets Start, Horizon, Interval and Shifts, and each
	// queue's SLA from Targets.
	Desk sim.Config
	// Targets are what the requirement per interval was sized for: the
	// service level, and the ASA, occupancy and abandonment caps when set.
	Targets erlang.Targets
	Rounds  int // most simulations; 0 means 10
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
}

// Refine puts the roster through the simulator and adjusts it until it
// meets every target there at the fewest paid hours, never below the
// requirement it was solved for:
//
//  1. simulate; an interval misses when its 95 % confidence interval lies
//     wholly on the wrong side of a target — service level below the goal,
//     ASA, occupancy or abandon rate above its cap (so noise in a quiet
//     half-hour does not add agents) — and the roster misses when any
//     interval or the whole horizon does (intervals no template reaches do
//     not count: Solve lists them short, and the whole horizon is then not
//     judged either);
//  2. on a miss, raise the requirement of every missed interval to the
//     agents it had plus one, add agents greedily to the shifts that cover
//     it (most shortfall per paid hour), prune, and simulate again;
//  3. once it meets the goal, remove slack: take one agent off the shift
//     whose agents are the most overstaffed against the (raised)
//     requirement — only where every interval it covers stays at or above
//     the original requirement, so the roster still meets every target the
//     requirement was sized for and its paid hours never fall below the LP
//     bound — and keep the removal if the simulation still meets the
//     goal; when it does not, go back to the last roster that met the
//     goal and try the next most overstaffed shift.
//
// It stops after Rounds simulations or when no shift is left to try. The roster returned is the cheapest
// that met the goal, or the last one when none did.
func Refine(ctx context.Context, p *Problem, r *Roster, c Check, opt Options) (*Roster, *SimReport, error) {
	if len(c.Desk.Queues) == 0 {
		return nil, nil, fmt.Errorf("simulation: the desk has no queue")
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
	for i, r := range p.Required {
		if r > 0 && !reach[i] {
			allReached = false
		}
	}
	rep := &SimReport{}
	var best *state
	var bestSL []float64
	removed := -1           // column of the pending slack removal
	tried := map[int]bool{} // columns whose removal missed
	removeOne := func(round *Round) bool {
		j := s.mostSlack(tried, p.Required)
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
		out, err := simulate(ctx, s, c)
		if err != nil {
			return nil, nil, err
		}
		sl, missed := out.sl, slices.DeleteFunc(out.missed, func(i int) bool { return !reach[i] })
		round := Round{Agents: s.agents, PaidHours: s.paid, ServiceLevel: out.total, Missed: len(missed)}
		met := len(missed) == 0 && (out.totalMet || !allReached)
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
			if len(missed) == 0 { // only the whole horizon missed
				for i := range q.Required {
					if out.below[i] && reach[i] {
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
			if !removeOne(&round) {
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
		out, err := simulate(ctx, s, c)
		if err != nil {
			return nil, nil, err
		}
		bestSL = out.sl
	} else {
		rep.Met = true
	}
	// Report against the original requirement.
	best.p = p
	best.short = shortfall(p, best.cov)
	out := best.roster()
	out.LowerBound, out.Bound = r.LowerBound, r.Bound
	rep.ServiceLevel = bestSL
	return out, rep, nil
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
// an agent without taking any interval below floor, whose covered
// intervals have the most staffing above the requirement, weighted by its
// coverage, or −1.
func (s *state) mostSlack(skip map[int]bool, floor []float64) int {
	best, bestSlack := -1, 0.0
	for j, n := range s.x {
		if n == 0 || skip[j] || !s.canRemove(j) || !s.keepsFloor(j, floor) {
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

// keepsFloor reports whether one agent fewer on column j leaves every
// interval it covers at or above floor.
func (s *state) keepsFloor(j int, floor []float64) bool {
	c := &s.cols[j]
	for k, i := range c.rows {
		if s.cov[i]-c.coef[k] < floor[i]-eps {
			return false
		}
	}
	return true
}

// simOutcome is one simulation of a roster: per interval, the mean service
// level (1 where no contact came), whether the interval missed a target
// with 95 % confidence and whether its mean is on the wrong side of one;
// over the horizon, the service level and whether every target was met.
type simOutcome struct {
	sl       []float64
	missed   []int
	below    []bool
	total    float64
	totalMet bool
}

// simulate runs the roster of s through the simulator.
func simulate(ctx context.Context, s *state, c Check) (simOutcome, error) {
	p := s.p
	cfg := c.Desk
	cfg.Start = p.Start
	cfg.Horizon = p.Time(len(p.Required)).Sub(p.Start)
	cfg.Interval = p.Interval
	if cfg.Replications <= 0 {
		cfg.Replications = 10
	}
	cfg.Queues = append([]sim.Queue(nil), c.Desk.Queues...)
	if c.Targets.ServiceLevel > 0 {
		for i := range cfg.Queues {
			cfg.Queues[i].SLATarget = time.Duration(c.Targets.Within * float64(time.Second))
			cfg.Queues[i].SLAGoal = c.Targets.ServiceLevel
		}
	}
	cfg.Shifts = nil
	for j, n := range s.x {
		if n > 0 {
			col := &s.cols[j]
			cfg.Shifts = append(cfg.Shifts, p.Templates[col.tmpl].Shift(col.week, n))
		}
	}
	if len(cfg.Shifts) == 0 {
		cfg.Shifts = []sim.Shift{{Name: "nobody", Start: 0, Length: time.Hour, Agents: 0}}
	}
	res, err := sim.Run(ctx, cfg)
	if err != nil {
		return simOutcome{}, fmt.Errorf("simulation: %w", err)
	}
	out := simOutcome{sl: make([]float64, len(p.Required)), below: make([]bool, len(p.Required)), total: 1}
	for i := range out.sl {
		out.sl[i] = 1
		if i >= len(res.Intervals) {
			continue
		}
		m := res.Intervals[i].Total
		if e := m.ServiceLevel; e.Defined() {
			out.sl[i] = e.Mean
		}
		missed, below := judge(c.Targets, m)
		if missed {
			out.missed = append(out.missed, i)
		}
		out.below[i] = below
	}
	sort.Ints(out.missed)
	t := res.Summary.Total
	if e := t.ServiceLevel; e.Defined() {
		out.total = e.Mean
	}
	_, below := judge(c.Targets, t)
	out.totalMet = !below
	return out, nil
}

// judge reports whether metrics m miss a target with 95 % confidence
// (the whole confidence interval on the wrong side) and whether their
// means are on the wrong side of one. Undefined metrics (no contact) miss
// nothing.
//
//	service level  High < goal        (mean < goal)
//	ASA            Low  > max ASA     (mean > max ASA)
//	occupancy      Low  > cap         (mean > cap), caps below 100 %
//	abandon rate   Low  > max abandon (mean > max abandon)
func judge(t erlang.Targets, m sim.Metrics) (missed, below bool) {
	check := func(e sim.Estimate, limit float64, under bool) {
		if !e.Defined() {
			return
		}
		if under {
			missed = missed || e.High < limit
			below = below || e.Mean < limit
			return
		}
		missed = missed || e.Low > limit*(1+tolerance)
		below = below || e.Mean > limit*(1+tolerance)
	}
	if t.ServiceLevel > 0 {
		check(m.ServiceLevel, t.ServiceLevel, true)
	}
	if t.ASA > 0 {
		check(m.ASA, t.ASA, false)
	}
	if t.MaxOccupancy > 0 && t.MaxOccupancy < 1 {
		check(m.Occupancy, t.MaxOccupancy, false)
	}
	if t.MaxAbandon > 0 {
		check(m.AbandonRate, t.MaxAbandon, false)
	}
	return missed, below
}

// tolerance is the relative slack of a cap: a simulated mean equal to the
// cap up to floating-point noise meets it.
const tolerance = 1e-9
