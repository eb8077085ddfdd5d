package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/report"
)

const compareLong = `Compare scenarios side by side: each is simulated on common random numbers
(the same seed and replications for all, so each replication sees the same
contacts with the same handle times and patience in every scenario), and the
table shows for each whether every SLA is met, the service level, ASA and
abandon rate per queue (on a ticket desk each priority's response and
resolution attainment and P(meet), each tier's occupancy), occupancy, paid
hours, cost and cost per answered contact (per resolved ticket). The cheapest
scenario that meets every SLA (ticket targets included) is named.

Seed and replications are the first scenario's unless --seed and
--replications say otherwise. --out DIR writes summary.json (every
scenario), intervals-<scenario>.csv for each, the overlay charts as PNG and
SVG, and one report.html; DIR is replaced whole at the end, never a mix of
two runs.

--format table (for people), json (every summary and the cheapest) or csv
(the side-by-side table at full precision: a row per metric, and per
scenario its mean and 95 % confidence interval).`

// comparison is the JSON of a comparison (stdout with --format json, and
// summary.json).
type comparison struct {
	Scenarios []*runSummary `json:"scenarios"`
	Files     []string      `json:"files"`
	Cheapest  *string       `json:"cheapest"`
}

func newCompareCmd(s streams) *cobra.Command {
	o := &runFlags{}
	cmd := &cobra.Command{
		Use:   "compare SCENARIO SCENARIO...",
		Short: "Run scenarios on common random numbers and compare them side by side",
		Long:  compareLong,
		Example: `  staffsim compare testdata/mixed-desk.yaml testdata/mixed-desk-plus.yaml
  staffsim compare a.yaml b.yaml c.yaml --replications 50 --out compare/
  staffsim compare a.yaml b.yaml --format json`,
		Args: scenarioArgs(2, 0, "two or more scenario files to compare", "staffsim compare testdata/mixed-desk.yaml testdata/mixed-desk-plus.yaml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCompare(cmd, s, o, args)
		},
	}
	o.register(cmd.Flags(), "summary.json, intervals-<scenario>.csv for each scenario, the overlay charts (PNG and SVG) and report.html")
	return cmd
}

func runCompare(cmd *cobra.Command, s streams, o *runFlags, paths []string) error {
	opt, err := o.options(cmd.Flags())
	if err != nil {
		return err
	}
	if err := outDir("out", o.out, "compare/"); err != nil {
		return err
	}
	scs := make([]*scenarios.Scenario, len(paths))
	for i, p := range paths {
		if scs[i], err = loadScenario(p); err != nil {
			return err
		}
	}
	names := scenarioNames(scs, paths)
	dir, err := createOut(o.out)
	if err != nil {
		return err
	}
	if dir != nil {
		defer dir.Abort()
	}
	var finish func()
	opt.Progress, finish = progressFor(s.err, "simulating")
	outs, best, err := scenarios.Compare(cmd.Context(), scs, opt)
	finish()
	if err != nil {
		return err
	}
	runs := make([]*report.Run, len(outs))
	cmp := comparison{Files: paths}
	for i, out := range outs {
		runs[i] = out.Report
		cmp.Scenarios = append(cmp.Scenarios, summaryOf(out))
	}
	if best >= 0 {
		cmp.Cheapest = &names[best]
	}
	if o.out != "" {
		page, csvs, err := compareOutput(runs, names, best, paths)
		if err != nil {
			return err
		}
		if err := publishOutDir(cmd.Context(), s.err, o.out, dir, csvs, &cmp, page); err != nil {
			return err
		}
	}
	switch o.format {
	case formatJSON:
		return writeJSON(s.out, &cmp)
	case formatCSV:
		return writeCompareCSV(s.out, runs, names, best, outs)
	}
	return writeCompareTable(s.out, runs, names, best, outs)
}

// compareOutput returns a comparison's report page and its interval CSVs
// by file name (intervals-<scenario>.csv), for writeOutDir: compare --out
// and staffsim serve write a comparison through it.
func compareOutput(runs []*report.Run, names []string, best int, sources []string) (*report.Page, map[string]*report.Run, error) {
	charts, err := report.CompareCharts(runs, names)
	if err != nil {
		return nil, nil, err
	}
	page := &report.Page{
		Title: "Comparison of " + strings.Join(quoteAll(names), ", "), Runs: runs, Names: names, Cheapest: best, Charts: charts,
		Notes:     []string{"Cheapest = lowest mean cost (paid hours × hourly cost) among the scenarios whose mean service level meets every queue's goal.", "Ranges are 95% confidence intervals over the replications; on common random numbers, differences between scenarios are far more precise than the ranges suggest."},
		Generated: "staffsim " + version + " · " + strings.Join(sources, ", "),
	}
	csvs := map[string]*report.Run{}
	for i, f := range intervalFiles(names) {
		csvs[f] = runs[i]
	}
	return page, csvs, nil
}

// scenarioNames are the scenarios' names, or their file names where two
// scenarios share a name; a file given twice is told apart by a count
// ("a.yaml", "a.yaml (2)"), so that every legend and column is distinct.
func scenarioNames(scs []*scenarios.Scenario, paths []string) []string {
	names := make([]string, len(scs))
	seen := map[string]int{}
	for i, sc := range scs {
		names[i] = sc.Name
		seen[sc.Name]++
	}
	for i := range names {
		if seen[names[i]] > 1 {
			names[i] = paths[i]
		}
	}
	return report.Distinct(names, func(s string, k int) string { return fmt.Sprintf("%s (%d)", s, k) })
}

// intervalFiles are the per-scenario CSV names, intervals-<slug>.csv, made
// distinct with -2, -3 … where two names give the same slug.
func intervalFiles(names []string) []string {
	slugs := report.FileSlugs(names, "scenario")
	for i := range slugs {
		slugs[i] = "intervals-" + slugs[i] + ".csv"
	}
	return slugs
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = quoteName(x)
	}
	return out
}

// writeCompareTable prints the scenarios as columns, the metrics as rows.
// outs, when not nil, are the outcomes of runs, for their ticket rows.
func writeCompareTable(w io.Writer, runs []*report.Run, names []string, best int, outs []*scenarios.Outcome) error {
	first := runs[0].Summary
	fmt.Fprintf(w, "%d scenarios on common random numbers: %d replications, seed %d\n\n", len(runs), first.Replications, first.Seed)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	row := func(label string, f func(r *report.Run) string) {
		cells := []string{label}
		for _, r := range runs {
			cells = append(cells, f(r))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	row("", func(r *report.Run) string { return names[indexOf(runs, r)] })
	row("Every SLA met?", func(r *report.Run) string {
		if r.Summary.AllSLAsMet {
			return "yes"
		}
		return "no"
	})
	for _, q := range first.Queues {
		q := q
		get := func(r *report.Run) *report.QueueSummary {
			for i := range r.Summary.Queues {
				if r.Summary.Queues[i].Queue == q.Queue {
					return &r.Summary.Queues[i]
				}
			}
			return nil
		}
		row(fmt.Sprintf("%s SL (goal %s in %s)", q.Queue, pctText(q.SLAGoal), targetText(q.SLATargetSeconds)), func(r *report.Run) string {
			if x := get(r); x != nil {
				return estPct(x.ServiceLevel) + " " + x.SLAStatus()
			}
			return "–"
		})
		for _, l := range q.ServiceLevels {
			if len(q.ServiceLevels) < 2 {
				break
			}
			row(fmt.Sprintf("%s SL within %s", q.Queue, targetText(l.TargetSeconds)), func(r *report.Run) string {
				if x := get(r); x != nil {
					return estPct(targetLevel(x.ServiceLevels, l.TargetSeconds))
				}
				return "–"
			})
		}
		row(q.Queue+" ASA", func(r *report.Run) string {
			if x := get(r); x != nil {
				return estSecs(x.ASASeconds)
			}
			return "–"
		})
		row(q.Queue+" abandoned", func(r *report.Run) string {
			if x := get(r); x != nil {
				return estPct(x.AbandonRate)
			}
			return "–"
		})
	}
	if len(first.Queues) > 1 {
		row("Total SL (each queue's target)", func(r *report.Run) string { return estPct(r.Summary.ServiceLevel) })
		row("Total ASA", func(r *report.Run) string { return estSecs(r.Summary.ASASeconds) })
		row("Total abandoned", func(r *report.Run) string { return estPct(r.Summary.AbandonRate) })
	}
	compareTicketRows(outs, func(label string, f func(i int) string) {
		row(label, func(r *report.Run) string { return f(indexOf(runs, r)) })
	})
	row("Occupancy", func(r *report.Run) string { return estPct(r.Summary.Occupancy) })
	row("Paid hours", func(r *report.Run) string { return estNum(r.Summary.PaidHours, 1) })
	row("Overtime hours", func(r *report.Run) string { return estNum(r.Summary.OvertimeHours, 1) })
	row("Cost", func(r *report.Run) string { return estMoney(r.Summary.Currency, r.Summary.Cost) })
	row("Cost per contact", func(r *report.Run) string { return estMoney(r.Summary.Currency, r.Summary.CostPerContact) })
	if slices.ContainsFunc(runs, func(r *report.Run) bool { return r.Summary.CostPerTicket != nil }) {
		row("Cost per ticket", func(r *report.Run) string {
			if r.Summary.CostPerTicket == nil {
				return "–"
			}
			return estMoney(r.Summary.Currency, *r.Summary.CostPerTicket)
		})
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	if best >= 0 {
		_, err := fmt.Fprintf(w, "Cheapest scenario that meets every SLA: %s.\n", names[best])
		return err
	}
	var met []string
	for i, r := range runs {
		if r.Summary.AllSLAsMet {
			met = append(met, names[i])
		}
	}
	if len(met) > 0 { // but none of them gives a cost
		_, err := fmt.Fprintf(w, "Every SLA met by: %s; no cost given, so no cheapest.\n", strings.Join(met, ", "))
		return err
	}
	_, err := fmt.Fprintln(w, "No scenario meets every SLA.")
	return err
}

// targetLevel is the service level within target seconds among levels,
// undefined when not measured.
func targetLevel(levels []report.TargetLevel, target float64) report.Estimate {
	for _, l := range levels {
		if l.TargetSeconds == target {
			return l.ServiceLevel
		}
	}
	return report.Estimate{}
}

func indexOf(runs []*report.Run, r *report.Run) int {
	for i, x := range runs {
		if x == r {
			return i
		}
	}
	return -1
}
