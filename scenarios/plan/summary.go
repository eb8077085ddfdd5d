package plan

import (
	"fmt"
	"strings"
	"time"

	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/headcount"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/sim"
)

// simulate runs the recommended roster (the scenario scenario.yaml holds)
// over the horizon's whole days.
func (pl *planner) simulate() error {
	bar, done := pl.progress("simulate")
	out, err := scenarios.Run(pl.ctx, pl.res.Scenario, scenarios.Options{Progress: bar})
	done()
	if err != nil {
		return err
	}
	pl.res.Run, pl.res.RunResult = out.Report, out.Result
	q := out.Report.Summary.Queues[0]
	pl.note("simulate: %d days × %d replications: service level %.1f%% ± %.1f%%, ASA %s, occupancy %.1f%%",
		pl.res.Days, out.Result.Replications, 100*q.ServiceLevel.Mean, 100*(q.ServiceLevel.High-q.ServiceLevel.Low)/2,
		report.Seconds(q.ASASeconds.Mean), 100*out.Report.Summary.Occupancy.Mean)
	return nil
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

// Summary is what summary.json holds and --format json prints.
type Summary struct {
	Source       string              `json:"source"`
	Start        time.Time           `json:"start"`
	Days         int                 `json:"days"`
	Interval     string              `json:"interval"`
	SLA          string              `json:"sla"`
	SLAGoal      float64             `json:"sla_goal"`
	SLATarget    float64             `json:"sla_target_seconds"`
	Model        string              `json:"model"`
	Shrinkage    float64             `json:"shrinkage"`
	AHTSeconds   float64             `json:"aht_seconds"`
	HoursPerFTE  float64             `json:"hours_per_fte"`
	HourlyCost   float64             `json:"hourly_cost"`
	Currency     string              `json:"currency"`
	Forecast     SummaryForecast     `json:"forecast"`
	Requirements SummaryRequirements `json:"requirements"`
	Roster       SummaryRoster       `json:"roster"`
	Simulation   report.Summary      `json:"simulation"`
	Headcount    SummaryHeadcount    `json:"headcount"`
	// Today is the current roster over the headcount week at forecast
	// volume; null when there is none.
	Today      *report.HeadcountPoint `json:"today"`
	TodayLabel string                 `json:"today_label"`
	Lines      []string               `json:"lines"`
	// Files are the files of the plan's directory (set by whoever writes it).
	Files []string `json:"files"`
}

type SummaryForecast struct {
	Method    string    `json:"method"`
	WAPE      *float64  `json:"wape"`
	Level     float64   `json:"level"`
	Start     time.Time `json:"start"`
	End       time.Time `json:"end"`
	Intervals int       `json:"intervals"`
	Contacts  float64   `json:"contacts"`
}

type SummaryRequirements struct {
	PeakAgents     int     `json:"peak_agents"`
	PeakScheduled  int     `json:"peak_scheduled_agents"`
	AgentHours     float64 `json:"agent_hours"`
	ScheduledHours float64 `json:"scheduled_agent_hours"`
	FTE            float64 `json:"fte"`
}

type SummaryRoster struct {
	Agents           int     `json:"agents"`
	ShiftPatterns    int     `json:"shift_patterns"`
	PaidHoursPerWeek float64 `json:"paid_hours_per_week"`
	LowerBoundHours  float64 `json:"lower_bound_hours"`
	ShortIntervals   int     `json:"short_intervals"`
	MetInSimulation  bool    `json:"met_in_simulation"`
}

type SummaryHeadcount struct {
	WeekStart  time.Time     `json:"week_start"`
	Confidence float64       `json:"confidence"`
	Cases      []SummaryCase `json:"cases"`
}

type SummaryCase struct {
	Name string `json:"name"`
	// Recommended is the smallest headcount meeting the SLA in at least
	// Confidence of simulated weeks; null when none of the sweep does.
	Recommended *report.HeadcountPoint  `json:"recommended"`
	Points      []report.HeadcountPoint `json:"points"`
}

// reportPlan is the headcount case as the report draws it.
func (pl *planner) reportPlan() *report.Plan {
	p := &report.Plan{Source: pl.res.Source, Currency: pl.opt.Currency, HourlyCost: pl.opt.HourlyCost, HoursPerFTE: pl.opt.HoursPerFTE,
		Goal: pl.opt.SL.Goal, Target: pl.opt.SL.Within, Confidence: float64(pl.opt.Confidence), Weeks: pl.opt.Replications, Week: pl.res.SweepAt, Steps: pl.res.Steps,
		Quality: pl.res.Quality, Roster: pl.res.RosterTable, Words: pl.res.Words}
	for _, c := range pl.res.Curves {
		hc := report.HeadcountCase{Name: c.Case.Name, Smallest: c.Smallest}
		for _, pt := range c.Points {
			hc.Points = append(hc.Points, planPoint(pt))
		}
		p.Cases = append(p.Cases, hc)
	}
	if pl.res.Today != nil {
		t := planPoint(*pl.res.Today)
		p.Today, p.TodayLabel = &t, pl.res.TodayLabel
	}
	p.Lines = pl.lines(p)
	return p
}

// rosterTable is the recommended roster (scenario.yaml) as the report's
// table, each shift's contract from its template (roster.Template.PartTime).
func (pl *planner) rosterTable() *report.Roster {
	contract := map[string]string{}
	for _, s := range pl.res.Roster.Shifts {
		t := &pl.res.Problem.Templates[s.Template]
		c := "full-time"
		if t.PartTime {
			c = "part-time"
		}
		contract[t.Shift(s.Week, 0).Name] = c
	}
	return pl.res.Scenario.RosterTable("The recommended roster (scenario.yaml): shifts, "+pl.res.Words.Agents+" and breaks", pl.res.Words,
		func(name string) string { return contract[name] })
}

// lines are the plain-language sentences for a budget request: FTE and
// cost, the people on the roster (full- and part-time) and how many to
// hire, occupancy when it is low or high.
func (pl *planner) lines(p *report.Plan) []string {
	money := func(x float64) string { return report.Money(p.Currency, x) }
	sla := report.SLAWords(p.Goal, p.Target)
	w := pl.res.Words
	var out []string
	fc := p.Cases[0]
	rec, ok := fc.Recommended()
	if ok {
		people := fmt.Sprintf("%d %s", rec.Agents, w.Agents)
		if split := report.PeopleWords(pl.res.RosterTable); split != "" {
			people += " (" + split + ")"
		}
		out = append(out, fmt.Sprintf("Holding %s at forecast volume needs %s on the roster in scenario.yaml: %s FTE, %s a year; it meets the SLA in %s.",
			sla, people, report.FTEWords(rec.FTE), money(rec.CostPerYear), report.WeeksWords(rec.PMeet, p.Weeks)))
	} else {
		out = append(out, fmt.Sprintf("No headcount up to %s FTE (%d agents) holds %s at forecast volume in %s; at that headcount the service level is %s.",
			report.FTEWords(rec.FTE), rec.Agents, sla, report.AtLeastWords(p.Confidence, p.Weeks), report.PercentPM(rec.ServiceLevel)))
	}
	if t := p.Today; t != nil && p.TodayLabel == "optimised roster" {
		out = append(out, fmt.Sprintf("The optimised roster before scaling (%d %s, %s FTE, %s a year) gives a service level of %s at forecast volume (SLA met in %s, ASA %s).",
			t.Agents, w.Agents, report.FTEWords(t.FTE), money(t.CostPerYear), report.PercentPM(t.ServiceLevel), report.WeeksWords(t.PMeet, p.Weeks), report.Seconds(t.ASASeconds.Mean)))
	} else if t != nil {
		s := fmt.Sprintf("With today's %d %s (%s FTE) the service level is %s (SLA met in %s, ASA %s)", t.Agents, w.Agents, report.FTEWords(t.FTE), report.PercentPM(t.ServiceLevel), report.WeeksWords(t.PMeet, p.Weeks), report.Seconds(t.ASASeconds.Mean))
		if ok {
			s += "; " + hireWords(rec.Agents-t.Agents, rec.FTE-t.FTE, rec.CostPerYear-t.CostPerYear, w, money) + "."
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
			others = append(others, fmt.Sprintf("%s it needs %s FTE (%s a year)", at, report.FTEWords(r.FTE), money(r.CostPerYear)))
		} else {
			others = append(others, fmt.Sprintf("%s even %s FTE is not enough", at, report.FTEWords(r.FTE)))
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
	if pl.res.Run != nil {
		if s := report.OccupancyWords(pl.res.Run.Summary.Occupancy.Mean, w); s != "" && pl.res.Run.Summary.Occupancy.Defined() {
			out = append(out, s)
		}
	}
	return out
}

// hireWords says what the plan changes against today's roster, people
// first and FTE beside them: "hire 8 more agents (35 on the roster against
// 27 today), adding 2.8 FTE (£136 k a year)". People and FTE can move
// apart (part-time contracts, shorter shifts), so both are said.
func hireWords(people int, fte, cost float64, w report.Words, money func(float64) string) string {
	var s string
	switch {
	case people > 0:
		s = fmt.Sprintf("the plan hires %d more %s", people, w.Agents)
	case people < 0:
		s = fmt.Sprintf("the plan needs %d fewer %s", -people, w.Agents)
	default:
		s = fmt.Sprintf("the plan keeps the number of %s", w.Agents)
	}
	switch {
	case fte > 0.05:
		s += fmt.Sprintf(", adding %s FTE (%s a year)", report.FTEWords(fte), money(cost))
	case fte < -0.05:
		s += fmt.Sprintf(", %s FTE fewer (%s a year less)", report.FTEWords(-fte), money(-cost))
	default:
		s += ", at the same FTE"
	}
	if (people > 0 && fte < -0.05) || (people < 0 && fte > 0.05) {
		s += fmt.Sprintf(" (more %s on shorter or part-time contracts, or fewer on longer ones)", w.Agents)
	}
	return s
}

// summary assembles the plan's summary.
func (pl *planner) summary() *Summary {
	rp := pl.res.Plan
	s := &Summary{Source: pl.res.Source, Start: pl.res.Start, Days: pl.res.Days, Interval: quantity.FormatDuration(pl.res.Forecast.Interval),
		SLA: pl.opt.SL.String(), SLAGoal: pl.opt.SL.Goal, SLATarget: pl.opt.SL.Within.Seconds(), Model: pl.opt.Model.String(),
		Shrinkage: pl.opt.Shrinkage, AHTSeconds: pl.res.AHT.Seconds(), HoursPerFTE: pl.opt.HoursPerFTE, HourlyCost: pl.opt.HourlyCost,
		Currency: pl.opt.Currency, Lines: rp.Lines, Today: rp.Today, TodayLabel: pl.res.TodayLabel}
	s.Forecast = SummaryForecast{Method: pl.res.Forecast.Method, Level: pl.res.Forecast.Level, Start: pl.res.Forecast.Start, End: pl.res.Forecast.End(),
		Intervals: pl.res.Forecast.Len(), Contacts: total(pl.res.Forecast.Arrivals)}
	if best, ok := bestScore(pl.res.Backtest); ok && best.Method == pl.res.Forecast.Method {
		w := best.WAPE
		s.Forecast.WAPE = &w
	}
	s.Requirements = SummaryRequirements{PeakAgents: pl.res.ReqSummary.PeakAgents, PeakScheduled: pl.res.ReqSummary.PeakScheduled,
		AgentHours: pl.res.ReqSummary.AgentHours, ScheduledHours: pl.res.ReqSummary.ScheduledHours, FTE: pl.res.ReqSummary.FTE}
	s.Roster = SummaryRoster{Agents: pl.res.Roster.Agents, ShiftPatterns: len(pl.res.Roster.Shifts), PaidHoursPerWeek: pl.res.Roster.PaidHours,
		LowerBoundHours: pl.res.Roster.LowerBound, ShortIntervals: len(pl.res.Roster.Short), MetInSimulation: pl.res.RosterReport != nil && pl.res.RosterReport.Met}
	s.Simulation = pl.res.Run.Summary
	s.Headcount = SummaryHeadcount{WeekStart: pl.res.SweepAt, Confidence: float64(pl.opt.Confidence)}
	for _, c := range rp.Cases {
		pc := SummaryCase{Name: c.Name, Points: c.Points}
		if r, ok := c.Recommended(); ok {
			pc.Recommended = &r
		}
		s.Headcount.Cases = append(s.Headcount.Cases, pc)
	}
	return s
}
