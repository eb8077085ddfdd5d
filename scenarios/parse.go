package scenarios

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/internal/quantity"
	"go.yaml.in/yaml/v3"
)

// Defaults for keys a scenario may omit.
const (
	DefaultDays         = 7
	DefaultInterval     = 30 * time.Minute
	DefaultReplications = 20
	DefaultSeed         = 1
	DefaultPriority     = 1
)

// maxFileSize bounds a scenario file; real ones are a few kilobytes.
const maxFileSize = 4 << 20

// Load reads and validates the scenario file at path. Relative paths inside
// it are resolved against the file's directory.
func Load(path string) (*Scenario, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &Error{File: path, Msg: "file not found", Hint: "check the path (it is relative to the current directory)"}
		}
		return nil, &Error{File: path, Msg: err.Error()}
	}
	if st.IsDir() {
		return nil, &Error{File: path, Msg: "is a directory", Hint: "name a .yaml scenario file"}
	}
	if st.Size() > maxFileSize {
		return nil, &Error{File: path, Msg: fmt.Sprintf("file is %d bytes; a scenario is at most %d", st.Size(), maxFileSize)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Msg: err.Error()}
	}
	return Parse(path, data, filepath.Dir(path))
}

// Parse parses and validates a scenario. name is the file name used in
// errors (and the scenario's default name); dir is the directory that
// relative paths in it are resolved against ("" for the current directory).
//
// The error is an Errors listing every problem found, each an *Error.
func Parse(name string, data []byte, dir string) (s *Scenario, err error) {
	w := &walker{file: name, dir: dir, budget: maxNodes, queueNodes: map[string]*yaml.Node{}}
	defer func() {
		// The YAML library is not expected to panic, but a scenario
		// file must never crash the program.
		if r := recover(); r != nil {
			s, err = nil, Errors{&Error{File: name, Msg: fmt.Sprintf("not valid YAML (%v)", r)}}
		}
	}()
	if len(data) > maxFileSize {
		return nil, Errors{&Error{File: name, Msg: fmt.Sprintf("file is %d bytes; a scenario is at most %d", len(data), maxFileSize)}}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, Errors{yamlError(name, err)}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, Errors{&Error{File: name, Msg: "the file is empty", Hint: "a scenario needs at least start, queues and roster (see testdata/phone-desk.yaml)"}}
	}
	root := w.resolve(doc.Content[0])
	s = &Scenario{File: name, Dir: dir}
	w.scenario(root, s)
	if len(w.errs) > 0 {
		return nil, w.sorted()
	}
	return s, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError turns a YAML syntax error into an *Error with its line.
func yamlError(file string, err error) *Error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	e := &Error{File: file, Msg: "not valid YAML: " + msg, Hint: "check indentation (spaces, not tabs) and that every key ends with a colon"}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = "not valid YAML: " + m[2]
	}
	return e
}

var topKeys = []string{"name", "start", "timezone", "days", "interval", "warmup", "replications", "seed", "queues", "roster", "cost"}

func (w *walker) scenario(n *yaml.Node, s *Scenario) {
	f, ok := w.mapping(n, "", "a scenario (a mapping of keys such as start, queues and roster)", topKeys...)
	if !ok {
		return
	}
	w.require(f, "", map[string]string{
		"start":  "add e.g. start: 2026-12-07 (the first simulated day)",
		"queues": "add at least one queue (see testdata/phone-desk.yaml)",
		"roster": "add a roster with at least one shift (see testdata/phone-desk.yaml)",
	}, "start", "queues", "roster")

	s.Name = strings.TrimSuffix(filepath.Base(w.file), filepath.Ext(w.file))
	if v := f.vals["name"]; v != nil {
		s.Name, _ = w.str(v, "name", "a name")
	}
	s.Location = time.UTC
	if v := f.vals["timezone"]; v != nil {
		if tz, ok := w.str(v, "timezone", "a time zone"); ok {
			loc, err := time.LoadLocation(tz)
			if strings.EqualFold(strings.TrimSpace(tz), "Local") { // the machine's zone: the same file would mean other times elsewhere
				w.errAt(v, "timezone", "name the desk's IANA zone, e.g. Europe/London (or UTC)", "%q is the machine's zone, not the desk's", tz)
			} else if err != nil {
				w.errAt(v, "timezone", "use an IANA name such as Europe/London, America/New_York or UTC", "unknown time zone %q", tz)
			} else {
				s.Location = loc
			}
		}
	}
	if v := f.vals["start"]; v != nil {
		s.Start, _ = w.start(v, s.Location)
	}
	s.Days = DefaultDays
	if v := f.vals["days"]; v != nil {
		if d, ok := w.integer(v, "days", 1, "the horizon is a whole number of days, at least 1"); ok {
			if d > 366 {
				w.errAt(v, "days", "simulate at most a year (366 days)", "%d days is too long", d)
			}
			s.Days = d
		}
	}
	s.Interval = DefaultInterval
	if v := f.vals["interval"]; v != nil {
		if d, ok := w.positiveDuration(v, "interval"); ok {
			if forecast.CheckInterval(d) != nil {
				w.errAt(v, "interval", "use an interval that divides a day, such as 15m, 30m or 60m", "%s does not divide 24h", fmtDuration(d))
			}
			s.Interval = d
		}
	}
	if v := f.vals["warmup"]; v != nil {
		if d, ok := w.duration(v, "warmup"); ok {
			s.Warmup = d
			if d%s.Interval != 0 {
				w.errAt(v, "warmup", "statistics start at an interval boundary", "warm-up %s is not a whole number of %s intervals", fmtDuration(d), fmtDuration(s.Interval))
			}
			if d >= time.Duration(s.Days)*24*time.Hour {
				w.errAt(v, "warmup", "make the warm-up shorter than the horizon", "warm-up %s leaves nothing of the %d-day horizon to measure", fmtDuration(d), s.Days)
			}
		}
	}
	s.Replications = DefaultReplications
	if v := f.vals["replications"]; v != nil {
		if r, ok := w.integer(v, "replications", 1, "run at least 1 replication (20 to 100 give useful confidence intervals)"); ok {
			if r > 100_000 {
				w.errAt(v, "replications", "100 replications give tight confidence intervals", "%d replications is too many", r)
			}
			s.Replications = r
		}
	}
	s.Seed = DefaultSeed
	if v := f.vals["seed"]; v != nil {
		if txt, ok := w.scalar(v, "seed", "a whole number", "the seed is a whole number ≥ 0"); ok {
			seed, err := strconv.ParseUint(txt, 10, 64)
			if err != nil {
				w.errAt(v, "seed", "the seed is a whole number ≥ 0", "want a whole number, got %q", txt)
			}
			s.Seed = seed
		}
	}
	if v := f.vals["queues"]; v != nil {
		w.queues(v, s)
	}
	if v := f.vals["roster"]; v != nil {
		w.roster(v, s)
	}
	s.Cost.None = true
	if v := f.vals["cost"]; v != nil {
		if cf, ok := w.mapping(v, "cost", "a mapping such as {hourly: 32.50}", "hourly"); ok {
			if hv := cf.vals["hourly"]; hv != nil {
				if h, ok := w.number(hv, "cost.hourly", "the cost of one paid agent hour, e.g. 32.50"); ok {
					if h < 0 {
						w.errAt(hv, "cost.hourly", "the cost of one paid agent hour is ≥ 0", "%v is negative", h)
					}
					s.Cost.Hourly, s.Cost.None = h, false
				}
			}
		}
	}
	w.crossCheck(s)
}

var startLayouts = []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// start parses a date (midnight in loc), an RFC 3339 time, or a local
// date-time without offset (in loc).
func (w *walker) start(n *yaml.Node, loc *time.Location) (time.Time, bool) {
	const hint = "write a date such as 2026-12-07 or a time such as 2026-12-07T07:00:00Z"
	s, ok := w.scalar(n, "start", "a date", hint)
	if !ok {
		return time.Time{}, false
	}
	if d, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
		return d, true
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.In(loc), true
	}
	for _, layout := range startLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	w.errAt(n, "start", hint, "want a date, got %q", s)
	return time.Time{}, false
}

var queueKeys = []string{"name", "priority", "arrivals", "handle_time", "patience", "sla", "initial_backlog"}

func (w *walker) queues(n *yaml.Node, s *Scenario) {
	items, ok := w.seq(n, "queues", "a list of queues")
	if !ok {
		return
	}
	w.queuesOK = true
	if len(items) == 0 {
		w.errAt(n, "queues", "add at least one queue (see testdata/phone-desk.yaml)", "no queues")
	}
	seen := map[string]int{}
	for i, item := range items {
		path := index("queues", i)
		f, ok := w.mapping(item, path, "a queue (name, arrivals, handle_time, sla …)", queueKeys...)
		if !ok {
			continue
		}
		var q Queue
		if v := f.vals["name"]; v != nil {
			q.Name, _ = w.str(v, sub(path, "name"), "a name")
		}
		if q.Name != "" {
			path = named("queues", i, q.Name)
			if line, dup := seen[q.Name]; dup {
				w.errAt(f.vals["name"], sub(path, "name"), "give each queue its own name", "queue %q already defined on line %d", q.Name, line)
			}
			seen[q.Name] = f.vals["name"].Line
			w.queueNodes[q.Name] = f.vals["name"]
			if strings.ContainsAny(q.Name, ",\n\r\"") {
				w.errAt(f.vals["name"], sub(path, "name"), "use letters, digits, spaces, - and _", "queue name %q has a comma, quote or line break", q.Name)
			}
		}
		w.require(f, path, map[string]string{
			"name":        "name the queue, e.g. name: phone",
			"arrivals":    "add e.g. arrivals: {rate: 720/h}",
			"handle_time": "add e.g. handle_time: {distribution: lognormal, mean: 4m, cv: 0.8}",
			"sla":         "add e.g. sla: {target: 20s, goal: 80%}",
		}, "name", "arrivals", "handle_time", "sla")
		q.Priority = DefaultPriority
		if v := f.vals["priority"]; v != nil {
			q.Priority, _ = w.integer(v, sub(path, "priority"), -1000, "a whole number; lower is served first")
		}
		if v := f.vals["arrivals"]; v != nil {
			q.Arrivals = w.arrivals(v, sub(path, "arrivals"))
		}
		if v := f.vals["handle_time"]; v != nil {
			q.HandleTime, _ = w.distribution(v, sub(path, "handle_time"))
		}
		if v := f.vals["patience"]; v != nil {
			if d, ok := w.distribution(v, sub(path, "patience")); ok {
				q.Patience = &d
			}
		}
		if v := f.vals["sla"]; v != nil {
			q.SLA = w.sla(v, sub(path, "sla"))
		}
		if v := f.vals["initial_backlog"]; v != nil {
			q.InitialBacklog, _ = w.integer(v, sub(path, "initial_backlog"), 0, "the number of contacts waiting at the start, ≥ 0")
		}
		s.Queues = append(s.Queues, q)
	}
}

func (w *walker) arrivals(n *yaml.Node, path string) Arrivals {
	a := Arrivals{Scale: 1}
	f, ok := w.mapping(n, path, "a mapping with one of rate, forecast or history", "rate", "forecast", "history", "scale")
	if !ok {
		return a
	}
	const hint = "give exactly one of rate (e.g. 720/h), forecast (a forecast.csv) or history (a tickets.csv)"
	count := 0
	for _, k := range []string{"rate", "forecast", "history"} {
		if f.has(k) {
			count++
		}
	}
	switch {
	case count == 0:
		w.errAt(n, path, hint, "no source of arrivals")
	case count > 1:
		w.errAt(n, path, hint, "%d sources of arrivals", count)
	}
	if v := f.vals["rate"]; v != nil {
		if txt, ok := w.scalar(v, sub(path, "rate"), "a rate", "write COUNT/UNIT, e.g. 720/h or 12/m"); ok {
			r, err := quantity.ParseRate(txt)
			if err != nil {
				w.errAt(v, sub(path, "rate"), "", "%v", err)
			}
			a.Rate = r
		}
	}
	if v := f.vals["forecast"]; v != nil {
		if a.Forecast, ok = w.str(v, sub(path, "forecast"), "a file name"); ok {
			w.checkFile(v, sub(path, "forecast"), a.Forecast)
		}
	}
	if v := f.vals["history"]; v != nil {
		if a.History, ok = w.str(v, sub(path, "history"), "a file name"); ok {
			w.checkFile(v, sub(path, "history"), a.History)
		}
	}
	if v := f.vals["scale"]; v != nil {
		if x, ok := w.number(v, sub(path, "scale"), "a volume multiplier such as 1.1 for +10 %"); ok {
			if x < 0 || x > 1000 {
				w.errAt(v, sub(path, "scale"), "a volume multiplier such as 1.1 for +10 %", "%v is outside 0 to 1000", x)
			}
			a.Scale = x
		}
	}
	return a
}

func (w *walker) distribution(n *yaml.Node, path string) (Distribution, bool) {
	d := Distribution{Kind: Exponential, CV: 1}
	f, ok := w.mapping(n, path, "a distribution such as {distribution: lognormal, mean: 4m, cv: 0.8}", "distribution", "mean", "cv", "values")
	if !ok {
		return d, false
	}
	if v := f.vals["distribution"]; v != nil {
		name, ok := w.str(v, sub(path, "distribution"), "a distribution name")
		if ok {
			k := -1
			for i, kn := range kindNames {
				if strings.EqualFold(name, kn) {
					k = i
				}
			}
			if k < 0 {
				hint := "use one of " + strings.Join(kindNames, ", ")
				if s := suggest(strings.ToLower(name), kindNames); s != "" {
					hint = fmt.Sprintf("did you mean %q? (%s)", s, hint)
				}
				w.errAt(v, sub(path, "distribution"), hint, "unknown distribution %q", name)
				return d, false
			}
			d.Kind = Kind(k)
		}
	}
	errs := len(w.errs)
	if d.Kind == Empirical {
		for _, k := range []string{"mean", "cv"} {
			if f.has(k) {
				w.errAt(f.keys[k], sub(path, k), "an empirical distribution takes only values", "%s is computed from the values", k)
			}
		}
		v := f.vals["values"]
		if v == nil {
			w.errAt(n, sub(path, "values"), "list the observed durations, e.g. values: [2m, 3m30s, 5m]", "missing")
			return d, false
		}
		items, ok := w.seq(v, sub(path, "values"), "a list of durations")
		if !ok {
			return d, false
		}
		if len(items) == 0 {
			w.errAt(v, sub(path, "values"), "list the observed durations, e.g. values: [2m, 3m30s, 5m]", "no values")
		}
		for i, it := range items {
			if x, ok := w.positiveDuration(it, index(sub(path, "values"), i)); ok {
				d.Values = append(d.Values, x)
			}
		}
		if len(w.errs) > errs {
			return d, false
		}
		d.Mean, d.CV = meanCV(d.Values)
		return d, true
	}
	if f.has("values") {
		w.errAt(f.keys["values"], sub(path, "values"), "values go with distribution: empirical", "not used by a %v distribution", d.Kind)
	}
	if v := f.vals["mean"]; v != nil {
		d.Mean, _ = w.positiveDuration(v, sub(path, "mean"))
	} else {
		w.errAt(n, sub(path, "mean"), "add e.g. mean: 4m", "missing")
	}
	switch d.Kind {
	case Exponential, Fixed:
		want := 1.0
		if d.Kind == Fixed {
			want = 0
		}
		d.CV = want
		if v := f.vals["cv"]; v != nil {
			if cv, ok := w.number(v, sub(path, "cv"), ""); ok && cv != want {
				w.errAt(v, sub(path, "cv"), "use lognormal or gamma for another cv, or leave cv out", "an %v distribution has cv %v, not %v", d.Kind, want, cv)
			}
		}
	default:
		if v := f.vals["cv"]; v != nil {
			if cv, ok := w.number(v, sub(path, "cv"), "the coefficient of variation, standard deviation / mean, e.g. 0.8"); ok {
				if cv <= 0 || cv > 20 {
					w.errAt(v, sub(path, "cv"), "the coefficient of variation (sd / mean) is above 0 and at most 20", "%v is out of range", cv)
				}
				d.CV = cv
			}
		}
	}
	return d, len(w.errs) == errs
}

// meanCV returns the mean and coefficient of variation of durations.
func meanCV(xs []time.Duration) (time.Duration, float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	var sum float64
	for _, x := range xs {
		sum += x.Seconds()
	}
	m := sum / float64(len(xs))
	var ss float64
	for _, x := range xs {
		ss += (x.Seconds() - m) * (x.Seconds() - m)
	}
	cv := 0.0
	if m > 0 {
		cv = math.Sqrt(ss/float64(len(xs))) / m
	}
	return time.Duration(m * float64(time.Second)), cv
}

func (w *walker) sla(n *yaml.Node, path string) SLA {
	if n.Kind == yaml.ScalarNode {
		txt, ok := w.scalar(n, path, "an SLA", "write {target: 20s, goal: 80%} or 80/20s")
		if !ok {
			return SLA{}
		}
		t, err := quantity.ParseTarget(txt)
		if err != nil {
			w.errAt(n, path, "", "%v", err)
			return SLA{}
		}
		return SLA{Target: t.Within, Goal: t.Goal}
	}
	var s SLA
	f, ok := w.mapping(n, path, "an SLA such as {target: 20s, goal: 80%}", "target", "goal")
	if !ok {
		return s
	}
	w.require(f, path, map[string]string{"target": "add e.g. target: 20s (4h for tickets)", "goal": "add e.g. goal: 80%"}, "target", "goal")
	if v := f.vals["target"]; v != nil {
		s.Target, _ = w.positiveDuration(v, sub(path, "target"))
	}
	if v := f.vals["goal"]; v != nil {
		if g, ok := w.fraction(v, sub(path, "goal")); ok {
			if g <= 0 {
				w.errAt(v, sub(path, "goal"), "the goal is the share answered within the target, e.g. 80%", "a goal of 0 is always met")
			}
			s.Goal = g
		}
	}
	return s
}

// checkFile checks that a file named in the scenario exists, relative to
// the scenario's directory.
func (w *walker) checkFile(n *yaml.Node, path, rel string) {
	full := rel
	if !filepath.IsAbs(rel) && w.dir != "" {
		full = filepath.Join(w.dir, rel)
	}
	st, err := os.Stat(full)
	switch {
	case err != nil && errors.Is(err, os.ErrNotExist):
		w.errAt(n, path, "paths are relative to the scenario file", "file %s not found", full)
	case err != nil:
		w.errAt(n, path, "", "%v", err)
	case st.IsDir():
		w.errAt(n, path, "name a CSV file", "%s is a directory", full)
	}
}

// Path resolves a path written in the scenario against its directory.
func (s *Scenario) Path(rel string) string {
	if filepath.IsAbs(rel) || s.Dir == "" {
		return rel
	}
	return filepath.Join(s.Dir, rel)
}
