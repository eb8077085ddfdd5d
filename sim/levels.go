package sim

import "slices"

// Service levels at several targets.
//
// Result.Targets is the sorted union of every queue's targets (SLATarget
// and Targets). Metrics.Levels[k] is the service level within
// Result.Targets[k],
//
//	Levels[k] = answered within Targets[k] / (answered + abandoned + late for Targets[k]),
//
// for a queue that measures Targets[k] (it is its SLATarget or one of its
// Targets), and undefined (N == 0) for one that does not. The desk Total
// at Targets[k] adds up the contacts of the queues that measure it.

// compileTargets sets m.targets, the union of the phone queues' targets,
// and each queue's tidx: for union target k, 0 for its SLATarget, j+1 for
// Targets[j], -1 when it does not measure it.
func (m *model) compileTargets() {
	m.targets = m.targets[:0]
	for q := range m.nPhone {
		qm := &m.queues[q]
		m.targets = append(m.targets, qm.target)
		m.targets = append(m.targets, qm.more...)
	}
	slices.Sort(m.targets)
	m.targets = slices.Compact(m.targets)
	for q := range m.nPhone {
		qm := &m.queues[q]
		qm.tidx = make([]int, len(m.targets))
		for k, t := range m.targets {
			qm.tidx[k] = -1
			if t == qm.target {
				qm.tidx[k] = 0
				continue
			}
			if j := slices.Index(qm.more, t); j >= 0 {
				qm.tidx[k] = j + 1
			}
		}
	}
}

// level counts of one queue (or the desk) at one target over one period.
type tcount struct {
	within, judged float64
}

func (c *tcount) add(o tcount) {
	c.within += o.within
	c.judged += o.judged
}

// levelCounts returns queue q's counts at each union target in interval i
// of the engine's statistics (measured false where it does not measure it).
func (e *engine) levelCounts(i, q int, out []tcount, measured []bool) {
	m, s := e.m, &e.st
	k := i*s.nQ + q
	c := &s.cells[k]
	closed := float64(c.answered + c.abandoned)
	for t, j := range m.queues[q].tidx {
		switch {
		case j < 0:
			out[t], measured[t] = tcount{}, false
		case j == 0:
			out[t], measured[t] = tcount{within: float64(c.within), judged: closed + float64(c.late)}, true
		default:
			b := (k*s.nMore + j - 1) * 2
			out[t], measured[t] = tcount{within: float64(s.more[b]), judged: closed + float64(s.more[b+1])}, true
		}
	}
}

// levelsOf turns counts into service levels.
func levelsOf(c []tcount, measured []bool, v []float64, def []bool) {
	for k := range c {
		v[k], def[k] = 0, false
		if measured[k] && c[k].judged > 0 {
			v[k], def[k] = c[k].within/c[k].judged, true
		}
	}
}

// collectLevels fills r.levels and r.levelDef: [(period·(nQ+1) + q)·nT + k]
// for each reported interval, and r.sumLevels and r.sumDef for the whole
// period, q == nQ being the desk.
func (e *engine) collectLevels(r *repOut) {
	m := e.m
	nQ, nT := m.nPhone, len(m.targets)
	if nT == 0 {
		return
	}
	nP := m.nIntervals - m.warm
	r.levels = make([]float64, nP*(nQ+1)*nT)
	r.levelDef = make([]bool, nP*(nQ+1)*nT)
	r.sumLevels = make([]float64, (nQ+1)*nT)
	r.sumDef = make([]bool, (nQ+1)*nT)
	c := make([]tcount, nT)
	meas := make([]bool, nT)
	desk := make([]tcount, nT)
	deskMeas := make([]bool, nT)
	sums := make([]tcount, (nQ+1)*nT)
	sumMeas := make([]bool, (nQ+1)*nT)
	for p := range nP {
		clear(desk)
		clear(deskMeas)
		for q := range nQ {
			e.levelCounts(m.warm+p, q, c, meas)
			b := (p*(nQ+1) + q) * nT
			levelsOf(c, meas, r.levels[b:b+nT], r.levelDef[b:b+nT])
			for k := range nT {
				if meas[k] {
					desk[k].add(c[k])
					deskMeas[k] = true
					sums[q*nT+k].add(c[k])
					sumMeas[q*nT+k] = true
				}
			}
		}
		b := (p*(nQ+1) + nQ) * nT
		levelsOf(desk, deskMeas, r.levels[b:b+nT], r.levelDef[b:b+nT])
		for k := range nT {
			sums[nQ*nT+k].add(desk[k])
			sumMeas[nQ*nT+k] = sumMeas[nQ*nT+k] || deskMeas[k]
		}
	}
	levelsOf(sums, sumMeas, r.sumLevels, r.sumDef)
}

// levelEstimates folds per-replication levels into Estimates.
func levelEstimates(a []acc, t tTable) []Estimate {
	out := make([]Estimate, len(a))
	for k := range a {
		out[k] = clip(a[k].estimate(t), mServiceLevel)
	}
	return out
}
