package roster

import (
	"context"
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// sparseLP is a linear program in standard form
//
//	minimise cᵀz   subject to   A·z = b,  z ≥ 0
//
// with m rows, sparse columns A_j (rows ascending) and costs c_j, and a
// starting basis of unit columns: basis[r] is a column equal to e_r, so
// z_B = b ≥ 0 is feasible from the start and no phase I is needed.
type sparseLP struct {
	m     int
	rows  [][]int     // per column, the rows of its nonzeros
	vals  [][]float64 // per column, the nonzeros
	cost  []float64
	b     []float64
	basis []int
}

// lpSolution is an optimal basic solution of a sparseLP.
type lpSolution struct {
	z      []float64 // per column
	y      []float64 // per row: the simplex multipliers (duals), yᵀ = c_Bᵀ·B⁻¹
	pivots int
}

// Tolerances of simplex. Costs are paid hours (1–100 per column), the
// shortfall penalty a few hundred, coefficients in [0, 1].
const (
	lpOptTol   = 1e-9 // a reduced cost above −lpOptTol counts as ≥ 0
	lpPivotTol = 1e-9 // smallest entry of the entering column a pivot may use
	lpHarris   = 1e-9 // feasibility slack of the first pass of the ratio test
	// lpRefactor is the number of pivots between two fresh inversions of
	// the basis, which clear the rounding that the updates accumulate.
	lpRefactor = 100
)

// errLPPivots is returned when simplex exceeds its pivot budget.
var errLPPivots = errors.New("LP: pivot budget exhausted")

// simplex solves lp with the revised primal simplex method, keeping the
// basis inverse B⁻¹ as a dense m×m matrix (Chvátal, Linear Programming,
// 1983, ch. 7):
//
//  1. the entering column q is the nonbasic column with a negative reduced
//     cost d_j = c_j − c_Bᵀ·B⁻¹·A_j that maximises d_j²/w_j (Devex
//     pricing, Forrest & Goldfarb 1992: fewer pivots than the most
//     negative d_j); if every d_j ≥ −lpOptTol the basis is optimal;
//  2. α = B⁻¹A_q, and the leaving row p by the two-pass ratio test of
//     Harris (1973): the bound θ_max = min_{α_r>0} (z_r + lpHarris)/α_r,
//     then among the rows with z_r/α_r ≤ θ_max the one with the largest
//     α_r, which keeps pivots away from tiny entries;
//  3. z_B ← z_B − θ·α with θ = z_p/α_p; the reduced costs and weights
//     are updated from the pivot row (row p of B⁻¹ times each sparse
//     column, O(nonzeros)), and B⁻¹ by the row operations that turn α
//     into e_p, O(m²).
//
// Every lpRefactor pivots, and before optimality is declared, B⁻¹ is
// recomputed from the basic columns, z_B = B⁻¹b from b, and the reduced
// costs from the multipliers yᵀ = c_Bᵀ·B⁻¹.
//
// Why not gonum's lp.Simplex: it refactorises the dense basis three times
// per pivot (O(m³)), prices with a dense copy of the nonbasic columns and
// picks the most negative reduced cost; on the week (210 rows, 584
// columns) it took 14 s, this takes 0.25 s (1,305 pivots, the same bound;
// BenchmarkWeekLP).
//
// Ties are broken by the lowest index and no step depends on time or on
// other goroutines, so the same lp gives the same pivots and the same
// bits. The pivot budget, 50·(m + columns), is a deterministic guard
// against cycling (relax perturbs b against degeneracy); ctx is checked
// every lpRefactor pivots.
func (lp *sparseLP) simplex(ctx context.Context) (lpSolution, error) {
	m, n := lp.m, len(lp.cost)
	basis := append([]int(nil), lp.basis...)
	inBasis := make([]bool, n)
	for _, j := range basis {
		inBasis[j] = true
	}
	binv := make([]float64, m*m)
	xb := make([]float64, m)
	if err := lp.invert(binv, xb, basis); err != nil {
		return lpSolution{}, err
	}
	y := make([]float64, m)
	alpha := make([]float64, m)
	rho := make([]float64, m)
	d := make([]float64, n) // reduced costs; 0 on the basis
	w := make([]float64, n) // Devex reference weights
	for j := range w {
		w[j] = 1
	}
	price := func() {
		lp.multipliers(y, binv, basis)
		for j := range n {
			d[j] = 0
			if !inBasis[j] {
				d[j] = lp.cost[j] - dot(y, lp.rows[j], lp.vals[j])
			}
		}
	}
	price()
	budget := 50 * (m + n)
	pivots := 0
	for ; ; pivots++ {
		if pivots > budget {
			return lpSolution{}, fmt.Errorf("%w (%d pivots, %d rows, %d columns)", errLPPivots, budget, m, n)
		}
		if pivots > 0 && pivots%lpRefactor == 0 {
			if err := ctx.Err(); err != nil {
				return lpSolution{}, err
			}
			if err := lp.invert(binv, xb, basis); err != nil {
				return lpSolution{}, err
			}
			price()
		}
		q := lp.entering(d, w, inBasis)
		if q < 0 {
			// Confirm with a fresh inverse and reduced costs, free of
			// the updates' rounding.
			if err := lp.invert(binv, xb, basis); err != nil {
				return lpSolution{}, err
			}
			price()
			if q = lp.entering(d, w, inBasis); q < 0 {
				break
			}
		}
		// α = B⁻¹A_q.
		clear(alpha)
		for k, r := range lp.rows[q] {
			v := lp.vals[q][k]
			for i := range m {
				alpha[i] += binv[i*m+r] * v
			}
		}
		thetaMax := math.Inf(1)
		for i, a := range alpha {
			if a > lpPivotTol {
				thetaMax = min(thetaMax, (max(xb[i], 0)+lpHarris)/a)
			}
		}
		if math.IsInf(thetaMax, 1) {
			return lpSolution{}, fmt.Errorf("LP: unbounded along column %d", q)
		}
		p := -1
		for i, a := range alpha {
			if a > lpPivotTol && max(xb[i], 0)/a <= thetaMax && (p < 0 || a > alpha[p]) {
				p = i
			}
		}
		ap := alpha[p]
		theta := max(xb[p], 0) / ap
		for i, a := range alpha {
			if a != 0 {
				xb[i] -= theta * a
			}
		}
		xb[p] = theta
		// Reduced costs and Devex weights from the pivot row α_pj = ρ·A_j,
		// ρ = row p of B⁻¹: d_j ← d_j − d_q·α_pj/α_pq and
		// w_j ← max(w_j, (α_pj/α_pq)²·w_q) (Forrest & Goldfarb 1992, §2).
		copy(rho, binv[p*m:(p+1)*m])
		dq, wq := d[q], w[q]
		for j := range n {
			if inBasis[j] || j == q {
				continue
			}
			apj := dot(rho, lp.rows[j], lp.vals[j])
			if apj == 0 {
				continue
			}
			r := apj / ap
			d[j] -= dq * r
			w[j] = max(w[j], r*r*wq)
		}
		leave := basis[p]
		d[leave], w[leave] = -dq/ap, max(wq/(ap*ap), 1)
		d[q] = 0
		// Row operations on B⁻¹: row p ← row p / α_p; row i ← row i − α_i·row p.
		rp := binv[p*m : (p+1)*m]
		inv := 1 / ap
		for k := range rp {
			rp[k] *= inv
		}
		for i, a := range alpha {
			if i != p && a != 0 {
				floats.AddScaled(binv[i*m:(i+1)*m], -a, rp)
			}
		}
		inBasis[leave], inBasis[q] = false, true
		basis[p] = q
	}
	// The loop ends on a fresh inverse, xb and y.
	z := make([]float64, n)
	for i, j := range basis {
		z[j] = max(xb[i], 0)
	}
	return lpSolution{z: z, y: y, pivots: pivots}, nil
}

// entering returns the nonbasic column with d_j < −lpOptTol that has the
// largest d_j²/w_j (Devex pricing: the steepest descent in the reference
// framework of the weights w), or −1 when there is none: the basis is
// optimal. Ties go to the lowest index.
func (lp *sparseLP) entering(d, w []float64, inBasis []bool) int {
	q, best := -1, 0.0
	for j, dj := range d {
		if inBasis[j] || dj >= -lpOptTol {
			continue
		}
		if s := dj * dj / w[j]; s > best {
			q, best = j, s
		}
	}
	return q
}

// dot returns Σ_k x[rows[k]]·vals[k].
func dot(x []float64, rows []int, vals []float64) float64 {
	s := 0.0
	for k, r := range rows {
		s += x[r] * vals[k]
	}
	return s
}

// multipliers sets yᵀ = c_Bᵀ·B⁻¹.
func (lp *sparseLP) multipliers(y, binv []float64, basis []int) {
	m := lp.m
	clear(y)
	for i, j := range basis {
		c := lp.cost[j]
		if c == 0 {
			continue
		}
		floats.AddScaled(y, c, binv[i*m:(i+1)*m])
	}
}

// invert sets binv to the inverse of the basis matrix B (columns basis)
// and xb to B⁻¹b.
func (lp *sparseLP) invert(binv, xb []float64, basis []int) error {
	m := lp.m
	B := mat.NewDense(m, m, nil)
	for i, j := range basis {
		for k, r := range lp.rows[j] {
			B.Set(r, i, lp.vals[j][k])
		}
	}
	inv := mat.NewDense(m, m, binv)
	if err := inv.Inverse(B); err != nil {
		var c mat.Condition
		if !errors.As(err, &c) || math.IsInf(float64(c), 1) {
			return fmt.Errorf("LP: basis matrix: %w", err)
		}
		// Ill-conditioned but usable: go on; the bound is checked
		// through the duals anyway (see relax).
	}
	for i := range m {
		s := 0.0
		for k, v := range binv[i*m : (i+1)*m] {
			s += v * lp.b[k]
		}
		xb[i] = s
	}
	return nil
}
