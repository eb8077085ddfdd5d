package forecast

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLoadSeriesRefusesIntervals: an interval that is not a whole number
// of minutes dividing a day, or that would make an absurd number of
// intervals, is an *OptionError (the caller's mistake), never a panic.
func TestLoadSeriesRefusesIntervals(t *testing.T) {
	t.Parallel()
	tickets := filepath.Join("testdata", "good", "tab.tsv")
	volumes := filepath.Join("testdata", "good", "volumes.csv")
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
		s, _, err := LoadSeries(tc.path, ReadOptions{Now: fixedNow}, tc.interval)
		var oe *OptionError
		if !errors.As(err, &oe) || !strings.Contains(err.Error(), tc.want) || s != nil {
			t.Errorf("%s at %v: err %v; want an OptionError saying %q", filepath.Base(tc.path), tc.interval, err, tc.want)
		}
	}
}
