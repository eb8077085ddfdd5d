package calllog

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Sample describes a sample of durations in seconds.
type Sample struct {
	N    int     `json:"n"`
	Mean float64 `json:"mean"`
	// MeanLow and MeanHigh are the confidence interval of the mean at
	// the sample's level: Mean ± t_{n−1}·SD/√n (Student; the central
	// limit theorem makes it right for skewed durations at the sizes a
	// call log has).
	MeanLow  float64 `json:"mean_low"`
	MeanHigh float64 `json:"mean_high"`
	SD       float64 `json:"sd"` // standard deviation (n − 1 in the denominator)
	CV       float64 `json:"cv"` // SD / Mean
	// P10, P50 and P90 are the 10th, 50th and 90th percentiles (the
	// empirical quantile, gonum's stat.Empirical).
	P10 float64 `json:"p10"`
	P50 float64 `json:"p50"`
	P90 float64 `json:"p90"`
}

// describe returns the sample x (sorted in place) at confidence level.
// An empty x gives the zero Sample.
func describe(x []float64, level float64) Sample {
	n := len(x)
	if n == 0 {
		return Sample{}
	}
	sort.Float64s(x)
	s := Sample{N: n}
	s.Mean, s.SD = stat.MeanStdDev(x, nil)
	if n < 2 {
		s.SD = 0
	}
	if s.Mean > 0 {
		s.CV = s.SD / s.Mean
	}
	s.MeanLow, s.MeanHigh = meanCI(s.Mean, s.SD, n, level)
	s.P10 = stat.Quantile(0.1, stat.Empirical, x, nil)
	s.P50 = stat.Quantile(0.5, stat.Empirical, x, nil)
	s.P90 = stat.Quantile(0.9, stat.Empirical, x, nil)
	return s
}

// meanCI is the Student interval mean ± t_{n−1}(1 − α/2)·sd/√n.
func meanCI(mean, sd float64, n int, level float64) (lo, hi float64) {
	if n < 2 {
		return mean, mean
	}
	h := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(0.5+level/2) * sd / math.Sqrt(float64(n))
	return mean - h, mean + h
}

// LogNormal is the maximum-likelihood log-normal fit of a sample of
// positive durations, and how well it fits.
type LogNormal struct {
	N int `json:"n"` // positive durations fitted (zeros cannot be log-normal and are left out)
	// Mu and Sigma are the MLE of the log's mean and standard deviation:
	//
	//	μ̂ = (1/n) Σ log xᵢ,   σ̂² = (1/n) Σ (log xᵢ − μ̂)²,
	//
	// with MuLow…MuHigh = μ̂ ± z·σ̂/√n and SigmaLow…SigmaHigh from
	// n·σ̂²/σ² ~ χ²_{n−1} at the fit's level.
	Mu        float64 `json:"mu"`
	MuLow     float64 `json:"mu_low"`
	MuHigh    float64 `json:"mu_high"`
	Sigma     float64 `json:"sigma"`
	SigmaLow  float64 `json:"sigma_low"`
	SigmaHigh float64 `json:"sigma_high"`
	// Mean and CV are the fitted distribution's: exp(μ + σ²/2) seconds and
	// √(exp(σ²) − 1).
	Mean float64 `json:"mean"`
	CV   float64 `json:"cv"`
	// KS is the Kolmogorov–Smirnov distance sup |Fₙ(x) − F(x; μ̂, σ̂)|,
	// and KSCritical Lilliefors's 5 % critical value for a normal fit with
	// estimated parameters, applied to the logs: 0.886/√n (Lilliefors
	// 1967, JASA 62: 399–402, the large-sample row of his table; n > 30).
	// The plain KS critical value (1.36/√n) would be too lenient, since
	// the parameters come from the same data. Fits reports KS ≤ KSCritical.
	// When every duration is a whole number of seconds (as exports record
	// them) the fitted F is taken at k ± ½ around each recorded k, the
	// interval that rounds to it; otherwise the rounding alone would
	// exceed the critical value on a month of calls.
	KS         float64 `json:"ks"`
	KSCritical float64 `json:"ks_critical"`
	Fits       bool    `json:"fits"`
}

// FitLogNormal fits a log-normal to the positive values of x (seconds) at
// the given confidence level (e.g. 0.95). Brown et al. (2005, §5.1) found
// the Anonymous Bank's service times log-normal. With fewer than 2
// positive values it returns the zero LogNormal.
func FitLogNormal(x []float64, level float64) LogNormal {
	logs := make([]float64, 0, len(x))
	for _, v := range x {
		if v > 0 {
			logs = append(logs, math.Log(v))
		}
	}
	n := len(logs)
	if n < 2 {
		return LogNormal{N: n}
	}
	sort.Float64s(logs)
	var f LogNormal
	f.N = n
	f.Mu = stat.Mean(logs, nil)
	var ss float64
	for _, l := range logs {
		ss += (l - f.Mu) * (l - f.Mu)
	}
	f.Sigma = math.Sqrt(ss / float64(n))
	z := distuv.UnitNormal.Quantile(0.5 + level/2)
	f.MuLow, f.MuHigh = f.Mu-z*f.Sigma/math.Sqrt(float64(n)), f.Mu+z*f.Sigma/math.Sqrt(float64(n))
	chi := distuv.ChiSquared{K: float64(n - 1)}
	f.SigmaLow = math.Sqrt(ss / chi.Quantile(0.5+level/2))
	f.SigmaHigh = math.Sqrt(ss / chi.Quantile(0.5-level/2))
	f.Mean = math.Exp(f.Mu + f.Sigma*f.Sigma/2)
	f.CV = math.Sqrt(math.Expm1(f.Sigma * f.Sigma))
	if f.Sigma > 0 {
		// Whole seconds: a recorded k stands for (k − ½, k + ½), so Fₙ is
		// compared with F(k + ½) after its jump and F(k − ½) before it.
		half := 0.5
		for _, v := range x {
			if v > 0 && v != math.Trunc(v) {
				half = 0
				break
			}
		}
		norm := distuv.Normal{Mu: f.Mu, Sigma: f.Sigma}
		cdf := func(v float64) float64 {
			if v <= 0 {
				return 0
			}
			return norm.CDF(math.Log(v))
		}
		for i := 0; i < n; {
			j := i
			for j < n && logs[j] == logs[i] {
				j++
			}
			v := math.Round(math.Exp(logs[i])*1e6) / 1e6
			if half == 0 {
				v = math.Exp(logs[i])
			}
			// Fₙ jumps from i/n to j/n at a value held by logs[i:j].
			f.KS = math.Max(f.KS, math.Max(math.Abs(float64(j)/float64(n)-cdf(v+half)), math.Abs(cdf(v-half)-float64(i)/float64(n))))
			i = j
		}
	} else {
		f.KS = 1
	}
	f.KSCritical = 0.886 / math.Sqrt(float64(n))
	f.Fits = n > 30 && f.KS <= f.KSCritical
	return f
}
