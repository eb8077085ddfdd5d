package capacity

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/synth"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/headcount"
	"github.com/staffsim/staffsim/scenarios/plan"
	"github.com/staffsim/staffsim/scenarios/roster"
)

// deskOptions are plan's options for the test desks: Erlang C for 80/20s,
// 20 % shrinkage, the repository's shift templates.
func deskOptions(t *testing.T) plan.Options {
	t.Helper()
	tmpl, err := roster.ReadShifts("../../testdata/roster/shifts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sl := quantity.Target{Goal: 0.8, Within: 20 * time.Second}
	return plan.Options{Model: erlang.ModelC, Targets: erlang.Targets{ServiceLevel: sl.Goal, Within: sl.Within.Seconds()}, SL: sl,
		Shrinkage: 0.2, HoursPerFTE: 37.5, HourlyCost: 25, Currency: "£", Templates: tmpl, Replications: 4, Seed: 1, Confidence: 0.5}
}

// history generates days of synthetic history from start, growing trend a
// year, with every day's volume multiplied by peak(day).
func history(t *testing.T, start time.Time, days int, volume, trend float64, peak func(time.Time) float64) plan.Input {
	t.Helper()
	cfg := synth.Sample()
	cfg.Start, cfg.Days, cfg.DailyVolume, cfg.Trend = start, days, volume, trend
	s, err := synth.Series(context.Background(), cfg, 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	for i := range s.Arrivals {
		if f := peak(s.Time(i)); f != 1 {
			s.Arrivals[i] = math.Round(s.Arrivals[i] * f)
			s.HandleSeconds[i] *= f
			s.Handled[i] = math.Round(s.Handled[i] * f)
		}
	}
	hol := synth.HolidaysIn(cfg.Calendar(), forecast.DateOf(start), forecast.DateOf(start.AddDate(4, 0, 0)))
	return plan.Input{Series: s, Holidays: hol, Source: "generated history"}
}

// With no attrition, no growth and no learning curve, the first month's
// requirement is plan's: the same forecast, the same typical week, the
// same roster checked in the same simulation, the same paid hours → FTE.
func TestNoGrowthReproducesPlan(t *testing.T) {
	if testing.Short() {
		t.Skip("runs plan and capacity on eight weeks of history")
	}
	in := history(t, time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC), 56, 150, 0, func(time.Time) float64 { return 1 })
	popt := deskOptions(t)
	popt.Horizon = BaseHorizon
	pr, err := plan.Run(context.Background(), in, popt)
	if err != nil {
		t.Fatal(err)
	}
	want := headcount.Pay{HoursPerFTE: popt.HoursPerFTE, Hourly: popt.HourlyCost}.Of(pr.Roster.PaidHours).FTE
	zero := 0.0
	res, err := Run(context.Background(), in, Options{Plan: deskOptions(t), Months: 2, Growth: &zero, AHTGrowth: &zero,
		Supply: Supply{Headcount: int(math.Ceil(want)), LeadTime: 42 * 24 * time.Hour}})
	if err != nil {
		t.Fatal(err)
	}
	for m, n := range res.Needs {
		if n.Level != 1 || math.Abs(n.FTE-want) > 1e-9 {
			t.Errorf("%s: level %v, FTE %.6f; plan's roster needs %.6f FTE (%.1f paid hours a week)", res.Months[m].Label(), n.Level, n.FTE, want, pr.Roster.PaidHours)
		}
		if n.Agents != pr.Roster.Agents {
			t.Errorf("%s: %d agents on the roster, plan's has %d", res.Months[m].Label(), n.Agents, pr.Roster.Agents)
		}
	}
	// Without attrition the staff stays: enough people every month, no hire.
	if len(res.Plan.Classes) != 0 || res.Plan.FirstMiss >= 0 {
		t.Errorf("with %d people for %.2f FTE and no attrition: classes %v, first miss %d", int(math.Ceil(want)), want, res.Plan.Classes, res.Plan.FirstMiss)
	}
}

// On two years of generated history growing 15 % a year with a yearly
// peak in November and December, the plan meets the peak, and the people
// the peak needs beyond today's requirement were requisitioned at least
// the lead time plus training before it.
func TestPlanHiresAheadOfThePeak(t *testing.T) {
	if testing.Short() {
		t.Skip("runs capacity on two years of history")
	}
	peak := func(d time.Time) float64 {
		// +50 % at 1 December, half of it three weeks either side.
		doy := float64(d.YearDay())
		x := (doy - 335) / 25
		return 1 + 0.5*math.Exp(-x*x)
	}
	in := history(t, time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC), 2*364+7*8, 200, 0.15, peak)
	lead, training := 42*24*time.Hour, 28*24*time.Hour
	opt := Options{Plan: deskOptions(t), Months: 12, LevelStep: 0.1,
		Supply: Supply{Headcount: 0, Attrition: 0.02, LeadTime: lead, Training: training, Ramp: []float64{0.6, 0.8}}}
	// Today's staff: what the first month needs.
	res, err := Run(context.Background(), in, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Trend.Seasonal {
		t.Fatalf("two years of history gave no seasonality: %+v", res.Trend)
	}
	p := 0
	for m, n := range res.Needs {
		if n.FTE > res.Needs[p].FTE {
			p = m
		}
	}
	if mo := res.Months[p].Start.Month(); mo != time.November && mo != time.December {
		t.Fatalf("the largest requirement is in %s, want the November–December peak (needs %+v)", res.Months[p].Label(), res.Needs)
	}
	for m, n := range res.Needs {
		t.Logf("%s: volume level %.3f, %.0f contacts, %d agents, %.1f FTE", res.Months[m].Label(), n.Level, n.Contacts, n.Agents, n.FTE)
	}
	t.Logf("today %s; peak %s: %.1f FTE against %.1f in the first month", res.Today.Format(time.DateOnly), res.Months[p].Label(), res.Needs[p].FTE, res.Needs[0].FTE)
	// Staff today just covers the first month; the rest must be hired.
	// The requirements stay: plan again from them with that staff.
	opt.Supply.Headcount = int(math.Ceil(res.Needs[0].FTE)) + 2
	md := newModel(res.Months, opt.Supply, headcount.Pay{HoursPerFTE: opt.Plan.HoursPerFTE, Hourly: opt.Plan.HourlyCost}, res.Runs, opt.Plan.Seed)
	unmet, err := md.optimise(context.Background(), res.Needs, res.Target)
	if err != nil {
		t.Fatal(err)
	}
	h := md.outcome("recommended", res.Needs, res.Target)
	pm := h.Months[p]
	if pm.PMeet < res.Target {
		t.Fatalf("the plan misses the peak %s: P %.2f (unmet %v)", pm.Label(), pm.PMeet, unmet)
	}
	ahead := res.Months[p].Start.Add(-lead - training)
	early := 0
	for _, c := range h.Classes {
		t.Logf("class of %d: requisition %s, start %s", c.Size, c.Requisition(lead).Format(time.DateOnly), c.Start.Format(time.DateOnly))
		if !c.Requisition(lead).After(ahead) {
			early += c.Size
		}
		if c.Requisition(lead).Before(res.Today) {
			t.Errorf("class of %s: requisition %s is before today %s", c.Start.Format(time.DateOnly), c.Requisition(lead).Format(time.DateOnly), res.Today.Format(time.DateOnly))
		}
	}
	// Today's people still there at the peak's end, on average, are
	// H·(1−p)^(p+1); a hire gives at most 1 FTE: the gap is a lower bound
	// of the hires the peak needs, all trained before it.
	stay := float64(opt.Supply.Headcount) * math.Pow(1-opt.Supply.Attrition, float64(p+1))
	if gap := res.Needs[p].FTE - stay; float64(early) < gap || early == 0 {
		t.Errorf("hires requisitioned by %s (lead time + training before %s): %d, want at least the %.1f FTE gap at the peak",
			ahead.Format(time.DateOnly), res.Months[p].Label(), early, gap)
	}
}
