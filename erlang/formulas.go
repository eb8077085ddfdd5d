package erlang

import "math"

// B returns the Erlang B blocking probability for n servers offered a
// erlangs of traffic (n ≥ 0, a ≥ 0):
//
//	B(0, a) = 1,   B(k, a) = a·B(k−1, a) / (k + a·B(k−1, a))
//
// The recurrence keeps every intermediate value in [0, 1], so it is exact
// to rounding for any n; it never forms aⁿ/n!, which overflows at n ≈ 170.
// It starts 12√a + 20 steps below min(n, a) (see startB), so it costs
// O(√a + |n − a|) rather than O(n). B panics if n < 0 or a is negative or NaN (programmer
// misuse: validate user input with Queue.Validate first).
func B(n int, a float64) float64 {
	if n < 0 || !(a >= 0) {
		panic("erlang.B: need n ≥ 0 and a ≥ 0")
	}
	if a == 0 {
		if n == 0 {
			return 1
		}
		return 0
	}
	if math.IsInf(a, 1) {
		return 1
	}
	k0, b := startB(n, a)
	for k := k0 + 1; k <= n; k++ {
		ab := a * b
		b = ab / (float64(k) + ab)
	}
	return b
}

// startB returns where the B recurrence may start for B(n, a), and an
// approximate B there, so that B costs O(√a + |n − a|) instead of O(n).
//
// The recurrence in the form r(k) = 1/B(k) = 1 + (k/a)·r(k−1) carries an
// error in r(k0) into r(n) multiplied by Π_{k0<k≤n} k/a, while r(n) itself
// is at least the part of that product above k = a. So the relative error
// of B(n, a) is at most Π_{k0<k≤min(n,a)} k/a times that of the start:
// starting 12√a + 20 steps below min(n, a) damps it by at least e^−72.
// The start r(k0) ≈ a/(a − k0) is the bound of Σ_j (k0/a)^j, within a factor
// √a/12 of the truth, so the result is exact to rounding (≲ 1e-29 relative).
func startB(n int, a float64) (int, float64) {
	k0 := int(math.Min(float64(n), a) - 12*math.Sqrt(a) - 20)
	if k0 <= 0 {
		return 0, 1
	}
	return k0, (a - float64(k0)) / a
}

// nextB returns B(n+1, a) from b = B(n, a).
func nextB(n int, a, b float64) float64 {
	ab := a * b
	return ab / (float64(n+1) + ab)
}

// C returns the Erlang C probability that an arriving contact waits, for n
// agents and offered traffic a erlangs:
//
//	C(n, a) = n·B(n, a) / (n − a·(1 − B(n, a)))     for a < n
//
// For a ≥ n the queue is unstable and every contact waits: C returns 1.
// The result is always in [0, 1]. C panics on n < 0 or a < 0 or NaN.
func C(n int, a float64) float64 {
	if n < 0 || !(a >= 0) {
		panic("erlang.C: need n ≥ 0 and a ≥ 0")
	}
	if a >= float64(n) {
		return 1
	}
	return cFromB(n, a, B(n, a))
}

// cFromB is Erlang C from b = B(n, a), a < n.
func cFromB(n int, a, b float64) float64 {
	nf := float64(n)
	c := nf * b / (nf - a*(1-b))
	return clamp01(c)
}

// Scheduled returns the agents to schedule so that agents remain after
// shrinkage s in [0, 1): ⌈agents / (1 − s)⌉. A tolerance of 1e-9 absorbs
// rounding, so 14 agents at 30 % shrinkage give 20, not 21. Scheduled
// panics on shrinkage ≥ 1 (programmer misuse: commands refuse such a
// --shrinkage before calling it).
func Scheduled(agents int, shrinkage float64) int {
	if agents <= 0 {
		return 0
	}
	if !(shrinkage > 0) {
		return agents
	}
	if shrinkage >= 1 {
		panic("erlang.Scheduled: shrinkage must be below 1")
	}
	v := math.Ceil(float64(agents)/(1-shrinkage) - 1e-9)
	if v >= math.MaxInt64 {
		// Shrinkage within 1e-13 of 1: saturate rather than wrap negative.
		return math.MaxInt
	}
	return int(v)
}

// FTE returns full-time equivalents: paid agent hours per week divided by
// the contracted hours of one FTE per week (37.5 is common). FTE panics
// unless hoursPerFTE is positive (programmer misuse: commands check
// --hours-per-fte first).
func FTE(paidHoursPerWeek, hoursPerFTE float64) float64 {
	if !(hoursPerFTE > 0) {
		panic("erlang.FTE: hours per FTE must be positive")
	}
	return paidHoursPerWeek / hoursPerFTE
}

func clamp01(x float64) float64 {
	switch {
	case x < 0:
		return 0
	case x > 1:
		return 1
	}
	return x
}
