package plan

import (
	"testing"
	"time"
)

// TestCalendarDays: days touched, empty and partial, counted by hand from
// the calendar (hourly intervals).
func TestCalendarDays(t *testing.T) {
	day := func(n int, v float64) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = v
		}
		return out
	}
	midnight := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name                 string
		start                time.Time
		arrivals             []float64
		days, empty, partial int
	}{
		{"two whole days, one empty", midnight, append(day(24, 1), day(24, 0)...), 2, 1, 0},
		{"ends at 09:00", midnight, day(33, 1), 2, 0, 1},
		{"starts at 22:00, ends at 09:00", midnight.Add(22 * time.Hour), day(11, 1), 2, 0, 2},
		{"within one day", midnight.Add(8 * time.Hour), day(4, 1), 1, 0, 1},
	} {
		d, e, p := calendarDays(tc.start, time.Hour, tc.arrivals)
		if d != tc.days || e != tc.empty || p != tc.partial {
			t.Errorf("%s: %d days, %d empty, %d partial; want %d, %d, %d", tc.name, d, e, p, tc.days, tc.empty, tc.partial)
		}
	}
}
