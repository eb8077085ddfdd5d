package scenarios

import (
	"fmt"

	"github.com/staffsim/staffsim/sim"
	"github.com/staffsim/staffsim/sim/calendar"
)

// simTickets returns the simulator's form of the ticket desk, reading the
// forecast and history files its priorities name and building each
// target's business calendar (one clock per calendar name).
func (s *Scenario) simTickets() (*sim.Tickets, error) {
	tk := s.Tickets
	clocks := map[string]*calendar.Calendar{}
	clock := func(name string) (*calendar.Calendar, error) {
		if name == "" {
			return nil, nil // elapsed time
		}
		if c, ok := clocks[name]; ok {
			return c, nil
		}
		c, err := s.Clock(name)
		if err != nil {
			return nil, s.errorf("calendars."+name, "", "%v", err)
		}
		clocks[name] = c
		return c, nil
	}
	target := func(t TicketTarget) (sim.TicketTarget, error) {
		if !t.Set() {
			return sim.TicketTarget{}, nil
		}
		c, err := clock(t.Calendar)
		return sim.TicketTarget{Target: t.Target, Goal: t.Goal, Calendar: c}, err
	}
	out := &sim.Tickets{Tiers: append([]string(nil), tk.Tiers...)}
	var replayed []sim.Arrivals
	if tk.Arrivals != nil {
		var err error
		if replayed, err = s.replayTickets(); err != nil {
			return nil, err
		}
	}
	for i := range tk.Priorities {
		p := &tk.Priorities[i]
		var arrivals sim.Arrivals
		if replayed != nil {
			arrivals = replayed[i]
		} else {
			d, err := s.arrivalsDemand(p.Arrivals, fmt.Sprintf("tickets.priorities[%d] %q: arrivals", i, p.Name))
			if err != nil {
				return nil, err
			}
			arrivals = d.arrivals
		}
		var err error
		sp := sim.Priority{
			Name: p.Name, Arrivals: arrivals, Touch: make([]sim.Dist, len(tk.Tiers)),
			Escalate: append([]float64(nil), p.Escalate...), Pending: p.Pending.Probability,
			Reopen: p.Reopen.Probability, Preempt: p.Preempt,
		}
		for t, dist := range p.Touch {
			if dist != nil && t < len(sp.Touch) {
				sp.Touch[t] = dist.sim()
			}
		}
		if p.Pending.Time != nil {
			sp.PendingTime = p.Pending.Time.sim()
		}
		if p.Reopen.Delay != nil {
			sp.ReopenDelay = p.Reopen.Delay.sim()
		}
		if sp.Response, err = target(p.Response); err != nil {
			return nil, err
		}
		if sp.Resolution, err = target(p.Resolution); err != nil {
			return nil, err
		}
		out.Priorities = append(out.Priorities, sp)
	}
	return out, nil
}

// TargetMet reports whether a ticket target's mean attainment m reaches
// its goal, as a queue's SLA is judged: a target not set, or with no due
// ticket, has nothing to miss.
func TargetMet(t TicketTarget, m sim.SLAMetrics) bool {
	return !t.Set() || !m.Attainment.Defined() || m.Attainment.Mean >= t.Goal
}

// TicketSLAsMet reports whether every ticket priority of the outcome met
// each of its targets (the report's rule, report.Tickets.Met); true
// without tickets.
func (o *Outcome) TicketSLAsMet() bool {
	return o.Report == nil || o.Report.Tickets == nil || o.Report.Tickets.Met()
}
