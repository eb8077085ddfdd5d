package roster

import (
	"context"
	"testing"
	"time"
)

// BenchmarkWeek solves the acceptance case: 336 half-hours, 98 templates
// (584 weekly-pattern columns), before any simulation.
func BenchmarkWeek(b *testing.B) {
	start, req := weekRequirement(40)
	p := &Problem{Start: start, Interval: 30 * time.Minute, Required: req, Templates: benchTemplates()}
	var r *Roster
	for b.Loop() {
		var err error
		if r, err = Solve(context.Background(), p, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/solve")
	b.ReportMetric(100*r.Gap(), "gap-%")
	b.ReportMetric(r.PaidHours, "paid-h")
	b.ReportMetric(r.LowerBound, "bound-h")
	if r.Bound != WeekLP {
		b.Errorf("bound %v, want the week's LP", r.Bound)
	}
	// The LP alone (Solve runs it beside the search from a greedy cover).
	b.StopTimer()
	cols := p.columns()
	t0 := time.Now()
	if _, err := p.relax(context.Background(), cols, coverableRows(p, cols, func(int) bool { return true }), true); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(t0).Seconds(), "lp-s")
}

// BenchmarkWeekLP times the simplex on the whole week's LP.
func BenchmarkWeekLP(b *testing.B) {
	start, req := weekRequirement(40)
	p := &Problem{Start: start, Interval: 30 * time.Minute, Required: req, Templates: benchTemplates()}
	cols := p.columns()
	rows := coverableRows(p, cols, func(int) bool { return true })
	var rel relaxation
	for b.Loop() {
		var err error
		if rel, err = p.relax(context.Background(), cols, rows, true); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "lp-s")
	b.ReportMetric(rel.paidHours, "bound-h")
	b.ReportMetric(float64(rel.pivots), "pivots")
}

// BenchmarkFortnightLP times the simplex on two weeks of half-hours (420
// staffed rows; the second week busier and shifted by a day), the size
// of a fortnight's plan; the columns are still the 584 weekly patterns.
func BenchmarkFortnightLP(b *testing.B) {
	start, req := weekRequirement(40)
	_, busy := weekRequirement(55)
	req = append(req, append(busy[48:], busy[:48]...)...)
	p := &Problem{Start: start, Interval: 30 * time.Minute, Required: req, Templates: benchTemplates(),
		Limits: Limits{PartTime: 0.3}}
	cols := p.columns()
	rows := coverableRows(p, cols, func(int) bool { return true })
	var rel relaxation
	for b.Loop() {
		var err error
		if rel, err = p.relax(context.Background(), cols, rows, true); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "lp-s")
	b.ReportMetric(rel.paidHours, "bound-h")
	b.ReportMetric(float64(rel.pivots), "pivots")
	day, err := p.blockBound(context.Background(), cols)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(day.paidHours, "day-bound-h")
}

// BenchmarkDayLP times the day-by-day bound on the same case.
func BenchmarkDayLP(b *testing.B) {
	start, req := weekRequirement(40)
	p := &Problem{Start: start, Interval: 30 * time.Minute, Required: req, Templates: benchTemplates()}
	cols := p.columns()
	var rel relaxation
	for b.Loop() {
		var err error
		if rel, err = p.blockBound(context.Background(), cols); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)*1e3, "ms/solve")
	b.ReportMetric(rel.paidHours, "bound-h")
}

// BenchmarkWeekWithSimulation is the acceptance case end to end: Erlang
// requirement for 7 days × 48 half-hours, 98 templates, the optimiser and
// the simulation loop (10 replications a round).
func BenchmarkWeekWithSimulation(b *testing.B) {
	p, c := weekDemand(b, 250)
	var r, r0 *Roster
	var rep *SimReport
	for b.Loop() {
		var err error
		if r0, err = Solve(context.Background(), p, Options{}); err != nil {
			b.Fatal(err)
		}
		if r, rep, err = Refine(context.Background(), p, r0, c, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/solve")
	b.ReportMetric(100*r0.Gap(), "gap-before-sim-%")
	b.ReportMetric(100*r.Gap(), "gap-%")
	b.ReportMetric(float64(len(rep.Rounds)), "sim-rounds")
	if !rep.Met {
		b.Error("the roster does not meet the SLA in simulation")
	}
}
