package replay

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"time"

	"github.com/staffsim/staffsim/forecast/calllog"
	"github.com/staffsim/staffsim/forecast/staffing"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/sim"
)

// The files of a replay's scenario, relative to the scenario.
const (
	ScenarioFile = "scenario.yaml"
	TraceFile    = "calls.csv"
	StaffingFile = "staffing.csv"
	// QueueName is the queue of a replay's scenario.
	QueueName = "calls"
)

// Options say how to read the log, build the scenario and run it. The
// zero value reads a log with its usual column names, measures SL within
// 20 s and 60 s, uses 30-minute intervals, 20 replications and seed 1.
type Options struct {
	// Read says how to read the log (columns, the day of a one-day export,
	// the time zone, strictness).
	Read calllog.Options
	// Estimate configures the estimators: Targets are the service-level
	// targets compared (seconds; nil means 20 and 60), Interval the
	// intervals of the scenario and of the agents-present curve.
	Estimate calllog.Config
	// Name is the scenario's name; "" means "replay".
	Name string
	// Staffing, when not nil, is the desk's known staffing (agents per
	// interval) used instead of the agents present read from the log.
	Staffing []*staffing.Curve
	// Replications (0: 20) and Seed (0: 1) of the simulation.
	Replications int
	Seed         uint64
	// Workers is the number of replications simulated at once (0: every
	// core); results do not depend on it.
	Workers int
	// Progress, if set, is called after each replication.
	Progress func(done, total int)
}

// Replay is a call log, the scenario built from it and, once Run, the
// comparison of the simulation with the log.
type Replay struct {
	Read      *calllog.Report
	Estimates *calllog.Estimates
	// Scenario is the scenario built from the log; its trace (Trace) and
	// staffing (Curves) are in memory and named TraceFile and StaffingFile
	// for writing beside ScenarioFile.
	Scenario *scenarios.Scenario
	Trace    *scenarios.Trace
	Curves   []*staffing.Curve
	// Outcome is the simulation (nil before Run).
	Outcome *scenarios.Outcome
	// Comparison is simulated vs measured (nil before Run).
	Comparison *report.Replay

	targets []float64
	calls   []measuredCall
	built   []string
}

// measuredCall is what the comparison needs of a queued call.
type measuredCall struct {
	arrival   time.Time
	wait      float64 // seconds
	abandoned bool
}

// Build reads the call log r (called name in messages) and builds its
// scenario. The error of a log that cannot be read is calllog's (an
// *calllog.OptionError for bad options).
func Build(name string, r io.Reader, opt Options) (*Replay, error) {
	cfg := opt.Estimate
	if cfg.Targets == nil {
		cfg.Targets = []float64{20, 60}
	}
	if cfg.Interval == 0 {
		cfg.Interval = 30 * time.Minute
	}
	loc := opt.Read.Location
	if loc == nil {
		loc = time.UTC
	}
	cfg.Location = loc
	est := calllog.NewEstimator(cfg)
	rp := &Replay{Trace: &scenarios.Trace{}, targets: cfg.Targets}
	tr := rp.Trace
	rep, err := calllog.Read(name, r, opt.Read, func(c *calllog.Call) {
		est.Add(c)
		if !c.Queued || c.Outcome == calllog.Other {
			return
		}
		ab := c.Outcome == calllog.Abandoned
		rp.calls = append(rp.calls, measuredCall{arrival: c.Arrival, wait: c.Wait, abandoned: ab})
		var h, p time.Duration
		if s, ok := c.Handle(); ok && s > 0 {
			h = time.Duration(s * float64(time.Second))
		}
		if ab {
			// Its observed time to abandon; a hang-up at once keeps a
			// millisecond (0 would mean "draw one").
			p = max(time.Duration(c.Wait*float64(time.Second)), time.Millisecond)
		}
		tr.Arrivals = append(tr.Arrivals, c.Arrival)
		tr.Handle = append(tr.Handle, h)
		tr.Patience = append(tr.Patience, p)
	})
	rp.Read = rep
	if err != nil {
		return nil, err
	}
	if rp.Estimates, err = est.Estimate(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := rp.build(name, opt, loc); err != nil {
		return nil, err
	}
	return rp, nil
}

// build makes the scenario from the estimates.
func (rp *Replay) build(file string, opt Options, loc *time.Location) error {
	e := rp.Estimates
	start := midnight(e.First.In(loc))
	last := midnight(e.Last.In(loc))
	days := 1
	for d := start; d.Before(last); d = d.AddDate(0, 0, 1) {
		days++
	}
	name := opt.Name
	if name == "" {
		name = "replay"
	}
	reps := opt.Replications
	if reps <= 0 {
		reps = 20
	}
	seed := opt.Seed
	if seed == 0 {
		seed = 1
	}
	q := scenarios.Queue{
		Name: QueueName, Priority: 1,
		Arrivals: scenarios.Arrivals{History: TraceFile, OwnHandleTimes: true, OwnPatience: true, Trace: rp.Trace, Scale: 1, ScaleSet: true},
		SLA:      scenarios.SLA{Goal: 0.8},
	}
	q.SLA.Target = seconds(rp.targets[0])
	for _, t := range rp.targets[1:] {
		q.MoreTargets = append(q.MoreTargets, seconds(t))
	}
	note := func(format string, args ...any) { rp.built = append(rp.built, fmt.Sprintf(format, args...)) }
	note("Arrivals: the %d queued calls of the log, each at its own queue entry, with its own handle time and, for the %d abandoned, its own time to abandon as its patience.", len(rp.calls), e.Counts.Abandoned)
	switch lf := e.LogFit; {
	case lf.N > 0 && lf.Mean > 0:
		q.HandleTime = scenarios.Distribution{Kind: scenarios.LogNormal, Mean: round(seconds(lf.Mean)), CV: roundTo(lf.CV, 1e-3)}
		note("Handle time of the calls answered without a recorded service: log-normal, mean %s, CV %.2f (the fit to the %d recorded handle times).", round(seconds(lf.Mean)), lf.CV, lf.N)
	default:
		return fmt.Errorf("%s: no answered call records its service (start and end): a replay needs handle times", file)
	}
	if km, ok := newPatience(e.Patience); ok {
		q.Patience = km.distribution()
		// An answered caller would have waited at least as long as it did:
		// its patience is drawn from the curve beyond its own wait, once,
		// for the seed (the trace keeps it, so the file replays it).
		rng := rand.New(rand.NewPCG(seed, patienceStream))
		for i, c := range rp.calls {
			if !c.abandoned {
				rp.Trace.Patience[i] = max(seconds(km.beyond(c.wait, rng.Float64())), time.Millisecond)
			}
		}
		note("Patience of the answered calls: drawn (once, for the seed) from the Kaplan–Meier estimate of the log beyond each call's own wait — it would have waited at least that long — with an exponential tail (mean %s, the exponential MLE) where fewer than %d callers are left at risk; the scenario's patience lists the curve's %d quantiles.",
			round(seconds(e.Patience.Exponential.Mean)), kmMinAtRisk, kmQuantiles)
	} else {
		note("Patience: nobody abandoned in the log, so nobody abandons in the replay.")
	}
	if g := e.Gaps; g != nil {
		switch {
		case g.Separable:
			q.WrapUp = gamma(g.WrapUpMean, g.WrapUpSD)
			q.PickUp = gamma(g.PickUp.Mean, g.PickUp.SD)
			note("Wrap-up: mean %s (busy gaps between an agent's calls less the pick-up delay); pick-up delay: mean %s (the waits of calls arriving to an idle agent). Both gamma with the log's CV.", round(seconds(g.WrapUpMean)), round(seconds(g.PickUp.Mean)))
		default:
			q.PickUp = gamma(g.Busy.Mean, g.Busy.SD)
			note("Wrap-up and pick-up delay cannot be told apart in this log (calls arriving to idle agents waited longer than the busy gaps: the desk is not work-conserving), so the busy gaps (mean %s) are the pick-up delay and there is no separate wrap-up; this keeps the agents' time between calls right but cannot reproduce idle agents leaving calls waiting.", round(seconds(g.Busy.Mean)))
		}
	}
	switch {
	case opt.Staffing != nil:
		rp.Curves = opt.Staffing
		note("Staffing: the staffing curve given (agents per interval), shifts ending hard at each interval's end.")
	case e.Gaps != nil && e.Gaps.Present != nil:
		rp.Curves = []*staffing.Curve{e.Gaps.Present}
		note("Staffing: the agents present per %s interval, from each agent's first to last call of a stretch of work (%.1f agent-hours; a lower bound on the agents logged in), shifts ending hard at each interval's end.",
			quantity.FormatDuration(e.Config.Interval), e.Gaps.Present.AgentHours())
	default:
		return fmt.Errorf("%s: the log names no agents, so the agents present cannot be read from it: give the staffing (a staffing CSV, interval_start,agents)", file)
	}
	roster := scenarios.Roster{Staffing: StaffingFile, Curves: rp.Curves}
	if g := e.Gaps; g != nil && g.NotReady >= notReadyMin {
		roster.NotReady = roundTo(g.NotReady, 1e-3)
		note("Not ready: %.1f%% of the agents' time (in spells of %s, the simulator's default): the share of their time, while a call waited unassigned, that they sat idle past wrap-up and pick-up (%.1f agent-hours observed); the desk is not work-conserving.",
			100*roster.NotReady, quantity.FormatDuration(sim.DefaultNotReadySpell), g.NotReadyHours)
	}
	rp.Scenario = &scenarios.Scenario{
		Name: name, Start: start, Location: loc, Days: days, Interval: e.Config.Interval,
		Replications: reps, Seed: seed,
		Queues: []scenarios.Queue{q},
		Roster: roster,
		Cost:   scenarios.Cost{None: true},
	}
	return nil
}

// patience is the survival function of patience the replay draws from:
// the Kaplan–Meier curve while kmMinAtRisk callers are still at risk, and
// beyond (where one late hang-up can drop it to 0) an exponential tail
// from the last trusted step, S(t) = S₀·exp(−θ̂(t − t₀)), θ̂ the
// exponential MLE.
type patience struct {
	steps  []calllog.Step
	s0, t0 float64
	rate   float64
}

// patienceStream keys the random stream of the answered calls' patience.
const patienceStream = 0x7061_7469_656e_6365 // "patience"

// newPatience returns the patience of a log; ok is false when nobody
// abandoned.
func newPatience(p calllog.Patience) (patience, bool) {
	km := p.KaplanMeier
	if len(km.Steps) == 0 || !(p.Exponential.Rate > 0) {
		return patience{}, false
	}
	steps := km.Steps
	for len(steps) > 0 && steps[len(steps)-1].AtRisk < kmMinAtRisk {
		steps = steps[:len(steps)-1]
	}
	out := patience{steps: steps, s0: 1, rate: p.Exponential.Rate}
	if len(steps) > 0 {
		out.s0, out.t0 = steps[len(steps)-1].Survival, steps[len(steps)-1].Time
	}
	return out, true
}

// survival returns S(t).
func (p patience) survival(t float64) float64 {
	if t >= p.t0 {
		return p.s0 * math.Exp(-p.rate*(t-p.t0))
	}
	s := 1.0
	for _, st := range p.steps {
		if st.Time > t {
			break
		}
		s = st.Survival
	}
	return s
}

// quantile returns the smallest t with S(t) ≤ s, s in (0, 1].
func (p patience) quantile(s float64) float64 {
	for _, st := range p.steps {
		if st.Survival <= s {
			return st.Time
		}
	}
	return p.t0 + math.Log(p.s0/s)/p.rate
}

// beyond draws a patience given that it exceeds w seconds, from u
// uniform in [0, 1): the quantile of S(t)/S(w) at 1 − u, which is > w.
func (p patience) beyond(w, u float64) float64 {
	s := (1 - u) * p.survival(w)
	if !(s > 0) {
		return w
	}
	return math.Max(p.quantile(s), w)
}

// distribution returns the curve as an empirical distribution of its
// kmQuantiles quantiles (the scenario's patience: what a contact without
// its own draws).
func (p patience) distribution() *scenarios.Distribution {
	values := make([]time.Duration, kmQuantiles)
	for k := range values {
		q := (float64(k) + 0.5) / kmQuantiles // P(patience ≤ t) = q
		values[k] = max(round(seconds(p.quantile(1-q))), 100*time.Millisecond)
	}
	d := scenarios.EmpiricalDistribution(values)
	return &d
}

// notReadyMin is the smallest not-ready estimate the scenario takes: a
// work-conserving desk reads up to a few points (calllog.Gaps.NotReady's
// bias), so below it the desk is taken as work-conserving.
const notReadyMin = 0.05

// kmMinAtRisk is the fewest callers at risk at which a Kaplan–Meier step
// is used: below, a single hang-up moves the curve by a tenth or more.
const kmMinAtRisk = 10

// kmQuantiles is how many quantiles of the Kaplan–Meier patience the
// scenario lists: enough that its mean and quartiles are the curve's to a
// second, few enough to read.
const kmQuantiles = 100

// gamma is a gamma distribution of mean and sd seconds, nil when the mean
// is below 0.05 s (none), fixed when sd is 0.
func gamma(mean, sd float64) *scenarios.Distribution {
	if !(mean >= 0.05) {
		return nil
	}
	if !(sd > 0) {
		return &scenarios.Distribution{Kind: scenarios.Fixed, Mean: round(seconds(mean))}
	}
	return &scenarios.Distribution{Kind: scenarios.Gamma, Mean: round(seconds(mean)), CV: roundTo(sd/mean, 1e-3)}
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// round rounds a duration to 100 ms: the scenario file stays readable.
func round(d time.Duration) time.Duration { return d.Round(100 * time.Millisecond) }

func roundTo(x, step float64) float64 { return math.Round(x/step) * step }

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// Run simulates the replay's scenario and compares it with the log.
func (rp *Replay) Run(ctx context.Context, opt Options) error {
	counts := make([][]sim.Counts, rp.Scenario.Replications)
	out, err := scenarios.Run(ctx, rp.Scenario, scenarios.Options{Workers: opt.Workers, Progress: opt.Progress,
		Counts: func(rep int, c []sim.Counts) { counts[rep] = c }})
	if err != nil {
		return err
	}
	rp.Outcome = out
	rp.Comparison = rp.compare(counts)
	return nil
}
