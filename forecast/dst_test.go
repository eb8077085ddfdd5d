package forecast

import (
	"testing"
	"time"
)

// TestSeasonalNaiveFollowsWallClockAcrossDST checks that "the same interval
// last week" is the same weekday and clock time when the week spans a
// change of daylight saving time (Europe/London, 2024-03-31).
func TestSeasonalNaiveFollowsWallClockAcrossDST(t *testing.T) {
	t.Parallel()
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal("tz database (time/tzdata is compiled into the tests):", err)
	}
	s := synth(synthSpec{weeks: 14, base: 20, seed: 6, loc: london}) // 2024-01-01 … 2024-04-08
	cut := time.Date(2024, 3, 25, 0, 0, 0, 0, london)                // Monday before the change
	n, _ := s.Index(cut)
	in, err := Prepare(&Series{Start: s.Start, Interval: s.Interval, Arrivals: s.Arrivals[:n]}, 14*48, nil)
	if err != nil {
		t.Fatal(err)
	}
	f, _, err := point(in, SeasonalNaive{}, n, 14*48)
	if err != nil {
		t.Fatal(err)
	}
	// Monday 2024-04-01 09:00 BST must repeat Monday 2024-03-18 09:00 GMT
	// (the last Monday of the history).
	after := time.Date(2024, 4, 1, 9, 0, 0, 0, london)
	before := time.Date(2024, 3, 18, 9, 0, 0, 0, london)
	j, _ := in.Series.Index(after)
	i, _ := s.Index(before)
	if got, want := f[j-n], s.Arrivals[i]; got != want {
		t.Errorf("forecast for %s = %v, want %v (the value at %s)", after.Format(time.RFC3339), got, want, before.Format(time.RFC3339))
	}
	// The closed night stays closed on the short day itself.
	for j := range f {
		tt := in.Time(n + j)
		if tt.Hour() < 7 && f[j] != 0 {
			t.Fatalf("closed interval %s forecast %v", tt.Format(time.RFC3339), f[j])
		}
	}
}
