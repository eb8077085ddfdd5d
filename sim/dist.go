package sim

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// Kind names a family of distributions.
type Kind uint8

// The distribution families. None is the zero value: no distribution (for
// Patience: nobody abandons).
const (
	None Kind = iota
	KindExponential
	KindLogNormal
	KindGamma
	KindFixed
	KindEmpirical
)

var kindNames = [...]string{"none", "exponential", "lognormal", "gamma", "fixed", "empirical"}

// String returns the lower-case name used in scenario files.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Dist is a distribution of durations (handle time or patience), as plain
// data. Build it with Exponential, LogNormal, Gamma, Fixed or Empirical; the
// zero Dist is None.
//
// Mean is the mean and CV the coefficient of variation (standard deviation
// / mean) for LogNormal and Gamma; Samples are the observations Empirical
// resamples from.
type Dist struct {
	Kind    Kind
	Mean    time.Duration
	CV      float64
	Samples []time.Duration
}

// Exponential returns the exponential distribution with the given mean
// (CV 1; memoryless, the M in M/M/n).
func Exponential(mean time.Duration) Dist { return Dist{Kind: KindExponential, Mean: mean} }

// LogNormal returns the log-normal distribution with the given mean and
// coefficient of variation: ln X ~ Normal(μ, σ²) with σ² = ln(1 + cv²) and
// μ = ln(mean) − σ²/2. Handle times of real desks are close to log-normal
// (Brown et al. 2005, "Statistical analysis of a telephone call center",
// JASA 100(469)).
func LogNormal(mean time.Duration, cv float64) Dist {
	return Dist{Kind: KindLogNormal, Mean: mean, CV: cv}
}

// Gamma returns the gamma distribution with the given mean and coefficient
// of variation: shape k = 1/cv², scale θ = mean·cv².
func Gamma(mean time.Duration, cv float64) Dist {
	return Dist{Kind: KindGamma, Mean: mean, CV: cv}
}

// Fixed returns the degenerate distribution at d.
func Fixed(d time.Duration) Dist { return Dist{Kind: KindFixed, Mean: d} }

// Empirical returns the distribution that resamples the given observations
// uniformly with replacement (the bootstrap). The slice is copied.
func Empirical(samples []time.Duration) Dist {
	return Dist{Kind: KindEmpirical, Samples: slices.Clone(samples)}
}

// MeanDuration returns the mean of the distribution (0 for None): Mean, or
// for Empirical the mean of the samples.
func (d Dist) MeanDuration() time.Duration {
	if d.Kind != KindEmpirical {
		if d.Kind == None {
			return 0
		}
		return d.Mean
	}
	if len(d.Samples) == 0 {
		return 0
	}
	var sum float64
	for _, s := range d.Samples {
		sum += float64(s)
	}
	return time.Duration(math.Round(sum / float64(len(d.Samples))))
}

// String describes the distribution, e.g. "lognormal(mean 4m0s, cv 0.8)".
func (d Dist) String() string {
	switch d.Kind {
	case None:
		return "none"
	case KindExponential, KindFixed:
		return fmt.Sprintf("%v(mean %v)", d.Kind, d.Mean)
	case KindLogNormal, KindGamma:
		return fmt.Sprintf("%v(mean %v, cv %g)", d.Kind, d.Mean, d.CV)
	case KindEmpirical:
		return fmt.Sprintf("empirical(%d samples, mean %v)", len(d.Samples), d.MeanDuration())
	}
	return d.Kind.String()
}

// Validate reports what is wrong with the parameters, or nil. The None
// distribution is valid here; whether it is allowed depends on its use.
func (d Dist) Validate() error {
	switch d.Kind {
	case None:
		return nil
	case KindExponential, KindFixed:
		if d.Kind == KindFixed && d.Mean == 0 {
			return nil
		}
		if d.Mean <= 0 {
			return fmt.Errorf("%v: mean %v must be positive", d.Kind, d.Mean)
		}
	case KindLogNormal, KindGamma:
		if d.Mean <= 0 {
			return fmt.Errorf("%v: mean %v must be positive", d.Kind, d.Mean)
		}
		if !(d.CV > 0) || math.IsInf(d.CV, 0) || d.CV > 100 {
			return fmt.Errorf("%v: cv %v must be a number in (0, 100] (0.5 to 1.5 is typical; use fixed for cv 0)", d.Kind, d.CV)
		}
	case KindEmpirical:
		if len(d.Samples) == 0 {
			return fmt.Errorf("empirical: needs at least one sample")
		}
		for i, s := range d.Samples {
			if s < 0 {
				return fmt.Errorf("empirical: sample %d is %v; durations must not be negative", i+1, s)
			}
		}
	default:
		return fmt.Errorf("unknown distribution %v", d.Kind)
	}
	return nil
}
