package report

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTimeChartRendersPNGAndSVG(t *testing.T) {
	t.Parallel()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal("tz database (time/tzdata is compiled into the tests):", err)
	}
	start := time.Date(2026, 12, 7, 0, 0, 0, 0, loc)
	var ts []time.Time
	var req, have, lo, hi, sl []float64
	for i := 0; i < 48*3; i++ {
		ts = append(ts, start.Add(time.Duration(i)*30*time.Minute))
		h := float64(i%48) / 2
		r := math.Max(0, 20*math.Sin((h-7)/12*math.Pi))
		req = append(req, math.Ceil(r))
		have = append(have, math.Ceil(r*1.1))
		sl = append(sl, 0.8+0.1*math.Sin(float64(i)/5))
		lo = append(lo, sl[i]-0.05)
		hi = append(hi, math.Min(1, sl[i]+0.05))
	}
	c := TimeChart{
		Title: "Agents available vs required", YLabel: "agents", Loc: loc,
		Lines: []Line{
			{Label: "required (Erlang C)", Times: ts, Values: req, Step: true, Last: 30 * time.Minute},
			{Label: "available (roster)", Times: ts, Values: have, Step: true, Last: 30 * time.Minute},
		},
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
	if dir := os.Getenv("STAFFSIM_CHART_DIR"); dir != "" { // to look at the chart
		os.WriteFile(filepath.Join(dir, "agents.png"), buf.Bytes(), 0o644)
	}
	slc := TimeChart{Title: "Service level per interval", YLabel: "answered within 20 s", Loc: loc, Percent: true,
		Lines:  []Line{{Label: "service level", Times: ts, Values: sl, Step: true, Last: 30 * time.Minute}},
		Bands:  []Band{{Label: "95% CI", Times: ts, Low: lo, High: hi, Step: true, Last: 30 * time.Minute}},
		HLines: []HLine{{Label: "goal 80%", Y: 0.8}},
	}
	p, err = slc.Plot()
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := Save(p, &buf, "svg", 0, 0); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("<svg")) || !bytes.Contains(buf.Bytes(), []byte("Mon 07 Dec")) {
		t.Errorf("SVG lacks the svg element or the day label")
	}
	if dir := os.Getenv("STAFFSIM_CHART_DIR"); dir != "" {
		p.Save(9*72, 4.5*72, filepath.Join(dir, "sl.png"))
	}
}

func TestTimeChartRejectsMismatchedLengths(t *testing.T) {
	t.Parallel()
	c := TimeChart{Lines: []Line{{Label: "x", Times: make([]time.Time, 2), Values: []float64{1}}}}
	if _, err := c.Plot(); err == nil {
		t.Error("want an error for 2 times and 1 value")
	}
}

func TestFormatOf(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"a.png": "png", "b.SVG": "svg"} {
		if got, err := FormatOf(in); err != nil || got != want {
			t.Errorf("FormatOf(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := FormatOf("a.jpg"); err == nil {
		t.Error("FormatOf(a.jpg): want an error")
	}
}

func TestCountTicks(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		min, max float64
		want     string
	}{
		{0, 26, "0 5 10 15 20 25"},
		{0, 3.4, "0 1 2 3"},
		{0, 0.3, "0.00 0.05 0.10 0.15 0.20 0.25 0.30"},
		{0, 1200, "0 200 400 600 800 1000 1200"},
	} {
		var labels []string
		for _, tk := range (countTicks{}).Ticks(c.min, c.max) {
			if tk.Label != "" {
				labels = append(labels, tk.Label)
			}
		}
		if got := strings.Join(labels, " "); got != c.want {
			t.Errorf("countTicks(%v, %v) = %q, want %q", c.min, c.max, got, c.want)
		}
	}
}
