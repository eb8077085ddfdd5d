package main

import (
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/gocarina/gocsv"
	"github.com/spf13/cobra"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/csvfield"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/scenarios/roster"
)

type rosterOptions struct {
	requirements, shifts, out, tz string
	chart                         string
	currency                      string
	sl                            quantity.Target
	simulate                      bool
	replications, rounds          int
	lpTime                        time.Duration // deprecated, ignored
	seed                          uint64
	format                        format
}

func newRosterCmd(s streams) *cobra.Command {
	o := &rosterOptions{sl: quantity.Target{Goal: 0.8, Within: 20 * time.Second}}
	cmd := &cobra.Command{
		Use:   "roster",
		Short: "Build a roster (shifts × headcount) that covers the requirements at minimum paid hours",
		Long: `Build a roster from shift templates that covers the scheduled agents of a
requirements.csv at the fewest paid hours: an LP lower bound (gonum simplex),
an integer roster by rounding, annealing and local search, then the
simulator in the loop until every interval meets the SLA.

The roster covers scheduled_agents (agents inflated by shrinkage); the
simulation applies the same shrinkage as whole-shift absence. Intervals
the templates or limits cannot cover are listed, never an error.`,
		Example: `  staffsim roster --requirements requirements.csv --shifts testdata/roster/shifts.yaml
  staffsim roster --requirements requirements.csv --shifts shifts.yaml --sl 90/30s --out roster.yaml
  staffsim roster --requirements requirements.csv --shifts shifts.yaml --chart coverage.png
  staffsim roster --requirements requirements.csv --shifts shifts.yaml --format csv > coverage.csv`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runRoster(cmd, s, o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.requirements, "requirements", "", "requirements.csv (from staffsim requirements); required")
	f.StringVar(&o.shifts, "shifts", "", "shift templates (YAML, see testdata/roster/shifts.yaml); required")
	f.Var(&o.sl, "sl", "SLA the simulation must meet in every interval, PCT/DURATION")
	f.StringVar(&o.out, "out", "", "write the roster as a scenario file (YAML) here")
	f.StringVar(&o.chart, "chart", "", "draw required vs staffed agents per interval (over- and understaffing) to this .png or .svg")
	f.StringVar(&o.tz, "tz", "", "desk time zone (IANA) for shift times; default: the offset of the first row (required when the file's offsets change, e.g. at a DST change)")
	f.StringVar(&o.currency, "currency", "£", "currency symbol or code written before the cost (the shifts file's cost.hourly is in it)")
	f.BoolVar(&o.simulate, "simulate", true, "check and adjust the roster in simulation")
	f.IntVar(&o.replications, "replications", 10, "simulation replications per round")
	f.IntVar(&o.rounds, "rounds", 10, "most simulation rounds (adding agents, then removing slack)")
	f.Uint64Var(&o.seed, "seed", 1, "random seed of the simulation")
	// --lp-time was the wall-clock budget of the week's LP bound, which made
	// the roster depend on the machine's load; the LP is now fast and has
	// no budget. Kept so that old scripts still run.
	f.DurationVar(&o.lpTime, "lp-time", 0, "deprecated, ignored: the LP bound has no time budget any more")
	addFormatFlag(f, &o.format)
	return cmd
}

func runRoster(cmd *cobra.Command, s streams, o *rosterOptions) error {
	ctx := cmd.Context()
	if o.requirements == "" || o.shifts == "" {
		return usagef("--requirements and --shifts are both required")
	}
	if o.replications < 1 {
		return usagef("--replications %d: want at least 1", o.replications)
	}
	if o.rounds < 1 {
		return usagef("--rounds %d: want at least 1", o.rounds)
	}
	// A 100 % goal is never met in simulation: every round would add
	// agents in vain and the run end with "SLA met false". Say so now.
	if err := (erlang.Targets{ServiceLevel: o.sl.Goal, Within: o.sl.Within.Seconds()}).Validate(erlang.ModelC); err != nil {
		return usagef("--sl %s: %v", o.sl, err)
	}
	if err := checkCurrency(o.currency); err != nil {
		return err
	}
	if o.chart != "" {
		if _, err := report.FormatOf(o.chart); err != nil {
			return usagef("--chart: %v", err)
		}
	}
	var loc *time.Location
	if o.tz != "" {
		var err error
		if loc, err = loadZone(o.tz); err != nil {
			return usagef("--tz %v", err)
		}
	}
	req, err := roster.ReadRequirements(o.requirements, loc)
	if err != nil {
		return err
	}
	if req.OffsetChange != "" {
		// Read in the first row's fixed offset, shifts on the other side
		// of a DST change would start an hour off: refuse, not guess.
		return usagef("%s: %s (a daylight-saving change?): give the desk's time zone with --tz, e.g. --tz Europe/London, so shifts keep their wall-clock times", o.requirements, req.OffsetChange)
	}
	sh, err := roster.ReadShifts(o.shifts)
	if err != nil {
		return err
	}
	p := &roster.Problem{Start: req.Start, Interval: req.Interval, Required: req.Scheduled, Templates: sh.Templates, Limits: sh.Limits}
	if cmd.Flags().Changed("lp-time") {
		fmt.Fprintln(s.err, "roster: --lp-time is deprecated and ignored: the LP bound has no time budget any more")
	}
	var opt roster.Options
	t0 := time.Now()
	stop := stageSpinner(s.err, "roster: LP bound and integer roster")
	r, err := roster.Solve(ctx, p, opt)
	stop()
	if err != nil {
		return err
	}
	// Timings go to stderr: stdout is the same bytes for the same inputs.
	defer func() { fmt.Fprintf(s.err, "roster: %.1f s\n", time.Since(t0).Seconds()) }()
	before := *r
	desk, start, days := rosterDesk(o, req, sh)
	sc := desk.Scenario("roster", start, days, scenarios.ShiftsOf(r.SimShifts(p)))
	var rep *roster.SimReport
	if o.simulate && desk.AHT > 0 {
		cfg, err := sc.SimConfig()
		if err != nil {
			return err
		}
		chk := roster.Check{Desk: cfg, Targets: erlang.Targets{ServiceLevel: o.sl.Goal, Within: o.sl.Within.Seconds()}, Rounds: o.rounds}
		stop := stageSpinner(s.err, fmt.Sprintf("roster: checking in simulation (at most %d rounds of %d replications)", o.rounds, o.replications))
		r, rep, err = roster.Refine(ctx, p, r, chk, opt)
		stop()
		if err != nil {
			return err
		}
		sc.Roster.Shifts = scenarios.ShiftsOf(r.SimShifts(p))
	}
	if len(r.Short) > 0 {
		why := "the templates or limits cannot cover them"
		if rep != nil && rep.Met {
			why = "out of the templates' reach, or below the Erlang figure where the simulation meets the SLA anyway"
		}
		fmt.Fprintf(s.err, "roster: %d intervals staffed below the requirement, by %.1f agent-hours in all (%s)\n",
			len(r.Short), r.ShortHours(p.Interval), why)
	}
	if o.out != "" {
		if err := atomicdir.WriteFile(o.out, func(w io.Writer) error {
			return sc.WriteYAML(w)
		}); err != nil {
			return err
		}
		fmt.Fprintf(s.err, "roster: wrote %s\n", o.out)
	}
	if o.chart != "" {
		c, err := report.CoverageChart("Roster coverage", report.CoverageData{Start: p.Start, Interval: p.Interval, Required: p.Required, Staffed: r.Staffed})
		if err != nil {
			return err
		}
		pl, err := c.Plot()
		if err != nil {
			return err
		}
		fmtName, _ := report.FormatOf(o.chart)
		if err := atomicdir.WriteFile(o.chart, func(w io.Writer) error { return report.Save(pl, w, fmtName, 0, 0) }); err != nil {
			return err
		}
		fmt.Fprintf(s.err, "roster: wrote %s\n", o.chart)
	}
	switch o.format {
	case formatJSON:
		return writeJSON(s.out, rosterJSON(p, req, sh, &before, r, rep))
	case formatCSV:
		return writeRosterCSV(s.out, p, r, rep)
	}
	return writeRosterTable(s.out, p, sh, o.currency, &before, r, rep)
}

// rosterDesk is the desk the roster serves, as plan models it
// (scenarios.Desk): the requirement's arrivals per interval with their
// arrival-weighted mean AHT (0 when none), the SLA, shrinkage and cost; the
// scenario it writes names the requirements file as its forecast (relative
// to --out) and runs from the requirement's start for its whole days.
func rosterDesk(o *rosterOptions, req *roster.Requirements, sh *roster.Shifts) (*scenarios.Desk, time.Time, int) {
	fc := o.requirements
	if abs, err := filepath.Abs(o.requirements); err == nil {
		if outAbs, err := filepath.Abs(o.out); err == nil {
			if rel, err := filepath.Rel(filepath.Dir(outAbs), abs); err == nil {
				fc = rel
			}
		}
	}
	aht := time.Duration(erlang.MeanAHT(req.Arrivals, req.AHT) * float64(time.Second)).Round(time.Second)
	desk := &scenarios.Desk{
		Forecast:     &forecast.Series{Start: req.Start, Interval: req.Interval, Arrivals: req.Arrivals},
		ForecastFile: fc,
		AHT:          aht,
		AHTSeconds:   req.AHT, // per interval, as the requirements were sized
		SLA:          scenarios.SLA{Target: o.sl.Within, Goal: o.sl.Goal},
		Shrinkage:    req.Shrinkage(),
		Hourly:       sh.Hourly,
		Currency:     o.currency,
		Seed:         o.seed,
		Replications: o.replications,
	}
	span := req.Interval * time.Duration(len(req.Arrivals))
	days := max(1, int((span+24*time.Hour-time.Nanosecond)/(24*time.Hour)))
	return desk, req.Start, days
}

type rosterShiftJSON struct {
	Name          string   `json:"name"`
	Start         string   `json:"start"`
	Length        string   `json:"length"`
	Days          []string `json:"days"`
	PartTime      bool     `json:"part_time"`
	Agents        int      `json:"agents"`
	PaidHoursEach float64  `json:"paid_hours_each"`
}

// rosterInterval is one interval of the roster: an element of the JSON
// "intervals" array and a row of roster --format csv (the tags are the keys
// and the columns, in order). Required and staffed are agents; over and
// under the difference, each ≥ 0; service_level, the simulated one, is
// null (an empty cell) without simulation.
type rosterInterval struct {
	IntervalStart csvfield.Time   `json:"interval_start" csv:"interval_start"`
	Required      csvfield.Float  `json:"required" csv:"required"`
	Staffed       csvfield.Float  `json:"staffed" csv:"staffed"`
	Over          csvfield.Float  `json:"over" csv:"over"`
	Under         csvfield.Float  `json:"under" csv:"under"`
	ServiceLevel  *csvfield.Float `json:"service_level" csv:"service_level,omitempty"`
}

func rosterJSON(p *roster.Problem, req *roster.Requirements, sh *roster.Shifts, before, r *roster.Roster, rep *roster.SimReport) any {
	out := map[string]any{
		"agents":                    r.Agents,
		"paid_hours":                r.PaidHours,
		"paid_hours_before_sim":     before.PaidHours,
		"lower_bound_hours":         r.LowerBound,
		"lower_bound_method":        r.Bound.String(),
		"gap_before_sim":            before.Gap(),
		"gap":                       r.Gap(),
		"required_hours":            r.RequiredHours,
		"inefficiency":              r.Inefficiency(),
		"cost":                      r.PaidHours * sh.Hourly,
		"short_hours":               r.ShortHours(p.Interval),
		"shrinkage":                 req.Shrinkage(),
		"simulated":                 rep != nil,
		"service_level_met_all_day": rep != nil && rep.Met,
	}
	var shifts []rosterShiftJSON
	for _, s := range r.Shifts {
		shifts = append(shifts, rosterShiftJSON{Name: s.Name, Start: roster.Clock(s.Start), Length: roster.FormatLength(s.Length),
			Days: s.Week.Names(), PartTime: s.PartTime, Agents: s.Agents, PaidHoursEach: s.PaidHours})
	}
	out["shifts"] = shifts
	out["intervals"] = rosterIntervals(p, r, rep)
	if rep != nil {
		out["rounds"] = rep.Rounds
	}
	return out
}

func rosterIntervals(p *roster.Problem, r *roster.Roster, rep *roster.SimReport) []rosterInterval {
	var iv []rosterInterval
	for i, need := range p.Required {
		x := rosterInterval{IntervalStart: csvfield.At(p.Time(i)), Required: csvfield.Float(need), Staffed: csvfield.Float(r.Staffed[i])}
		// Under stays +0 when staffed meets the need exactly (−0 would
		// print as "-0").
		if d := r.Staffed[i] - need; d > 0 {
			x.Over = csvfield.Float(d)
		} else if d < 0 {
			x.Under = csvfield.Float(-d)
		}
		if rep != nil {
			x.ServiceLevel = csvfield.Opt(rep.ServiceLevel[i], true)
		}
		iv = append(iv, x)
	}
	return iv
}

// writeRosterCSV writes one rosterInterval row per interval.
func writeRosterCSV(w io.Writer, p *roster.Problem, r *roster.Roster, rep *roster.SimReport) error {
	return gocsv.Marshal(rosterIntervals(p, r, rep), w)
}

func writeRosterTable(w io.Writer, p *roster.Problem, sh *roster.Shifts, currency string, before, r *roster.Roster, rep *roster.SimReport) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "agents\t%d\n", r.Agents)
	fmt.Fprintf(tw, "paid hours\t%.1f\n", r.PaidHours)
	if sh.Hourly > 0 {
		fmt.Fprintf(tw, "cost\t%s%.2f\n", currency, r.PaidHours*sh.Hourly)
	}
	fmt.Fprintf(tw, "lower bound (%s)\t%.1f\n", r.Bound, r.LowerBound)
	fmt.Fprintf(tw, "gap before simulation\t%.1f%%\n", 100*before.Gap())
	fmt.Fprintf(tw, "gap\t%.1f%%\n", 100*r.Gap())
	fmt.Fprintf(tw, "required hours\t%.1f\n", r.RequiredHours)
	fmt.Fprintf(tw, "inefficiency (paid ÷ required)\t%.3f\n", r.Inefficiency())
	fmt.Fprintf(tw, "intervals short\t%d (%.1f agent-hours)\n", len(r.Short), r.ShortHours(p.Interval))
	if rep != nil {
		rounds := "rounds"
		if len(rep.Rounds) == 1 {
			rounds = "round"
		}
		fmt.Fprintf(tw, "SLA met in simulation\t%v (%d %s)\n", rep.Met, len(rep.Rounds), rounds)
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "TEMPLATE\tSTART\tLENGTH\tDAYS\tAGENTS\tPAID H EACH")
	for _, s := range r.Shifts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%.1f\n", p.Templates[s.Template].Name, roster.Clock(s.Start),
			roster.FormatLength(s.Length), s.Week, s.Agents, s.PaidHours)
	}
	if len(r.Short) > 0 {
		fmt.Fprintln(tw, "\nSHORT INTERVAL\tREQUIRED\tSTAFFED\tSHORT")
		for _, x := range r.Short {
			fmt.Fprintf(tw, "%s\t%.1f\t%.1f\t%.1f\n", x.Start.Format(time.RFC3339), x.Required, x.Staffed, x.Short())
		}
	}
	return tw.Flush()
}
