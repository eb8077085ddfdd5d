package calllog

import (
	"math"
	"strings"
	"testing"
	"time"
)

// TestKaplanMeierTextbook checks the product-limit estimate and
// Greenwood's standard error on the 6-MP arm of the leukaemia remission
// trial (Freireich et al. 1963; Gehan 1965), weeks, + censored:
// 6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+.
// Expected values: Klein & Moeschberger (2003), "Survival Analysis",
// 2nd ed., Table 4.1A (Ŝ and its Greenwood standard error, 3 decimals).
func TestKaplanMeierTextbook(t *testing.T) {
	t.Parallel()
	times := []float64{6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35}
	cens := map[int]bool{3: true, 5: true, 7: true, 8: true, 11: true, 12: true, 13: true, 16: true, 17: true, 18: true, 19: true, 20: true}
	event := make([]bool, len(times))
	for i := range times {
		event[i] = !cens[i]
	}
	km := KaplanMeier(times, event, 0.95)
	want := []struct {
		t        float64
		atRisk   int
		events   int
		surv, se float64
	}{
		{6, 21, 3, 0.857, 0.076},
		{7, 17, 1, 0.807, 0.087},
		{10, 15, 1, 0.753, 0.096},
		{13, 12, 1, 0.690, 0.107},
		{16, 11, 1, 0.627, 0.114},
		{22, 7, 1, 0.538, 0.128},
		{23, 6, 1, 0.448, 0.135},
	}
	if len(km.Steps) != len(want) {
		t.Fatalf("got %d steps, want %d: %+v", len(km.Steps), len(want), km.Steps)
	}
	const tol = 0.0006 // the table's 3 decimals
	for i, w := range want {
		s := km.Steps[i]
		if s.Time != w.t || s.AtRisk != w.atRisk || s.Events != w.events ||
			math.Abs(s.Survival-w.surv) > tol || math.Abs(s.SE-w.se) > tol {
			t.Errorf("step %d: got t=%v n=%d d=%d S=%.4f SE=%.4f; want t=%v n=%d d=%d S=%.3f SE=%.3f",
				i, s.Time, s.AtRisk, s.Events, s.Survival, s.SE, w.t, w.atRisk, w.events, w.surv, w.se)
		}
		if z := 1.959964; math.Abs(s.Lower-math.Max(0, s.Survival-z*s.SE)) > 1e-6 || math.Abs(s.Upper-math.Min(1, s.Survival+z*s.SE)) > 1e-6 {
			t.Errorf("step %d: band [%v, %v] is not Ŝ ± 1.96·SE", i, s.Lower, s.Upper)
		}
	}
	if m, ok := km.Median(); !ok || m != 23 {
		t.Errorf("median = %v, %v; want 23 (the first time Ŝ ≤ 0.5)", m, ok)
	}
	if s, ok := km.At(12); !ok || s.Time != 10 {
		t.Errorf("At(12) = step at %v, want the step at 10", s.Time)
	}
	if s, ok := km.At(3); !ok || s.Survival != 1 {
		t.Errorf("At(3) = %v, want 1 before the first event", s.Survival)
	}
	if _, ok := km.At(36); ok {
		t.Errorf("At(36) beyond the largest time 35 should be undefined")
	}
}

// TestKaplanMeierNoCensoring: without censoring Ŝ is the empirical
// survival and Greenwood's SE the binomial √(S(1−S)/n). The control arm
// of the same trial (Cox & Oakes 1984, Table 1.1): Ŝ(10) = 8/21 = 0.381
// with SE 0.106.
func TestKaplanMeierNoCensoring(t *testing.T) {
	t.Parallel()
	times := []float64{1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23}
	event := make([]bool, len(times))
	for i := range event {
		event[i] = true
	}
	s, ok := KaplanMeier(times, event, 0.95).At(10)
	if !ok || math.Abs(s.Survival-0.381) > 0.0005 || math.Abs(s.SE-0.106) > 0.0005 {
		t.Errorf("Ŝ(10) = %.4f ± %.4f, want 0.381 ± 0.106", s.Survival, s.SE)
	}
}

// TestFitExponentialGarwood checks the rate's interval against the exact
// Poisson limits (Garwood 1936) as tabulated by Ulm (1990), Am. J.
// Epidemiol. 131: 373–375: for 0, 1, 10 events, 95 %.
func TestFitExponentialGarwood(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		d      int
		lo, hi float64
	}{{0, 0, 3.689}, {1, 0.0253, 5.572}, {10, 4.795, 18.39}} {
		e := FitExponential(c.d, 1, 0.95)
		if math.Abs(e.RateLow-c.lo) > 0.001 || math.Abs(e.RateHigh-c.hi) > 0.005 || e.Rate != float64(c.d) {
			t.Errorf("d=%d: rate %v in [%v, %v], want %d in [%v, %v]", c.d, e.Rate, e.RateLow, e.RateHigh, c.d, c.lo, c.hi)
		}
	}
	if e := FitExponential(0, 100, 0.95); !math.IsInf(e.Mean, 1) || !math.IsInf(e.MeanHigh, 1) {
		t.Errorf("no abandons: mean %v, high %v; want +Inf", e.Mean, e.MeanHigh)
	}
}

// TestFitLogNormalByHand: two values e¹ and e³ have μ̂ = 2 and σ̂ = 1
// (the MLE divides by n).
func TestFitLogNormalByHand(t *testing.T) {
	t.Parallel()
	f := FitLogNormal([]float64{math.E, math.Exp(3), 0}, 0.95)
	if f.N != 2 || math.Abs(f.Mu-2) > 1e-12 || math.Abs(f.Sigma-1) > 1e-12 {
		t.Errorf("got n=%d μ=%v σ=%v, want 2, 2, 1", f.N, f.Mu, f.Sigma)
	}
	if want := math.Exp(2.5); math.Abs(f.Mean-want) > 1e-9 {
		t.Errorf("mean = %v, want e^(μ+σ²/2) = %v", f.Mean, want)
	}
}

// TestRecoverKnownDesk generates ten days of a desk with known patience,
// handle time, wrap-up and pick-up delay (gen_test.go), writes its call
// log as the Anonymous Bank does (clock times rounded to the second) and
// checks that every estimator's 99 % interval holds the model's value.
// The generator's seed is fixed, so the test is deterministic.
func TestRecoverKnownDesk(t *testing.T) {
	t.Parallel()
	d := desk{agents: 10, days: 10, open: 8 * time.Hour, close: 18 * time.Hour, rate: 0.044,
		handleMean: 180, handleCV: 1, patience: 240, wrapLo: 10, wrapHi: 50, pickLo: 2, pickHi: 18, seed: 7}
	calls := d.run()
	e := NewEstimator(Config{Level: 0.99})
	rep, err := Read("desk.csv", strings.NewReader(logOf(calls)), Options{}, e.Add)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rejected > 0 {
		t.Fatalf("%d rejects: %v", rep.Rejected, rep.Rejects)
	}
	est, err := e.Estimate()
	if err != nil {
		t.Fatal(err)
	}
	in := func(name string, v, lo, hi float64) {
		t.Helper()
		if !(lo <= v && v <= hi) {
			t.Errorf("%s: model value %v outside the estimate's interval [%v, %v]", name, v, lo, hi)
		}
	}
	ex := est.Patience.Exponential
	in("mean patience (exponential MLE)", d.patience, ex.MeanLow, ex.MeanHigh)
	for _, at := range []float64{30, 60, 120} {
		s, ok := est.Patience.KaplanMeier.At(at)
		if !ok {
			t.Fatalf("KM undefined at %v s", at)
		}
		in("KM S("+time.Duration(at*1e9).String()+")", math.Exp(-at/d.patience), s.Lower, s.Upper)
	}
	s2 := math.Log(1 + d.handleCV*d.handleCV)
	in("handle log-mean μ", math.Log(d.handleMean)-s2/2, est.LogFit.MuLow, est.LogFit.MuHigh)
	in("handle log-sd σ", math.Sqrt(s2), est.LogFit.SigmaLow, est.LogFit.SigmaHigh)
	in("handle mean", d.handleMean, est.Handle.MeanLow, est.Handle.MeanHigh)
	if !est.LogFit.Fits {
		t.Errorf("log-normal handle times not recognised: KS %v > %v", est.LogFit.KS, est.LogFit.KSCritical)
	}
	g := est.Gaps
	if g == nil || g.Agents != d.agents {
		t.Fatalf("gaps: %+v, want %d agents", g, d.agents)
	}
	// A caller hangs up while the phone rings with probability 1 − e^(−D/p)
	// (patience is memoryless), so the answered calls' D has the mean
	// ∫ x·e^(−x/p) dx / ∫ e^(−x/p) dx over [pickLo, pickHi].
	in("pick-up delay mean (of answered calls)", truncExpMean(d.pickLo, d.pickHi, d.patience), g.PickUp.MeanLow, g.PickUp.MeanHigh)
	in("wrap-up mean", (d.wrapLo+d.wrapHi)/2, g.WrapUpLow, g.WrapUpHigh)
	t.Logf("%d calls; patience %.1f [%.1f, %.1f]; pick-up %.2f [%.2f, %.2f] (n=%d); wrap-up %.2f [%.2f, %.2f] (n=%d, window %v s); KS %.4f ≤ %.4f",
		est.Counts.Queued, ex.Mean, ex.MeanLow, ex.MeanHigh, g.PickUp.Mean, g.PickUp.MeanLow, g.PickUp.MeanHigh, g.PickUp.N,
		g.WrapUpMean, g.WrapUpLow, g.WrapUpHigh, g.Busy.N, g.Window, est.LogFit.KS, est.LogFit.KSCritical)
	if !g.Separable {
		t.Errorf("a work-conserving desk read as not separable: busy %v, pick-up %v", g.Busy.Mean, g.PickUp.Mean)
	}
	if g.Busy.N < 1000 || g.PickUp.N < 200 {
		t.Errorf("samples too small to mean anything: %d busy gaps, %d pick-ups", g.Busy.N, g.PickUp.N)
	}
	// Every agent works without a break from the first call to the last:
	// the intervals well inside opening hours have all of them.
	p := g.Present
	for i, a := range p.Agents {
		from := p.Start.Add(time.Duration(i) * p.Interval)
		h := from.Sub(time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, from.Location()))
		if h >= d.open+p.Interval && h+p.Interval <= d.close-p.Interval && math.Abs(a-float64(d.agents)) > 1e-9 {
			t.Errorf("agents present at %s = %v, want %d", from.Format(time.DateTime), a, d.agents)
		}
	}
	// The measured figures are the generator's own.
	var ans, ab, within20 int
	var waitAns float64
	for _, c := range calls {
		w := math.Round(c.exit) - math.Round(c.arrival)
		if c.answered {
			ans++
			waitAns += w
			if w <= 20 {
				within20++
			}
		} else {
			ab++
		}
	}
	if est.Counts.Answered != ans || est.Counts.Abandoned != ab {
		t.Errorf("answered %d, abandoned %d; want %d, %d", est.Counts.Answered, est.Counts.Abandoned, ans, ab)
	}
	if got, want := est.Measured.ServiceLevels[0].Value, float64(within20)/float64(ans+ab); math.Abs(got-want) > 1e-12 {
		t.Errorf("SL20 = %v, want %v", got, want)
	}
	if got, want := est.Measured.ASA, waitAns/float64(ans); math.Abs(got-want) > 1e-9 {
		t.Errorf("ASA = %v, want %v", got, want)
	}
}

// truncExpMean is ∫ₐᵇ x·e^(−x/p) dx / ∫ₐᵇ e^(−x/p) dx, using the
// antiderivative −p(x + p)·e^(−x/p) of the numerator.
func truncExpMean(a, b, p float64) float64 {
	num := p*(a+p)*math.Exp(-a/p) - p*(b+p)*math.Exp(-b/p)
	den := p * (math.Exp(-a/p) - math.Exp(-b/p))
	return num / den
}
