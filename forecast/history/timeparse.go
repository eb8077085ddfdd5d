package history

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// candidate is a timestamp layout that detection may choose. dayFirst is
// +1 for a day-before-month layout, −1 for month-before-day, 0 when the
// order is not in question; twin is the index of the layout with day and
// month swapped, or −1.
type candidate struct {
	layout   string
	dayFirst int
	twin     int
}

// candidates are the layouts detected, in order of preference. Go's
// parser accepts one- or two-digit days, months and hours for the "2",
// "1" and "15"/"3" elements and fractional seconds after any seconds
// field, so "1/2/2006 15:04" also reads "01/02/2006 09:05" and
// "2006-01-02T15:04:05Z07:00" also reads RFC 3339 with nanoseconds.
var candidates = buildCandidates()

func buildCandidates() []candidate {
	var cs []candidate
	add := func(layout string) { cs = append(cs, candidate{layout: layout, twin: -1}) }
	for _, l := range []string{
		time.RFC3339,
		"2006-01-02T15:04:05",
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05 Z07:00",
		"2006-01-02 15:04:05 -0700",
		"2006-01-02 15:04:05 UTC",
		"2006-01-02 15:04:05",
		"2006-01-02 15:04",
		"2006-01-02 3:04:05 PM",
		"2006-01-02 3:04 PM",
		"2006/01/02 15:04:05",
		"2006/01/02 15:04",
		"2/Jan/06 3:04 PM", // Jira
		"2/Jan/2006 3:04 PM",
		"2 Jan 2006 15:04:05",
		"2 Jan 2006 15:04",
		"Jan 2, 2006 3:04 PM",
		"Jan 2, 2006 15:04",
		// Offsets without a colon (+0000) and zones written as GMT or UTC
		// (read as UTC: see zoneUTC).
		"2006-01-02T15:04:05-0700",
		"2006-01-02 15:04:05-0700",
		"2006-01-02 15:04 -0700",
		"2006-01-02 15:04:05 GMT",
		"2006-01-02 15:04 GMT",
		"2006-01-02 15:04 UTC",
		"2006-01-02T15:04:05 GMT",
		"Mon, 02 Jan 2006 15:04:05 GMT", // RFC 1123 (HTTP dates)
		"Mon, 02 Jan 2006 15:04:05 -0700",
		LayoutUnix,
		LayoutUnixMilli,
		LayoutExcel,
	} {
		add(l)
	}
	// Numeric dates with the day or the month first: pairs of twins. Dotted
	// dates (31.12.2026) are day first wherever they are written, so they
	// have no month-first twin.
	for _, sep := range []string{"-", "/", "."} {
		for _, year := range []string{"2006", "06"} {
			for _, clock := range []string{"15:04:05", "15:04", "3:04:05 PM", "3:04 PM"} {
				d := "2" + sep + "1" + sep + year + " " + clock
				m := "1" + sep + "2" + sep + year + " " + clock
				i := len(cs)
				if sep == "." {
					cs = append(cs, candidate{layout: d, dayFirst: +1, twin: -1})
					continue
				}
				cs = append(cs, candidate{layout: d, dayFirst: +1, twin: i + 1}, candidate{layout: m, dayFirst: -1, twin: i})
			}
		}
	}
	return cs
}

// Pseudo-layouts for epoch timestamps, accepted wherever a Go layout is
// (--time-format unix): whole or fractional seconds, or whole
// milliseconds, since 1970-01-01 UTC. Detection picks them for 9–10 digit
// (seconds) and 12–13 digit (milliseconds) values.
const (
	LayoutUnix      = "unix"
	LayoutUnixMilli = "unixms"
)

// LayoutExcel is the pseudo-layout of Excel serial dates (--time-format
// excel): days since 1899-12-30 with the time of day as the fraction,
// "46027.344" for 2026-01-05 08:15:22, in the desk's wall-clock time (a
// serial has no zone). Detection picks it for 5-digit day numbers from
// 25569 (1970-01-01) to 109574 (2199-12-31).
const LayoutExcel = "excel"

// excelEpoch is day 0 of Excel's (1900) date system: 1899-12-30, so that
// day 1 is 1900-01-01 as Excel counts (it takes 1900 for a leap year, which
// moves the epoch back a day for every date after February 1900).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// parseExcel parses an Excel serial date in loc, to the nearest second.
func parseExcel(v string, loc *time.Location) (time.Time, error) {
	day, _, _ := strings.Cut(v, ".")
	f, err := strconv.ParseFloat(v, 64)
	if len(day) != 5 || err != nil || strings.ContainsAny(v, "eE+-_xXpP") || f < 25569 || f >= 109575 {
		return time.Time{}, fmt.Errorf("%q is not an Excel serial date (days since 1899-12-30, e.g. 46027.344)", v)
	}
	days := math.Floor(f)
	sec := int(math.Round((f - days) * 86400))
	y, m, d := excelEpoch.AddDate(0, 0, int(days)).Date()
	return time.Date(y, m, d, 0, 0, sec, 0, loc), nil
}

// parseEpoch parses an epoch timestamp of the pseudo-layout.
func parseEpoch(layout, v string) (time.Time, error) {
	digits := len(v)
	if i := strings.IndexByte(v, '.'); i >= 0 && layout == LayoutUnix {
		digits = i
	}
	ok := digits >= 9 && digits <= 10
	if layout == LayoutUnixMilli {
		ok = digits >= 12 && digits <= 13
	}
	f, err := strconv.ParseFloat(v, 64)
	if !ok || err != nil || strings.ContainsAny(v, "eE+-_xXpP") || math.IsNaN(f) || math.IsInf(f, 0) {
		return time.Time{}, fmt.Errorf("%q is not an epoch time in %s", v, map[bool]string{true: "seconds (10 digits)", false: "milliseconds (13 digits)"}[layout == LayoutUnix])
	}
	if layout == LayoutUnixMilli {
		return time.UnixMilli(int64(f)), nil
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(math.Round(frac*1e9))), nil
}

// missing reports whether s stands for "no value" in real exports.
func missing(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "?", "-", "NULL", "null", "Null", "N/A", "n/a", "NA", "NaN", "None", "none":
		return true
	}
	return false
}

// layoutDetector narrows the candidate layouts for one time column as
// values arrive: a layout survives while it parses every value that some
// layout parses (a value no layout parses is a bad row, not evidence).
type layoutDetector struct {
	alive []bool
	ok    []bool // scratch: the layouts that parsed the current value
	n     int    // values that some surviving layout parsed
	miss  int    // values (not missing) that no surviving layout parsed
}

// hopeless reports whether the column is counted out: giveUp values and
// not one a time.
func (d *layoutDetector) hopeless() bool { return d.n == 0 && d.miss >= giveUp }

func newLayoutDetector() *layoutDetector {
	d := &layoutDetector{alive: make([]bool, len(candidates)), ok: make([]bool, len(candidates))}
	for i := range d.alive {
		d.alive[i] = true
	}
	return d
}

func (d *layoutDetector) add(v string) {
	v = strings.TrimSpace(v)
	if missing(v) {
		return
	}
	ok := d.ok
	any := false
	for i, c := range candidates {
		ok[i] = false
		if d.alive[i] {
			if _, err := parseTime(c.layout, v, time.UTC); err == nil {
				ok[i] = true
				any = true
			}
		}
	}
	if !any {
		if start, ok := rangeStart(v); ok {
			d.add(start) // an interval range: its start is the time
			return
		}
		d.miss++
		return
	}
	d.n++
	for i := range d.alive {
		d.alive[i] = d.alive[i] && ok[i]
	}
}

// survivors returns the indexes of the layouts still alive.
func (d *layoutDetector) survivors() []int {
	var s []int
	for i, a := range d.alive {
		if a {
			s = append(s, i)
		}
	}
	return s
}

// minSample is how many values detection weighs at least before it
// settles a column, so that a column of numbers where a few happen to fit
// a layout (minutes above 25569 read as Excel dates) shows its misses.
const minSample = 20

// done reports whether the column's layout is settled: one survivor, over
// at least minSample values.
func (d *layoutDetector) done() bool {
	return d.n > 0 && d.n+d.miss >= minSample && len(d.survivors()) == 1
}

// mostlyTimes reports whether at least half the values seen are times.
func (d *layoutDetector) mostlyTimes() bool { return d.n >= d.miss }

// ambiguousOrder reports whether the survivors include a day-first layout
// and its month-first twin.
func (d *layoutDetector) ambiguousOrder() bool {
	for _, i := range d.survivors() {
		if t := candidates[i].twin; t >= 0 && d.alive[t] {
			return true
		}
	}
	return false
}

// choose picks the layout after detection. order (+1 day first, −1 month
// first, 0 unknown) settles a day/month ambiguity when another column of
// the same file settled it. ok is false when the column had no value.
func (d *layoutDetector) choose(order int) (layout string, ok bool, err error) {
	s := d.survivors()
	if d.n == 0 || len(s) == 0 {
		return "", false, nil
	}
	if d.ambiguousOrder() {
		if order == 0 {
			var dm, md string
			for _, i := range s {
				if c := candidates[i]; c.twin >= 0 && d.alive[c.twin] {
					if c.dayFirst > 0 {
						dm = c.layout
					} else {
						md = c.layout
					}
				}
			}
			return "", false, fmt.Errorf("dates are ambiguous: no day is above 12, so both day-first and month-first fit every value; "+
				"add --time-format %q (day first) or --time-format %q (month first)", goLayoutHint(dm), goLayoutHint(md))
		}
		for _, i := range s {
			if c := candidates[i]; c.twin < 0 || c.dayFirst == order {
				return c.layout, true, nil
			}
		}
	}
	return candidates[s[0]].layout, true, nil
}

// goLayoutHint returns the zero-padded form of a flexible layout, the way
// people usually write it ("02-01-2006 15:04").
func goLayoutHint(l string) string {
	r := strings.NewReplacer("2-1-", "02-01-", "1-2-", "01-02-", "2/1/", "02/01/", "1/2/", "01/02/", "2.1.", "02.01.", "1.2.", "01.02.")
	return r.Replace(l)
}

// dayOrder returns +1 or −1 when layout puts the day or the month first.
func dayOrder(layout string) int {
	for _, c := range candidates {
		if c.layout == layout {
			return c.dayFirst
		}
	}
	return 0
}

// parseTime parses v with layout; a time without an offset is in loc. The
// result is in loc.
func parseTime(layout, v string, loc *time.Location) (time.Time, error) {
	v = strings.TrimSpace(v)
	switch layout {
	case LayoutUnix, LayoutUnixMilli:
		t, err := parseEpoch(layout, v)
		return t.In(loc), err
	case LayoutExcel:
		return parseExcel(v, loc)
	case time.RFC3339:
		if t, ok := parseRFC3339Fast(v, loc); ok {
			return t, nil
		}
	}
	in := loc
	if zoneUTC(layout) {
		in = time.UTC
	}
	if n := len(v); n > 2 && strings.Contains(layout, "PM") {
		// Go reads "AM"/"PM" for a PM layout, not "am"/"pm".
		switch v[n-2:] {
		case "am", "pm", "Am", "Pm", "aM", "pM":
			v = v[:n-2] + strings.ToUpper(v[n-2:])
		}
	}
	t, err := time.ParseInLocation(layout, v, in)
	if err != nil {
		return time.Time{}, err
	}
	return t.In(loc), nil
}

// parseValue parses a time column's value v with layout in loc: as
// parseTime, or, for an interval written as a range of clock times, its
// start.
func parseValue(layout, v string, loc *time.Location) (time.Time, error) {
	t, err := parseTime(layout, v, loc)
	if err != nil {
		if start, ok := rangeStart(v); ok {
			return parseTime(layout, start, loc)
		}
	}
	return t, err
}

// zoneUTC reports whether a layout ends in the zone written " GMT" or
// " UTC": literal text to Go's parser, which would read the time in the
// desk's zone, so such a layout is parsed in UTC.
func zoneUTC(layout string) bool {
	return strings.HasSuffix(layout, " GMT") || strings.HasSuffix(layout, " UTC")
}

// rangeStart returns the start of an interval written as a range of clock
// times ("08:00-08:30", "2026-01-05 08:00 - 08:30", en dash too) and ok;
// ok is false when v does not end in such a range. Phone systems' interval
// reports write them; the start is the interval's time.
func rangeStart(v string) (string, bool) {
	i := strings.LastIndexAny(v, "-–")
	if i <= 0 {
		return v, false
	}
	left, right := strings.TrimSpace(v[:i]), strings.TrimSpace(v[i+len(string([]rune(v[i:])[0])):])
	if !isClock(right) {
		return v, false
	}
	j := strings.LastIndexAny(left, " T")
	if !isClock(left[j+1:]) {
		return v, false
	}
	return left, true
}

// isClock reports whether s is a clock time H:MM or HH:MM[:SS].
func isClock(s string) bool {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) < 1 || len(parts[0]) > 2 {
		return false
	}
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || strings.Trim(p, "0123456789") != "" || p == "" {
			return false
		}
	}
	return true
}

// parseRFC3339Fast parses the common RFC 3339 forms
// "2006-01-02T15:04:05Z" and "2006-01-02T15:04:05±07:00" (no fraction)
// without allocating: time.Parse allocates a FixedZone for every offset
// that is not the location's own, which costs more than the parse on a
// file of a million rows. ok is false for anything else, and the caller
// falls back to time.Parse, which also gives the precise error.
func parseRFC3339Fast(s string, loc *time.Location) (t time.Time, ok bool) {
	if len(s) != 20 && len(s) != 25 {
		return time.Time{}, false
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	if s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	y, mo, d, h, mi, sec := num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2)
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	off := 0
	switch {
	case len(s) == 20 && (s[19] == 'Z' || s[19] == 'z'):
	case len(s) == 25 && (s[19] == '+' || s[19] == '-') && s[22] == ':':
		oh, om := num(20, 2), num(23, 2)
		if oh < 0 || oh > 23 || om < 0 || om > 59 {
			return time.Time{}, false
		}
		off = (oh*60 + om) * 60
		if s[19] == '-' {
			off = -off
		}
	default:
		return time.Time{}, false
	}
	u := time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.UTC)
	if u.Day() != d {
		return time.Time{}, false // 31 April and the like: let time.Parse say so
	}
	return u.Add(-time.Duration(off) * time.Second).In(loc), true
}
