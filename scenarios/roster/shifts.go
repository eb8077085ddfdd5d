package roster

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/internal/yamlwalk"
)

// Shifts is a shift-template file (shifts.yaml): the templates the roster
// may use, its limits and the cost of a paid hour.
//
//	cost:
//	  hourly: 32.50                # per paid hour; reports only (default 0: no cost)
//	limits:
//	  agents: 120                  # headcount available (default: no limit)
//	  part_time: 30%               # max share of agents on part-time templates
//	templates:
//	  - name: full                 # required
//	    starts: {from: "06:00", to: "14:00", every: 30m}   # or start: "07:00"
//	    lengths: [8h, 8h30m]       # or length: 8h
//	    days_per_week: 5           # any 5 days, the 2 days off consecutive …
//	    days_off: consecutive      # … (consecutive, default) or any
//	    # days: [mon, tue, wed, thu, fri]   # or one fixed pattern (default: every day)
//	    part_time: false
//	    min: 0                     # agents per start × length, all patterns together
//	    max: 0                     # 0: no limit
//	    breaks:
//	      - {after: 2h, length: 15m}
//	      - {after: 4h, length: 30m, unpaid: true}
//
// Each entry expands to one Template per start × length. Anchors, aliases
// and merge keys (<<: *base) may share parts between templates.
type Shifts struct {
	Templates []Template
	Limits    Limits
	Hourly    float64
}

// docName is what the errors of a shift-template file call it.
const docName = "shift templates"

// ReadShifts reads and parses a shift-template file.
func ReadShifts(path string) (*Shifts, error) {
	w := yamlwalk.New(docName, path)
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, w.FileError("check the path (it is relative to the current directory)", "file not found")
	case err != nil:
		return nil, w.FileError("", "%v", err)
	case st.IsDir():
		return nil, w.FileError("name a .yaml file of shift templates", "is a directory")
	case st.Size() > yamlwalk.MaxSize:
		return nil, w.FileError("", "file is %d bytes; shift templates are at most %d", st.Size(), yamlwalk.MaxSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, w.FileError("", "%v", err)
	}
	return ParseShifts(path, data)
}

// ParseShifts parses a shift-template file; name is used in errors. The
// error lists every problem of the file, each with its line, key and what
// to write instead (a yamlwalk.Errors of *yamlwalk.Error, the scenarios
// package's Errors and Error). Unknown keys are errors.
func ParseShifts(name string, data []byte) (*Shifts, error) {
	w := yamlwalk.New(docName, name)
	out := &Shifts{}
	err := w.Parse(data, "give at least templates: (see testdata/roster/shifts.yaml)", func(root *yaml.Node) {
		shiftsFile(w, root, out)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// maxTemplates bounds the expanded templates: the search is linear in
// them, the LP bound cubic in the rows but linear in the columns.
const maxTemplates = 5000

func shiftsFile(w *yamlwalk.Walker, root *yaml.Node, out *Shifts) {
	f, ok := w.Mapping(root, "", "shift templates (a mapping with cost, limits and templates)", "cost", "limits", "templates")
	if !ok {
		return
	}
	w.Require(f, "", map[string]string{"templates": "list the shift templates the roster may use (see testdata/roster/shifts.yaml)"}, "templates")
	if c := f.Vals["cost"]; c != nil {
		if cf, ok := w.Mapping(c, "cost", "a mapping such as {hourly: 32.50}", "hourly"); ok {
			if h := cf.Vals["hourly"]; h != nil {
				const hint = "the cost of one paid agent hour, ≥ 0, e.g. 32.50"
				if v, ok := w.Number(h, "cost.hourly", hint); ok {
					if v < 0 || v > 1e9 {
						w.Errorf(h, "cost.hourly", hint, "%v is not a cost per hour from 0 to 1e9", v)
					}
					out.Hourly = v
				}
			}
		}
	}
	if l := f.Vals["limits"]; l != nil {
		if lf, ok := w.Mapping(l, "limits", "a mapping such as {agents: 120, part_time: 30%}", "agents", "part_time"); ok {
			if a := lf.Vals["agents"]; a != nil {
				out.Limits.Agents, _ = w.Integer(a, "limits.agents", 0, "the headcount available, ≥ 0 (0: no limit)")
			}
			if pt := lf.Vals["part_time"]; pt != nil {
				out.Limits.PartTime, _ = w.Fraction(pt, "limits.part_time") // a share in [0, 1]
			}
		}
	}
	tn := f.Vals["templates"]
	if tn == nil {
		return
	}
	items, ok := w.Seq(tn, "templates", "a list of shift templates")
	if !ok {
		return
	}
	if len(items) == 0 {
		w.Errorf(tn, "templates", "give at least one template", "empty")
	}
	for i, it := range items {
		ts := shiftTemplate(w, it, i)
		if len(out.Templates)+len(ts) > maxTemplates {
			w.Errorf(it, yamlwalk.Index("templates", i), "use fewer starts or lengths", "more than %d templates in all", maxTemplates)
			return
		}
		out.Templates = append(out.Templates, ts...)
	}
}

var templateKeys = []string{"name", "start", "starts", "length", "lengths", "days", "days_per_week", "days_off", "part_time", "min", "max", "breaks"}

// shiftTemplate walks entry i of templates and returns its templates, one
// per start × length; none when the entry has a problem.
func shiftTemplate(w *yamlwalk.Walker, n *yaml.Node, i int) []Template {
	errs := w.Len()
	path := yamlwalk.Index("templates", i)
	f, ok := w.Mapping(n, path, "a shift template (name, start, length, days …)", templateKeys...)
	if !ok {
		return nil
	}
	var t Template
	w.Require(f, path, map[string]string{"name": "name the template, e.g. name: early"}, "name")
	if nn := f.Vals["name"]; nn != nil {
		if t.Name, ok = w.Str(nn, yamlwalk.Sub(path, "name"), "a name"); ok {
			path = yamlwalk.Named("templates", i, t.Name)
		}
	}

	// Starts.
	var starts []time.Duration
	switch s, ss := f.Vals["start"], f.Vals["starts"]; {
	case s != nil && ss != nil:
		w.Errorf(f.Keys["starts"], yamlwalk.Sub(path, "starts"), "keep one of them", "give start or starts, not both")
	case s != nil:
		if v, ok := w.Clock(s, yamlwalk.Sub(path, "start")); ok {
			starts = []time.Duration{v}
		}
	case ss != nil:
		starts = templateStarts(w, ss, yamlwalk.Sub(path, "starts"))
	case !f.Misspelt("start") && !f.Misspelt("starts"):
		w.Errorf(n, yamlwalk.Sub(path, "start"), `add start: "07:00" or starts: {from: "06:00", to: "14:00", every: 30m}`, "missing")
	}

	// Lengths.
	var lengths []time.Duration
	length := func(ln *yaml.Node, p string) {
		if v, ok := w.PositiveDuration(ln, p); ok {
			if v > 24*time.Hour {
				w.Errorf(ln, p, "a shift lasts at most 24h", "%s is longer than a day", strings.TrimSpace(ln.Value))
				return
			}
			lengths = append(lengths, v)
		}
	}
	switch l, ls := f.Vals["length"], f.Vals["lengths"]; {
	case l != nil && ls != nil:
		w.Errorf(f.Keys["lengths"], yamlwalk.Sub(path, "lengths"), "keep one of them", "give length or lengths, not both")
	case l != nil:
		length(l, yamlwalk.Sub(path, "length"))
	case ls != nil:
		if items, ok := w.Seq(ls, yamlwalk.Sub(path, "lengths"), "a list of durations such as [8h, 8h30m]"); ok {
			for j, it := range items {
				length(it, yamlwalk.Index(yamlwalk.Sub(path, "lengths"), j))
			}
			if len(items) == 0 {
				w.Errorf(ls, yamlwalk.Sub(path, "lengths"), "give at least one length", "empty")
			}
		}
	case !f.Misspelt("length") && !f.Misspelt("lengths"):
		w.Errorf(n, yamlwalk.Sub(path, "length"), "add length: 8h (or lengths: [8h, 8h30m])", "missing")
	}

	// Days.
	consecutive := true
	if do := f.Vals["days_off"]; do != nil {
		p := yamlwalk.Sub(path, "days_off")
		if s, ok := w.Scalar(do, p, "consecutive or any", "write consecutive or any"); ok {
			switch s {
			case "consecutive":
			case "any":
				consecutive = false
			default:
				hint := "write consecutive or any"
				if g := yamlwalk.Suggest(s, []string{"consecutive", "any"}); g != "" {
					hint = fmt.Sprintf("did you mean %q? (%s)", g, hint)
				}
				w.Errorf(do, p, hint, "unknown days off %q", s)
			}
		}
		if f.Vals["days_per_week"] == nil {
			w.Errorf(f.Keys["days_off"], p, "days_off says how the days off of days_per_week lie; leave it out with days", "only with days_per_week")
		}
	}
	switch d, dpw := f.Vals["days"], f.Vals["days_per_week"]; {
	case d != nil && dpw != nil:
		w.Errorf(f.Keys["days_per_week"], yamlwalk.Sub(path, "days_per_week"), "give days (one fixed pattern) or days_per_week, not both", "both days and days_per_week")
	case d != nil:
		if days, ok := w.Weekdays(d, yamlwalk.Sub(path, "days")); ok {
			t.Weeks = []Week{WeekOf(days...)}
		}
	case dpw != nil:
		const hint = "the working days a week, 1 to 7"
		if k, ok := w.Integer(dpw, yamlwalk.Sub(path, "days_per_week"), 1, hint); ok {
			if k > 7 {
				w.Errorf(dpw, yamlwalk.Sub(path, "days_per_week"), hint, "%d is above the maximum 7", k)
			}
			t.Weeks = Patterns(k, consecutive)
		}
	default:
		t.Weeks = []Week{EveryDay}
	}

	if v := f.Vals["part_time"]; v != nil {
		t.PartTime, _ = w.Boolean(v, yamlwalk.Sub(path, "part_time"))
	}
	if v := f.Vals["min"]; v != nil {
		t.Min, _ = w.Integer(v, yamlwalk.Sub(path, "min"), 0, "the fewest agents on the template, ≥ 0")
	}
	if v := f.Vals["max"]; v != nil {
		if t.Max, ok = w.Integer(v, yamlwalk.Sub(path, "max"), 0, "the most agents on the template, ≥ 0 (0: no limit)"); ok && t.Max > 0 && t.Min > t.Max {
			w.Errorf(v, yamlwalk.Sub(path, "max"), "raise max or lower min", "max %d is below min %d", t.Max, t.Min)
		}
	}
	if v := f.Vals["breaks"]; v != nil {
		t.Breaks = templateBreaks(w, v, yamlwalk.Sub(path, "breaks"), lengths)
	}
	if w.Len() > errs {
		return nil
	}
	if len(starts)*len(lengths) > maxTemplates {
		w.Errorf(n, path, "use fewer starts or lengths", "%d starts × %d lengths is more than %d templates", len(starts), len(lengths), maxTemplates)
		return nil
	}

	var out []Template
	for _, l := range lengths {
		for _, s := range starts {
			x := t
			x.Start, x.Length = s, l
			if len(lengths) > 1 {
				x.Name = t.Name + "-" + FormatLength(l)
			}
			if err := x.validate(); err != nil { // the checks above make this a safety net
				w.Errorf(n, path, "", "%v", err)
				return nil
			}
			out = append(out, x)
		}
	}
	return out
}

// templateBreaks walks a template's breaks: each within every length of
// the template, in time order without overlap.
func templateBreaks(w *yamlwalk.Walker, n *yaml.Node, path string, lengths []time.Duration) []Break {
	items, ok := w.Seq(n, path, "a list of breaks such as [{after: 2h, length: 15m}]")
	if !ok {
		return nil
	}
	var out []Break
	for i, it := range items {
		p := yamlwalk.Index(path, i)
		f, ok := w.Mapping(it, p, "a break such as {after: 2h, length: 15m}", "after", "length", "unpaid")
		if !ok || !w.Require(f, p, map[string]string{"after": "add e.g. after: 2h (from the shift's start)", "length": "add e.g. length: 15m"}, "after", "length") {
			continue
		}
		after, ok1 := w.Duration(f.Vals["after"], yamlwalk.Sub(p, "after"))
		blen, ok2 := w.PositiveDuration(f.Vals["length"], yamlwalk.Sub(p, "length"))
		unpaid, ok3 := false, true
		if u := f.Vals["unpaid"]; u != nil {
			unpaid, ok3 = w.Boolean(u, yamlwalk.Sub(p, "unpaid"))
		}
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		if len(lengths) > 0 {
			if short := slices.Min(lengths); after+blen > short {
				w.Errorf(it, p, "shorten the break or start it earlier",
					"the break ends %s after the shift starts, after the %s shift ends", quantity.FormatDuration(after+blen), quantity.FormatDuration(short))
				continue
			}
		}
		if len(out) > 0 {
			prev := out[len(out)-1]
			if after < prev.After+prev.Length {
				w.Errorf(f.Vals["after"], yamlwalk.Sub(p, "after"), "list breaks in time order without overlap", "starts at %s, before the previous break ends (%s)",
					quantity.FormatDuration(after), quantity.FormatDuration(prev.After+prev.Length))
				continue
			}
		}
		out = append(out, Break{After: after, Length: blen, Unpaid: unpaid})
	}
	return out
}

// templateStarts walks starts: a list of times of day, or a range
// {from, to, every} (to included when the steps reach it).
func templateStarts(w *yamlwalk.Walker, n *yaml.Node, path string) []time.Duration {
	if n.Kind == yaml.SequenceNode {
		items, _ := w.Seq(n, path, "a list of times of day")
		var out []time.Duration
		for i, it := range items {
			if v, ok := w.Clock(it, yamlwalk.Index(path, i)); ok {
				out = append(out, v)
			}
		}
		if len(items) == 0 {
			w.Errorf(n, path, "give at least one start", "empty")
		}
		return out
	}
	const hint = `give from, to and every, e.g. {from: "06:00", to: "14:00", every: 30m}`
	f, ok := w.Mapping(n, path, `a list of times of day or a range {from: "06:00", to: "14:00", every: 30m}`, "from", "to", "every")
	if !ok || !w.Require(f, path, map[string]string{"from": hint, "to": hint, "every": hint}, "from", "to", "every") {
		return nil
	}
	from, ok1 := w.Clock(f.Vals["from"], yamlwalk.Sub(path, "from"))
	to, ok2 := w.Clock(f.Vals["to"], yamlwalk.Sub(path, "to"))
	every, ok3 := w.PositiveDuration(f.Vals["every"], yamlwalk.Sub(path, "every"))
	if !ok1 || !ok2 || !ok3 {
		return nil
	}
	if every < time.Minute {
		w.Errorf(f.Vals["every"], yamlwalk.Sub(path, "every"), "write at least 1m, e.g. 30m", "%s is too short a step", quantity.FormatDuration(every))
		return nil
	}
	if to < from {
		w.Errorf(f.Vals["to"], yamlwalk.Sub(path, "to"), "a range of starts runs forward within one day", "to %s is before from %s", Clock(to), Clock(from))
		return nil
	}
	var out []time.Duration
	for s := from; s <= to; s += every {
		out = append(out, s)
	}
	return out
}

// FormatLength writes a length compactly: 8h, 8h30m, 45m.
func FormatLength(d time.Duration) string {
	s := d.String()
	s = strings.TrimSuffix(s, "0s")
	s = strings.TrimSuffix(s, "h0m")
	if strings.HasSuffix(s, "h") || strings.HasSuffix(s, "m") || strings.HasSuffix(s, "s") {
		return s
	}
	return s + "h"
}
