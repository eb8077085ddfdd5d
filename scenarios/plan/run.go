package plan

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/headcount"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/scenarios/roster"
	"github.com/staffsim/staffsim/sim"
)

// forecast forecasts the horizon with the best backtested method. The
// forecast runs to --horizon past the first midnight after the history,
// so that the simulation covers whole days.
func (pl *planner) forecast() error {
	usable, notes := forecast.Usable(pl.res.Series)
	for _, n := range notes {
		pl.warn("%s", n)
		pl.res.Steps = append(pl.res.Steps, "History: "+n+".")
	}
	pl.res.Series = usable
	iv := time.Duration(pl.res.Series.Interval)
	end := pl.res.Series.End()
	pl.res.Start = FirstMidnight(end)
	until := pl.res.Start.AddDate(0, 0, int(math.Ceil(time.Duration(pl.opt.Horizon).Hours()/24)))
	n := forecast.HorizonIntervals(until.Sub(end), iv)
	var fc *forecast.Forecast
	var bt *forecast.BacktestReport
	in, err := forecast.Prepare(pl.res.Series, n, pl.holidays)
	if err == nil {
		fc, bt, err = forecast.Auto(in, forecast.Options{})
	}
	switch {
	case err != nil && isShort(err) && pl.res.Series.Len() >= pl.res.Series.SlotsPerDay():
		fc = meanDayForecast(pl.res.Series, n, 0.8)
	case err != nil && isShort(err):
		return fmt.Errorf("%s: the history covers %s; plan needs at least a whole day of it (two weeks or more for a forecast that sees the weekly pattern)",
			pl.res.Source, quantity.FormatDuration(time.Duration(pl.res.Series.Len())*iv))
	case err != nil:
		return fmt.Errorf("%s: %w", pl.res.Source, err)
	}
	if err := pl.ctx.Err(); err != nil {
		return err
	}
	pl.res.Forecast, pl.res.Backtest = fc, bt
	pl.res.Days = wholeDays(pl.res.Start, fc.End())
	if pl.res.Days < 7 {
		return fmt.Errorf("%s: the forecast covers %d whole days from %s; plan needs a week", pl.res.Source, pl.res.Days, pl.res.Start.Format("2006-01-02"))
	}
	acc := ""
	if best, ok := bestScore(bt); ok && best.Method == fc.Method {
		acc = fmt.Sprintf(" (backtest WAPE %.1f%%)", 100*best.WAPE)
	}
	how := "auto chose " + fc.Method + acc
	if bt == nil {
		how = fc.Method + " (too little history to backtest the methods)"
	}
	pl.note("forecast: %s, %d days from %s, %.0f contacts", how, pl.res.Days, pl.res.Start.Format("Mon 2006-01-02"), total(fc.Arrivals))
	if bt != nil {
		pl.res.Steps = append(pl.res.Steps, fmt.Sprintf("Forecast: every method was backtested on the last weeks of history; %s forecast the next %d days%s, with an %.0f%% prediction band.",
			fc.Method, pl.res.Days, acc, 100*fc.Level))
	} else {
		pl.res.Steps = append(pl.res.Steps, fmt.Sprintf("Forecast: %s; %s forecast the next %d days with an %.0f%% prediction band.", strings.Join(fc.Notes, "; "), fc.Method, pl.res.Days, 100*fc.Level))
	}
	if pl.opt.AHT > 0 {
		// A note asking for --aht is moot when it was given.
		var kept []string
		for _, n := range fc.Notes {
			if !strings.Contains(n, "--aht") {
				kept = append(kept, n)
			}
		}
		fc.Notes = kept
	}
	for _, n := range fc.Notes {
		pl.warn("%s", n)
	}
	if total(fc.Arrivals) <= 0 {
		return fmt.Errorf("%s: the forecast has no contacts at all; check the history's dates and --tz", pl.res.Source)
	}
	mean := meanAHT(fc)
	switch {
	case pl.opt.AHT > 0:
		pl.res.AHT = time.Duration(pl.opt.AHT)
	case mean > 0:
		pl.res.AHT = time.Duration(mean * float64(time.Second))
	default:
		return inputErrorf("%s has no handle times: give the mean handle time with --aht, e.g. --aht 240s", pl.res.Source)
	}
	pl.res.AHT = max(time.Second, pl.res.AHT.Round(time.Second))
	pl.res.Desk = &scenarios.Desk{
		Forecast:     &pl.res.Forecast.Series,
		ForecastFile: "forecast.csv",
		AHT:          pl.res.AHT,
		AHTSeconds:   intervalAHT(pl.opt.AHT, fc),
		HandleCV:     pl.opt.HandleCV,
		Patience:     pl.opt.Patience,
		SLA:          scenarios.SLA{Target: pl.opt.SL.Within, Goal: pl.opt.SL.Goal},
		Shrinkage:    pl.opt.Shrinkage,
		Hourly:       pl.opt.HourlyCost,
		Currency:     pl.opt.Currency,
		Seed:         pl.opt.Seed,
		Replications: pl.opt.Replications,
	}
	return nil
}

// requirements sizes every interval of the forecast with Erlang.
func (pl *planner) requirements() error {
	iv := pl.res.Forecast.Interval
	flat := 0.0
	if pl.opt.AHT > 0 {
		flat = time.Duration(pl.opt.AHT).Seconds()
	}
	opt := erlang.Options{Model: pl.opt.Model, Interval: iv, Patience: pl.opt.Patience.Seconds(), Shrinkage: pl.opt.Shrinkage}
	demand, filled, err := erlang.DemandOf(pl.res.Forecast.Arrivals, pl.res.Forecast.AHTSeconds, flat)
	if err != nil {
		return inputErrorf("%s: %v: give the mean handle time with --aht", pl.res.Source, err)
	}
	if filled > 0 {
		pl.warn("forecast intervals with contacts but no AHT: %d, given the mean AHT of the others (%s)", filled, report.Seconds(meanAHT(pl.res.Forecast)))
	}
	reqs, err := erlang.Requirements(demand, pl.opt.Targets, opt)
	if err != nil {
		if ie, ok := err.(*erlang.IntervalError); ok {
			return fmt.Errorf("requirements: interval %s: %v", pl.res.Forecast.Time(ie.Index).Format(time.RFC3339), ie.Err)
		}
		return &InputError{err}
	}
	pl.res.Requirements = reqs
	pl.res.ReqSummary = erlang.Summarize(reqs, iv, pl.opt.HoursPerFTE)
	w := pl.res.Words
	pl.note("requirements: %s, AHT %s: peak %d %s %s (%d scheduled), %.1f FTE before rostering",
		pl.opt.Model, report.Seconds(pl.res.AHT.Seconds()), pl.res.ReqSummary.PeakAgents, w.Agents, w.Working, pl.res.ReqSummary.PeakScheduled, pl.res.ReqSummary.FTE)
	pl.res.Steps = append(pl.res.Steps, fmt.Sprintf("Requirements: %s per %s for %s (AHT %s, shrinkage %.1f%%): at most %d %s %s, %d scheduled; %.1f FTE if %s could be scheduled interval by interval.",
		pl.opt.Model, report.IntervalWords(iv), pl.opt.Targets, report.Seconds(pl.res.AHT.Seconds()), 100*pl.opt.Shrinkage, pl.res.ReqSummary.PeakAgents, w.Agents, w.Working, pl.res.ReqSummary.PeakScheduled, pl.res.ReqSummary.FTE, w.Agents))
	return nil
}

// buildRoster solves a weekly roster on the typical week of the horizon
// and checks it in simulation.
func (pl *planner) buildRoster() error {
	pl.res.SweepAt = sweepWeek(pl.res.Start, pl.res.Days)
	pl.res.Week = TypicalWeek(pl.res.Forecast, pl.res.Requirements, pl.res.SweepAt)
	p, r, rep, err := StaffWeek(pl.ctx, pl.res.Desk, pl.res.Week, pl.opt.Templates, pl.opt.Targets)
	if err != nil {
		return err
	}
	pl.res.Problem, pl.res.Roster, pl.res.RosterReport = p, r, rep
	weekly := r.PaidHours // the problem is one week
	pl.note("roster: %d "+pl.res.Words.Agents+" on %d shift patterns, %.0f paid hours a week (LP bound before simulation %.0f), %d intervals short",
		r.Agents, len(r.Shifts), weekly, r.LowerBound, len(r.Short))
	met := "met"
	if !rep.Met {
		met = "not met in every interval"
	}
	pl.res.Steps = append(pl.res.Steps, fmt.Sprintf("Roster: %d "+pl.res.Words.Agents+" on %d shift patterns (%.0f paid hours a week) cover a typical week — for each weekday and time slot the most agents any week of the horizon schedules — and were adjusted in %d simulation rounds (SLA %s).",
		r.Agents, len(r.Shifts), weekly, len(rep.Rounds), met))
	if len(r.Short) > 0 {
		pl.warn("the shift templates leave %d intervals of the typical week short by %.1f agent-hours in all; give --shifts with templates that reach them",
			len(r.Short), r.ShortHours(pl.res.Problem.Interval))
	}

	pl.res.Scenario = pl.res.Desk.Scenario("plan", pl.res.Start, pl.res.Days, scenarios.ShiftsOf(r.SimShifts(pl.res.Problem)))
	return nil
}

// StaffWeek is plan's staffing model of one typical week (TypicalWeek):
// a weekly roster from the templates covering the week's scheduled
// agents at the fewest paid hours (roster.Solve, no time budget), then
// checked and adjusted in simulation of desk over that week with at most
// 10 replications (roster.Refine) against the targets. Its paid hours a
// week, through headcount.Pay, are the week's FTE. staffsim capacity runs
// it on each month's typical week.
func StaffWeek(ctx context.Context, desk *scenarios.Desk, w *roster.Requirements, templates *roster.Shifts, targets erlang.Targets) (*roster.Problem, *roster.Roster, *roster.SimReport, error) {
	p := &roster.Problem{Start: w.Start, Interval: w.Interval, Required: w.Scheduled,
		Templates: templates.Templates, Limits: templates.Limits}
	// The week's LP bound has no time budget: the same roster on any machine.
	r, err := roster.Solve(ctx, p, roster.Options{})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("roster: %w", err)
	}
	week := *desk
	week.Forecast = &forecast.Series{Start: w.Start, Interval: w.Interval, Arrivals: w.Arrivals}
	week.Replications = min(desk.Replications, 10)
	cfg, err := week.Scenario("typical week", w.Start, 7, scenarios.ShiftsOf(r.SimShifts(p))).SimConfig()
	if err != nil {
		return nil, nil, nil, fmt.Errorf("roster: %w", err)
	}
	chk := roster.Check{Desk: cfg, Targets: targets}
	r, rep, err := roster.Refine(ctx, p, r, chk, roster.Options{})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("roster: %w", err)
	}
	return p, r, rep, nil
}

// deskConfig is the desk from start for days whole days staffed by
// shifts, as the simulator runs it: the one desk of every stage.
func (pl *planner) deskConfig(start time.Time, days int, shifts []scenarios.Shift) (sim.Config, error) {
	return pl.res.Desk.Scenario("plan", start, days, shifts).SimConfig()
}

// headcount sweeps the roster's headcount over one week at three volume
// cases, and simulates today's roster over the same week.
func (pl *planner) headcount() error {
	base, err := pl.deskConfig(pl.res.SweepAt, 7, pl.res.Scenario.Roster.Shifts)
	if err != nil {
		return err
	}
	// The desk's counts start at the sweep week; so does the upper band.
	first, _ := pl.res.Forecast.Index(pl.res.SweepAt)
	cases := []headcount.Case{
		{Name: "forecast"},
		{Name: fmt.Sprintf("upper band (%.0fth percentile)", 100*(1+pl.res.Forecast.Level)/2), Counts: [][]float64{pl.res.Forecast.Upper[first:]}},
		{Name: "+10% volume", Scale: 1.1},
	}
	opt := headcount.Options{Factors: planFactors, Confidence: float64(pl.opt.Confidence), HoursPerFTE: pl.opt.HoursPerFTE, HourlyCost: pl.opt.HourlyCost}
	bar, done := pl.progress("headcount")
	opt.Progress = bar
	curves, err := headcount.Sweep(pl.ctx, base, cases, opt)
	if err != nil {
		done()
		return err
	}
	// When the smallest headcount tried already meets the SLA, or the
	// largest does not at forecast volume, widen the range once.
	var more []float64
	switch {
	case curves[0].Smallest < 0:
		more = []float64{1.4, 1.5, 1.6, 1.8, 2}
	case anySmallestFirst(curves):
		more = []float64{0.5, 0.55, 0.6, 0.65, 0.7, 0.75}
	}
	if more != nil {
		opt.Factors = more
		extra, err := headcount.Sweep(pl.ctx, base, cases, opt)
		if err != nil {
			done()
			return err
		}
		curves = mergeCurves(curves, extra, opt.Confidence)
	}
	done()
	pl.res.Curves = curves
	// scenario.yaml holds the recommended roster: the optimised shape at
	// the smallest headcount meeting the SLA at forecast volume.
	pl.res.RosterAgents = headcount.Agents(base.Shifts)
	if rec, ok := curves[0].Recommended(); ok && rec.Agents != pl.res.RosterAgents {
		scaled := headcount.ScaleTo(base.Shifts, rec.Agents)
		var kept []scenarios.Shift
		for i, sh := range pl.res.Scenario.Roster.Shifts {
			if sh.Agents = scaled[i].Agents; sh.Agents > 0 {
				kept = append(kept, sh)
			}
		}
		pl.res.Scenario.Roster.Shifts = kept
		pl.res.Steps = append(pl.res.Steps, fmt.Sprintf("Recommendation: the optimised roster scaled from %d to %d "+pl.res.Words.Agents+", the smallest headcount that met %s in %s at forecast volume; scenario.yaml holds it.",
			pl.res.RosterAgents, rec.Agents, pl.opt.SL, report.AtLeastWords(float64(pl.opt.Confidence), pl.opt.Replications)))
	}
	for _, c := range curves {
		p, ok := c.Recommended()
		if ok {
			pl.note("headcount: %s: %d agents, %.1f FTE meet %s in %s", c.Case.Name, p.Agents, p.FTE, pl.opt.SL, report.WeeksWords(p.PMeet, pl.opt.Replications))
		} else {
			pl.note("headcount: %s: not met in %s up to %d agents (%.1f FTE)", c.Case.Name, report.AtLeastWords(float64(pl.opt.Confidence), pl.opt.Replications), p.Agents, p.FTE)
		}
	}
	if pl.opt.Today == nil {
		// No current roster: the optimised one is the baseline.
		for _, pt := range curves[0].Points {
			if pt.Agents == headcount.Agents(base.Shifts) {
				pl.res.Today, pl.res.TodayLabel = &pt, "optimised roster"
			}
		}
		return nil
	}
	shifts := append([]scenarios.Shift(nil), pl.opt.Today.Roster.Shifts...)
	for i := range shifts {
		shifts[i].Skills = nil // the plan's desk has one queue
	}
	cfg, err := pl.deskConfig(pl.res.SweepAt, 7, shifts)
	if err != nil {
		return fmt.Errorf("%s: %w", pl.res.TodayLabel, err)
	}
	res, err := sim.RunWith(pl.ctx, cfg, sim.Options{})
	if err != nil {
		return fmt.Errorf("%s: %w", pl.res.TodayLabel, err)
	}
	pt := opt.Point(res, cfg, headcount.Agents(cfg.Shifts))
	pl.res.Today = &pt
	sl := pt.Queues[0].ServiceLevel
	pl.note("today: %d agents, %.1f FTE: service level %.1f%% ± %.1f%%, SLA met in %s", pt.Agents, pt.FTE, 100*sl.Mean, 100*sl.HalfWidth(), report.WeeksWords(pt.PMeet, pl.opt.Replications))
	return nil
}

// bestScore is bt.Best, false when there was no backtest.
func bestScore(bt *forecast.BacktestReport) (forecast.Score, bool) {
	if bt == nil {
		return forecast.Score{}, false
	}
	return bt.Best()
}

// planFactors scale the optimised roster in the headcount sweep: −20 % to
// +30 % in steps of 5 %.
var planFactors = []float64{0.8, 0.85, 0.9, 0.95, 1, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3}

// anySmallestFirst reports whether a curve's smallest headcount already
// meets the SLA (so a smaller one might too).
func anySmallestFirst(curves []headcount.Curve) bool {
	for _, c := range curves {
		if c.Smallest == 0 {
			return true
		}
	}
	return false
}

// mergeCurves merges two sweeps of the same cases, points in increasing
// headcount (a headcount in both kept once), and finds each curve's
// smallest headcount meeting the confidence again.
func mergeCurves(a, b []headcount.Curve, confidence float64) []headcount.Curve {
	out := make([]headcount.Curve, len(a))
	for k := range a {
		seen := map[int]bool{}
		var pts []headcount.Point
		for _, p := range append(append([]headcount.Point{}, a[k].Points...), b[k].Points...) {
			if !seen[p.Agents] {
				seen[p.Agents] = true
				pts = append(pts, p)
			}
		}
		sort.Slice(pts, func(i, j int) bool { return pts[i].Agents < pts[j].Agents })
		c := headcount.Curve{Case: a[k].Case, Points: pts, Smallest: -1}
		for i, p := range pts {
			if p.PMeet >= confidence {
				c.Smallest = i
				break
			}
		}
		out[k] = c
	}
	return out
}

// intervalAHT is the desk's handle time per interval, as the requirements
// take it (erlang.DemandOf): the forecast's, unless a flat AHT was given
// (nil).
func intervalAHT(flat time.Duration, fc *forecast.Forecast) []float64 {
	if flat > 0 {
		return nil
	}
	return fc.AHTSeconds
}
