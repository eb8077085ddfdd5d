package forecast

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// countInterval returns the central prediction interval [lower, upper] at
// nominal coverage level for a count with mean mu and negative-binomial
// variance
//
//	Var = μ + κ·μ²   (κ ≥ 0; κ = 0 is Poisson),
//
// as lower = Q((1−level)/2) and upper = Q((1+level)/2) with Q(p) = min{k :
// F(k) ≥ p}, so the bounds are whole numbers of contacts and never
// negative. Above a mean of 500 (or when the pmf at 0 underflows) the
// normal approximation with the same variance is used, rounded outwards.
//
// κ is the dispersion left after the forecast's own error, estimated from
// backtest residuals (see dispersion).
func countInterval(mu, kappa, level float64) (lower, upper float64) {
	if !(mu > 0) {
		return 0, 0
	}
	pLo, pHi := (1-level)/2, (1+level)/2
	var p0, ratio, r float64 // pmf(0); pmf(k+1) = pmf(k)·(k + r)/(k + 1)·ratio
	poisson := kappa < 1e-9
	if poisson {
		p0 = math.Exp(-mu)
	} else {
		r = 1 / kappa
		p0 = math.Exp(r * math.Log(r/(r+mu)))
		ratio = mu / (r + mu)
	}
	if mu > 500 || p0 < 1e-280 {
		sd := math.Sqrt(mu + kappa*mu*mu)
		z := distuv.UnitNormal.Quantile(pHi)
		return math.Max(0, math.Floor(mu-z*sd)), math.Ceil(mu + z*sd)
	}
	pmf, cdf := p0, p0
	lower = -1
	for k := 0; k < 1_000_000; k++ {
		if lower < 0 && cdf >= pLo {
			lower = float64(k)
		}
		if cdf >= pHi {
			return lower, float64(k)
		}
		if poisson {
			pmf *= mu / float64(k+1)
		} else {
			pmf *= (float64(k) + r) / float64(k+1) * ratio
		}
		cdf += pmf
	}
	return math.Max(lower, 0), math.Ceil(mu)
}

// dispersion estimates κ of Var = μ + κμ² from forecasts f and actuals y by
// the method of moments, κ = max(0, Σ((y−f)² − f) / Σf²), over the pairs
// with f > 0.
func dispersion(f, y []float64) float64 {
	var num, den float64
	for i := range f {
		if f[i] <= 0 {
			continue
		}
		e := y[i] - f[i]
		num += e*e - f[i]
		den += f[i] * f[i]
	}
	if den <= 0 || num <= 0 {
		return 0
	}
	return num / den
}
