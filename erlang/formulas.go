package erlang

import "math"

// B returns the Erlang B blocking probability for n servers offered a
// erlangs of traffic (n ≥ 0, a ≥ 0):
//
//	B(0, a) = 1,   B(k, a) = a·B(k−1, a) / (k + a·B(k−1, a))
//
// The recurrence keeps every intermediate value in [0, 1], so it is exact
// to rounding for any n; it never forms aⁿ/n!, which overflows at n ≈ 170.
// It costs O(n). B panics if n < 0 or a is negative or NaN (programmer
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
	b := 1.0
	for k := 1; k <= n; k++ {
		ab := a * b
		b = ab / (float64(k) + ab)
	}
	return b
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
// rounding, so 14 agents at 30 % shrinkage give 20, not 21.
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
	return int(math.Ceil(float64(agents)/(1-shrinkage) - 1e-9))
}

// FTE returns full-time equivalents: paid agent hours per week divided by
// the contracted hours of one FTE per week (37.5 is common).
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
