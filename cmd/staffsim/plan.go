package main

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"gonum.org/v1/gonum/floats"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/plan"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/scenarios/roster"
)

// The built-in defaults: the shift templates the roster is built from
// (the same file as testdata/roster/shifts.yaml, which a test keeps equal),
// and the sample desk's current roster.
var (
	//go:embed sample/shifts.yaml
	defaultShifts []byte
	//go:embed sample/roster.yaml
	sampleRoster []byte
)

// planOptions are the flags of staffsim plan.
type planOptions struct {
	history      historyFlags
	path         string
	staffing     staffingFlags
	interval     quantity.Duration
	horizon      quantity.Duration
	aht          quantity.Duration
	hoursPerFTE  float64
	hourlyCost   float64
	currency     string
	shifts       string
	roster       string
	replications int
	seed         uint64
	confidence   quantity.Fraction
	maxRejects   quantity.Fraction
	out          string
	format       format
}

const planLong = `The whole job in one command: history → forecast → requirements →
roster → simulation → headcount case → report, everything written into
--out (default ./staffsim-plan) and a short summary on stdout.

Without --history, plan runs on the built-in sample desk (26 weeks of
generated history, UK bank holidays, and a sample of today's roster), so
"staffsim plan" shows the whole job with no files at all.

The stages:
  forecast      every method backtested on the last 4 weeks; the best
                (lowest WAPE) forecasts --horizon with an 80% band
  requirements  Erlang C agents per interval for --sl (Erlang A with
                --patience), scheduled agents = agents / (1 − shrinkage)
  roster        a weekly roster from the shift templates (--shifts; built-in
                by default) covering a typical week: for each weekday and
                time slot, the most scheduled agents of any week of the
                horizon; then checked and adjusted in simulation
  headcount     the roster scaled from −20% to +30% (wider when that does
                not bracket the answer), each headcount simulated for one
                week (from the first Monday of the horizon) at forecast
                volume, at the upper band (every interval at the top of the
                forecast's 80% band: a pessimistic week) and at +10%: the
                smallest headcount meeting the SLA in at least --confidence
                of simulated weeks is the recommendation. Each replication
                is one simulated week, so the share is counted in weeks:
                90% of 20 replications is 18 weeks; a level the
                replications cannot tell from 100% (90% with fewer than
                10, or 100% itself) asks for all of them, and plan says so
  simulation    the recommended roster (scenario.yaml) against the forecast
                over the horizon's whole days, --replications times: SL,
                ASA, abandonment per interval
  today         the current roster (--roster, a scenario file whose roster
                section is today's; the sample's own with the built-in desk)
                over the same week

Shrinkage (--shrinkage) is the paid time lost outside the roster's own
breaks (absence, meetings, training): the roster covers scheduled agents,
and the simulation makes each scheduled agent miss a whole shift with that
probability, so paid hours, FTE and cost include it. FTE = paid hours a
week / --hours-per-fte; cost a year = paid hours a week × 52.18 × --hourly-cost.

Files in --out: forecast.csv, requirements.csv, scenario.yaml (the
recommended roster, ready for staffsim simulate), intervals.csv, summary.json,
headcount.csv, charts (PNG) and report.html. They are written to a staging
directory and moved in at the end, so an interrupted or failed run leaves
the directory as it was.

On stdout: the summary as a table (--format table), summary.json
(--format json), or the case table in full precision (--format csv:
case, fte_needed, agents, service_level, service_level_low,
service_level_high, p_meet, paid_hours_per_week, cost_per_year, met; one
row per volume case at its recommended headcount, met false when none of
the sweep meets the SLA, then today's roster).`

func newPlanCmd(s streams) *cobra.Command {
	cmd, _ := planCommand(s)
	return cmd
}

// planCommand returns staffsim plan and the options its flags set (serve
// parses a page's settings through it, as the command would).
func planCommand(s streams) (*cobra.Command, *planOptions) {
	o := &planOptions{
		interval:   quantity.Duration(30 * time.Minute),
		horizon:    quantity.Duration(28 * 24 * time.Hour),
		confidence: 0.9,
		maxRejects: plan.DefaultMaxRejects,
	}
	o.staffing.shrinkage = 0.2
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "The whole pipeline end to end into one report directory (built-in sample without --history)",
		Long:  planLong,
		Example: `  staffsim plan                                     # the built-in sample desk
  staffsim plan --history tickets.csv --tz Europe/London --sl 80/20s --out plan
  staffsim plan --history volumes.csv --aht 240s --shrinkage 25% --hourly-cost 28 --currency '€'
  staffsim plan --history tickets.csv --roster today.yaml --replications 50 --format json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runPlan(cmd, s, o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.path, "history", "", "history file: tickets or interval volumes (default: the built-in sample desk)")
	o.history.register(f)
	o.staffing.register(f)
	f.Var(&o.interval, "interval", "planning interval: whole minutes from 5m to 60m dividing an hour (so a day too), e.g. 15m, 30m or 60m")
	f.Var(&o.horizon, "horizon", "how far ahead to plan, e.g. 28d (at least 7d)")
	f.Var(&o.aht, "aht", "flat average handle time, e.g. 240s (required when the history has no handle times)")
	f.Float64Var(&o.hoursPerFTE, "hours-per-fte", 37.5, "contracted hours per FTE per week")
	f.Float64Var(&o.hourlyCost, "hourly-cost", 25, "cost of one paid agent hour; when not given, the --shifts file's cost if it has one")
	f.StringVar(&o.currency, "currency", "£", "currency symbol for money in the report and summary")
	f.StringVar(&o.shifts, "shifts", "", "shift templates (YAML, see testdata/roster/shifts.yaml; default: built in)")
	f.StringVar(&o.roster, "roster", "", "today's roster: a scenario file whose roster section is the current roster (default: the sample's with the built-in desk, else none)")
	f.IntVar(&o.replications, "replications", 20, "simulation replications (the headcount sweep's too)")
	f.Uint64Var(&o.seed, "seed", 1, "random seed of the simulations")
	f.Var(&o.confidence, "confidence", "share of simulated weeks (one per replication) in which the recommended headcount must meet the SLA, e.g. 90%")
	f.Var(&o.maxRejects, "max-rejects", "largest share of the history's rows that may be rejected (bad values) before plan refuses to run on the rest, e.g. 5%")
	f.StringVarP(&o.out, "out", "o", "staffsim-plan", "directory to write the plan into")
	addFormatFlag(f, &o.format)
	return cmd, o
}

// planner runs staffsim plan: the options the flags resolve to, the
// input, the library's result and the files staged for --out.
type planner struct {
	o   *planOptions
	s   streams
	ctx context.Context
	opt plan.Options
	in  plan.Input
	res *plan.Result
	dir *atomicdir.Dir // the output directory being written
	// open, when set, opens the history instead of --history's path (serve:
	// an upload in its session directory, named as the user named it).
	open func(ctx context.Context) (name string, r io.Reader, done func(), err error)
}

func runPlan(cmd *cobra.Command, s streams, o *planOptions) error {
	pl := &planner{o: o, s: s, ctx: cmd.Context()}
	if pl.ctx == nil {
		pl.ctx = context.Background()
	}
	if err := pl.resolve(cmd); err != nil {
		return err
	}
	var err error
	if pl.dir, err = atomicdir.Create(o.out); err != nil {
		return err
	}
	defer pl.dir.Abort()
	t0 := time.Now()
	if err := pl.loadHistory(); err != nil {
		return err
	}
	res, err := plan.Run(pl.ctx, pl.in, pl.opt)
	if err != nil {
		return err
	}
	pl.res = res
	if err := pl.write(); err != nil {
		return err
	}
	// Timings go to stderr only: the files and stdout are the same bytes
	// for the same inputs on any machine.
	pl.note("wrote %d files to %s (open %s) in %.1f s", len(pl.dir.Files()), o.out, filepath.Join(o.out, "report.html"), time.Since(t0).Seconds())
	return pl.print()
}

// note writes one progress line on stderr.
func (pl *planner) note(format string, args ...any) {
	fmt.Fprintf(pl.s.err, "plan: "+format+"\n", args...)
}

// resolve checks the flags and reads the small files (templates, today's
// roster); every complaint is a usage error, before anything runs.
func (pl *planner) resolve(cmd *cobra.Command) error {
	o, f := pl.o, cmd.Flags()
	if err := checkPlanInterval(time.Duration(o.interval)); err != nil {
		return err
	}
	if time.Duration(o.horizon) < 7*24*time.Hour {
		return usagef("--horizon %s: plan needs at least a week (7d) to simulate a week of headcount", quantity.FormatDuration(time.Duration(o.horizon)))
	}
	if time.Duration(o.horizon) > 366*24*time.Hour {
		return usagef("--horizon %s: plan at most a year ahead (366d)", quantity.FormatDuration(time.Duration(o.horizon)))
	}
	if f.Changed("aht") && o.aht <= 0 {
		return usagef("--aht must be positive, e.g. 240s")
	}
	if err := checkHoursPerFTE(o.hoursPerFTE); err != nil {
		return err
	}
	if !(o.hourlyCost >= 0) || o.hourlyCost > maxHourlyCost {
		// 1e305 ran the whole plan and then failed: scenario.yaml's cost.hourly takes at most 1e15.
		return usagef("--hourly-cost %v must be a number from 0 to 1e9 (the cost of one paid agent hour, e.g. 25)", o.hourlyCost)
	}
	if o.replications < 2 || o.replications > 10000 {
		return usagef("--replications %d: give 2 to 10000 (20 or more give useful confidence intervals)", o.replications)
	}
	if o.maxRejects < 0 || o.maxRejects > 1 {
		return usagef("--max-rejects %v must be a share from 0%% to 100%%, e.g. 5%%", o.maxRejects)
	}
	if o.confidence <= 0 || o.confidence > 1 {
		return usagef("--confidence %v must be above 0%% and at most 100%%, e.g. 90%%", o.confidence)
	}
	if k := report.MinWeeks(float64(o.confidence), o.replications); k >= o.replications {
		msg := fmt.Sprintf("--confidence %s with %d replications: the recommendation must meet the SLA in all %d simulated weeks", o.confidence, o.replications, o.replications)
		if o.confidence < 1 {
			msg += fmt.Sprintf("; give --replications %d or more to allow a week below it", int(math.Ceil(1/(1-float64(o.confidence))-1e-9)))
		} else {
			msg += ", which shows it was met in these weeks, not in every week"
		}
		fmt.Fprintf(pl.s.err, "note: %s\n", msg)
	}
	if strings.TrimSpace(o.out) == "" {
		return usagef("--out must name a directory, e.g. --out staffsim-plan")
	}
	if err := outDir("out", o.out, "staffsim-plan"); err != nil {
		return err
	}
	if err := checkCurrency(o.currency); err != nil {
		return err
	}
	model, targets, err := o.staffing.resolve(f.Changed)
	if err != nil {
		return err
	}
	if targets.ServiceLevel <= 0 {
		return usagef("plan sizes the desk for a service level: give --sl (other targets may be added)")
	}
	if model == erlang.ModelB {
		return usagef("--model erlang-b has no queue to simulate: use erlang-c, or erlang-a with --patience")
	}
	pl.opt = plan.Options{Horizon: time.Duration(o.horizon), AHT: time.Duration(o.aht), Model: model, Targets: targets, SL: o.staffing.sl,
		Shrinkage: float64(o.staffing.shrinkage), Patience: time.Duration(o.staffing.patience), HoursPerFTE: o.hoursPerFTE,
		HourlyCost: o.hourlyCost, Currency: o.currency, Replications: o.replications, Seed: o.seed, Confidence: float64(o.confidence),
		Log: pl.s.err, Progress: func(stage string) (func(done, total int), func()) { return progressFor(pl.s.err, stage) }}
	if o.shifts != "" {
		if pl.opt.Templates, err = roster.ReadShifts(o.shifts); err != nil {
			return usageError{err}
		}
	} else if pl.opt.Templates, err = roster.ParseShifts("built-in shifts.yaml", defaultShifts); err != nil {
		return err
	}
	if !f.Changed("hourly-cost") && o.shifts != "" && pl.opt.Templates.Hourly > 0 {
		pl.opt.HourlyCost = pl.opt.Templates.Hourly
	}
	switch {
	case o.roster != "":
		if pl.opt.Today, err = loadScenario(o.roster); err != nil {
			return usageError{fmt.Errorf("--roster: %w", err)}
		}
	case o.path == "":
		if pl.opt.Today, err = scenarios.Parse("built-in sample roster.yaml", sampleRoster, ""); err != nil {
			return err
		}
	}
	if pl.opt.Today != nil && len(pl.opt.Today.Roster.Shifts) == 0 {
		return usagef("--roster %s has no shifts: give the current roster in its roster section", o.roster)
	}
	if o.path != "" {
		if _, err := o.history.options(); err != nil {
			return err
		}
	}
	return nil
}

// maxHourlyCost is the largest --hourly-cost: far above any currency's
// hourly pay, and small enough that a year's cost stays finite and loads
// back from scenario.yaml (cost.hourly ≤ 1e15).
const maxHourlyCost = 1e9

// checkCurrency checks --currency: a symbol or code printed before money,
// e.g. £, € or USD; not empty, at most 8 characters, no control characters.
func checkCurrency(c string) error {
	if strings.TrimSpace(c) == "" || utf8.RuneCountInString(c) > 8 || !utf8.ValidString(c) || strings.IndexFunc(c, unicode.IsControl) >= 0 {
		return usagef("--currency %q must be a currency symbol or code of at most 8 characters, e.g. £, € or USD", c)
	}
	return nil
}

// checkPlanInterval checks --interval before anything runs: whole minutes
// from 5m to 60m that divide an hour (and so a day), so that every day
// has whole wall-clock slots and shift templates start on a slot. The
// history reader is not asked: 1ns would reach its aggregation.
func checkPlanInterval(iv time.Duration) error {
	if iv < 5*time.Minute || iv > time.Hour || iv%time.Minute != 0 || time.Hour%iv != 0 {
		return usagef("--interval %s must be a whole number of minutes from 5m to 60m that divides an hour: e.g. 15m, 30m or 60m", quantity.FormatDuration(iv))
	}
	return nil
}

// loadHistory reads --history, or generates the built-in sample.
func (pl *planner) loadHistory() error {
	iv := time.Duration(pl.o.interval)
	if pl.o.path == "" {
		in, err := plan.Sample(pl.ctx, iv, time.Duration(pl.o.horizon))
		if err != nil {
			return err
		}
		pl.in = in
		s := in.Series
		pl.note("history: built-in sample desk, %d days from %s, %.0f contacts", s.Len()/s.SlotsPerDay(), s.Start.Format("Mon 2006-01-02"), floats.Sum(s.Arrivals))
		return nil
	}
	ropt, err := pl.o.history.options()
	if err != nil {
		return err
	}
	var name string
	var r io.Reader
	var done func()
	if pl.open != nil {
		ropt.Context = pl.ctx
		name, r, done, err = pl.open(pl.ctx)
	} else {
		name, r, done, err = historyInput(pl.ctx, pl.s.in, pl.o.path, &ropt)
	}
	if err != nil {
		return err
	}
	defer done()
	s, rep, err := forecast.LoadSeries(name, r, ropt, iv)
	if err != nil {
		return historyError(err)
	}
	noteRead(pl.s.err, rep)
	if err := plan.CheckRejects(rep, float64(pl.o.maxRejects)); err != nil {
		return err
	}
	pl.in = plan.Input{Series: s, Source: pl.o.path, Read: rep}
	pl.note("history: %s, %.1f days from %s, %.0f contacts", pl.o.path, float64(s.Len())/float64(s.SlotsPerDay()), s.Start.Format("Mon 2006-01-02"), floats.Sum(s.Arrivals))
	return nil
}
