package roster

import (
	"context"
	"fmt"
	"time"
)

// BoundMethod says how the lower bound on paid hours was computed.
type BoundMethod int

const (
	// WeekLP is the LP relaxation of the whole problem.
	WeekLP BoundMethod = iota
	// DayLP is the sum of one LP relaxation per local day (see blockBound):
	// with Options.DayBound, or when the whole LP failed.
	DayLP
	// NoBound means the simplex failed on the day LPs too; LowerBound is 0.
	NoBound
)

func (m BoundMethod) String() string {
	switch m {
	case WeekLP:
		return "lp"
	case DayLP:
		return "lp-by-day"
	case NoBound:
		return "none"
	}
	return fmt.Sprintf("BoundMethod(%d)", int(m))
}

// blockBound returns a lower bound on the paid hours of any roster as the
// sum of the LP relaxations of the problem restricted to each local day's
// intervals.
//
// Why: it is the bound when Options.DayBound skips the whole horizon's
// LP, and the fallback when that LP fails (the simplex's pivot budget, a
// singular basis). Seven day LPs of the week fixture take about 10 ms
// together, the week's LP 0.14 s (BenchmarkDayLP, BenchmarkWeekLP).
//
// Validity: split each column's cost over the days in proportion to the
// coverage it gives on each, c_j = Σ_d c_jd. Any roster x feasible for the
// week is feasible for every day's problem (its rows are a subset; the
// headcount and per-template maxima hold for any subset of columns), and
// Σ_d c_dᵀx = cᵀx, so Σ_d LP_d ≤ LP ≤ the paid hours of x. Template minima
// and the part-time share, which need the whole week's columns, are left
// out of the day problems: dropping constraints keeps it a lower bound.
// On the week fixture of the tests the day bound is 0.4 % below the week's,
// but when demand differs from day to day (testdata/roster/
// requirements-247.csv: 1,175 h against 1,524 h) it is much weaker, since
// each day may pick its own shift starts.
func (p *Problem) blockBound(ctx context.Context, cols []column) (relaxation, error) {
	// Interval → block (local calendar day).
	m := len(p.Required)
	block := make([]int, m)
	var days []int
	last := ""
	for i := range m {
		d := p.Time(i).Format(time.DateOnly)
		if d != last {
			days = append(days, i)
			last = d
		}
		block[i] = len(days) - 1
	}
	var total relaxation
	for b := range days {
		if err := ctx.Err(); err != nil {
			return relaxation{}, err
		}
		var bc []column
		seen := map[string]bool{}
		for _, c := range cols {
			var in column
			in.tmpl, in.week = c.tmpl, c.week
			sum, sumIn, useful := 0.0, 0.0, false
			for k, i := range c.rows {
				sum += c.coef[k]
				if block[i] == b {
					sumIn += c.coef[k]
					in.rows = append(in.rows, i)
					in.coef = append(in.coef, c.coef[k])
					useful = useful || p.Required[i] > 0
				}
			}
			if !useful {
				continue
			}
			in.cost = c.cost * sumIn / sum
			key := fmt.Sprint(in.tmpl) + in.key()
			if seen[key] {
				continue
			}
			seen[key] = true
			bc = append(bc, in)
		}
		rows := coverableRows(p, bc, func(i int) bool { return block[i] == b })
		if len(rows) == 0 {
			continue
		}
		r, err := p.relax(ctx, bc, rows, false)
		if err != nil {
			return relaxation{}, fmt.Errorf("day %s: %w", p.Time(days[b]).Format(time.DateOnly), err)
		}
		total.paidHours += r.paidHours
		total.shortfall += r.shortfall
	}
	return total, nil
}

// coverableRows returns the intervals (among those keep accepts) with a
// positive requirement that at least one column staffs.
func coverableRows(p *Problem, cols []column, keep func(int) bool) []int {
	reach := make([]bool, len(p.Required))
	for _, c := range cols {
		for _, i := range c.rows {
			reach[i] = true
		}
	}
	var rows []int
	for i, r := range p.Required {
		if r > 0 && reach[i] && keep(i) {
			rows = append(rows, i)
		}
	}
	return rows
}
