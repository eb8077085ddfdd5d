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
// κ carries the forecast's own error on top of Poisson variation; it is
// calibrated on backtest residuals (see calibrate).
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

// calibrate returns the smallest dispersion κ (to within 1 %, at most
// maxKappa) whose intervals at the nominal level cover at least that share
// of the actuals y around forecasts f, counting the pairs with f > 0 (an
// interval around a forecast of 0 is [0, 0] whatever κ). Coverage grows with κ, so bisection finds it. Calibrating on
// backtest residuals keeps the intervals honest where the moment estimate
// (dispersion) is pulled by a few busy intervals; with no open pairs it
// returns the moment estimate.
func calibrate(f, y []float64, level float64) float64 {
	cover := func(kappa float64) float64 {
		var in, n float64
		for i := range f {
			if f[i] <= 0 {
				continue
			}
			n++
			lo, hi := countInterval(f[i], kappa, level)
			if y[i] >= lo && y[i] <= hi {
				in++
			}
		}
		if n == 0 {
			return 1
		}
		return in / n
	}
	if cover(0) >= level {
		return 0
	}
	const maxKappa = 20
	lo, hi := 0.0, dispersion(f, y)
	for hi < maxKappa && cover(hi) < level {
		lo, hi = hi, math.Max(2*hi, 0.01)
	}
	if hi >= maxKappa {
		return maxKappa
	}
	for hi-lo > 0.01*hi {
		mid := (lo + hi) / 2
		if cover(mid) >= level {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}
