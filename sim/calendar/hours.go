package calendar

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The text form of opening hours, shared by the command line (--hours) and
// scenario files:
//
//	24x7                                  every day 00:00-24:00
//	mon-fri=09:00-17:30                   a day or a range of days (fri-mon wraps)
//	mon-fri=09:00-12:00,13:00-17:30;sat=10:00-14:00
//	mon-sun=22:00-06:00                   a span across midnight belongs to its first day
//
// A span's end at or before its start reads on the next day, so
// "00:00-24:00" and "00:00-00:00" are both a whole day.

// Always24x7 is the text of the 24×7 hours.
const Always24x7 = "24x7"

// ParseHours parses opening hours in the text form above: "24x7", or
// DAYS=SPANS groups separated by ';' (a day may appear in one group only);
// "closed" is no hours at all.
func ParseHours(s string) (Hours, error) {
	var h Hours
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, Always24x7) {
		for wd := range h {
			h[wd] = []Span{{0, day}}
		}
		return h, nil
	}
	if strings.EqualFold(s, "closed") {
		return h, nil // what String writes for no hours; New refuses them
	}
	if s == "" {
		return h, fmt.Errorf("no opening hours: write e.g. mon-fri=09:00-17:30, or 24x7")
	}
	for _, group := range strings.Split(s, ";") {
		days, spans, ok := strings.Cut(group, "=")
		if !ok {
			return h, fmt.Errorf("%q: want DAYS=SPANS, e.g. mon-fri=09:00-17:30", strings.TrimSpace(group))
		}
		wds, err := ParseDays(days)
		if err != nil {
			return h, err
		}
		sp, err := ParseSpans(spans)
		if err != nil {
			return h, err
		}
		if err := h.Set(wds, sp); err != nil {
			return h, err
		}
	}
	return h, nil
}

// Set gives each day of days the spans sp; it fails if a day already has
// hours.
func (h *Hours) Set(days []time.Weekday, sp []Span) error {
	for _, wd := range days {
		if len(h[wd]) > 0 {
			return fmt.Errorf("%s is given hours twice: name each day once", dayName(wd))
		}
	}
	for _, wd := range days {
		h[wd] = append([]Span(nil), sp...)
	}
	return nil
}

// ParseDays parses a day ("mon", "Monday") or a range of days ("mon-fri";
// "fri-mon" wraps round the weekend), returned in range order.
func ParseDays(s string) ([]time.Weekday, error) {
	from, to, isRange := strings.Cut(strings.TrimSpace(s), "-")
	a, ok := parseWeekday(from)
	if !ok {
		return nil, fmt.Errorf("unknown day %q: use mon, tue, wed, thu, fri, sat, sun or a range such as mon-fri", strings.TrimSpace(from))
	}
	if !isRange {
		return []time.Weekday{a}, nil
	}
	b, ok := parseWeekday(to)
	if !ok {
		return nil, fmt.Errorf("unknown day %q: use mon, tue, wed, thu, fri, sat, sun or a range such as mon-fri", strings.TrimSpace(to))
	}
	out := []time.Weekday{a}
	for d := a; d != b; {
		d = (d + 1) % 7
		out = append(out, d)
	}
	return out, nil
}

func parseWeekday(s string) (time.Weekday, bool) {
	key := strings.ToLower(strings.TrimSpace(s))
	for d := time.Sunday; d <= time.Saturday; d++ {
		if full := strings.ToLower(d.String()); key == full || key == full[:3] {
			return d, true
		}
	}
	return 0, false
}

// ParseSpans parses a comma-separated list of spans "HH:MM-HH:MM" (seconds
// allowed, "24:00" as an end); "closed" is no spans. An end at or before the
// start reads on the next day.
func ParseSpans(s string) ([]Span, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "closed") {
		return nil, nil
	}
	var out []Span
	for _, part := range strings.Split(s, ",") {
		a, b, ok := strings.Cut(strings.TrimSpace(part), "-")
		if !ok {
			return nil, fmt.Errorf("%q: want a span HH:MM-HH:MM, e.g. 09:00-17:30", strings.TrimSpace(part))
		}
		start, err := parseClock(a, false)
		if err != nil {
			return nil, err
		}
		end, err := parseClock(b, true)
		if err != nil {
			return nil, err
		}
		if end <= start {
			end += day
		}
		out = append(out, Span{start, end})
	}
	return out, nil
}

// parseClock reads "HH:MM" or "HH:MM:SS" as the time since midnight;
// "24:00" only as an end.
func parseClock(s string, end bool) (time.Duration, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("%q is not a time of day: write HH:MM, e.g. 09:00 (24:00 as an end)", s)
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, bad
	}
	var v [3]int
	limits := [3]int{24, 59, 59}
	for i, p := range parts {
		x, err := strconv.Atoi(p)
		if err != nil || len(p) == 0 || len(p) > 2 || x < 0 || x > limits[i] {
			return 0, bad
		}
		v[i] = x
	}
	d := time.Duration(v[0])*time.Hour + time.Duration(v[1])*time.Minute + time.Duration(v[2])*time.Second
	if d > day || d == day && !end {
		return 0, bad
	}
	return d, nil
}

// String formats the span as "09:00-17:30" (seconds when not zero); an end
// on the next day is written as its time of day ("22:00-06:00"), a whole
// day's end as "24:00".
func (s Span) String() string {
	end := s.End
	if end > day {
		end -= day
	}
	return clock(s.Start) + "-" + clock(end)
}

func clock(d time.Duration) string {
	h, m, sec := int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second)
	if sec != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", h, m, sec)
	}
	return fmt.Sprintf("%02d:%02d", h, m)
}

// String formats the hours in the text form ParseHours reads: "24x7", or
// groups of consecutive days (Monday first) with the same spans,
// "mon-fri=09:00-17:30;sat=10:00-14:00". Closed days are left out; hours
// without any span are "closed".
func (h Hours) String() string {
	if h.is24x7() {
		return Always24x7
	}
	order := [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
	var groups []string
	for i := 0; i < 7; {
		j := i + 1
		for j < 7 && sameSpans(h[order[i]], h[order[j]]) {
			j++
		}
		if sp := h[order[i]]; len(sp) > 0 {
			days := dayName(order[i])
			if j-i > 1 {
				days += "-" + dayName(order[j-1])
			}
			groups = append(groups, days+"="+SpansString(sp))
		}
		i = j
	}
	if len(groups) == 0 {
		return "closed"
	}
	return strings.Join(groups, ";")
}

// SpansString formats spans as ParseSpans reads them: "09:00-12:00,13:00-17:30".
func SpansString(sp []Span) string {
	parts := make([]string, len(sp))
	for i, s := range sp {
		parts[i] = s.String()
	}
	return strings.Join(parts, ",")
}

func (h Hours) is24x7() bool {
	for _, sp := range h {
		if len(sp) != 1 || sp[0] != (Span{0, day}) {
			return false
		}
	}
	return true
}

func sameSpans(a, b []Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
