package scenarios

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/internal/yamlwalk"
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

// Load reads and validates the scenario file at path. Relative paths inside
// it are resolved against the file's directory.
func Load(path string) (*Scenario, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fileError(path, "check the path (it is relative to the current directory)", "file not found")
		}
		return nil, fileError(path, "", "%v", err)
	}
	if st.IsDir() {
		return nil, fileError(path, "name a .yaml scenario file", "is a directory")
	}
	if st.Size() > yamlwalk.MaxSize {
		return nil, fileError(path, "", "file is %d bytes; a scenario is at most %d", st.Size(), yamlwalk.MaxSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fileError(path, "", "%v", err)
	}
	return Parse(path, data, filepath.Dir(path))
}

// Parse parses and validates a scenario. name is the file name used in
// errors (and the scenario's default name); dir is the directory that
// relative paths in it are resolved against ("" for the current directory).
// Anchors, aliases and merge keys (<<: *base) are followed; a second YAML
// document (after ---) is an error.
//
// The error is an Errors listing every problem found, each an *Error.
func Parse(name string, data []byte, dir string) (*Scenario, error) {
	w := &walker{Walker: yamlwalk.New(docName, name), dir: dir, queueNodes: map[string]*yaml.Node{}}
	s := &Scenario{File: name, Dir: dir}
	err := w.Parse(data, "a scenario needs at least start, queues and roster (see testdata/phone-desk.yaml)", func(root *yaml.Node) {
		w.scenario(root, s)
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

var topKeys = []string{"name", "start", "timezone", "days", "interval", "warmup", "replications", "seed", "calendars", "queues", "tickets", "roster", "cost"}

func (w *walker) scenario(n *yaml.Node, s *Scenario) {
	f, ok := w.Mapping(n, "", "a scenario (a mapping of keys such as start, queues and roster)", topKeys...)
	if !ok {
		return
	}
	required := []string{"start", "queues", "roster"}
	if f.Has("tickets") || f.Misspelt("tickets") {
		required = []string{"start", "roster"} // a ticket desk needs no queue
	}
	w.Require(f, "", map[string]string{
		"start":  "add e.g. start: 2026-12-07 (the first simulated day)",
		"queues": "add at least one queue (see testdata/phone-desk.yaml), or tickets: (see testdata/it-desk.yaml)",
		"roster": "add a roster with at least one shift (see testdata/phone-desk.yaml)",
	}, required...)

	s.Name = strings.TrimSuffix(filepath.Base(w.File()), filepath.Ext(w.File()))
	if v := f.Vals["name"]; v != nil {
		s.Name, _ = w.Str(v, "name", "a name")
	}
	s.Location = time.UTC
	if v := f.Vals["timezone"]; v != nil {
		if loc, ok := w.zone(v, "timezone"); ok {
			s.Location = loc
		}
	}
	if v := f.Vals["start"]; v != nil {
		s.Start, _ = w.start(v, s.Location)
	}
	s.Days = DefaultDays
	if v := f.Vals["days"]; v != nil {
		if d, ok := w.Integer(v, "days", 1, "the horizon is a whole number of days, at least 1"); ok {
			if d > 366 {
				w.Errorf(v, "days", "simulate at most a year (366 days)", "%d days is too long", d)
			}
			s.Days = d
		}
	}
	s.Interval = DefaultInterval
	if v := f.Vals["interval"]; v != nil {
		if d, ok := w.PositiveDuration(v, "interval"); ok {
			if forecast.CheckInterval(d) != nil {
				w.Errorf(v, "interval", "use an interval that divides a day, such as 15m, 30m or 60m", "%s does not divide 24h", fmtDuration(d))
			}
			s.Interval = d
		}
	}
	if v := f.Vals["warmup"]; v != nil {
		if d, ok := w.Duration(v, "warmup"); ok {
			s.Warmup = d
			if d%s.Interval != 0 {
				w.Errorf(v, "warmup", "statistics start at an interval boundary", "warm-up %s is not a whole number of %s intervals", fmtDuration(d), fmtDuration(s.Interval))
			}
			if d >= time.Duration(s.Days)*24*time.Hour {
				w.Errorf(v, "warmup", "make the warm-up shorter than the horizon", "warm-up %s leaves nothing of the %d-day horizon to measure", fmtDuration(d), s.Days)
			}
		}
	}
	s.Replications = DefaultReplications
	if v := f.Vals["replications"]; v != nil {
		if r, ok := w.Integer(v, "replications", 1, "run at least 1 replication (20 to 100 give useful confidence intervals)"); ok {
			if r > 100_000 {
				w.Errorf(v, "replications", "100 replications give tight confidence intervals", "%d replications is too many", r)
			}
			s.Replications = r
		}
	}
	s.Seed = DefaultSeed
	if v := f.Vals["seed"]; v != nil {
		if txt, ok := w.Scalar(v, "seed", "a whole number", "the seed is a whole number ≥ 0"); ok {
			seed, err := strconv.ParseUint(txt, 10, 64)
			if err != nil {
				w.Errorf(v, "seed", "the seed is a whole number ≥ 0", "want a whole number, got %q", txt)
			}
			s.Seed = seed
		}
	}
	if v := f.Vals["calendars"]; v != nil {
		w.calendars(v, s)
	}
	if v := f.Vals["queues"]; v != nil {
		w.queues(v, s)
	}
	if v := f.Vals["tickets"]; v != nil {
		w.tickets(v, s)
	}
	w.skillsOK = (!f.Has("queues") || w.queuesOK) && (!f.Has("tickets") || w.tiersOK) && (f.Has("queues") || f.Has("tickets"))
	if v := f.Vals["roster"]; v != nil {
		w.roster(v, s)
	}
	s.Cost.None = true
	if v := f.Vals["cost"]; v != nil {
		if cf, ok := w.Mapping(v, "cost", "a mapping such as {hourly: 32.50, currency: £}", "hourly", "currency"); ok {
			if cv := cf.Vals["currency"]; cv != nil {
				if c, ok := w.Str(cv, "cost.currency", "a currency symbol or code such as £, € or USD"); ok {
					if utf8.RuneCountInString(c) > 8 || strings.TrimSpace(c) == "" || strings.IndexFunc(c, unicode.IsControl) >= 0 {
						w.Errorf(cv, "cost.currency", "a currency symbol or code of at most 8 characters, e.g. £, € or USD", "%q", c)
					} else {
						s.Cost.Currency = c
					}
				}
			}
			if hv := cf.Vals["hourly"]; hv != nil {
				if h, ok := w.Number(hv, "cost.hourly", "the cost of one paid agent hour, e.g. 32.50"); ok {
					if h < 0 {
						w.Errorf(hv, "cost.hourly", "the cost of one paid agent hour is ≥ 0", "%v is negative", h)
					}
					s.Cost.Hourly, s.Cost.None = h, false
				}
			}
		}
	}
	w.crossCheck(s)
}

// zone parses an IANA time zone name; "Local" (the machine's zone) is
// refused, as the same file would mean other times elsewhere.
func (w *walker) zone(n *yaml.Node, path string) (*time.Location, bool) {
	tz, ok := w.Str(n, path, "a time zone")
	if !ok {
		return nil, false
	}
	loc, err := time.LoadLocation(tz)
	switch {
	case strings.EqualFold(strings.TrimSpace(tz), "Local"):
		w.Errorf(n, path, "name the desk's IANA zone, e.g. Europe/London (or UTC)", "%q is the machine's zone, not the desk's", tz)
	case err != nil:
		w.Errorf(n, path, "use an IANA name such as Europe/London, America/New_York or UTC", "unknown time zone %q", tz)
	default:
		return loc, true
	}
	return nil, false
}

var startLayouts = []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// start parses a date (midnight in loc), an RFC 3339 time, or a local
// date-time without offset (in loc).
func (w *walker) start(n *yaml.Node, loc *time.Location) (time.Time, bool) {
	const hint = "write a date such as 2026-12-07 or a time such as 2026-12-07T07:00:00Z"
	s, ok := w.Scalar(n, "start", "a date", hint)
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
	w.Errorf(n, "start", hint, "want a date, got %q", s)
	return time.Time{}, false
}

var queueKeys = []string{"name", "priority", "arrivals", "handle_time", "patience", "wrap_up", "pickup_delay", "sla", "ticket_sla", "initial_backlog", "overflow_after"}

func (w *walker) queues(n *yaml.Node, s *Scenario) {
	items, ok := w.Seq(n, "queues", "a list of queues")
	if !ok {
		return
	}
	w.queuesOK = true
	if len(items) == 0 {
		w.Errorf(n, "queues", "add at least one queue (see testdata/phone-desk.yaml)", "no queues")
	}
	seen := map[string]int{}
	for i, item := range items {
		path := index("queues", i)
		f, ok := w.Mapping(item, path, "a queue (name, arrivals, handle_time, sla …)", queueKeys...)
		if !ok {
			continue
		}
		var q Queue
		if v := f.Vals["name"]; v != nil {
			q.Name, _ = w.Str(v, sub(path, "name"), "a name")
		}
		if q.Name != "" {
			path = named("queues", i, q.Name)
			if line, dup := seen[q.Name]; dup {
				w.Errorf(f.Vals["name"], sub(path, "name"), "give each queue its own name", "queue %q already defined on line %d", q.Name, line)
			}
			seen[q.Name] = f.Vals["name"].Line
			w.queueNodes[q.Name] = f.Vals["name"]
			if q.Name == "total" { // intervals.csv's desk rows
				w.Errorf(f.Vals["name"], sub(path, "name"), "call it something else, e.g. total-calls", "queue name %q is kept for the desk's total", q.Name)
			}
			if strings.ContainsAny(q.Name, ",\n\r\"") {
				w.Errorf(f.Vals["name"], sub(path, "name"), "use letters, digits, spaces, - and _", "queue name %q has a comma, quote or line break", q.Name)
			}
		}
		w.Require(f, path, map[string]string{
			"name":        "name the queue, e.g. name: phone",
			"arrivals":    "add e.g. arrivals: {rate: 720/h}",
			"handle_time": "add e.g. handle_time: {distribution: lognormal, mean: 4m, cv: 0.8}",
			"sla":         "add e.g. sla: {target: 20s, goal: 80%}",
		}, "name", "arrivals", "handle_time", "sla")
		q.Priority = DefaultPriority
		if v := f.Vals["priority"]; v != nil {
			q.Priority, _ = w.Integer(v, sub(path, "priority"), -1000, "a whole number; lower is served first")
		}
		if v := f.Vals["arrivals"]; v != nil {
			q.Arrivals = w.arrivals(v, sub(path, "arrivals"))
		}
		if v := f.Vals["handle_time"]; v != nil {
			q.HandleTime, _ = w.distribution(v, sub(path, "handle_time"))
		}
		if v := f.Vals["patience"]; v != nil {
			if d, ok := w.distribution(v, sub(path, "patience")); ok {
				q.Patience = &d
			}
		}
		if v := f.Vals["wrap_up"]; v != nil {
			if d, ok := w.distribution(v, sub(path, "wrap_up")); ok {
				q.WrapUp = &d
			}
		}
		if v := f.Vals["pickup_delay"]; v != nil {
			if d, ok := w.distribution(v, sub(path, "pickup_delay")); ok {
				q.PickUp = &d
			}
		}
		if v := f.Vals["sla"]; v != nil {
			q.SLA, q.MoreTargets = w.slaTargets(v, sub(path, "sla"), true)
		}
		if f.Has("ticket_sla") {
			w.Errorf(f.Keys["ticket_sla"], sub(path, "ticket_sla"), "move each priority's response and resolution to tickets.priorities (see testdata/it-desk.yaml) and leave ticket_sla out",
				"ticket SLAs are set per priority under tickets:, not per queue")
		}
		if v := f.Vals["overflow_after"]; v != nil {
			q.OverflowAfter, _ = w.PositiveDuration(v, sub(path, "overflow_after"))
		}
		if v := f.Vals["initial_backlog"]; v != nil {
			q.InitialBacklog, _ = w.Integer(v, sub(path, "initial_backlog"), 0, "the number of contacts waiting at the start, ≥ 0")
		}
		s.Queues = append(s.Queues, q)
	}
}

func (w *walker) arrivals(n *yaml.Node, path string) Arrivals {
	a, _, _ := w.arrivalsFields(n, path)
	return a
}

// arrivalsFields walks arrivals that may hold the extra keys besides an
// arrivals' own (tickets.arrivals' other), returning the fields read.
func (w *walker) arrivalsFields(n *yaml.Node, path string, extra ...string) (Arrivals, yamlwalk.Fields, bool) {
	a := Arrivals{Scale: 1, ScaleSet: true}
	f, ok := w.Mapping(n, path, "a mapping with one of rate, forecast or history", append([]string{"rate", "forecast", "history", "scale", "columns", "own_handle_times", "own_patience", "interval_aht"}, extra...)...)
	if !ok {
		return a, f, false
	}
	const hint = "give exactly one of rate (e.g. 720/h), forecast (a forecast.csv) or history (a tickets.csv)"
	count := 0
	for _, k := range []string{"rate", "forecast", "history"} {
		if f.Has(k) {
			count++
		}
	}
	switch {
	case count == 0:
		w.Errorf(n, path, hint, "no source of arrivals")
	case count > 1:
		w.Errorf(n, path, hint, "%d sources of arrivals", count)
	}
	if v := f.Vals["rate"]; v != nil {
		if txt, ok := w.Scalar(v, sub(path, "rate"), "a rate", "write COUNT/UNIT, e.g. 720/h or 12/m"); ok {
			r, err := quantity.ParseRate(txt)
			if err != nil {
				w.Errorf(v, sub(path, "rate"), "", "%v", err)
			}
			a.Rate = r
		}
	}
	if v := f.Vals["forecast"]; v != nil {
		if a.Forecast, ok = w.Str(v, sub(path, "forecast"), "a file name"); ok {
			w.checkFile(v, sub(path, "forecast"), a.Forecast)
		}
	}
	if v := f.Vals["history"]; v != nil {
		if a.History, ok = w.Str(v, sub(path, "history"), "a file name"); ok {
			w.checkFile(v, sub(path, "history"), a.History)
		}
	}
	if v := f.Vals["columns"]; v != nil {
		a.Columns = w.columns(v, sub(path, "columns"), f.Has("history"))
	}
	if v := f.Vals["own_handle_times"]; v != nil {
		if b, ok := w.Boolean(v, sub(path, "own_handle_times")); ok {
			if b && !f.Has("history") {
				w.Errorf(v, sub(path, "own_handle_times"), "own_handle_times replays a history's handle_seconds: give history: FILE", "no history to replay")
			}
			a.OwnHandleTimes = b
		}
	}
	if v := f.Vals["own_patience"]; v != nil {
		if b, ok := w.Boolean(v, sub(path, "own_patience")); ok {
			if b && !f.Has("history") {
				w.Errorf(v, sub(path, "own_patience"), "own_patience replays a history's patience_seconds (observed times to abandon): give history: FILE", "no history to replay")
			}
			a.OwnPatience = b
		}
	}
	if v := f.Vals["interval_aht"]; v != nil {
		if b, ok := w.Boolean(v, sub(path, "interval_aht")); ok {
			if !f.Has("forecast") {
				w.Errorf(v, sub(path, "interval_aht"), "interval_aht says whether a forecast's aht_seconds sets each interval's handle time: give forecast: FILE", "no forecast")
			}
			a.FlatAHT = !b
		}
	}
	if v := f.Vals["scale"]; v != nil {
		if x, ok := w.Number(v, sub(path, "scale"), "a volume multiplier such as 1.1 for +10 %"); ok {
			if x < 0 || x > 1000 {
				w.Errorf(v, sub(path, "scale"), "a volume multiplier such as 1.1 for +10 %", "%v is outside 0 to 1000", x)
			}
			a.Scale = x
		}
	}
	return a, f, true
}

// columns walks a history's column mapping: canonical field → the file's
// header name, as history.ParseColumn takes FIELD=HEADER.
func (w *walker) columns(n *yaml.Node, path string, withHistory bool) map[string]string {
	const hint = "map fields to the history's header names, e.g. columns: {created_at: Opened}"
	f, ok := w.Mapping(n, path, "a mapping of fields to header names such as {created_at: Opened}", history.Fields()...)
	if !ok {
		return nil
	}
	if !withHistory {
		w.Errorf(n, path, "columns go with history: (a tickets.csv); leave them out here", "no history to map")
	}
	if len(n.Content) == 0 {
		w.Errorf(n, path, hint, "no columns")
	}
	out := map[string]string{}
	for _, field := range history.Fields() {
		v := f.Vals[field]
		if v == nil {
			continue
		}
		header, ok := w.Scalar(v, sub(path, field), "a header name", hint)
		if !ok {
			continue
		}
		if err := history.ParseColumn(out, field+"="+header); err != nil {
			w.Errorf(v, sub(path, field), hint, "%v", err)
		}
	}
	return out
}

func (w *walker) distribution(n *yaml.Node, path string) (Distribution, bool) {
	d := Distribution{Kind: Exponential, CV: 1}
	f, ok := w.Mapping(n, path, "a distribution such as {distribution: lognormal, mean: 4m, cv: 0.8}", "distribution", "mean", "cv", "values")
	if !ok {
		return d, false
	}
	if v := f.Vals["distribution"]; v != nil {
		name, ok := w.Str(v, sub(path, "distribution"), "a distribution name")
		if ok {
			k := -1
			for i, kn := range kindNames {
				if strings.EqualFold(name, kn) {
					k = i
				}
			}
			if k < 0 {
				hint := "use one of " + strings.Join(kindNames, ", ")
				if s := yamlwalk.Suggest(strings.ToLower(name), kindNames); s != "" {
					hint = fmt.Sprintf("did you mean %q? (%s)", s, hint)
				}
				w.Errorf(v, sub(path, "distribution"), hint, "unknown distribution %q", name)
				return d, false
			}
			d.Kind = Kind(k)
		}
	}
	errs := w.Len()
	if d.Kind == Empirical {
		for _, k := range []string{"mean", "cv"} {
			if f.Has(k) {
				w.Errorf(f.Keys[k], sub(path, k), "an empirical distribution takes only values", "%s is computed from the values", k)
			}
		}
		v := f.Vals["values"]
		if v == nil {
			w.Errorf(n, sub(path, "values"), "list the observed durations, e.g. values: [2m, 3m30s, 5m]", "missing")
			return d, false
		}
		items, ok := w.Seq(v, sub(path, "values"), "a list of durations")
		if !ok {
			return d, false
		}
		if len(items) == 0 {
			w.Errorf(v, sub(path, "values"), "list the observed durations, e.g. values: [2m, 3m30s, 5m]", "no values")
		}
		for i, it := range items {
			if x, ok := w.PositiveDuration(it, index(sub(path, "values"), i)); ok {
				d.Values = append(d.Values, x)
			}
		}
		if w.Len() > errs {
			return d, false
		}
		d.Mean, d.CV = meanCV(d.Values)
		return d, true
	}
	if f.Has("values") {
		w.Errorf(f.Keys["values"], sub(path, "values"), "values go with distribution: empirical", "not used by a %v distribution", d.Kind)
	}
	if v := f.Vals["mean"]; v != nil {
		d.Mean, _ = w.PositiveDuration(v, sub(path, "mean"))
	} else {
		w.Errorf(n, sub(path, "mean"), "add e.g. mean: 4m", "missing")
	}
	switch d.Kind {
	case Exponential, Fixed:
		want := 1.0
		if d.Kind == Fixed {
			want = 0
		}
		d.CV = want
		if v := f.Vals["cv"]; v != nil {
			if cv, ok := w.Number(v, sub(path, "cv"), ""); ok && cv != want {
				w.Errorf(v, sub(path, "cv"), "use lognormal or gamma for another cv, or leave cv out", "an %v distribution has cv %v, not %v", d.Kind, want, cv)
			}
		}
	default:
		if v := f.Vals["cv"]; v != nil {
			if cv, ok := w.Number(v, sub(path, "cv"), "the coefficient of variation, standard deviation / mean, e.g. 0.8"); ok {
				if cv <= 0 || cv > 20 {
					w.Errorf(v, sub(path, "cv"), "the coefficient of variation (sd / mean) is above 0 and at most 20", "%v is out of range", cv)
				}
				d.CV = cv
			}
		}
	}
	return d, w.Len() == errs
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
	s, _ := w.slaTargets(n, path, false)
	return s
}

// slaTargets walks an SLA; with many, a mapping may give several targets
// (targets: [20s, 60s]): the first is the SLA's, the others are returned.
func (w *walker) slaTargets(n *yaml.Node, path string, many bool) (SLA, []time.Duration) {
	var more []time.Duration
	if n.Kind == yaml.ScalarNode {
		txt, ok := w.Scalar(n, path, "an SLA", "write {target: 20s, goal: 80%} or 80/20s")
		if !ok {
			return SLA{}, nil
		}
		t, err := quantity.ParseTarget(txt)
		if err != nil {
			w.Errorf(n, path, "", "%v", err)
			return SLA{}, nil
		}
		return SLA{Target: t.Within, Goal: t.Goal}, nil
	}
	var s SLA
	keys := []string{"target", "goal"}
	if many {
		keys = append(keys, "targets")
	}
	f, ok := w.Mapping(n, path, "an SLA such as {target: 20s, goal: 80%}", keys...)
	if !ok {
		return s, nil
	}
	if v := f.Vals["targets"]; v != nil {
		// Several targets: the first is judged against the goal, the
		// others are measured beside it.
		if f.Has("target") {
			w.Errorf(v, sub(path, "targets"), "write target: 20s for one target or targets: [20s, 60s] for several, not both", "both target and targets")
		}
		if items, ok := w.Seq(v, sub(path, "targets"), "a list of durations such as [20s, 60s]"); ok {
			if len(items) == 0 {
				w.Errorf(v, sub(path, "targets"), "list at least one target, e.g. targets: [20s, 60s]", "no targets")
			}
			for i, it := range items {
				if d, ok := w.PositiveDuration(it, index(sub(path, "targets"), i)); ok {
					if i == 0 {
						s.Target = d
					} else {
						more = append(more, d)
					}
				}
			}
		}
		w.Require(f, path, map[string]string{"goal": "add e.g. goal: 80%"}, "goal")
	} else {
		w.Require(f, path, map[string]string{"target": "add e.g. target: 20s (4h for tickets), or targets: [20s, 60s]", "goal": "add e.g. goal: 80%"}, "target", "goal")
	}
	if v := f.Vals["target"]; v != nil {
		s.Target, _ = w.PositiveDuration(v, sub(path, "target"))
	}
	if v := f.Vals["goal"]; v != nil {
		s.Goal = w.goal(v, sub(path, "goal"))
	}
	return s, more
}

// goal walks an SLA's goal: a share above 0.
func (w *walker) goal(v *yaml.Node, path string) float64 {
	g, ok := w.Fraction(v, path)
	if ok && g <= 0 {
		w.Errorf(v, path, "the goal is the share answered within the target, e.g. 80%", "a goal of 0 is always met")
	}
	return g
}

// checkFile checks that a file named in the scenario exists, relative to
// the scenario's directory.
func (w *walker) checkFile(n *yaml.Node, path, rel string) {
	full := w.resolve(rel)
	st, err := os.Stat(full)
	switch {
	case err != nil && errors.Is(err, os.ErrNotExist):
		w.Errorf(n, path, "paths are relative to the scenario file", "file %s not found", full)
	case err != nil:
		w.Errorf(n, path, "", "%v", err)
	case st.IsDir():
		w.Errorf(n, path, "name a CSV file", "%s is a directory", full)
	}
}

// resolve resolves a path written in the scenario against its directory.
func (w *walker) resolve(rel string) string {
	if filepath.IsAbs(rel) || w.dir == "" {
		return rel
	}
	return filepath.Join(w.dir, rel)
}

// Path resolves a path written in the scenario against its directory.
func (s *Scenario) Path(rel string) string {
	if filepath.IsAbs(rel) || s.Dir == "" {
		return rel
	}
	return filepath.Join(s.Dir, rel)
}
