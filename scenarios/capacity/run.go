package capacity

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/staffsim/staffsim/scenarios/plan"
	"github.com/staffsim/staffsim/scenarios/report"
)

// Limits of a capacity plan.
const (
	MaxMonths = 36
	MaxRuns   = 100_000
)

// BaseHorizon is the near-term forecast every month is scaled from: four
// weeks, plan's default horizon.
const BaseHorizon = 28 * 24 * time.Hour

// Options are the capacity plan's settings. Plan holds the desk as
// staffsim plan takes it (model, targets, SL, AHT, handle CV, patience,
// shrinkage, hours per FTE, hourly cost, currency, shift templates,
// replications of the roster's simulation check, seed); its Horizon is
// ignored (BaseHorizon). The zero value of the rest is documented per
// field.
type Options struct {
	Plan plan.Options
	// Months is the horizon, 1 to MaxMonths.
	Months int
	// Growth, when not nil, is the yearly volume growth replacing the
	// trend fitted on the history (0.1: +10 % a year); AHTGrowth the same
	// for AHT.
	Growth    *float64
	AHTGrowth *float64
	// Events multiply the volume of their days.
	Events []Event
	// Shrinkage overrides Plan.Shrinkage in the calendar months it names
	// (summer holidays, training weeks).
	Shrinkage map[time.Month]float64
	Supply    Supply
	// Target is the probability of enough staff each month must reach;
	// 0 means 0.9.
	Target float64
	// LevelStep is the spacing of the volume levels rostered (a month
	// between two is interpolated); 0 means 0.05 (5 %).
	LevelStep float64
	// Runs is the number of simulated attrition paths; 0 means 1000.
	Runs int
	// Given, when not nil, is today's hiring plan to evaluate (what-if);
	// GivenName names it ("" means "today's hiring plan").
	Given     []Class
	GivenName string
	// VolumeCase, when positive, also plans at (1 + VolumeCase) × volume
	// (0.1: the +10 % what-if).
	VolumeCase float64
	// Log receives one line per stage and the notes; Progress, if set,
	// returns a progress callback for a long stage and its end.
	Log      io.Writer
	Progress func(stage string) (func(done, total int), func())
}

func (o Options) withDefaults() Options {
	if o.Target == 0 {
		o.Target = 0.9
	}
	if o.Runs == 0 {
		o.Runs = 1000
	}
	if o.LevelStep == 0 {
		o.LevelStep = 0.05
	}
	if o.GivenName == "" {
		o.GivenName = "today's hiring plan"
	}
	if o.Supply.OvertimePremium == 0 {
		o.Supply.OvertimePremium = 1.5
	}
	return o
}

// Validate checks the options that do not need the history (their zero
// values taking their defaults).
func (o Options) Validate() error {
	o = o.withDefaults()
	s := o.Supply
	switch {
	case o.Months < 1 || o.Months > MaxMonths:
		return fmt.Errorf("months %d: give 1 to %d", o.Months, MaxMonths)
	case !(o.Target > 0 && o.Target <= 1):
		return fmt.Errorf("target %v must be a probability above 0 and at most 1", o.Target)
	case o.Runs < 10 || o.Runs > MaxRuns:
		return fmt.Errorf("runs %d: give 10 to %d", o.Runs, MaxRuns)
	case s.Headcount < 0 || s.Headcount > 1_000_000:
		return fmt.Errorf("headcount %d must be from 0 to 1,000,000", s.Headcount)
	case !(s.Attrition >= 0 && s.Attrition < 1):
		return fmt.Errorf("attrition %v must be a monthly share from 0 to below 100%%", s.Attrition)
	case s.LeadTime < 0 || s.Training < 0 || s.LeadTime > 2*366*24*time.Hour || s.Training > 366*24*time.Hour:
		return fmt.Errorf("lead time and training must be from 0 to two years and one year")
	case s.MinClass < 0 || s.MaxClass < 0 || (s.MaxClass > 0 && s.MinClass > s.MaxClass):
		return fmt.Errorf("class sizes %d to %d: the smallest must not exceed the largest", s.MinClass, s.MaxClass)
	case !(s.PartTimeShare >= 0 && s.PartTimeShare <= 1) || !(s.PartTimeHours >= 0):
		return fmt.Errorf("part-time share %v must be from 0 to 100%% and its hours not negative", s.PartTimeShare)
	case !(s.Overtime >= 0 && s.Overtime <= 1) || !(s.OvertimePremium >= 0) || !(s.CostPerHire >= 0):
		return fmt.Errorf("overtime %v must be from 0 to 100%% of contracted hours, its premium and the cost per hire not negative", s.Overtime)
	case !(o.LevelStep >= 0.005 && o.LevelStep <= 0.5):
		return fmt.Errorf("level step %v must be from 0.5%% to 50%%", o.LevelStep)
	case !(o.VolumeCase >= 0) || o.VolumeCase > 10:
		return fmt.Errorf("volume case %v must be from 0 to 10 (+1,000%%)", o.VolumeCase)
	}
	for i, r := range s.Ramp {
		if !(r >= 0 && r <= 1) {
			return fmt.Errorf("ramp month %d: productivity %v must be from 0 to 100%%", i+1, r)
		}
	}
	for _, e := range o.Events {
		if !(e.Factor >= 0) || math.IsInf(e.Factor, 0) || e.To.Before(e.From) {
			return fmt.Errorf("event %q: factor %v must be ≥ 0 and its end not before its start", e.Name, e.Factor)
		}
	}
	for m, v := range o.Shrinkage {
		if !(v >= 0 && v < 1) {
			return fmt.Errorf("shrinkage in %s: %v must be from 0 to below 100%%", m, v)
		}
	}
	if o.Plan.Templates == nil || len(o.Plan.Templates.Templates) == 0 {
		return errors.New("no shift templates")
	}
	if !(o.Plan.HoursPerFTE > 0) || o.Plan.Replications < 2 {
		return errors.New("hours per FTE > 0 and replications ≥ 2 are required")
	}
	return nil
}

// Result is the capacity plan.
type Result struct {
	Source string
	Base   *plan.Result // the near-term forecast and the desk (plan.Prepare)
	Today  time.Time    // the first day planned (after the history)
	Trend  Trend
	Months []Period
	Needs  []Need
	// Plan is the optimiser's hiring plan; NoHire the months without any
	// hiring; Given today's hiring plan (nil when none); Volume the
	// optimiser's plan at the volume case (nil when none) and VolumeNeeds
	// its requirements.
	Plan        *Hiring
	NoHire      *Hiring
	Given       *Hiring
	Volume      *Hiring
	VolumeNeeds []Need
	Target      float64
	Runs        int
	Options     Options
	// Notes are what the user should know (history too short for a
	// season …); Steps say what each stage did; Lines are the sentences
	// for leadership.
	Notes []string
	Steps []string
	Lines []string
}

// Run makes the capacity plan: the near-term forecast and desk of plan,
// the long-range trend, each month's requirement through plan's staffing
// model, the supply simulation, the optimiser's hiring plan and the
// what-ifs. Same input and options, same result.
func Run(ctx context.Context, in plan.Input, opt Options) (*Result, error) {
	opt = opt.withDefaults()
	if err := opt.Validate(); err != nil {
		return nil, &plan.InputError{Err: fmt.Errorf("capacity: %w", err)}
	}
	popt := opt.Plan
	popt.Horizon = BaseHorizon
	popt.Log = opt.Log
	base, err := plan.Prepare(ctx, in, popt)
	if err != nil {
		return nil, err
	}
	// Dates of events and classes are calendar days of the desk's zone.
	loc := base.Start.Location()
	opt.Events = append([]Event(nil), opt.Events...)
	for i := range opt.Events {
		opt.Events[i].From, opt.Events[i].To = localDay(opt.Events[i].From, loc), localDay(opt.Events[i].To, loc)
	}
	if opt.Given != nil {
		opt.Given = append([]Class{}, opt.Given...)
		for i := range opt.Given {
			opt.Given[i].Start = localDay(opt.Given[i].Start, loc)
		}
	}
	res := &Result{Source: in.Source, Base: base, Today: base.Start, Target: opt.Target, Runs: opt.Runs, Options: opt}
	res.Steps = append(res.Steps, base.Steps...)
	trend, notes, err := FitTrend(base.Series, in.Holidays, opt.Growth, opt.AHTGrowth)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in.Source, err)
	}
	res.Trend = trend
	for _, n := range notes {
		res.note("note: %s", n)
	}
	res.Notes = append(res.Notes, notes...)
	res.Months = Months(base.Start, opt.Months)
	st := newStaffing(base, &opt, trend, in.Holidays)
	if res.Needs, err = res.needs(ctx, st, in, 1); err != nil {
		return nil, err
	}
	res.Steps = append(res.Steps, res.demandStep(), fmt.Sprintf("Requirement: each month's volume and AHT applied to the four forecast weeks, sized with %s per %s for %s at the month's shrinkage, laid on a typical week, rostered from the shift templates and checked in simulation (as staffsim plan does); the roster's paid hours a week ÷ %g h are the month's FTE.",
		opt.Plan.Model, report.IntervalWords(base.Forecast.Interval), opt.Plan.Targets, opt.Plan.HoursPerFTE))
	pay := st.pay()
	md := newModel(res.Months, opt.Supply, pay, opt.Runs, opt.Plan.Seed)
	res.NoHire = md.outcome("no hiring", res.Needs, opt.Target)
	unmet, err := md.optimise(ctx, res.Needs, opt.Target)
	if err != nil {
		return nil, err
	}
	res.Plan = md.outcome("recommended", res.Needs, opt.Target)
	res.Plan.Unmet = unmet
	res.note("capacity: hiring plan: %d classes, %d hires, cost %.0f over %d months; %d months cannot be met", len(res.Plan.Classes), res.Plan.Hires, res.Plan.Cost, opt.Months, len(unmet))
	if opt.Given != nil {
		g := newModel(res.Months, opt.Supply, pay, opt.Runs, opt.Plan.Seed)
		if err := g.setClasses(opt.Given); err != nil {
			return nil, &plan.InputError{Err: fmt.Errorf("%s: %w", opt.GivenName, err)}
		}
		res.Given = g.outcome(opt.GivenName, res.Needs, opt.Target)
	}
	if opt.VolumeCase > 0 {
		if res.VolumeNeeds, err = res.needs(ctx, st, in, 1+opt.VolumeCase); err != nil {
			return nil, err
		}
		v := newModel(res.Months, opt.Supply, pay, opt.Runs, opt.Plan.Seed)
		vu, err := v.optimise(ctx, res.VolumeNeeds, opt.Target)
		if err != nil {
			return nil, err
		}
		res.Volume = v.outcome(fmt.Sprintf("+%.0f%% volume", 100*opt.VolumeCase), res.VolumeNeeds, opt.Target)
		res.Volume.Unmet = vu
	}
	res.Steps = append(res.Steps, res.supplyStep())
	res.Lines = res.lines()
	return res, nil
}

// needs sizes every month at scale × the modelled volume.
func (res *Result) needs(ctx context.Context, st *staffing, in plan.Input, scale float64) ([]Need, error) {
	var bar func(done, total int)
	done := func() {}
	stage := "requirements"
	if scale != 1 {
		stage = fmt.Sprintf("requirements at %+.0f%% volume", 100*(scale-1))
	}
	if res.Options.Progress != nil {
		bar, done = res.Options.Progress(stage)
	}
	defer done()
	levels, ahts, shrs := make([]float64, len(res.Months)), make([]float64, len(res.Months)), make([]float64, len(res.Months))
	events, contacts := make([][]string, len(res.Months)), make([]float64, len(res.Months))
	volume, ahtFactor := make([]float64, len(res.Months)), make([]float64, len(res.Months))
	for m, p := range res.Months {
		level, aht, ev, c := st.demand(p, in.Holidays)
		// AHT's trend scales the workload (arrivals × AHT, the traffic)
		// at the base AHT: a few percent a year changes T/AHT too little
		// to matter, and one grid of levels serves every month.
		levels[m], ahts[m], events[m], contacts[m] = level*aht*scale, 1, ev, c*scale
		volume[m], ahtFactor[m] = level*scale, aht
		shrs[m] = res.Options.Plan.Shrinkage
		if v, ok := res.Options.Shrinkage[p.Start.Month()]; ok {
			shrs[m] = v
		}
	}
	out, err := st.months(ctx, levels, ahts, shrs, bar)
	if err != nil {
		return nil, err
	}
	for m := range out {
		out[m].Events, out[m].Contacts, out[m].Level, out[m].AHTFactor = events[m], contacts[m], volume[m], ahtFactor[m]
		out[m].AHT = max(time.Second, time.Duration(float64(res.Base.AHT)*ahtFactor[m]).Round(time.Second))
	}
	return out, nil
}

// note writes a line to the log.
func (res *Result) note(format string, args ...any) {
	if res.Options.Log != nil {
		fmt.Fprintf(res.Options.Log, format+"\n", args...)
	}
}
