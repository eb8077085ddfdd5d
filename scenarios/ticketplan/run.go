package ticketplan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/scenarios/headcount"
	"github.com/staffsim/staffsim/scenarios/plan"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/scenarios/roster"
	"github.com/staffsim/staffsim/scenarios/tickets"
	"github.com/staffsim/staffsim/sim"
	"github.com/staffsim/staffsim/sim/calendar"
)

// Options are the ticket plan's settings; the zero value of each is
// documented. Templates, Replications (≥ 2), Confidence and HoursPerFTE
// are required.
type Options struct {
	Horizon time.Duration // how far ahead to plan, ≥ 7 days; 0 means 28 days
	// Touch are the mean touch times of L1, L2, L3 (missing ones from
	// DefaultTouch); TouchCV the CV of their log-normal (0 means 1).
	Touch   []time.Duration
	TouchCV float64
	// Pending is the probability that a touch ends waiting on the user, for
	// PendingTime on average (exponential; 0 means 8h).
	Pending     float64
	PendingTime time.Duration
	// ReopenDelay is the mean time from resolution to reopening
	// (exponential; 0 means 48h).
	ReopenDelay time.Duration
	// Preempt lets the first priority interrupt work on the others.
	Preempt bool
	// Response and Resolution are the targets per priority; priorities
	// without one take DefaultTargets by their number.
	Response, Resolution []tickets.Target
	// Calendar is the business calendar the targets count on; nil is 24×7
	// in the history's zone. TwentyFourSeven lists the priorities (as
	// tickets.Matches reads them) judged on elapsed time whatever the
	// calendar.
	Calendar        *calendar.Calendar
	TwentyFourSeven []string
	// Templates are the shift templates each tier's roster is built from.
	Templates *roster.Shifts
	// Occupancy caps the starting roster's busy share (0 means 0.85).
	Occupancy    float64
	Shrinkage    float64 // absence, as in plan
	Confidence   float64 // P(meet) every priority must reach, in (0, 1]
	Replications int
	Seed         uint64
	HoursPerFTE  float64
	HourlyCost   float64
	// Log, if set, receives one line per stage and the notes.
	Log io.Writer
}

func (o Options) touch(tiers int) []time.Duration {
	out := make([]time.Duration, tiers)
	for t := range out {
		out[t] = DefaultTouch[t]
		if t < len(o.Touch) && o.Touch[t] > 0 {
			out[t] = o.Touch[t]
		}
	}
	return out
}

func (o Options) touchCV() float64 { return cmpOr(o.TouchCV, 1) }
func (o Options) pendingTime() time.Duration {
	return time.Duration(cmpOr(float64(o.PendingTime), float64(8*time.Hour)))
}
func (o Options) reopenDelay() time.Duration {
	return time.Duration(cmpOr(float64(o.ReopenDelay), float64(48*time.Hour)))
}
func (o Options) occupancy() float64 { return cmpOr(o.Occupancy, 0.85) }

func cmpOr(x, def float64) float64 {
	if x > 0 {
		return x
	}
	return def
}

// Input is the history: plan's input (the series of tickets per
// interval) and its per-priority measurement.
type Input struct {
	plan.Input
	Tickets *tickets.Result
}

// Tier is one tier of the recommendation.
type Tier struct {
	Name   string
	Agents int
	// Start is the starting roster's headcount (offered load over the
	// occupancy cap), before the search.
	Start  int
	Shifts []sim.Shift
	headcount.Budget
}

// Evaluation is one staffing the search simulated.
type Evaluation struct {
	Agents []int     // per tier
	PMeet  []float64 // per priority
	Met    bool      // every priority reached the confidence
	headcount.Budget
}

// Case is the recommended roster scaled, or under more volume.
type Case struct {
	Name   string
	Factor float64
	Volume float64 // volume multiplier
	Evaluation
	Result *sim.Result
}

// Result is the ticket plan.
type Result struct {
	Source     string
	Forecast   *forecast.Forecast
	Backtest   *forecast.BacktestReport
	Start      time.Time // first simulated day
	Days       int
	Warmup     int // days simulated before the period judged
	Tiers      []string
	Priorities []Priority
	// Assumptions are what stands in for what the history lacks.
	Assumptions []string
	Calendar    *calendar.Calendar
	// Staff is the recommendation per tier; Agents and Budget its total.
	Staff  []Tier
	Agents int
	headcount.Budget
	// Config and Run are the recommendation simulated over the horizon.
	Config sim.Config
	Run    *sim.Result
	// Search lists the staffings simulated, in order; Cases the headcount
	// case around the recommendation.
	Search []Evaluation
	Cases  []Case
	// Met says whether the recommendation reaches the confidence for every
	// priority (false when the search gave up: Unmet says why).
	Met   bool
	Unmet string
	Steps []string

	pl *planner // for Evaluate
}

// Evaluate simulates the plan's desk with perTier analysts in each tier
// (the recommendation's rosters scaled along headcount.ScaleTo), as the
// search did: the same replications and random streams.
func (r *Result) Evaluate(perTier []int) (Evaluation, error) {
	if len(perTier) != len(r.Tiers) {
		return Evaluation{}, fmt.Errorf("%d headcounts for %d tiers", len(perTier), len(r.Tiers))
	}
	e, err := r.pl.evaluate(perTier, 1)
	if err != nil {
		return Evaluation{}, err
	}
	return e.ev, nil
}

// Run plans the ticket desk: forecast, model, starting roster per tier,
// search by simulation, headcount case. Same input and options, same
// result, on any machine.
func Run(ctx context.Context, in Input, opt Options) (*Result, error) {
	if opt.Templates == nil || len(opt.Templates.Templates) == 0 {
		return nil, &plan.InputError{Err: errors.New("ticket plan: no shift templates")}
	}
	if opt.Replications < 2 || opt.HoursPerFTE <= 0 || !(opt.Confidence > 0 && opt.Confidence <= 1) {
		return nil, &plan.InputError{Err: errors.New("ticket plan: replications ≥ 2, hours per FTE > 0 and a confidence in (0, 1] are required")}
	}
	if !(opt.Pending >= 0 && opt.Pending < 1) {
		return nil, &plan.InputError{Err: fmt.Errorf("ticket plan: pending %v must be in [0, 1)", opt.Pending)}
	}
	if opt.Horizon == 0 {
		opt.Horizon = 28 * 24 * time.Hour
	}
	prios, tiers, notes, err := Model(in.Tickets, opt)
	if err != nil {
		return nil, &plan.InputError{Err: fmt.Errorf("%s: %v", in.Source, err)}
	}
	pl := &planner{ctx: ctx, opt: opt, res: &Result{Source: in.Source, Tiers: tiers, Priorities: prios, Assumptions: notes}}
	// plan's forecast stage; the touch time at L1 stands in for a handle
	// time (it sizes nothing there).
	fres, err := plan.Forecast(ctx, in.Input, plan.Options{Horizon: opt.Horizon, AHT: opt.touch(1)[0], HoursPerFTE: opt.HoursPerFTE, Log: opt.Log})
	if err != nil {
		return nil, err
	}
	r := pl.res
	r.Forecast, r.Backtest, r.Start, r.Days = fres.Forecast, fres.Backtest, fres.Start, fres.Days
	r.Steps = append(r.Steps, fres.Steps...)
	r.Calendar = opt.Calendar
	if r.Calendar == nil {
		r.Calendar = calendar.Always(r.Start.Location())
	}
	if r.Days >= 21 {
		r.Warmup = 7
	}
	for _, n := range notes {
		pl.warn("%s", n)
	}
	if err := pl.run(pl.startRoster, pl.search); err != nil {
		return nil, err
	}
	r.pl, pl.done = pl, true
	if err := pl.run(pl.cases); err != nil {
		return nil, err
	}
	return r, nil
}

type planner struct {
	ctx    context.Context
	opt    Options
	res    *Result
	counts [][]float64 // per priority, per forecast interval
	base   [][]sim.Shift
	start  []int
	evals  map[string]*evalOut
	done   bool // the plan is made: evaluations are no longer the search's
}

type evalOut struct {
	ev  Evaluation
	res *sim.Result
	cfg sim.Config
}

func (pl *planner) run(stages ...func() error) error {
	for _, s := range stages {
		if err := s(); err != nil {
			return err
		}
		if err := pl.ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

func (pl *planner) note(format string, args ...any) {
	if pl.opt.Log != nil {
		fmt.Fprintf(pl.opt.Log, "plan: "+format+"\n", args...)
	}
}

func (pl *planner) warn(format string, args ...any) {
	if pl.opt.Log != nil {
		fmt.Fprintf(pl.opt.Log, "note: "+format+"\n", args...)
	}
}

// startRoster splits the forecast by priority and solves each tier's
// weekly roster on its offered load.
func (pl *planner) startRoster() error {
	r, opt := pl.res, pl.opt
	fc := r.Forecast
	iv := fc.Interval
	pl.counts = make([][]float64, len(r.Priorities))
	for p, pr := range r.Priorities {
		c := make([]float64, len(fc.Arrivals))
		for i, a := range fc.Arrivals {
			c[i] = a * pr.Share
		}
		pl.counts[p] = c
	}
	touch := opt.touch(len(r.Tiers))
	per := fc.SlotsPerDay()
	window := max(1, int(2*time.Hour/iv))
	for t, tier := range r.Tiers {
		load := make([]float64, len(fc.Arrivals))
		for p, pr := range r.Priorities {
			k := reach(pr, len(r.Tiers), opt)[t] * touch[t].Hours() / iv.Hours()
			for i, c := range pl.counts[p] {
				load[i] += c * k
			}
		}
		smooth := movingMean(load, window)
		week := make([]float64, 7*per)
		for i, x := range smooth {
			slot, day := fc.Slot(i)
			if slot < 0 || slot >= per {
				continue
			}
			need := x / opt.occupancy() / (1 - opt.Shrinkage)
			week[int(day)*per+slot] = max(week[int(day)*per+slot], need)
		}
		n := int(r.Start.AddDate(0, 0, 7).Sub(r.Start) / iv)
		req := make([]float64, n)
		total := 0.0
		for i := range n {
			at := r.Start.Add(time.Duration(i) * iv)
			h, m, _ := at.Clock()
			slot := min((h*60+m)*per/(24*60), per-1)
			req[i] = math.Max(0, math.Ceil(week[int(at.Weekday())*per+slot]-0.3))
			// A tier is staffed whenever the desk is open: business-hours
			// targets count only then, and a desk whose load rounds to
			// nobody would otherwise leave them to chance.
			if !r.Calendar.IsAlways() && r.Calendar.Open(at) {
				req[i] = max(req[i], 1)
			}
			total += req[i]
		}
		if total == 0 {
			// A tier with a trickle of work: one analyst where the work is
			// busiest.
			peak := 0.0
			for _, x := range week {
				peak = max(peak, x)
			}
			for i := range n {
				at := r.Start.Add(time.Duration(i) * iv)
				h, m, _ := at.Clock()
				slot := min((h*60+m)*per/(24*60), per-1)
				if x := week[int(at.Weekday())*per+slot]; x > 0 && x >= 0.5*peak {
					req[i] = 1
				}
			}
		}
		p := &roster.Problem{Start: r.Start, Interval: iv, Required: req, Templates: opt.Templates.Templates, Limits: opt.Templates.Limits}
		// A starting point the search scales and trims: a shorter annealing
		// than the phone plan's (which the roster's simulation checks as it
		// stands) is enough, and keeps the plan's time in the simulations.
		ro, err := roster.Solve(pl.ctx, p, roster.Options{Moves: startMoves})
		if err != nil {
			return fmt.Errorf("roster of %s: %w", tier, err)
		}
		shifts := ro.SimShifts(p)
		for i := range shifts {
			shifts[i].Name = tier + " " + shifts[i].Name
			shifts[i].Skills = []string{tier}
		}
		pl.base = append(pl.base, shifts)
		pl.start = append(pl.start, max(1, ro.Agents))
		pl.note("start: %s roster on its offered load: %d analysts on %d shift patterns", tier, ro.Agents, len(shifts))
	}
	return nil
}

// startMoves are the annealing moves of each starting roster.
const startMoves = 100_000

// movingMean returns the centred moving mean of xs over w values.
func movingMean(xs []float64, w int) []float64 {
	out := make([]float64, len(xs))
	for i := range xs {
		lo, hi := max(0, i-w/2), min(len(xs), i-w/2+w)
		s := 0.0
		for _, x := range xs[lo:hi] {
			s += x
		}
		out[i] = s / float64(hi-lo)
	}
	return out
}

// config returns the desk with n[t] analysts in tier t, at volume scale.
func (pl *planner) config(n []int, volume float64) (sim.Config, error) {
	var shifts []sim.Shift
	for t, base := range pl.base {
		shifts = append(shifts, working(headcount.ScaleTo(base, n[t]))...)
	}
	// The desk as scenario.yaml writes it, through the scenario's one
	// conversion to the simulator: the plan simulates what the file holds.
	cfg, err := pl.scenario(volume).SimConfig()
	if err != nil {
		return sim.Config{}, err
	}
	cfg.Shifts = shifts
	return cfg, nil
}

// evaluate simulates the desk with n analysts per tier (memoised).
func (pl *planner) evaluate(n []int, volume float64) (*evalOut, error) {
	key := fmt.Sprint(n, volume)
	if e, ok := pl.evals[key]; ok {
		return e, nil
	}
	cfg, err := pl.config(n, volume)
	if err != nil {
		return nil, err
	}
	res, err := sim.Run(pl.ctx, cfg)
	if err != nil {
		return nil, err
	}
	ev := Evaluation{Agents: append([]int(nil), n...), PMeet: res.Tickets.MetGoal, Met: true}
	for _, p := range ev.PMeet {
		ev.Met = ev.Met && meets(p, pl.opt.Confidence, pl.opt.Replications)
	}
	weeks := float64(cfg.Horizon-cfg.Warmup) / float64(7*24*time.Hour)
	ev.Budget = pl.pay().Of(res.Summary.Total.PaidHours.Mean / weeks)
	out := &evalOut{ev: ev, res: res, cfg: cfg}
	if pl.evals == nil {
		pl.evals = map[string]*evalOut{}
	}
	pl.evals[key] = out
	if volume == 1 && !pl.done {
		pl.res.Search = append(pl.res.Search, ev)
	}
	return out, nil
}

func (pl *planner) pay() headcount.Pay {
	return headcount.Pay{HoursPerFTE: pl.opt.HoursPerFTE, Hourly: pl.opt.HourlyCost}
}

// score is Σ_p min(P(meet)_p, confidence): what the search raises.
func (pl *planner) score(ev Evaluation) float64 {
	s := 0.0
	for _, p := range ev.PMeet {
		s += min(p, pl.opt.Confidence)
	}
	return s
}

// search grows the tier that helps most until every priority meets its
// goals with the confidence, then trims each tier while they still do.
func (pl *planner) search() error {
	r := pl.res
	n := append([]int(nil), pl.start...)
	cur, err := pl.evaluate(n, 1)
	if err != nil {
		return err
	}
	limit := 0
	for _, s := range n {
		limit += 4*s + 20
	}
	for !cur.ev.Met {
		if total(n) >= limit {
			r.Unmet = pl.unmet(cur.ev)
			pl.warn("the search stopped at %d analysts: %s", total(n), r.Unmet)
			break
		}
		var best *evalOut
		bestT := -1
		for t := range n {
			c := append([]int(nil), n...)
			c[t] += max(1, int(math.Round(0.05*float64(n[t]))))
			e, err := pl.evaluate(c, 1)
			if err != nil {
				return err
			}
			if best == nil || pl.score(e.ev) > pl.score(best.ev) ||
				(pl.score(e.ev) == pl.score(best.ev) && e.ev.PaidHoursPerWeek < best.ev.PaidHoursPerWeek) {
				best, bestT = e, t
			}
		}
		n = best.ev.Agents
		cur = best
		pl.note("search: more %s: %s", r.Tiers[bestT], pl.describe(cur.ev))
	}
	if cur.ev.Met {
		for _, step := range []int{4, 2, 1} {
			for t := range n {
				for n[t]-step >= 1 {
					c := append([]int(nil), n...)
					c[t] -= step
					e, err := pl.evaluate(c, 1)
					if err != nil {
						return err
					}
					if !e.ev.Met {
						break
					}
					n, cur = c, e
				}
			}
		}
		pl.note("search: recommended %s", pl.describe(cur.ev))
	}
	r.Met = cur.ev.Met
	r.Config, r.Run = cur.cfg, cur.res
	r.Agents = total(n)
	r.Budget = cur.ev.Budget
	for t, name := range r.Tiers {
		kept := working(headcount.ScaleTo(pl.base[t], n[t]))
		r.Staff = append(r.Staff, Tier{Name: name, Agents: n[t], Start: pl.start[t], Shifts: kept, Budget: pl.pay().Of(weeklyPaid(kept))})
	}
	r.Steps = append(r.Steps, fmt.Sprintf("Staffing: a roster per tier on its offered load (%s analysts) was simulated with every priority, escalation and reopen, %d times over %d days, and grown and trimmed in %d simulated staffings to the fewest analysts with which every priority meets its response and resolution goals in at least %.0f%% of the runs.",
		joinInts(pl.start), pl.opt.Replications, r.Days-r.Warmup, len(r.Search), 100*pl.opt.Confidence))
	return nil
}

// unmet says which priorities and targets the staffing misses.
func (pl *planner) unmet(ev Evaluation) string {
	var out []string
	for p, x := range ev.PMeet {
		if !meets(x, pl.opt.Confidence, pl.opt.Replications) {
			out = append(out, fmt.Sprintf("%s meets its goals in %.0f%% of the runs", pl.res.Priorities[p].Name, 100*x))
		}
	}
	return strings.Join(out, "; ") + " — check the targets against the shift templates' hours (a 24×7 target needs night and weekend shifts) and --touch"
}

func (pl *planner) describe(ev Evaluation) string {
	var parts []string
	for t, a := range ev.Agents {
		parts = append(parts, fmt.Sprintf("%s %d", pl.res.Tiers[t], a))
	}
	var pm []string
	for p, x := range ev.PMeet {
		pm = append(pm, fmt.Sprintf("%s %.0f%%", pl.res.Priorities[p].Name, 100*x))
	}
	return strings.Join(parts, ", ") + " analysts; P(meet) " + strings.Join(pm, ", ")
}

// cases simulates the recommendation scaled to 80–120 % and at +10 %
// volume.
func (pl *planner) cases() error {
	r := pl.res
	n := agentsOf(r.Staff)
	add := func(name string, factor, volume float64) error {
		c := make([]int, len(n))
		for t := range n {
			c[t] = max(1, int(math.Round(factor*float64(n[t]))))
		}
		e, err := pl.evaluate(c, volume)
		if err != nil {
			return err
		}
		r.Cases = append(r.Cases, Case{Name: name, Factor: factor, Volume: volume, Evaluation: e.ev, Result: e.res})
		return nil
	}
	for _, f := range []float64{0.8, 0.9, 1, 1.1, 1.2} {
		name := fmt.Sprintf("%.0f%% of the recommendation", 100*f)
		if f == 1 {
			name = "recommendation"
		}
		if err := add(name, f, 1); err != nil {
			return err
		}
	}
	return add("+10% volume", 1, 1.1)
}

func agentsOf(ts []Tier) []int {
	out := make([]int, len(ts))
	for i, t := range ts {
		out[i] = t.Agents
	}
	return out
}

func total(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func joinInts(xs []int) string {
	var s []string
	for _, x := range xs {
		s = append(s, fmt.Sprint(x))
	}
	return strings.Join(s, " + ")
}

// meets reports whether a share p of n replications reaches the
// confidence, counted in runs — round(p·n) ≥ ⌈confidence·n⌉
// (report.MinWeeks) — so that a mean accumulated over the replications
// (0.8999… for 18 of 20) is not a run short.
func meets(p, confidence float64, n int) bool {
	return int(math.Round(p*float64(n))) >= report.MinWeeks(confidence, n)
}

// working returns the shifts with agents: what scenario.yaml holds, so
// that the plan simulates exactly what the file does.
func working(shifts []sim.Shift) []sim.Shift {
	var out []sim.Shift
	for _, s := range shifts {
		if s.Agents > 0 {
			out = append(out, s)
		}
	}
	return out
}

// weeklyPaid returns the rostered paid hours a week of weekly shifts:
// Σ agents × paid time per occurrence × working days a week.
func weeklyPaid(shifts []sim.Shift) float64 {
	h := 0.0
	for _, s := range shifts {
		days := len(s.Days)
		if days == 0 {
			days = 7
		}
		h += float64(s.Agents*days) * s.Paid().Hours()
	}
	return h
}
