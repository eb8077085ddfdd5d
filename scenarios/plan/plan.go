package plan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/headcount"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/scenarios/roster"
	"github.com/staffsim/staffsim/sim"
)

// Input is the history a plan starts from.
type Input struct {
	// Series is the history as arrivals (and handle times) per interval.
	Series *forecast.Series
	// Holidays are the desk's closed days over the history and the horizon.
	Holidays forecast.Holidays
	// Source names the history in notes and the report ("tickets.csv").
	Source string
	// Read is the history reader's report (rows read and rejected, the
	// columns found), shown in the report's data-quality section; nil for
	// a history not read from a file (the built-in sample).
	Read *history.Report
}

// Options are the plan's settings. Model, Targets, SL, Templates,
// HoursPerFTE and Replications are required; the zero value of the rest is
// documented per field.
type Options struct {
	Horizon time.Duration // how far ahead to plan, ≥ 7 days
	// AHT, when positive, is a flat handle time for every interval;
	// 0 takes each interval's forecast AHT (the history's handle times).
	AHT         time.Duration
	HandleCV    float64 // coefficient of variation of log-normal handle times; 0 means 1
	Model       erlang.Model
	Targets     erlang.Targets  // what requirements are sized for
	SL          quantity.Target // the service level the plan is judged on
	Shrinkage   float64
	Patience    time.Duration // mean patience (Erlang A); 0: nobody abandons
	HoursPerFTE float64
	HourlyCost  float64
	Currency    string
	// Words name the desk's people and work in the report and the lines;
	// nil picks them by WordsFor.
	Words        *report.Words
	Templates    *roster.Shifts      // the shift templates the roster is built from
	Today        *scenarios.Scenario // today's roster (its roster section), or nil
	TodayLabel   string              // names Today in the report
	Replications int
	Seed         uint64
	Confidence   float64 // share of simulated weeks the recommendation must meet the SLA in
	// Log, if set, receives one line per stage and the notes (stderr in
	// the command).
	Log io.Writer
	// Progress, if set, returns a progress callback for a long stage and a
	// function to call when it ends.
	Progress func(stage string) (func(done, total int), func())
}

// InputError is an error in the plan's input or options that the user can
// fix (a usage error in the command): e.g. a history without handle times
// and no flat AHT.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

func inputErrorf(format string, args ...any) error {
	return &InputError{fmt.Errorf(format, args...)}
}

// Result holds every stage's output.
type Result struct {
	Source       string
	Series       *forecast.Series
	Forecast     *forecast.Forecast
	Backtest     *forecast.BacktestReport // nil when the history was too short
	AHT          time.Duration            // the desk's mean handle time
	Requirements []erlang.Requirement
	ReqSummary   erlang.Summary
	Week         *roster.Requirements // the typical week the roster covers
	Problem      *roster.Problem
	Roster       *roster.Roster
	RosterReport *roster.SimReport
	// RosterAgents is the optimised roster's headcount before scaling.
	RosterAgents int
	// Desk is the desk every stage simulates.
	Desk *scenarios.Desk
	// Scenario is the recommended roster over the horizon: what
	// scenario.yaml holds.
	Scenario   *scenarios.Scenario
	Start      time.Time // first simulated day (a local midnight)
	Days       int
	Run        *report.Run // the recommended roster over the horizon
	RunResult  *sim.Result
	SweepAt    time.Time // start of the headcount week
	Curves     []headcount.Curve
	Today      *headcount.Point // today's roster (or the optimised one) over the headcount week
	TodayLabel string
	// Words are the report's nouns (Options.Words, or WordsFor).
	Words report.Words
	// Quality is the report's data-quality section.
	Quality *report.DataQuality
	// RosterTable is the recommended roster as the report's table.
	RosterTable *report.Roster
	Steps       []string // what each stage did, in words, for the report
	Plan        *report.Plan
	Summary     *Summary
}

// Run runs the whole pipeline on the history: forecast → requirements →
// roster on the typical week → headcount sweep → simulation of the
// recommended roster over the horizon. Same input and options, same
// result, on any machine.
func Run(ctx context.Context, in Input, opt Options) (*Result, error) {
	if in.Series == nil || in.Series.Len() == 0 {
		return nil, errors.New("plan: no history")
	}
	if opt.Templates == nil || len(opt.Templates.Templates) == 0 {
		return nil, inputErrorf("plan: no shift templates")
	}
	if opt.Replications < 2 || opt.HoursPerFTE <= 0 || opt.Confidence <= 0 || opt.Confidence > 1 {
		return nil, inputErrorf("plan: replications ≥ 2, hours per FTE > 0 and a confidence in (0, 1] are required")
	}
	// Checked before the forecast, so that a missing --aht is said at once,
	// not after minutes of work.
	if opt.AHT <= 0 && !in.Series.HasAHT() {
		return nil, inputErrorf("%s has no handle times: give the mean handle time with --aht, e.g. --aht 240s", in.Source)
	}
	if opt.Today != nil && opt.TodayLabel == "" {
		opt.TodayLabel = "today's roster"
	}
	pl := &planner{ctx: ctx, opt: opt, res: &Result{Source: in.Source, Series: in.Series, TodayLabel: opt.TodayLabel}, holidays: in.Holidays, in: in}
	if opt.Words != nil {
		pl.res.Words = *opt.Words
	} else {
		pl.res.Words = WordsFor(in, opt)
	}
	if err := pl.run(pl.forecast, pl.requirements, pl.buildRoster, pl.headcount, pl.simulate); err != nil {
		return nil, err
	}
	pl.res.Quality = pl.quality()
	pl.res.RosterTable = pl.rosterTable()
	pl.res.Plan = pl.reportPlan()
	pl.res.Summary = pl.summary()
	return pl.res, nil
}

// Prepare runs Run's first two stages only — the forecast of the horizon
// and its requirements per interval — and returns the result so far:
// Series, Forecast, Backtest, AHT, Requirements, ReqSummary, Desk, Start,
// Days, SweepAt and Steps. Options.Templates, Replications and Confidence
// are not needed. staffsim capacity starts from it, so that its desk is
// plan's.
func Prepare(ctx context.Context, in Input, opt Options) (*Result, error) {
	if in.Series == nil || in.Series.Len() == 0 {
		return nil, errors.New("plan: no history")
	}
	if opt.HoursPerFTE <= 0 {
		return nil, inputErrorf("plan: hours per FTE > 0 is required")
	}
	pl := &planner{ctx: ctx, opt: opt, res: &Result{Source: in.Source, Series: in.Series}, holidays: in.Holidays, in: in}
	if opt.Words != nil {
		pl.res.Words = *opt.Words
	} else {
		pl.res.Words = WordsFor(in, opt)
	}
	if err := pl.run(pl.forecast, pl.requirements); err != nil {
		return nil, err
	}
	pl.res.SweepAt = sweepWeek(pl.res.Start, pl.res.Days)
	return pl.res, nil
}

// Forecast runs Run's first stage only — the forecast of the horizon from
// the usable part of the history — and returns Series, Forecast,
// Backtest, AHT, Desk, Start, Days and Steps. The ticket-desk plan
// (scenarios/ticketplan) starts from it, so that both plans forecast
// alike; opt.AHT stands in when the history has no handle times.
func Forecast(ctx context.Context, in Input, opt Options) (*Result, error) {
	if in.Series == nil || in.Series.Len() == 0 {
		return nil, errors.New("plan: no history")
	}
	pl := &planner{ctx: ctx, opt: opt, res: &Result{Source: in.Source, Series: in.Series}, holidays: in.Holidays, in: in}
	if err := pl.run(pl.forecast); err != nil {
		return nil, err
	}
	pl.res.SweepAt = sweepWeek(pl.res.Start, pl.res.Days)
	return pl.res, nil
}

// run runs stages in order, stopping at the first error or cancellation.
func (pl *planner) run(stages ...func() error) error {
	for _, stage := range stages {
		if err := stage(); err != nil {
			return err
		}
		if err := pl.ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// planner carries the options and the result through the stages.
type planner struct {
	ctx      context.Context
	opt      Options
	res      *Result
	holidays forecast.Holidays
	in       Input
}

// WordsFor picks the report's nouns from the history and the SLA, the one
// rule of the vocabulary: an incident or ticket desk ("analysts",
// "tickets") when
//
//   - the SLA target is an hour or more (90/4h: tickets resolved, not
//     calls answered), or
//   - the history has a priority or channel column (what ticketing tools
//     export; phone systems export interval volumes), or
//   - the history is one row per ticket without handle times;
//
// otherwise a contact centre ("agents", "contacts").
func WordsFor(in Input, opt Options) report.Words {
	if opt.SL.Within >= time.Hour || opt.Targets.Within >= 3600 {
		return report.TicketWords
	}
	if r := in.Read; r != nil {
		if r.Columns[history.FieldPriority] != "" || r.Columns[history.FieldChannel] != "" {
			return report.TicketWords
		}
		if r.Shape == "tickets" && in.Series != nil && !in.Series.HasAHT() {
			return report.TicketWords
		}
	}
	return report.ContactWords
}

// note writes one progress line to the log.
func (pl *planner) note(format string, args ...any) {
	if pl.opt.Log != nil {
		fmt.Fprintf(pl.opt.Log, "plan: "+format+"\n", args...)
	}
}

// warn writes a note the user should act on.
func (pl *planner) warn(format string, args ...any) {
	if pl.opt.Log != nil {
		fmt.Fprintf(pl.opt.Log, "note: "+format+"\n", args...)
	}
}

// progress returns the stage's progress callback and its end.
func (pl *planner) progress(stage string) (func(done, total int), func()) {
	if pl.opt.Progress == nil {
		return nil, func() {}
	}
	return pl.opt.Progress(stage)
}

func total(xs []float64) float64 {
	var t float64
	for _, x := range xs {
		t += x
	}
	return t
}
