package forecast

import (
	"math"
	"testing"
	"time"
)

// The empirical study of Taylor (2003), "Short-term electricity demand
// forecasting using double seasonal exponential smoothing", JORS 54,
// 799–805, on the series R ships as `taylor` (half-hourly demand in
// England and Wales, Monday 5 June – Sunday 27 August 2000, 12 weeks):
// parameters estimated on the first 8 weeks by least squares of the
// one-step-ahead errors, then forecasts from every half-hour of the last
// 4 weeks (1,344 origins) for lead times of a half-hour to a day, with the
// parameters held fixed and the state updated as each observation arrives,
// scored by MAPE per lead time.
const (
	paperFit   = 8 * 336 // estimation sample, half-hours
	paperLeads = 48      // lead times 1 … 48 half-hours
)

// paperPublished are the parameters of the double seasonal method with the
// AR(1) adjustment estimated on the 8 weeks, Taylor (2003) Table 2,
// rounded there to two decimals: level 0.01, trend 0.00, intraday season
// 0.21, weekly season 0.24, AR 0.92. The paper itself could not be reached
// from here; the values are as restated by a Cross Validated question that
// passes them to R's dshw (`dshw(train, alpha=0.01, beta=0.00,
// gamma=0.21, omega=0.24, phi=0.92)`, train = taylor[1:2688]), whose
// argument names map one to one onto the paper's (α, γ, δ, ω, λ).
var paperPublished = taylorParams{alpha: 0.01, beta: 0, gamma: 0.21, omega: 0.24, phi: 0.92}

// paperMAPE returns the MAPE (%) per lead time 1 … leads of forecasts made
// from every origin n0 … len(y)−1 with parameters p, st being the state
// after y[:n0]. Origins near the end contribute the lead times they have.
func paperMAPE(y []float64, keys []int32, spd int, p taylorParams, st taylorState, n0, leads int) []float64 {
	sum := make([]float64, leads)
	cnt := make([]float64, leads)
	out := make([]float64, leads)
	cp := taylorState{day: make([]float64, len(st.day)), week: make([]float64, len(st.week))}
	for o := n0; o < len(y); o++ {
		cp.level, cp.trend, cp.err = st.level, st.trend, st.err
		copy(cp.day, st.day)
		copy(cp.week, st.week)
		h := min(leads, len(y)-o)
		taylorForecast(&cp, p, keys[o:o+h], spd, out[:h])
		for k := range h {
			sum[k] += math.Abs(y[o+k]-out[k]) / y[o+k]
			cnt[k]++
		}
		taylorFilter(y[o:o+1], keys[o:o+1], spd, p, &st)
	}
	for k := range sum {
		sum[k] *= 100 / cnt[k]
	}
	return sum
}

// TestTaylorPaper reproduces what can be checked of Taylor (2003)'s study
// (setup above). What it checks, and why the tolerances are what they are:
//
//   - Our filter equals R's dshw at the published parameters on the 8-week
//     estimation sample (in-sample MSE and forecasts printed by R 4.2.2,
//     forecast 8.20: `dshw(msts(taylor[1:2688], c(48, 336)), h = 48,
//     alpha = 0.01, beta = 0, gamma = 0.21, omega = 0.24, phi = 0.92)`),
//     so any gap below is the fit, not the recursions.
//   - The fitted level and trend parameters equal the published ones to
//     the paper's rounding (±0.005).
//   - The fit is the least-squares optimum: its in-sample MSE is no worse
//     than at the published values (23,746.35, R) nor than R's own fit
//     (25,318.54: `dshw(msts(taylor[1:2688], c(48, 336)))`, which stops
//     early at α = 0.041, γ = 0.111, ω = 0.578, φ = 0.872).
//   - The residual gap: intraday 0.18 against 0.21, weekly 0.31 against
//     0.24, AR 0.94 against 0.92. From R's start values the published
//     values are not the optimum (their MSE is 2.6 % higher), so the gap
//     is the paper's start values, which its text (not reachable here)
//     fixes and R's dshw does not claim to copy; the weekly and intraday
//     cycles trade off along a ridge of the SSE surface. The check bounds
//     the gap (0.08) so that a regression shows, and bounds what it costs:
//     post-sample MAPE at our parameters within 0.1 point of MAPE at the
//     published ones at every lead time.
//   - Figure 4 of the paper (MAPE by lead time over the 4 post-sample
//     weeks) shows the AR-adjusted double seasonal method as the lowest
//     curve; its values are only plotted, so the check is the ordering:
//     with the AR(1) adjustment MAPE is below the method without it at
//     every lead time.
func TestTaylorPaper(t *testing.T) {
	y := taylorData(t)
	s := &Series{Start: time.Date(2000, 6, 5, 0, 0, 0, 0, time.UTC), Interval: 30 * time.Minute, Arrivals: y}
	in, err := Prepare(s, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	keys := in.Keys
	fit, fitKeys := y[:paperFit], keys[:paperFit]
	near := func(got, want, rel float64) bool { return math.Abs(got-want) <= rel*math.Abs(want) }

	// Published parameters through our filter = through R's.
	stPub := taylorStart(fit, fitKeys, 48, 336)
	msePub := taylorFilter(fit, fitKeys, 48, paperPublished, &stPub)
	if !near(msePub, 23746.34905, 1e-8) {
		t.Errorf("in-sample MSE at the published parameters %.10g, R 23746.34905", msePub)
	}
	out := make([]float64, 48)
	cp := taylorState{level: stPub.level, trend: stPub.trend, err: stPub.err,
		day: append([]float64(nil), stPub.day...), week: append([]float64(nil), stPub.week...)}
	taylorForecast(&cp, paperPublished, keys[paperFit:paperFit+48], 48, out)
	if !near(out[0], 21774.31142, 1e-8) || !near(out[47], 25577.60734, 1e-8) {
		t.Errorf("forecasts 1 and 48 steps ahead at the published parameters %.10g, %.10g; R 21774.31142, 25577.60734", out[0], out[47])
	}

	p, st := fitTaylor(fit, fitKeys, 48, 336, true)
	st0 := taylorStart(fit, fitKeys, 48, 336)
	mse := taylorFilter(fit, fitKeys, 48, p, &st0)
	t.Logf("fitted α %.4f β %.4f γ %.4f ω %.4f φ %.4f, in-sample MSE %.2f; Table 2: 0.01 0.00 0.21 0.24 0.92, MSE there %.2f",
		p.alpha, p.beta, p.gamma, p.omega, p.phi, mse, msePub)
	for _, c := range []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"α (level)", p.alpha, paperPublished.alpha, 0.005},
		{"β (trend)", p.beta, paperPublished.beta, 0.005},
		{"γ (intraday)", p.gamma, paperPublished.gamma, 0.08},
		{"ω (weekly)", p.omega, paperPublished.omega, 0.08},
		{"φ (AR)", p.phi, paperPublished.phi, 0.08},
	} {
		if math.Abs(c.got-c.want) > c.tol {
			t.Errorf("%s = %.4f, Taylor (2003) Table 2: %.2f (tolerance %.3f)", c.name, c.got, c.want, c.tol)
		}
	}
	if mse > msePub || mse > 25318.54410 {
		t.Errorf("in-sample MSE %.2f: worse than at the published parameters (%.2f) or than R's fit (25318.54)", mse, msePub)
	}

	ours := paperMAPE(y, keys, 48, p, st, paperFit, paperLeads)
	pub := paperMAPE(y, keys, 48, paperPublished, stPub, paperFit, paperLeads)
	pn, stn := fitTaylor(fit, fitKeys, 48, 336, false)
	noAR := paperMAPE(y, keys, 48, pn, stn, paperFit, paperLeads)
	for k := range paperLeads {
		if math.Abs(ours[k]-pub[k]) > 0.1 {
			t.Errorf("lead %d: MAPE %.3f%% at the fitted parameters, %.3f%% at the published ones: the parameter gap costs more than 0.1 point", k+1, ours[k], pub[k])
		}
		if ours[k] >= noAR[k] {
			t.Errorf("lead %d: MAPE %.3f%% with the AR(1) adjustment, not below %.3f%% without it (Taylor 2003, Figure 4)", k+1, ours[k], noAR[k])
		}
	}
	for _, k := range []int{1, 2, 6, 12, 24, 36, 48} {
		t.Logf("lead %2d: MAPE %.2f%% (published parameters %.2f%%, without AR %.2f%%)", k, ours[k-1], pub[k-1], noAR[k-1])
	}
}

// TestTaylorStartHandWorked checks the start values on two weeks of a
// toy series (2 slots a day, 4 a week) worked by hand from the formulas
// in Taylor's doc comment; R's dshw prints the same (l0 14.75, b0 0.5,
// s10 1.0333333333 1.0054054054 1 0.8454545455, s20 0.7741935484
// 1.2903225806 for dshw(y, period1 = 2, period2 = 4)).
//
//	y = 10 20 12 18 | 14 24 16 22
//	trend b0 = ½·mean_i[(y_i − y_{i+4})/4 + Δy_i] = ½·mean(−1, 9, −9, 5) = 0.5
//	level l0 = mean(y) − (4 + ½)·b0 = 17 − 2.25 = 14.75
//	day: centred 2×2 averages 15.5, 15.5 at positions 1, 2 → d = (12/15.5, 20/15.5)
//	week: centred 2×4 averages 15.5 16.5 17.5 18.5 at positions 2 … 5
//	      → ratios (14/17.5, 24/18.5, 12/15.5, 18/16.5), each over its d
func TestTaylorStartHandWorked(t *testing.T) {
	y := []float64{10, 20, 12, 18, 14, 24, 16, 22}
	keys := []int32{0, 1, 2, 3, 0, 1, 2, 3}
	st := taylorStart(y, keys, 2, 4)
	d0, d1 := 12/15.5, 20/15.5
	want := taylorState{level: 14.75, trend: 0.5, day: []float64{d0, d1},
		week: []float64{14 / 17.5 / d0, 24 / 18.5 / d1, 12 / 15.5 / d0, 18 / 16.5 / d1}}
	const tol = 1e-12
	if math.Abs(st.level-want.level) > tol || math.Abs(st.trend-want.trend) > tol {
		t.Errorf("level %v, trend %v; want %v, %v", st.level, st.trend, want.level, want.trend)
	}
	for i := range want.day {
		if math.Abs(st.day[i]-want.day[i]) > tol {
			t.Errorf("day[%d] = %v, want %v", i, st.day[i], want.day[i])
		}
	}
	for i := range want.week {
		if math.Abs(st.week[i]-want.week[i]) > tol {
			t.Errorf("week[%d] = %v, want %v", i, st.week[i], want.week[i])
		}
	}
}

// TestTaylorFilterHandWorked checks one step of the recursions and of the
// AR-adjusted criterion, worked by hand: state l = 100, b = 2, previous
// error 4, d = (0.5, 1.5), w = (1, 1, 1.2, 0.8); parameters α 0.5, β 0.1,
// γ 0.2, ω 0.3, φ 0.5; y = 160 at slot 1 of the week.
//
//	ŷ = (100 + 2)·1.5·1 = 153, e = 7, criterion (e − φ·4)² = 5² = 25
//	l = 0.5·160/1.5 + 0.5·102 = 104.3̅
//	b = 0.1·4.3̅ + 0.9·2 = 2.23̅
//	d₁ = 0.2·160/104.3̅ + 0.8·1.5      w₁ = 0.3·160/(104.3̅·1.5) + 0.7·1
func TestTaylorFilterHandWorked(t *testing.T) {
	st := taylorState{level: 100, trend: 2, err: 4, day: []float64{0.5, 1.5}, week: []float64{1, 1, 1.2, 0.8}}
	p := taylorParams{alpha: 0.5, beta: 0.1, gamma: 0.2, omega: 0.3, phi: 0.5}
	mse := taylorFilter([]float64{160}, []int32{1}, 2, p, &st)
	l := 0.5*160/1.5 + 0.5*102
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"criterion", mse, 25},
		{"error", st.err, 7},
		{"level", st.level, l},
		{"trend", st.trend, 0.1*(l-100) + 0.9*2},
		{"d₁", st.day[1], 0.2*160/l + 0.8*1.5},
		{"w₁", st.week[1], 0.3*160/(l*1.5) + 0.7},
		{"d₀ (not this slot)", st.day[0], 0.5},
		{"w₂ (not this slot)", st.week[2], 1.2},
	} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s = %.15g, want %.15g", c.name, c.got, c.want)
		}
	}
}

// TestTaylorForecastAR checks the k-step forecast with the AR(1)
// adjustment of the last error (Taylor 2003, eq. 12), worked by hand:
// l = 100, b = 2, e = 10, φ = 0.5, d = (0.5, 1.5), w = (1, 1, 1.2, 0.8),
// at week slots 1, 2 and 3:
//
//	ŷ(1) = 102·1.5·1   + 0.5·10   = 158
//	ŷ(2) = 104·0.5·1.2 + 0.25·10  = 64.9
//	ŷ(3) = 106·1.5·0.8 + 0.125·10 = 128.45
//
// and without it (φ = 0) the plain double seasonal forecasts 153, 62.4, 127.2.
func TestTaylorForecastAR(t *testing.T) {
	for _, c := range []struct {
		phi  float64
		want []float64
	}{
		{0.5, []float64{158, 64.9, 128.45}},
		{0, []float64{153, 62.4, 127.2}},
	} {
		st := taylorState{level: 100, trend: 2, err: 10, day: []float64{0.5, 1.5}, week: []float64{1, 1, 1.2, 0.8}}
		out := make([]float64, 3)
		taylorForecast(&st, taylorParams{phi: c.phi}, []int32{1, 2, 3}, 2, out)
		for k, w := range c.want {
			if math.Abs(out[k]-w) > 1e-9 {
				t.Errorf("φ = %v: ŷ(%d) = %.12g, want %v", c.phi, k+1, out[k], w)
			}
		}
	}
}

// TestTaylorFilterGuards checks the departures for thin slots, worked by
// hand: one contact (y = 1) in a slot whose intraday component is 0.02 (a
// night slot empty on the two start days), with l = 10, b = 0, w = 1 for
// that slot; α, β, γ, ω = 0.5, 0, 0.2, 0.3, φ = 0. Then d·w = 0.02 <
// MinSeason, so the level is not updated from y (10/0.02 would move it by
// 0.5·(50 − 10) = 20) and the weekly component, whose update would be
// 0.3·1/(10·0.02) + 0.7·1 = 2.2, stays 1; the intraday one is updated
// (w = 1 ≥ MinSeason): d = 0.2·1/(10·1) + 0.8·0.02 = 0.036. In the other
// direction, a weekday slot with w = 0.05 < MinSeason (a closed day) and
// d = 1.5 keeps d and updates w = 0.3·1/(10·1.5) + 0.7·0.05.
func TestTaylorFilterGuards(t *testing.T) {
	p := taylorParams{alpha: 0.5, beta: 0, gamma: 0.2, omega: 0.3}
	st := taylorState{level: 10, day: []float64{0.02, 1.5}, week: []float64{1, 0.05}}
	taylorFilter([]float64{1}, []int32{0}, 2, p, &st)
	if st.level != 10 || st.week[0] != 1 || math.Abs(st.day[0]-0.036) > 1e-15 {
		t.Errorf("night slot: level %v, w %v, d %v; want 10, 1, 0.036", st.level, st.week[0], st.day[0])
	}
	st = taylorState{level: 10, day: []float64{0.02, 1.5}, week: []float64{1, 0.05}}
	taylorFilter([]float64{1}, []int32{1}, 2, p, &st)
	if want := 0.3*1/(10*1.5) + 0.7*0.05; st.level != 10 || st.day[1] != 1.5 || math.Abs(st.week[1]-want) > 1e-15 {
		t.Errorf("closed-day slot: level %v, d %v, w %v; want 10, 1.5, %v", st.level, st.day[1], st.week[1], want)
	}
}
