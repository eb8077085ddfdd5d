package forecast

import (
	"testing"
	"time"
)

func TestSeriesDSTDaysHave46And50HalfHours(t *testing.T) {
	t.Parallel()
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal("tz database (time/tzdata is compiled into the tests):", err)
	}
	// 2026-03-29 (clocks forward) and 2026-10-25 (clocks back) in the UK.
	for _, tc := range []struct {
		day  time.Time
		want int
	}{
		{time.Date(2026, 3, 29, 0, 0, 0, 0, london), 46},
		{time.Date(2026, 10, 25, 0, 0, 0, 0, london), 50},
		{time.Date(2026, 6, 1, 0, 0, 0, 0, london), 48},
	} {
		s := Series{Start: tc.day, Interval: 30 * time.Minute, Arrivals: make([]float64, 60)}
		next := tc.day.AddDate(0, 0, 1)
		i, ok := s.Index(next)
		if !ok || i != tc.want {
			t.Errorf("%s: next midnight is interval %d (%v), want %d", tc.day.Format("2006-01-02"), i, ok, tc.want)
		}
		if slot, _ := s.Slot(i); slot != 0 {
			t.Errorf("%s: slot of next midnight = %d, want 0", tc.day.Format("2006-01-02"), slot)
		}
	}
}

func TestSeriesAHT(t *testing.T) {
	t.Parallel()
	s := Series{Start: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Interval: 15 * time.Minute,
		Arrivals: []float64{2, 0}, HandleSeconds: []float64{480, 0}, Handled: []float64{2, 0}}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if got, ok := s.AHT(0); !ok || got != 240 {
		t.Errorf("AHT(0) = %v, %v; want 240, true", got, ok)
	}
	if _, ok := s.AHT(1); ok {
		t.Errorf("AHT(1) has no handled contacts, want false")
	}
	if got := s.SlotsPerDay(); got != 96 {
		t.Errorf("SlotsPerDay = %d, want 96", got)
	}
}
