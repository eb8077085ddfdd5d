package calllog

import (
	"fmt"
	"math"
	"sort"
	"time"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/staffsim/staffsim/forecast/staffing"
)

// Config says what an Estimator computes. The zero value is usable: SL
// at 20 s and 60 s, 95 % intervals, a 30-minute gap limit and 30-minute
// intervals.
type Config struct {
	// Targets are the service-level targets in seconds; nil means 20, 60.
	Targets []float64
	// Level is the confidence level of every interval; 0 means 0.95.
	Level float64
	// GapLimit is the longest time between an agent's consecutive calls
	// that still counts as one stretch of work; a longer gap is a break or
	// the end of a shift (the agent is absent during it and it is no
	// wrap-up). 0 means 30 minutes.
	GapLimit time.Duration
	// IdleAfter is how long an agent must have been off a call before a
	// new call arrives for the call's wait to count as pick-up delay (the
	// agent is surely done with wrap-up); 0 means the 99th percentile of
	// the busy gaps (Gaps.Busy), so that wrap-up rarely leaks into it.
	IdleAfter time.Duration
	// Interval is the length of the intervals of Gaps.Present; 0 means 30m.
	Interval time.Duration
	// Location is the zone whose wall clock the intervals follow; nil
	// means that of the first call's arrival.
	Location *time.Location
}

func (c Config) withDefaults() Config {
	if c.Targets == nil {
		c.Targets = []float64{20, 60}
	}
	if c.Level == 0 {
		c.Level = 0.95
	}
	if c.GapLimit == 0 {
		c.GapLimit = 30 * time.Minute
	}
	if c.Interval == 0 {
		c.Interval = 30 * time.Minute
	}
	return c
}

// Counts are the calls of a log by what happened to them.
type Counts struct {
	Calls     int // every call read
	Queued    int // asked for an agent: answered + abandoned
	Answered  int
	Abandoned int // hung up in the queue
	VRUOnly   int // hung up in the voice menu, never queued (not in any estimate)
	Other     int // neither answered nor abandoned (PHANTOM …), not in any estimate
	// Immediate counts answered calls with no wait (0 s).
	Immediate int
}

// Measured are the service figures of a log, with DESIGN.md's definitions.
type Measured struct {
	// ASA is the mean wait of answered calls, seconds.
	ASA float64
	// MeanWaitAbandoned is the mean wait of abandoned calls, seconds.
	MeanWaitAbandoned float64
	// AbandonRate is abandoned / (answered + abandoned).
	AbandonRate float64
	// ServiceLevels are, per target, answered within it (wait ≤ target)
	// / (answered + abandoned).
	ServiceLevels []ServiceLevel
}

// ServiceLevel is the share of queued calls answered within a target.
type ServiceLevel struct {
	Target float64 // seconds
	Value  float64 // fraction
}

// Patience estimates the callers' patience.
type Patience struct {
	KaplanMeier Survival
	Exponential Exponential
}

// Gaps are the estimates read from each agent's consecutive calls, when
// the log names agents. Under the model of a desk with after-call work
// (an agent ends a call, spends a wrap-up W, is ready; a call assigned to
// a ready agent is answered after a pick-up delay D):
//
//   - when the agent's next call was already waiting as the previous one
//     ended, the gap between them is W + D exactly (the agent was busy
//     throughout): Busy;
//   - when the next call arrived after the agent had been off a call for
//     IdleAfter or more (wrap-up surely over), the agent was ready and
//     the call's wait is D: PickUp;
//   - W's mean and standard deviation follow by difference, W and D being
//     independent: E W = E(W+D) − E D, Var W = Var(W+D) − Var D: WrapUp.
//
// Brown et al. (2005, §3.2) describe the agents' wrap-up that a call log
// does not record; this is how to read it back from the gaps. A gap
// longer than GapLimit is a break, not work. Gaps of calls that overlap
// (an agent's next call starting before the last ended, as happens with
// consultations and transfers) count as 0.
type Gaps struct {
	Agents    int     // distinct agents
	Pairs     int     // consecutive calls within the gap limit
	Breaks    int     // gaps longer than the gap limit
	IdleAfter float64 // seconds: the IdleAfter used
	Busy      Sample  // W + D, seconds
	PickUp    Sample  // D, seconds
	// WrapUpMean, with WrapUpLow…WrapUpHigh its interval (the normal
	// interval of a difference of independent means), and WrapUpSD are
	// W's mean and standard deviation in seconds. WrapUpSD is 0 when the
	// sample variances leave nothing for W.
	WrapUpMean, WrapUpLow, WrapUpHigh float64
	WrapUpSD                          float64
	// Present is the time-average of agents present per interval: an
	// agent is present from the start of the first call of a stretch of
	// work to the end of its last (a stretch ends at a gap longer than
	// GapLimit). It misses the time before the first and after the last
	// call of a stretch, so it is a lower bound on the agents logged in.
	Present *staffing.Curve
}

// Estimates are everything an Estimator reads from a log.
type Estimates struct {
	Config   Config
	Counts   Counts
	First    time.Time // earliest arrival of a queued call
	Last     time.Time // latest arrival of a queued call
	Measured Measured
	Patience Patience
	Handle   Sample    // answered calls' handle times, seconds
	LogFit   LogNormal // the log-normal fit of the handle times
	Gaps     *Gaps     // nil when the log names no agents
}

// call is the compact record an Estimator keeps of a queued call.
type call struct {
	arrival, start, end int64 // unix nanoseconds; start and end 0 unless answered
	wait                float64
	abandoned           bool
	agent               int32 // index into Estimator.agents; −1 when none
}

// Estimator accumulates the calls of a log (Add) and estimates the desk's
// parameters from them (Estimate).
type Estimator struct {
	cfg     Config
	counts  Counts
	calls   []call
	agentID map[string]int32
	loc     *time.Location
}

// NewEstimator returns an Estimator with the configuration c.
func NewEstimator(c Config) *Estimator {
	return &Estimator{cfg: c.withDefaults(), agentID: map[string]int32{}, loc: c.Location}
}

// Add takes one call of the log.
func (e *Estimator) Add(c *Call) {
	e.counts.Calls++
	switch {
	case c.Outcome == Other:
		e.counts.Other++
		return
	case !c.Queued:
		e.counts.VRUOnly++
		return
	}
	if e.loc == nil {
		e.loc = c.Arrival.Location()
	}
	k := call{arrival: c.Arrival.UnixNano(), wait: c.Wait, abandoned: c.Outcome == Abandoned, agent: -1}
	e.counts.Queued++
	if c.Outcome == Answered {
		e.counts.Answered++
		if c.Wait == 0 {
			e.counts.Immediate++
		}
		k.start, k.end = c.ServiceStart.UnixNano(), c.ServiceEnd.UnixNano()
		if c.Agent != "" {
			id, ok := e.agentID[c.Agent]
			if !ok {
				id = int32(len(e.agentID))
				e.agentID[c.Agent] = id
			}
			k.agent = id
		}
	} else {
		e.counts.Abandoned++
	}
	e.calls = append(e.calls, k)
}

// Estimate returns the estimates from the calls added so far. It fails
// when no call was queued.
func (e *Estimator) Estimate() (*Estimates, error) {
	cfg := e.cfg
	if e.counts.Queued == 0 {
		return nil, fmt.Errorf("no queued calls: %d calls read, none answered or abandoned in the queue", e.counts.Calls)
	}
	out := &Estimates{Config: cfg, Counts: e.counts}
	n := len(e.calls)
	waits := make([]float64, n)
	events := make([]bool, n)
	var handles []float64
	var waitAns, waitAb float64
	within := make([]int, len(cfg.Targets))
	first, last := e.calls[0].arrival, e.calls[0].arrival
	for i, c := range e.calls {
		waits[i], events[i] = c.wait, c.abandoned
		first, last = min(first, c.arrival), max(last, c.arrival)
		if c.abandoned {
			waitAb += c.wait
			continue
		}
		waitAns += c.wait
		handles = append(handles, float64(c.end-c.start)/1e9)
		for j, t := range cfg.Targets {
			if c.wait <= t {
				within[j]++
			}
		}
	}
	out.First, out.Last = time.Unix(0, first).In(e.loc), time.Unix(0, last).In(e.loc)
	q := float64(e.counts.Queued)
	m := &out.Measured
	if e.counts.Answered > 0 {
		m.ASA = waitAns / float64(e.counts.Answered)
	}
	if e.counts.Abandoned > 0 {
		m.MeanWaitAbandoned = waitAb / float64(e.counts.Abandoned)
	}
	m.AbandonRate = float64(e.counts.Abandoned) / q
	for j, t := range cfg.Targets {
		m.ServiceLevels = append(m.ServiceLevels, ServiceLevel{Target: t, Value: float64(within[j]) / q})
	}
	out.Patience.KaplanMeier = KaplanMeier(waits, events, cfg.Level)
	if exposure := waitAns + waitAb; exposure > 0 {
		out.Patience.Exponential = FitExponential(e.counts.Abandoned, exposure, cfg.Level)
	}
	out.LogFit = FitLogNormal(handles, cfg.Level)
	out.Handle = describe(handles, cfg.Level)
	if len(e.agentID) > 0 {
		out.Gaps = e.gaps(cfg)
	}
	return out, nil
}

// gaps reads wrap-up, pick-up delay and presence from each agent's calls.
func (e *Estimator) gaps(cfg Config) *Gaps {
	g := &Gaps{Agents: len(e.agentID)}
	byAgent := make([][]call, len(e.agentID))
	for _, c := range e.calls {
		if c.agent >= 0 {
			byAgent[c.agent] = append(byAgent[c.agent], c)
		}
	}
	limit := float64(cfg.GapLimit)
	type pair struct{ prev, next call }
	var pairs []pair
	var busy []float64
	var spans []span
	for _, calls := range byAgent {
		sort.Slice(calls, func(i, j int) bool { return calls[i].start < calls[j].start })
		s := span{calls[0].start, calls[0].end}
		for i := 1; i < len(calls); i++ {
			prev, next := calls[i-1], calls[i]
			end := max(prev.end, s.to) // overlapping calls: the later end
			gap := float64(next.start - end)
			if gap > limit {
				g.Breaks++
				spans = append(spans, s)
				s = span{next.start, next.end}
				continue
			}
			g.Pairs++
			s.to = max(s.to, next.end)
			prev.end = end
			pairs = append(pairs, pair{prev, next})
			if next.arrival <= end {
				busy = append(busy, math.Max(0, gap)/1e9)
			}
		}
		spans = append(spans, s)
	}
	g.Busy = describe(busy, cfg.Level) // sorts busy
	idle := float64(cfg.IdleAfter) / 1e9
	if cfg.IdleAfter == 0 && len(busy) > 0 {
		idle = busy[min(len(busy)-1, int(math.Ceil(0.99*float64(len(busy))))-1)]
	}
	g.IdleAfter = idle
	var pick []float64
	for _, p := range pairs {
		if float64(p.next.arrival-p.prev.end)/1e9 >= idle && idle > 0 {
			pick = append(pick, p.next.wait)
		}
	}
	g.PickUp = describe(pick, cfg.Level)
	if g.Busy.N > 0 {
		g.WrapUpMean = math.Max(0, g.Busy.Mean-g.PickUp.Mean)
		se := math.Sqrt(g.Busy.SD*g.Busy.SD/float64(g.Busy.N) + varOverN(g.PickUp))
		h := zOf(cfg.Level) * se
		g.WrapUpLow, g.WrapUpHigh = math.Max(0, g.Busy.Mean-g.PickUp.Mean-h), math.Max(0, g.Busy.Mean-g.PickUp.Mean+h)
		g.WrapUpSD = math.Sqrt(math.Max(0, g.Busy.SD*g.Busy.SD-g.PickUp.SD*g.PickUp.SD))
	}
	g.Present = presence(spans, cfg.Interval, e.loc)
	return g
}

func varOverN(s Sample) float64 {
	if s.N == 0 {
		return 0
	}
	return s.SD * s.SD / float64(s.N)
}

// span is a stretch of one agent's work, in unix nanoseconds.
type span struct{ from, to int64 }

// presence turns the agents' stretches of work into agents present per
// interval of length iv, aligned to iv on the wall clock of loc.
func presence(spans []span, iv time.Duration, loc *time.Location) *staffing.Curve {
	if len(spans) == 0 {
		return nil
	}
	lo, hi := spans[0].from, spans[0].to
	for _, s := range spans {
		lo, hi = min(lo, s.from), max(hi, s.to)
	}
	start := floorInterval(time.Unix(0, lo).In(loc), iv)
	n := int((time.Unix(0, hi).Sub(start) + iv - 1) / iv)
	area := make([]float64, max(n, 1))
	for _, s := range spans {
		for t := s.from; t < s.to; {
			i := int((t - start.UnixNano()) / int64(iv))
			end := min(start.UnixNano()+int64(i+1)*int64(iv), s.to)
			area[i] += float64(end - t)
			t = end
		}
	}
	for i := range area {
		area[i] /= float64(iv)
	}
	return &staffing.Curve{Start: start, Interval: iv, Agents: area}
}

// floorInterval returns the start of the wall-clock interval of length iv
// (dividing a day) that holds t.
func floorInterval(t time.Time, iv time.Duration) time.Time {
	y, m, d := t.Date()
	mid := time.Date(y, m, d, 0, 0, 0, 0, t.Location())
	return mid.Add(t.Sub(mid) / iv * iv)
}

// zOf is the two-sided standard normal quantile of level.
func zOf(level float64) float64 {
	return distuv.UnitNormal.Quantile(0.5 + level/2)
}
