package forecast

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/staffsim/staffsim/forecast/history"
)

// writeCSV writes content to a file in a test directory and returns its path.
func writeCSV(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadSeriesForecastCSV(t *testing.T) {
	t.Parallel()
	// forecast.csv as DESIGN.md specifies it, with an extra column, an
	// empty aht_seconds and fractional arrivals.
	p := writeCSV(t, "forecast.csv", "interval_start,arrivals,lower,upper,aht_seconds,note\r\n"+
		"2026-12-07T09:00:00+01:00,1.5,1,2,240,a\r\n"+
		"2026-12-07T09:30:00+01:00,2.25,1,3,,b\r\n"+
		"2026-12-07T10:00:00+01:00,0,0,0,200,c\r\n"+
		"2026-12-07T10:30:00+01:00,4,3,5,300,d\r\n")
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal("tz database (time/tzdata is compiled into the tests):", err)
	}
	s, rep, err := LoadSeriesFile(p, history.Options{Location: paris}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Shape != "volumes" || rep.Interval != 30*time.Minute || rep.Rows != 4 || rep.Rejected != 0 {
		t.Errorf("report: shape %s interval %v rows %d rejected %d; want volumes 30m 4 0", rep.Shape, rep.Interval, rep.Rows, rep.Rejected)
	}
	if !s.Start.Equal(time.Date(2026, 12, 7, 9, 0, 0, 0, paris)) || s.Start.Location() != paris || s.Len() != 4 {
		t.Fatalf("series starts %v with %d intervals; want 2026-12-07 09:00 Paris with 4", s.Start, s.Len())
	}
	wantArr := []float64{1.5, 2.25, 0, 4}
	wantAHT := []float64{240, -1, 200, 300} // −1: no AHT; a row with 0 arrivals keeps its AHT
	for i := range wantArr {
		if s.Arrivals[i] != wantArr[i] {
			t.Errorf("arrivals[%d] = %v, want %v", i, s.Arrivals[i], wantArr[i])
		}
		a, ok := s.AHT(i)
		if (wantAHT[i] < 0) == ok || (ok && a != wantAHT[i]) {
			t.Errorf("AHT(%d) = %v, %v; want %v", i, a, ok, wantAHT[i])
		}
	}
	// Hourly: rows sum, AHT weighted by arrivals.
	h, _, err := LoadSeriesFile(p, history.Options{Location: paris}, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if h.Len() != 2 || h.Arrivals[0] != 3.75 || h.Arrivals[1] != 4 {
		t.Errorf("hourly arrivals %v, want [3.75 4]", h.Arrivals)
	}
	if a, _ := h.AHT(0); a != 240 {
		t.Errorf("hourly AHT(0) = %v, want 240 (only the first row has one)", a)
	}
	var oe *history.OptionError
	if _, _, err := LoadSeriesFile(p, history.Options{}, 15*time.Minute); !errors.As(err, &oe) {
		t.Errorf("15m from 30m rows: err %v, want an OptionError", err)
	}
}

func TestLoadSeriesTicketsDST(t *testing.T) {
	t.Parallel()
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal("tz database (time/tzdata is compiled into the tests):", err)
	}
	// 2026-10-25: clocks go back at 02:00 BST, so the day has 50 half-hours.
	// 01:30 happens twice (+01:00, then +00:00); both are distinct intervals.
	p := writeCSV(t, "t.csv", "created_at,handle_seconds\n"+
		"2026-10-25T01:30:00+01:00,100\n"+
		"2026-10-25T01:30:00+00:00,300\n"+
		"2026-10-25T23:59:00Z,\n"+
		"2026-10-24T00:10:00+01:00,0\n")
	s, rep, err := LoadSeriesFile(p, history.Options{Location: london, Now: fixedNow}, 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 4 {
		t.Errorf("records %d, want 4", rep.Records)
	}
	if want := 48 + 50; s.Len() != want {
		t.Fatalf("series has %d intervals over 24 and 25 October, want %d", s.Len(), want)
	}
	if !s.Start.Equal(time.Date(2026, 10, 24, 0, 0, 0, 0, london)) {
		t.Errorf("start %v, want 2026-10-24 00:00 London", s.Start)
	}
	i1, _ := s.Index(time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC))
	i2, _ := s.Index(time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC))
	if i2 != i1+2 || s.Arrivals[i1] != 1 || s.Arrivals[i2] != 1 {
		t.Errorf("the two 01:30s: intervals %d (%v) and %d (%v)", i1, s.Arrivals[i1], i2, s.Arrivals[i2])
	}
	if a, ok := s.AHT(i1); !ok || a != 100 {
		t.Errorf("AHT at first 01:30 = %v %v, want 100", a, ok)
	}
	if s.Arrivals[0] != 1 || s.Handled[0] != 0 {
		t.Errorf("interval 0: arrivals %v handled %v; want 1, 0 (a 0 handle time is unknown)", s.Arrivals[0], s.Handled[0])
	}
	if last := s.Len() - 1; s.Arrivals[last] != 1 {
		t.Errorf("last interval (23:30 GMT) arrivals %v, want 1", s.Arrivals[last])
	}
}

func fixedNow() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }

// TestForecastCSVRoundTrip writes a forecast over the clocks-back day with
// WriteCSV and reads it back as requirements and scenarios do.
func TestForecastCSVRoundTrip(t *testing.T) {
	t.Parallel()
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal("tz database (time/tzdata is compiled into the tests):", err)
	}
	n := 50 // 2026-10-25 has 50 half-hours
	f := &Forecast{Series: Series{Start: time.Date(2026, 10, 25, 0, 0, 0, 0, london), Interval: 30 * time.Minute, Arrivals: make([]float64, n)},
		Lower: make([]float64, n), Upper: make([]float64, n), AHTSeconds: make([]float64, n)}
	for i := range n {
		f.Arrivals[i] = float64(i) * 1.25
		f.Lower[i], f.Upper[i] = f.Arrivals[i]*0.8, f.Arrivals[i]*1.2
		f.AHTSeconds[i] = 200 + float64(i)
	}
	f.AHTSeconds[7] = math.NaN() // unknown: written empty
	p := filepath.Join(t.TempDir(), "forecast.csv")
	out, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.WriteCSV(out); err != nil {
		t.Fatal(err)
	}
	out.Close()
	s, rep, err := LoadSeriesFile(p, history.Options{Location: london, Strict: true}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Shape != "volumes" || s.Len() != n || !s.Start.Equal(f.Start) || s.Interval != f.Interval {
		t.Fatalf("read %s with %d intervals from %v every %v; want volumes, %d from %v", rep.Shape, s.Len(), s.Start, s.Interval, n, f.Start)
	}
	for i := range n {
		a, ok := s.AHT(i)
		wantOK := i != 7 // interval 0 has no arrivals but keeps its AHT
		if s.Arrivals[i] != f.Arrivals[i] || ok != wantOK || (ok && math.Abs(a-f.AHTSeconds[i]) > 1e-9) {
			t.Errorf("interval %d: arrivals %v AHT %v %v; want %v, %v %v", i, s.Arrivals[i], a, ok, f.Arrivals[i], f.AHTSeconds[i], wantOK)
		}
	}
}
