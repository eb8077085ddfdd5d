package roster

import (
	"context"
	"math"
	"math/rand/v2"
	"sort"
)

// anneal improves s by simulated annealing on
//
//	f(x) = paid hours + W·shortfall   (W = 30 × the dearest paid hours per staffed agent-interval)
//
// with three moves: add an agent to a column, remove one, or move one to
// another column (a random one, or the same template at another start or
// on other days, or one start earlier or later). Each move costs
// O(intervals the column staffs) to try and undo. The temperature falls
// geometrically from 2 to 0.01 paid hours over iters moves (tuned on the
// week fixture of the tests: hotter or colder starts ended 1–2 % dearer);
// every iters/50 moves the current roster is repaired (greedy fill, prune)
// and kept when it is the best so far, since the annealed state itself
// may be a little short. The
// random stream is seeded, so results are reproducible. It returns the
// best roster seen (least shortfall, then fewest paid hours).
func (s *state) anneal(ctx context.Context, iters int, seed uint64) *state {
	n := len(s.cols)
	if n == 0 || iters <= 0 {
		return s
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	w := 0.0
	for _, c := range s.cols {
		sum := 0.0
		for _, a := range c.coef {
			sum += a
		}
		w = math.Max(w, c.cost/sum)
	}
	w *= 30
	// Columns of the same template, for neighbour moves.
	byTmpl := map[int][]int{}
	for j, c := range s.cols {
		byTmpl[c.tmpl] = append(byTmpl[c.tmpl], j)
	}
	// Columns of templates with the same name, length and days: the
	// same shift at other starts.
	type fam struct {
		name string
		len  int64
		week Week
	}
	byFam := map[fam][]int{}
	for j, c := range s.cols {
		t := &s.p.Templates[c.tmpl]
		k := fam{t.Name, int64(t.Length), c.week}
		byFam[k] = append(byFam[k], j)
	}
	famOf := make([][]int, n)
	posInFam := make([]int, n)
	for _, js := range byFam {
		sort.SliceStable(js, func(a, b int) bool {
			return s.p.Templates[s.cols[js[a]].tmpl].Start < s.p.Templates[s.cols[js[b]].tmpl].Start
		})
		for pos, j := range js {
			famOf[j], posInFam[j] = js, pos
		}
	}

	f := func() float64 { return s.paid + w*s.short }
	used := func() int {
		for range 64 {
			if j := rng.IntN(n); s.x[j] > 0 {
				return j
			}
		}
		for j := range s.x {
			if s.x[j] > 0 {
				return j
			}
		}
		return -1
	}
	best := s.clone()
	t0, t1 := 2.0, 0.01
	cool := math.Pow(t1/t0, 1/float64(iters))
	temp := t0
	checkEvery := max(iters/50, 1)
	for it := range iters {
		if it%4096 == 0 && ctx.Err() != nil {
			break
		}
		temp *= cool
		before := f()
		move := rng.IntN(10)
		switch {
		case move < 2: // add
			j := rng.IntN(n)
			if !s.canAdd(j) {
				continue
			}
			s.add(j, 1)
			if d := f() - before; d > 0 && rng.Float64() >= math.Exp(-d/temp) {
				s.add(j, -1)
			}
		case move < 4: // remove
			j := used()
			if j < 0 || !s.canRemove(j) {
				continue
			}
			s.add(j, -1)
			if d := f() - before; d > 0 && rng.Float64() >= math.Exp(-d/temp) {
				s.add(j, 1)
			}
		default: // move an agent
			j := used()
			if j < 0 || !s.canRemove(j) {
				continue
			}
			var k int
			switch r := rng.IntN(4); r {
			case 0:
				k = rng.IntN(n)
			case 1: // same shift, other days
				c := byTmpl[s.cols[j].tmpl]
				k = c[rng.IntN(len(c))]
			case 2: // same shift and days, another start
				c := famOf[j]
				k = c[rng.IntN(len(c))]
			default: // one start earlier or later
				c, pos := famOf[j], posInFam[j]+1-2*rng.IntN(2)
				if pos < 0 || pos >= len(c) {
					continue
				}
				k = c[pos]
			}
			if k == j {
				continue
			}
			s.add(j, -1)
			if !s.canAdd(k) {
				s.add(j, 1)
				continue
			}
			s.add(k, 1)
			if d := f() - before; d > 0 && rng.Float64() >= math.Exp(-d/temp) {
				s.add(k, -1)
				s.add(j, 1)
			}
		}
		if better(s.short, s.paid, best.short, best.paid) {
			best = s.clone()
		}
		if (it+1)%checkEvery == 0 || it == iters-1 {
			r := s.clone()
			r.fill(ctx)
			r.prune()
			if better(r.short, r.paid, best.short, best.paid) {
				best = r
			}
		}
	}
	return best
}
