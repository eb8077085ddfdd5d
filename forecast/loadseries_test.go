package forecast

import (
	"errors"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/forecast/history"
)

// TestLoadSeriesRefusesIntervals: an interval that is not a whole number
// of minutes dividing a day, or that would make an absurd number of
// intervals, is an *OptionError (the caller's mistake), never a panic.
func TestLoadSeriesRefusesIntervals(t *testing.T) {
	t.Parallel()
	tickets := filepath.Join("history", "testdata", "good", "tab.tsv")
	volumes := filepath.Join("history", "testdata", "good", "volumes.csv")
	// Two tickets 55 years apart: 1-minute intervals would be 2.9·10⁷.
	wide := writeCSV(t, "wide.csv", "created_at\n1971-01-01T09:00:00Z\n2026-01-01T09:00:00Z\n")
	for _, tc := range []struct {
		path     string
		interval time.Duration
		want     string
	}{
		{tickets, time.Nanosecond, "interval 1ns must be a whole number of minutes"},
		{tickets, 90 * time.Second, "interval 1m30s must be a whole number of minutes"},
		{tickets, 7 * time.Minute, "interval 7m must be a whole number of minutes that divides a day"},
		{tickets, -time.Hour, "must be a whole number of minutes"},
		{tickets, 48 * time.Hour, "interval 2d must be a whole number of minutes that divides a day"},
		{volumes, time.Nanosecond, "must be a whole number of minutes"},
		{volumes, 15 * time.Minute, "the file has 30m intervals; an interval of 15m is finer"},
		{volumes, 45 * time.Minute, "45m"},
		{wide, time.Minute, "use a coarser interval"},
	} {
		s, _, err := LoadSeriesFile(tc.path, history.Options{Now: fixedNow}, tc.interval)
		var oe *history.OptionError
		if !errors.As(err, &oe) || !strings.Contains(err.Error(), tc.want) || s != nil {
			t.Errorf("%s at %v: err %v; want an OptionError saying %q", filepath.Base(tc.path), tc.interval, err, tc.want)
		}
	}
}

// TestLoadSeriesAHTOnlyRows: a volumes row with 0 arrivals keeps the AHT
// the file gives it (a forecast for a quiet interval still says how long
// a contact would take), and that AHT weighs nothing next to intervals
// with arrivals when rows are summed into coarser intervals.
func TestLoadSeriesAHTOnlyRows(t *testing.T) {
	t.Parallel()
	p := writeCSV(t, "v.csv", "interval_start,arrivals,aht_seconds\n"+
		"2026-12-07T08:00:00Z,0,240\n"+
		"2026-12-07T08:30:00Z,0,200\n"+
		"2026-12-07T09:00:00Z,0,200\n"+
		"2026-12-07T09:30:00Z,4,300\n"+
		"2026-12-07T10:00:00Z,0,\n"+
		"2026-12-07T10:30:00Z,0,\n")
	for _, tc := range []struct {
		interval time.Duration
		want     []float64 // AHT per interval, −1 for none
	}{
		{30 * time.Minute, []float64{240, 200, 200, 300, -1, -1}},
		{time.Hour, []float64{220, 300, -1}}, // 08:00 is the plain mean of two AHT-only rows
	} {
		s, _, err := LoadSeriesFile(p, history.Options{}, tc.interval)
		if err != nil {
			t.Fatal(err)
		}
		if s.Len() != len(tc.want) {
			t.Fatalf("%v: %d intervals, want %d", tc.interval, s.Len(), len(tc.want))
		}
		for i, w := range tc.want {
			a, ok := s.AHT(i)
			if ok != (w >= 0) || (ok && math.Abs(a-w) > 1e-3) {
				t.Errorf("%v: AHT(%d) = %v, %v; want %v", tc.interval, i, a, ok, w)
			}
		}
	}
}

// TestDurationsInMessages: spans in messages read as a user types them.
func TestDurationsInMessages(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{12 * time.Hour, "12h"},
		{90 * time.Minute, "1h30m"},
		{28 * 24 * time.Hour, "28d"},
		{(14*24 + 8) * time.Hour, "14.3d"},
	} {
		if got := days(tc.d); got != tc.want {
			t.Errorf("days(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
	s := &Series{Interval: 7 * time.Minute, Arrivals: []float64{1}}
	if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "interval 7m ") {
		t.Errorf("Validate: %v", err)
	}
}

func TestSpringForwardDayHas46HalfHours(t *testing.T) {
	t.Parallel()
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal("tz database (time/tzdata is compiled into the tests):", err)
	}
	// 2026-03-29: clocks go forward at 01:00 GMT; local 01:00–02:00 does not exist.
	p := writeCSV(t, "spring.csv", "created_at\n2026-03-29 00:10:00\n2026-03-29 02:10:00\n2026-03-29 23:50:00\n")
	s, _, err := LoadSeriesFile(p, history.Options{Location: london, Now: fixedNow}, 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != 46 || s.Arrivals[0] != 1 || s.Arrivals[2] != 1 || s.Arrivals[45] != 1 {
		t.Errorf("%d intervals, arrivals %v; want 46 with tickets in intervals 0, 2 (02:00 BST) and 45", s.Len(), s.Arrivals)
	}
	if slot, _ := s.Slot(2); slot != 4 {
		t.Errorf("interval 2 is slot %d, want 4 (02:00 wall clock)", slot)
	}
}
