package forecast

import (
	"math"
	"testing"
)

// biasedByDay forecasts the true rate of the generated desk times (1 +
// Slope·day ahead of the fit's end): a forecast whose error grows with the
// lead time, as every real one does.
type biasedByDay struct {
	sp    synthSpec
	Slope float64
}

func (biasedByDay) Name() string { return "biased" }

func (m biasedByDay) Forecast(in *Input, n, h int) ([]float64, error) {
	out := make([]float64, h)
	for j := range out {
		t := in.Time(n + j)
		d := float64(j / in.SlotsPerDay)
		out[j] = m.sp.rate(t, float64(n+j)/float64(in.Period)) * (1 + m.Slope*d)
	}
	return out, nil
}

// TestCoverageByDay: with an error that grows from 0 on the first day to
// +60 % on the seventh, one κ for the whole week covers the first days far
// too often and the last ones too rarely; κ per day ahead keeps every
// day's backtest coverage near the nominal 80 % (within ±8 points: 4
// origins × ~26 open intervals a day, calibrated out of sample), and the
// final forecast's band widens with the lead time.
func TestCoverageByDay(t *testing.T) {
	t.Parallel()
	sp := synthSpec{weeks: 10, base: 30, seed: 11}.withDefaults()
	in, err := Prepare(synth(sp), 7*48, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := biasedByDay{sp: sp, Slope: 0.1}
	f, bt, err := Predict(in, m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sc := bt.Scores[0]
	for d, c := range sc.CoverageByDay[:6] { // the seventh is a closed Sunday
		if math.Abs(c-0.8) > 0.08 {
			t.Errorf("day %d ahead: coverage %.1f%%, want 80%% ± 8", d+1, 100*c)
		}
	}
	if k := sc.DispersionByDay; !(k[5] > k[0]) {
		t.Errorf("dispersion by day %v: want the sixth day's above the first's", k)
	}
	// Band width relative to the forecast at the same slot, day 1 and 6
	// (both weekdays: Monday and Saturday are the same clock time here).
	width := func(day int) float64 {
		j := day*48 + 22 // 11:00
		return (f.Upper[j] - f.Lower[j]) / f.Arrivals[j]
	}
	if !(width(5) > width(0)) {
		t.Errorf("relative band at 11:00 on day 6 %.3f, day 1 %.3f: want wider later", width(5), width(0))
	}
}

// TestBestWeighsRecentWeeks: auto ranks by the recency-weighted WAPE, so a
// method that was better a month ago but worse in the last week loses.
// Weighted WAPE by hand: origins 0 (oldest) and 1, weights 0.75 and 1.
func TestBestWeighsRecentWeeks(t *testing.T) {
	t.Parallel()
	// Two origins, 100 contacts each week. Method a errs by 30 then 0
	// (WAPE 15 %, weighted 0.75·30/175 = 12.86 %); b by 10 then 10 (WAPE
	// 10 %, weighted 17.5/175 = 10 %). Both rankings pick b; c errs by 0
	// then 25 (WAPE 12.5 %, weighted 25/175 = 14.29 %), d by 24 then 2
	// (WAPE 13 %, weighted 20/175 = 11.43 %): d is worse pooled, better
	// weighted.
	cases := []struct {
		errs     [2]float64
		wape, wt float64
	}{
		{[2]float64{30, 0}, 0.15, 0.75 * 30 / 175},
		{[2]float64{10, 10}, 0.10, 17.5 / 175},
		{[2]float64{0, 25}, 0.125, 25.0 / 175},
		{[2]float64{24, 2}, 0.13, 20.0 / 175},
	}
	for _, c := range cases {
		got := recencyWAPE([]float64{c.errs[0], c.errs[1]}, []float64{100, 100})
		if math.Abs(got-c.wt) > 1e-12 {
			t.Errorf("errors %v: weighted WAPE %.6f, want %.6f", c.errs, got, c.wt)
		}
	}
	bt := &BacktestReport{Scores: []Score{{Method: "c", WAPE: 0.125, Weighted: 25.0 / 175}, {Method: "d", WAPE: 0.13, Weighted: 20.0 / 175}}}
	if best, _ := bt.Best(); best.Method != "d" {
		t.Errorf("best %s, want d (lower recency-weighted WAPE)", best.Method)
	}
}
