// Package erlang is closed-form queueing for staffing a contact centre or
// service desk: Erlang B (lost calls), Erlang C (M/M/n, infinite patience)
// and Erlang A (M/M/n+M, exponential patience), their service level, ASA,
// occupancy and abandonment, and the staffing solvers built on them.
//
// # Units and definitions
//
// Times are in seconds, traffic in erlangs, and rates per second unless a
// Queue gives their period (Rate contacts per Per, so that a count per
// interval keeps its exact traffic: 153 contacts of 300 s per 15 minutes
// are 51 erlangs). For arrival rate λ, mean handle time AHT = 1/μ and mean
// patience 1/θ, the offered traffic is a = λ·AHT and n is the number of
// agents. The definitions are those of DESIGN.md:
//
//   - service level SL(T) = contacts answered within T / all arrivals
//     (answered + abandoned, or + blocked for Erlang B);
//   - ASA = mean wait of answered contacts (those answered at once count 0);
//   - abandon rate = abandoned / all arrivals;
//   - occupancy = carried traffic / n = a·(1 − lost share) / n;
//   - scheduled agents = ⌈agents / (1 − shrinkage)⌉;
//   - FTE = paid agent hours per week / contracted hours per FTE per week.
//
// # Erlang B (M/M/n/n, blocked calls cleared)
//
//	B(0, a) = 1,   B(k, a) = a·B(k−1, a) / (k + a·B(k−1, a))
//
// The recurrence is used in this form because every step stays in [0, 1]:
// it never forms aⁿ/n!, which overflows at n ≈ 170. It starts 12√a + 20
// steps below min(n, a) from B ≈ 1 − k/a, since the error of the start is
// damped by Π k/a ≤ e^−72 on the way up, so it costs O(√a + |n − a|). As a
// model, a blocked contact is lost: ProbWait and Blocking are B(n, a),
// nobody waits (ASA 0), SL = 1 − B for every T and occupancy = a(1 − B)/n.
//
// # Erlang C (M/M/n, infinite patience; stable only for a < n)
//
//	C(n, a)  = n·B(n, a) / (n − a·(1 − B(n, a)))      probability of waiting
//	SL(T)    = 1 − C·exp(−(n − a)·T / AHT)
//	ASA      = C·AHT / (n − a)                        (all contacts are answered)
//	Lq       = C·a / (n − a)                          mean queue length
//	occupancy = a / n
//
// For a ≥ n the queue grows without bound: Evaluate returns an
// *UnstableError (errors.Is(err, ErrUnstable)), never NaN or Inf.
//
// # Erlang A (M/M/n+M)
//
// The number in system is a birth–death chain with birth rate λ and death
// rate min(k, n)·μ + max(k − n, 0)·θ. Relative to state n its stationary
// weights are Σ_{k<n} p_k/p_n = 1/B(n, a) − 1 and, for j ≥ 0 waiting,
//
//	w_j = Π_{i=1..j} λ / (nμ + iθ)
//
// summed until the terms fall below 1e-17 of the total (the tail decays
// faster than geometrically once nμ + jθ > λ), with rescaling so that
// nothing overflows. An arrival that finds j waiting (PASTA) has offered
// wait V_j = Σ_{i=0..j} Exp(nμ + iθ) and independent patience τ ~ Exp(θ), so
//
//	P(answered | j) = E[e^{−θV_j}]   = nμ / (nμ + (j+1)θ)
//	E[V_j; answered] = E[V_j e^{−θV_j}] = P(answered | j) · Σ_{i=1..j+1} 1/(nμ + iθ)
//
// which give P(wait), P(abandon), ASA of answered contacts and Lq exactly.
// The offered wait V has density nμ·p_n·exp(λ(1 − e^{−θx})/θ − nμx) on
// x > 0 (Riordan 1962; Baccelli & Hébuterne 1981), so with s = nμ/θ,
// b = λ/θ, u = e^{−θT} and y = b·u the answered contacts that wait longer
// than T are
//
//	P(V > T, τ > V) = p_n · s · u^{s+1} · e^{b(1−u)} · Σ_{k≥0} y^k / Π_{i=1..k+1}(s + i)
//
// (a lower incomplete gamma function γ(s+1, y) written as its series), and
// SL(T) = P(no wait) + P(answered) − P(no wait) − P(V > T, τ > V). All of
// it is exact up to rounding: no heavy-traffic approximation is used.
//
// # Solvers
//
// Queue.Agents returns the smallest n that meets every target given (SL,
// ASA, maximum occupancy, maximum abandon rate); each is monotone in n. For
// Erlang B and C it evaluates B once at a lower bound n₀ (the stability
// bound ⌊a⌋+1 or a/max-occupancy) and steps up in O(1) per agent; the
// answer is O(√a) steps away (square-root staffing). Erlang A starts from
// the Erlang C answer, gallops to bracket its own and bisects. A target
// met with equality is met: each comparison allows a relative rounding
// error of TargetTolerance (1e-12), so 51 erlangs at most 85 % occupied
// need 60 agents, not the 61 that 0.8500000000000001 would ask for.
// Queue.MaxTraffic is the inverse: the largest traffic n agents carry at
// the targets. Requirements applies Agents to every interval of a forecast.
//
// # References
//
//   - A. K. Erlang (1917), "Solution of some problems in the theory of
//     probabilities of significance in automatic telephone exchanges".
//   - J. Riordan (1962), Stochastic Service Systems, Wiley.
//   - F. Baccelli, G. Hébuterne (1981), "On queues with impatient customers",
//     Performance '81, 159–179.
//   - O. Garnett, A. Mandelbaum, M. Reiman (2002), "Designing a call center
//     with impatient customers", MSOM 4(3), 208–227.
//   - S. Zeltyn, A. Mandelbaum (2005), "Call centers with impatient customers:
//     many-server asymptotics of the M/M/n+G queue", Queueing Systems 51,
//     361–402; and A. Mandelbaum, S. Zeltyn (2007), "Service engineering in
//     action: the Palm/Erlang-A queue, with applications to call centers".
//   - G. Koole (2013), Call Center Optimization, MG Books, ch. 5.
package erlang
