package scenarios

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/staffsim/staffsim/internal/yamlwalk"
	"go.yaml.in/yaml/v3"
)

var shiftKeys = []string{"name", "start", "length", "days", "dates", "end", "agents", "skills", "breaks", "not_ready", "not_ready_spell", "reserved"}

func (w *walker) roster(n *yaml.Node, s *Scenario) {
	f, ok := w.Mapping(n, "roster", "a roster (shrinkage, shifts, staffing)", "shrinkage", "shifts", "staffing", "not_ready", "not_ready_spell")
	if !ok {
		return
	}
	if v := f.Vals["staffing"]; v != nil {
		if file, ok := w.Str(v, "roster.staffing", "a staffing CSV file (interval_start,agents[,queue])"); ok {
			s.Roster.Staffing = file
			w.checkFile(v, "roster.staffing", file)
		}
	} else {
		w.Require(f, "roster", map[string]string{"shifts": "add at least one shift (see testdata/phone-desk.yaml), or a staffing curve: staffing: staffing.csv"}, "shifts")
	}
	if v := f.Vals["shrinkage"]; v != nil {
		if x, ok := w.Fraction(v, "roster.shrinkage"); ok {
			if x >= 1 {
				w.Errorf(v, "roster.shrinkage", "shrinkage is the share of paid time lost, e.g. 30%", "100%% shrinkage leaves no agent time")
			}
			s.Roster.Shrinkage = x
		}
	}
	if share, spell := w.notReady(f, "roster"); share != nil || spell > 0 {
		if share != nil {
			s.Roster.NotReady = *share
		}
		s.Roster.NotReadySpell = spell
	}
	v := f.Vals["shifts"]
	if v == nil {
		return
	}
	items, ok := w.Seq(v, "roster.shifts", "a list of shifts")
	if !ok {
		return
	}
	if len(items) == 0 {
		w.Errorf(v, "roster.shifts", "add at least one shift (see testdata/phone-desk.yaml)", "no shifts")
	}
	seen := map[string]int{}
	for i, item := range items {
		path := index("roster.shifts", i)
		sf, ok := w.Mapping(item, path, "a shift (name, start, length, agents …)", shiftKeys...)
		if !ok {
			continue
		}
		var sh Shift
		if nv := sf.Vals["name"]; nv != nil {
			if sh.Name, ok = w.Str(nv, sub(path, "name"), "a name"); ok {
				path = named("roster.shifts", i, sh.Name)
				if line, dup := seen[sh.Name]; dup {
					w.Errorf(nv, sub(path, "name"), "give each shift its own name", "shift %q already defined on line %d", sh.Name, line)
				}
				seen[sh.Name] = nv.Line
			}
		}
		w.Require(sf, path, map[string]string{
			"name":   "name the shift, e.g. name: early",
			"start":  `add e.g. start: "07:00"`,
			"length": "add e.g. length: 8h30m",
			"agents": "add the number of agents on the shift, e.g. agents: 12",
		}, "name", "start", "length", "agents")
		if v := sf.Vals["start"]; v != nil {
			sh.Start, _ = w.Clock(v, sub(path, "start"))
		}
		if v := sf.Vals["length"]; v != nil {
			if d, ok := w.PositiveDuration(v, sub(path, "length")); ok {
				if d > 24*time.Hour {
					w.Errorf(v, sub(path, "length"), "a shift lasts at most 24h; split longer cover into several shifts", "%s is longer than a day", strings.TrimSpace(v.Value))
				}
				sh.Length = d
			}
		}
		if v := sf.Vals["days"]; v != nil {
			sh.Days, _ = w.Weekdays(v, sub(path, "days"))
		}
		if v := sf.Vals["dates"]; v != nil {
			if sf.Vals["days"] != nil {
				w.Errorf(v, sub(path, "dates"), "give the weekdays the shift works (days) or its dates, not both", "both days and dates")
			} else {
				sh.Dates = w.dates(v, sub(path, "dates"), s.Location)
			}
		}
		if v := sf.Vals["end"]; v != nil {
			if e, ok := w.Str(v, sub(path, "end"), "soft or hard"); ok {
				switch e {
				case "soft":
				case "hard":
					sh.HardEnd = true
				default:
					w.Errorf(v, sub(path, "end"), "end: soft (the contact in hand is finished, as overtime) or end: hard (it goes back to the queue)", "unknown end %q", e)
				}
			}
		}
		if v := sf.Vals["agents"]; v != nil {
			if a, ok := w.Integer(v, sub(path, "agents"), 0, "the number of agents on the shift, ≥ 0"); ok {
				if a > 100_000 {
					w.Errorf(v, sub(path, "agents"), "at most 100000 agents per shift", "%d agents is too many", a)
				}
				sh.Agents = a
			}
		}
		if v := sf.Vals["skills"]; v != nil {
			sh.Skills = w.skills(v, sub(path, "skills"), s)
		}
		if v := sf.Vals["breaks"]; v != nil {
			sh.Breaks = w.breaks(v, sub(path, "breaks"), sh.Length)
		}
		if v := sf.Vals["reserved"]; v != nil {
			if sf.Has("skills") {
				w.Errorf(v, sub(path, "reserved"), "reserved agents take only the queues they are reserved for: give reserved or skills, not both", "both skills and reserved")
			} else {
				sh.Reserved = w.skills(v, sub(path, "reserved"), s)
			}
		}
		sh.NotReady, sh.NotReadySpell = w.notReady(sf, path)
		s.Roster.Shifts = append(s.Roster.Shifts, sh)
		w.agentNodes = append(w.agentNodes, sf.Vals["agents"])
	}
}

// dates parses a list of calendar dates (YYYY-MM-DD, in loc), each once.
func (w *walker) dates(n *yaml.Node, path string, loc *time.Location) []time.Time {
	const hint = "list dates as [2026-12-07, 2026-12-08], or give days: [mon, …] for every week"
	items, ok := w.Seq(n, path, "a list of dates")
	if !ok {
		return nil
	}
	if len(items) == 0 {
		w.Errorf(n, path, hint, "no dates")
		return nil
	}
	if loc == nil {
		loc = time.UTC
	}
	var out []time.Time
	for i, it := range items {
		str, ok := w.Str(it, index(path, i), "a date")
		if !ok {
			continue
		}
		d, err := time.ParseInLocation(time.DateOnly, str, loc)
		if err != nil {
			w.Errorf(it, index(path, i), hint, "want a date, got %q", str)
			continue
		}
		if slices.ContainsFunc(out, d.Equal) {
			w.Errorf(it, index(path, i), "list each date once", "%s repeated", str)
			continue
		}
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return out
}

func (w *walker) skills(n *yaml.Node, path string, s *Scenario) []string {
	items, ok := w.Seq(n, path, "a list of queue names")
	if !ok || !w.skillsOK {
		return nil
	}
	names := make([]string, len(s.Queues))
	for i, q := range s.Queues {
		names[i] = q.Name
	}
	what, tiers := "queues", []string(nil)
	if s.Tickets != nil {
		tiers = s.Tickets.Tiers
		names = append(names, tiers...)
		what = "queues and tiers"
		if len(s.Queues) == 0 {
			what = "tiers"
		}
	}
	if len(items) == 0 {
		w.Errorf(n, path, "list the "+what+" these agents serve, or leave skills out for every one", "no skills")
		return nil
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		name, ok := w.Str(it, index(path, i), "a queue name")
		if !ok {
			continue
		}
		if s.Queue(name) == nil && !slices.Contains(tiers, name) {
			hint := "skills name " + what + ": " + strings.Join(names, ", ")
			if g := yamlwalk.Suggest(name, names); g != "" {
				hint = fmt.Sprintf("did you mean %q? (%s)", g, hint)
			}
			noun := "queue"
			if tiers != nil {
				noun = map[bool]string{true: "tier", false: "queue or tier"}[len(s.Queues) == 0]
			}
			w.Errorf(it, index(path, i), hint, "no %s is named %q", noun, name)
			continue
		}
		if slices.Contains(out, name) {
			w.Errorf(it, index(path, i), "list each skill once", "%q repeated", name)
			continue
		}
		out = append(out, name)
	}
	return out
}

func (w *walker) breaks(n *yaml.Node, path string, length time.Duration) []Break {
	items, ok := w.Seq(n, path, "a list of breaks such as [{after: 2h, length: 15m}]")
	if !ok {
		return nil
	}
	var out []Break
	for i, it := range items {
		p := index(path, i)
		f, ok := w.Mapping(it, p, "a break such as {after: 2h, length: 15m}", "after", "length", "unpaid")
		if !ok {
			continue
		}
		if !w.Require(f, p, map[string]string{"after": "add e.g. after: 2h (from the shift's start)", "length": "add e.g. length: 15m"}, "after", "length") {
			continue
		}
		after, ok1 := w.Duration(f.Vals["after"], sub(p, "after"))
		blen, ok2 := w.PositiveDuration(f.Vals["length"], sub(p, "length"))
		unpaid, ok3 := false, true
		if u := f.Vals["unpaid"]; u != nil {
			unpaid, ok3 = w.Boolean(u, sub(p, "unpaid"))
		}
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		if length > 0 && after >= length {
			w.Errorf(f.Vals["after"], sub(p, "after"), "put the break within the shift", "%s is after the shift ends (length %s)", fmtDuration(after), fmtDuration(length))
			continue
		}
		if length > 0 && after+blen > length {
			w.Errorf(f.Vals["length"], sub(p, "length"), "shorten the break or start it earlier", "the break ends %s after the shift starts, after the shift ends (length %s)", fmtDuration(after+blen), fmtDuration(length))
			continue
		}
		if len(out) > 0 {
			prev := out[len(out)-1]
			if after < prev.After+prev.Length {
				w.Errorf(f.Vals["after"], sub(p, "after"), "list breaks in time order without overlap", "starts at %s, before the previous break ends (%s)", fmtDuration(after), fmtDuration(prev.After+prev.Length))
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
	if w.Len() > 0 || len(s.Roster.Shifts) == 0 || s.Roster.Staffing != "" {
		return // a staffing curve's queues are checked when it is read
	}
	w.crossCheckTiers(s)
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
			w.Errorf(w.queueNodes[q.Name], named("queues", i, q.Name),
				"give a shift that serves "+strconv.Quote(q.Name)+" at least one agent (a scenario simulates a staffed desk)",
				"the roster has no agents for this queue: every shift with its skill has agents: 0 (%s%s)", sub(named("roster.shifts", empty, sh.Name), "agents"), where)
		default:
			w.Errorf(w.queueNodes[q.Name], named("queues", i, q.Name), "add "+strconv.Quote(q.Name)+" to the skills of a shift with agents", "no rostered agent has this queue's skill")
		}
	}
}
