package sim

import "time"

// TicketResult is what a run measured of a ticket desk (Result.Tickets).
type TicketResult struct {
	// Priorities and Tiers are the names, in Config.Tickets order.
	Priorities []string
	Tiers      []string
	// Intervals are the reporting intervals from Warmup to Horizon.
	Intervals []TicketPeriod
	// Summary covers [Warmup, Horizon) as a whole.
	Summary TicketPeriod
	// Runs are the per-replication summaries, in replication order.
	Runs []TicketRun
	// MetGoal[p] is the probability that priority p meets every goal it
	// has over the whole period (Summary.Priorities[p].MetGoal.Mean; 1 when
	// no ticket of the priority fell due in any replication).
	MetGoal []float64
}

// TicketPeriod is the ticket desk over one interval or the whole period.
type TicketPeriod struct {
	Start  time.Time
	Length time.Duration
	// Priorities[p] are the metrics of Config.Tickets.Priorities[p].
	Priorities []TicketMetrics
	// Total is every priority: counts add up, each ticket judged against
	// its own priority's targets, OldestAge the oldest of all, MetGoal met
	// when every priority met its goals.
	Total TicketMetrics
	// Tiers[t] are the metrics of Config.Tickets.Tiers[t].
	Tiers []TierMetrics
}

// TicketMetrics are the statistics of one priority's tickets (those
// created in the period, but Backlog and OldestAge, read at its end), as
// Estimates over the replications. See Tickets for the definitions.
type TicketMetrics struct {
	Created, Resolved Estimate // tickets; Resolved: by the horizon, once
	Escalated         Estimate // tickets escalated at least once
	Reopened          Estimate // tickets reopened
	Response          SLAMetrics
	Resolution        SLAMetrics
	// Backlog is the number of open tickets at the end of the period;
	// OldestAge the elapsed age, in hours, of the oldest of them (0 when
	// none is open).
	Backlog, OldestAge Estimate
	// MetGoal is the share of replications in which every target of the
	// priority with a due ticket reached its goal: P(meet).
	MetGoal Estimate
}

// SLAMetrics judge one target (response or resolution) of a priority.
type SLAMetrics struct {
	// Attainment = met / due, in [0, 1]; undefined with no due ticket.
	Attainment Estimate
	// Due tickets (met or missed) and Breached (missed) ones.
	Due, Breached Estimate
	// MeanHours is the mean business time, in hours, to the event (first
	// pickup; resolution, pending time left out) of the tickets that
	// reached it, whether or not the target is set.
	MeanHours Estimate
}

// TierMetrics are what a tier did in the period. Entered counts the work
// items entering its queue (new tickets at tier 0, escalations, returns
// from pending, reopens); Touches the touches finished; Done the tickets
// whose work at the tier was finished (resolved or escalated); Escalated
// those moved on to the next tier. WaitHours is the mean wait, in hours,
// of the work picked up; Occupancy, AgentsAvailable and Waiting (work
// items waiting) are time averages over the period; Backlog is the work
// waiting at its end (pending tickets are not waiting).
type TierMetrics struct {
	Entered, Touches, Done, Escalated Estimate
	WaitHours                         Estimate
	Occupancy                         Estimate
	AgentsAvailable                   Estimate
	Waiting, Backlog                  Estimate
}

// TicketRun is the summary of one replication over the whole period.
type TicketRun struct {
	Index      int
	Priorities []TicketValues
	Total      TicketValues
}

// TicketValues are one replication's figures of a priority; a ratio with
// no due ticket is 0 (check the Due counts).
type TicketValues struct {
	Created, Resolved                      float64
	ResponseDue, ResponseAttainment        float64
	ResolutionDue, ResolutionAttainment    float64
	MeanResponseHours, MeanResolutionHours float64
	Backlog, OldestAgeHours                float64
	MetGoal                                bool
}

func (r *row) values() TicketValues {
	return TicketValues{
		Created: r.v[tCreated], Resolved: r.v[tResolved],
		ResponseDue: r.v[tRespDue], ResponseAttainment: r.v[tRespAttain],
		ResolutionDue: r.v[tResDue], ResolutionAttainment: r.v[tResAttain],
		MeanResponseHours: r.v[tRespMean], MeanResolutionHours: r.v[tResMean],
		Backlog: r.v[tBacklog], OldestAgeHours: r.v[tOldest],
		MetGoal: r.def&(1<<tMetGoal) != 0 && r.v[tMetGoal] == 1,
	}
}

// rowAccs accumulate a row's slots over replications.
type rowAccs [rowWidth]acc

func (a *rowAccs) add(r *row) {
	for i := range rowWidth {
		if r.def&(1<<i) != 0 {
			a[i].add(r.v[i])
		}
	}
}

// estimate returns slot i's estimate, clipped to [0, ∞) or to [0, 1] for
// a share.
func (a *rowAccs) estimate(t tTable, i int, share bool) Estimate {
	e := a[i].estimate(t)
	e.Low = max(e.Low, 0)
	if share {
		e.High = min(e.High, 1)
	}
	return e
}

func (a *rowAccs) ticketMetrics(t tTable) TicketMetrics {
	sla := func(attain, due, breached, mean int) SLAMetrics {
		return SLAMetrics{Attainment: a.estimate(t, attain, true), Due: a.estimate(t, due, false),
			Breached: a.estimate(t, breached, false), MeanHours: a.estimate(t, mean, false)}
	}
	return TicketMetrics{
		Created: a.estimate(t, tCreated, false), Resolved: a.estimate(t, tResolved, false),
		Escalated: a.estimate(t, tEscalated, false), Reopened: a.estimate(t, tReopened, false),
		Response:   sla(tRespAttain, tRespDue, tRespBreached, tRespMean),
		Resolution: sla(tResAttain, tResDue, tResBreached, tResMean),
		Backlog:    a.estimate(t, tBacklog, false), OldestAge: a.estimate(t, tOldest, false),
		MetGoal: a.estimate(t, tMetGoal, true),
	}
}

func (a *rowAccs) tierMetrics(t tTable) TierMetrics {
	return TierMetrics{
		Entered: a.estimate(t, tierEntered, false), Touches: a.estimate(t, tierTouches, false),
		Done: a.estimate(t, tierDone, false), Escalated: a.estimate(t, tierEscalated, false),
		WaitHours: a.estimate(t, tierWait, false), Occupancy: a.estimate(t, tierOccupancy, true),
		AgentsAvailable: a.estimate(t, tierAgents, false), Waiting: a.estimate(t, tierWaiting, false),
		Backlog: a.estimate(t, tierBacklog, false),
	}
}

// ticketAgg folds the replications' ticket rows.
type ticketAgg struct {
	accs []rowAccs
	runs []TicketRun
}

func (g *ticketAgg) add(m *model, r *repOut) {
	if g.accs == nil {
		g.accs = make([]rowAccs, len(r.tickets))
	}
	for i := range r.tickets {
		g.accs[i].add(&r.tickets[i])
	}
	nP := len(m.tk.prios)
	per := nP + 1 + len(m.tk.tiers)
	last := r.tickets[len(r.tickets)-per:]
	run := TicketRun{Index: r.index, Priorities: make([]TicketValues, nP), Total: last[nP].values()}
	for p := range nP {
		run.Priorities[p] = last[p].values()
	}
	g.runs = append(g.runs, run)
}

func (g *ticketAgg) result(m *model, t tTable, res *Result) *TicketResult {
	nP, nT := len(m.tk.prios), len(m.tk.tiers)
	per := nP + 1 + nT
	tr := &TicketResult{Tiers: m.tk.tiers, Runs: g.runs}
	for _, p := range m.tk.prios {
		tr.Priorities = append(tr.Priorities, p.name)
	}
	period := func(accs []rowAccs, start time.Time, length time.Duration) TicketPeriod {
		p := TicketPeriod{Start: start, Length: length, Priorities: make([]TicketMetrics, nP), Tiers: make([]TierMetrics, nT)}
		for q := range nP {
			p.Priorities[q] = accs[q].ticketMetrics(t)
		}
		p.Total = accs[nP].ticketMetrics(t)
		for k := range nT {
			p.Tiers[k] = accs[nP+1+k].tierMetrics(t)
		}
		return p
	}
	for i, iv := range res.Intervals {
		tr.Intervals = append(tr.Intervals, period(g.accs[i*per:(i+1)*per], iv.Start, iv.Length))
	}
	n := len(res.Intervals)
	tr.Summary = period(g.accs[n*per:(n+1)*per], res.Summary.Start, res.Summary.Length)
	for _, q := range tr.Summary.Priorities {
		met := 1.0
		if q.MetGoal.Defined() {
			met = q.MetGoal.Mean
		}
		tr.MetGoal = append(tr.MetGoal, met)
	}
	return tr
}
