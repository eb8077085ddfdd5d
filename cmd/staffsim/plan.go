package main

import (
	"context"
	_ "embed"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/plan"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/scenarios/tickets"
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
	deskFlags
	horizon    quantity.Duration
	roster     string
	confidence quantity.Fraction
	tickets    ticketPlanFlags
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
	o := &planOptions{deskFlags: newDeskFlags(), horizon: quantity.Duration(28 * 24 * time.Hour), confidence: 0.9}
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
	o.register(f, "plan", 20, "simulation replications (the headcount sweep's too)", "random seed of the simulations")
	f.Var(&o.horizon, "horizon", "how far ahead to plan, e.g. 28d (at least 7d)")
	f.StringVar(&o.roster, "roster", "", "today's roster: a scenario file whose roster section is the current roster (default: the sample's with the built-in desk, else none)")
	f.Var(&o.confidence, "confidence", "share of simulated weeks (one per replication) in which the recommended headcount must meet the SLA, e.g. 90%")
	o.tickets.register(f)
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
	open historyOpener
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
	var an *tickets.Analyzer
	if o.path != "" && o.tickets.desk != deskPhone {
		loc, err := loadZone(o.history.tz)
		if err != nil {
			return err
		}
		_, aopt, err := o.tickets.resolve(loc)
		if err != nil {
			return err
		}
		an = tickets.New(aopt)
	}
	if err := pl.loadHistory(an); err != nil {
		return err
	}
	if an != nil && ticketDesk(o.tickets.desk, pl.in.Read, cmd.Flags().Changed, pl.note) {
		return pl.runTicketPlan(an, t0)
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
	if time.Duration(o.horizon) < 7*24*time.Hour {
		return usagef("--horizon %s: plan needs at least a week (7d) to simulate a week of headcount", quantity.FormatDuration(time.Duration(o.horizon)))
	}
	if time.Duration(o.horizon) > 366*24*time.Hour {
		return usagef("--horizon %s: plan at most a year ahead (366d)", quantity.FormatDuration(time.Duration(o.horizon)))
	}
	if o.confidence <= 0 || o.confidence > 1 {
		return usagef("--confidence %v must be above 0%% and at most 100%%, e.g. 90%%", o.confidence)
	}
	opt, err := o.resolve(f.Changed, "plan")
	if err != nil {
		return err
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
	opt.Horizon, opt.Confidence, opt.Log = time.Duration(o.horizon), float64(o.confidence), pl.s.err
	opt.Progress = func(stage string) (func(done, total int), func()) { return progressFor(pl.s.err, stage) }
	pl.opt = opt
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
	if o.tickets.desk == deskTickets && o.path == "" {
		return usagef("--desk tickets plans a ticket history: give --history (the built-in sample is a phone desk)")
	}
	if o.tickets.desk == deskTickets && o.roster != "" {
		return usagef("--roster compares today's phone roster: a ticket-desk plan does not take it yet; leave it out")
	}
	if pl.opt.Today != nil && len(pl.opt.Today.Roster.Shifts) == 0 {
		return usagef("--roster %s has no shifts: give the current roster in its roster section", o.roster)
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
// an, when not nil, measures the tickets per priority in the same pass.
func (pl *planner) loadHistory(an *tickets.Analyzer) (err error) {
	var also history.Sink
	var extra []string
	if an != nil {
		also, extra = an, tickets.Columns
	}
	pl.in, err = pl.o.deskFlags.loadHistory(pl.ctx, pl.s, pl.open, time.Duration(pl.o.horizon), pl.note, also, extra)
	return err
}
