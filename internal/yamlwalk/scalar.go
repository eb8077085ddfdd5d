package yamlwalk

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/staffsim/staffsim/internal/quantity"
	"go.yaml.in/yaml/v3"
)

// Scalar checks that n is a non-empty scalar and returns its text, spaces
// trimmed; what and hint are for the message when it is not.
func (w *Walker) Scalar(n *yaml.Node, path, what, hint string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
		w.Errorf(n, path, hint, "want %s, got %s", what, KindName(n))
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

// Str is Scalar without a hint.
func (w *Walker) Str(n *yaml.Node, path, what string) (string, bool) {
	return w.Scalar(n, path, what, "")
}

// Integer parses a whole number ≥ min.
func (w *Walker) Integer(n *yaml.Node, path string, min int, hint string) (int, bool) {
	s, ok := w.Scalar(n, path, "a whole number", hint)
	if !ok {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		w.Errorf(n, path, hint, "want a whole number, got %q", s)
		return 0, false
	}
	if v < min {
		w.Errorf(n, path, hint, "%d is below the minimum %d", v, min)
		return 0, false
	}
	return v, true
}

// Number parses a finite number of magnitude at most 1e15.
func (w *Walker) Number(n *yaml.Node, path, hint string) (float64, bool) {
	s, ok := w.Scalar(n, path, "a number", hint)
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != v || v > 1e15 || v < -1e15 {
		w.Errorf(n, path, hint, "want a number, got %q", s)
		return 0, false
	}
	return v, true
}

// Boolean parses true or false; YAML 1.1's yes/no/on/off are refused, as
// they are easy to write by mistake for a name or a day.
func (w *Walker) Boolean(n *yaml.Node, path string) (bool, bool) {
	const hint = "write true or false"
	s, ok := w.Scalar(n, path, "true or false", hint)
	if !ok {
		return false, false
	}
	switch s {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	w.Errorf(n, path, hint, "want true or false, got %q", s)
	return false, false
}

const durationHint = "write a duration such as 20s, 4m, 1h30m or 2d"

// Duration parses a duration ≥ 0 as quantity.ParseDuration reads it.
func (w *Walker) Duration(n *yaml.Node, path string) (time.Duration, bool) {
	s, ok := w.Scalar(n, path, "a duration", durationHint)
	if !ok {
		return 0, false
	}
	if strings.HasPrefix(s, "-") {
		w.Errorf(n, path, "durations are never negative", "%s is negative", s)
		return 0, false
	}
	d, err := quantity.ParseDuration(s)
	if err != nil {
		w.Errorf(n, path, durationHint, "want a duration, got %q", s)
		return 0, false
	}
	return d, true
}

// PositiveDuration parses a duration > 0.
func (w *Walker) PositiveDuration(n *yaml.Node, path string) (time.Duration, bool) {
	d, ok := w.Duration(n, path)
	if ok && d <= 0 {
		w.Errorf(n, path, "it must be longer than zero", "%v is not a positive duration", d)
		return 0, false
	}
	return d, ok
}

// Fraction parses a share written as a percentage or a fraction ("80%",
// "0.8"), as quantity.ParseFraction reads it.
func (w *Walker) Fraction(n *yaml.Node, path string) (float64, bool) {
	s, ok := w.Scalar(n, path, "a percentage", "write e.g. 80% or 0.8")
	if !ok {
		return 0, false
	}
	v, err := quantity.ParseFraction(s)
	if err != nil {
		w.Errorf(n, path, "", "%v", err)
		return 0, false
	}
	return v, true
}

// Clock parses a wall-clock time of day "07:00" or "22:30:00" into the
// time since midnight, in [0, 24h).
func (w *Walker) Clock(n *yaml.Node, path string) (time.Duration, bool) {
	const hint = `write the time of day as "HH:MM", e.g. "07:00" or "22:30"`
	s, ok := w.Scalar(n, path, "a time of day", hint)
	if !ok {
		return 0, false
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		w.Errorf(n, path, hint, "want a time of day, got %q", s)
		return 0, false
	}
	var v [3]int
	limits := [3]int{23, 59, 59}
	for i, p := range parts {
		x, err := strconv.Atoi(p)
		if err != nil || len(p) > 2 || x < 0 || x > limits[i] {
			w.Errorf(n, path, hint, "want a time of day, got %q", s)
			return 0, false
		}
		v[i] = x
	}
	return time.Duration(v[0])*time.Hour + time.Duration(v[1])*time.Minute + time.Duration(v[2])*time.Second, true
}

// Weekday parses a day name, abbreviated or in full, in any case: "mon",
// "Monday", "MON".
func Weekday(s string) (time.Weekday, bool) {
	key := strings.ToLower(strings.TrimSpace(s))
	for d := time.Sunday; d <= time.Saturday; d++ {
		full := strings.ToLower(d.String())
		if key == full || key == full[:3] {
			return d, true
		}
	}
	return 0, false
}

// Weekdays parses a non-empty list of distinct day names (Weekday) and
// returns the days Monday first.
func (w *Walker) Weekdays(n *yaml.Node, path string) ([]time.Weekday, bool) {
	const hint = "list days as [mon, tue, wed, thu, fri, sat, sun], or leave days out for every day"
	items, ok := w.Seq(n, path, "a list of days")
	if !ok {
		return nil, false
	}
	if len(items) == 0 {
		w.Errorf(n, path, hint, "no days")
		return nil, false
	}
	errs := w.Len()
	days := make([]time.Weekday, 0, len(items))
	seen := map[time.Weekday]bool{}
	for i, it := range items {
		name, ok := w.Str(it, Index(path, i), "a day")
		if !ok {
			continue
		}
		d, ok := Weekday(name)
		if !ok {
			w.Errorf(it, Index(path, i), hint, "unknown day %q", name)
			continue
		}
		if seen[d] {
			w.Errorf(it, Index(path, i), "list each day once", "%s repeated", name)
			continue
		}
		seen[d] = true
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool { return (days[i]+6)%7 < (days[j]+6)%7 })
	return days, w.Len() == errs
}
