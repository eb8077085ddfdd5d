package scenarios

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/sim"
	"gonum.org/v1/gonum/stat/distuv"
)

// Options override a scenario's run settings; the zero value runs it as
// written.
type Options struct {
	// Replications overrides the scenario's replications when > 0.
	Replications int
	// Seed overrides the scenario's seed when non-nil.
	Seed *uint64
	// Workers is the number of replications simulated at once (0: every
	// core); results do not depend on it.
	Workers int
	// Progress, if set, is called after each replication with the number
	// done and the total (over every scenario of a comparison).
	Progress func(done, total int)
	// Counts, if set, receives each replication's per-interval counts
	// (sim.Options.Counts); with Compare, the scenarios' replications
	// follow each other, each numbered from 0.
	Counts func(rep int, counts []sim.Counts)
}

// Outcome is one simulated scenario.
type Outcome struct {
	Scenario *Scenario
	Config   sim.Config
	Result   *sim.Result
	// Report is the outcome as the report package draws and writes it.
	Report *report.Run
	// Elapsed is the wall-clock time the simulation took.
	Elapsed time.Duration
}

// Run simulates the scenario: its roster against its demand, over its
// replications. It stops with ctx.Err() when ctx is cancelled.
func Run(ctx context.Context, sc *Scenario, opt Options) (*Outcome, error) {
	outs, err := run(ctx, []*Scenario{sc}, opt)
	if err != nil {
		return nil, err
	}
	return outs[0], nil
}

// Compare simulates several scenarios on common random numbers: the same
// seed and replications for all (the first scenario's unless opt
// overrides them), so that each replication sees the same contacts with
// the same handle times and patience in every scenario, and differences
// between scenarios are the rosters', not noise. It returns the outcomes in
// order and the index of the cheapest scenario that meets every SLA (-1
// when none does).
func Compare(ctx context.Context, scs []*Scenario, opt Options) ([]*Outcome, int, error) {
	if len(scs) == 0 {
		return nil, -1, fmt.Errorf("compare: no scenario")
	}
	if opt.Replications <= 0 {
		opt.Replications = scs[0].Replications
	}
	if opt.Seed == nil {
		seed := scs[0].Seed
		opt.Seed = &seed
	}
	outs, err := run(ctx, scs, opt)
	if err != nil {
		return nil, -1, err
	}
	runs := make([]*report.Run, len(outs))
	for i, o := range outs {
		runs[i] = o.Report
	}
	return outs, report.Cheapest(runs), nil
}

func run(ctx context.Context, scs []*Scenario, opt Options) ([]*Outcome, error) {
	type prepared struct {
		cfg     sim.Config
		demands []demand
	}
	preps := make([]prepared, len(scs))
	total := 0
	for i, sc := range scs {
		cfg, demands, err := sc.simConfig()
		if err != nil {
			return nil, err
		}
		if opt.Replications > 0 {
			cfg.Replications = opt.Replications
		}
		if opt.Seed != nil {
			cfg.Seed = *opt.Seed
		}
		preps[i] = prepared{cfg, demands}
		total += cfg.Replications
	}
	done := 0
	outs := make([]*Outcome, len(scs))
	for i, sc := range scs {
		so := sim.Options{Workers: opt.Workers, Counts: opt.Counts}
		if opt.Progress != nil {
			base := done
			so.Progress = func(d, _ int) { opt.Progress(base+d, total) }
		}
		t0 := time.Now()
		res, err := sim.RunWith(ctx, preps[i].cfg, so)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("scenario %q: %w", sc.File, err)
		}
		done += preps[i].cfg.Replications
		o := &Outcome{Scenario: sc, Config: preps[i].cfg, Result: res, Elapsed: time.Since(t0)}
		o.Report = o.toReport(preps[i].demands)
		outs[i] = o
	}
	return outs, nil
}

// toReport converts the simulator's result into the report's plain data,
// adding cost and the Erlang C requirements of the same demand.
func (o *Outcome) toReport(demands []demand) *report.Run {
	sc, res := o.Scenario, o.Result
	r := &report.Run{Loc: sc.Location, Interval: res.Interval}
	sum := &r.Summary
	*sum = report.Summary{
		Scenario: sc.Name, Start: res.Start, End: sc.End(), Timezone: sc.Location.String(),
		IntervalSeconds: res.Interval.Seconds(), WarmupSeconds: sc.Warmup.Seconds(),
		Replications: res.Replications, Seed: o.Config.Seed, AllSLAsMet: true,
	}
	if !sc.Cost.None {
		hourly := sc.Cost.Hourly
		sum.HourlyCost = &hourly
		sum.Currency = sc.Cost.Currency
	}
	for qi, q := range sc.Queues {
		m := res.Summary.Queues[qi]
		qs := report.QueueSummary{
			Queue: q.Name, SLATargetSeconds: q.SLA.Target.Seconds(), SLAGoal: q.SLA.Goal,
			ServiceLevel: share(m.ServiceLevel), ASASeconds: count(m.ASA), AbandonRate: share(m.AbandonRate),
			Occupancy: share(m.Occupancy), Offered: count(m.Offered), Answered: count(m.Answered), Abandoned: count(m.Abandoned),
		}
		if qi < len(res.MetGoal) {
			qs.SLAMetShare = res.MetGoal[qi]
		}
		// A queue without contacts has nothing to miss.
		qs.SLAMet = !qs.ServiceLevel.Defined() || qs.ServiceLevel.Mean >= q.SLA.Goal
		sum.AllSLAsMet = sum.AllSLAsMet && qs.SLAMet
		sum.Queues = append(sum.Queues, qs)
	}
	t := res.Summary.Total
	sum.Offered, sum.Answered, sum.Abandoned = count(t.Offered), count(t.Answered), count(t.Abandoned)
	sum.Occupancy = share(t.Occupancy)
	sum.PaidHours, sum.OvertimeHours = count(t.PaidHours), count(t.OvertimeHours)
	if !sc.Cost.None {
		sum.Cost = scaleEstimate(sum.PaidHours, sc.Cost.Hourly)
		// Cost per answered contact: a ratio per replication, then its
		// mean and t interval over the replications.
		var ratios []float64
		for _, rep := range res.Runs {
			if rep.Total.Answered > 0 {
				ratios = append(ratios, rep.Total.PaidHours*sc.Cost.Hourly/rep.Total.Answered)
			}
		}
		sum.CostPerContact = meanCI(ratios)
	}

	for _, p := range res.Intervals {
		iv := report.Interval{Start: p.Start, AgentsAvailable: count(p.Total.AgentsAvailable)}
		offered := 0.0
		for _, m := range p.Queues {
			q := report.QueueInterval{
				Offered: count(m.Offered), Answered: count(m.Answered), Abandoned: count(m.Abandoned),
				ServiceLevel: share(m.ServiceLevel), ASASeconds: count(m.ASA), AbandonRate: share(m.AbandonRate),
				AgentsAvailable: count(m.AgentsAvailable), Backlog: count(m.Backlog),
			}
			// No occupancy where hardly an agent was on or nothing came in.
			q.Occupancy = report.MeaningfulOccupancy(share(m.Occupancy), q.AgentsAvailable, q.Offered.Mean)
			offered += q.Offered.Mean
			iv.Queues = append(iv.Queues, q)
		}
		iv.Occupancy = report.MeaningfulOccupancy(share(p.Total.Occupancy), iv.AgentsAvailable, offered)
		r.Intervals = append(r.Intervals, iv)
	}
	edges := make([]time.Duration, len(sim.WaitBins))
	copy(edges, sim.WaitBins[:])
	for qi, h := range res.Waits {
		r.Waits = append(r.Waits, report.Waits{Queue: sc.Queues[qi].Name, Edges: edges, Counts: h.Counts})
	}
	r.Required, r.RequiredNote = o.required(demands)
	if res.Tickets != nil {
		// The ticket section: targets and calendars from the desk that ran.
		r.Tickets = report.NewTickets(res.Tickets, o.Config.Tickets, sc.Location)
		sum.AllSLAsMet = sum.AllSLAsMet && r.Tickets.Met()
		var cpt report.Estimate
		if !sc.Cost.None {
			cpt = costPerTicket(res, sc.Cost.Hourly)
		}
		sum.CostPerTicket = &cpt
	}
	addTotals(r, res, sc)
	return r
}

// costPerTicket returns the cost per resolved ticket: in each replication
// paid hours × hourly ÷ the tickets resolved, then the mean and its t
// interval over the replications that resolved any (report.Summary's
// CostPerTicket).
func costPerTicket(res *sim.Result, hourly float64) report.Estimate {
	var ratios []float64
	for i, rep := range res.Tickets.Runs {
		if i < len(res.Runs) && rep.Total.Resolved > 0 {
			ratios = append(ratios, res.Runs[i].Total.PaidHours*hourly/rep.Total.Resolved)
		}
	}
	return meanCI(ratios)
}

// required returns, for each reporting interval, the agents that Erlang C
// says the expected demand needs to meet each queue's SLA, summed over the
// queues (as if every agent had one skill, so the sum is an upper bound for
// a multi-skilled desk). Nil when it cannot be computed.
func (o *Outcome) required(demands []demand) ([]float64, string) {
	sc, res := o.Scenario, o.Result
	if len(sc.Queues) == 0 {
		return nil, ""
	}
	out := make([]float64, len(res.Intervals))
	for qi, q := range sc.Queues {
		d := make([]erlang.Demand, len(res.Intervals))
		for i, p := range res.Intervals {
			from := p.Start.Sub(sc.Start)
			d[i] = erlang.Demand{Arrivals: demands[qi].expected(from, from+p.Length), AHT: demands[qi].meanAHT(from, from+p.Length, q.HandleTime.Mean).Seconds()}
		}
		goal := math.Min(q.SLA.Goal, 0.999) // Erlang C never reaches 100 %
		reqs, err := erlang.Requirements(d, erlang.Targets{ServiceLevel: goal, Within: q.SLA.Target.Seconds()},
			erlang.Options{Model: erlang.ModelC, Interval: res.Interval})
		if err != nil {
			return nil, ""
		}
		for i, rq := range reqs {
			out[i] += float64(rq.Agents)
		}
	}
	note := "Erlang C"
	if len(sc.Queues) > 1 {
		note = "Erlang C per queue, summed"
	}
	return out, note
}

// count converts an estimate of a non-negative quantity.
func count(e sim.Estimate) report.Estimate {
	return report.Estimate{Mean: e.Mean, Low: math.Max(0, e.Low), High: e.High, N: e.N}
}

// share converts an estimate of a share, clipping its interval to [0, 1]
// (a t interval knows nothing of the bounds).
func share(e sim.Estimate) report.Estimate {
	return report.Estimate{Mean: e.Mean, Low: math.Max(0, e.Low), High: math.Min(1, e.High), N: e.N}
}

func scaleEstimate(e report.Estimate, k float64) report.Estimate {
	return report.Estimate{Mean: e.Mean * k, Low: e.Low * k, High: e.High * k, N: e.N}
}

// meanCI returns the mean of xs with its 95 % Student t interval,
// mean ± t(0.975, n−1)·s/√n.
func meanCI(xs []float64) report.Estimate {
	n := len(xs)
	if n == 0 {
		return report.Estimate{}
	}
	var m float64
	for _, x := range xs {
		m += x
	}
	m /= float64(n)
	if n == 1 {
		return report.Estimate{Mean: m, Low: m, High: m, N: 1}
	}
	var ss float64
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	sd := math.Sqrt(ss / float64(n-1))
	hw := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(0.975) * sd / math.Sqrt(float64(n))
	return report.Estimate{Mean: m, Low: m - hw, High: m + hw, N: n}
}

// RosterTable is the scenario's roster as the report's table of shifts,
// titled title. contract, if not nil, names a shift's contract
// ("full-time", "part-time") by the shift's name; nil leaves it unknown.
func (s *Scenario) RosterTable(title string, words report.Words, contract func(name string) string) *report.Roster {
	t := &report.Roster{Title: title, Words: words}
	for _, sh := range s.Roster.Shifts {
		row := report.ShiftRow{Name: sh.Name, Start: sh.Start, Length: sh.Length, Days: sh.Days, Agents: sh.Agents,
			Breaks: append([]Break(nil), sh.Breaks...)}
		if contract != nil {
			row.Contract = contract(sh.Name)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
