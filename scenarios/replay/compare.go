package replay

import (
	"math"
	"sort"
	"time"

	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/sim"
)

// tally is the additive record of one period: the measured calls or one
// replication's simulated contacts.
type tally struct {
	queued, answered, abandoned float64
	within, late                []float64 // per target
	wait, wait2                 float64   // Σ waits and Σ waits² of the answered, seconds
}

func newTally(nT int) *tally {
	return &tally{within: make([]float64, nT), late: make([]float64, nT)}
}

// values returns the period's figures in report.ReplayMetrics order and
// whether each is defined. judged is answered + abandoned + late: a
// contact still waiting at the end past the target counts as missed.
func (t *tally) values() ([]float64, []bool) {
	nT := len(t.within)
	v := make([]float64, nT+3)
	ok := make([]bool, nT+3)
	for k := range nT {
		if judged := t.answered + t.abandoned + t.late[k]; judged > 0 {
			v[k], ok[k] = t.within[k]/judged, true
		}
	}
	if closed := t.answered + t.abandoned; closed > 0 {
		v[nT], ok[nT] = t.abandoned/closed, true
	}
	if t.answered > 0 {
		v[nT+1], ok[nT+1] = t.wait/t.answered, true
	}
	v[nT+2], ok[nT+2] = t.answered, true
	return v, ok
}

// stdErrs returns the standard errors of the measured figures (see
// report.ReplayFigure). Shares, and the answered count, use the "plus four" estimate p̃ = (x+2)/(n+4)
// of Agresti & Caffo (2000, The American Statistician 54: 280–288), so that
// an hour whose calls were all answered in time (p = 1) still has an error.
func (t *tally) stdErrs() []float64 {
	nT := len(t.within)
	se := make([]float64, nT+3)
	n := t.answered + t.abandoned
	share := func(x float64) float64 {
		p := (x + 2) / (n + 4)
		return math.Sqrt(p * (1 - p) / (n + 4))
	}
	for k := range nT {
		se[k] = share(t.within[k])
	}
	se[nT] = share(t.abandoned)
	switch {
	case t.answered > 1:
		m := t.wait / t.answered
		sd := math.Sqrt(math.Max(0, (t.wait2-t.answered*m*m)/(t.answered-1)))
		se[nT+1] = sd / math.Sqrt(t.answered)
	case t.answered == 1:
		se[nT+1] = t.wait // one wait says nothing of its spread
	}
	p := (t.answered + 2) / (n + 4)
	se[nT+2] = math.Sqrt(n * p * (1 - p))
	return se
}

// periods maps instants to the start of their period (hour or day).
type periods struct {
	floor func(time.Time) time.Time
	index map[int64]int
	start []time.Time
}

func newPeriods(floor func(time.Time) time.Time) *periods {
	return &periods{floor: floor, index: map[int64]int{}}
}

func (p *periods) of(t time.Time) int {
	s := p.floor(t)
	k := s.UnixNano()
	i, ok := p.index[k]
	if !ok {
		i = len(p.start)
		p.index[k] = i
		p.start = append(p.start, s)
	}
	return i
}

// compare folds the measured calls and the replications' counts into
// the comparison, per day, per hour and over the whole log.
func (rp *Replay) compare(counts [][]sim.Counts) *report.Replay {
	sc := rp.Scenario
	loc := sc.Location
	nT := len(rp.targets)
	reps := len(counts)
	hours := newPeriods(func(t time.Time) time.Time {
		t = t.In(loc)
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), 0, 0, 0, loc)
	})
	days := newPeriods(func(t time.Time) time.Time { return midnight(t.In(loc)) })
	whole := newPeriods(func(time.Time) time.Time { return sc.Start })
	kinds := []*periods{whole, days, hours}

	// measured[kind][period]
	measured := make([][]*tally, len(kinds))
	grow := func(ts []*tally, i int) []*tally {
		for len(ts) <= i {
			ts = append(ts, newTally(nT))
		}
		return ts
	}
	for _, c := range rp.calls {
		for j, p := range kinds {
			i := p.of(c.arrival)
			measured[j] = grow(measured[j], i)
			m := measured[j][i]
			m.queued++
			if c.abandoned {
				m.abandoned++
				continue
			}
			m.answered++
			m.wait += c.wait
			m.wait2 += c.wait * c.wait
			for k, t := range rp.targets {
				if c.wait <= t {
					m.within[k]++
				}
			}
		}
	}

	// simulated[kind][period][rep]
	iv := sc.Interval
	nI := len(counts[0])
	type place struct{ period [3]int }
	where := make([]place, nI)
	for p := range nI {
		t := sc.Start.Add(time.Duration(p) * iv)
		for j, k := range kinds {
			where[p].period[j] = k.of(t)
		}
	}
	simulated := make([][][]*tally, len(kinds))
	for j, k := range kinds {
		simulated[j] = make([][]*tally, len(k.start))
		for i := range simulated[j] {
			simulated[j][i] = make([]*tally, reps)
			for r := range reps {
				simulated[j][i][r] = newTally(nT)
			}
		}
	}
	for r := range reps {
		for p := range nI {
			c := counts[r][p]
			for j := range kinds {
				s := simulated[j][where[p].period[j]][r]
				s.answered += float64(c.Answered)
				s.abandoned += float64(c.Abandoned)
				s.wait += c.WaitAnswered
				s.within[0] += float64(c.Within)
				s.late[0] += float64(c.Late)
				for k, m := range c.More { // targets[1:]
					s.within[k+1] += float64(m.Within)
					s.late[k+1] += float64(m.Late)
				}
			}
		}
	}

	out := &report.Replay{File: rp.Read.File, Loc: loc, Targets: rp.targets, Replications: reps, Seed: sc.Seed, Built: rp.built}
	metrics := report.ReplayMetrics(rp.targets)
	for j, k := range kinds {
		var list []report.ReplayPeriod
		for i, start := range k.start {
			if i >= len(measured[j]) || measured[j][i].queued == 0 {
				continue // no call arrived: nothing to compare
			}
			m := measured[j][i]
			mv, mok := m.values()
			se := m.stdErrs()
			per := report.ReplayPeriod{Start: start, Queued: int(m.queued)}
			switch j {
			case 0:
				per.Length = sc.Horizon()
			case 1:
				per.Length = start.AddDate(0, 0, 1).Sub(start)
			default:
				per.Length = time.Hour
			}
			// Mean and spread of each figure over the replications.
			n := make([]int, len(metrics))
			mean := make([]float64, len(metrics))
			m2 := make([]float64, len(metrics))
			for _, s := range simulated[j][i] {
				v, ok := s.values()
				for f := range metrics {
					if !ok[f] {
						continue
					}
					n[f]++
					d := v[f] - mean[f]
					mean[f] += d / float64(n[f])
					m2[f] += d * (v[f] - mean[f])
				}
			}
			for f, name := range metrics {
				fig := report.ReplayFigure{Metric: name, N: n[f]}
				if mok[f] && n[f] > 0 {
					fig.Defined = true
					fig.Measured, fig.Simulated = mv[f], mean[f]
					fig.Error = mean[f] - mv[f]
					if n[f] > 1 {
						fig.Spread = math.Sqrt(m2[f] / float64(n[f]-1))
					}
					fig.StdErr = se[f]
					fig.Chance = math.Max(fig.Spread*math.Sqrt(1+1/float64(n[f])), fig.StdErr)
				}
				per.Figures = append(per.Figures, fig)
			}
			list = append(list, per)
		}
		sort.Slice(list, func(a, b int) bool { return list[a].Start.Before(list[b].Start) })
		switch j {
		case 0:
			if len(list) > 0 {
				out.Total = list[0]
			}
		case 1:
			out.Days = list
		default:
			out.Hours = list
		}
	}
	return out
}
