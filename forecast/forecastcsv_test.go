package forecast

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/gocarina/gocsv"
)

func TestWriteCSV(t *testing.T) {
	t.Parallel()
	cet := time.FixedZone("CET", 3600)
	f := &Forecast{Series: Series{Start: time.Date(2026, 12, 7, 8, 0, 0, 0, cet), Interval: 30 * time.Minute,
		Arrivals: []float64{12.345678901234567, 0}}, Lower: []float64{8, 0}, Upper: []float64{17, 0}, Level: 0.8}
	var b bytes.Buffer
	if err := f.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"interval_start", "arrivals", "lower", "upper", "aht_seconds"},
		{"2026-12-07T08:00:00+01:00", "12.345678901234567", "8", "17", ""},
		{"2026-12-07T08:30:00+01:00", "0", "0", "0", ""},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %q, want %q", rows, want)
	}
	for i := range want {
		for j := range want[i] {
			if rows[i][j] != want[i][j] {
				t.Errorf("row %d col %d = %q, want %q", i, j, rows[i][j], want[i][j])
			}
		}
	}
	if v, _ := strconv.ParseFloat(rows[1][1], 64); v != f.Arrivals[0] {
		t.Errorf("arrivals %v do not round-trip", v)
	}
	f.AHTSeconds = []float64{241.5, 250}
	b.Reset()
	f.WriteCSV(&b)
	rows, _ = csv.NewReader(&b).ReadAll()
	if rows[1][4] != "241.5" {
		t.Errorf("aht_seconds %q, want 241.5", rows[1][4])
	}
}

// TestRowsRoundTrip writes forecast.csv and reads it back through Row:
// every number and time comes back exactly, an unknown AHT as nil.
func TestRowsRoundTrip(t *testing.T) {
	t.Parallel()
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	f := &Forecast{Series: Series{Start: time.Date(2026, 11, 1, 0, 0, 0, 0, ny), Interval: time.Hour,
		Arrivals: []float64{1.0 / 3, 2, 7e-7}}, Lower: []float64{0.1, 1, 0}, Upper: []float64{1e21, 3, 1},
		AHTSeconds: []float64{241.123456789, math.NaN(), 300}, Level: 0.8}
	var b bytes.Buffer
	if err := f.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	var got []Row
	if err := gocsv.Unmarshal(&b, &got); err != nil {
		t.Fatal(err)
	}
	want := f.Rows()
	if len(got) != len(want) {
		t.Fatalf("read %d rows, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		ga, gok := g.AHTSeconds.Value()
		wa, wok := w.AHTSeconds.Value()
		if !g.IntervalStart.Equal(w.IntervalStart.Time) || g.Arrivals != w.Arrivals || *g.Lower != *w.Lower || *g.Upper != *w.Upper || ga != wa || gok != wok {
			t.Errorf("row %d: read %+v, wrote %+v", i, g, w)
		}
	}
}
