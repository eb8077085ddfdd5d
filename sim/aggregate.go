package sim

import (
	"math"
	"time"

	"gonum.org/v1/gonum/stat/distuv"
)

// Metric slots of the internal value arrays, in Metrics field order.
const (
	mOffered = iota
	mAnswered
	mAbandoned
	mServiceLevel
	mASA
	mATA
	mAbandonRate
	mOccupancy
	mAgents
	mQueueLength
	mBacklog
	mPaid
	mOvertime
	mMetGoal
	nMetrics
)

// raw are the additive totals of one queue (or the desk) over one period of
// one replication, from which every metric is a ratio.
type raw struct {
	offered, answered, abandoned, within float64
	late                                 float64 // still waiting at the end, past the target
	waitAnswered, waitAbandoned          float64 // ns
	busy, avail, waiting                 float64 // agent·ns, agent·ns, contact·ns
	backlog                              float64
	paid, overtime                       float64 // agent·ns
}

func (r *raw) add(o *raw) {
	r.offered += o.offered
	r.answered += o.answered
	r.abandoned += o.abandoned
	r.within += o.within
	r.late += o.late
	r.waitAnswered += o.waitAnswered
	r.waitAbandoned += o.waitAbandoned
	r.busy += o.busy
	r.avail += o.avail
	r.waiting += o.waiting
	r.backlog += o.backlog
	r.paid += o.paid
	r.overtime += o.overtime
}

// vals are the metrics of one period of one replication; bit i of def says
// whether slot i is defined.
type vals struct {
	v   [nMetrics]float64
	def uint16
}

func (v *vals) set(i int, x float64) {
	v.v[i] = x
	v.def |= 1 << i
}

// metrics turns the totals of a period of the given length into metrics;
// desk says whether paid and overtime hours apply.
func (r *raw) metrics(length time.Duration, desk bool, goal float64) vals {
	var v vals
	v.set(mOffered, r.offered)
	v.set(mAnswered, r.answered)
	v.set(mAbandoned, r.abandoned)
	// Service level: answered within the target / (answered + abandoned),
	// where a contact still waiting at the end past the target counts as
	// missed (in the denominator, not in within).
	if judged := r.answered + r.abandoned + r.late; judged > 0 {
		v.set(mServiceLevel, r.within/judged)
		if !desk {
			v.set(mMetGoal, indicator(r.within/judged >= goal))
		}
	}
	if closed := r.answered + r.abandoned; closed > 0 {
		v.set(mAbandonRate, r.abandoned/closed)
	}
	if r.answered > 0 {
		v.set(mASA, r.waitAnswered/r.answered/float64(time.Second))
	}
	if r.abandoned > 0 {
		v.set(mATA, r.waitAbandoned/r.abandoned/float64(time.Second))
	}
	if r.avail > 0 {
		v.set(mOccupancy, min(r.busy/r.avail, 1))
	}
	v.set(mAgents, r.avail/float64(length))
	v.set(mQueueLength, r.waiting/float64(length))
	v.set(mBacklog, r.backlog)
	if desk {
		v.set(mPaid, r.paid/float64(time.Hour))
		v.set(mOvertime, r.overtime/float64(time.Hour))
	}
	return v
}

func indicator(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// deskGoal sets the desk's goal indicator from its queues': met when every
// queue with a service level met its goal, undefined when none has one.
func (v *vals) deskGoal(queues []vals) {
	met, defined := true, false
	for i := range queues {
		if queues[i].def&(1<<mMetGoal) != 0 {
			defined = true
			met = met && queues[i].v[mMetGoal] == 1
		}
	}
	if defined {
		v.set(mMetGoal, indicator(met))
	}
}

func (v *vals) values() Values {
	return Values{
		Offered: v.v[mOffered], Answered: v.v[mAnswered], Abandoned: v.v[mAbandoned],
		ServiceLevel: v.v[mServiceLevel], ASA: v.v[mASA], ATA: v.v[mATA], AbandonRate: v.v[mAbandonRate],
		Occupancy: v.v[mOccupancy], AgentsAvailable: v.v[mAgents], QueueLength: v.v[mQueueLength],
		Backlog: v.v[mBacklog], PaidHours: v.v[mPaid], OvertimeHours: v.v[mOvertime],
		MetGoal: v.def&(1<<mMetGoal) != 0 && v.v[mMetGoal] == 1,
	}
}

// acc accumulates one metric over replications with Welford's algorithm,
// in replication order, so that the result does not depend on which
// worker finished first.
type acc struct {
	n        int
	mean, m2 float64
}

func (a *acc) add(x float64) {
	a.n++
	d := x - a.mean
	a.mean += d / float64(a.n)
	a.m2 += d * (x - a.mean)
}

type accs [nMetrics]acc

func (a *accs) add(v *vals) {
	for i := range nMetrics {
		if v.def&(1<<i) != 0 {
			a[i].add(v.v[i])
		}
	}
}

// tTable caches Student t quantiles t(0.975, ν).
type tTable map[int]float64

func (t tTable) q(nu int) float64 {
	if x, ok := t[nu]; ok {
		return x
	}
	x := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(nu)}.Quantile(0.975)
	t[nu] = x
	return x
}

func (a *acc) estimate(t tTable) Estimate {
	e := Estimate{Mean: a.mean, Low: a.mean, High: a.mean, N: a.n}
	if a.n >= 2 {
		sd := math.Sqrt(max(a.m2, 0) / float64(a.n-1))
		h := t.q(a.n-1) * sd / math.Sqrt(float64(a.n))
		if !math.IsNaN(h) && !math.IsInf(h, 0) {
			e.Low, e.High = a.mean-h, a.mean+h
		}
	}
	return e
}

// unitMetrics are shares, which live in [0, 1]; every metric is ≥ 0.
const unitMetrics = 1<<mServiceLevel | 1<<mAbandonRate | 1<<mOccupancy | 1<<mMetGoal

// clip keeps the confidence interval of metric i inside the metric's
// domain: a normal interval around a share near 1 can poke above it.
func clip(e Estimate, i int) Estimate {
	e.Low = max(e.Low, 0)
	if unitMetrics&(1<<i) != 0 {
		e.High = min(e.High, 1)
	}
	return e
}

func (a *accs) metrics(t tTable) Metrics {
	var e [nMetrics]Estimate
	for i := range e {
		e[i] = clip(a[i].estimate(t), i)
	}
	return Metrics{
		Offered: e[mOffered], Answered: e[mAnswered], Abandoned: e[mAbandoned],
		ServiceLevel: e[mServiceLevel], ASA: e[mASA], ATA: e[mATA], AbandonRate: e[mAbandonRate],
		Occupancy: e[mOccupancy], AgentsAvailable: e[mAgents],
		QueueLength: e[mQueueLength], Backlog: e[mBacklog],
		PaidHours: e[mPaid], OvertimeHours: e[mOvertime],
		MetGoal: e[mMetGoal],
	}
}
