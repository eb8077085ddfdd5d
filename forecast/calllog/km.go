package calllog

import (
	"encoding/json"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

// Step is one distinct event time of a Kaplan–Meier curve.
type Step struct {
	Time     float64 `json:"seconds"`  // seconds
	AtRisk   int     `json:"at_risk"`  // nᵢ: observations with time ≥ Time
	Events   int     `json:"events"`   // dᵢ: events (abandons) at Time
	Censored int     `json:"censored"` // censored observations at Time (answered calls)
	Survival float64 `json:"survival"` // Ŝ(Time), the estimate just after Time
	SE       float64 `json:"se"`       // Greenwood standard error of Ŝ(Time)
	Lower    float64 `json:"lower"`    // pointwise confidence band at the curve's level
	Upper    float64 `json:"upper"`
}

// Survival is a Kaplan–Meier estimate: the steps at the event times, in
// time order. Ŝ(t) is 1 before the first step and the last step's value
// after it, up to the largest observation.
type Survival struct {
	Steps []Step  `json:"steps"`
	N     int     `json:"n"`           // observations
	Max   float64 `json:"max_seconds"` // largest observed time (event or censored), seconds
	Level float64 `json:"level"`       // confidence level of the bands, e.g. 0.95
}

// KaplanMeier returns the product-limit estimate of the survival function
// of times t (seconds ≥ 0), where event[i] says t[i] is an event (an
// abandon) and otherwise a right-censored time (an answered call: its
// patience was at least t[i]) — Kaplan & Meier (1958), JASA 53: 457–481:
//
//	Ŝ(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ)
//
// with dᵢ events at tᵢ and nᵢ observations still at risk (time ≥ tᵢ;
// censored times tied with an event count as at risk, the usual
// convention). Its variance is Greenwood's (1926):
//
//	Var Ŝ(t) = Ŝ(t)² · Σ_{tᵢ ≤ t} dᵢ / (nᵢ(nᵢ − dᵢ)),
//
// and the band at level (e.g. 0.95) is the pointwise Ŝ ± z·SE clipped to
// [0, 1] (Klein & Moeschberger 2003, §4.3, the "linear" interval). Where
// nᵢ = dᵢ (every one left at risk has the event) Ŝ falls to 0 and the
// variance term is left out. t and event must have the same length;
// KaplanMeier sorts copies of them, in O(n log n).
func KaplanMeier(t []float64, event []bool, level float64) Survival {
	n := len(t)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return t[idx[a]] < t[idx[b]] })
	z := distuv.UnitNormal.Quantile(0.5 + level/2)
	s := Survival{N: n, Level: level}
	surv, gw := 1.0, 0.0
	atRisk := n
	for i := 0; i < n; {
		ti := t[idx[i]]
		d, c := 0, 0
		for ; i < n && t[idx[i]] == ti; i++ {
			if event[idx[i]] {
				d++
			} else {
				c++
			}
		}
		s.Max = ti
		if d > 0 {
			surv *= 1 - float64(d)/float64(atRisk)
			if atRisk > d {
				gw += float64(d) / (float64(atRisk) * float64(atRisk-d))
			}
			se := surv * math.Sqrt(gw)
			s.Steps = append(s.Steps, Step{Time: ti, AtRisk: atRisk, Events: d, Censored: c, Survival: surv, SE: se,
				Lower: math.Max(0, surv-z*se), Upper: math.Min(1, surv+z*se)})
		}
		atRisk -= d + c
	}
	return s
}

// At returns Ŝ(t) and its band: the last step at or before t (1, with no
// uncertainty, before the first). ok is false beyond the largest observed
// time, where the estimate is undefined.
func (s Survival) At(t float64) (st Step, ok bool) {
	if s.N == 0 || t > s.Max {
		return Step{}, false
	}
	k := sort.Search(len(s.Steps), func(i int) bool { return s.Steps[i].Time > t })
	if k == 0 {
		return Step{Time: t, AtRisk: s.N, Survival: 1, Lower: 1, Upper: 1}, true
	}
	return s.Steps[k-1], true
}

// Median returns the smallest time at which Ŝ falls to 0.5 or below; ok
// is false when it never does (a desk where most callers are answered
// before they lose patience seldom observes its median patience).
func (s Survival) Median() (float64, bool) {
	for _, st := range s.Steps {
		if st.Survival <= 0.5 {
			return st.Time, true
		}
	}
	return 0, false
}

// Exponential is the maximum-likelihood fit of an exponential patience to
// censored waits.
type Exponential struct {
	Events   int     `json:"abandoned"`        // abandoned calls
	Exposure float64 `json:"exposure_seconds"` // Σ waits of all queued calls, seconds
	// Rate is θ̂ = Events / Exposure, abandons per second of waiting, and
	// RateLow, RateHigh its confidence interval.
	Rate     float64 `json:"rate_per_second"`
	RateLow  float64 `json:"rate_low"`
	RateHigh float64 `json:"rate_high"`
	// Mean is the mean patience 1/θ̂ in seconds, and MeanLow, MeanHigh its
	// interval (1/RateHigh, 1/RateLow; +Inf when RateLow is 0, written
	// null in JSON).
	Mean     float64 `json:"-"`
	MeanLow  float64 `json:"-"`
	MeanHigh float64 `json:"-"`
	Level    float64 `json:"level"`
}

// MarshalJSON writes e with its mean patience and interval in seconds,
// null where infinite (no abandons).
func (e Exponential) MarshalJSON() ([]byte, error) {
	type plain Exponential
	fin := func(v float64) *float64 {
		if math.IsInf(v, 0) {
			return nil
		}
		return &v
	}
	return json.Marshal(struct {
		plain
		Mean     *float64 `json:"mean_seconds"`
		MeanLow  *float64 `json:"mean_low"`
		MeanHigh *float64 `json:"mean_high"`
	}{plain(e), fin(e.Mean), fin(e.MeanLow), fin(e.MeanHigh)})
}

// FitExponential returns the exponential MLE of patience from d events in
// a total exposure w seconds (every queued call's wait, censored or not):
//
//	θ̂ = d / w,   mean patience = w / d
//
// (the log-likelihood d·log θ − θ·w is maximal there; Brown et al. 2005,
// §6.3, estimate θ as P(Ab)/E[W], the same ratio). The interval treats d
// as Poisson with mean θ·w, Garwood's exact interval (Garwood 1936,
// Biometrika 28: 437–442):
//
//	θ ∈ [χ²_{2d}(α/2) / 2w, χ²_{2d+2}(1 − α/2) / 2w],  α = 1 − level.
//
// With d = 0 the rate is 0 and the mean +Inf. w must be > 0.
func FitExponential(d int, w, level float64) Exponential {
	e := Exponential{Events: d, Exposure: w, Level: level}
	alpha := 1 - level
	e.Rate = float64(d) / w
	if d > 0 {
		e.RateLow = distuv.ChiSquared{K: float64(2 * d)}.Quantile(alpha/2) / (2 * w)
	}
	e.RateHigh = distuv.ChiSquared{K: float64(2*d + 2)}.Quantile(1-alpha/2) / (2 * w)
	inv := func(r float64) float64 {
		if r == 0 {
			return math.Inf(1)
		}
		return 1 / r
	}
	e.Mean, e.MeanLow, e.MeanHigh = inv(e.Rate), inv(e.RateHigh), inv(e.RateLow)
	return e
}
