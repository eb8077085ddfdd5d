package roster

import (
	"context"
	"math"
	"testing"
	"time"
)

// TestRelaxPostOffice checks the LP bound on the post-office problem of
// Winston, Operations Research: Applications and Algorithms (4th ed.,
// 2004), §3.5: employees work five consecutive days and have two off; the
// days Monday … Sunday need 17, 13, 15, 19, 14, 16, 11 employees. The LP
// optimum is z = 67/3 employees (x = 4/3, 10/3, 2, 22/3, 0, 10/3, 5 by
// first working day). Here an employee is a 24-hour shift on each working
// day, 120 paid hours a week, so the bound is 120·67/3 = 2,680 h. With a
// headcount limit of 22 the LP must leave at least 1/3 employee-day short:
// an optimal dual y of the unlimited LP has y_i ≤ 1 (the five y_i of a
// column sum to at most its cost, 1 employee), so 67/3 = rᵀy ≤ Σx + Σu ≤
// 22 + Σu; and the bound for rosters that cover as much stays ≤ 2,680 h.
func TestRelaxPostOffice(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC) // a Monday
	p := &Problem{Start: start, Interval: 24 * time.Hour, Required: []float64{17, 13, 15, 19, 14, 16, 11},
		Templates: []Template{{Name: "post", Length: 24 * time.Hour, Weeks: Patterns(5, true)}}}
	cases := []struct {
		name   string
		agents int
		want   float64 // paid hours
		tol    float64
	}{
		{"no limit", 0, 120 * 67.0 / 3, 2e-3},
		{"22 agents", 22, 120 * 67.0 / 3, math.Inf(1)}, // only ≤ is checked
	}
	for _, c := range cases {
		p.Limits.Agents = c.agents
		cols := p.columns()
		if len(cols) != 7 {
			t.Fatalf("%s: %d columns, want the 7 five-day patterns", c.name, len(cols))
		}
		rel, err := p.relax(context.Background(), cols, coverableRows(p, cols, func(int) bool { return true }), true)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if rel.paidHours > c.want+1e-9 || c.want-rel.paidHours > c.tol {
			t.Errorf("%s: bound %v h, want %v h (−%v, +0)", c.name, rel.paidHours, c.want, c.tol)
		}
		if c.agents > 0 && rel.shortfall < 1.0/3-1e-4 {
			t.Errorf("%s: shortfall %v employee-days, want ≥ 1/3", c.name, rel.shortfall)
		}
	}
}
