package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/staffsim/staffsim/forecast/calllog"
	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/forecast/staffing"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/replay"
	"github.com/staffsim/staffsim/scenarios/report"
)

const replayLong = `Replay a call log: does the simulator reproduce what really happened?

The log has one row per call (queue entry and exit, outcome, service start and
end, and the agent: the shape of the Anonymous Bank export; --column maps other
names). replay builds a scenario from it — every queued call at its own time
with its own handle time, abandoned calls with their own time to abandon,
patience of the answered calls by Kaplan–Meier, wrap-up and pick-up delay from
the gaps between an agent's calls, the agents present per interval as a
staffing curve with hard shift ends (or --staffing FILE) — simulates it, and
compares simulated with measured over the whole log, per day and per hour: the
service level at each target (--targets), the abandon rate, the ASA and the
calls answered.

ERROR is simulated − measured (points for shares). CHANCE is what a correct
model would miss by anyway: the larger of the replications' spread and the
measured figure's own standard error. An error beyond 2 × chance says the
model misses something the desk did.

--out DIR writes the scenario it built (scenario.yaml with calls.csv and
staffing.csv: edit it and run staffsim simulate DIR/scenario.yaml),
comparison.csv, the charts (PNG and SVG) and report.html; DIR is replaced whole
at the end. --format json|csv prints the comparison for machines.`

type replayFlags struct {
	columns      []string
	tz           string
	strict       bool
	date         string
	targets      []string
	interval     quantity.Duration
	gapLimit     quantity.Duration
	staffing     string
	name         string
	replications int
	seed         uint64
	out          string
	format       format
}

func newReplayCmd(s streams) *cobra.Command {
	o := &replayFlags{}
	cmd := &cobra.Command{
		Use:   "replay CALLLOG",
		Short: "Replay a call log (arrivals, handle times, patience, staffing): simulated vs measured per day and hour",
		Long:  replayLong,
		Example: `  staffsim replay calls_one_day.csv --date 1999-08-01
  staffsim replay calls.csv --targets 20s,60s --replications 50 --out replay/
  staffsim replay calls.csv --staffing staffing.csv --format json`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReplay(cmd, s, o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.columns, "column", nil, "map a call-log field to a header name, FIELD=HEADER (repeatable): fields "+strings.Join(calllog.Fields(), ", "))
	f.StringVar(&o.tz, "tz", "UTC", "the desk's time zone (IANA name): times without an offset are read in it, days and hours are its wall clock")
	f.BoolVar(&o.strict, "strict", false, "fail on the first bad row instead of rejecting and counting it")
	f.StringVar(&o.date, "date", "", "the day of a log whose times are clock times only, e.g. 1999-08-01")
	f.StringSliceVar(&o.targets, "targets", []string{"20s", "60s"}, "service-level targets to compare, e.g. 20s,60s")
	o.interval = quantity.Duration(30 * time.Minute)
	f.Var(&o.interval, "interval", "intervals of the scenario and of the agents-present curve (15m, 30m, 60m)")
	o.gapLimit = quantity.Duration(30 * time.Minute)
	f.Var(&o.gapLimit, "gap-limit", "a longer gap between an agent's calls is a break: the agent is absent")
	f.StringVar(&o.staffing, "staffing", "", "the agents per interval the desk really had (interval_start,agents), instead of the agents present read from the log")
	f.StringVar(&o.name, "name", "replay", "the name of the scenario built")
	f.IntVar(&o.replications, "replications", 20, "replications to run")
	f.Uint64Var(&o.seed, "seed", 1, "random seed")
	f.StringVarP(&o.out, "out", "o", "", "write scenario.yaml, calls.csv, staffing.csv, comparison.csv, charts and report.html into this directory")
	addFormatFlag(f, &o.format)
	return cmd
}

// options checks the flags and returns the replay options.
func (o *replayFlags) options() (replay.Options, error) {
	var opt replay.Options
	h := historyFlags{columns: o.columns, tz: o.tz, strict: o.strict}
	c := callFlags{date: o.date, within: o.targets, gapLimit: o.gapLimit, interval: o.interval}
	read, cfg, err := callOptions(&h, &c, func(string) bool { return false })
	if err != nil {
		return opt, err
	}
	if len(cfg.Targets) == 0 {
		return opt, usagef("--targets: give at least one target, e.g. --targets 20s,60s")
	}
	if o.replications < 1 || o.replications > 100000 {
		return opt, usagef("--replications %d: give 1 to 100000 (20 to 100 give a useful spread)", o.replications)
	}
	if strings.TrimSpace(o.name) == "" {
		return opt, usagef("--name: give the scenario a name, e.g. --name august")
	}
	opt.Read, opt.Estimate = read, cfg
	opt.Name, opt.Replications, opt.Seed = o.name, o.replications, o.seed
	if o.seed == 0 {
		opt.Seed = 0 // replay reads 0 as 1; say so rather than surprise
		return opt, usagef("--seed 0: give a seed of 1 or more")
	}
	if o.staffing != "" {
		curves, err := staffing.ReadFile(o.staffing, read.Location)
		if err != nil {
			return opt, fmt.Errorf("--staffing: %w", err)
		}
		for _, cv := range curves {
			if cv.Queue != "" && cv.Queue != replay.QueueName {
				return opt, usagef("--staffing %s: queue %q: a replay has one queue, %q; drop the queue column", o.staffing, cv.Queue, replay.QueueName)
			}
			cv.Queue = ""
		}
		opt.Staffing = curves
	}
	return opt, nil
}

func runReplay(cmd *cobra.Command, s streams, o *replayFlags, path string) error {
	opt, err := o.options()
	if err != nil {
		return err
	}
	if err := outDir("out", o.out, "replay/"); err != nil {
		return err
	}
	ctx := cmd.Context()
	opt.Read.Context = ctx
	var hopt history.Options // historyInput opens the file as history does: pipes, stdin, Ctrl-C
	name, r, done, err := historyInput(ctx, s.in, path, &hopt)
	if err != nil {
		return err
	}
	defer done()
	rp, err := replay.Build(name, r, opt)
	var oe *calllog.OptionError
	if errors.As(err, &oe) {
		return usageError{err}
	}
	if err != nil {
		return err
	}
	if rep := rp.Read; rep.Rejected > 0 {
		fmt.Fprintf(s.err, "note: %s: %d rows rejected (first: %s)\n", name, rep.Rejected, rep.Rejects[0])
	}
	dir, err := createOut(o.out)
	if err != nil {
		return err
	}
	if dir != nil {
		defer dir.Abort()
	}
	var finish func()
	opt.Progress, finish = progressFor(s.err, "replaying")
	err = rp.Run(ctx, opt)
	finish()
	if err != nil {
		return err
	}
	c := rp.Comparison
	if dir != nil {
		if err := writeReplayDir(dir, rp, path); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := dir.Commit(); err != nil {
			return err
		}
		fmt.Fprintf(s.err, "wrote %d files to %s (open %s; re-run with staffsim simulate %s)\n", len(dir.Files()), o.out,
			filepath.Join(o.out, "report.html"), filepath.Join(o.out, replay.ScenarioFile))
	}
	switch o.format {
	case formatJSON:
		return writeJSON(s.out, c)
	case formatCSV:
		return report.WriteReplayCSV(s.out, c)
	}
	return writeReplayTable(s.out, rp)
}

// writeReplayDir writes the scenario built, its trace and staffing, the
// comparison, the charts and the report into the staging directory.
func writeReplayDir(dir *atomicdir.Dir, rp *replay.Replay, path string) error {
	sc := rp.Scenario
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{replay.ScenarioFile, sc.WriteYAML},
		{replay.TraceFile, func(w io.Writer) error { return scenarios.WriteTrace(w, rp.Trace, sc.Location) }},
		{replay.StaffingFile, func(w io.Writer) error { return staffing.Write(w, rp.Curves...) }},
		{"comparison.csv", func(w io.Writer) error { return report.WriteReplayCSV(w, rp.Comparison) }},
		{"comparison.json", func(w io.Writer) error { return writeJSON(w, rp.Comparison) }},
	}
	for _, f := range files {
		if err := dir.WriteFile(f.name, f.write); err != nil {
			return err
		}
	}
	charts, err := report.ReplayCharts(rp.Comparison)
	if err != nil {
		return err
	}
	for _, c := range charts {
		for _, ext := range []string{"png", "svg"} {
			if err := dir.WriteFile(c.Name+"."+ext, func(w io.Writer) error { return c.Render(w, ext) }); err != nil {
				return err
			}
		}
	}
	page := &report.Page{Title: "Replay of " + filepath.Base(path) + ": simulated vs measured", Cheapest: -1, Charts: charts,
		Replay: rp.Comparison, Generated: "staffsim " + version + " · replay " + path}
	return dir.WriteFile("report.html", func(w io.Writer) error { return report.WriteHTML(w, page) })
}

// writeReplayTable prints the comparison for people.
func writeReplayTable(w io.Writer, rp *replay.Replay) error {
	c := rp.Comparison
	sc := rp.Scenario
	fmt.Fprintf(w, "Replay of %s: %d queued calls, %s to %s, %d replications, seed %d\n\n", c.File, c.Total.Queued,
		sc.Start.Format("Mon 02 Jan 2006"), sc.End().Add(-time.Nanosecond).Format("Mon 02 Jan 2006"), c.Replications, c.Seed)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WHOLE LOG\tMEASURED\tSIMULATED\tERROR\tCHANCE\t")
	for _, f := range c.Total.Figures {
		if !f.Defined {
			fmt.Fprintf(tw, "%s\t–\t–\t\t\t\n", report.ReplayLabel(f.Metric))
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", report.ReplayLabel(f.Metric), report.ReplayValue(f.Metric, f.Measured),
			report.ReplayValue(f.Metric, f.Simulated), report.ReplayError(f.Metric, f.Error), chanceText(f), verdict(f))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	table := func(title, layout string, ps []report.ReplayPeriod) error {
		fmt.Fprintf(w, "\n%s (measured / simulated, error; * beyond chance)\n", title)
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprint(tw, "START\tCALLS")
		for _, m := range report.ReplayMetrics(c.Targets) {
			fmt.Fprintf(tw, "\t%s", strings.ToUpper(report.ReplayLabel(m)))
		}
		fmt.Fprintln(tw)
		for _, p := range ps {
			fmt.Fprintf(tw, "%s\t%d", p.Start.In(sc.Location).Format(layout), p.Queued)
			for _, f := range p.Figures {
				if !f.Defined {
					fmt.Fprint(tw, "\t–")
					continue
				}
				star := ""
				if !f.Within() {
					star = "*"
				}
				fmt.Fprintf(tw, "\t%s / %s, %s%s", report.ReplayValue(f.Metric, f.Measured), report.ReplayValue(f.Metric, f.Simulated), report.ReplayError(f.Metric, f.Error), star)
			}
			fmt.Fprintln(tw)
		}
		return tw.Flush()
	}
	if len(c.Days) > 1 {
		if err := table("Per day", "Mon 02 Jan", c.Days); err != nil {
			return err
		}
	}
	if err := table("Per hour", "Mon 02 Jan 15:04", c.Hours); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nHow the scenario was built:")
	for _, b := range c.Built {
		fmt.Fprintf(w, "  - %s\n", b)
	}
	_, err := fmt.Fprintln(w, "\nERROR is simulated − measured; CHANCE is what a correct model would miss by anyway (1 sd); beyond 2 × chance the model misses something.")
	return err
}

func chanceText(f report.ReplayFigure) string {
	switch f.Metric {
	case "asa_seconds":
		return fmt.Sprintf("%.0f s", f.Chance)
	case "answered":
		return fmt.Sprintf("%.0f", f.Chance)
	}
	return fmt.Sprintf("%.1f pt", f.Chance*100)
}

func verdict(f report.ReplayFigure) string {
	if f.Within() {
		return "within chance"
	}
	return "beyond chance"
}
