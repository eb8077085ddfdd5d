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
	nMetrics
)

// raw are the additive totals of one queue (or the desk) over one period of
// one replication, from which every metric is a ratio.
type raw struct {
	offered, answered, abandoned, within float64
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
func (r *raw) metrics(length time.Duration, desk bool) vals {
	var v vals
	v.set(mOffered, r.offered)
	v.set(mAnswered, r.answered)
	v.set(mAbandoned, r.abandoned)
	if closed := r.answered + r.abandoned; closed > 0 {
		v.set(mServiceLevel, r.within/closed)
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
		v.set(mPaid, (r.paid+r.overtime)/float64(time.Hour))
		v.set(mOvertime, r.overtime/float64(time.Hour))
	}
	return v
}

func (v *vals) values() Values {
	return Values{
		Offered: v.v[mOffered], Answered: v.v[mAnswered], Abandoned: v.v[mAbandoned],
		ServiceLevel: v.v[mServiceLevel], ASA: v.v[mASA], ATA: v.v[mATA], AbandonRate: v.v[mAbandonRate],
		Occupancy: v.v[mOccupancy], AgentsAvailable: v.v[mAgents], QueueLength: v.v[mQueueLength],
		Backlog: v.v[mBacklog], PaidHours: v.v[mPaid], OvertimeHours: v.v[mOvertime],
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

func (a *accs) metrics(t tTable) Metrics {
	return Metrics{
		Offered: a[mOffered].estimate(t), Answered: a[mAnswered].estimate(t), Abandoned: a[mAbandoned].estimate(t),
		ServiceLevel: a[mServiceLevel].estimate(t), ASA: a[mASA].estimate(t), ATA: a[mATA].estimate(t), AbandonRate: a[mAbandonRate].estimate(t),
		Occupancy: a[mOccupancy].estimate(t), AgentsAvailable: a[mAgents].estimate(t),
		QueueLength: a[mQueueLength].estimate(t), Backlog: a[mBacklog].estimate(t),
		PaidHours: a[mPaid].estimate(t), OvertimeHours: a[mOvertime].estimate(t),
	}
}
