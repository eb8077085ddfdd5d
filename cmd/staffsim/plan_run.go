package main

import (
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
	iv := time.Duration(pl.o.interval)
	end := pl.series.End()
	pl.start = firstMidnight(end)
	until := pl.start.AddDate(0, 0, int(math.Ceil(time.Duration(pl.o.horizon).Hours()/24)))
	n := forecast.HorizonIntervals(until.Sub(end), iv)
	var fc *forecast.Forecast
	var bt *forecast.BacktestReport
	in, err := forecast.Prepare(pl.series, n, pl.holidays)
	if err == nil {
		fc, bt, err = forecast.Auto(in, forecast.Options{})
	}
	switch {
	case err != nil && isShort(err) && pl.series.Len() >= pl.series.SlotsPerDay():
		fc = meanDayForecast(pl.series, n, 0.8)
	case err != nil && isShort(err):
		return fmt.Errorf("%s: the history covers %s; plan needs at least a whole day of it (two weeks or more for a forecast that sees the weekly pattern)",
			pl.source, quantity.FormatDuration(time.Duration(pl.series.Len())*iv))
	case err != nil:
		return fmt.Errorf("%s: %w", pl.source, err)
	}
	if err := pl.ctx.Err(); err != nil {
		return err
	}
	pl.fc, pl.bt = fc, bt
	pl.days = wholeDays(pl.start, fc.End())
	if pl.days < 7 {
		return fmt.Errorf("%s: the forecast covers %d whole days from %s; plan needs a week", pl.source, pl.days, pl.start.Format("2006-01-02"))
	}
	acc := ""
	if best, ok := bestScore(bt); ok && best.Method == fc.Method {
		acc = fmt.Sprintf(" (backtest WAPE %.1f%%)", 100*best.WAPE)
	}
	how := "auto chose " + fc.Method + acc
	if bt == nil {
		how = fc.Method + " (too little history to backtest the methods)"
	}
	pl.note("forecast: %s, %d days from %s, %.0f contacts", how, pl.days, pl.start.Format("Mon 2006-01-02"), total(fc.Arrivals))
	if bt != nil {
		pl.steps = append(pl.steps, fmt.Sprintf("Forecast: every method was backtested on the last weeks of history; %s forecast the next %d days%s, with an %.0f%% prediction band.",
			fc.Method, pl.days, acc, 100*fc.Level))
	} else {
		pl.steps = append(pl.steps, fmt.Sprintf("Forecast: %s; %s forecast the next %d days with an %.0f%% prediction band.", strings.Join(fc.Notes, "; "), fc.Method, pl.days, 100*fc.Level))
	}
	for _, n := range fc.Notes {
		fmt.Fprintf(pl.s.err, "note: %s\n", n)
	}
	if total(fc.Arrivals) <= 0 {
		return fmt.Errorf("%s: the forecast has no contacts at all; check the history's dates and --tz", pl.source)
	}
	mean := meanAHT(fc)
	switch {
	case pl.o.aht > 0:
		pl.aht = time.Duration(pl.o.aht)
	case mean > 0:
		pl.aht = time.Duration(mean * float64(time.Second))
	default:
		return usagef("%s has no handle times: give the mean handle time with --aht, e.g. --aht 240s", pl.source)
	}
	pl.aht = max(time.Second, pl.aht.Round(time.Second))
	return nil
}

// requirements sizes every interval of the forecast with Erlang.
func (pl *planner) requirements() error {
	iv := pl.fc.Interval
	flat := 0.0
	if pl.o.aht > 0 {
		flat = time.Duration(pl.o.aht).Seconds()
	}
	opt := erlang.Options{Model: pl.model, Interval: iv, Patience: pl.patience.Seconds(), Shrinkage: pl.shrinkage}
	reqs, err := erlang.Requirements(planDemand(pl.fc, flat, pl.aht.Seconds()), pl.targets, opt)
	if err != nil {
		if ie, ok := err.(*erlang.IntervalError); ok {
			return fmt.Errorf("requirements: interval %s: %v", pl.fc.Time(ie.Index).Format(time.RFC3339), ie.Err)
		}
		return usageError{err}
	}
	pl.reqs = reqs
	pl.reqSum = erlang.Summarize(reqs, iv, pl.o.hoursPerFTE)
	pl.note("requirements: %s, AHT %s: peak %d agents on the phones (%d scheduled), %.1f FTE before rostering",
		pl.model, secsWords(pl.aht.Seconds()), pl.reqSum.PeakAgents, pl.reqSum.PeakScheduled, pl.reqSum.FTE)
	pl.steps = append(pl.steps, fmt.Sprintf("Requirements: %s per %s for %s (AHT %s, shrinkage %s): at most %d agents on the phones, %d scheduled; %.1f FTE if agents could be scheduled interval by interval.",
		pl.model, report.IntervalWords(iv), pl.targets, secsWords(pl.aht.Seconds()), pct(pl.shrinkage), pl.reqSum.PeakAgents, pl.reqSum.PeakScheduled, pl.reqSum.FTE))
	return nil
}

// buildRoster solves a weekly roster on the typical week of the horizon
// and checks it in simulation.
func (pl *planner) buildRoster() error {
	pl.sweepAt = sweepWeek(pl.start, pl.days)
	pl.week = typicalWeek(pl.fc, pl.reqs, pl.sweepAt)
	pl.problem = &roster.Problem{Start: pl.week.Start, Interval: pl.week.Interval, Required: pl.week.Scheduled,
		Templates: pl.templates.Templates, Limits: pl.templates.Limits}
	// The day-by-day LP bound (LPTime < 0) keeps the plan reproducible and
	// fast: a time-budgeted whole-week LP would make the roster depend on
	// the machine's speed. On the sample desk both give the same roster.
	r, err := roster.Solve(pl.ctx, pl.problem, roster.Options{LPTime: -1})
	if err != nil {
		return fmt.Errorf("roster: %w", err)
	}
	chk := roster.Check{Arrivals: pl.week.Arrivals, AHT: pl.aht, Target: pl.sl.Within, Goal: pl.sl.Goal,
		Shrinkage: pl.shrinkage, Replications: min(pl.replications, 10), Seed: pl.seed}
	r, rep, err := roster.Refine(pl.ctx, pl.problem, r, chk, roster.Options{LPTime: -1})
	if err != nil {
		return fmt.Errorf("roster: %w", err)
	}
	pl.roster, pl.rosterRep = r, rep
	weekly := r.PaidHours // the problem is one week
	pl.note("roster: %d agents on %d shift patterns, %.0f paid hours a week (LP bound before simulation %.0f), %d intervals short",
		r.Agents, len(r.Shifts), weekly, r.LowerBound, len(r.Short))
	met := "met"
	if !rep.Met {
		met = "not met in every interval"
	}
	pl.steps = append(pl.steps, fmt.Sprintf("Roster: %d agents on %d shift patterns (%.0f paid hours a week) cover a typical week — for each weekday and time slot the most agents any week of the horizon schedules — and were adjusted in %d simulation rounds (SLA %s).",
		r.Agents, len(r.Shifts), weekly, len(rep.Rounds), met))
	if len(r.Short) > 0 {
		fmt.Fprintf(pl.s.err, "note: the shift templates leave %d intervals of the typical week short by %.1f agent-hours in all; give --shifts with templates that reach them\n",
			len(r.Short), r.ShortHours(pl.problem.Interval))
	}

	ro := &rosterOptions{requirements: "forecast.csv", out: "scenario.yaml", sl: pl.sl, replications: pl.replications, seed: pl.seed}
	sc := rosterScenario(ro, pl.week, pl.templates, r)
	sc.Name = "plan"
	sc.Start, sc.Location, sc.Days = pl.start, pl.start.Location(), pl.days
	q := &sc.Queues[0]
	q.Name = planQueue
	q.Arrivals = scenarios.Arrivals{Forecast: "forecast.csv", Scale: 1}
	q.HandleTime = scenarios.Distribution{Kind: scenarios.LogNormal, Mean: pl.aht, CV: 1}
	if pl.patience > 0 {
		q.Patience = &scenarios.Distribution{Kind: scenarios.Exponential, Mean: pl.patience, CV: 1}
	}
	sc.Roster.Shrinkage = pl.shrinkage
	sc.Cost.Hourly = pl.hourly
	pl.scenario = sc
	return nil
}

// headcount sweeps the roster's headcount over one week at three volume
// cases, and simulates today's roster over the same week.
func (pl *planner) headcount() error {
	base := pl.deskConfig(pl.sweepAt, 7, simShifts(pl.scenario.Roster.Shifts))
	cases := []headcount.Case{
		{Name: "forecast"},
		{Name: fmt.Sprintf("upper band (%.0fth percentile)", 100*(1+pl.fc.Level)/2), Counts: [][]float64{pl.fc.Upper}},
		{Name: "+10% volume", Scale: 1.1},
	}
	opt := headcount.Options{Factors: planFactors, Confidence: float64(pl.o.confidence), HoursPerFTE: pl.o.hoursPerFTE, HourlyCost: pl.hourly}
	bar, done := progressFor(pl.s.err, "headcount")
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
	pl.curves = curves
	// scenario.yaml holds the recommended roster: the optimised shape at
	// the smallest headcount meeting the SLA at forecast volume.
	pl.rosterAgents = headcount.Agents(base.Shifts)
	if rec, ok := curves[0].Recommended(); ok && rec.Agents != pl.rosterAgents {
		scaled := headcount.ScaleTo(base.Shifts, rec.Agents)
		var kept []scenarios.Shift
		for i, sh := range pl.scenario.Roster.Shifts {
			if sh.Agents = scaled[i].Agents; sh.Agents > 0 {
				kept = append(kept, sh)
			}
		}
		pl.scenario.Roster.Shifts = kept
		pl.steps = append(pl.steps, fmt.Sprintf("Recommendation: the optimised roster scaled from %d to %d agents, the smallest headcount that met %s in %s at forecast volume; scenario.yaml holds it.",
			pl.rosterAgents, rec.Agents, pl.sl, report.AtLeastWords(float64(pl.o.confidence), pl.replications)))
	}
	for _, c := range curves {
		p, ok := c.Recommended()
		if ok {
			pl.note("headcount: %s: %d agents, %.1f FTE meet %s in %s", c.Case.Name, p.Agents, p.FTE, pl.sl, report.WeeksWords(p.PMeet, pl.replications))
		} else {
			pl.note("headcount: %s: not met in %s up to %d agents (%.1f FTE)", c.Case.Name, report.AtLeastWords(float64(pl.o.confidence), pl.replications), p.Agents, p.FTE)
		}
	}
	if pl.today == nil {
		// No current roster: the optimised one is the baseline.
		for _, pt := range curves[0].Points {
			if pt.Agents == headcount.Agents(base.Shifts) {
				pl.todayPt, pl.todayLabel = &pt, "optimised roster"
			}
		}
		return nil
	}
	shifts := simShifts(pl.today.Roster.Shifts)
	for i := range shifts {
		shifts[i].Skills = nil // the plan's desk has one queue
	}
	cfg := pl.deskConfig(pl.sweepAt, 7, shifts)
	res, err := sim.RunWith(pl.ctx, cfg, sim.Options{})
	if err != nil {
		return fmt.Errorf("%s: %w", pl.todayLabel, err)
	}
	pt := headcountPoint(res, headcount.Agents(shifts), float64(cfg.Horizon)/float64(7*24*time.Hour), pl.o.hoursPerFTE, pl.hourly)
	pl.todayPt = &pt
	sl := pt.Queues[0].ServiceLevel
	pl.note("today: %d agents, %.1f FTE: service level %.1f%% ± %.1f%%, SLA met in %s", pt.Agents, pt.FTE, 100*sl.Mean, 100*sl.HalfWidth(), report.WeeksWords(pt.PMeet, pl.replications))
	return nil
}

// secsWords writes seconds for people: 24 s, 4.5 min, 2.1 h.
func secsWords(s float64) string {
	switch {
	case s < 90:
		return fmt.Sprintf("%.0f s", s)
	case s < 90*60:
		return fmt.Sprintf("%.1f min", s/60)
	}
	return fmt.Sprintf("%.1f h", s/3600)
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
