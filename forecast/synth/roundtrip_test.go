package synth

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/history"
)

// TestForecastReadsGeneratedTickets writes a history as CSV, reads it back
// with forecast.LoadSeries in strict mode (any bad row is an error) and
// checks that it aggregates to exactly the series Series builds in memory.
func TestForecastReadsGeneratedTickets(t *testing.T) {
	t.Parallel()
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal("tz database (time/tzdata is compiled into the tests):", err)
	}
	// Two weeks across the start of British Summer Time (29 March 2026).
	cfg := Config{Start: time.Date(2026, 3, 23, 0, 0, 0, 0, london), Days: 14, DailyVolume: 300, Trend: 0.05, DayNoise: 0.08, Seed: 11, Location: london}
	path := filepath.Join(t.TempDir(), "tickets.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := WriteCSV(context.Background(), f, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	opt := history.Options{Location: london, Strict: true, Now: func() time.Time { return cfg.End() }}
	got, rep, err := forecast.LoadSeriesFile(path, opt, 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Shape != "tickets" || rep.Rows != sum.Tickets || rep.Rejected != 0 {
		t.Fatalf("read %s with %d rows, %d rejected; want tickets, %d rows, none rejected", rep.Shape, rep.Rows, rep.Rejected, sum.Tickets)
	}
	want, err := Series(context.Background(), cfg, 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	compareSeries(t, got, want, 0)
}

// TestForecastReadsVolumesSample checks testdata/volumes_sample.csv (7 days
// of the Sample at 30 minutes) against Series.
func TestForecastReadsVolumesSample(t *testing.T) {
	t.Parallel()
	path := filepath.Join("..", "..", "testdata", "volumes_sample.csv")
	got, rep, err := forecast.LoadSeriesFile(path, history.Options{Strict: true}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Shape != "volumes" || rep.Interval != 30*time.Minute {
		t.Fatalf("read as %s with interval %v, want volumes at 30m", rep.Shape, rep.Interval)
	}
	cfg := Sample()
	cfg.Days = 7
	want, err := Series(context.Background(), cfg, 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	compareSeries(t, got, want, 1e-9)
}

func compareSeries(t *testing.T, got, want *forecast.Series, tol float64) {
	t.Helper()
	if !got.Start.Equal(want.Start) || got.Len() != want.Len() || got.Interval != want.Interval {
		t.Fatalf("series from %v, %d × %v; want from %v, %d × %v", got.Start, got.Len(), got.Interval, want.Start, want.Len(), want.Interval)
	}
	for i := range want.Len() {
		ga, gok := got.AHT(i)
		wa, wok := want.AHT(i)
		if got.Arrivals[i] != want.Arrivals[i] || gok != wok || math.Abs(ga-wa) > tol*wa {
			t.Fatalf("interval %s: read %v arrivals AHT %v (%v), generated %v AHT %v (%v)",
				want.Time(i).Format(time.RFC3339), got.Arrivals[i], ga, gok, want.Arrivals[i], wa, wok)
		}
	}
}
