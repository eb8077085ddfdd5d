package erlang

import (
	"fmt"
	"math"
	"time"
)

// Queue is one queue's offered work and the model used for it.
//
// The zero Model is Erlang C. Patience is used only by Erlang A, which
// needs it positive.
//
// The arrival rate is Rate contacts per Per: Queue{Rate: 153, Per:
// 15 * time.Minute} is 153 contacts a quarter hour. The zero Per means a
// second, so Queue{Rate: λ} is λ contacts per second. Giving the count and
// its period rather than a rate per second keeps the traffic exact when it
// is (see Traffic).
type Queue struct {
	Model    Model
	Rate     float64       // arrival rate λ, contacts per Per, ≥ 0
	Per      time.Duration // the period of Rate, ≥ 0; zero means a second
	AHT      float64       // mean handle time 1/μ, seconds, > 0
	Patience float64       // mean patience 1/θ, seconds (Erlang A only), > 0
}

// Traffic returns the offered traffic a = λ·AHT in erlangs, computed as
// Rate·AHT / Per (in seconds) with the product first: integral counts and
// handle times give an exact product, so an exact traffic comes out exact
// (153 contacts of 300 s in 900 s are 51 erlangs, where 153/900·300 would
// give 51.00000000000001).
func (q Queue) Traffic() float64 {
	if q.Per == 0 {
		return q.Rate * q.AHT
	}
	return q.Rate * q.AHT / q.Per.Seconds()
}

// RatePer returns the arrival rate in contacts per d, computed as
// Rate·d / Per with the product first (so 153 per 15 minutes is exactly
// 612 per hour).
func (q Queue) RatePer(d time.Duration) float64 {
	if q.Per == 0 {
		return q.Rate * d.Seconds()
	}
	return q.Rate * d.Seconds() / q.Per.Seconds()
}

// Validate checks that the queue's figures are finite and in their domain,
// and names the one that is not.
func (q Queue) Validate() error {
	switch {
	case q.Model != ModelA && q.Model != ModelB && q.Model != ModelC:
		return fmt.Errorf("unknown model %v: use erlang-b, erlang-c or erlang-a", q.Model)
	case math.IsNaN(q.Rate) || math.IsInf(q.Rate, 0) || q.Rate < 0:
		return fmt.Errorf("arrival rate %v must be a finite number ≥ 0", q.Rate)
	case q.Per < 0:
		return fmt.Errorf("arrival-rate period %v must be positive (or zero for a rate per second)", q.Per)
	case math.IsNaN(q.AHT) || math.IsInf(q.AHT, 0) || q.AHT <= 0:
		return fmt.Errorf("AHT %v s must be a positive, finite number of seconds", q.AHT)
	case q.Model == ModelA && (math.IsNaN(q.Patience) || math.IsInf(q.Patience, 0) || q.Patience <= 0):
		return fmt.Errorf("mean patience %v s must be positive and finite for Erlang A", q.Patience)
	case q.Traffic() > MaxTraffic:
		return fmt.Errorf("traffic %.6g erlangs is above the supported %d erlangs", q.Traffic(), MaxTraffic)
	}
	return nil
}

// Limits of the supported domain.
const (
	MaxTraffic = 1_000_000 // erlangs
	MaxAgents  = 2_000_000
)

// Result holds a queue's performance with a given number of agents. All
// fields are finite and non-negative.
type Result struct {
	Model        Model
	Agents       int
	Traffic      float64 // offered traffic a, erlangs
	Target       float64 // the T of ServiceLevel, seconds
	ServiceLevel float64 // answered within Target / all arrivals
	ProbWait     float64 // P(an arrival finds every agent busy)
	ASA          float64 // mean wait of answered contacts, seconds
	QueueLength  float64 // mean number waiting (Erlang C and A)
	Occupancy    float64 // carried traffic / agents
	Abandon      float64 // abandoned / all arrivals (Erlang A; 0 otherwise)
	Blocking     float64 // blocked / all arrivals (Erlang B; 0 otherwise)
}

// Evaluate returns the queue's performance with n agents, the service
// level taken at target seconds. An Erlang C queue with traffic ≥ n returns
// an *UnstableError. With no traffic every figure is 0 and the service
// level 1.
func (q Queue) Evaluate(n int, target float64) (Result, error) {
	if err := q.Validate(); err != nil {
		return Result{}, err
	}
	if n < 0 || n > MaxAgents {
		return Result{}, fmt.Errorf("agents %d must be between 0 and %d", n, MaxAgents)
	}
	if math.IsNaN(target) || math.IsInf(target, 0) || target < 0 {
		return Result{}, fmt.Errorf("service-level target %v s must be a finite number of seconds ≥ 0", target)
	}
	a := q.Traffic()
	r := Result{Model: q.Model, Agents: n, Traffic: a, Target: target}
	if a == 0 {
		r.ServiceLevel = 1
		return r, nil
	}
	switch q.Model {
	case ModelB:
		return q.evalB(n, target, B(n, a)), nil
	case ModelC:
		if a >= float64(n) {
			return Result{}, &UnstableError{Agents: n, Traffic: a}
		}
		return q.evalC(n, target, B(n, a)), nil
	default:
		if n == 0 {
			// Nobody is ever served: everyone waits and abandons.
			r.ProbWait, r.Abandon = 1, 1
			r.QueueLength = q.RatePer(time.Second) * q.Patience
			return r, nil
		}
		return q.evalA(n, target, B(n, a))
	}
}

// evalB is Erlang B with b = B(n, a), a > 0.
func (q Queue) evalB(n int, target, b float64) Result {
	a := q.Traffic()
	r := Result{Model: ModelB, Agents: n, Traffic: a, Target: target,
		ProbWait: b, Blocking: b, ServiceLevel: 1 - b}
	if n > 0 {
		r.Occupancy = clamp01(a * (1 - b) / float64(n))
	}
	return r
}

// evalC is Erlang C with b = B(n, a), 0 < a < n.
func (q Queue) evalC(n int, target, b float64) Result {
	a := q.Traffic()
	nf := float64(n)
	c := cFromB(n, a, b)
	r := Result{Model: ModelC, Agents: n, Traffic: a, Target: target, ProbWait: c}
	r.ServiceLevel = clamp01(1 - c*math.Exp(-(nf-a)*target/q.AHT))
	r.ASA = c * q.AHT / (nf - a)
	r.QueueLength = c * a / (nf - a)
	r.Occupancy = clamp01(a / nf)
	return r
}
