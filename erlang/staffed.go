package erlang

import (
	"context"
	"errors"
	"fmt"
	"math"
)

// Staffed is a queue's performance at a given, possibly fractional,
// headcount: what the desk delivered with the agents it actually had.
type Staffed struct {
	Model        Model
	Agents       float64 // time-average agents, ≥ 0
	Arrivals     float64 // contacts in the interval (Staffing only)
	AHT          float64 // seconds
	Traffic      float64 // offered traffic a, erlangs
	Target       float64 // the T of ServiceLevel, seconds
	ServiceLevel float64 // answered within Target / all arrivals
	ProbWait     float64 // P(an arrival waits)
	// ASA is the mean wait of answered contacts in seconds; +Inf when
	// Unstable.
	ASA       float64
	Occupancy float64 // busy agent time / agent time
	Abandon   float64 // abandoned / all arrivals (Erlang A)
	Blocking  float64 // blocked / all arrivals (Erlang B)
	// Unstable reports an Erlang C queue with traffic ≥ ⌊Agents⌋ (for a
	// fractional headcount, part of the interval is overloaded): the
	// queue grows without bound there, its ASA is infinite, and the
	// service level and occupancy are taken at their limits 0 and 1.
	Unstable bool
}

// At returns the queue's performance with n agents on average, n ≥ 0 and
// possibly fractional, the service level at target seconds.
//
// A fractional n = k + f (k = ⌊n⌋, 0 < f < 1) is read as k agents for a
// share 1 − f of the time and k + 1 for the share f, each in steady
// state: the time-average of a staffing that changes within the interval.
// Figures per contact (service level, P(wait), abandon and blocking
// rates) are then the linear interpolation
//
//	x(n) = (1 − f)·x(k) + f·x(k+1),
//
// and the ratios are those of the interpolated totals: ASA = interpolated
// answered wait / interpolated answered, occupancy = interpolated busy
// agents / n. At a whole n this is Evaluate. The interpolation is exact
// when the staffing really alternates between k and k + 1 slowly compared
// with the AHT; for a brief dip it overstates the harm a little, since a
// queue does not reach its steady state at once.
//
// An Erlang C queue with a ≥ k is overloaded for part or all of the
// time: the result is Unstable (never an error), its ASA +Inf and its
// service level and occupancy taken at their limits 0 and 1 for the
// overloaded part.
func (q Queue) At(n, target float64) (Staffed, error) {
	if math.IsNaN(n) || n < 0 || n > MaxAgents {
		return Staffed{}, fmt.Errorf("agents %v must be between 0 and %d", n, MaxAgents)
	}
	k := math.Floor(n)
	f := n - k
	out := Staffed{Model: q.Model, Agents: n, AHT: q.AHT, Traffic: q.Traffic(), Target: target}
	var ans, wait, busy float64 // interpolated answered share, answered·ASA, busy agents
	for _, p := range []struct {
		m int
		w float64
	}{{int(k), 1 - f}, {int(k) + 1, f}} {
		if p.w == 0 {
			continue
		}
		r, err := q.Evaluate(p.m, target)
		var ue *UnstableError
		switch {
		case errors.As(err, &ue):
			// Overloaded: every agent busy, everyone waits, nobody within T
			// in the long run, the wait unbounded.
			out.Unstable = true
			out.ProbWait += p.w
			busy += p.w * float64(p.m)
			ans += p.w
			continue
		case err != nil:
			return Staffed{}, err
		}
		out.ServiceLevel += p.w * r.ServiceLevel
		out.ProbWait += p.w * r.ProbWait
		out.Abandon += p.w * r.Abandon
		out.Blocking += p.w * r.Blocking
		a := 1 - r.Abandon - r.Blocking // answered share
		ans += p.w * a
		wait += p.w * a * r.ASA
		busy += p.w * r.Occupancy * float64(p.m)
	}
	switch {
	case out.Unstable:
		out.ASA = math.Inf(1)
	case ans > 0:
		out.ASA = wait / ans
	}
	if n > 0 {
		out.Occupancy = clamp01(busy / n)
	}
	if out.Traffic == 0 {
		out.ServiceLevel, out.ProbWait, out.Occupancy, out.ASA, out.Unstable = 1, 0, 0, 0, false
	}
	return out, nil
}

// Staffing evaluates every interval of a demand at the agents the desk
// had, agents[i] on average in interval i (fractional allowed, see
// Queue.At), the service level at target seconds: Erlang at a given
// staffing for a whole forecast, the counterpart of Requirements. The
// arrival rate of interval i is d[i].Arrivals / o.Interval. An interval
// without arrivals reports a service level of 1. Shrinkage is not
// applied: agents are those on the phones. An error about one interval
// is an *IntervalError; Staffing stops when ctx is cancelled and returns
// ctx.Err().
func Staffing(ctx context.Context, d []Demand, agents []float64, target float64, o Options) ([]Staffed, error) {
	if !(o.Interval > 0) {
		return nil, fmt.Errorf("interval %v must be positive", o.Interval)
	}
	if len(agents) != len(d) {
		return nil, fmt.Errorf("%d intervals of demand but %d of agents", len(d), len(agents))
	}
	if math.IsNaN(target) || math.IsInf(target, 0) || target < 0 {
		return nil, fmt.Errorf("service-level target %v s must be a finite number of seconds ≥ 0", target)
	}
	secs := o.Interval.Seconds()
	out := make([]Staffed, len(d))
	for i, x := range d {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if math.IsNaN(x.Arrivals) || math.IsInf(x.Arrivals, 0) || x.Arrivals < 0 {
			return nil, &IntervalError{i, fmt.Errorf("arrivals %v must be a finite number ≥ 0", x.Arrivals)}
		}
		if x.Arrivals == 0 {
			out[i] = Staffed{Model: o.Model, Agents: agents[i], Target: target, ServiceLevel: 1}
			continue
		}
		q := Queue{Model: o.Model, Rate: x.Arrivals / secs, AHT: x.AHT, Patience: o.Patience}
		if err := q.Validate(); err != nil {
			return nil, &IntervalError{i, err}
		}
		s, err := q.At(agents[i], target)
		if err != nil {
			return nil, &IntervalError{i, err}
		}
		s.Arrivals = x.Arrivals
		out[i] = s
	}
	return out, nil
}
