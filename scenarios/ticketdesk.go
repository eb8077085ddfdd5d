package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/staffsim/staffsim/internal/yamlwalk"
	"github.com/staffsim/staffsim/scenarios/tickets"
	"go.yaml.in/yaml/v3"
)

// Tickets is a scenario's ticket desk (tickets: in a file): the support
// tiers in escalation order and the ticket priorities, each with its
// arrivals, touch times per tier, waits on the user, escalation, reopens
// and response and resolution SLAs on a business calendar. The lifecycle
// and the metrics are package sim's (sim.Tickets).
type Tickets struct {
	// Tiers name the support tiers in escalation order ("L1", "L2", "L3");
	// shift skills name them as they name queues.
	Tiers []string
	// Defaults are what every priority inherits unless it sets the key
	// itself (defaults: in a file). The priorities below hold the values
	// with the defaults applied.
	Defaults TicketDefaults
	// Priorities are the ticket classes in precedence order: the first
	// ("P1") is served first.
	Priorities []TicketPriority
	// Arrivals, when not nil, is one ticket history replayed for the whole
	// desk (tickets.arrivals in a file; History set, Columns and Scale as a
	// queue's history takes them): each ticket created within the horizon
	// arrives at the priority its priority column matches — the same text
	// (case and spaces aside), else the same number ("P1" matches
	// "1 - Critical"; scenarios/tickets.Matches) — and the priorities have
	// no Arrivals of their own.
	Arrivals *Arrivals
	// Other names the priority that takes the history's tickets whose
	// priority no priority matches, or that have none (tickets.arrivals.other);
	// "" refuses such a history with an error that names them.
	Other string
}

// TicketDefaults are the keys a tickets: section's defaults: block gives
// every priority: per tier, a priority's touch_time and escalate entries
// win over these; pending, reopen and calendar are replaced whole. The zero
// value gives nothing.
type TicketDefaults struct {
	Touch    map[string]Distribution // by tier name
	Escalate map[string]float64      // by the name of the tier escalated from
	Pending  *Pending
	Reopen   *Reopen
	// Calendar names the default calendar of the targets; "" is 24×7.
	Calendar string
}

// Pending is a ticket's wait on the user after a touch: with Probability
// (in [0, 1)) the ticket waits Time (its resolution clock stopped) and
// needs another touch at the same tier. The zero value: never.
type Pending struct {
	Probability float64
	Time        *Distribution // required when Probability > 0
}

// Reopen is a resolved ticket reopening: with Probability (in [0, 1]) it
// comes back to the first tier Delay after its resolution, once. The zero
// value: never.
type Reopen struct {
	Probability float64
	Delay       *Distribution // required when Probability > 0
}

// TicketPriority is one ticket class (an entry of tickets.priorities).
type TicketPriority struct {
	Name     string
	Arrivals Arrivals // rate, forecast or history (creation times only)
	// Touch[t] is the work time of one touch at Tiers[t]; nil where the
	// priority has none (a tier it never reaches).
	Touch []*Distribution
	// Escalate[t] is the probability that a ticket whose work at Tiers[t]
	// is done moves on to Tiers[t+1]: one per tier but the last, or nil
	// when the priority never escalates.
	Escalate []float64
	Pending  Pending
	Reopen   Reopen
	// Preempt lets a ticket of this priority interrupt an analyst working
	// on a lower priority when none of its tier is free.
	Preempt bool
	// Calendar is the default calendar of the priority's targets ("" is
	// 24×7); each target holds the calendar it counts on.
	Calendar string
	// Response (creation → first pickup) and Resolution (creation →
	// resolved, pending time left out); a zero Target is not set.
	Response, Resolution TicketTarget
}

// TicketTarget is a ticket SLA: Goal (in (0, 1]) of the due tickets within
// Target of business time on the named calendar ("" is 24×7).
type TicketTarget struct {
	Target   time.Duration
	Goal     float64
	Calendar string
}

// Set reports whether the target is set.
func (t TicketTarget) Set() bool { return t.Target > 0 }

// Reaches reports, per tier, whether tickets of the priority can get
// there: the first tier always, tier t+1 when tier t escalates to it with
// a positive probability.
func (p *TicketPriority) Reaches(tiers int) []bool {
	out := make([]bool, tiers)
	for t := range out {
		out[t] = t == 0 || (out[t-1] && t-1 < len(p.Escalate) && p.Escalate[t-1] > 0)
	}
	return out
}

// Tier returns the index of the named tier, or −1.
func (tk *Tickets) Tier(name string) int { return slices.Index(tk.Tiers, name) }

// NoCalendar is what a ticket target or priority writes for the 24×7
// calendar (elapsed time) in place of a calendar name: calendar: none.
const NoCalendar = "none"

var (
	ticketKeys   = []string{"tiers", "arrivals", "defaults", "priorities"}
	defaultKeys  = []string{"touch_time", "escalate", "pending", "reopen", "calendar"}
	priorityKeys = []string{"name", "arrivals", "touch_time", "escalate", "pending", "reopen", "preempt", "calendar", "response", "resolution"}
)

const (
	touchHint    = "give a touch time per tier, e.g. touch_time: {L1: {distribution: lognormal, mean: 20m, cv: 1}}"
	escalateHint = "give the share escalated from a tier to the next, e.g. escalate: {L1: 30%, L2: 10%}"
	pendingHint  = "write e.g. pending: {probability: 20%, time: {distribution: exponential, mean: 8h}}"
	reopenHint   = "write e.g. reopen: {probability: 5%, delay: {distribution: exponential, mean: 2d}}"
	targetHint   = "write PCT/DURATION such as 95/15m, or {target: 4h, goal: 90%, calendar: office}"
)

// tickets walks the tickets: section. It runs after calendars and queues
// (tier names must differ from queue names) and before the roster (whose
// skills name tiers).
func (w *walker) tickets(n *yaml.Node, s *Scenario) {
	const path = "tickets"
	f, ok := w.Mapping(n, path, "a ticket desk (tiers, defaults, priorities)", ticketKeys...)
	if !ok {
		return
	}
	w.Require(f, path, map[string]string{
		"tiers":      "name the support tiers in escalation order, e.g. tiers: [L1, L2, L3]",
		"priorities": "add at least one priority (see testdata/it-desk.yaml)",
	}, "tiers", "priorities")
	tk := &Tickets{}
	s.Tickets = tk
	errs := w.Len()
	if v := f.Vals["tiers"]; v != nil {
		tk.Tiers = w.tiers(v, sub(path, "tiers"), s)
	}
	w.tiersOK = f.Has("tiers") && w.Len() == errs
	if v := f.Vals["defaults"]; v != nil {
		tk.Defaults = w.ticketDefaults(v, sub(path, "defaults"), tk.Tiers)
	}
	var other *yaml.Node
	if v := f.Vals["arrivals"]; v != nil {
		other = w.ticketArrivals(v, sub(path, "arrivals"), tk)
	}
	if v := f.Vals["priorities"]; v != nil {
		w.priorities(v, sub(path, "priorities"), tk)
	}
	w.checkOther(other, tk)
}

const ticketArrivalsHint = "give the desk's ticket history, e.g. arrivals: {history: incidents.csv, columns: {created_at: opened_at, priority: priority}}"

// ticketArrivals walks tickets.arrivals: one history replayed for every
// priority, routed by its priority column. It returns other's node (nil
// when not given).
func (w *walker) ticketArrivals(n *yaml.Node, path string, tk *Tickets) *yaml.Node {
	a, f, ok := w.arrivalsFields(n, path, "other")
	tk.Arrivals = &a // also when wrong: the priorities are then not asked for arrivals
	if !ok {
		return nil
	}
	switch {
	case f.Has("rate") || f.Has("forecast"):
		key := "rate"
		if f.Has("forecast") {
			key = "forecast"
		}
		w.Errorf(f.Keys[key], sub(path, key), "move a rate or forecast to each priority's own arrivals; tickets.arrivals is a history ("+strings.TrimPrefix(ticketArrivalsHint, "give ")+")",
			"tickets.arrivals replays one ticket history, routed to the priorities by its priority column")
	case a.OwnHandleTimes || a.OwnPatience:
		w.Errorf(n, path, "leave own_handle_times and own_patience out: a ticket's work is its touch_time per tier, and tickets do not abandon", "a ticket replay keeps creation times only")
	}
	v := f.Vals["other"]
	if v != nil {
		tk.Other, _ = w.Str(v, sub(path, "other"), "a priority name")
	}
	return v
}

// checkOther checks that tickets.arrivals.other names a priority.
func (w *walker) checkOther(other *yaml.Node, tk *Tickets) {
	if other == nil || tk.Other == "" {
		return
	}
	var names []string
	for i := range tk.Priorities {
		names = append(names, tk.Priorities[i].Name)
	}
	if slices.Contains(names, tk.Other) {
		return
	}
	hint := "name one of the priorities: " + strings.Join(names, ", ")
	if g := yamlwalk.Suggest(tk.Other, names); g != "" {
		hint = fmt.Sprintf("did you mean %q? (%s)", g, hint)
	}
	w.Errorf(other, "tickets.arrivals.other", hint, "no priority is named %q", tk.Other)
}

// tiers walks the list of tier names.
func (w *walker) tiers(n *yaml.Node, path string, s *Scenario) []string {
	items, ok := w.Seq(n, path, "a list of tier names such as [L1, L2, L3]")
	if !ok {
		return nil
	}
	if len(items) == 0 {
		w.Errorf(n, path, "name at least one tier, e.g. tiers: [L1, L2, L3]", "no tiers")
	}
	var out []string
	for i, it := range items {
		name, ok := w.Str(it, index(path, i), "a tier name")
		if !ok {
			continue
		}
		switch {
		case slices.Contains(out, name):
			w.Errorf(it, index(path, i), "give each tier its own name", "tier %q named twice", name)
			continue
		case s.Queue(name) != nil:
			w.Errorf(it, index(path, i), "rename the tier or the queue: shift skills name both", "tier %q has the name of a queue", name)
			continue
		case strings.ContainsAny(name, ",\n\r\""):
			w.Errorf(it, index(path, i), "use letters, digits, spaces, - and _", "tier name %q has a comma, quote or line break", name)
			continue
		}
		out = append(out, name)
		w.tierNodes = append(w.tierNodes, it)
	}
	return out
}

// ticketDefaults walks the defaults: block.
func (w *walker) ticketDefaults(n *yaml.Node, path string, tiers []string) TicketDefaults {
	var d TicketDefaults
	f, ok := w.Mapping(n, path, "the keys every priority inherits ("+strings.Join(defaultKeys, ", ")+")", defaultKeys...)
	if !ok {
		return d
	}
	if len(n.Content) == 0 {
		w.Errorf(n, path, "give keys every priority inherits ("+strings.Join(defaultKeys, ", ")+"), or leave defaults out", "no defaults")
	}
	if v := f.Vals["touch_time"]; v != nil {
		d.Touch = map[string]Distribution{}
		for t, dist := range w.touchTimes(v, sub(path, "touch_time"), tiers) {
			if dist != nil {
				d.Touch[tiers[t]] = *dist
			}
		}
	}
	if v := f.Vals["escalate"]; v != nil {
		d.Escalate = map[string]float64{}
		for t, x := range w.escalate(v, sub(path, "escalate"), tiers) {
			if x != nil {
				d.Escalate[tiers[t]] = *x
			}
		}
	}
	if v := f.Vals["pending"]; v != nil {
		p := w.pending(v, sub(path, "pending"))
		d.Pending = &p
	}
	if v := f.Vals["reopen"]; v != nil {
		r := w.reopen(v, sub(path, "reopen"))
		d.Reopen = &r
	}
	if v := f.Vals["calendar"]; v != nil {
		d.Calendar, _ = w.calendarRef(v, sub(path, "calendar"))
	}
	return d
}

// priorities walks the list of priorities, applying the defaults.
func (w *walker) priorities(n *yaml.Node, path string, tk *Tickets) {
	items, ok := w.Seq(n, path, "a list of priorities")
	if !ok {
		return
	}
	if len(items) == 0 {
		w.Errorf(n, path, "add at least one priority (see testdata/it-desk.yaml)", "no priorities")
	}
	seen := map[string]int{}
	for i, item := range items {
		p := index(path, i)
		f, ok := w.Mapping(item, p, "a priority (name, arrivals, touch_time, response, resolution …)", priorityKeys...)
		if !ok {
			continue
		}
		pr := TicketPriority{Calendar: tk.Defaults.Calendar}
		if v := f.Vals["name"]; v != nil {
			if pr.Name, ok = w.Str(v, sub(p, "name"), "a name"); ok {
				p = named(path, i, pr.Name)
				if line, dup := seen[pr.Name]; dup {
					w.Errorf(v, sub(p, "name"), "give each priority its own name", "priority %q already defined on line %d", pr.Name, line)
				}
				seen[pr.Name] = v.Line
				if strings.ContainsAny(pr.Name, ",\n\r\"") {
					w.Errorf(v, sub(p, "name"), "use letters, digits, spaces, - and _", "priority name %q has a comma, quote or line break", pr.Name)
				}
				if tk.Arrivals != nil {
					for _, q := range tk.Priorities {
						if q.Name != pr.Name && q.Name != "" && (tickets.Matches(q.Name, pr.Name) || tickets.Matches(pr.Name, q.Name)) {
							w.Errorf(v, sub(p, "name"), "rename one of them so that each priority of the history goes to one priority",
								"priorities %q and %q match the same history priority (the same text or number), and tickets.arrivals routes by it", q.Name, pr.Name)
						}
					}
				}
			}
		}
		w.Require(f, p, map[string]string{"name": "name the priority, e.g. name: P1"}, "name")
		if tk.Arrivals == nil {
			w.Require(f, p, map[string]string{"arrivals": "add e.g. arrivals: {rate: 2/h}, or one history for every priority under tickets.arrivals"}, "arrivals")
		}
		if !f.Has("response") && !f.Has("resolution") && !f.Misspelt("response") && !f.Misspelt("resolution") {
			w.Errorf(item, p, "add response (creation → first pickup) and/or resolution (creation → resolved), e.g. response: 95/15m", "no SLA targets")
		}
		if tk.Arrivals != nil && f.Has("arrivals") {
			w.Errorf(f.Keys["arrivals"], sub(p, "arrivals"), "leave the priority's arrivals out, or take tickets.arrivals out and give every priority its own",
				"the priorities' tickets come from tickets.arrivals' history")
		}
		if v := f.Vals["arrivals"]; v != nil && tk.Arrivals == nil {
			ap := sub(p, "arrivals")
			pr.Arrivals = w.arrivals(v, ap)
			if pr.Arrivals.OwnHandleTimes || pr.Arrivals.OwnPatience {
				w.Errorf(v, ap, "leave own_handle_times and own_patience out: a ticket's work is its touch_time per tier, and tickets do not abandon", "a ticket replay keeps creation times only")
			}
		}
		// Touch times: the defaults per tier, then the priority's own.
		pr.Touch = make([]*Distribution, len(tk.Tiers))
		for t, name := range tk.Tiers {
			if d, ok := tk.Defaults.Touch[name]; ok {
				pr.Touch[t] = &d
			}
		}
		if v := f.Vals["touch_time"]; v != nil {
			for t, d := range w.touchTimes(v, sub(p, "touch_time"), tk.Tiers) {
				if d != nil {
					pr.Touch[t] = d
				}
			}
		}
		esc := make([]float64, max(len(tk.Tiers)-1, 0))
		for t := range esc {
			esc[t] = tk.Defaults.Escalate[tk.Tiers[t]]
		}
		if v := f.Vals["escalate"]; v != nil {
			for t, x := range w.escalate(v, sub(p, "escalate"), tk.Tiers) {
				if x != nil {
					esc[t] = *x
				}
			}
		}
		if slices.ContainsFunc(esc, func(x float64) bool { return x != 0 }) {
			pr.Escalate = esc
		}
		if d := tk.Defaults.Pending; d != nil {
			pr.Pending = *d
		}
		if v := f.Vals["pending"]; v != nil {
			pr.Pending = w.pending(v, sub(p, "pending"))
		}
		if d := tk.Defaults.Reopen; d != nil {
			pr.Reopen = *d
		}
		if v := f.Vals["reopen"]; v != nil {
			pr.Reopen = w.reopen(v, sub(p, "reopen"))
		}
		if v := f.Vals["preempt"]; v != nil {
			pr.Preempt, _ = w.Boolean(v, sub(p, "preempt"))
		}
		if v := f.Vals["calendar"]; v != nil {
			pr.Calendar, _ = w.calendarRef(v, sub(p, "calendar"))
		}
		if v := f.Vals["response"]; v != nil {
			pr.Response = w.ticketTarget(v, sub(p, "response"), pr.Calendar)
		}
		if v := f.Vals["resolution"]; v != nil {
			pr.Resolution = w.ticketTarget(v, sub(p, "resolution"), pr.Calendar)
		}
		if w.tiersOK {
			w.checkReach(&pr, item, f, p, tk.Tiers)
		}
		tk.Priorities = append(tk.Priorities, pr)
	}
}

// checkReach checks that the priority has a touch time at every tier its
// tickets reach, naming the escalation that takes them there.
func (w *walker) checkReach(pr *TicketPriority, item *yaml.Node, f yamlwalk.Fields, p string, tiers []string) {
	at, key := item, p
	if v := f.Vals["touch_time"]; v != nil {
		at, key = v, sub(p, "touch_time")
	}
	for t, reached := range pr.Reaches(len(tiers)) {
		if !reached || pr.Touch[t] != nil {
			continue
		}
		why := "every ticket starts there"
		if t > 0 {
			why = fmt.Sprintf("%s escalates %s of its tickets there", tiers[t-1], fmtFraction(pr.Escalate[t-1]))
		}
		w.Errorf(at, key, fmt.Sprintf("add %s: {distribution: lognormal, mean: 30m, cv: 1} here or under tickets.defaults.touch_time", tiers[t]),
			"no touch time at tier %q, which its tickets reach (%s)", tiers[t], why)
	}
}

// touchTimes walks a touch_time mapping of tier names to distributions;
// the result has one entry per tier, nil where none was given.
func (w *walker) touchTimes(n *yaml.Node, path string, tiers []string) []*Distribution {
	out := make([]*Distribution, len(tiers))
	pairs, ok := w.Pairs(n, path, "touch times per tier such as {L1: {distribution: lognormal, mean: 20m, cv: 1}}")
	if !ok {
		return out
	}
	if len(pairs) == 0 {
		w.Errorf(n, path, touchHint, "no tiers")
	}
	for _, pp := range pairs {
		t, ok := w.tierRef(pp.KeyNode, sub(path, pp.Key), pp.Key, tiers)
		if d, dok := w.distribution(pp.Val, sub(path, pp.Key)); dok && ok {
			out[t] = &d
		}
	}
	return out
}

// escalate walks an escalate mapping of tier names to probabilities; the
// result has one entry per tier but the last, nil where none was given.
func (w *walker) escalate(n *yaml.Node, path string, tiers []string) []*float64 {
	out := make([]*float64, max(len(tiers)-1, 0))
	pairs, ok := w.Pairs(n, path, "escalation shares per tier such as {L1: 30%, L2: 10%}")
	if !ok {
		return out
	}
	if len(pairs) == 0 {
		w.Errorf(n, path, escalateHint, "no tiers")
	}
	for _, pp := range pairs {
		kp := sub(path, pp.Key)
		t, ok := w.tierRef(pp.KeyNode, kp, pp.Key, tiers)
		x, xok := w.Fraction(pp.Val, kp)
		if !ok || !xok {
			continue
		}
		if t >= len(out) {
			if w.tiersOK {
				w.Errorf(pp.KeyNode, kp, "escalate from the tiers before it; the last tier resolves every ticket", "%q is the last tier: there is no tier to escalate to", pp.Key)
			}
			continue
		}
		out[t] = &x
	}
	return out
}

// tierRef returns the index of the tier a key names, or records an error
// (with the likely tier) when the tickets have no such tier. With tiers
// that did not parse it stays silent.
func (w *walker) tierRef(n *yaml.Node, path, name string, tiers []string) (int, bool) {
	if t := slices.Index(tiers, name); t >= 0 {
		return t, true
	}
	if w.tiersOK {
		hint := "the tiers are " + strings.Join(tiers, ", ")
		if g := yamlwalk.Suggest(name, tiers); g != "" {
			hint = fmt.Sprintf("did you mean %q? (%s)", g, hint)
		}
		w.Errorf(n, path, hint, "no tier is named %q", name)
	}
	return 0, false
}

// pending walks {probability, time}.
func (w *walker) pending(n *yaml.Node, path string) Pending {
	var p Pending
	f, ok := w.Mapping(n, path, "a wait on the user such as {probability: 20%, time: {distribution: exponential, mean: 8h}}", "probability", "time")
	if !ok {
		return p
	}
	w.Require(f, path, map[string]string{"probability": pendingHint}, "probability")
	if v := f.Vals["probability"]; v != nil {
		if x, ok := w.Fraction(v, sub(path, "probability")); ok {
			if x >= 1 {
				w.Errorf(v, sub(path, "probability"), "give the share of touches after which the ticket waits on the user, below 100%", "a ticket that always waits on the user is never resolved")
			}
			p.Probability = x
		}
	}
	if v := f.Vals["time"]; v != nil {
		if d, ok := w.distribution(v, sub(path, "time")); ok {
			p.Time = &d
		}
	} else if p.Probability > 0 {
		w.Errorf(n, sub(path, "time"), "add how long the user takes, e.g. time: {distribution: exponential, mean: 8h}", "missing")
	}
	return p
}

// reopen walks {probability, delay}.
func (w *walker) reopen(n *yaml.Node, path string) Reopen {
	var r Reopen
	f, ok := w.Mapping(n, path, "reopening such as {probability: 5%, delay: {distribution: exponential, mean: 2d}}", "probability", "delay")
	if !ok {
		return r
	}
	w.Require(f, path, map[string]string{"probability": reopenHint}, "probability")
	if v := f.Vals["probability"]; v != nil {
		r.Probability, _ = w.Fraction(v, sub(path, "probability"))
	}
	if v := f.Vals["delay"]; v != nil {
		if d, ok := w.distribution(v, sub(path, "delay")); ok {
			r.Delay = &d
		}
	} else if r.Probability > 0 {
		w.Errorf(n, sub(path, "delay"), "add when a resolved ticket comes back, e.g. delay: {distribution: exponential, mean: 2d}", "missing")
	}
	return r
}

// ticketTarget walks a response or resolution target: PCT/DURATION, or
// {target, goal, calendar}; cal is the priority's calendar, the target's
// when it names none.
func (w *walker) ticketTarget(n *yaml.Node, path, cal string) TicketTarget {
	t := TicketTarget{Calendar: cal}
	if n.Kind == yaml.ScalarNode {
		sla := w.sla(n, path)
		t.Target, t.Goal = sla.Target, sla.Goal
		return t
	}
	f, ok := w.Mapping(n, path, "a ticket SLA such as {target: 4h, goal: 90%, calendar: office}", "target", "goal", "calendar")
	if !ok {
		return t
	}
	w.Require(f, path, map[string]string{"target": "add e.g. target: 4h", "goal": "add e.g. goal: 90%"}, "target", "goal")
	if v := f.Vals["target"]; v != nil {
		t.Target, _ = w.PositiveDuration(v, sub(path, "target"))
	}
	if v := f.Vals["goal"]; v != nil {
		t.Goal = w.goal(v, sub(path, "goal"))
	}
	if v := f.Vals["calendar"]; v != nil {
		t.Calendar, _ = w.calendarRef(v, sub(path, "calendar"))
	}
	return t
}

// calendarRef walks a calendar name: one of the scenario's calendars, or
// none (24×7, returned as "").
func (w *walker) calendarRef(n *yaml.Node, path string) (string, bool) {
	name, ok := w.Str(n, path, "a calendar name")
	if !ok {
		return "", false
	}
	if name == NoCalendar {
		return "", true
	}
	if !slices.Contains(w.calendarNames, name) {
		if w.calendarsBad {
			return "", false // calendars: itself is the problem
		}
		hint := "define it under calendars:, or write calendar: none for 24x7"
		if g := yamlwalk.Suggest(name, w.calendarNames); g != "" {
			hint = fmt.Sprintf("did you mean %q? (%s)", g, hint)
		}
		w.Errorf(n, path, hint, "unknown calendar %q", name)
		return "", false
	}
	return name, true
}

// crossCheckTiers checks that every tier some priority's tickets reach
// has a rostered agent with its skill (crossCheck's rule for queues): a
// tier nobody staffs only piles its tickets up.
func (w *walker) crossCheckTiers(s *Scenario) {
	tk := s.Tickets
	if tk == nil || len(w.tierNodes) != len(tk.Tiers) {
		return
	}
	reached := make([]bool, len(tk.Tiers))
	for i := range tk.Priorities {
		for t, r := range tk.Priorities[i].Reaches(len(tk.Tiers)) {
			reached[t] = reached[t] || r
		}
	}
	for t, name := range tk.Tiers {
		if !reached[t] {
			continue
		}
		served, empty := false, false
		for _, sh := range s.Roster.Shifts {
			if sh.Serves(name) {
				served = served || sh.Agents > 0
				empty = empty || sh.Agents == 0
			}
		}
		switch {
		case served:
		case empty:
			w.Errorf(w.tierNodes[t], index("tickets.tiers", t), "give a shift with "+name+" in its skills at least one agent (a scenario simulates a staffed desk)",
				"the roster has no analysts for tier %q: every shift with its skill has agents: 0", name)
		default:
			w.Errorf(w.tierNodes[t], index("tickets.tiers", t), "add "+name+" to the skills of a shift with agents", "no rostered analyst has tier %q's skill, and tickets reach it", name)
		}
	}
}
