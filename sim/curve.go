package sim

import (
	"fmt"
	"math"
	"time"
)

// CurveShifts returns the shifts that put agents[i] agents on duty during
// interval i of a staffing curve — intervals of step from start, in the
// desk's location (start's) — as a desk's real staffing is recorded
// (interval_start,agents). A fractional count is a time average: 2.25
// agents are two agents for the whole interval and a third for its first
// quarter.
//
// Agent k (k = 1, 2, …) is on duty wherever the curve reaches k: for the
// whole of interval i when agents[i] ≥ k, for its first
// (agents[i] − k + 1)·step when that is between 0 and 1. Its runs of
// consecutive whole intervals are one shift occurrence, so an agent present
// all morning works one morning, not one interval at a time. Occurrences
// with the same start and length are one shift of several agents, on the
// date they start (Shift.Dates); shifts end hard (Shift.HardEnd), so the
// agents on duty in each interval are exactly the curve's:
//
//	available agent time in interval i = agents[i] × step (before shrinkage).
//
// skills are the queues the agents serve (nil: all). A count that is
// negative, NaN or infinite is an error naming the interval.
func CurveShifts(name string, start time.Time, step time.Duration, agents []float64, skills []string) ([]Shift, error) {
	if step <= 0 {
		return nil, fmt.Errorf("staffing curve %q: step %v must be positive", name, step)
	}
	top := 0
	for i, n := range agents {
		if !(n >= 0) || math.IsInf(n, 0) || n > MaxAgents {
			return nil, fmt.Errorf("staffing curve %q: interval %d (%s): %v agents; want a number from 0 to %d", name, i, start.Add(time.Duration(i)*step).Format(time.RFC3339), n, MaxAgents)
		}
		top = max(top, int(math.Ceil(n)))
	}
	type span struct{ from, to time.Duration } // offsets from start
	count := map[span]int{}
	var order []span
	add := func(s span) {
		if count[s] == 0 {
			order = append(order, s)
		}
		count[s]++
	}
	for k := 1; k <= top; k++ {
		runFrom := time.Duration(-1)
		for i, n := range agents {
			at := time.Duration(i) * step
			switch share := n - float64(k-1); {
			case share >= 1:
				if runFrom < 0 {
					runFrom = at
				}
			default:
				if runFrom >= 0 {
					add(span{runFrom, at})
					runFrom = -1
				}
				if share > 0 {
					add(span{at, at + time.Duration(share*float64(step))})
				}
			}
		}
		if runFrom >= 0 {
			add(span{runFrom, time.Duration(len(agents)) * step})
		}
	}
	shifts := make([]Shift, 0, len(order))
	for j, s := range order {
		if s.to <= s.from {
			continue
		}
		t := start.Add(s.from)
		y, m, d := t.Date()
		midnight := time.Date(y, m, d, 0, 0, 0, 0, t.Location())
		h, mi, sec := t.Clock()
		tod := time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(sec)*time.Second + time.Duration(t.Nanosecond())
		shifts = append(shifts, Shift{
			Name:   fmt.Sprintf("%s #%d %s", name, j+1, t.Format("2006-01-02 15:04")),
			Start:  tod,
			Length: s.to - s.from,
			Dates:  []time.Time{midnight},
			Agents: count[s], Skills: skills, HardEnd: true,
		})
	}
	return shifts, nil
}
