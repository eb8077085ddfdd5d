package roster

import (
	"context"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// relaxation is the solution of the LP relaxation.
type relaxation struct {
	x         []float64 // agents per column, real
	paidHours float64   // Σ c_j·x_j: the lower bound on paid hours
	shortfall float64   // Σ of the shortfall variables (agent-intervals)
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

// relax solves the LP relaxation of the covering problem with gonum's
// simplex. rows are the intervals with a positive requirement that some
// column covers.
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
// Every right-hand side is relaxed by a tiny distinct amount (perturb):
// covering problems with integer demands are highly degenerate, and on
// them gonum's simplex can pivot for ever without leaving a vertex (seen on
// a 31-row day). Relaxing keeps the result a lower bound; it moves it by
// less than 2e-5 agents per row times the row's dual (paid hours per
// agent-interval): a few hundredths of an hour on a week.
//
// The shortfall and slack columns form an identity basis that is feasible
// from the start (u = r, t = N …), which spares gonum its phase I — the
// search for a feasible basis, a condition-number test per column that
// costs far more than the solve itself — and keeps the LP feasible
// whatever the templates and limits.
func (p *Problem) relax(ctx context.Context, cols []column, rows []int, full bool) (rel relaxation, err error) {
	defer func() {
		if e := recover(); e != nil {
			if e == errLPStopped {
				rel, err = relaxation{}, fmt.Errorf("LP relaxation: %w", context.Cause(ctx))
				return
			}
			// gonum panics on inputs it deems malformed.
			rel, err = relaxation{}, fmt.Errorf("LP relaxation: %v", e)
		}
	}()
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

	nLower := 0
	for _, l := range limits {
		if l.lower {
			nLower++
		}
	}
	mRows := len(rows) + len(limits)
	// Columns: x (n) | per coverage row s, u (2·len(rows)) | per limit row:
	// slack t, or surplus s and shortfall u for ≥ rows.
	nVars := n + 2*len(rows) + len(limits) + nLower
	A := mat.NewDense(mRows, nVars, nil)
	c := make([]float64, nVars)
	b := make([]float64, mRows)
	basis := make([]int, mRows)
	M := penalty(cols)
	for j, col := range cols {
		c[j] = col.cost
		for k, i := range col.rows {
			if r, ok := rowOf[i]; ok {
				A.Set(r, j, col.coef[k])
			}
		}
	}
	v := n
	for r, i := range rows {
		b[r] = p.Required[i] - perturb(r)
		A.Set(r, v, -1)
		A.Set(r, v+1, 1)
		c[v+1] = M
		basis[r] = v + 1
		v += 2
	}
	for k, l := range limits {
		r := len(rows) + k
		if l.lower {
			b[r] = l.rhs - perturb(r)
		} else {
			b[r] = l.rhs + perturb(r)
		}
		for j, a := range l.coef {
			if a != 0 {
				A.Set(r, j, a)
			}
		}
		if l.lower {
			A.Set(r, v, -1)
			A.Set(r, v+1, 1)
			c[v+1] = M
			basis[r] = v + 1
			v += 2
		} else {
			A.Set(r, v, 1)
			basis[r] = v
			v++
		}
	}
	sa := &stoppable{a: A}
	defer sa.watch(ctx)()
	_, z, err := lp.Simplex(c, sa, b, 1e-9, basis)
	if err != nil {
		return relaxation{}, fmt.Errorf("LP relaxation (%d rows, %d columns): %w", mRows, nVars, err)
	}
	var out relaxation
	out.x = z[:n]
	for j := range cols {
		out.paidHours += cols[j].cost * z[j]
	}
	// The perturbation lowered the value by a few thousandths of an hour
	// at most; rounding to 1e-3 h absorbs most of it (paid hours of real
	// rosters are multiples of minutes).
	out.paidHours = math.Round(out.paidHours*1e3) / 1e3
	for r := range rows {
		out.shortfall += z[n+2*r+1]
	}
	return out, nil
}

// perturb returns the relaxation of row r's right-hand side: distinct
// values in [1e-5, 2e-5) agents, which break the ties of the ratio test
// (1e-7 sat too close to gonum's own tolerances and slowed it ten-fold).
func perturb(r int) float64 { return perturbScale * (1 + float64((r*7919)%1000)/1000) }

const perturbScale = 1e-5
