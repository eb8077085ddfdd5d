package erlang

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/staffsim/staffsim/internal/quantity"
)

// Targets are what a headcount must achieve. A zero field sets no target,
// except Within, which is also the T at which the service level is
// reported.
type Targets struct {
	ServiceLevel float64 // goal in [0, 1): share answered within Within
	Within       float64 // T, seconds ≥ 0
	ASA          float64 // maximum ASA, seconds
	MaxOccupancy float64 // maximum occupancy in (0, 1]
	MaxAbandon   float64 // maximum abandon rate in (0, 1), Erlang A only
}

// ErrTargetsUnmet is matched (errors.Is) when no headcount up to the
// search limit meets every target.
var ErrTargetsUnmet = errors.New("targets cannot be met")

// Validate checks the targets' domains for model m and says how to fix
// the first that is wrong.
func (t Targets) Validate(m Model) error {
	bad := func(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) || v < 0 }
	switch {
	case bad(t.ServiceLevel) || t.ServiceLevel > 1:
		return fmt.Errorf("service-level goal %v must be between 0 and 100%%", t.ServiceLevel)
	case t.ServiceLevel == 1:
		return fmt.Errorf("a service-level goal of 100%% cannot be met by a queue with random arrivals; use e.g. 99%%")
	case bad(t.Within):
		return fmt.Errorf("service-level target time %v s must be a finite number of seconds ≥ 0", t.Within)
	case bad(t.ASA):
		return fmt.Errorf("ASA target %v s must be a positive number of seconds", t.ASA)
	case bad(t.MaxOccupancy) || t.MaxOccupancy > 1:
		return fmt.Errorf("maximum occupancy %v must be above 0 and at most 100%%", t.MaxOccupancy)
	case bad(t.MaxAbandon) || t.MaxAbandon >= 1:
		return fmt.Errorf("maximum abandon rate %v must be above 0 and below 100%%", t.MaxAbandon)
	case t.MaxAbandon > 0 && m != ModelA:
		return fmt.Errorf("a maximum abandon rate needs Erlang A: give the callers' mean patience")
	}
	return nil
}

func (t Targets) any() bool {
	return t.ServiceLevel > 0 || t.ASA > 0 || t.MaxOccupancy > 0 || t.MaxAbandon > 0
}

// TargetTolerance is the relative slack with which Met compares a result
// with a target: a figure within TargetTolerance·target of it meets it.
//
// A target met with equality must be met, but the figures come from
// floating-point arithmetic: 51 erlangs on 60 agents are exactly 85 %
// occupancy, yet a traffic rounded to 51.00000000000001 gives
// 0.8500000000000001 and, compared strictly, one agent too many. Each
// figure is a short chain of rounded operations on the inputs (the B
// recurrence damps its own errors, see startB), so its relative error is
// a small multiple of the unit roundoff 1.1e-16; 1e-12 absorbs that with
// room to spare, yet is far below any difference a target can mean.
const TargetTolerance = 1e-12

// atMost reports whether x ≤ limit up to TargetTolerance.
func atMost(x, limit float64) bool { return x <= limit*(1+TargetTolerance) }

// atLeast reports whether x ≥ goal up to TargetTolerance.
func atLeast(x, goal float64) bool { return x >= goal*(1-TargetTolerance) }

// Met reports whether r meets every target, each compared with a
// relative slack of TargetTolerance so that a target met with equality
// is met despite rounding. r must be at t.Within.
func (t Targets) Met(r Result) bool {
	return (t.ServiceLevel == 0 || atLeast(r.ServiceLevel, t.ServiceLevel)) &&
		(t.ASA == 0 || atMost(r.ASA, t.ASA)) &&
		(t.MaxOccupancy == 0 || atMost(r.Occupancy, t.MaxOccupancy)) &&
		(t.MaxAbandon == 0 || atMost(r.Abandon, t.MaxAbandon))
}

// String describes the targets for messages: "SL 80% within 20s, ASA ≤ 30s".
func (t Targets) String() string {
	var parts []string
	if t.ServiceLevel > 0 {
		parts = append(parts, fmt.Sprintf("SL %.4g%% within %s", t.ServiceLevel*100, secondsWords(t.Within)))
	}
	if t.ASA > 0 {
		parts = append(parts, "ASA ≤ "+secondsWords(t.ASA))
	}
	if t.MaxOccupancy > 0 {
		parts = append(parts, fmt.Sprintf("occupancy ≤ %.4g%%", t.MaxOccupancy*100))
	}
	if t.MaxAbandon > 0 {
		parts = append(parts, fmt.Sprintf("abandon ≤ %.4g%%", t.MaxAbandon*100))
	}
	if len(parts) == 0 {
		return "no targets"
	}
	return strings.Join(parts, ", ")
}

// secondsWords writes a time in seconds as the flags take it: 20s, 4h,
// 1h30m (quantity.FormatDuration, to the millisecond).
func secondsWords(s float64) string {
	return quantity.FormatDuration(time.Duration(math.Round(s*1000)) * time.Millisecond)
}

// searchLimit is the largest headcount the solvers try for traffic a:
// far beyond square-root staffing a + β√a for any β a target can need,
// and beyond a/MaxOccupancy, the headcount a low occupancy cap needs
// (occupancy ≤ a/n in every model).
func searchLimit(a float64, t Targets) int {
	l := a + 100*math.Sqrt(a) + 1000
	if t.MaxOccupancy > 0 {
		l = math.Max(l, math.Ceil(a/t.MaxOccupancy)+1)
	}
	if l > MaxAgents {
		return MaxAgents
	}
	return int(l)
}

// Agents returns the performance at the smallest number of agents that
// meets every target (at least one must be set), with the service level
// reported at t.Within. With no traffic it returns 0 agents.
//
// Each target is monotone in n, so the answer is the first n that meets
// all of them. Erlang B and C compute B(n₀, a) once at a lower bound n₀
// (the stability bound ⌊a⌋+1, and a/max-occupancy for C) in O(n₀) and step
// n up in O(1) each through B(n+1) = aB/(n+1+aB); the answer lies a + O(√a)
// away. Erlang A bisects on n with a full evaluation per step.
func (q Queue) Agents(t Targets) (Result, error) {
	if err := q.Validate(); err != nil {
		return Result{}, err
	}
	if err := t.Validate(q.Model); err != nil {
		return Result{}, err
	}
	if !t.any() {
		return Result{}, fmt.Errorf("no target given: set a service level, ASA, maximum occupancy or maximum abandon rate")
	}
	a := q.Traffic()
	if a == 0 {
		return Result{Model: q.Model, Traffic: 0, Target: t.Within, ServiceLevel: 1}, nil
	}
	limit := searchLimit(a, t)
	unmet := func() error {
		return fmt.Errorf("%w: no headcount up to %d agents meets %s at %.4g erlangs", ErrTargetsUnmet, limit, t, a)
	}
	switch q.Model {
	case ModelB, ModelC:
		n := 1
		if q.Model == ModelC {
			n = minStable(a)
			if t.MaxOccupancy > 0 {
				// occupancy a/n ≤ max needs n ≥ a/max; its floor is a safe
				// lower bound, and stays one when Met's tolerance lets
				// a/n exceed max by a rounding error.
				lb := a / t.MaxOccupancy
				if lb > float64(limit) {
					return Result{}, unmet()
				}
				n = max(n, int(lb))
			}
		}
		b := B(n, a)
		for ; n <= limit; n++ {
			var r Result
			if q.Model == ModelB {
				r = q.evalB(n, t.Within, b)
			} else {
				r = q.evalC(n, t.Within, b)
			}
			if t.Met(r) {
				return r, nil
			}
			b = nextB(n, a, b)
		}
		return Result{}, unmet()
	}
	// Erlang A: gallop from a guess to bracket the answer, then bisect.
	// The guess is the Erlang C answer for the same SL, ASA and occupancy
	// targets, which is usually within an agent or two (abandonment
	// relieves the queue); a few evaluations then suffice.
	guess := max(1, int(math.Ceil(a)))
	if tc := (Targets{ServiceLevel: t.ServiceLevel, Within: t.Within, ASA: t.ASA, MaxOccupancy: t.MaxOccupancy}); tc.any() {
		if rc, err := (Queue{Model: ModelC, Rate: q.Rate, Per: q.Per, AHT: q.AHT}).Agents(tc); err == nil {
			guess = max(1, rc.Agents)
		}
	}
	guess = min(guess, limit)
	// The answer is usually within a few agents below the guess: B there
	// comes from one evaluation and forward steps, which are exact.
	const window = 8
	first := max(1, guess-window)
	bs := make([]float64, guess-first+1)
	bs[0] = B(first, a)
	for i := 1; i < len(bs); i++ {
		bs[i] = nextB(first+i-1, a, bs[i-1])
	}
	meets := func(n int) (Result, bool, error) {
		var b float64
		if n >= first && n <= guess {
			b = bs[n-first]
		} else {
			b = B(n, a)
		}
		r, err := q.evalA(n, t.Within, b)
		if err != nil {
			return r, false, err
		}
		return r, t.Met(r), nil
	}
	r, ok, err := meets(guess)
	if err != nil {
		return Result{}, err
	}
	// Invariant after bracketing: lo fails (or is 0), hi meets.
	var lo, hi int
	best := r
	if ok {
		hi = guess
		for step := 1; ; step *= 2 {
			lo = max(0, hi-step)
			if lo == 0 {
				break
			}
			r, ok, err := meets(lo)
			if err != nil {
				return Result{}, err
			}
			if !ok {
				break
			}
			hi, best = lo, r
		}
	} else {
		lo = guess
		for step := 1; ; step *= 2 {
			if lo == limit {
				return Result{}, unmet()
			}
			hi = min(limit, lo+step)
			r, ok, err := meets(hi)
			if err != nil {
				return Result{}, err
			}
			if ok {
				best = r
				break
			}
			lo = hi
		}
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		r, ok, err := meets(mid)
		if err != nil {
			return Result{}, err
		}
		if ok {
			hi, best = mid, r
		} else {
			lo = mid
		}
	}
	return best, nil
}

// MaxTraffic returns the largest offered traffic, in erlangs, that n
// agents carry while meeting every target (the queue's Rate and Per are ignored;
// its AHT, patience and model are used). Divide by AHT for the arrival
// rate. Each target worsens as traffic grows, so the answer is found by
// bisection to a relative precision of 1e-10.
func (q Queue) MaxTraffic(n int, t Targets) (float64, error) {
	q.Rate, q.Per = 0, 0
	if err := q.Validate(); err != nil {
		return 0, err
	}
	if err := t.Validate(q.Model); err != nil {
		return 0, err
	}
	if !t.any() {
		return 0, fmt.Errorf("no target given: set a service level, ASA, maximum occupancy or maximum abandon rate")
	}
	if n < 1 || n > MaxAgents {
		return 0, fmt.Errorf("agents %d must be between 1 and %d", n, MaxAgents)
	}
	meets := func(a float64) (bool, error) {
		q.Rate, q.Per = a/q.AHT, 0
		if q.Model == ModelC && a >= float64(n) {
			return false, nil
		}
		r, err := q.Evaluate(n, t.Within)
		if err != nil {
			return false, err
		}
		return t.Met(r), nil
	}
	lo, hi := 0.0, float64(n)
	if q.Model != ModelC {
		for {
			ok, err := meets(hi)
			if err != nil {
				return 0, err
			}
			if !ok {
				break
			}
			lo = hi
			hi *= 2
			if hi > MaxTraffic {
				return 0, fmt.Errorf("%d agents meet %s at any traffic up to %d erlangs", n, t, MaxTraffic)
			}
		}
	}
	for hi-lo > 1e-10*hi {
		mid := (lo + hi) / 2
		ok, err := meets(mid)
		if err != nil {
			return 0, err
		}
		if ok {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return 0, fmt.Errorf("%w: %d agents cannot meet %s at any traffic", ErrTargetsUnmet, n, t)
	}
	return lo, nil
}
