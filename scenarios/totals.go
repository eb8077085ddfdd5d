package scenarios

import (
	"slices"
	"time"

	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/sim"
)

// addTotals adds to a report what the simulator measured beyond each
// queue's own target: the service level within every target
// (res.Targets), per queue and for the desk, the desk totals of every
// interval and of the whole run, and each replication's figures.
//
// Run.Targets (the columns per target of intervals.csv and the table) is
// set only when a queue measures more than one target.
func addTotals(r *report.Run, res *sim.Result, sc *Scenario) {
	for _, q := range sc.Queues {
		if len(q.MoreTargets) > 0 {
			r.Targets = res.Targets
		}
	}
	levels := func(es []sim.Estimate) []report.Estimate {
		out := make([]report.Estimate, len(es))
		for k, e := range es {
			out[k] = share(e)
		}
		return out
	}
	targetLevels := func(es []sim.Estimate) []report.TargetLevel {
		var out []report.TargetLevel
		for k, e := range es {
			if e.Defined() {
				out = append(out, report.TargetLevel{TargetSeconds: res.Targets[k].Seconds(), ServiceLevel: share(e)})
			}
		}
		return out
	}
	for i, p := range res.Intervals {
		iv := &r.Intervals[i]
		for q := range iv.Queues {
			iv.Queues[q].Levels = levels(p.Queues[q].Levels)
		}
		t := p.Total
		iv.Total = report.QueueInterval{
			Offered: count(t.Offered), Answered: count(t.Answered), Abandoned: count(t.Abandoned),
			ServiceLevel: share(t.ServiceLevel), ASASeconds: count(t.ASA), AbandonRate: share(t.AbandonRate),
			Occupancy: iv.Occupancy, AgentsAvailable: iv.AgentsAvailable, Backlog: count(t.Backlog),
			Levels: levels(t.Levels),
		}
	}
	sum := &r.Summary
	for q := range sum.Queues {
		sum.Queues[q].ServiceLevels = targetLevels(res.Summary.Queues[q].Levels)
	}
	t := res.Summary.Total
	sum.ServiceLevel, sum.ASASeconds, sum.AbandonRate = share(t.ServiceLevel), count(t.ASA), share(t.AbandonRate)
	sum.ServiceLevels = targetLevels(t.Levels)
	// Which targets each queue measures, and where its own is.
	all := make([]int, len(res.Targets))
	own := make([]int, len(sc.Queues))
	measured := make([][]int, len(sc.Queues))
	for k, d := range res.Targets {
		all[k] = k
		for q := range sc.Queues {
			if d == sc.Queues[q].SLA.Target {
				own[q] = k
			}
			if d == sc.Queues[q].SLA.Target || slices.Contains(sc.Queues[q].MoreTargets, d) {
				measured[q] = append(measured[q], k)
			}
		}
	}
	sum.PerReplication = make([]report.ReplicationValues, 0, len(res.Runs))
	for _, run := range res.Runs {
		rv := report.ReplicationValues{Replication: run.Index, PaidHours: run.Total.PaidHours, OvertimeHours: run.Total.OvertimeHours}
		deskSL := false
		for q := range run.Queues {
			v := &run.Queues[q]
			sl := v.LevelsDefined[own[q]]
			deskSL = deskSL || sl
			rv.Queues = append(rv.Queues, replicationQueue(sc.Queues[q].Name, v, sl, res.Targets, measured[q]))
		}
		rv.Total = replicationQueue("", &run.Total, deskSL, res.Targets, all)
		sum.PerReplication = append(sum.PerReplication, rv)
	}
}

// replicationQueue is one replication's figures for a queue (or the desk,
// name ""): ratios are nil where nothing defines them; sl says whether its
// service level is; levels lists the targets it measures.
func replicationQueue(name string, v *sim.Values, sl bool, targets []time.Duration, levels []int) report.ReplicationQueue {
	opt := func(x float64, ok bool) *float64 {
		if !ok {
			return nil
		}
		return &x
	}
	rq := report.ReplicationQueue{
		Queue: name, Offered: v.Offered, Answered: v.Answered, Abandoned: v.Abandoned,
		ServiceLevel: opt(v.ServiceLevel, sl),
		ASASeconds:   opt(v.ASA, v.Answered > 0),
		AbandonRate:  opt(v.AbandonRate, v.Answered+v.Abandoned > 0),
		Occupancy:    opt(v.Occupancy, v.AgentsAvailable > 0),
		SLAMet:       v.MetGoal,
	}
	for _, k := range levels {
		rq.ServiceLevels = append(rq.ServiceLevels, report.TargetValue{TargetSeconds: targets[k].Seconds(), ServiceLevel: opt(v.Levels[k], v.LevelsDefined[k])})
	}
	return rq
}
