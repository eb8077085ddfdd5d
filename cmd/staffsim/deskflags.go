package main

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"gonum.org/v1/gonum/floats"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/plan"
	"github.com/staffsim/staffsim/scenarios/roster"
)

// deskFlags are the flags of the commands built on the plan library (plan,
// capacity): the history, the desk's staffing model (SLA, shrinkage,
// patience, AHT), money, the shift templates and the simulation's size.
type deskFlags struct {
	history      historyFlags
	path         string
	staffing     staffingFlags
	interval     quantity.Duration
	aht          quantity.Duration
	hoursPerFTE  float64
	hourlyCost   float64
	currency     string
	shifts       string
	replications int
	seed         uint64
	maxRejects   quantity.Fraction
	out          string
	format       format
}

// newDeskFlags returns the defaults: 30-minute intervals, 20 % shrinkage,
// plan's limit on rejected rows.
func newDeskFlags() deskFlags {
	d := deskFlags{interval: quantity.Duration(30 * time.Minute), maxRejects: plan.DefaultMaxRejects}
	d.staffing.shrinkage = 0.2
	return d
}

// register adds the flags to f for the command cmd ("plan", "capacity"),
// with its default replications and what they and the seed are for.
func (d *deskFlags) register(f *pflag.FlagSet, cmd string, replications int, replicationsHelp, seedHelp string) {
	f.StringVar(&d.path, "history", "", "history file: tickets or interval volumes (default: the built-in sample desk)")
	d.history.register(f)
	d.staffing.register(f)
	f.Var(&d.interval, "interval", "planning interval: whole minutes from 5m to 60m dividing an hour (so a day too), e.g. 15m, 30m or 60m")
	f.Var(&d.aht, "aht", "flat average handle time, e.g. 240s (required when the history has no handle times)")
	f.Float64Var(&d.hoursPerFTE, "hours-per-fte", 37.5, "contracted hours per FTE per week")
	f.Float64Var(&d.hourlyCost, "hourly-cost", 25, "cost of one paid agent hour; when not given, the --shifts file's cost if it has one")
	f.StringVar(&d.currency, "currency", "£", "currency symbol for money in the report and summary")
	f.StringVar(&d.shifts, "shifts", "", "shift templates (YAML, see testdata/roster/shifts.yaml; default: built in)")
	f.IntVar(&d.replications, "replications", replications, replicationsHelp)
	f.Uint64Var(&d.seed, "seed", 1, seedHelp)
	f.Var(&d.maxRejects, "max-rejects", "largest share of the history's rows that may be rejected (bad values) before "+cmd+" refuses to run on the rest, e.g. 5%")
	f.StringVarP(&d.out, "out", "o", "staffsim-"+cmd, "directory to write the "+cmd+" into")
	addFormatFlag(f, &d.format)
}

// resolve checks the flags before anything runs — every complaint a usage
// error — and returns the plan options they set (the command adds its
// own: horizon, confidence, today's roster, log and progress) with the
// shift templates read.
func (d *deskFlags) resolve(changed func(string) bool, cmd string) (plan.Options, error) {
	var opt plan.Options
	if err := checkPlanInterval(time.Duration(d.interval)); err != nil {
		return opt, err
	}
	if changed("aht") && d.aht <= 0 {
		return opt, usagef("--aht must be positive, e.g. 240s")
	}
	if err := checkHoursPerFTE(d.hoursPerFTE); err != nil {
		return opt, err
	}
	if !(d.hourlyCost >= 0) || d.hourlyCost > maxHourlyCost {
		// 1e305 ran the whole plan and then failed: scenario.yaml's cost.hourly takes at most 1e15.
		return opt, usagef("--hourly-cost %v must be a number from 0 to 1e9 (the cost of one paid agent hour, e.g. 25)", d.hourlyCost)
	}
	if d.replications < 2 || d.replications > 10000 {
		return opt, usagef("--replications %d: give 2 to 10000 (20 or more give useful confidence intervals)", d.replications)
	}
	if d.maxRejects < 0 || d.maxRejects > 1 {
		return opt, usagef("--max-rejects %v must be a share from 0%% to 100%%, e.g. 5%%", d.maxRejects)
	}
	if strings.TrimSpace(d.out) == "" {
		return opt, usagef("--out must name a directory, e.g. --out staffsim-%s", cmd)
	}
	if err := outDir("out", d.out, "staffsim-"+cmd); err != nil {
		return opt, err
	}
	if err := checkCurrency(d.currency); err != nil {
		return opt, err
	}
	model, targets, err := d.staffing.resolve(changed)
	if err != nil {
		return opt, err
	}
	if targets.ServiceLevel <= 0 {
		return opt, usagef("%s sizes the desk for a service level: give --sl (other targets may be added)", cmd)
	}
	if model == erlang.ModelB {
		return opt, usagef("--model erlang-b has no queue to simulate: use erlang-c, or erlang-a with --patience")
	}
	opt = plan.Options{AHT: time.Duration(d.aht), Model: model, Targets: targets, SL: d.staffing.sl,
		Shrinkage: float64(d.staffing.shrinkage), Patience: time.Duration(d.staffing.patience), HoursPerFTE: d.hoursPerFTE,
		HourlyCost: d.hourlyCost, Currency: d.currency, Replications: d.replications, Seed: d.seed}
	if d.shifts != "" {
		if opt.Templates, err = roster.ReadShifts(d.shifts); err != nil {
			return opt, usageError{err}
		}
	} else if opt.Templates, err = roster.ParseShifts("built-in shifts.yaml", defaultShifts); err != nil {
		return opt, err
	}
	if !changed("hourly-cost") && d.shifts != "" && opt.Templates.Hourly > 0 {
		opt.HourlyCost = opt.Templates.Hourly
	}
	if d.path != "" {
		if _, err := d.history.options(); err != nil {
			return opt, err
		}
	}
	return opt, nil
}

// historyOpener opens a history not named by a path (serve's upload):
// its name in messages, a reader, and what to call when done.
type historyOpener func(ctx context.Context) (name string, r io.Reader, done func(), err error)

// loadHistory reads --history (through open when set), refusing one with
// too many rejected rows, or generates the built-in sample with holidays
// over horizon; note says what was read. also, when not nil, measures
// the history's tickets in the same pass, with extra columns read.
func (d *deskFlags) loadHistory(ctx context.Context, s streams, open historyOpener, horizon time.Duration, note func(string, ...any), also history.Sink, extra []string) (plan.Input, error) {
	iv := time.Duration(d.interval)
	if d.path == "" {
		in, err := plan.Sample(ctx, iv, horizon)
		if err != nil {
			return in, err
		}
		sr := in.Series
		note("history: built-in sample desk, %d days from %s, %.0f contacts", sr.Len()/sr.SlotsPerDay(), sr.Start.Format("Mon 2006-01-02"), floats.Sum(sr.Arrivals))
		return in, nil
	}
	ropt, err := d.history.options()
	if err != nil {
		return plan.Input{}, err
	}
	ropt.Extra = extra
	var name string
	var r io.Reader
	var done func()
	if open != nil {
		ropt.Context = ctx
		name, r, done, err = open(ctx)
	} else {
		name, r, done, err = historyInput(ctx, s.in, d.path, &ropt)
	}
	if err != nil {
		return plan.Input{}, err
	}
	defer done()
	sr, rep, err := forecast.LoadSeriesTo(name, r, ropt, iv, also)
	if err != nil {
		return plan.Input{}, historyError(err)
	}
	noteRead(s.err, rep)
	if err := plan.CheckRejects(rep, float64(d.maxRejects)); err != nil {
		return plan.Input{}, err
	}
	note("history: %s, %.1f days from %s, %.0f contacts", d.path, float64(sr.Len())/float64(sr.SlotsPerDay()), sr.Start.Format("Mon 2006-01-02"), floats.Sum(sr.Arrivals))
	return plan.Input{Series: sr, Source: d.path, Read: rep}, nil
}
