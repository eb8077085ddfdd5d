package calllog

import (
	"sort"
)

// Not-ready share.
//
// A work-conserving desk never leaves a ready agent idle while a call
// waits: a call that waits is waiting for every agent to be busy, in
// wrap-up or answering (the pick-up delay). Brown et al. (2005, §3.2 and
// §4) observe that the bank's agents are not: agents logged in sit idle
// while calls wait ("not ready", breaks the log does not show, calls of a
// class they do not take). Read back from the log, with W̄ and D̄ the
// estimated mean wrap-up and pick-up delay (W̄ = 0 and D̄ the mean busy
// gap when they are not separable):
//
//   - Q, the times some call surely waited unassigned, is the union of
//     [arrival, exit − D⁺) over the queued calls, D⁺ the 90th percentile
//     of the pick-up delay (of the busy gaps when not separable): the
//     last D⁺ of a wait may be the phone ringing at an agent already
//     chosen, and a call ringing is no call left waiting;
//   - an agent's unexplained idle time in a gap [e, s′) between its
//     consecutive calls (e the end of one, s′ the start of the next) is
//     |[e + W̄, s′ − D̄) ∩ Q|: off a call, past its wrap-up, not yet
//     ringing for its next call, while a call waited unassigned. When Q
//     covers the whole gap (a busy gap: the agent had a call to take as
//     soon as it was ready) it counts s′ − e − W̄ − D̄ with its sign, so
//     that the variation of W and D about their means cancels out (a
//     busy gap is W + D on a work-conserving desk, whose mean excess is
//     0); a gap only partly in Q counts its positive part;
//   - the exposure is the agents' present time (stretches of work, as
//     Present) while Q holds: Σ |stretch ∩ Q|.
//
// NotReady = max(0, Σ unexplained) / exposure: the share of the agents'
// time, while calls waited unassigned, that they spent neither on a call,
// in wrap-up nor answering. When agents are not ready at random moments
// of their time on duty (independently of the queue, as sim's not-ready
// spells are), it estimates their not-ready share.
//
// Assumptions and bias: it reads high. On a work-conserving desk a gap
// only partly in Q still adds its positive part of a longer-than-mean
// W + D, and the 10 % of rings longer than D⁺ count as calls waiting:
// on generated desks with D ~ U(2 s, 18 s) it reads 2–4 points where
// the truth is 0, and 2–4 points high at 6 % and 12 % (notready_test.go).
// A long pick-up delay (an agent slow to answer) is counted as not-ready
// time: the two cannot be told apart in a log. It is conditional on the queue, and the queue is longer
// when more agents are not ready, so it reads a little high on a desk
// near overload; a not-ready spell longer than GapLimit is a break (the
// stretch ends, the agent is absent), not not-ready time; time before
// the first and after the last call of a stretch is not seen.
func (e *Estimator) notReady(between, stretches []span, w, d, ring float64) (share, hours float64) {
	dn, wn, rn := int64(d*1e9), int64(w*1e9), int64(max(d, ring)*1e9)
	var q []span
	for _, c := range e.calls {
		if x := c.arrival + int64(c.wait*1e9) - rn; x > c.arrival {
			q = append(q, span{c.arrival, x})
		}
	}
	q = union(q)
	var idle, exposure float64
	for _, s := range stretches {
		exposure += float64(overlap(q, s.from, s.to))
	}
	if exposure == 0 {
		return 0, 0
	}
	for _, g := range between {
		lo, hi := g.from+wn, g.to-dn
		if hi <= g.from {
			if holds(q, g.from) {
				idle += float64(g.to - g.from - wn - dn)
			}
			continue
		}
		if holds(q, g.from) && overlap(q, g.from, hi) == hi-g.from {
			idle += float64(hi - lo)
			continue
		}
		if hi > lo {
			idle += float64(overlap(q, lo, hi))
		}
	}
	return max(0, idle) / exposure, exposure / 3600e9
}

// union returns the union of spans as disjoint spans sorted by start.
func union(s []span) []span {
	sort.Slice(s, func(i, j int) bool { return s[i].from < s[j].from })
	out := s[:0]
	for _, x := range s {
		if n := len(out); n > 0 && x.from <= out[n-1].to {
			out[n-1].to = max(out[n-1].to, x.to)
			continue
		}
		out = append(out, x)
	}
	return out
}

// overlap is the length of [a, b) ∩ u, u disjoint and sorted.
func overlap(u []span, a, b int64) int64 {
	var n int64
	for i := sort.Search(len(u), func(i int) bool { return u[i].to > a }); i < len(u) && u[i].from < b; i++ {
		n += min(b, u[i].to) - max(a, u[i].from)
	}
	return n
}

// holds reports whether t is in u, disjoint and sorted.
func holds(u []span, t int64) bool {
	i := sort.Search(len(u), func(i int) bool { return u[i].to > t })
	return i < len(u) && u[i].from <= t
}
