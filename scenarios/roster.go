package scenarios

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

var shiftKeys = []string{"name", "start", "length", "days", "agents", "skills", "breaks"}

func (w *walker) roster(n *yaml.Node, s *Scenario) {
	f, ok := w.mapping(n, "roster", "a roster (shrinkage and shifts)", "shrinkage", "shifts")
	if !ok {
		return
	}
	w.require(f, "roster", map[string]string{"shifts": "add at least one shift (see testdata/phone-desk.yaml)"}, "shifts")
	if v := f.vals["shrinkage"]; v != nil {
		if x, ok := w.fraction(v, "roster.shrinkage"); ok {
			if x >= 1 {
				w.errAt(v, "roster.shrinkage", "shrinkage is the share of paid time lost, e.g. 30%", "100%% shrinkage leaves no agent time")
			}
			s.Roster.Shrinkage = x
		}
	}
	v := f.vals["shifts"]
	if v == nil {
		return
	}
	items, ok := w.seq(v, "roster.shifts", "a list of shifts")
	if !ok {
		return
	}
	if len(items) == 0 {
		w.errAt(v, "roster.shifts", "add at least one shift (see testdata/phone-desk.yaml)", "no shifts")
	}
	seen := map[string]int{}
	for i, item := range items {
		path := index("roster.shifts", i)
		sf, ok := w.mapping(item, path, "a shift (name, start, length, agents …)", shiftKeys...)
		if !ok {
			continue
		}
		var sh Shift
		if nv := sf.vals["name"]; nv != nil {
			if sh.Name, ok = w.str(nv, sub(path, "name"), "a name"); ok {
				path = named("roster.shifts", i, sh.Name)
				if line, dup := seen[sh.Name]; dup {
					w.errAt(nv, sub(path, "name"), "give each shift its own name", "shift %q already defined on line %d", sh.Name, line)
				}
				seen[sh.Name] = nv.Line
			}
		}
		w.require(sf, path, map[string]string{
			"name":   "name the shift, e.g. name: early",
			"start":  `add e.g. start: "07:00"`,
			"length": "add e.g. length: 8h30m",
			"agents": "add the number of agents on the shift, e.g. agents: 12",
		}, "name", "start", "length", "agents")
		if v := sf.vals["start"]; v != nil {
			sh.Start, _ = w.clock(v, sub(path, "start"))
		}
		if v := sf.vals["length"]; v != nil {
			if d, ok := w.positiveDuration(v, sub(path, "length")); ok {
				if d > 24*time.Hour {
					w.errAt(v, sub(path, "length"), "a shift lasts at most 24h; split longer cover into several shifts", "%s is longer than a day", strings.TrimSpace(v.Value))
				}
				sh.Length = d
			}
		}
		if v := sf.vals["days"]; v != nil {
			sh.Days = w.weekdays(v, sub(path, "days"))
		}
		if v := sf.vals["agents"]; v != nil {
			if a, ok := w.integer(v, sub(path, "agents"), 0, "the number of agents on the shift, ≥ 0"); ok {
				if a > 100_000 {
					w.errAt(v, sub(path, "agents"), "at most 100000 agents per shift", "%d agents is too many", a)
				}
				sh.Agents = a
			}
		}
		if v := sf.vals["skills"]; v != nil {
			sh.Skills = w.skills(v, sub(path, "skills"), s)
		}
		if v := sf.vals["breaks"]; v != nil {
			sh.Breaks = w.breaks(v, sub(path, "breaks"), sh.Length)
		}
		s.Roster.Shifts = append(s.Roster.Shifts, sh)
		w.agentNodes = append(w.agentNodes, sf.vals["agents"])
	}
}

// clock parses a wall-clock time of day "07:00" or "22:30:00".
func (w *walker) clock(n *yaml.Node, path string) (time.Duration, bool) {
	const hint = `write the time of day as "HH:MM", e.g. "07:00" or "22:30"`
	s, ok := w.scalar(n, path, "a time of day", hint)
	if !ok {
		return 0, false
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		w.errAt(n, path, hint, "want a time of day, got %q", s)
		return 0, false
	}
	var v [3]int
	limits := [3]int{23, 59, 59}
	for i, p := range parts {
		x, err := strconv.Atoi(p)
		if err != nil || len(p) > 2 || x < 0 || x > limits[i] {
			w.errAt(n, path, hint, "want a time of day, got %q", s)
			return 0, false
		}
		v[i] = x
	}
	return time.Duration(v[0])*time.Hour + time.Duration(v[1])*time.Minute + time.Duration(v[2])*time.Second, true
}

var weekdayNames = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

func (w *walker) weekdays(n *yaml.Node, path string) []time.Weekday {
	const hint = "list days as [mon, tue, wed, thu, fri, sat, sun], or leave days out for every day"
	items, ok := w.seq(n, path, "a list of days")
	if !ok {
		return nil
	}
	if len(items) == 0 {
		w.errAt(n, path, hint, "no days")
		return nil
	}
	days := make([]time.Weekday, 0, len(items))
	seen := map[time.Weekday]bool{}
	for i, it := range items {
		name, ok := w.str(it, index(path, i), "a day")
		if !ok {
			continue
		}
		key := strings.ToLower(name)
		for d := time.Sunday; d <= time.Saturday; d++ {
			if key == strings.ToLower(d.String()) {
				key = key[:3]
			}
		}
		d, ok := weekdayNames[key]
		if !ok {
			w.errAt(it, index(path, i), hint, "unknown day %q", name)
			continue
		}
		if seen[d] {
			w.errAt(it, index(path, i), "list each day once", "%s repeated", name)
			continue
		}
		seen[d] = true
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool { return (days[i]+6)%7 < (days[j]+6)%7 })
	return days
}

func (w *walker) skills(n *yaml.Node, path string, s *Scenario) []string {
	items, ok := w.seq(n, path, "a list of queue names")
	if !ok || !w.queuesOK {
		return nil
	}
	names := make([]string, len(s.Queues))
	for i, q := range s.Queues {
		names[i] = q.Name
	}
	if len(items) == 0 {
		w.errAt(n, path, "list the queues these agents serve, or leave skills out for every queue", "no skills")
		return nil
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		name, ok := w.str(it, index(path, i), "a queue name")
		if !ok {
			continue
		}
		if s.Queue(name) == nil {
			hint := "skills name queues: " + strings.Join(names, ", ")
			if g := suggest(name, names); g != "" {
				hint = fmt.Sprintf("did you mean %q? (%s)", g, hint)
			}
			w.errAt(it, index(path, i), hint, "no queue is named %q", name)
			continue
		}
		if contains(out, name) {
			w.errAt(it, index(path, i), "list each skill once", "%q repeated", name)
			continue
		}
		out = append(out, name)
	}
	return out
}

func (w *walker) breaks(n *yaml.Node, path string, length time.Duration) []Break {
	items, ok := w.seq(n, path, "a list of breaks such as [{after: 2h, length: 15m}]")
	if !ok {
		return nil
	}
	var out []Break
	for i, it := range items {
		p := index(path, i)
		f, ok := w.mapping(it, p, "a break such as {after: 2h, length: 15m}", "after", "length", "unpaid")
		if !ok {
			continue
		}
		if !w.require(f, p, map[string]string{"after": "add e.g. after: 2h (from the shift's start)", "length": "add e.g. length: 15m"}, "after", "length") {
			continue
		}
		after, ok1 := w.duration(f.vals["after"], sub(p, "after"))
		blen, ok2 := w.positiveDuration(f.vals["length"], sub(p, "length"))
		unpaid, ok3 := false, true
		if u := f.vals["unpaid"]; u != nil {
			unpaid, ok3 = w.boolean(u, sub(p, "unpaid"))
		}
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		if length > 0 && after >= length {
			w.errAt(f.vals["after"], sub(p, "after"), "put the break within the shift", "%s is after the shift ends (length %s)", fmtDuration(after), fmtDuration(length))
			continue
		}
		if length > 0 && after+blen > length {
			w.errAt(f.vals["length"], sub(p, "length"), "shorten the break or start it earlier", "the break ends %s after the shift starts, after the shift ends (length %s)", fmtDuration(after+blen), fmtDuration(length))
			continue
		}
		if len(out) > 0 {
			prev := out[len(out)-1]
			if after < prev.After+prev.Length {
				w.errAt(f.vals["after"], sub(p, "after"), "list breaks in time order without overlap", "starts at %s, before the previous break ends (%s)", fmtDuration(after), fmtDuration(prev.After+prev.Length))
				continue
			}
		}
		out = append(out, Break{After: after, Length: blen, Unpaid: unpaid})
	}
	return out
}

// crossCheck checks what spans sections: every queue is served by some
// rostered agent. A queue whose skilled shifts all have agents: 0 is an
// error too, told as such: simulating a desk nobody staffs would only
// show every contact waiting until it abandons, which the requirements
// and roster commands say better; to see an understaffed queue, give it
// one agent.
func (w *walker) crossCheck(s *Scenario) {
	// Earlier errors (a skill or agent count that did not parse) would
	// make this check report their consequences, not new problems.
	if len(w.errs) > 0 || len(s.Roster.Shifts) == 0 {
		return
	}
	for i, q := range s.Queues {
		if q.Name == "" {
			continue
		}
		served, empty := false, -1
		for j, sh := range s.Roster.Shifts {
			if !sh.Serves(q.Name) {
				continue
			}
			if sh.Agents > 0 {
				served = true
			} else if empty < 0 {
				empty = j
			}
		}
		switch {
		case served:
		case empty >= 0:
			sh, where := s.Roster.Shifts[empty], ""
			if empty < len(w.agentNodes) && w.agentNodes[empty] != nil {
				where = fmt.Sprintf(" on line %d", w.agentNodes[empty].Line)
			}
			w.errAt(w.queueNodes[q.Name], named("queues", i, q.Name),
				"give a shift that serves "+strconv.Quote(q.Name)+" at least one agent (a scenario simulates a staffed desk)",
				"the roster has no agents for this queue: every shift with its skill has agents: 0 (%s%s)", sub(named("roster.shifts", empty, sh.Name), "agents"), where)
		default:
			w.errAt(w.queueNodes[q.Name], named("queues", i, q.Name), "add "+strconv.Quote(q.Name)+" to the skills of a shift with agents", "no rostered agent has this queue's skill")
		}
	}
}
