package forecast

import (
	"strings"
	"testing"
	"time"
)

// officeDays returns days of hourly arrivals from Monday 2026-11-02
// (Europe/London): 10 contacts an hour 08:00–18:00 on every day.
func officeDays(t *testing.T, days int) *Series {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	s := &Series{Start: time.Date(2026, 11, 2, 0, 0, 0, 0, loc), Interval: time.Hour, Arrivals: make([]float64, 24*days)}
	for i := range s.Arrivals {
		if h := i % 24; h >= 8 && h < 18 {
			s.Arrivals[i] = 10
		}
	}
	return s
}

func TestTrimPartialDays(t *testing.T) {
	t.Parallel()
	// A whole office day last: the desk closes at 18:00 every day, nothing
	// comes later on any day, so the day stays.
	s := officeDays(t, 21)
	if got, notes := TrimPartialDays(s); got.Len() != s.Len() || notes != nil {
		t.Errorf("whole days: %d intervals, notes %v; want all %d, none", got.Len(), notes, s.Len())
	}
	// Cut at 10:00 on the last day: 80 of its usual 100 contacts come
	// later, so the day is left out.
	cut := officeDays(t, 21)
	for i := 20*24 + 10; i < 21*24; i++ {
		cut.Arrivals[i] = 0
	}
	got, notes := TrimPartialDays(cut)
	if got.Len() != 20*24 || len(notes) != 1 || !strings.Contains(notes[0], "ends at 10:00 on Sun 2026-11-22") || !strings.Contains(notes[0], "80%") {
		t.Errorf("cut last day: %d intervals, notes %q; want 480 and one note on 10:00 Sun 2026-11-22, 80%%", got.Len(), notes)
	}
	// Started at 16:00 on the first day: 80 % usually came before.
	late := officeDays(t, 21)
	for i := range 16 {
		late.Arrivals[i] = 0
	}
	got, notes = TrimPartialDays(late)
	if got.Len() != 20*24 || !got.Start.Equal(late.Start.AddDate(0, 0, 1)) || len(notes) != 1 || !strings.Contains(notes[0], "starts at 16:00") {
		t.Errorf("late first day: %d intervals from %v, notes %q", got.Len(), got.Start, notes)
	}
}

func TestRecentRegime(t *testing.T) {
	t.Parallel()
	s := officeDays(t, 60)
	// Ten days of data, 30 empty, 20 of data: only the last 20 are used.
	for i := 10 * 24; i < 40*24; i++ {
		s.Arrivals[i] = 0
	}
	got, notes := RecentRegime(s)
	if got.Len() != 20*24 || len(notes) != 1 || !strings.Contains(notes[0], "30 days without a contact") {
		t.Errorf("regime: %d intervals, notes %q; want 480 and a note on 30 empty days", got.Len(), notes)
	}
	// A gap shorter than QuietDays (a closed week) is kept.
	s = officeDays(t, 60)
	for i := 10 * 24; i < 20*24; i++ {
		s.Arrivals[i] = 0
	}
	if got, notes := RecentRegime(s); got.Len() != s.Len() || notes != nil {
		t.Errorf("10-day gap: %d intervals, notes %v; want all, none", got.Len(), notes)
	}
}
