package erlang

import (
	"fmt"
	"math"
)

// maxSeriesTerms bounds the Erlang A series. The number of terms is about
// (λ − nμ)/θ + O(√(λ/θ)): the mean queue length of a heavily overloaded
// queue with very patient callers. Beyond it Evaluate returns an error
// rather than spending seconds.
const maxSeriesTerms = 20_000_000

// rescale keeps the running sums of the Erlang A series finite: when the
// total passes it, every sum is divided by it and the scale remembered in
// log form.
const (
	rescale    = 1e280
	logRescale = 644.7238260383328 // ln(1e280)
)

// evalA is Erlang A (M/M/n+M) with n ≥ 1 and b = B(n, a) > 0 (see doc.go
// for the formulas).
func (q Queue) evalA(n int, target, b float64) (Result, error) {
	a := q.Traffic()
	lam, th := q.Rate, 1/q.Patience
	nmu := float64(n) / q.AHT
	r := Result{Model: ModelA, Agents: n, Traffic: a, Target: target}
	if b == 0 {
		// B(n, a) underflowed: the chance that every agent is busy is
		// below 1e-308, so nobody waits.
		r.ServiceLevel = 1
		r.Occupancy = clamp01(a / float64(n))
		return r, nil
	}
	if peak := (lam - nmu) / th; peak > maxSeriesTerms {
		return Result{}, fmt.Errorf("erlang A: %.4g erlangs on %d agents with patience %.4g s leaves a mean queue of about %.3g contacts; "+
			"that is beyond what is computed exactly (add agents or shorten the patience)", a, n, q.Patience, peak)
	}

	// Weights of the states with j waiting, relative to state n:
	// w_j = Π_{i=1..j} λ/(nμ + iθ), and the sums they weight.
	var sum, sumAns, sumAb, sumWait, sumQ, logScale float64
	w, h := 1.0, 0.0
	for j := 0; ; j++ {
		d := nmu + float64(j+1)*th // nμ + (j+1)θ
		h += 1 / d                 // Σ_{i=1..j+1} 1/(nμ + iθ)
		ans := nmu / d             // P(answered | j ahead)
		sum += w
		sumAns += w * ans
		sumAb += w * (float64(j+1) * th / d)
		sumWait += w * ans * h
		sumQ += float64(j) * w
		ratio := lam / d
		w *= ratio
		if sum > rescale {
			sum /= rescale
			sumAns /= rescale
			sumAb /= rescale
			sumWait /= rescale
			sumQ /= rescale
			w /= rescale
			logScale += logRescale
		}
		// Past the peak the ratios fall, so the rest of the series is at
		// most w/(1 − ratio).
		if ratio < 1 && (w == 0 || w < 1e-17*sum*(1-ratio)) {
			break
		}
		if j > maxSeriesTerms+1000 {
			return Result{}, fmt.Errorf("erlang A: series did not converge for %d agents and %.4g erlangs", n, a)
		}
	}

	// x = Σ_j p_{n+j} / (1 − B) ·(1 − B)… written so that no step overflows:
	// P(wait) = x/(1 − B + x) with x = sum·e^logScale·B.
	logX := math.Log(sum) + logScale + math.Log(b)
	var pWait, pNoWait float64
	if logX > 0 {
		e := (1 - b) * math.Exp(-logX)
		pWait, pNoWait = 1/(1+e), e/(1+e)
	} else {
		x := math.Exp(logX)
		pWait, pNoWait = x/(1-b+x), (1-b)/(1-b+x)
	}
	pAnsWaited := pWait * sumAns / sum
	pAns := pNoWait + pAnsWaited
	r.ProbWait = clamp01(pWait)
	r.Abandon = clamp01(pWait * sumAb / sum)
	r.QueueLength = pWait * sumQ / sum
	if pAns > 0 {
		r.ASA = pWait * sumWait / sum / pAns
	} else {
		r.ASA = sumWait / sumAns
	}
	r.Occupancy = clamp01(a * pAns / float64(n))

	// Answered contacts that waited longer than the target.
	s, bb := nmu/th, lam/th
	thT := th * target
	y := bb * math.Exp(-thT)
	var ser, serScale float64
	t := 1 / (s + 1)
	for k := 0; ; k++ {
		ser += t
		ratio := y / (s + float64(k) + 2)
		t *= ratio
		if ser > rescale {
			ser /= rescale
			t /= rescale
			serScale += logRescale
		}
		if ratio < 1 && (t == 0 || t < 1e-17*ser*(1-ratio)) {
			break
		}
		if k > maxSeriesTerms+1000 {
			return Result{}, fmt.Errorf("erlang A: waiting-time series did not converge for %d agents and %.4g erlangs", n, a)
		}
	}
	var late float64
	if pWait > 0 {
		logLate := math.Log(pWait) - math.Log(sum) - logScale + math.Log(s) -
			(nmu+th)*target + bb*(-math.Expm1(-thT)) + math.Log(ser) + serScale
		late = math.Exp(logLate)
	}
	r.ServiceLevel = clamp01(pNoWait + pAnsWaited - late)
	if late > pAnsWaited {
		r.ServiceLevel = clamp01(pNoWait)
	}
	return r, nil
}
