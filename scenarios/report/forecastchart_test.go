package report

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestForecastChart(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)
	iv := 30 * time.Minute
	var d ForecastData
	d.Interval, d.Level, d.Method = iv, 0.8, "taylor"
	for i := range 14 * 48 {
		d.HistoryTimes = append(d.HistoryTimes, start.Add(time.Duration(i)*iv))
		d.History = append(d.History, math.Max(0, 20*math.Sin(float64(i%48-14)/30*math.Pi)))
	}
	for i := range 14 * 48 {
		v := math.Max(0, 20*math.Sin(float64(i%48-14)/30*math.Pi))
		d.Times = append(d.Times, start.Add(time.Duration(14*48+i)*iv))
		d.Forecast = append(d.Forecast, v)
		d.Lower = append(d.Lower, math.Max(0, v-2*math.Sqrt(v)))
		d.Upper = append(d.Upper, v+2*math.Sqrt(v))
	}
	d.Actual = d.Forecast[:48]
	c, err := ForecastChart("Arrivals: history and forecast", time.UTC, d)
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Plot()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Save(p, &buf, "png", 0, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if dir := os.Getenv("STAFFSIM_CHART_DIR"); dir != "" {
		os.WriteFile(filepath.Join(dir, "forecast.png"), buf.Bytes(), 0o644)
	}
	d.Lower = d.Lower[:3]
	if _, err := ForecastChart("x", time.UTC, d); err == nil {
		t.Error("mismatched bounds: want an error")
	}
}
