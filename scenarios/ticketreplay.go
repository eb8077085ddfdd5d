package scenarios

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/scenarios/tickets"
	"github.com/staffsim/staffsim/sim"
)

// Route returns the index of the priority a history's priority p goes to
// under tickets.arrivals: the priority of the same text (case and spaces
// aside), else the first of the same number ("P1" takes "1 - Critical";
// tickets.Matches), else Other; −1 when none takes it.
func (tk *Tickets) Route(p string) int {
	for i := range tk.Priorities {
		if strings.EqualFold(strings.TrimSpace(tk.Priorities[i].Name), strings.TrimSpace(p)) {
			return i
		}
	}
	if strings.TrimSpace(p) != "" {
		for i := range tk.Priorities {
			if tickets.Matches(tk.Priorities[i].Name, p) {
				return i
			}
		}
	}
	for i := range tk.Priorities {
		if tk.Other != "" && tk.Priorities[i].Name == tk.Other {
			return i
		}
	}
	return -1
}

// replayTickets reads tickets.arrivals' history once and returns each
// priority's arrivals: the creation times (offsets from the start) of the
// history's tickets created within the horizon that Route sends to it,
// sorted, with the arrivals' scale. Tickets outside the horizon are
// ignored, as a queue's replay ignores them; a ticket no priority takes is
// an error that names its priority and how to route it.
func (s *Scenario) replayTickets() ([]sim.Arrivals, error) {
	tk := s.Tickets
	a := tk.Arrivals
	key := "tickets.arrivals.history: " + a.History
	out := make([]sim.Arrivals, len(tk.Priorities))
	for i := range out {
		out[i] = sim.Arrivals{Times: []time.Duration{}, Scale: a.Volume()}
	}
	if a.Volume() == 0 {
		return out, nil // scale: 0, no tickets (as arrivalsDemand)
	}
	type unrouted struct {
		n     int
		first time.Time
	}
	routes := map[string]int{}
	lost := map[string]*unrouted{}
	var first, last time.Time
	n := 0
	rep, err := history.ReadFile(s.Path(a.History), history.Options{Shape: history.ShapeTickets, Location: s.Location, Columns: a.Columns, Future: true},
		sinkFunc(func(t *history.Ticket) {
			if first.IsZero() || t.Created.Before(first) {
				first = t.Created
			}
			if t.Created.After(last) {
				last = t.Created
			}
			d := t.Created.Sub(s.Start)
			if d < 0 || d >= s.Horizon() {
				return
			}
			p, ok := routes[t.Priority]
			if !ok {
				p = tk.Route(t.Priority)
				routes[strings.Clone(t.Priority)] = p
			}
			if p < 0 {
				u := lost[t.Priority]
				if u == nil {
					u = &unrouted{first: t.Created}
					lost[strings.Clone(t.Priority)] = u
				}
				u.n++
				return
			}
			out[p].Times = append(out[p].Times, d)
			n++
		}))
	if err != nil {
		return nil, s.errorf(key, "a history has one row per ticket with its creation time and priority", "%v", err)
	}
	if _, ok := rep.Columns[history.FieldPriority]; !ok {
		return nil, s.errorf(key, "map the column with columns: {priority: NAME}, or give each priority its own arrivals",
			"the history has no priority column (read %s), and tickets.arrivals routes each ticket by its priority", columnsRead(rep.Columns))
	}
	if len(lost) > 0 {
		var names, parts []string
		for p := range lost {
			names = append(names, p)
		}
		sort.Strings(names)
		for _, p := range names {
			u := lost[p]
			what := fmt.Sprintf("priority %q", p)
			if strings.TrimSpace(p) == "" {
				what = "no priority"
			}
			parts = append(parts, fmt.Sprintf("%d with %s (the first created %s)", u.n, what, u.first.Format(time.RFC3339)))
		}
		var have []string
		for i := range tk.Priorities {
			have = append(have, tk.Priorities[i].Name)
		}
		return nil, s.errorf(key, "add a priority for them under tickets.priorities, or send them to one with tickets.arrivals.other: NAME",
			"tickets of the horizon that no priority matches (the priorities are %s): %s", strings.Join(have, ", "), strings.Join(parts, "; "))
	}
	if n == 0 {
		return nil, s.errorf(key, "set start and days inside the history's dates to replay it",
			"no ticket was created between %s and %s (the history runs %s to %s)",
			s.Start.Format(time.RFC3339), s.End().Format(time.RFC3339), first.Format(time.RFC3339), last.Format(time.RFC3339))
	}
	for i := range out {
		sort.Slice(out[i].Times, func(x, y int) bool { return out[i].Times[x] < out[i].Times[y] })
	}
	return out, nil
}

// columnsRead lists the fields a history's columns were read for.
func columnsRead(cols map[string]string) string {
	var fs []string
	for f, h := range cols {
		fs = append(fs, f+"="+h)
	}
	sort.Strings(fs)
	return strings.Join(fs, ", ")
}
