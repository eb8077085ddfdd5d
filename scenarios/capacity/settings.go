package capacity

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/internal/yamlwalk"
)

// Settings are a capacity plan's assumptions as a planner writes them: in
// a file (ReadSettings) or as flags, the flags given replacing the file's
// values (Override). A nil field was not given.
type Settings struct {
	Months          *int
	Target          *float64
	Headcount       *int
	Attrition       *float64 // a month
	LeadTime        *time.Duration
	Training        *time.Duration
	Ramp            []float64
	MinClass        *int
	MaxClass        *int
	PartTimeShare   *float64
	PartTimeHours   *float64
	Overtime        *float64
	OvertimePremium *float64
	CostPerHire     *float64
	Growth          *float64 // a year
	AHTGrowth       *float64 // a year
	Events          []Event
	Shrinkage       map[time.Month]float64
	Classes         []Class
}

// Override replaces s's values by those given in o.
func (s *Settings) Override(o Settings) {
	override(&s.Months, o.Months)
	override(&s.Target, o.Target)
	override(&s.Headcount, o.Headcount)
	override(&s.Attrition, o.Attrition)
	override(&s.LeadTime, o.LeadTime)
	override(&s.Training, o.Training)
	override(&s.MinClass, o.MinClass)
	override(&s.MaxClass, o.MaxClass)
	override(&s.PartTimeShare, o.PartTimeShare)
	override(&s.PartTimeHours, o.PartTimeHours)
	override(&s.Overtime, o.Overtime)
	override(&s.OvertimePremium, o.OvertimePremium)
	override(&s.CostPerHire, o.CostPerHire)
	override(&s.Growth, o.Growth)
	override(&s.AHTGrowth, o.AHTGrowth)
	if o.Ramp != nil {
		s.Ramp = o.Ramp
	}
	if o.Events != nil {
		s.Events = o.Events
	}
	if o.Shrinkage != nil {
		s.Shrinkage = o.Shrinkage
	}
	if o.Classes != nil {
		s.Classes = o.Classes
	}
}

// Apply writes the settings given into opt.
func (s Settings) Apply(opt *Options) {
	given(&opt.Months, s.Months)
	given(&opt.Target, s.Target)
	sp := &opt.Supply
	given(&sp.Headcount, s.Headcount)
	given(&sp.Attrition, s.Attrition)
	given(&sp.LeadTime, s.LeadTime)
	given(&sp.Training, s.Training)
	given(&sp.MinClass, s.MinClass)
	given(&sp.MaxClass, s.MaxClass)
	given(&sp.PartTimeShare, s.PartTimeShare)
	given(&sp.PartTimeHours, s.PartTimeHours)
	given(&sp.Overtime, s.Overtime)
	given(&sp.OvertimePremium, s.OvertimePremium)
	given(&sp.CostPerHire, s.CostPerHire)
	if s.Ramp != nil {
		sp.Ramp = s.Ramp
	}
	if s.Growth != nil {
		opt.Growth = s.Growth
	}
	if s.AHTGrowth != nil {
		opt.AHTGrowth = s.AHTGrowth
	}
	if s.Events != nil {
		opt.Events = s.Events
	}
	if s.Shrinkage != nil {
		opt.Shrinkage = s.Shrinkage
	}
	if s.Classes != nil {
		opt.Given = s.Classes
	}
}

// docName is what the errors of a capacity file call it.
const docName = "capacity settings"

// settingsKeys are the keys of a capacity file.
var settingsKeys = []string{"months", "target", "headcount", "attrition", "lead_time", "training", "ramp", "class_size",
	"part_time", "overtime", "cost_per_hire", "growth", "aht_growth", "events", "shrinkage", "classes"}

// ReadSettings reads a capacity file (see testdata/capacity/capacity.yaml).
func ReadSettings(path string) (Settings, error) {
	w := yamlwalk.New(docName, path)
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return Settings{}, w.FileError("check the path (it is relative to the current directory)", "file not found")
	case err != nil:
		return Settings{}, w.FileError("", "%v", err)
	case st.IsDir():
		return Settings{}, w.FileError("name a .yaml file of capacity settings", "is a directory")
	case st.Size() > yamlwalk.MaxSize:
		return Settings{}, w.FileError("", "file is %d bytes; capacity settings are at most %d", st.Size(), yamlwalk.MaxSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Settings{}, w.FileError("", "%v", err)
	}
	return ParseSettings(path, data)
}

// ParseSettings parses a capacity file; name is used in errors, which
// list every problem with its line, column, key and what to write instead
// (yamlwalk.Errors). Unknown keys are errors.
func ParseSettings(name string, data []byte) (Settings, error) {
	w := yamlwalk.New(docName, name)
	var s Settings
	err := w.Parse(data, "give at least headcount: and attrition: (see testdata/capacity/capacity.yaml)", func(root *yaml.Node) {
		settingsFile(w, root, &s)
	})
	if err != nil {
		return Settings{}, err
	}
	return s, nil
}

// settingsFile walks the file's root mapping.
func settingsFile(w *yamlwalk.Walker, root *yaml.Node, s *Settings) {
	f, ok := w.Mapping(root, "", "a mapping of settings such as headcount: 120", settingsKeys...)
	if !ok {
		return
	}
	integer := func(key string, min int, hint string) *int {
		if n := f.Vals[key]; n != nil {
			if v, ok := w.Integer(n, key, min, hint); ok {
				return &v
			}
		}
		return nil
	}
	// text parses a scalar with one of this package's parsers.
	text := func(n *yaml.Node, path, what, hint string, parse func(string) error) {
		if v, ok := w.Scalar(n, path, what, hint); ok {
			if err := parse(v); err != nil {
				w.Errorf(n, path, "", "%v", err) // the parsers say what to write
			}
		}
	}
	share := func(n *yaml.Node, path, hint string, lo, hi float64) *float64 {
		if n == nil {
			return nil
		}
		v, ok := w.Fraction(n, path)
		if !ok {
			return nil
		}
		if v < lo || v > hi {
			w.Errorf(n, path, hint, "%s is outside %s to %s", quantity.Fraction(v), quantity.Fraction(lo), quantity.Fraction(hi))
			return nil
		}
		return &v
	}
	number := func(n *yaml.Node, path, hint string) *float64 {
		if n == nil {
			return nil
		}
		v, ok := w.Number(n, path, hint)
		if !ok {
			return nil
		}
		if v < 0 {
			w.Errorf(n, path, hint, "%v is negative", v)
			return nil
		}
		return &v
	}
	s.Months = integer("months", 1, fmt.Sprintf("the horizon in months, 1 to %d", MaxMonths))
	if s.Months != nil && *s.Months > MaxMonths {
		w.Errorf(f.Vals["months"], "months", "plan at most three years ahead", "%d is above %d", *s.Months, MaxMonths)
	}
	s.Target = share(f.Vals["target"], "target", "the probability of enough staff each month must reach, e.g. 90%", 0.01, 1)
	s.Headcount = integer("headcount", 0, "the people on staff today, e.g. 120")
	if n := f.Vals["attrition"]; n != nil {
		text(n, "attrition", "a rate", "write e.g. 2% (a month), 2%/month or 20%/year", func(v string) error {
			r, err := ParseRate(v, "month")
			if err == nil && r >= 1 {
				err = fmt.Errorf("%s: everyone would leave every month", v)
			}
			s.Attrition = &r
			return err
		})
	}
	for _, k := range []struct {
		key string
		dst **time.Duration
	}{{"lead_time", &s.LeadTime}, {"training", &s.Training}} {
		if n := f.Vals[k.key]; n != nil {
			text(n, k.key, "a duration", "write e.g. 6w, 42d or 4w", func(v string) error {
				d, err := ParseSpan(v)
				*k.dst = &d
				return err
			})
		}
	}
	if n := f.Vals["ramp"]; n != nil {
		if items, ok := w.Seq(n, "ramp", "a list of productivities such as [60%, 80%]"); ok {
			s.Ramp = []float64{}
			for i, it := range items {
				if v := share(it, yamlwalk.Index("ramp", i), "a new hire's productivity in that month after training, 0% to 100%", 0, 1); v != nil {
					s.Ramp = append(s.Ramp, *v)
				}
			}
		}
	}
	if n := f.Vals["class_size"]; n != nil {
		if cf, ok := w.Mapping(n, "class_size", "a mapping such as {min: 4, max: 12}", "min", "max"); ok {
			if v := cf.Vals["min"]; v != nil {
				if x, ok := w.Integer(v, "class_size.min", 1, "the fewest people a class runs with, ≥ 1"); ok {
					s.MinClass = &x
				}
			}
			if v := cf.Vals["max"]; v != nil {
				if x, ok := w.Integer(v, "class_size.max", 1, "the most people a class takes, ≥ 1"); ok {
					s.MaxClass = &x
				}
			}
			if s.MinClass != nil && s.MaxClass != nil && *s.MinClass > *s.MaxClass {
				w.Errorf(cf.Vals["max"], "class_size.max", "raise max or lower min", "max %d is below min %d", *s.MaxClass, *s.MinClass)
			}
		}
	}
	if n := f.Vals["part_time"]; n != nil {
		if pf, ok := w.Mapping(n, "part_time", "a mapping such as {share: 20%, hours: 20}", "share", "hours"); ok {
			s.PartTimeShare = share(pf.Vals["share"], "part_time.share", "the share of people on part-time contracts, 0% to 100%", 0, 1)
			s.PartTimeHours = number(pf.Vals["hours"], "part_time.hours", "their contracted hours a week, e.g. 20")
			if s.PartTimeHours != nil && *s.PartTimeHours > 168 {
				w.Errorf(pf.Vals["hours"], "part_time.hours", "a week has 168 hours", "%v hours a week", *s.PartTimeHours)
			}
			if !w.Require(pf, "part_time", map[string]string{"share": "e.g. share: 20%", "hours": "e.g. hours: 20"}, "share", "hours") {
				s.PartTimeShare, s.PartTimeHours = nil, nil
			}
		}
	}
	if n := f.Vals["overtime"]; n != nil {
		if of, ok := w.Mapping(n, "overtime", "a mapping such as {max: 10%, premium: 1.5}", "max", "premium"); ok {
			s.Overtime = share(of.Vals["max"], "overtime.max", "the most overtime as a share of contracted hours, 0% to 100%", 0, 1)
			s.OvertimePremium = number(of.Vals["premium"], "overtime.premium", "overtime pay as a multiple of the hourly cost, e.g. 1.5")
		}
	}
	s.CostPerHire = number(f.Vals["cost_per_hire"], "cost_per_hire", "the one-off cost of a hire, e.g. 3000")
	for _, k := range []struct {
		key string
		dst **float64
	}{{"growth", &s.Growth}, {"aht_growth", &s.AHTGrowth}} {
		if n := f.Vals[k.key]; n != nil {
			text(n, k.key, "a rate", "write e.g. 10% (a year), 10%/year or 1%/month", func(v string) error {
				r, err := ParseRate(v, "year")
				*k.dst = &r
				return err
			})
		}
	}
	if n := f.Vals["events"]; n != nil {
		if items, ok := w.Seq(n, "events", "a list of events such as {name: launch, from: 2027-03-01, to: 2027-04-30, volume: +25%}"); ok {
			s.Events = []Event{}
			for i, it := range items {
				if e, ok := settingsEvent(w, it, i); ok {
					s.Events = append(s.Events, e)
				}
			}
		}
	}
	if n := f.Vals["shrinkage"]; n != nil {
		months := make([]string, 12)
		for m := range 12 {
			months[m] = strings.ToLower(time.Month(m + 1).String()[:3])
		}
		if sf, ok := w.Mapping(n, "shrinkage", "a mapping of months to shrinkage such as {jul: 35%, aug: 38%}", months...); ok {
			s.Shrinkage = map[time.Month]float64{}
			for m, k := range months {
				if v := share(sf.Vals[k], yamlwalk.Sub("shrinkage", k), "the month's shrinkage, from 0% to 99%", 0, 0.99); v != nil {
					s.Shrinkage[time.Month(m+1)] = *v
				}
			}
		}
	}
	if n := f.Vals["classes"]; n != nil {
		if items, ok := w.Seq(n, "classes", "a list of classes such as {start: 2027-03-01, size: 8}"); ok {
			s.Classes = []Class{}
			for i, it := range items {
				p := yamlwalk.Index("classes", i)
				cf, ok := w.Mapping(it, p, "a class such as {start: 2027-03-01, size: 8}", "start", "size")
				if !ok || !w.Require(cf, p, map[string]string{"start": "e.g. start: 2027-03-01", "size": "e.g. size: 8"}, "start", "size") {
					continue
				}
				var c Class
				text(cf.Vals["start"], yamlwalk.Sub(p, "start"), "a date", "write the first day of training as 2027-03-01", func(v string) error {
					var err error
					c.Start, err = parseDate(v)
					return err
				})
				size, ok := w.Integer(cf.Vals["size"], yamlwalk.Sub(p, "size"), 1, "the people in the class, ≥ 1")
				if ok && !c.Start.IsZero() {
					c.Size = size
					s.Classes = append(s.Classes, c)
				}
			}
		}
	}
}

// settingsEvent parses one event of the file.
func settingsEvent(w *yamlwalk.Walker, n *yaml.Node, i int) (Event, bool) {
	p := yamlwalk.Index("events", i)
	f, ok := w.Mapping(n, p, "an event such as {name: launch, from: 2027-03-01, to: 2027-04-30, volume: +25%}", "name", "from", "to", "volume")
	if !ok || !w.Require(f, p, map[string]string{"from": "e.g. from: 2027-03-01", "volume": "e.g. volume: +25% (or -10%)"}, "from", "volume") {
		return Event{}, false
	}
	e := Event{Name: fmt.Sprintf("event %d", i+1)}
	if n := f.Vals["name"]; n != nil {
		if v, ok := w.Str(n, yamlwalk.Sub(p, "name"), "a name"); ok {
			e.Name = v
			p = yamlwalk.Named("events", i, v)
		}
	}
	before := w.Len()
	// date returns the first and last day of a date or a month.
	date := func(key string) (time.Time, time.Time) {
		v, ok := w.Scalar(f.Vals[key], yamlwalk.Sub(p, key), "a date", "write a date as 2027-03-01 or a month as 2027-03")
		if !ok {
			return time.Time{}, time.Time{}
		}
		first, last, err := parseDay(v)
		if err != nil {
			w.Errorf(f.Vals[key], yamlwalk.Sub(p, key), "", "%v", err)
		}
		return first, last
	}
	e.From, e.To = date("from") // a month alone covers the month
	if f.Has("to") {
		_, e.To = date("to")
	}
	if v, ok := w.Scalar(f.Vals["volume"], yamlwalk.Sub(p, "volume"), "a change of volume", "write e.g. +25% or -10%"); ok {
		x, err := ParseChange(v)
		if err != nil {
			w.Errorf(f.Vals["volume"], yamlwalk.Sub(p, "volume"), "", "%v", err)
		}
		e.Factor = 1 + x
	}
	if w.Len() > before {
		return Event{}, false
	}
	if e.To.Before(e.From) {
		w.Errorf(f.Vals["to"], yamlwalk.Sub(p, "to"), "give an end on or after the start", "%s is before %s", e.To.Format(time.DateOnly), e.From.Format(time.DateOnly))
		return Event{}, false
	}
	return e, true
}

// ParseSpan parses a duration as quantity.ParseDuration does, or a whole
// number of weeks: "6w" is 42 days.
func ParseSpan(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if w, ok := strings.CutSuffix(s, "w"); ok {
		n, err := strconv.Atoi(w)
		if err != nil || n < 0 || n > 520 {
			return 0, fmt.Errorf("invalid duration %q: write whole weeks from 0w to 520w, e.g. 6w, or days such as 42d", s)
		}
		return time.Duration(n) * 7 * 24 * time.Hour, nil
	}
	d, err := quantity.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("%v (or whole weeks, e.g. 6w)", err)
	}
	return d, nil
}

// ParseRate parses a rate per month or per year — "2%", "2%/month",
// "20%/year", "0.02/month" — and returns it per unit ("month" or "year"),
// compounding: a monthly m is a yearly (1+m)^12 − 1 and a yearly
// probability y of leaving is a monthly 1 − (1−y)^(1/12) when unit is
// "month" (attrition), a yearly growth g a monthly (1+g)^(1/12) − 1.
// Without a unit the rate is per unit.
func ParseRate(s, unit string) (float64, error) {
	v, per, _ := strings.Cut(strings.TrimSpace(s), "/")
	per = strings.TrimSpace(per)
	x, err := parseSigned(v)
	if err != nil {
		return 0, fmt.Errorf("invalid rate %q: %v", s, err)
	}
	switch {
	case per == "" || per == unit:
		return x, nil
	case per == "month" && unit == "year":
		return math.Pow(1+x, 12) - 1, nil
	case per == "year" && unit == "month":
		if x >= 1 || x < 0 {
			return 0, fmt.Errorf("invalid rate %q: a yearly attrition is from 0%% to below 100%%", s)
		}
		return 1 - math.Pow(1-x, 1.0/12), nil
	}
	return 0, fmt.Errorf("invalid rate %q: write e.g. 2%%, 2%%/month or 20%%/year", s)
}

// ParseChange parses a signed change such as "+25%" or "-10%" (a bare
// number is a fraction: 0.25).
func ParseChange(s string) (float64, error) {
	x, err := parseSigned(s)
	if err != nil {
		return 0, fmt.Errorf("invalid change %q: %v", s, err)
	}
	if x < -1 {
		return 0, fmt.Errorf("invalid change %q: volume cannot fall by more than 100%%", s)
	}
	return x, nil
}

// parseSigned parses a fraction or percentage with an optional sign.
func parseSigned(s string) (float64, error) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "+"), "-")
	x, err := quantity.ParseFraction(s)
	if err != nil {
		// ParseFraction keeps shares within 0–100 %; growth may exceed it.
		t := strings.TrimSuffix(s, "%")
		v, err2 := strconv.ParseFloat(t, 64)
		if err2 != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > 10000 {
			return 0, fmt.Errorf("write a percentage such as 10%% or a fraction such as 0.1")
		}
		x = v
		if strings.HasSuffix(s, "%") {
			x = v / 100
		}
	}
	if neg {
		x = -x
	}
	return x, nil
}

// ParseRamp parses a learning curve: productivities by month after
// training, "60%,80%".
func ParseRamp(s string) ([]float64, error) {
	out := []float64{}
	if strings.TrimSpace(s) == "" || strings.TrimSpace(s) == "none" {
		return out, nil
	}
	for i, p := range strings.Split(s, ",") {
		v, err := quantity.ParseFraction(strings.TrimSpace(p))
		if err != nil || v < 0 || v > 1 {
			return nil, fmt.Errorf("ramp %q: month %d: %q must be a productivity from 0%% to 100%%, e.g. 60%%,80%%", s, i+1, p)
		}
		out = append(out, v)
	}
	return out, nil
}

// ParseClasses parses a hiring plan: "2027-03-01:8,2027-06-07:8" (start
// of training and size of each class).
func ParseClasses(s string) ([]Class, error) {
	out := []Class{}
	if strings.TrimSpace(s) == "" || strings.TrimSpace(s) == "none" {
		return out, nil
	}
	for _, p := range strings.Split(s, ",") {
		d, n, ok := strings.Cut(strings.TrimSpace(p), ":")
		if !ok {
			return nil, fmt.Errorf("class %q: write START:SIZE, e.g. 2027-03-01:8", p)
		}
		start, err := parseDate(d)
		if err != nil {
			return nil, fmt.Errorf("class %q: %v", p, err)
		}
		size, err := strconv.Atoi(strings.TrimSpace(n))
		if err != nil || size < 1 {
			return nil, fmt.Errorf("class %q: size %q must be a whole number ≥ 1", p, n)
		}
		out = append(out, Class{Start: start, Size: size})
	}
	return out, nil
}

// ParseEvent parses an event flag: "[NAME:]FROM[..TO]=CHANGE", dates or
// months: "launch:2027-03..2027-04=+25%", "2026-12-24..2026-12-26=-60%".
func ParseEvent(s string) (Event, error) {
	spec, change, ok := strings.Cut(s, "=")
	if !ok {
		return Event{}, fmt.Errorf("event %q: write [NAME:]FROM[..TO]=CHANGE, e.g. launch:2027-03-01..2027-04-30=+25%%", s)
	}
	e := Event{Name: "event"}
	if i := strings.LastIndex(spec, ":"); i >= 0 {
		e.Name, spec = strings.TrimSpace(spec[:i]), spec[i+1:]
	}
	from, to, ok := strings.Cut(spec, "..")
	var err error
	var end time.Time
	if e.From, end, err = parseDay(from); err != nil {
		return Event{}, fmt.Errorf("event %q: %v", s, err)
	}
	e.To = end
	if ok {
		if _, e.To, err = parseDay(to); err != nil {
			return Event{}, fmt.Errorf("event %q: %v", s, err)
		}
	}
	if e.To.Before(e.From) {
		return Event{}, fmt.Errorf("event %q: ends before it starts", s)
	}
	x, err := ParseChange(change)
	if err != nil {
		return Event{}, fmt.Errorf("event %q: %v", s, err)
	}
	e.Factor = 1 + x
	return e, nil
}

// ParseMonthShares parses shrinkage by month: "jul=35%,aug=38%".
func ParseMonthShares(s string) (map[time.Month]float64, error) {
	out := map[time.Month]float64{}
	for _, p := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		m, okm := monthOf(k)
		if !ok || !okm {
			return nil, fmt.Errorf("%q: write MONTH=PCT, e.g. jul=35%%,aug=38%%", p)
		}
		x, err := quantity.ParseFraction(strings.TrimSpace(v))
		if err != nil || x >= 1 {
			return nil, fmt.Errorf("%q: %q must be a shrinkage from 0%% to 99%%", p, v)
		}
		out[m] = x
	}
	return out, nil
}

// monthOf reads a month's name or its first three letters.
func monthOf(s string) (time.Month, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if len(s) >= 3 && strings.HasPrefix(name, s) {
			return m, true
		}
	}
	return 0, false
}

// parseDate parses a calendar date 2006-01-02 (a day in UTC; Run moves it
// to the desk's time zone).
func parseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid date %q: write e.g. 2027-03-01", s)
	}
	return t, nil
}

// parseDay parses a date (a day) or a month 2006-01 (its first and last
// days).
func parseDay(s string) (first, last time.Time, err error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01", s); err == nil {
		return t, t.AddDate(0, 1, -1), nil
	}
	t, err := parseDate(s)
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("invalid date %q: write a date as 2027-03-01 or a month as 2027-03", s)
	}
	return t, t, nil
}

// localDay returns the local midnight in loc of t's calendar date.
func localDay(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// override sets *dst to src when src is given (not nil).
func override[T any](dst **T, src *T) {
	if src != nil {
		*dst = src
	}
}

// given sets *dst to *v when v is given (not nil).
func given[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}
