package roster

import (
	"context"
	"fmt"
	"math"
)

// relaxation is the solution of the LP relaxation.
type relaxation struct {
	x         []float64 // agents per column, real
	paidHours float64   // Σ c_j·x_j: the lower bound on paid hours
	shortfall float64   // Σ of the shortfall variables (agent-intervals)
	pivots    int       // simplex pivots
}

// penalty returns the cost of one agent-interval of shortfall: so large
// that the LP reduces shortfall before paid hours. A column whose smallest
// positive coverage is a covers a unit of shortfall for c/a paid hours;
// the penalty exceeds the largest such ratio tenfold.
func penalty(cols []column) float64 {
	worst := 1.0
	for _, c := range cols {
		for _, a := range c.coef {
			if r := c.cost / a; r > worst {
				worst = r
			}
		}
	}
	return 10 * worst
}

// relax solves the LP relaxation of the covering problem (simplex, see
// sparseLP.simplex). rows are the intervals with a positive requirement
// that some column covers.
//
// Standard form (min cᵀz, Az = b, z ≥ 0). For a coverage row i
//
//	Σ_j a_ij·x_j − s_i + u_i = r_i
//
// with surplus s_i ≥ 0 and shortfall u_i ≥ 0 (cost M = penalty(cols));
// for the headcount, the per-template maxima and the part-time share
//
//	Σ_j x_j + t = N,   Σ_{j∈T} x_j + t_T = max_T,
//	Σ_{part-time} (1−p)·x_j − Σ_{full-time} p·x_j + t_p = 0
//
// with slacks t ≥ 0; per-template minima are ≥ rows like coverage rows.
// When full is false the minima and the part-time share are left out (see
// blockBound).
//
// The shortfall and slack columns form an identity basis that is feasible
// from the start (u = r, t = N …), so no phase I is needed, and the LP is
// feasible whatever the templates and limits.
//
// Every right-hand side is relaxed by a tiny distinct amount (perturb):
// covering problems with integer demands are highly degenerate, and
// distinct right-hand sides break the ties of the ratio test that would
// otherwise stall the simplex on one vertex.
//
// # The bound, from the duals
//
// The bound is not the primal objective but a dual one, which is valid
// whatever the rounding and the perturbation (weak duality). The dual of
// the unperturbed LP is
//
//	maximise bᵀy  subject to  A_jᵀy ≤ c_j for every column x_j,
//	          0 ≤ y_r ≤ M on coverage and minimum rows (from s_r, u_r),
//	          y_r ≤ 0 on ≤ rows (from t_r).
//
// The simplex's multipliers y are clipped to those sign bounds and scaled
// by θ = max(1, max_j A_jᵀy / c_j), which makes every column constraint
// hold (all c_j > 0, and scaling y by 1/θ ≤ 1 keeps the sign bounds). Any
// feasible y gives bᵀy ≤ LP optimum ≤ paid + M·shortfall of any integer
// roster, so the bound on paid hours is bᵀy/θ − M·(the LP's shortfall):
// exact for a roster that leaves nothing short. At optimum θ = 1 to within
// the tolerances and bᵀy equals the LP's value (strong duality).
func (p *Problem) relax(ctx context.Context, cols []column, rows []int, full bool) (relaxation, error) {
	n := len(cols)
	rowOf := make(map[int]int, len(rows))
	for r, i := range rows {
		rowOf[i] = r
	}
	type limitRow struct {
		coef  []float64 // per column
		rhs   float64
		lower bool // ≥ row (surplus + shortfall) instead of ≤ (slack)
	}
	var limits []limitRow
	if p.Limits.Agents > 0 {
		l := limitRow{coef: make([]float64, n), rhs: float64(p.Limits.Agents)}
		for j := range cols {
			l.coef[j] = 1
		}
		limits = append(limits, l)
	}
	for k, t := range p.Templates {
		if t.Max == 0 && t.Min == 0 {
			continue
		}
		c := make([]float64, n)
		any := false
		for j, col := range cols {
			if col.tmpl == k {
				c[j], any = 1, true
			}
		}
		if !any {
			continue
		}
		if t.Max > 0 {
			limits = append(limits, limitRow{coef: c, rhs: float64(t.Max)})
		}
		if t.Min > 0 && full {
			limits = append(limits, limitRow{coef: c, rhs: float64(t.Min), lower: true})
		}
	}
	if s := p.Limits.PartTime; s > 0 && s < 1 && full {
		l := limitRow{coef: make([]float64, n)}
		for j, col := range cols {
			if p.Templates[col.tmpl].PartTime {
				l.coef[j] = 1 - s
			} else {
				l.coef[j] = -s
			}
		}
		limits = append(limits, l)
	}

	m := len(rows) + len(limits)
	M := penalty(cols)
	lp := &sparseLP{m: m, b: make([]float64, m), basis: make([]int, m)}
	rhs := make([]float64, m) // unperturbed
	geq := make([]bool, m)    // ≥ row: 0 ≤ y_r ≤ M; else y_r ≤ 0
	var short []int           // shortfall columns
	addCol := func(rows []int, vals []float64, cost float64) int {
		lp.rows = append(lp.rows, rows)
		lp.vals = append(lp.vals, vals)
		lp.cost = append(lp.cost, cost)
		return len(lp.cost) - 1
	}
	// Structural columns x_j first: z[:n] is the roster.
	for j, col := range cols {
		var rs []int
		var vs []float64
		for k, i := range col.rows {
			if r, ok := rowOf[i]; ok {
				rs, vs = append(rs, r), append(vs, col.coef[k])
			}
		}
		for k, l := range limits {
			if l.coef[j] != 0 {
				rs, vs = append(rs, len(rows)+k), append(vs, l.coef[j])
			}
		}
		addCol(rs, vs, col.cost)
	}
	for r, i := range rows {
		rhs[r], geq[r] = p.Required[i], true
	}
	for k, l := range limits {
		rhs[len(rows)+k], geq[len(rows)+k] = l.rhs, l.lower
	}
	for r := range m {
		if geq[r] {
			lp.b[r] = rhs[r] - perturb(r)
			addCol([]int{r}, []float64{-1}, 0)
			lp.basis[r] = addCol([]int{r}, []float64{1}, M)
			short = append(short, lp.basis[r])
		} else {
			lp.b[r] = rhs[r] + perturb(r)
			lp.basis[r] = addCol([]int{r}, []float64{1}, 0)
		}
	}
	sol, err := lp.simplex(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return relaxation{}, fmt.Errorf("LP relaxation: %w", context.Cause(ctx))
		}
		return relaxation{}, fmt.Errorf("LP relaxation (%d rows, %d columns): %w", m, len(lp.cost), err)
	}

	// The dual bound (see above).
	y := sol.y
	for r := range y {
		if geq[r] {
			y[r] = min(max(y[r], 0), M)
		} else {
			y[r] = min(y[r], 0)
		}
	}
	theta := 1.0
	for j := range cols {
		s := 0.0
		for k, r := range lp.rows[j] {
			s += y[r] * lp.vals[j][k]
		}
		theta = max(theta, s/lp.cost[j])
	}
	dual := 0.0
	for r, v := range y {
		dual += v * rhs[r]
	}
	dual /= theta
	var out relaxation
	out.x = sol.z[:n]
	out.pivots = sol.pivots
	penalised := 0.0
	for _, j := range short {
		penalised += sol.z[j]
	}
	for r := range rows {
		out.shortfall += sol.z[short[r]]
	}
	// Rounded down to 1e-3 h, which keeps it a lower bound.
	out.paidHours = max(0, math.Floor((dual-M*penalised)*1e3)/1e3)
	return out, nil
}

// perturb returns the relaxation of row r's right-hand side: distinct
// values in [1e-5, 2e-5) agents, which break the ties of the ratio test.
// It moves the primal solution (used only to start the integer search),
// not the bound, which relax computes from the unperturbed right-hand
// sides.
func perturb(r int) float64 { return perturbScale * (1 + float64((r*7919)%1000)/1000) }

const perturbScale = 1e-5
