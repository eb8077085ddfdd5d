package scenarios

import (
	"reflect"
	"strconv"
	"time"

	"github.com/staffsim/staffsim/internal/quantity"

	"go.yaml.in/yaml/v3"
)

// ticketsNode writes the tickets: section. Each priority writes only what
// differs from the defaults (a key it leaves out inherits them), so that
// the section reads as a person would write it and parses back to the
// same priorities.
func (s *Scenario) ticketsNode() (*yaml.Node, error) {
	tk := s.Tickets
	m := newMap(false)
	tiers := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, t := range tk.Tiers {
		tiers.Content = append(tiers.Content, str(t))
	}
	m.add("tiers", tiers)
	if tk.Arrivals != nil {
		an := arrivalsNode(*tk.Arrivals)
		if tk.Other != "" {
			an.Content = append(an.Content, str("other"), str(tk.Other))
		}
		m.add("arrivals", an)
	}
	d := tk.Defaults
	dm := newMap(false)
	if len(d.Touch) > 0 {
		tm := newMap(false)
		for _, t := range tk.Tiers {
			if dist, ok := d.Touch[t]; ok {
				tm.add(t, distNode(dist))
			}
		}
		dm.add("touch_time", tm.Node)
	}
	if len(d.Escalate) > 0 {
		em := newMap(true)
		for _, t := range tk.Tiers {
			if x, ok := d.Escalate[t]; ok {
				em.add(t, str(fmtFraction(x)))
			}
		}
		dm.add("escalate", em.Node)
	}
	if d.Pending != nil {
		dm.add("pending", pendingNode(*d.Pending))
	}
	if d.Reopen != nil {
		dm.add("reopen", reopenNode(*d.Reopen))
	}
	if d.Calendar != "" {
		dm.add("calendar", str(d.Calendar))
	}
	if len(dm.Content) > 0 {
		m.add("defaults", dm.Node)
	}
	ps := &yaml.Node{Kind: yaml.SequenceNode}
	for i := range tk.Priorities {
		pn, err := s.priorityNode(&tk.Priorities[i])
		if err != nil {
			return nil, err
		}
		ps.Content = append(ps.Content, pn)
	}
	m.add("priorities", ps)
	return m.Node, nil
}

// priorityNode writes one priority: what it does not inherit.
func (s *Scenario) priorityNode(p *TicketPriority) (*yaml.Node, error) {
	tk := s.Tickets
	d := tk.Defaults
	m := newMap(false)
	m.add("name", str(p.Name))
	if tk.Arrivals == nil {
		m.add("arrivals", arrivalsNode(p.Arrivals))
	}
	tm := newMap(false)
	for t, name := range tk.Tiers {
		var own *Distribution
		if t < len(p.Touch) {
			own = p.Touch[t]
		}
		def, hasDef := d.Touch[name]
		switch {
		case own == nil && hasDef:
			return nil, fileError(s.File, "give the priority a touch time at the tier, or take the tier out of tickets.defaults.touch_time",
				"tickets.priorities %q: touch_time: no touch time at tier %q, which the defaults give every priority", p.Name, name)
		case own != nil && (!hasDef || !reflect.DeepEqual(*own, def)):
			tm.add(name, distNode(*own))
		}
	}
	if len(tm.Content) > 0 {
		m.add("touch_time", tm.Node)
	}
	em := newMap(true)
	for t := 0; t+1 < len(tk.Tiers); t++ {
		var own float64
		if t < len(p.Escalate) {
			own = p.Escalate[t]
		}
		if own != d.Escalate[tk.Tiers[t]] {
			em.add(tk.Tiers[t], str(fmtFraction(own)))
		}
	}
	if len(em.Content) > 0 {
		m.add("escalate", em.Node)
	}
	if (d.Pending == nil && p.Pending != Pending{}) || (d.Pending != nil && !reflect.DeepEqual(p.Pending, *d.Pending)) {
		m.add("pending", pendingNode(p.Pending))
	}
	if (d.Reopen == nil && p.Reopen != Reopen{}) || (d.Reopen != nil && !reflect.DeepEqual(p.Reopen, *d.Reopen)) {
		m.add("reopen", reopenNode(p.Reopen))
	}
	if p.Preempt {
		m.add("preempt", boolNode(true))
	}
	if p.Calendar != d.Calendar {
		m.add("calendar", str(calendarName(p.Calendar)))
	}
	for _, t := range []struct {
		key string
		t   TicketTarget
	}{{"response", p.Response}, {"resolution", p.Resolution}} {
		if !t.t.Set() {
			continue
		}
		sla := SLA{Target: t.t.Target, Goal: t.t.Goal}
		if t.t.Calendar == p.Calendar {
			m.add(t.key, ticketTargetNode(sla))
			continue
		}
		tn := newMap(true)
		tn.add("target", str(ticketDuration(sla.Target)))
		tn.add("goal", str(fmtFraction(sla.Goal)))
		tn.add("calendar", str(calendarName(t.t.Calendar)))
		m.add(t.key, tn.Node)
	}
	return m.Node, nil
}

// calendarName is the name a file writes for a calendar: none for 24×7.
func calendarName(name string) string {
	if name == "" {
		return NoCalendar
	}
	return name
}

func pendingNode(p Pending) *yaml.Node {
	m := newMap(true)
	m.add("probability", str(fmtFraction(p.Probability)))
	if p.Time != nil {
		m.add("time", distNode(*p.Time))
	}
	return m.Node
}

func reopenNode(r Reopen) *yaml.Node {
	m := newMap(true)
	m.add("probability", str(fmtFraction(r.Probability)))
	if r.Delay != nil {
		m.add("delay", distNode(*r.Delay))
	}
	return m.Node
}

// ticketTargetNode writes a ticket target as targetNode does, but in
// hours from a day up ("90/24h", not "90/1d"): on a business calendar a
// day reads as a working day, while the target counts 24 business hours.
func ticketTargetNode(s SLA) *yaml.Node {
	if s.Target < 24*time.Hour || s.Target%time.Hour != 0 {
		return targetNode(s)
	}
	t := strconv.FormatFloat(s.Goal*100, 'f', -1, 64) + "/" + ticketDuration(s.Target)
	if back, err := quantity.ParseTarget(t); err == nil && back == (quantity.Target{Goal: s.Goal, Within: s.Target}) {
		return str(t)
	}
	return targetNode(s)
}

// ticketDuration writes whole hours from a day up as hours ("40h").
func ticketDuration(d time.Duration) string {
	if d >= 24*time.Hour && d%time.Hour == 0 {
		return strconv.FormatInt(int64(d/time.Hour), 10) + "h"
	}
	return fmtDuration(d)
}
