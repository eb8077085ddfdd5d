package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/headcount"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/sim"
)

// stageFile writes one file of the plan into the staging directory.
func (pl *planner) stageFile(name string, write func(io.Writer) error) error {
	if err := writeFileAtomic(filepath.Join(pl.stage, name), write); err != nil {
		return err
	}
	pl.files = append(pl.files, name)
	return nil
}

// simulate writes forecast.csv and scenario.yaml, loads the scenario back
// as staffsim simulate would (so the file is known to run) and simulates it
// over the whole horizon.
func (pl *planner) simulate() error {
	dir, err := makeStage(pl.o.out)
	if err != nil {
		return err
	}
	pl.stage = dir
	if err := pl.stageFile("forecast.csv", pl.fc.WriteCSV); err != nil {
		return err
	}
	if err := pl.stageFile("requirements.csv", func(w io.Writer) error {
		return writeRequirementsCSV(w, &pl.fc.Series, pl.reqs, pl.model)
	}); err != nil {
		return err
	}
	if err := pl.stageFile("scenario.yaml", func(w io.Writer) error {
		fmt.Fprintf(w, "# The recommended roster of staffsim plan (%s): the optimised shifts scaled\n# to the smallest headcount meeting the SLA. Ready to run:\n#   staffsim simulate scenario.yaml\n", pl.source)
		return pl.scenario.WriteYAML(w)
	}); err != nil {
		return err
	}
	sc, err := scenarios.Load(filepath.Join(pl.stage, "scenario.yaml"))
	if err != nil {
		return fmt.Errorf("plan: the scenario it wrote does not load (a bug): %w", err)
	}
	bar, done := progressFor(pl.s.err, "simulate")
	out, err := scenarios.Run(pl.ctx, sc, scenarios.Options{Progress: bar})
	done()
	if err != nil {
		return err
	}
	pl.run, pl.runRes = out.Report, out.Result
	q := out.Report.Summary.Queues[0]
	pl.note("simulate: %d days × %d replications: service level %.1f%% ± %.1f%%, ASA %s, occupancy %.1f%% (%.1f s)",
		pl.days, out.Result.Replications, 100*q.ServiceLevel.Mean, 100*(q.ServiceLevel.High-q.ServiceLevel.Low)/2,
		secsWords(q.ASASeconds.Mean), 100*out.Report.Summary.Occupancy.Mean, out.Elapsed.Seconds())
	return nil
}

// makeStage creates the staging directory beside the output directory
// (same file system, so that moving files in is a rename).
func makeStage(out string) (string, error) {
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("--out %s: %w", out, err)
	}
	if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
		return "", fmt.Errorf("--out %s is a file, not a directory: give a directory name", out)
	}
	dir, err := os.MkdirTemp(parent, ".staffsim-plan-*")
	if err != nil {
		return "", fmt.Errorf("--out %s: %w", out, err)
	}
	return dir, nil
}

// publish moves the staged files into the output directory, one rename
// each, and removes the staging directory.
func (pl *planner) publish() error {
	if err := os.MkdirAll(pl.o.out, 0o755); err != nil {
		return fmt.Errorf("--out %s: %w", pl.o.out, err)
	}
	for _, name := range pl.files {
		if err := os.Rename(filepath.Join(pl.stage, name), filepath.Join(pl.o.out, name)); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(pl.o.out, name), err)
		}
	}
	return nil
}

// cleanup removes the staging directory (after publish it is empty).
func (pl *planner) cleanup() {
	if pl.stage != "" {
		os.RemoveAll(pl.stage)
	}
}

// planPoint converts a point of the sweep for the report.
func planPoint(p headcount.Point) report.HeadcountPoint {
	q := p.Total
	if len(p.Queues) > 0 {
		q = p.Queues[0]
	}
	return report.HeadcountPoint{Agents: p.Agents, FTE: p.FTE, PaidHoursPerWeek: p.PaidHoursPerWeek,
		CostPerWeek: p.CostPerWeek, CostPerYear: p.CostPerYear,
		ServiceLevel: est(q.ServiceLevel), ASASeconds: est(q.ASA), AbandonRate: est(q.AbandonRate), PMeet: p.PMeet}
}

func est(e sim.Estimate) report.Estimate {
	return report.Estimate{Mean: e.Mean, Low: e.Low, High: e.High, N: e.N}
}

// planSummary is what summary.json holds and --format json prints.
type planSummary struct {
	Source       string         `json:"source"`
	Start        time.Time      `json:"start"`
	Days         int            `json:"days"`
	Interval     string         `json:"interval"`
	SLA          string         `json:"sla"`
	SLAGoal      float64        `json:"sla_goal"`
	SLATarget    float64        `json:"sla_target_seconds"`
	Model        string         `json:"model"`
	Shrinkage    float64        `json:"shrinkage"`
	AHTSeconds   float64        `json:"aht_seconds"`
	HoursPerFTE  float64        `json:"hours_per_fte"`
	HourlyCost   float64        `json:"hourly_cost"`
	Currency     string         `json:"currency"`
	Forecast     planForecast   `json:"forecast"`
	Requirements planReqs       `json:"requirements"`
	Roster       planRoster     `json:"roster"`
	Simulation   report.Summary `json:"simulation"`
	Headcount    planHeadcount  `json:"headcount"`
	// Today is the current roster over the headcount week at forecast
	// volume; null when there is none.
	Today      *report.HeadcountPoint `json:"today"`
	TodayLabel string                 `json:"today_label"`
	Lines      []string               `json:"lines"`
	Files      []string               `json:"files"`
	// ElapsedSeconds is the wall-clock time of the whole plan.
	ElapsedSeconds float64 `json:"elapsed_seconds"`
}

type planForecast struct {
	Method    string    `json:"method"`
	WAPE      *float64  `json:"wape"`
	Level     float64   `json:"level"`
	Start     time.Time `json:"start"`
	End       time.Time `json:"end"`
	Intervals int       `json:"intervals"`
	Contacts  float64   `json:"contacts"`
}

type planReqs struct {
	PeakAgents     int     `json:"peak_agents"`
	PeakScheduled  int     `json:"peak_scheduled_agents"`
	AgentHours     float64 `json:"agent_hours"`
	ScheduledHours float64 `json:"scheduled_agent_hours"`
	FTE            float64 `json:"fte"`
}

type planRoster struct {
	Agents           int     `json:"agents"`
	ShiftPatterns    int     `json:"shift_patterns"`
	PaidHoursPerWeek float64 `json:"paid_hours_per_week"`
	LowerBoundHours  float64 `json:"lower_bound_hours"`
	ShortIntervals   int     `json:"short_intervals"`
	MetInSimulation  bool    `json:"met_in_simulation"`
}

type planHeadcount struct {
	WeekStart  time.Time  `json:"week_start"`
	Confidence float64    `json:"confidence"`
	Cases      []planCase `json:"cases"`
}

type planCase struct {
	Name string `json:"name"`
	// Recommended is the smallest headcount meeting the SLA in at least
	// Confidence of simulated weeks; null when none of the sweep does.
	Recommended *report.HeadcountPoint  `json:"recommended"`
	Points      []report.HeadcountPoint `json:"points"`
}

// reportPlan is the headcount case as the report draws it.
func (pl *planner) reportPlan() *report.Plan {
	p := &report.Plan{Source: pl.source, Currency: pl.o.currency, HourlyCost: pl.hourly, HoursPerFTE: pl.o.hoursPerFTE,
		Goal: pl.sl.Goal, Target: pl.sl.Within, Confidence: float64(pl.o.confidence), Weeks: pl.replications, Week: pl.sweepAt, Steps: pl.steps}
	for _, c := range pl.curves {
		hc := report.HeadcountCase{Name: c.Case.Name, Smallest: c.Smallest}
		for _, pt := range c.Points {
			hc.Points = append(hc.Points, planPoint(pt))
		}
		p.Cases = append(p.Cases, hc)
	}
	if pl.todayPt != nil {
		t := planPoint(*pl.todayPt)
		p.Today, p.TodayLabel = &t, pl.todayLabel
	}
	p.Lines = pl.lines(p)
	return p
}

// lines are the plain-language sentences for a budget request.
func (pl *planner) lines(p *report.Plan) []string {
	money := func(x float64) string { return report.Money(p.Currency, x) }
	sla := report.SLAWords(p.Goal, p.Target)
	var out []string
	fc := p.Cases[0]
	rec, ok := fc.Recommended()
	if ok {
		out = append(out, fmt.Sprintf("Holding %s at forecast volume needs %s FTE (%s a year): %d agents on the roster in scenario.yaml, meeting the SLA in %s.",
			sla, fte1(rec.FTE), money(rec.CostPerYear), rec.Agents, report.WeeksWords(rec.PMeet, p.Weeks)))
	} else {
		out = append(out, fmt.Sprintf("No headcount up to %s FTE (%d agents) holds %s at forecast volume in %s; at that headcount the service level is %s.",
			fte1(rec.FTE), rec.Agents, sla, report.AtLeastWords(p.Confidence, p.Weeks), pctPM(rec.ServiceLevel)))
	}
	if t := p.Today; t != nil && p.TodayLabel == "optimised roster" {
		out = append(out, fmt.Sprintf("The optimised roster before scaling (%d agents, %s FTE, %s a year) gives a service level of %s at forecast volume (SLA met in %s, ASA %s).",
			t.Agents, fte1(t.FTE), money(t.CostPerYear), pctPM(t.ServiceLevel), report.WeeksWords(t.PMeet, p.Weeks), secsWords(t.ASASeconds.Mean)))
	} else if t != nil {
		s := fmt.Sprintf("At today's %s FTE the service level is %s (SLA met in %s, ASA %s)", fte1(t.FTE), pctPM(t.ServiceLevel), report.WeeksWords(t.PMeet, p.Weeks), secsWords(t.ASASeconds.Mean))
		if ok {
			switch d := rec.FTE - t.FTE; {
			case d > 0.05:
				s += fmt.Sprintf("; the plan adds %s FTE (%s a year).", fte1(d), money(rec.CostPerYear-t.CostPerYear))
			case d < -0.05:
				s += fmt.Sprintf("; the plan needs %s FTE fewer (%s a year less).", fte1(-d), money(t.CostPerYear-rec.CostPerYear))
			default:
				s += "; the plan keeps the headcount."
			}
		} else {
			s += "."
		}
		out = append(out, s)
	}
	var others []string
	for _, c := range p.Cases[1:] {
		r, ok := c.Recommended()
		at := "at the " + c.Name
		if strings.HasPrefix(c.Name, "+") {
			at = "at " + c.Name
		}
		if ok {
			others = append(others, fmt.Sprintf("%s it needs %s FTE (%s a year)", at, fte1(r.FTE), money(r.CostPerYear)))
		} else {
			others = append(others, fmt.Sprintf("%s even %s FTE is not enough", at, fte1(r.FTE)))
		}
	}
	if len(others) > 0 {
		s := others[0]
		for i, o := range others[1:] {
			if i == len(others)-2 {
				s += "; " + o
			} else {
				s += ", " + o
			}
		}
		out = append(out, "If volume runs high, "+s+".")
	}
	return out
}

func fte1(x float64) string {
	s := strconv.FormatFloat(math.Round(x*10)/10, 'f', 1, 64)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s
}

// pctPM writes an estimate as "71% ± 3%".
func pctPM(e report.Estimate) string {
	if !e.Defined() {
		return "undefined (no contacts)"
	}
	s := fmt.Sprintf("%.0f%%", 100*e.Mean)
	if e.N > 1 {
		s += fmt.Sprintf(" ± %.0f%%", math.Max(100*(e.High-e.Low)/2, 0.5))
	}
	return s
}

// summary assembles the plan's summary.
func (pl *planner) summary() *planSummary {
	rp := pl.reportPlan()
	pl.plan = rp
	s := &planSummary{Source: pl.source, Start: pl.start, Days: pl.days, Interval: quantity.FormatDuration(pl.fc.Interval),
		SLA: pl.sl.String(), SLAGoal: pl.sl.Goal, SLATarget: pl.sl.Within.Seconds(), Model: pl.model.String(),
		Shrinkage: pl.shrinkage, AHTSeconds: pl.aht.Seconds(), HoursPerFTE: pl.o.hoursPerFTE, HourlyCost: pl.hourly,
		Currency: pl.o.currency, Lines: rp.Lines, Today: rp.Today, TodayLabel: pl.todayLabel}
	s.Forecast = planForecast{Method: pl.fc.Method, Level: pl.fc.Level, Start: pl.fc.Start, End: pl.fc.End(),
		Intervals: pl.fc.Len(), Contacts: total(pl.fc.Arrivals)}
	if best, ok := bestScore(pl.bt); ok && best.Method == pl.fc.Method {
		w := best.WAPE
		s.Forecast.WAPE = &w
	}
	s.Requirements = planReqs{PeakAgents: pl.reqSum.PeakAgents, PeakScheduled: pl.reqSum.PeakScheduled,
		AgentHours: pl.reqSum.AgentHours, ScheduledHours: pl.reqSum.ScheduledHours, FTE: pl.reqSum.FTE}
	s.Roster = planRoster{Agents: pl.roster.Agents, ShiftPatterns: len(pl.roster.Shifts), PaidHoursPerWeek: pl.roster.PaidHours,
		LowerBoundHours: pl.roster.LowerBound, ShortIntervals: len(pl.roster.Short), MetInSimulation: pl.rosterRep != nil && pl.rosterRep.Met}
	s.Simulation = pl.run.Summary
	s.Headcount = planHeadcount{WeekStart: pl.sweepAt, Confidence: float64(pl.o.confidence)}
	for _, c := range rp.Cases {
		pc := planCase{Name: c.Name, Points: c.Points}
		if r, ok := c.Recommended(); ok {
			pc.Recommended = &r
		}
		s.Headcount.Cases = append(s.Headcount.Cases, pc)
	}
	return s
}

// write stages the remaining files (intervals, summary, headcount, charts,
// report) and publishes the directory.
func (pl *planner) write(s *planSummary) error {
	defer pl.cleanup()
	hc, err := report.HeadcountCharts(pl.plan)
	if err != nil {
		return err
	}
	pl.plan.Charts = hc
	var charts []report.Chart
	if p, err := forecastPlot(pl.series, pl.fc, nil); err == nil {
		charts = append(charts, report.NewChart("forecast", "Forecast", fmt.Sprintf("The last three weeks of history and the %s forecast, with its %.0f%% prediction band; the upper band is the second volume case of the headcount charts.", pl.fc.Method, 100*pl.fc.Level), p))
	} else {
		return err
	}
	if p, err := requirementsPlot(&pl.fc.Series, pl.reqs); err == nil {
		charts = append(charts, report.NewChart("requirements", "Agents required", "Agents Erlang needs on the phones in each interval of the horizon, and the agents to schedule once shrinkage is added; the roster covers the most any week needs.", p))
	} else {
		return err
	}
	runCharts, err := report.Charts(pl.run)
	if err != nil {
		return err
	}
	charts = append(charts, runCharts...)
	if err := pl.stageFile("intervals.csv", func(w io.Writer) error { return report.WriteIntervalsCSV(w, pl.run) }); err != nil {
		return err
	}
	if err := pl.stageFile("headcount.csv", func(w io.Writer) error { return writeHeadcountCSV(w, pl.plan) }); err != nil {
		return err
	}
	for _, c := range append(hc, charts...) {
		if err := pl.ctx.Err(); err != nil {
			return err
		}
		if err := pl.stageFile(c.Name+".png", func(w io.Writer) error { return c.Render(w, "png") }); err != nil {
			return err
		}
	}
	page := &report.Page{Title: "Staffing plan: " + pl.source, Runs: []*report.Run{pl.run}, Names: []string{"plan"}, Cheapest: -1,
		Charts: charts, Notes: notes(pl.run), Generated: "staffsim " + version + " plan · " + time.Now().UTC().Format("2006-01-02 15:04 MST"), Plan: pl.plan}
	if err := pl.stageFile("report.html", func(w io.Writer) error { return report.WriteHTML(w, page) }); err != nil {
		return err
	}
	s.Files = append(append([]string{}, pl.files...), "summary.json")
	s.ElapsedSeconds = time.Since(pl.t0).Seconds()
	if err := pl.stageFile("summary.json", func(w io.Writer) error { return writeJSON(w, s) }); err != nil {
		return err
	}
	if err := pl.ctx.Err(); err != nil {
		return err
	}
	if err := pl.publish(); err != nil {
		return err
	}
	pl.note("wrote %d files to %s (open %s) in %.1f s", len(pl.files), pl.o.out, filepath.Join(pl.o.out, "report.html"), time.Since(pl.t0).Seconds())
	return nil
}

var headcountColumns = []string{"case", "agents", "fte", "paid_hours_per_week", "cost_per_week", "cost_per_year",
	"service_level", "service_level_low", "service_level_high", "asa_seconds", "abandon_rate", "p_meet", "recommended"}

// writeHeadcountCSV writes one row per case and headcount.
func writeHeadcountCSV(w io.Writer, p *report.Plan) error {
	cw := csv.NewWriter(w)
	cw.Write(headcountColumns)
	opt := func(e report.Estimate, v float64) string {
		if !e.Defined() {
			return ""
		}
		return formatFloat(v)
	}
	for _, c := range p.Cases {
		for i, pt := range c.Points {
			cw.Write([]string{c.Name, strconv.Itoa(pt.Agents), formatFloat(pt.FTE), formatFloat(pt.PaidHoursPerWeek),
				formatFloat(pt.CostPerWeek), formatFloat(pt.CostPerYear),
				opt(pt.ServiceLevel, pt.ServiceLevel.Mean), opt(pt.ServiceLevel, pt.ServiceLevel.Low), opt(pt.ServiceLevel, pt.ServiceLevel.High),
				opt(pt.ASASeconds, pt.ASASeconds.Mean), opt(pt.AbandonRate, pt.AbandonRate.Mean), formatFloat(pt.PMeet),
				strconv.FormatBool(i == c.Smallest)})
		}
	}
	cw.Flush()
	return cw.Error()
}

// print writes the summary on stdout: a short table, or the JSON.
func (pl *planner) print(s *planSummary) error {
	if pl.o.format == formatJSON {
		return writeJSON(pl.s.out, s)
	}
	if pl.o.format == formatCSV {
		return writePlanCasesCSV(pl.s.out, pl.plan, pl.todayLabel)
	}
	w := pl.s.out
	p := pl.plan
	fmt.Fprintf(w, "Staffing plan for %s: %d days from %s, SLA %s\n\n", s.Source, s.Days, s.Start.Format("Mon 02 Jan 2006"), report.SLAWords(p.Goal, p.Target))
	for _, l := range p.Lines {
		fmt.Fprintf(w, "  %s\n", l)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "case\tFTE needed\tagents\tSL\tP(meet in a week)\tpaid h/week\tcost/year\t\n")
	for _, c := range p.Cases {
		r, ok := c.Recommended()
		need := fte1(r.FTE)
		if !ok {
			need = "> " + need
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%.0f%%\t%.0f\t%s\t\n", c.Name, need, r.Agents, pctPM(r.ServiceLevel), 100*r.PMeet, r.PaidHoursPerWeek, report.Money(p.Currency, r.CostPerYear))
	}
	if t := p.Today; t != nil {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%.0f%%\t%.0f\t%s\t\n", pl.todayLabel, fte1(t.FTE), t.Agents, pctPM(t.ServiceLevel), 100*t.PMeet, t.PaidHoursPerWeek, report.Money(p.Currency, t.CostPerYear))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nReport: %s\n", filepath.Join(pl.o.out, "report.html"))
	return err
}

// planCaseColumns are the columns of plan --format csv: one row per volume
// case at its recommended headcount (met false: the largest headcount
// tried, which does not meet the SLA), then today's roster.
var planCaseColumns = []string{"case", "fte_needed", "agents", "service_level", "service_level_low", "service_level_high",
	"p_meet", "paid_hours_per_week", "cost_per_year", "met"}

// writePlanCasesCSV writes the case table of the summary in full
// precision; an undefined service level (no contacts) is left empty.
func writePlanCasesCSV(w io.Writer, p *report.Plan, todayLabel string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(planCaseColumns); err != nil {
		return err
	}
	row := func(name string, pt report.HeadcountPoint, met bool) error {
		sl, lo, hi := "", "", ""
		if e := pt.ServiceLevel; e.Defined() {
			sl, lo, hi = formatFloat(e.Mean), formatFloat(e.Low), formatFloat(e.High)
		}
		return cw.Write([]string{name, formatFloat(pt.FTE), strconv.Itoa(pt.Agents), sl, lo, hi,
			formatFloat(pt.PMeet), formatFloat(pt.PaidHoursPerWeek), formatFloat(pt.CostPerYear), strconv.FormatBool(met)})
	}
	for _, c := range p.Cases {
		r, ok := c.Recommended()
		if err := row(c.Name, r, ok); err != nil {
			return err
		}
	}
	if t := p.Today; t != nil {
		if err := row(todayLabel, *t, t.PMeet >= p.Confidence); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
