package report

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestHeatMapRendersPNG(t *testing.T) {
	t.Parallel()
	h := HeatMap{Title: "Mean tickets per hour", XLabel: "hour of day (Europe/London)"}
	for d, name := range []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
		h.Rows = append(h.Rows, name)
		row := make([]float64, 24)
		for i := range row {
			row[i] = math.Max(0, 30*math.Sin(float64(i-7)/12*math.Pi)) * (1 - float64(d)/8)
		}
		if name == "Sun" {
			row[3] = math.NaN() // no data
		}
		h.Values = append(h.Values, row)
	}
	for i := range 24 {
		h.Cols = append(h.Cols, string(rune('0'+i/10))+string(rune('0'+i%10)))
	}
	p, err := h.Plot()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Save(p, &buf, "png", 0, 0); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 600 || b.Dy() < 300 {
		t.Errorf("image %v too small", b)
	}
	if dir := os.Getenv("STAFFSIM_CHART_DIR"); dir != "" { // to look at the chart
		os.WriteFile(filepath.Join(dir, "heatmap.png"), buf.Bytes(), 0o644)
	}
}

func TestHeatMapRejectsMismatchedShape(t *testing.T) {
	t.Parallel()
	for _, h := range []HeatMap{
		{Rows: []string{"a"}, Cols: []string{"x", "y"}, Values: [][]float64{{1}}},
		{Rows: []string{"a", "b"}, Cols: []string{"x"}, Values: [][]float64{{1}}},
		{},
	} {
		if _, err := h.Plot(); err == nil {
			t.Errorf("%+v: want an error", h)
		}
	}
}
