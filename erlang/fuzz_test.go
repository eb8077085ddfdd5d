package erlang

import (
	"math"
	"testing"
)

// FuzzEvaluate checks the invariants for any finite input: no error other
// than the documented ones, every figure finite and in range, 0 ≤ C ≤ 1,
// and SL never falls when an agent is added.
func FuzzEvaluate(f *testing.F) {
	f.Add(uint8(1), 14, 10.0, 180.0, 300.0, 20.0)
	f.Add(uint8(0), 1, 0.5, 1.0, 1.0, 0.0)
	f.Add(uint8(2), 1000, 1100.0, 240.0, 60.0, 30.0)
	f.Add(uint8(2), 3, 1e4, 10.0, 1e-3, 1e6)
	f.Add(uint8(1), 100000, 99999.0, 300.0, 1.0, 1.0)
	f.Fuzz(func(t *testing.T, model uint8, n int, a, aht, patience, target float64) {
		if n < 0 || n > 200_000 || !(a >= 0 && a <= 200_000) || !(aht > 1e-3 && aht < 1e6) ||
			!(patience > 1e-3 && patience < 1e7) || !(target >= 0 && target < 1e7) {
			t.Skip()
		}
		q := Queue{Model: Model(model % 3), Rate: a / aht, AHT: aht, Patience: patience}
		if c := C(n, q.Traffic()); !(c >= 0 && c <= 1) {
			t.Fatalf("C(%d, %v) = %v", n, q.Traffic(), c)
		}
		r, err := q.Evaluate(n, target)
		if err != nil {
			return // unstable Erlang C or a documented limit
		}
		if !finiteNonNeg(r) {
			t.Fatalf("%+v", r)
		}
		r2, err := q.Evaluate(n+1, target)
		if err != nil {
			t.Fatalf("n+1 failed after n succeeded: %v", err)
		}
		if r2.ServiceLevel < r.ServiceLevel-1e-9 || math.IsNaN(r2.ServiceLevel) {
			t.Fatalf("SL fell from %v to %v adding an agent: %+v", r.ServiceLevel, r2.ServiceLevel, q)
		}
	})
}

// FuzzAgents checks the solver: the answer meets every target and one
// agent fewer does not.
func FuzzAgents(f *testing.F) {
	f.Add(uint8(1), 10.0, 180.0, 300.0, 0.8, 20.0, 0.0, 0.0, 0.0)
	f.Add(uint8(2), 1000.0, 240.0, 120.0, 0.9, 30.0, 15.0, 0.85, 0.05)
	f.Add(uint8(0), 50.0, 60.0, 1.0, 0.99, 1.0, 0.0, 0.0, 0.0)
	f.Add(uint8(1), 0.01, 600.0, 1.0, 0.5, 3600.0, 0.0, 0.3, 0.0)
	f.Fuzz(func(t *testing.T, model uint8, a, aht, patience, sl, within, asa, occ, ab float64) {
		m := Model(model % 3)
		if !(a > 0 && a <= 20_000) || !(aht > 1 && aht < 1e5) || !(patience > 1 && patience < 1e5) || !(within >= 0 && within < 1e5) {
			t.Skip()
		}
		if m != ModelA {
			ab = 0
		}
		tg := Targets{ServiceLevel: sl, Within: within, ASA: asa, MaxOccupancy: occ, MaxAbandon: ab}
		if tg.Validate(m) != nil || !tg.any() {
			t.Skip()
		}
		q := Queue{Model: m, Rate: a / aht, AHT: aht, Patience: patience}
		r, err := q.Agents(tg)
		if err != nil {
			return // documented: unmet within the search limit, or a series limit
		}
		if !finiteNonNeg(r) || !tg.Met(r) {
			t.Fatalf("%+v: answer %+v does not meet %+v", q, r, tg)
		}
		if r.Agents > 1 {
			prev, err := q.Evaluate(r.Agents-1, within)
			if err == nil && tg.Met(prev) {
				t.Fatalf("%+v: %d agents already meet %+v", q, r.Agents-1, tg)
			}
		}
	})
}
