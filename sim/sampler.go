package sim

import (
	"math"
	"math/rand/v2"
	"time"
)

// sampler is a Dist compiled for fast sampling: the parameters of each
// family are worked out once per run, not once per contact.
type sampler struct {
	kind    Kind
	mean    float64 // ns
	mu      float64 // log-normal: mean of ln X (ln ns)
	sigma   float64 // log-normal: sd of ln X
	shape   float64 // gamma shape k
	scale   float64 // gamma scale θ (ns)
	mtD     float64 // Marsaglia–Tsang d = k − 1/3 (k + 1 − 1/3 when k < 1)
	mtC     float64 // Marsaglia–Tsang c = 1/√(9d)
	samples []time.Duration
}

// maxSample caps samples far in the tail so that a time plus a sample never
// overflows a time.Duration (about 292 years); a cap of 100 years is never
// reached by a sane distribution.
const maxSample = float64(100 * 365 * 24 * time.Hour)

func compile(d Dist) sampler {
	s := sampler{kind: d.Kind, mean: float64(d.Mean), samples: d.Samples}
	switch d.Kind {
	case KindLogNormal:
		s.sigma = math.Sqrt(math.Log1p(d.CV * d.CV))
		s.mu = math.Log(float64(d.Mean)) - s.sigma*s.sigma/2
	case KindGamma:
		s.shape = 1 / (d.CV * d.CV)
		s.scale = float64(d.Mean) * d.CV * d.CV
		k := s.shape
		if k < 1 {
			k++
		}
		s.mtD = k - 1.0/3
		s.mtC = 1 / math.Sqrt(9*s.mtD)
	}
	return s
}

// sample draws one duration. It uses a fixed number of draws from r for
// every family but gamma (rejection sampling).
func (s *sampler) sample(r *rand.Rand) time.Duration {
	var x float64
	switch s.kind {
	case KindExponential:
		x = r.ExpFloat64() * s.mean
	case KindLogNormal:
		x = math.Exp(s.mu + s.sigma*r.NormFloat64())
	case KindGamma:
		x = s.gamma(r) * s.scale
	case KindFixed:
		return time.Duration(s.mean)
	case KindEmpirical:
		return s.samples[r.IntN(len(s.samples))]
	default:
		return 0
	}
	if !(x < maxSample) {
		x = maxSample
	}
	return time.Duration(x + 0.5)
}

// gamma draws a standard gamma variate with shape s.shape by Marsaglia &
// Tsang (2000), "A simple method for generating gamma variables", ACM TOMS
// 26(3); for shape < 1 it draws shape+1 and multiplies by U^(1/shape).
func (s *sampler) gamma(r *rand.Rand) float64 {
	var v float64
	for {
		x := r.NormFloat64()
		t := 1 + s.mtC*x
		if t <= 0 {
			continue
		}
		v = t * t * t
		u := r.Float64()
		x2 := x * x
		if u < 1-0.0331*x2*x2 || math.Log(u) < 0.5*x2+s.mtD*(1-v+math.Log(v)) {
			break
		}
	}
	g := s.mtD * v
	if s.shape < 1 {
		g *= math.Pow(r.Float64(), 1/s.shape)
	}
	return g
}

// Sample draws one duration from d using r. It is a convenience for callers
// and tests; the simulator compiles each Dist once instead. Sample of an
// invalid Dist returns 0.
func (d Dist) Sample(r *rand.Rand) time.Duration {
	if d.Validate() != nil {
		return 0
	}
	s := compile(d)
	return s.sample(r)
}
