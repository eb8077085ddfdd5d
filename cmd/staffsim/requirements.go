package main

import (
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/gocarina/gocsv"
	"github.com/spf13/cobra"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/csvfield"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/scenarios/roster"
)

// requirementsOptions are the flags of `staffsim requirements`.
type requirementsOptions struct {
	history      historyFlags
	file         string
	staffingFile string
	interval     quantity.Duration
	aht          quantity.Duration
	staffing     staffingFlags
	hoursPerFTE  float64
	out          string
	plot         string
	format       format
}

const requirementsLong = `Agents needed in every interval of a forecast to meet the service level
(and any ASA, occupancy and abandonment targets), with the agents to
schedule after shrinkage, and a summary: peak agents, agent-hours and FTE.

The forecast is forecast.csv (interval_start,arrivals,lower,upper,aht_seconds)
or any interval volumes file (interval_start,arrivals[,aht_seconds]). AHT
comes from its aht_seconds column, or --aht for a flat AHT. --patience
switches from Erlang C to Erlang A (callers abandon).

FTE = scheduled (paid) agent hours per week / --hours-per-fte.

Output: with --out, requirements.csv goes to that file and stdout gets the
summary; without it stdout gets every interval (and the summary, in table
and json formats). --plot draws agents and scheduled agents per interval.

--staffing FILE turns the question round: instead of the agents needed,
what the agents the desk had delivered. FILE is a staffing curve,
interval_start,agents (agents a time-average, fractional allowed; e.g.
written by "staffsim inspect --calls LOG --format csv"); each interval of
the forecast it covers is evaluated by Erlang C (A with --patience) at its
agents: SL, P(wait), ASA, occupancy, abandon rate, and whether the targets
are met. A fractional n is ⌊n⌋ agents for part of the interval and ⌈n⌉ for
the rest, each in steady state: per-contact figures interpolate linearly
between the two. An interval whose agents do not exceed the traffic is
unstable under Erlang C (its ASA is empty/null).`

func newRequirementsCmd(s streams) *cobra.Command {
	o := &requirementsOptions{}
	cmd := &cobra.Command{
		Use:   "requirements",
		Short: "Agents needed per interval for a forecast and an SLA, with shrinkage and FTE",
		Long:  requirementsLong,
		Example: `  staffsim requirements --forecast forecast.csv --sl 80/20s --shrinkage 30% --out requirements.csv
  staffsim requirements --forecast forecast.csv --sl 80/20s --aht 240s --max-occupancy 85% --plot requirements.png
  staffsim requirements --forecast volumes.csv --tz Europe/London --sl 80/20s --patience 3m --max-abandon 5% --format json
  # what the agents the desk had delivered, interval by interval
  staffsim requirements --forecast volumes.csv --staffing staffing.csv --sl 80/20s --patience 3m`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runRequirements(cmd, s, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.file, "forecast", "", "forecast or interval volumes CSV (required); - for standard input")
	f.StringVar(&o.staffingFile, "staffing", "", "evaluate at this staffing instead of solving: a CSV interval_start,agents (fractional allowed)")
	f.Var(&o.interval, "interval", "staff in intervals of this length (a multiple of the file's; default the file's own)")
	f.Var(&o.aht, "aht", "flat average handle time instead of the forecast's aht_seconds, e.g. 240s")
	o.staffing.register(f)
	f.Float64Var(&o.hoursPerFTE, "hours-per-fte", 37.5, "contracted hours per FTE per week")
	f.StringVar(&o.out, "out", "", "write requirements.csv here (- for stdout)")
	f.StringVar(&o.plot, "plot", "", "draw agents and scheduled agents per interval into this .png or .svg")
	addFormatFlag(f, &o.format)
	o.history.register(f)
	return cmd
}

func runRequirements(cmd *cobra.Command, s streams, o *requirementsOptions) error {
	f := cmd.Flags()
	if o.file == "" {
		return usagef("give the forecast: --forecast forecast.csv")
	}
	if err := checkHoursPerFTE(o.hoursPerFTE); err != nil {
		return err
	}
	var err error
	if o.out, err = outFile("out", o.out, "requirements.csv"); err != nil {
		return err
	}
	if o.plot, err = outFile("plot", o.plot, "requirements.png"); err != nil {
		return err
	}
	if o.plot != "" {
		if _, err := report.FormatOf(o.plot); err != nil {
			return usageError{err}
		}
	}
	if o.staffingFile != "" {
		switch {
		case o.plot != "":
			return usagef("--plot draws the agents required; with --staffing the agents are given: drop --plot")
		case f.Changed("shrinkage"):
			return usagef("--shrinkage schedules agents on top of the requirement; with --staffing the agents are those on the phones: drop --shrinkage")
		}
	}
	if sameFile(o.out, o.plot) {
		return usagef("--out and --plot both name %s: give each its own file", o.out)
	}
	if iv := time.Duration(o.interval); f.Changed("interval") && forecast.CheckInterval(iv) != nil {
		// The reader would aggregate a tickets file at any interval it is
		// given: 1ns asked it for 10^14 intervals (and panicked).
		return usagef("--interval %s must be whole minutes that divide 24h, e.g. 30m (leave it out to staff in the file's own intervals)", quantity.FormatDuration(iv))
	}
	if f.Changed("aht") && o.aht <= 0 {
		return usagef("--aht must be positive, e.g. 240s")
	}
	model, targets, err := o.staffing.resolve(f.Changed)
	if err != nil {
		return err
	}
	ropt, err := o.history.options()
	if err != nil {
		return err
	}
	name, r, done, err := historyInput(cmd.Context(), s.in, o.file, &ropt)
	if err != nil {
		return err
	}
	series, rep, err := forecast.LoadSeries(name, r, ropt, time.Duration(o.interval))
	done()
	if err != nil {
		return historyError(err)
	}
	noteRead(s.err, rep)
	if !staffingTargetGiven(f.Changed) && o.staffingFile == "" {
		fmt.Fprintf(s.err, "note: no target given; staffing for --sl %s\n", o.staffing.sl.String())
	}
	if err := cmd.Context().Err(); err != nil {
		return err
	}

	demand, err := demandOf(s.err, o.file, series, time.Duration(o.aht).Seconds())
	if err != nil {
		return err
	}
	if o.staffingFile != "" {
		return runStaffed(cmd.Context(), s, o, series, demand, model, targets)
	}
	opt := erlang.Options{Model: model, Interval: series.Interval,
		Patience: o.staffing.patienceSeconds(), Shrinkage: float64(o.staffing.shrinkage)}
	reqs, err := erlang.RequirementsContext(cmd.Context(), demand, targets, opt)
	if err != nil {
		if ctxErr := cmd.Context().Err(); ctxErr != nil {
			return ctxErr
		}
		if ie, ok := err.(*erlang.IntervalError); ok {
			return fmt.Errorf("%s: interval %s: %v", o.file, series.Time(ie.Index).Format(time.RFC3339), ie.Err)
		}
		return usageError{err}
	}
	sum := newRequirementsSummary(series, reqs, opt, targets, o.hoursPerFTE)
	if sum.Weeks > 0 && sum.Weeks < 1 {
		fmt.Fprintf(s.err, "note: the forecast covers %.2f weeks; FTE assumes every week repeats it\n", sum.Weeks)
	}

	if o.out != "" {
		if err := atomicdir.WriteFile(o.out, func(w io.Writer) error { return writeRequirementsCSV(w, series, reqs, model) }); err != nil {
			return err
		}
		fmt.Fprintf(s.err, "wrote %s (%d intervals)\n", o.out, len(reqs))
	}
	if o.plot != "" {
		if err := plotRequirements(o.plot, series, reqs); err != nil {
			return err
		}
		fmt.Fprintf(s.err, "wrote %s\n", o.plot)
	}

	switch o.format {
	case formatCSV:
		if o.out != "" {
			return writeSummaryCSV(s.out, sum)
		}
		return writeRequirementsCSV(s.out, series, reqs, model)
	case formatJSON:
		doc := requirementsJSON{Summary: sum}
		if o.out == "" {
			doc.Intervals = roster.RequirementRows(series, reqs, model)
		}
		return writeJSON(s.out, doc)
	}
	if o.out == "" {
		if err := writeRequirementsTable(s.out, series, reqs, model); err != nil {
			return err
		}
		fmt.Fprintln(s.out)
	}
	return writeSummaryText(s.out, sum)
}

// demandOf turns the series into per-interval demand by erlang.DemandOf:
// the flat AHT when given (> 0), else each interval's own, and the
// arrival-weighted mean where an interval has arrivals but no AHT (with a
// note on w) — the same rule as staffsim plan.
func demandOf(w io.Writer, file string, s *forecast.Series, flatAHT float64) ([]erlang.Demand, error) {
	aht := make([]float64, s.Len())
	for i := range aht {
		aht[i], _ = s.AHT(i)
	}
	d, filled, err := erlang.DemandOf(s.Arrivals, aht, flatAHT)
	if errors.Is(err, erlang.ErrNoAHT) {
		return nil, usagef("%s has no aht_seconds (or handle-time) column: give a flat --aht, e.g. --aht 240s", file)
	}
	if filled > 0 {
		fmt.Fprintf(w, "note: %s: intervals with arrivals but no AHT: %d, given the mean AHT of the others (%s); give --aht for a flat AHT\n",
			file, filled, secs(erlang.MeanAHT(s.Arrivals, aht)))
	}
	return d, err
}

// writeRequirementsCSV writes requirements.csv (roster.RequirementRow) for
// the requirements reqs of the intervals of s under model m.
func writeRequirementsCSV(w io.Writer, s *forecast.Series, reqs []erlang.Requirement, m erlang.Model) error {
	return roster.WriteRequirementsCSV(w, roster.RequirementRows(s, reqs, m))
}

func writeRequirementsTable(w io.Writer, s *forecast.Series, reqs []erlang.Requirement, m erlang.Model) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "interval_start\tarrivals\tAHT\ttraffic\tagents\tscheduled\tSL\tASA\toccupancy\tabandon\t\n")
	for i, r := range reqs {
		aht, ab := "-", "-"
		if r.AHT > 0 {
			aht = secs(r.AHT)
		}
		if m == erlang.ModelA {
			ab = pct(r.Abandon)
		}
		fmt.Fprintf(tw, "%s\t%.1f\t%s\t%.2f\t%d\t%d\t%s\t%s\t%s\t%s\t\n", s.Time(i).Format("2006-01-02 15:04 MST"),
			r.Arrivals, aht, r.Traffic, r.Agents, r.Scheduled, pct(r.ServiceLevel), secs(r.ASA), pct(r.Occupancy), ab)
	}
	return tw.Flush()
}

// requirementsSummary is the summary of a requirements run: the JSON
// "summary" object, and the one-row CSV of requirements --out … --format
// csv (every key but targets).
type requirementsSummary struct {
	From             csvfield.Time  `json:"from" csv:"from"`
	To               csvfield.Time  `json:"to" csv:"to"`
	IntervalMinutes  csvfield.Float `json:"interval_minutes" csv:"interval_minutes"`
	Intervals        int            `json:"intervals" csv:"intervals"`
	Model            string         `json:"model" csv:"model"`
	Targets          string         `json:"targets" csv:"-"`
	Shrinkage        csvfield.Float `json:"shrinkage" csv:"shrinkage"`
	PeakAgents       int            `json:"peak_agents" csv:"peak_agents"`
	PeakAt           csvfield.Time  `json:"peak_at" csv:"peak_at"`
	PeakScheduled    int            `json:"peak_scheduled_agents" csv:"peak_scheduled_agents"`
	AgentHours       csvfield.Float `json:"agent_hours" csv:"agent_hours"`
	ScheduledHours   csvfield.Float `json:"scheduled_agent_hours" csv:"scheduled_agent_hours"`
	Weeks            csvfield.Float `json:"weeks" csv:"weeks"`
	HoursPerFTE      csvfield.Float `json:"hours_per_fte" csv:"hours_per_fte"`
	FTE              csvfield.Float `json:"fte" csv:"fte"`
	OfferedContacts  csvfield.Float `json:"offered_contacts" csv:"offered_contacts"`
	MeanServiceLevel csvfield.Float `json:"service_level" csv:"service_level"`
}

type requirementsJSON struct {
	Summary   requirementsSummary     `json:"summary"`
	Intervals []roster.RequirementRow `json:"intervals,omitempty"`
}

func newRequirementsSummary(s *forecast.Series, reqs []erlang.Requirement, o erlang.Options, t erlang.Targets, hoursPerFTE float64) requirementsSummary {
	sum := erlang.Summarize(reqs, s.Interval, hoursPerFTE)
	out := requirementsSummary{From: csvfield.At(s.Start), To: csvfield.At(s.End()), IntervalMinutes: csvfield.Float(s.Interval.Minutes()),
		Intervals: sum.Intervals, Model: o.Model.String(), Targets: t.String(), Shrinkage: csvfield.Float(o.Shrinkage),
		PeakAgents: sum.PeakAgents, PeakScheduled: sum.PeakScheduled, AgentHours: csvfield.Float(sum.AgentHours),
		ScheduledHours: csvfield.Float(sum.ScheduledHours), Weeks: csvfield.Float(sum.Weeks), HoursPerFTE: csvfield.Float(hoursPerFTE),
		FTE: csvfield.Float(sum.FTE), PeakAt: csvfield.At(s.Start)}
	var offered, answered float64
	peak := -1
	for i, r := range reqs {
		if peak < 0 && r.Agents == sum.PeakAgents {
			peak = i
			out.PeakAt = csvfield.At(s.Time(i))
		}
		offered += r.Arrivals
		answered += r.Arrivals * r.ServiceLevel
	}
	out.OfferedContacts = csvfield.Float(offered)
	if offered > 0 {
		out.MeanServiceLevel = csvfield.Float(answered / offered)
	}
	return out
}

// writeSummaryCSV writes the summary as a CSV of one row.
func writeSummaryCSV(w io.Writer, s requirementsSummary) error {
	return gocsv.Marshal([]requirementsSummary{s}, w)
}

func writeSummaryText(w io.Writer, s requirementsSummary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "period\t%s to %s (%d intervals of %s, %.2f weeks)\n", s.From.Format("2006-01-02 15:04 MST"),
		s.To.Format("2006-01-02 15:04 MST"), s.Intervals, quantity.FormatDuration(time.Duration(float64(s.IntervalMinutes)*float64(time.Minute))), s.Weeks)
	fmt.Fprintf(tw, "model\t%s, %s\n", s.Model, s.Targets)
	fmt.Fprintf(tw, "contacts\t%.0f, service level %s overall\n", s.OfferedContacts, pct(float64(s.MeanServiceLevel)))
	fmt.Fprintf(tw, "peak agents\t%d at %s\n", s.PeakAgents, s.PeakAt.Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(tw, "peak scheduled\t%d (shrinkage %s)\n", s.PeakScheduled, pct(float64(s.Shrinkage)))
	fmt.Fprintf(tw, "agent-hours\t%.1f on the phones, %.1f paid\n", s.AgentHours, s.ScheduledHours)
	fmt.Fprintf(tw, "FTE\t%.1f (paid hours per week / %g h)\n", s.FTE, s.HoursPerFTE)
	return tw.Flush()
}
