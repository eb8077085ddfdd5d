package forecast

import (
	"encoding/csv"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// taylorData exports R's `taylor` data set (package forecast: half-hourly
// electricity demand in England and Wales, Monday 5 June 2000 to Sunday 27
// August 2000, in MW; the series of Taylor 2003) with Rscript and returns
// it, or skips the test when R or the package is absent (the data are
// GPL-3 and stay out of this repository).
func taylorData(t *testing.T) []float64 {
	t.Helper()
	rs, err := exec.LookPath("Rscript")
	if err != nil {
		t.Skip("Rscript not installed (apt-get install r-cran-forecast)")
	}
	path := filepath.Join(t.TempDir(), "taylor.csv")
	cmd := exec.Command(rs, "-e", `data(taylor, package="forecast"); write.csv(data.frame(y=as.numeric(taylor)), "`+filepath.ToSlash(path)+`", row.names=FALSE)`)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("R package forecast not available: %v: %s", err, out)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var y []float64
	for i, r := range rows[1:] {
		v, err := strconv.ParseFloat(r[0], 64)
		if err != nil {
			t.Fatalf("%s line %d: %v", path, i+2, err)
		}
		y = append(y, v)
	}
	if len(y) != 4032 {
		t.Fatalf("taylor has %d values, want 4032 (12 weeks of half hours)", len(y))
	}
	return y
}

// TestTaylorMatchesR checks Taylor's double-seasonal Holt-Winters against
// R's implementation of the paper, forecast::dshw (forecast 8.20, R 4.2.2,
// Debian bookworm), on the paper's own series (R's `taylor`), fitted on
// the first 10 weeks (3,360 half hours) and forecasting the last 2. The
// expected figures were printed by R:
//
//	f <- dshw(msts(taylor[1:3360], c(48, 336)), h = 672)
//	f$model[c("alpha", "beta", "gamma", "omega", "phi", "mse", "l0", "b0")]
//	f$mean[c(1, 48, 336, 672)]
//	g <- dshw(msts(taylor[1:3360], c(48, 336)), h = 672,
//	          alpha = 0.1, beta = 0.01, gamma = 0.2, omega = 0.15, phi = 0.9)
//
// Given R's parameters, the filter must reproduce R's start values, its
// in-sample MSE and its forecasts to R's printed precision (10
// significant digits); our own fit (Nelder–Mead from another start) must
// reach an in-sample MSE no worse than R's optimum.
func TestTaylorMatchesR(t *testing.T) {
	y := taylorData(t)
	s := &Series{Start: time.Date(2000, 6, 5, 0, 0, 0, 0, time.UTC), Interval: 30 * time.Minute, Arrivals: y[:3360]}
	in, err := Prepare(s, 672, nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		p        taylorParams
		mse      float64
		l0, b0   float64 // 0: not printed
		forecast [4]float64
	}{
		{"R's fitted parameters", taylorParams{0.4051979599, 0.0002866688959, 0.2846152915, 0.483974401, 0.6152936824},
			25686.65356, 29296.17457, 2.258011798, [4]float64{22419.41726, 26123.39648, 24124.26257, 24415.13681}},
		{"fixed parameters", taylorParams{0.1, 0.01, 0.2, 0.15, 0.9},
			25487.91439, 0, 0, [4]float64{22486.88366, 27090.81588, 26480.31442, 28915.74878}},
	}
	near := func(got, want, rel float64) bool { return math.Abs(got-want) <= rel*math.Abs(want) }
	for _, c := range cases {
		st := taylorStart(in.Y, in.Keys[:3360], 48, 336)
		if c.l0 != 0 && (!near(st.level, c.l0, 1e-9) || !near(st.trend, c.b0, 1e-8)) {
			t.Errorf("%s: start level %.10g, trend %.10g; R: %.10g, %.10g", c.name, st.level, st.trend, c.l0, c.b0)
		}
		mse := taylorFilter(in.Y, in.Keys[:3360], 48, c.p, &st)
		if !near(mse, c.mse, 1e-8) {
			t.Errorf("%s: in-sample MSE %.10g, R %.10g", c.name, mse, c.mse)
		}
		out := make([]float64, 672)
		taylorForecast(&st, c.p, in.Keys[3360:], 48, out)
		for j, step := range []int{1, 48, 336, 672} {
			if !near(out[step-1], c.forecast[j], 1e-8) {
				t.Errorf("%s: forecast %d steps ahead %.10g, R %.10g", c.name, step, out[step-1], c.forecast[j])
			}
		}
	}
	p, _ := fitTaylor(in.Y, in.Keys[:3360], 48, 336, true)
	st := taylorStart(in.Y, in.Keys[:3360], 48, 336)
	mse := taylorFilter(in.Y, in.Keys[:3360], 48, p, &st)
	if mse > 25686.65356 {
		t.Errorf("fitted %+v: in-sample MSE %.2f, worse than R's optimum 25686.65", p, mse)
	}
	out := make([]float64, 672)
	taylorForecast(&st, p, in.Keys[3360:], 48, out)
	var ae, sy float64
	for j, f := range out {
		ae += math.Abs(y[3360+j] - f)
		sy += y[3360+j]
	}
	t.Logf("fitted %+v: in-sample MSE %.2f (R 25686.65); WAPE on the last 2 weeks %.2f%% (R 2.77%%)", p, mse, 100*ae/sy)
}
