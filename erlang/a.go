package erlang

import (
	"fmt"
	"math"
	"time"
)

// maxSeriesTerms bounds the Erlang A series (seriesTerms). The number of terms is about
// (λ − nμ)/θ + O(√(λ/θ)): the mean queue length of a heavily overloaded
// queue with very patient callers. Beyond it Evaluate returns an error
// rather than spending seconds.
const maxSeriesTerms = 4_000_000

// seriesTerms estimates the terms the Erlang A series need for s = nμ/θ
// and b = λ/θ. The terms b^j/Π(s+i) rise to a peak at j = b − s and fall
// like a Gaussian of width √b around it; below the peak (b < s) they fall
// geometrically at rate b/s.
func seriesTerms(s, b float64) float64 {
	if b >= s {
		return b - s + 9*math.Sqrt(b) + 100
	}
	return math.Min(40/math.Log(s/b), 9*math.Sqrt(s)) + 100
}

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
	lam, th := q.RatePer(time.Second), 1/q.Patience
	nmu := float64(n) / q.AHT
	r := Result{Model: ModelA, Agents: n, Traffic: a, Target: target}
	if b == 0 {
		// B(n, a) underflowed: the chance that every agent is busy is
		// below 1e-308, so nobody waits.
		r.ServiceLevel = 1
		r.Occupancy = clamp01(a / float64(n))
		return r, nil
	}
	if terms := seriesTerms(nmu/th, lam/th); terms > maxSeriesTerms {
		return Result{}, fmt.Errorf("erlang A: %.4g erlangs on %d agents with a patience %.3g times the AHT needs about %.3g queue states, "+
			"beyond what is computed exactly: with callers this patient use Erlang C (drop the patience), or add agents",
			a, n, q.Patience/q.AHT, terms)
	}

	// Weights of the states with j waiting, relative to state n:
	// w_j = Π_{i=1..j} λ/(nμ + iθ), and the sums they weight.
	var sum, sumAns, sumAb, sumWait, sumQ, logScale float64
	w, h := 1.0, 0.0
	for j := 0; ; j++ {
		inv := 1 / (nmu + float64(j+1)*th) // 1/(nμ + (j+1)θ), the only division
		h += inv                           // Σ_{i=1..j+1} 1/(nμ + iθ)
		ans := nmu * inv                   // P(answered | j ahead)
		sum += w
		sumAns += w * ans
		sumAb += w * (float64(j+1) * th * inv) // not 1 − ans: no cancellation for tiny θ
		sumWait += w * ans * h
		sumQ += float64(j) * w
		ratio := lam * inv
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
		if j > 2*maxSeriesTerms {
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
		if k > 2*maxSeriesTerms {
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
