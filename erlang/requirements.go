package erlang

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"
)

// Demand is one interval's offered work.
type Demand struct {
	Arrivals float64 // contacts arriving in the interval, ≥ 0
	AHT      float64 // mean handle time, seconds; > 0 unless Arrivals is 0
}

// Options are the settings shared by every interval of Requirements.
type Options struct {
	Model     Model
	Interval  time.Duration // interval length, > 0
	Patience  float64       // mean patience, seconds (Erlang A)
	Shrinkage float64       // share of paid time not available, in [0, 1)
}

// Requirement is one interval's staffing: the smallest headcount meeting
// the targets, its performance, and the agents to schedule after
// shrinkage.
type Requirement struct {
	Result
	Arrivals  float64 // contacts in the interval
	AHT       float64 // seconds
	Scheduled int     // ⌈Agents / (1 − shrinkage)⌉
}

// IntervalError is an error about one interval of Requirements' input.
type IntervalError struct {
	Index int // position in the demand slice
	Err   error
}

func (e *IntervalError) Error() string { return fmt.Sprintf("interval %d: %v", e.Index, e.Err) }
func (e *IntervalError) Unwrap() error { return e.Err }

// Requirements returns the agents needed in every interval to meet the
// targets, with the arrival rate of interval i taken as
// d[i].Arrivals per o.Interval (stationary within the interval, the usual
// staffing assumption), so that its traffic is d[i].Arrivals·d[i].AHT /
// o.Interval, exact whenever that is a representable number. An interval
// without arrivals needs 0 agents and reports a service level of 1. An
// error about one interval is an *IntervalError naming its index.
func Requirements(d []Demand, t Targets, o Options) ([]Requirement, error) {
	return RequirementsContext(context.Background(), d, t, o)
}

// RequirementsContext is Requirements that stops when ctx is cancelled
// and then returns ctx.Err() (years of 15-minute intervals under Erlang A
// take seconds).
func RequirementsContext(ctx context.Context, d []Demand, t Targets, o Options) ([]Requirement, error) {
	if !(o.Interval > 0) {
		return nil, fmt.Errorf("interval %v must be positive", o.Interval)
	}
	if math.IsNaN(o.Shrinkage) || o.Shrinkage < 0 || o.Shrinkage >= 1 {
		return nil, fmt.Errorf("shrinkage %v must be at least 0 and below 100%%", o.Shrinkage)
	}
	if err := t.Validate(o.Model); err != nil {
		return nil, err
	}
	if !t.any() {
		return nil, fmt.Errorf("no target given: set a service level, ASA, maximum occupancy or maximum abandon rate")
	}
	out := make([]Requirement, len(d))
	for i, x := range d {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if math.IsNaN(x.Arrivals) || math.IsInf(x.Arrivals, 0) || x.Arrivals < 0 {
			return nil, &IntervalError{i, fmt.Errorf("arrivals %v must be a finite number ≥ 0", x.Arrivals)}
		}
		req := Requirement{Arrivals: x.Arrivals, AHT: x.AHT}
		if x.Arrivals == 0 {
			req.Result = Result{Model: o.Model, Target: t.Within, ServiceLevel: 1}
			out[i] = req
			continue
		}
		q := Queue{Model: o.Model, Rate: x.Arrivals, Per: o.Interval, AHT: x.AHT, Patience: o.Patience}
		r, err := q.Agents(t)
		if err != nil {
			return nil, &IntervalError{i, err}
		}
		req.Result = r
		req.Scheduled = Scheduled(r.Agents, o.Shrinkage)
		out[i] = req
	}
	return out, nil
}

// Summary totals a run of requirements.
type Summary struct {
	Intervals      int
	PeakAgents     int     // largest Agents of any interval
	PeakScheduled  int     // largest Scheduled of any interval
	AgentHours     float64 // Σ Agents × interval length, hours
	ScheduledHours float64 // Σ Scheduled × interval length, hours: the paid hours
	Weeks          float64 // span covered, weeks
	FTE            float64 // ScheduledHours per week / hours per FTE
}

// Summarize totals reqs of the given interval length. FTE is the paid
// (scheduled) agent hours per week of the span divided by hoursPerFTE
// (37.5 is common); for a span shorter than a week it assumes the week
// repeats the span.
func Summarize(reqs []Requirement, interval time.Duration, hoursPerFTE float64) Summary {
	s := Summary{Intervals: len(reqs)}
	h := interval.Hours()
	for _, r := range reqs {
		s.PeakAgents = max(s.PeakAgents, r.Agents)
		s.PeakScheduled = max(s.PeakScheduled, r.Scheduled)
		s.AgentHours += float64(r.Agents) * h
		s.ScheduledHours += float64(r.Scheduled) * h
	}
	s.Weeks = float64(len(reqs)) * h / (7 * 24)
	if s.Weeks > 0 && hoursPerFTE > 0 {
		s.FTE = FTE(s.ScheduledHours/s.Weeks, hoursPerFTE)
	}
	return s
}

// MeanAHT returns the arrival-weighted mean handle time of a demand, in
// seconds, over the intervals with both arrivals and a handle time:
//
//	AHT = Σ aᵢ·hᵢ / Σ aᵢ   (aᵢ > 0, hᵢ > 0),
//
// or 0 when there is none. It is the one AHT a desk is simulated with
// when the simulator takes one handle-time distribution per queue.
func MeanAHT(arrivals, aht []float64) float64 {
	var work, n float64
	for i, a := range arrivals {
		if i < len(aht) && a > 0 && aht[i] > 0 {
			work += a * aht[i]
			n += a
		}
	}
	if n == 0 {
		return 0
	}
	return work / n
}

// ErrNoAHT is returned by DemandOf when intervals have arrivals but no
// interval has a handle time and no flat one is given.
var ErrNoAHT = errors.New("no handle time: the demand has arrivals but no AHT")

// DemandOf pairs arrivals per interval with their handle times (seconds;
// 0 where unknown) into the demand Requirements sizes — the one rule for
// every command:
//
//   - flat > 0: every interval takes the flat AHT;
//   - else interval i takes aht[i], and an interval with arrivals but no
//     AHT takes the arrival-weighted mean AHT of the others (MeanAHT);
//     filled counts those intervals, for a note.
//
// It returns ErrNoAHT when arrivals have no AHT anywhere and flat is 0.
func DemandOf(arrivals, aht []float64, flat float64) (d []Demand, filled int, err error) {
	mean := MeanAHT(arrivals, aht)
	d = make([]Demand, len(arrivals))
	for i, a := range arrivals {
		d[i].Arrivals = a
		switch {
		case flat > 0:
			d[i].AHT = flat
		case i < len(aht) && aht[i] > 0:
			d[i].AHT = aht[i]
		case a > 0 && mean == 0:
			return nil, 0, ErrNoAHT
		case a > 0:
			d[i].AHT = mean
			filled++
		}
	}
	return d, filled, nil
}
