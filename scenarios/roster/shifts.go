package roster

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/staffsim/staffsim/internal/quantity"
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
// Each entry expands to one Template per start × length.
type Shifts struct {
	Templates []Template
	Limits    Limits
	Hourly    float64
}

// ReadShifts reads and parses a shift-template file.
func ReadShifts(path string) (*Shifts, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("shift templates: %w", err)
	}
	return ParseShifts(path, data)
}

// ParseShifts parses a shift-template file; name is used in errors, which
// give the line and key of the first problem and what to write instead.
// Unknown keys are errors.
func ParseShifts(name string, data []byte) (*Shifts, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	p := shiftsParser{file: name}
	out, err := p.document(&doc)
	if err != nil {
		return nil, err
	}
	return out, nil
}

type shiftsParser struct{ file string }

func (p *shiftsParser) errf(n *yaml.Node, key, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if key != "" {
		msg = key + ": " + msg
	}
	if n != nil {
		return fmt.Errorf("%s: line %d: %s", p.file, n.Line, msg)
	}
	return fmt.Errorf("%s: %s", p.file, msg)
}

// mapping returns the key → value nodes of a mapping, refusing keys not
// in known.
func (p *shiftsParser) mapping(n *yaml.Node, path string, known ...string) (map[string]*yaml.Node, error) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode {
		return nil, p.errf(n, path, "want a mapping with keys %s", strings.Join(known, ", "))
	}
	out := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(known, k.Value) {
			return nil, p.errf(k, join(path, k.Value), "unknown key; known keys here: %s", strings.Join(known, ", "))
		}
		if _, dup := out[k.Value]; dup {
			return nil, p.errf(k, join(path, k.Value), "key given twice")
		}
		out[k.Value] = v
	}
	return out, nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (p *shiftsParser) scalar(n *yaml.Node, path, what string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", p.errf(n, path, "want %s", what)
	}
	return n.Value, nil
}

func (p *shiftsParser) duration(n *yaml.Node, path string) (time.Duration, error) {
	s, err := p.scalar(n, path, "a duration such as 8h30m")
	if err != nil {
		return 0, err
	}
	d, err := quantity.ParseDuration(s)
	if err != nil {
		return 0, p.errf(n, path, "%v", err)
	}
	return d, nil
}

func (p *shiftsParser) clock(n *yaml.Node, path string) (time.Duration, error) {
	s, err := p.scalar(n, path, `a time of day such as "07:30"`)
	if err != nil {
		return 0, err
	}
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, p.errf(n, path, `%q is not a time of day: write "HH:MM", e.g. "07:30", quoted`, s)
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

func (p *shiftsParser) integer(n *yaml.Node, path string) (int, error) {
	s, err := p.scalar(n, path, "a whole number")
	if err != nil {
		return 0, err
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		return 0, p.errf(n, path, "%q is not a whole number ≥ 0", s)
	}
	return v, nil
}

func (p *shiftsParser) boolean(n *yaml.Node, path string) (bool, error) {
	s, err := p.scalar(n, path, "true or false")
	if err != nil {
		return false, err
	}
	switch strings.ToLower(s) {
	case "true", "yes":
		return true, nil
	case "false", "no":
		return false, nil
	}
	return false, p.errf(n, path, "%q is not true or false", s)
}

func (p *shiftsParser) seq(n *yaml.Node, path, what string) ([]*yaml.Node, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.errf(n, path, "want a list of %s", what)
	}
	return n.Content, nil
}

func (p *shiftsParser) document(doc *yaml.Node) (*Shifts, error) {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, p.errf(nil, "", "empty file: give at least templates:")
	}
	top, err := p.mapping(doc.Content[0], "", "cost", "limits", "templates")
	if err != nil {
		return nil, err
	}
	out := &Shifts{}
	if c := top["cost"]; c != nil {
		f, err := p.mapping(c, "cost", "hourly")
		if err != nil {
			return nil, err
		}
		if h := f["hourly"]; h != nil {
			s, err := p.scalar(h, "cost.hourly", "a cost per paid hour such as 32.50")
			if err != nil {
				return nil, err
			}
			v, err := strconv.ParseFloat(s, 64)
			if err != nil || !(v >= 0) || v > 1e9 {
				return nil, p.errf(h, "cost.hourly", "%q is not a cost per hour ≥ 0", s)
			}
			out.Hourly = v
		}
	}
	if l := top["limits"]; l != nil {
		f, err := p.mapping(l, "limits", "agents", "part_time")
		if err != nil {
			return nil, err
		}
		if a := f["agents"]; a != nil {
			if out.Limits.Agents, err = p.integer(a, "limits.agents"); err != nil {
				return nil, err
			}
		}
		if pt := f["part_time"]; pt != nil {
			s, err := p.scalar(pt, "limits.part_time", "a share such as 30%")
			if err != nil {
				return nil, err
			}
			v, err := quantity.ParseFraction(s)
			if err != nil || v > 1 {
				return nil, p.errf(pt, "limits.part_time", "%q is not a share between 0%% and 100%%", s)
			}
			out.Limits.PartTime = v
		}
	}
	tn := top["templates"]
	if tn == nil {
		return nil, p.errf(doc.Content[0], "templates", "missing: list the shift templates the roster may use")
	}
	items, err := p.seq(tn, "templates", "shift templates")
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, p.errf(tn, "templates", "empty: give at least one template")
	}
	for i, it := range items {
		ts, err := p.template(it, fmt.Sprintf("templates[%d]", i))
		if err != nil {
			return nil, err
		}
		out.Templates = append(out.Templates, ts...)
		if len(out.Templates) > maxTemplates {
			return nil, p.errf(it, fmt.Sprintf("templates[%d]", i), "more than %d templates: use fewer starts or lengths", maxTemplates)
		}
	}
	return out, nil
}

// maxTemplates bounds the expanded templates: the search is linear in
// them, the LP bound cubic in the rows but linear in the columns.
const maxTemplates = 5000

var templateKeys = []string{"name", "start", "starts", "length", "lengths", "days", "days_per_week", "days_off", "part_time", "min", "max", "breaks"}

func (p *shiftsParser) template(n *yaml.Node, path string) ([]Template, error) {
	f, err := p.mapping(n, path, templateKeys...)
	if err != nil {
		return nil, err
	}
	var t Template
	nn := f["name"]
	if nn == nil {
		return nil, p.errf(n, join(path, "name"), "missing: name the template, e.g. name: early")
	}
	if t.Name, err = p.scalar(nn, join(path, "name"), "a name"); err != nil {
		return nil, err
	}
	if strings.TrimSpace(t.Name) == "" {
		return nil, p.errf(nn, join(path, "name"), "empty name")
	}
	path = fmt.Sprintf("%s (%s)", path, t.Name)

	// Starts.
	var starts []time.Duration
	switch s, ss := f["start"], f["starts"]; {
	case s != nil && ss != nil:
		return nil, p.errf(ss, join(path, "starts"), "give start or starts, not both")
	case s != nil:
		v, err := p.clock(s, join(path, "start"))
		if err != nil {
			return nil, err
		}
		starts = []time.Duration{v}
	case ss != nil:
		if starts, err = p.starts(ss, join(path, "starts")); err != nil {
			return nil, err
		}
	default:
		return nil, p.errf(n, join(path, "start"), `missing: add start: "07:00" or starts: {from: "06:00", to: "14:00", every: 30m}`)
	}

	// Lengths.
	var lengths []time.Duration
	switch l, ls := f["length"], f["lengths"]; {
	case l != nil && ls != nil:
		return nil, p.errf(ls, join(path, "lengths"), "give length or lengths, not both")
	case l != nil:
		v, err := p.duration(l, join(path, "length"))
		if err != nil {
			return nil, err
		}
		lengths = []time.Duration{v}
	case ls != nil:
		items, err := p.seq(ls, join(path, "lengths"), "durations")
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			v, err := p.duration(it, join(path, "lengths"))
			if err != nil {
				return nil, err
			}
			lengths = append(lengths, v)
		}
		if len(lengths) == 0 {
			return nil, p.errf(ls, join(path, "lengths"), "empty: give at least one length")
		}
	default:
		return nil, p.errf(n, join(path, "length"), "missing: add length: 8h (or lengths: [8h, 8h30m])")
	}
	lengthNode := f["length"]
	if lengthNode == nil {
		lengthNode = f["lengths"]
	}
	for _, l := range lengths {
		if l <= 0 || l > 24*time.Hour {
			return nil, p.errf(lengthNode, join(path, "length"), "%v must lie in (0, 24h]", l)
		}
	}

	// Days.
	consecutive := true
	if do := f["days_off"]; do != nil {
		s, err := p.scalar(do, join(path, "days_off"), "consecutive or any")
		if err != nil {
			return nil, err
		}
		switch s {
		case "consecutive":
		case "any":
			consecutive = false
		default:
			return nil, p.errf(do, join(path, "days_off"), "%q: write consecutive or any", s)
		}
		if f["days_per_week"] == nil {
			return nil, p.errf(do, join(path, "days_off"), "only with days_per_week")
		}
	}
	switch d, dpw := f["days"], f["days_per_week"]; {
	case d != nil && dpw != nil:
		return nil, p.errf(dpw, join(path, "days_per_week"), "give days (one fixed pattern) or days_per_week, not both")
	case d != nil:
		items, err := p.seq(d, join(path, "days"), "days such as mon, tue")
		if err != nil {
			return nil, err
		}
		var w Week
		for _, it := range items {
			s, err := p.scalar(it, join(path, "days"), "a day such as mon")
			if err != nil {
				return nil, err
			}
			wd, err := ParseWeekday(s)
			if err != nil {
				return nil, p.errf(it, join(path, "days"), "%v", err)
			}
			w |= WeekOf(wd)
		}
		if w == 0 {
			return nil, p.errf(d, join(path, "days"), "empty: list the working days")
		}
		t.Weeks = []Week{w}
	case dpw != nil:
		k, err := p.integer(dpw, join(path, "days_per_week"))
		if err != nil {
			return nil, err
		}
		if k < 1 || k > 7 {
			return nil, p.errf(dpw, join(path, "days_per_week"), "%d: write 1 to 7", k)
		}
		t.Weeks = Patterns(k, consecutive)
	default:
		t.Weeks = []Week{EveryDay}
	}

	if v := f["part_time"]; v != nil {
		if t.PartTime, err = p.boolean(v, join(path, "part_time")); err != nil {
			return nil, err
		}
	}
	if v := f["min"]; v != nil {
		if t.Min, err = p.integer(v, join(path, "min")); err != nil {
			return nil, err
		}
	}
	if v := f["max"]; v != nil {
		if t.Max, err = p.integer(v, join(path, "max")); err != nil {
			return nil, err
		}
		if t.Max > 0 && t.Min > t.Max {
			return nil, p.errf(v, join(path, "max"), "max %d is below min %d", t.Max, t.Min)
		}
	}
	if v := f["breaks"]; v != nil {
		items, err := p.seq(v, join(path, "breaks"), "breaks such as {after: 2h, length: 15m}")
		if err != nil {
			return nil, err
		}
		for i, it := range items {
			bp := fmt.Sprintf("%s.breaks[%d]", path, i)
			bf, err := p.mapping(it, bp, "after", "length", "unpaid")
			if err != nil {
				return nil, err
			}
			var b Break
			if bf["after"] == nil || bf["length"] == nil {
				return nil, p.errf(it, bp, "give after and length, e.g. {after: 2h, length: 15m}")
			}
			if b.After, err = p.duration(bf["after"], bp+".after"); err != nil {
				return nil, err
			}
			if b.Length, err = p.duration(bf["length"], bp+".length"); err != nil {
				return nil, err
			}
			if u := bf["unpaid"]; u != nil {
				if b.Unpaid, err = p.boolean(u, bp+".unpaid"); err != nil {
					return nil, err
				}
			}
			t.Breaks = append(t.Breaks, b)
		}
	}

	var out []Template
	for _, l := range lengths {
		for _, s := range starts {
			x := t
			x.Start, x.Length = s, l
			if len(lengths) > 1 {
				x.Name = t.Name + "-" + FormatLength(l)
			}
			if err := x.validate(); err != nil {
				return nil, p.errf(n, path, "%v", err)
			}
			out = append(out, x)
		}
	}
	return out, nil
}

func (p *shiftsParser) starts(n *yaml.Node, path string) ([]time.Duration, error) {
	if n.Kind == yaml.SequenceNode {
		var out []time.Duration
		for _, it := range n.Content {
			v, err := p.clock(it, path)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		if len(out) == 0 {
			return nil, p.errf(n, path, "empty: give at least one start")
		}
		return out, nil
	}
	f, err := p.mapping(n, path, "from", "to", "every")
	if err != nil {
		return nil, err
	}
	if f["from"] == nil || f["to"] == nil || f["every"] == nil {
		return nil, p.errf(n, path, `give from, to and every, e.g. {from: "06:00", to: "14:00", every: 30m}`)
	}
	from, err := p.clock(f["from"], path+".from")
	if err != nil {
		return nil, err
	}
	to, err := p.clock(f["to"], path+".to")
	if err != nil {
		return nil, err
	}
	every, err := p.duration(f["every"], path+".every")
	if err != nil {
		return nil, err
	}
	if every < time.Minute {
		return nil, p.errf(f["every"], path+".every", "%v: write at least 1m, e.g. 30m", every)
	}
	if to < from {
		return nil, p.errf(f["to"], path+".to", "to %s is before from %s", Clock(to), Clock(from))
	}
	var out []time.Duration
	for s := from; s <= to; s += every {
		out = append(out, s)
	}
	return out, nil
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
