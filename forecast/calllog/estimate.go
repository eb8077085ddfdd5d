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
	// agent is surely done with wrap-up); 0 means Gaps.Window, the 99th
	// percentile of W + D, so that wrap-up rarely leaks into it.
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
	Calls     int `json:"calls"`  // every call read
	Queued    int `json:"queued"` // asked for an agent: answered + abandoned
	Answered  int `json:"answered"`
	Abandoned int `json:"abandoned"` // hung up in the queue
	VRUOnly   int `json:"vru_only"`  // hung up in the voice menu, never queued (not in any estimate)
	Other     int `json:"other"`     // neither answered nor abandoned (PHANTOM …), not in any estimate
	// Immediate counts answered calls with no wait (0 s).
	Immediate int `json:"answered_at_once"`
}

// Measured are the service figures of a log, with DESIGN.md's definitions.
type Measured struct {
	// ASA is the mean wait of answered calls, seconds.
	ASA float64 `json:"asa_seconds"`
	// MeanWaitAbandoned is the mean wait of abandoned calls, seconds.
	MeanWaitAbandoned float64 `json:"mean_wait_abandoned_seconds"`
	// AbandonRate is abandoned / (answered + abandoned).
	AbandonRate float64 `json:"abandon_rate"`
	// ServiceLevels are, per target, answered within it (wait ≤ target)
	// / (answered + abandoned).
	ServiceLevels []ServiceLevel `json:"service_levels"`
}

// ServiceLevel is the share of queued calls answered within a target.
type ServiceLevel struct {
	Target float64 `json:"target_seconds"` // seconds
	Value  float64 `json:"service_level"`  // fraction
}

// Patience estimates the callers' patience.
type Patience struct {
	KaplanMeier Survival    `json:"kaplan_meier"`
	Exponential Exponential `json:"exponential"`
}

// Gaps are the estimates read from each agent's consecutive calls, when
// the log names agents. Under the model of a desk with after-call work
// (an agent ends a call, spends a wrap-up W, is ready; a call assigned to
// a ready agent is answered after a pick-up delay D):
//
//   - when the agent's next call was already waiting as the previous one
//     ended, and the queue stayed non-empty for a fixed Window after
//     that end (another call waiting then was still waiting Window
//     later), the gap between the two calls is W + D exactly: the agent
//     was busy throughout and had a call to take the moment it was
//     ready: Busy. The window has a fixed length so that the choice of
//     gaps does not depend on the wrap-up itself: asking only that the
//     next call was waiting would keep short wrap-ups (during a long
//     one, the queue empties and the agent's next call is a later one)
//     and bias W low. Window is the 99th percentile of the gaps whose
//     next call was waiting;
//   - when the next call arrived after the agent had been off a call for
//     IdleAfter or more (wrap-up surely over), the agent was ready and
//     the call's wait is D: PickUp. A caller who hangs up while the
//     phone rings is not in the sample, so with short patience D reads
//     a little short;
//   - W's mean and standard deviation follow by difference, W and D being
//     independent: E W = E(W+D) − E D, Var W = Var(W+D) − Var D: WrapUp.
//
// Brown et al. (2005, §3.2) describe the agents' wrap-up that a call log
// does not record; this is how to read it back from the gaps. A gap
// longer than GapLimit is a break, not work. Gaps of calls that overlap
// (an agent's next call starting before the last ended, as happens with
// consultations and transfers) count as 0.
type Gaps struct {
	Agents    int     `json:"agents"`             // distinct agents
	Pairs     int     `json:"pairs"`              // consecutive calls within the gap limit
	Breaks    int     `json:"breaks"`             // gaps longer than the gap limit
	Window    float64 `json:"window_seconds"`     // seconds: the window of the busy gaps
	IdleAfter float64 `json:"idle_after_seconds"` // seconds: the IdleAfter used
	Busy      Sample  `json:"busy_gap"`           // W + D, seconds
	PickUp    Sample  `json:"pick_up_delay"`      // D, seconds
	// WrapUpMean, with WrapUpLow…WrapUpHigh its interval (the normal
	// interval of a difference of independent means), and WrapUpSD are
	// W's mean and standard deviation in seconds. WrapUpSD is 0 when the
	// sample variances leave nothing for W.
	WrapUpMean float64 `json:"wrap_up_mean"`
	WrapUpLow  float64 `json:"wrap_up_low"`
	WrapUpHigh float64 `json:"wrap_up_high"`
	WrapUpSD   float64 `json:"wrap_up_sd"`
	// Separable is false when the pick-up delay is significantly longer
	// than the busy gaps (their difference's interval lies below 0): the
	// desk is not work-conserving — ready agents left calls waiting (not
	// ready, a class they did not take) — so the idle-arrival waits are
	// not the delay of the busy gaps and W cannot be read by difference.
	Separable bool `json:"wrap_up_separable"`
	// NotReady estimates the share of their time that agents were not
	// ready (notready.go: idle past wrap-up and pick-up while a call waited
	// unassigned; it reads a few points high); NotReadyHours is the agent-hours it
	// is read from (agents present while a call waited unassigned).
	NotReady      float64 `json:"not_ready"`
	NotReadyHours float64 `json:"not_ready_exposure_hours"`
	// Present is the time-average of agents present per interval: an
	// agent is present from the start of the first call of a stretch of
	// work to the end of its last (a stretch ends at a gap longer than
	// GapLimit). It misses the time before the first and after the last
	// call of a stretch, so it is a lower bound on the agents logged in.
	Present *staffing.Curve `json:"-"`
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
	switch c.Outcome {
	case Answered:
		e.counts.Answered++
		if c.Wait == 0 {
			e.counts.Immediate++
		}
		if c.ServiceStart.IsZero() {
			break // answered, but the log has no service record
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
	default:
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
		if c.start != 0 {
			handles = append(handles, float64(c.end-c.start)/1e9)
		}
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
	byAgent := make([][]int32, len(e.agentID))
	for i, c := range e.calls {
		if c.agent >= 0 {
			byAgent[c.agent] = append(byAgent[c.agent], int32(i))
		}
	}
	limit := int64(cfg.GapLimit)
	type pair struct {
		end  int64 // the previous call's end (the later end, for overlapping calls)
		next int32 // the next call
	}
	var pairs []pair
	var spans []span
	var waiting []float64 // gaps whose next call was waiting as the previous ended
	for _, idx := range byAgent {
		sort.Slice(idx, func(i, j int) bool { return e.calls[idx[i]].start < e.calls[idx[j]].start })
		first := e.calls[idx[0]]
		s := span{first.start, first.end}
		for _, k := range idx[1:] {
			next := e.calls[k]
			if next.start-s.to > limit {
				g.Breaks++
				spans = append(spans, s)
				s = span{next.start, next.end}
				continue
			}
			g.Pairs++
			pairs = append(pairs, pair{s.to, k})
			if next.arrival <= s.to {
				waiting = append(waiting, float64(max(0, next.start-s.to))/1e9)
			}
			s.to = max(s.to, next.end)
		}
		spans = append(spans, s)
	}
	// The window: long enough for nearly every W + D.
	sort.Float64s(waiting)
	window := quantileSorted(waiting, 0.99)
	g.Window = window
	idle := float64(cfg.IdleAfter) / 1e9
	if cfg.IdleAfter == 0 {
		idle = window
	}
	g.IdleAfter = idle
	q := e.queueHeld()
	win := int64(window * 1e9)
	var busy, pick []float64
	for _, p := range pairs {
		next := e.calls[p.next]
		gap := float64(max(0, next.start-p.end)) / 1e9
		if next.arrival <= p.end && q.heldBeyond(p.end, p.end+win, p.next) {
			busy = append(busy, gap)
		}
		if idle > 0 && float64(next.arrival-p.end)/1e9 >= idle {
			pick = append(pick, next.wait)
		}
	}
	g.Busy = describe(busy, cfg.Level)
	g.PickUp = describe(pick, cfg.Level)
	if g.Busy.N > 0 {
		diff := g.Busy.Mean - g.PickUp.Mean
		se := math.Sqrt(varOverN(g.Busy) + varOverN(g.PickUp))
		h := zOf(cfg.Level) * se
		g.WrapUpMean, g.WrapUpLow, g.WrapUpHigh = math.Max(0, diff), math.Max(0, diff-h), math.Max(0, diff+h)
		g.Separable = diff+h >= 0
		g.WrapUpSD = math.Sqrt(math.Max(0, g.Busy.SD*g.Busy.SD-g.PickUp.SD*g.PickUp.SD))
	}
	w, d, ring := g.WrapUpMean, g.PickUp.Mean, g.PickUp.P90
	if !g.Separable {
		w, d, ring = 0, g.Busy.Mean, g.Busy.P90
	}
	between := make([]span, 0, len(pairs))
	for _, p := range pairs {
		if st := e.calls[p.next].start; st > p.end {
			between = append(between, span{p.end, st})
		}
	}
	g.NotReady, g.NotReadyHours = e.notReady(between, spans, w, d, ring)
	g.Present = presence(spans, cfg.Interval, e.loc)
	return g
}

// quantileSorted is the empirical q-quantile of sorted x (0 when empty).
func quantileSorted(x []float64, q float64) float64 {
	if len(x) == 0 {
		return 0
	}
	return x[min(len(x)-1, max(0, int(math.Ceil(q*float64(len(x))))-1))]
}

// held answers "was some call that was waiting at t still waiting at u?"
// from the queued calls sorted by arrival, with the two latest queue
// exits among the calls that arrived up to each position.
type held struct {
	arrival []int64
	exit1   []int64 // latest exit among calls[:i+1]
	who1    []int32 // its call
	exit2   []int64 // second latest
}

// queueHeld builds held over every queued call; a call's queue exit is
// its arrival plus its wait.
func (e *Estimator) queueHeld() *held {
	n := len(e.calls)
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool { return e.calls[order[i]].arrival < e.calls[order[j]].arrival })
	h := &held{arrival: make([]int64, n), exit1: make([]int64, n), who1: make([]int32, n), exit2: make([]int64, n)}
	var x1, x2 int64 = math.MinInt64, math.MinInt64
	w1 := int32(-1)
	for i, k := range order {
		c := e.calls[k]
		x := c.arrival + int64(c.wait*1e9)
		switch {
		case x > x1:
			x1, x2, w1 = x, x1, k
		case x > x2:
			x2 = x
		}
		h.arrival[i], h.exit1[i], h.who1[i], h.exit2[i] = c.arrival, x1, w1, x2
	}
	return h
}

// heldBeyond reports whether a call other than not, waiting at t (arrived
// by t), left the queue at u or later: the queue was never empty in
// [t, u].
func (h *held) heldBeyond(t, u int64, not int32) bool {
	i := sort.Search(len(h.arrival), func(i int) bool { return h.arrival[i] > t }) - 1
	if i < 0 {
		return false
	}
	x := h.exit1[i]
	if h.who1[i] == not {
		x = h.exit2[i]
	}
	return x >= u
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
