package sim

import "time"

// Counts are the additive counts of one queue over one reporting interval
// of one replication, from which every contact metric of the interval is a
// ratio — and, unlike those ratios, they add up over intervals, so that a
// caller can judge hours, days or any other span:
//
//	service level = Within / (Answered + Abandoned + Late)
//	abandon rate  = Abandoned / (Answered + Abandoned)
//	ASA           = WaitAnswered / Answered  (seconds)
//
// They count the contacts that arrived in the interval, as Metrics does.
type Counts struct {
	Offered, Answered, Abandoned int64
	// Within counts the contacts answered within the queue's SLATarget.
	Within int64
	// Late counts the contacts still waiting at the end of the run that
	// had already waited past the target (missed, whatever happens next).
	Late int64
	// WaitAnswered and WaitAbandoned are the total waits of the answered
	// and abandoned contacts, in seconds.
	WaitAnswered, WaitAbandoned float64
	// More are the counts of Queue.Targets, in order: answered within
	// each, and late for each (Within and Late of that target); nil
	// without further targets.
	More []TargetCounts
}

// TargetCounts are the counts of one further SLA target (Queue.Targets):
// its service level is Within / (Answered + Abandoned + Late).
type TargetCounts struct {
	Within, Late int64
}

// counts copies the engine's counts of the reported intervals (after
// warmup): [p·nQ + q] for period p and queue q.
func (e *engine) counts() []Counts {
	m, s := e.m, &e.st
	nQ := m.nPhone // Config.Queues; ticket queues are counted apart
	nP := m.nIntervals - m.warm
	out := make([]Counts, 0, nP*nQ)
	for p := range nP {
		for q := range nQ {
			k := (m.warm+p)*s.nQ + q
			c := &s.cells[k]
			x := Counts{
				Offered: c.offered, Answered: c.answered, Abandoned: c.abandoned, Within: c.within, Late: c.late,
				WaitAnswered: c.waitAnswered / float64(time.Second), WaitAbandoned: c.waitAbandoned / float64(time.Second),
			}
			for j := range m.queues[q].more {
				b := (k*s.nMore + j) * 2
				x.More = append(x.More, TargetCounts{Within: s.more[b], Late: s.more[b+1]})
			}
			out = append(out, x)
		}
	}
	return out
}
