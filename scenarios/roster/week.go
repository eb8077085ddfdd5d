package roster

import (
	"fmt"
	"strings"
	"time"

	"github.com/staffsim/staffsim/internal/yamlwalk"
)

// Week is a set of weekdays: bit d is set when time.Weekday(d) is a working
// day. The zero Week has no working day.
type Week uint8

// EveryDay is the Week with all seven days.
const EveryDay Week = 1<<7 - 1

var dayNames = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// WeekOf returns the Week holding days.
func WeekOf(days ...time.Weekday) Week {
	var w Week
	for _, d := range days {
		w |= 1 << uint(d)
	}
	return w
}

// Has reports whether d is a working day of w.
func (w Week) Has(d time.Weekday) bool { return w&(1<<uint(d)) != 0 }

// Len returns the number of working days.
func (w Week) Len() int {
	n := 0
	for d := range 7 {
		if w&(1<<uint(d)) != 0 {
			n++
		}
	}
	return n
}

// Days returns the working days, Monday first.
func (w Week) Days() []time.Weekday {
	var out []time.Weekday
	for k := 1; k <= 7; k++ {
		d := time.Weekday(k % 7)
		if w.Has(d) {
			out = append(out, d)
		}
	}
	return out
}

// Names returns the working days as three-letter lower-case names
// ("mon", "tue", …), Monday first, as the scenario format writes them.
func (w Week) Names() []string {
	var out []string
	for _, d := range w.Days() {
		out = append(out, dayNames[d])
	}
	return out
}

// String returns the working days joined by commas, or "none".
func (w Week) String() string {
	if w&EveryDay == 0 {
		return "none"
	}
	return strings.Join(w.Names(), ",")
}

// ParseWeekday parses a day name: "mon", "Monday", "MON"… (as a
// shift-template file's days are read).
func ParseWeekday(s string) (time.Weekday, error) {
	if d, ok := yamlwalk.Weekday(s); ok {
		return d, nil
	}
	return 0, fmt.Errorf("unknown day %q: use mon, tue, wed, thu, fri, sat or sun", s)
}

// Patterns returns every Week with exactly n working days (1 ≤ n ≤ 7). When
// consecutive is true, only the weeks whose 7−n days off are consecutive
// (round the end of the week: Sunday and Monday are neighbours) are
// returned — 7 patterns for 1 ≤ n ≤ 6, one for n = 7; otherwise all
// C(7, n) of them. Patterns are ordered by their first day off, Monday first.
func Patterns(n int, consecutive bool) []Week {
	if n < 1 || n > 7 {
		return nil
	}
	if n == 7 {
		return []Week{EveryDay}
	}
	var out []Week
	if consecutive {
		for k := 1; k <= 7; k++ { // first day off: Monday … Sunday
			w := EveryDay
			for o := 0; o < 7-n; o++ {
				w &^= 1 << uint((k+o)%7)
			}
			out = append(out, w)
		}
		return out
	}
	for w := Week(1); w <= EveryDay; w++ {
		if w.Len() == n {
			out = append(out, w)
		}
	}
	return out
}
