package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/report"
)

const simulateLong = `Simulate a scenario: its roster against its demand, over many independent
replications, and report per queue the service level against its goal (met or
missed), ASA, abandon rate and occupancy with 95 % confidence intervals, plus
paid and overtime hours, cost and cost per answered contact (per resolved
ticket on a ticket desk).

The scenario is a YAML file (see testdata/phone-desk.yaml); --replications and
--seed override its own. --out DIR writes intervals.csv (per interval and
queue), summary.json, the charts as PNG and SVG, and report.html, one
self-contained page to open in a browser. DIR is replaced whole at the end
(staged beside it, then swapped in): it is never a mix of two runs, even
after kill -9 or a full disk.

--format table (for people), json (the summary) or csv (intervals.csv on
stdout). A progress bar is drawn on stderr when it is a terminal; Ctrl-C stops
the run cleanly (exit 130) without leaving half-written files.`

func newSimulateCmd(s streams) *cobra.Command {
	o := &runFlags{}
	cmd := &cobra.Command{
		Use:   "simulate SCENARIO",
		Short: "Run a scenario's roster against its demand: SLA per queue with confidence intervals, cost",
		Long:  simulateLong,
		Example: `  staffsim simulate testdata/phone-desk.yaml
  staffsim simulate testdata/mixed-desk.yaml --replications 30 --out report/
  staffsim simulate testdata/24x7-desk.yaml --seed 2 --format json`,
		Args: scenarioArgs(1, 1, "the scenario file to simulate", "staffsim simulate testdata/phone-desk.yaml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSimulate(cmd, s, o, args[0])
		},
	}
	o.register(cmd.Flags(), "intervals.csv, summary.json, charts (PNG and SVG) and report.html")
	return cmd
}

func runSimulate(cmd *cobra.Command, s streams, o *runFlags, path string) error {
	opt, err := o.options(cmd.Flags())
	if err != nil {
		return err
	}
	if err := outDir("out", o.out, "report/"); err != nil {
		return err
	}
	sc, err := loadScenario(path)
	if err != nil {
		return err
	}
	dir, err := createOut(o.out)
	if err != nil {
		return err
	}
	if dir != nil {
		defer dir.Abort()
	}
	var finish func()
	opt.Progress, finish = progressFor(s.err, "simulating")
	out, err := scenarios.Run(cmd.Context(), sc, opt)
	finish()
	if err != nil {
		return err
	}
	r := out.Report
	if o.out != "" {
		charts, err := report.Charts(r)
		if err != nil {
			return err
		}
		words, title := report.ContactWords, "The roster: shifts, agents and breaks"
		if sc.Tickets != nil {
			words, title = report.TicketWords, "The roster: shifts, analysts and breaks"
		}
		page := &report.Page{
			Title: "Scenario " + quoteName(sc.Name), Runs: []*report.Run{r}, Names: []string{sc.Name}, Cheapest: -1,
			Charts: charts, Notes: notes(r), Generated: "staffsim " + version + " · " + path,
			Roster: sc.RosterTable(title, words, nil),
		}
		if err := writeTicketFiles(dir, out); err != nil {
			return err
		}
		if err := publishOutDir(cmd.Context(), s.err, o.out, dir, map[string]*report.Run{"intervals.csv": r}, summaryOf(out), page); err != nil {
			return err
		}
	}
	switch o.format {
	case formatJSON:
		return writeJSON(s.out, summaryOf(out))
	case formatCSV:
		if sc.Tickets != nil {
			return writeDeskCSV(s.out, out)
		}
		return report.WriteIntervalsCSV(s.out, r)
	}
	if sc.Tickets != nil {
		return writeRunTable(s.out, r, &ticketTables{out})
	}
	return writeSummaryTable(s.out, r)
}

// notes say how the report's derived figures were computed.
func notes(r *report.Run) []string {
	n := []string{"Service level = answered within the target / (answered + abandoned); a contact counts in the interval it arrived in, and one still waiting at the end of the simulation past the target counts as missed. Ranges are 95% confidence intervals over the replications."}
	if r.Required != nil {
		n = append(n, "Required agents: "+r.RequiredNote+" for the expected demand of each interval, without abandonment; the simulated roster is what the other figures measure.")
	} else {
		n = append(n, "Required agents could not be computed for this demand; the agents chart shows the roster only.")
	}
	if !r.Summary.HasCost() {
		return append(n, "The scenario gives no cost (cost: {hourly: …}), so no cost is shown.")
	}
	n = append(n, "Cost = rostered paid hours (shift time less unpaid breaks; absence and paid breaks included) × the hourly cost, the same figure staffsim roster and plan give; overtime past shift ends is shown apart, in hours. Cost per contact divides by answered contacts, cost per ticket by resolved tickets (each the whole desk's cost).")
	return n
}

func quoteName(s string) string { return "“" + s + "”" }

// writeSummaryTable prints a run's summary for people.
func writeSummaryTable(w io.Writer, r *report.Run) error { return writeRunTable(w, r, nil) }

// writeRunTable prints a run's summary for people; tickets, when not nil,
// prints a ticket desk's tables after the queues' (a desk without queues
// has no queue table) and names the ticket targets missed.
func writeRunTable(w io.Writer, r *report.Run, tickets *ticketTables) error {
	sum := &r.Summary
	fmt.Fprintf(w, "Scenario %s: %s to %s (%s), %d replications, seed %d\n\n", quoteName(sum.Scenario),
		sum.Start.Format("Mon 02 Jan 2006 15:04"), sum.End.Format("Mon 02 Jan 2006 15:04"), sum.Timezone, sum.Replications, sum.Seed)
	if len(sum.Queues) > 0 || tickets == nil {
		if err := writeQueueTable(w, r); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	if tickets != nil {
		if err := tickets.write(w); err != nil {
			return err
		}
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Occupancy (desk)\t%s\n", estPct(sum.Occupancy))
	fmt.Fprintf(tw, "Paid hours\t%s\n", estNum(sum.PaidHours, 1))
	if tickets != nil {
		fmt.Fprintf(tw, "FTE\t%s at %.1f h a week\n", estNum(tickets.fte(sum.PaidHours), 1), hoursPerFTE)
	}
	fmt.Fprintf(tw, "Overtime hours\t%s\n", estNum(sum.OvertimeHours, 1))
	if sum.HasCost() {
		fmt.Fprintf(tw, "Cost\t%s at %s%.2f per paid hour%s\n", estMoney(sum.Currency, sum.Cost), sum.Currency, sum.Hourly(), noCurrency(sum.Currency))
		if len(sum.Queues) > 0 {
			fmt.Fprintf(tw, "Cost per contact\t%s per answered contact\n", estMoney(sum.Currency, sum.CostPerContact))
		}
		if sum.CostPerTicket != nil {
			fmt.Fprintf(tw, "Cost per ticket\t%s per resolved ticket\n", estMoney(sum.Currency, *sum.CostPerTicket))
		}
	} else {
		fmt.Fprintf(tw, "Cost\tno cost given (add cost: {hourly: …} to the scenario)\n")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	if sum.AllSLAsMet {
		_, err := fmt.Fprintln(w, "Every SLA met.")
		return err
	}
	var missed []string
	for _, q := range sum.Queues {
		if !q.SLAMet {
			missed = append(missed, q.Queue)
		}
	}
	if tickets != nil {
		missed = append(missed, tickets.misses()...)
	}
	_, err := fmt.Fprintf(w, "SLA missed: %s.\n", strings.Join(missed, ", "))
	return err
}

// writeQueueTable prints a row per queue and, with two or more queues,
// the desk's total row (each contact judged against its own queue's
// target); with more than one SLA target, a column per target.
func writeQueueTable(w io.Writer, r *report.Run) error {
	sum := &r.Summary
	var targets []float64
	if len(r.Targets) > 1 {
		for _, d := range r.Targets {
			targets = append(targets, d.Seconds())
		}
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	head := "QUEUE\tSLA GOAL\tSERVICE LEVEL (95% CI)\tSLA\tASA (95% CI)\tABANDONED (95% CI)\tOCCUPANCY (95% CI)\tOFFERED"
	for _, t := range targets {
		head += "\tWITHIN " + strings.ToUpper(targetText(t))
	}
	fmt.Fprintln(tw, head)
	within := func(levels []report.TargetLevel) string {
		var b strings.Builder
		for _, t := range targets {
			cell := "–"
			for _, l := range levels {
				if l.TargetSeconds == t {
					cell = estPct(l.ServiceLevel)
				}
			}
			b.WriteString("\t" + cell)
		}
		return b.String()
	}
	for _, q := range sum.Queues {
		fmt.Fprintf(tw, "%s\t%s in %s\t%s\t%s\t%s\t%s\t%s\t%s%s\n", q.Queue, pctText(q.SLAGoal), targetText(q.SLATargetSeconds),
			estPct(q.ServiceLevel), q.SLAStatus(), estSecs(q.ASASeconds), estPct(q.AbandonRate), estPct(q.Occupancy), estNum(q.Offered, 0), within(q.ServiceLevels))
	}
	if len(sum.Queues) > 1 {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s%s\n", "Total", "each queue's", estPct(sum.ServiceLevel), "",
			estSecs(sum.ASASeconds), estPct(sum.AbandonRate), estPct(sum.Occupancy), estNum(sum.Offered, 0), within(sum.ServiceLevels))
	}
	return tw.Flush()
}

func pctText(x float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", x*100), ".0") + "%"
}

func targetText(secs float64) string {
	return quantityDuration(secs)
}

func estPct(e report.Estimate) string {
	if !e.Defined() {
		return "–"
	}
	if e.N < 2 {
		return fmt.Sprintf("%.1f%%", e.Mean*100)
	}
	return fmt.Sprintf("%.1f%% (%.1f–%.1f)", e.Mean*100, e.Low*100, e.High*100)
}

// estSecs writes a wait in a unit people read: seconds below 90 s,
// minutes below 90 min, else hours.
func estSecs(e report.Estimate) string {
	if !e.Defined() {
		return "–"
	}
	unit, div := "s", 1.0
	switch {
	case e.Mean >= 90*60:
		unit, div = "h", 3600
	case e.Mean >= 90:
		unit, div = "min", 60
	}
	if e.N < 2 {
		return fmt.Sprintf("%.1f%s", e.Mean/div, unit)
	}
	return fmt.Sprintf("%.1f%s (%.1f–%.1f)", e.Mean/div, unit, e.Low/div, e.High/div)
}

// estMoney writes an amount with its currency and 95% CI: "£117879.48
// (£117002.10–£118756.86)"; "–" when undefined.
func estMoney(currency string, e report.Estimate) string {
	if !e.Defined() {
		return "–"
	}
	if e.N < 2 || e.High-e.Low == 0 {
		return fmt.Sprintf("%s%.2f", currency, e.Mean)
	}
	return fmt.Sprintf("%s%.2f (%s%.2f–%s%.2f)", currency, e.Mean, currency, e.Low, currency, e.High)
}

// noCurrency is a hint when a scenario's cost names no currency.
func noCurrency(currency string) string {
	if currency != "" {
		return ""
	}
	return " (no currency given: add cost: {currency: …} to the scenario)"
}

func estNum(e report.Estimate, decimals int) string {
	if !e.Defined() {
		return "–"
	}
	if e.N < 2 || e.High-e.Low == 0 {
		return fmt.Sprintf("%.*f", decimals, e.Mean)
	}
	return fmt.Sprintf("%.*f (%.*f–%.*f)", decimals, e.Mean, decimals, e.Low, decimals, e.High)
}
