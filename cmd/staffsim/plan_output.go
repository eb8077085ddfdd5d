package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"

	"github.com/gocarina/gocsv"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/csvfield"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/plan"
	"github.com/staffsim/staffsim/scenarios/report"
)

// write stages every file of the plan (writePlanFiles) and commits the
// directory (atomicdir: old or new, never a mix).
func (pl *planner) write() error {
	if err := writePlanFiles(pl.ctx, pl.dir, pl.res, pl.opt.Model); err != nil {
		return err
	}
	return pl.dir.Commit()
}

// writePlanFiles stages every file of a plan's result in dir, not
// committed: forecast.csv, requirements.csv and scenario.yaml (loaded back
// as staffsim simulate would, so the file is known to run), intervals.csv,
// headcount.csv, charts (PNG), report.html and summary.json. staffsim plan
// and staffsim serve both write a plan through it, so the files are the
// same. It stops with ctx's error when ctx is done.
func writePlanFiles(ctx context.Context, dir *atomicdir.Dir, res *plan.Result, model erlang.Model) error {
	if err := dir.WriteFile("forecast.csv", res.Forecast.WriteCSV); err != nil {
		return err
	}
	if err := dir.WriteFile("requirements.csv", func(w io.Writer) error {
		return writeRequirementsCSV(w, &res.Forecast.Series, res.Requirements, model)
	}); err != nil {
		return err
	}
	if err := dir.WriteFile("scenario.yaml", func(w io.Writer) error {
		fmt.Fprintf(w, "# The recommended roster of staffsim plan (%s): the optimised shifts scaled\n# to the smallest headcount meeting the SLA. Ready to run:\n#   staffsim simulate scenario.yaml\n", res.Source)
		return res.Scenario.WriteYAML(w)
	}); err != nil {
		return err
	}
	if _, err := scenarios.Load(filepath.Join(dir.Path(), "scenario.yaml")); err != nil {
		return fmt.Errorf("plan: the scenario it wrote does not load (a bug): %w", err)
	}
	hc, err := report.HeadcountCharts(res.Plan)
	if err != nil {
		return err
	}
	res.Plan.Charts = hc
	var charts []report.Chart
	if p, err := forecastPlot(res.Series, res.Forecast, nil); err == nil {
		charts = append(charts, report.NewChart("forecast", "Forecast", fmt.Sprintf("The last %d days of history (grey) and the %s forecast for the next %d days (blue), with its %.0f%% prediction band; the upper band is the second volume case of the headcount charts.",
			forecastChartHistory(res.Series), res.Forecast.Method, res.Days, 100*res.Forecast.Level), p))
	} else {
		return err
	}
	if p, err := requirementsPlot(&res.Forecast.Series, res.Requirements); err == nil {
		charts = append(charts, report.NewChart("requirements", "Agents required", "Agents Erlang needs in each interval of the horizon, and the agents to schedule once shrinkage is added; the roster covers the most any week needs.", p))
	} else {
		return err
	}
	runCharts, err := report.Charts(res.Run)
	if err != nil {
		return err
	}
	charts = append(charts, runCharts...)
	if err := dir.WriteFile("intervals.csv", func(w io.Writer) error { return report.WriteIntervalsCSV(w, res.Run) }); err != nil {
		return err
	}
	if err := dir.WriteFile("headcount.csv", func(w io.Writer) error { return report.WriteHeadcountCSV(w, res.Plan) }); err != nil {
		return err
	}
	for _, c := range append(hc, charts...) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := dir.WriteFile(c.Name+".png", func(w io.Writer) error { return c.Render(w, "png") }); err != nil {
			return err
		}
	}
	page := &report.Page{Title: "Staffing plan: " + res.Source, Runs: []*report.Run{res.Run}, Names: []string{"plan"}, Cheapest: -1,
		Charts: charts, Notes: notes(res.Run), Generated: "staffsim " + version + " plan", Plan: res.Plan,
		Roster: res.RosterTable, Words: res.Words}
	if err := dir.WriteFile("report.html", func(w io.Writer) error { return report.WriteHTML(w, page) }); err != nil {
		return err
	}
	sum := res.Summary
	sum.Files = append(dir.Files(), "summary.json")
	if err := dir.WriteFile("summary.json", func(w io.Writer) error { return writeJSON(w, sum) }); err != nil {
		return err
	}
	return ctx.Err()
}

// print writes the summary on stdout: a short table, or the JSON.
func (pl *planner) print() error {
	s := pl.res.Summary
	if pl.o.format == formatJSON {
		return writeJSON(pl.s.out, s)
	}
	if pl.o.format == formatCSV {
		return writePlanCasesCSV(pl.s.out, pl.res.Plan, pl.res.TodayLabel)
	}
	w := pl.s.out
	p := pl.res.Plan
	fmt.Fprintf(w, "Staffing plan for %s: %d days from %s, SLA %s\n\n", s.Source, s.Days, s.Start.Format("Mon 02 Jan 2006"), report.SLAWords(p.Goal, p.Target))
	for _, l := range p.Lines {
		fmt.Fprintf(w, "  %s\n", l)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "case\tFTE needed\t%s\tSL\tP(meet in a week)\tpaid h/week\tcost/year\t\n", pl.res.Words.Agents)
	for _, c := range p.Cases {
		r, ok := c.Recommended()
		need := report.FTEWords(r.FTE)
		if !ok {
			need = "> " + need
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%.0f%%\t%.0f\t%s\t\n", c.Name, need, r.Agents, report.PercentPM(r.ServiceLevel), 100*r.PMeet, r.PaidHoursPerWeek, report.Money(p.Currency, r.CostPerYear))
	}
	if t := p.Today; t != nil {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%.0f%%\t%.0f\t%s\t\n", pl.res.TodayLabel, report.FTEWords(t.FTE), t.Agents, report.PercentPM(t.ServiceLevel), 100*t.PMeet, t.PaidHoursPerWeek, report.Money(p.Currency, t.CostPerYear))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nReport: %s\n", filepath.Join(pl.o.out, "report.html"))
	return err
}

// planCaseRow is one row of plan --format csv: a volume case at its
// recommended headcount (met false: the largest headcount tried, which does
// not meet the SLA), or today's roster. An undefined service level (no
// contacts) is an empty cell.
type planCaseRow struct {
	Case             string          `csv:"case"`
	FTENeeded        csvfield.Float  `csv:"fte_needed"`
	Agents           int             `csv:"agents"`
	ServiceLevel     *csvfield.Float `csv:"service_level,omitempty"`
	ServiceLevelLow  *csvfield.Float `csv:"service_level_low,omitempty"`
	ServiceLevelHigh *csvfield.Float `csv:"service_level_high,omitempty"`
	PMeet            csvfield.Float  `csv:"p_meet"`
	PaidHoursPerWeek csvfield.Float  `csv:"paid_hours_per_week"`
	CostPerYear      csvfield.Float  `csv:"cost_per_year"`
	Met              bool            `csv:"met"`
}

// planCaseRows returns the case table of the summary in full precision.
func planCaseRows(p *report.Plan, todayLabel string) []planCaseRow {
	row := func(name string, pt report.HeadcountPoint, met bool) planCaseRow {
		sl := pt.ServiceLevel
		return planCaseRow{Case: name, FTENeeded: csvfield.Float(pt.FTE), Agents: pt.Agents,
			ServiceLevel: csvfield.Opt(sl.Mean, sl.Defined()), ServiceLevelLow: csvfield.Opt(sl.Low, sl.Defined()),
			ServiceLevelHigh: csvfield.Opt(sl.High, sl.Defined()), PMeet: csvfield.Float(pt.PMeet),
			PaidHoursPerWeek: csvfield.Float(pt.PaidHoursPerWeek), CostPerYear: csvfield.Float(pt.CostPerYear), Met: met}
	}
	var rows []planCaseRow
	for _, c := range p.Cases {
		r, ok := c.Recommended()
		rows = append(rows, row(c.Name, r, ok))
	}
	if t := p.Today; t != nil {
		rows = append(rows, row(todayLabel, *t, t.PMeet >= p.Confidence))
	}
	return rows
}

// writePlanCasesCSV writes planCaseRows.
func writePlanCasesCSV(w io.Writer, p *report.Plan, todayLabel string) error {
	return gocsv.Marshal(planCaseRows(p, todayLabel), w)
}
