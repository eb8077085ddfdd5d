package quantity

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Duration is a time.Duration that also accepts whole days ("28d", "1d12h").
type Duration time.Duration

// ParseDuration parses Go duration syntax extended with a leading day count:
// "28d", "1d12h", "90m". Negative durations are refused.
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("empty duration: write e.g. 20s, 4m, 1h30m or 28d")
	}
	in := s
	if v, err := strconv.ParseFloat(s, 64); err == nil && v > 0 && !math.IsInf(v, 0) {
		// "240" is almost always a forgotten unit.
		return 0, fmt.Errorf("invalid duration %q: add a unit, e.g. %ss or %sm", in, s, s)
	}
	var days time.Duration
	if i := strings.IndexByte(s, 'd'); i >= 0 {
		n, err := strconv.ParseUint(s[:i], 10, 32)
		if err != nil {
			return 0, fmt.Errorf("invalid duration %q: write e.g. 20s, 4m, 1h30m or 28d", in)
		}
		if n > uint64(maxDays) {
			return 0, fmt.Errorf("invalid duration %q: at most %dd", in, maxDays)
		}
		days = time.Duration(n) * 24 * time.Hour
		s = s[i+1:]
		if s == "" {
			return days, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("invalid duration %q: write e.g. 20s, 4m, 1h30m or 28d", in)
	}
	if d < 0 {
		return 0, fmt.Errorf("invalid duration %q: must not be negative", in)
	}
	if d > math.MaxInt64-days {
		return 0, fmt.Errorf("invalid duration %q: at most %dd", in, maxDays)
	}
	return days + d, nil
}

// maxDays is the longest whole number of days a time.Duration holds
// (about 292 years).
const maxDays = math.MaxInt64 / int64(24*time.Hour)

// String writes d as FormatDuration does ("30m", "28d"), except that the
// zero Duration is "0": flag help leaves a zero default out ("unset")
// instead of printing "(default 0s)".
func (d Duration) String() string {
	if d == 0 {
		return "0"
	}
	return FormatDuration(time.Duration(d))
}
func (d *Duration) Type() string { return "duration" }
func (d *Duration) Set(s string) error {
	v, err := ParseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}
func (d *Duration) UnmarshalText(b []byte) error { return d.Set(string(b)) }
func (d Duration) MarshalText() ([]byte, error)  { return []byte(d.String()), nil }

// Fraction is a share between 0 and 1, written "80%" or "0.8".
type Fraction float64

// ParseFraction parses "80%", "12.5%" or a plain fraction "0.8". A plain
// number above 1 is refused with a hint, since "80" is almost always a
// forgotten percent sign.
func ParseFraction(s string) (float64, error) {
	s = strings.TrimSpace(s)
	pct := strings.HasSuffix(s, "%")
	num := strings.TrimSpace(strings.TrimSuffix(s, "%"))
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("invalid percentage %q: write e.g. 80%% or 0.8", s)
	}
	if pct {
		v /= 100
	} else if v > 1 {
		return 0, fmt.Errorf("invalid fraction %q: did you mean %s%%? (write 80%% or 0.8)", s, num)
	}
	if v < 0 || v > 1 {
		return 0, fmt.Errorf("invalid percentage %q: must be between 0%% and 100%%", s)
	}
	return v, nil
}

// String writes the share as a percentage ("30%"); the zero Fraction is
// "0", which flag help leaves out as an unset default.
func (f Fraction) String() string {
	if f == 0 {
		return "0"
	}
	return strconv.FormatFloat(float64(f)*100, 'f', -1, 64) + "%"
}
func (f *Fraction) Type() string { return "percent" }
func (f *Fraction) Set(s string) error {
	v, err := ParseFraction(s)
	if err != nil {
		return err
	}
	*f = Fraction(v)
	return nil
}
func (f *Fraction) UnmarshalText(b []byte) error { return f.Set(string(b)) }
func (f Fraction) MarshalText() ([]byte, error)  { return []byte(f.String()), nil }

// Target is a service-level target: Goal of contacts answered Within the
// target time ("80/20s": Goal 0.8, Within 20 s).
type Target struct {
	Goal   float64       // share answered within the target time, in (0, 1]
	Within time.Duration // the target time T, > 0
}

// ParseTarget parses PCT/DURATION: "80/20s", "80%/20s", "0.8/20s",
// "90/4h", or "80/20" with a bare number of seconds. A goal written
// without a percent sign is a percentage when above 1 and a fraction
// otherwise.
func ParseTarget(s string) (Target, error) {
	hint := "write PCT/DURATION, e.g. 80/20s (80 % within 20 s) or 90/4h"
	goal, within, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return Target{}, fmt.Errorf("invalid SLA target %q: %s", s, hint)
	}
	goal = strings.TrimSpace(goal)
	var g float64
	var err error
	if strings.HasSuffix(goal, "%") {
		g, err = ParseFraction(goal)
	} else {
		g, err = strconv.ParseFloat(goal, 64)
		if err == nil && g > 1 {
			g /= 100
		}
	}
	if err != nil || math.IsNaN(g) || g <= 0 || g > 1 {
		return Target{}, fmt.Errorf("invalid SLA target %q: goal must be above 0 and at most 100%%; %s", s, hint)
	}
	within = strings.TrimSpace(within)
	var d time.Duration
	if secs, perr := strconv.ParseFloat(within, 64); perr == nil {
		if math.IsNaN(secs) || math.IsInf(secs, 0) || secs > 1e9 {
			return Target{}, fmt.Errorf("invalid SLA target %q: %s", s, hint)
		}
		d = time.Duration(secs * float64(time.Second))
	} else if d, err = ParseDuration(within); err != nil {
		return Target{}, fmt.Errorf("invalid SLA target %q: %s", s, hint)
	}
	if d <= 0 {
		return Target{}, fmt.Errorf("invalid SLA target %q: the target time must be positive; %s", s, hint)
	}
	return Target{Goal: g, Within: d}, nil
}

// String writes the target as ParseTarget reads it ("80/20s"); the zero
// Target (no target) is "", which flag help leaves out.
func (t Target) String() string {
	if t == (Target{}) {
		return ""
	}
	return strconv.FormatFloat(t.Goal*100, 'f', -1, 64) + "/" + FormatDuration(t.Within)
}
func (t *Target) Type() string { return "PCT/DURATION" }
func (t *Target) Set(s string) error {
	v, err := ParseTarget(s)
	if err != nil {
		return err
	}
	*t = v
	return nil
}
func (t *Target) UnmarshalText(b []byte) error { return t.Set(string(b)) }
func (t Target) MarshalText() ([]byte, error)  { return []byte(t.String()), nil }

// Rate is an arrival rate in contacts per hour.
type Rate float64

// ParseRate parses COUNT/UNIT where UNIT is s, m, h, d or any duration
// ("720/h", "12/m", "100/30m", "5000/d") and returns contacts per hour.
// A bare "0" is the zero rate, which needs no unit.
func ParseRate(s string) (float64, error) {
	hint := "write COUNT/UNIT, e.g. 720/h, 12/m or 100/30m"
	count, unit, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok && strings.TrimSpace(s) == "0" {
		return 0, nil
	}
	if !ok {
		return 0, fmt.Errorf("invalid rate %q: %s", s, hint)
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(count), 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) || n < 0 {
		return 0, fmt.Errorf("invalid rate %q: the count must be a number ≥ 0; %s", s, hint)
	}
	unit = strings.TrimSpace(unit)
	if unit != "" && (unit[0] < '0' || unit[0] > '9') {
		unit = "1" + unit
	}
	per, err := ParseDuration(unit)
	if err != nil || per <= 0 {
		return 0, fmt.Errorf("invalid rate %q: %s", s, hint)
	}
	r := n * float64(time.Hour) / float64(per)
	if math.IsInf(r, 0) || r > maxRate {
		return 0, fmt.Errorf("invalid rate %q: at most %g per hour", s, float64(maxRate))
	}
	return r, nil
}

// maxRate bounds a rate, per hour, far above any desk (a million
// erlangs at a one-second AHT is 3.6e9 per hour) and far from overflow.
const maxRate = 1e15

// String writes the rate per hour ("720/h"); the zero Rate is "0", which
// flag help leaves out as an unset default.
func (r Rate) String() string {
	if r == 0 {
		return "0"
	}
	return strconv.FormatFloat(float64(r), 'f', -1, 64) + "/h"
}
func (r *Rate) Type() string { return "COUNT/UNIT" }
func (r *Rate) Set(s string) error {
	v, err := ParseRate(s)
	if err != nil {
		return err
	}
	*r = Rate(v)
	return nil
}
func (r *Rate) UnmarshalText(b []byte) error { return r.Set(string(b)) }
func (r Rate) MarshalText() ([]byte, error)  { return []byte(r.String()), nil }

// PerSecond returns the rate in contacts per second.
func (r Rate) PerSecond() float64 { return float64(r) / 3600 }

// FormatDuration writes d as briefly as ParseDuration reads it back:
// "28d", "1d12h", "1h30m", "20s", "4m", "0s".
func FormatDuration(d time.Duration) string {
	if d <= 0 {
		return time.Duration(d).String()
	}
	var b strings.Builder
	day := 24 * time.Hour
	if d >= day {
		b.WriteString(strconv.FormatInt(int64(d/day), 10) + "d")
		d %= day
		if d == 0 {
			return b.String()
		}
	}
	s := d.String()
	// time.Duration.String writes "1h30m0s" and "4m0s": drop zero tails.
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	b.WriteString(s)
	return b.String()
}
