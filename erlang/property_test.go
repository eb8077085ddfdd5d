package erlang

import (
	"errors"
	"math"
	"testing"
)

// logB is an independent log-space reference for Erlang B:
// log B = n·ln a − lnΓ(n+1) − log Σ_{k=0..n} exp(k·ln a − lnΓ(k+1)).
func logB(n int, a float64) float64 {
	terms := make([]float64, n+1)
	m := math.Inf(-1)
	for k := 0; k <= n; k++ {
		lg, _ := math.Lgamma(float64(k) + 1)
		terms[k] = float64(k)*math.Log(a) - lg
		m = math.Max(m, terms[k])
	}
	var s float64
	for _, x := range terms {
		s += math.Exp(x - m)
	}
	return terms[n] - (m + math.Log(s))
}

func finiteNonNeg(r Result) bool {
	for _, v := range []float64{r.Traffic, r.Target, r.ServiceLevel, r.ProbWait, r.ASA, r.QueueLength, r.Occupancy, r.Abandon, r.Blocking} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return false
		}
	}
	return r.ServiceLevel <= 1 && r.ProbWait <= 1 && r.Occupancy <= 1 && r.Abandon <= 1 && r.Blocking <= 1
}

func TestBMatchesLogSpace(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		n int
		a float64
	}{{1, 0.5}, {10, 10}, {170, 150}, {171, 200}, {1000, 950}, {10_000, 10_000}, {100_000, 99_500}, {100_000, 100_000}, {50_000, 100_000}, {100_000, 1}} {
		got := B(c.n, c.a)
		want := math.Exp(logB(c.n, c.a))
		if math.IsNaN(got) || math.IsInf(got, 0) || math.Abs(got-want) > 1e-9*math.Max(want, 1e-300) && math.Abs(got-want) > 1e-300 {
			t.Errorf("B(%d, %v) = %v, log-space reference %v", c.n, c.a, got, want)
		}
	}
}

func TestLargeNFinite(t *testing.T) {
	t.Parallel()
	for _, m := range []Model{ModelB, ModelC, ModelA} {
		for _, c := range []struct {
			n int
			a float64
		}{{100_000, 99_000}, {100_000, 99_990}, {100_000, 100_000 - 1e-6}, {100_000, 10}, {100_001, 100_000}} {
			q := Queue{Model: m, Rate: c.a / 300, AHT: 300, Patience: 200}
			r, err := q.Evaluate(c.n, 20)
			if err != nil {
				t.Fatalf("%v n=%d a=%v: %v", m, c.n, c.a, err)
			}
			if !finiteNonNeg(r) {
				t.Errorf("%v n=%d a=%v: not finite or out of range: %+v", m, c.n, c.a, r)
			}
		}
	}
	// Erlang C at 100,000 agents against the log-space B.
	n, a := 100_000, 99_800.0
	b := math.Exp(logB(n, a))
	want := float64(n) * b / (float64(n) - a*(1-b))
	if got := C(n, a); math.Abs(got-want) > 1e-9*want {
		t.Errorf("C(%d, %v) = %v, log-space reference %v", n, a, got, want)
	}
}

func TestUnstable(t *testing.T) {
	t.Parallel()
	q := Queue{Model: ModelC, Rate: 12.0 / 60, AHT: 60}
	_, err := q.Evaluate(12, 20)
	var u *UnstableError
	if !errors.As(err, &u) || !errors.Is(err, ErrUnstable) || u.Agents != 12 {
		t.Fatalf("12 erlangs on 12 agents: err %v, want *UnstableError", err)
	}
	if c := C(12, 12); c != 1 {
		t.Errorf("C(12, 12) = %v, want 1", c)
	}
	// With abandonment the same load is stable.
	q.Model, q.Patience = ModelA, 120
	if r, err := q.Evaluate(10, 20); err != nil || !finiteNonNeg(r) {
		t.Errorf("Erlang A overloaded: %+v, %v", r, err)
	}
}

// SL never falls, and ASA, occupancy and abandonment never rise, when an
// agent is added.
func TestMonotoneInAgents(t *testing.T) {
	t.Parallel()
	for _, m := range []Model{ModelB, ModelC, ModelA} {
		for _, a := range []float64{0.3, 4, 10, 57.5, 400} {
			q := Queue{Model: m, Rate: a / 240, AHT: 240, Patience: 90}
			start := 1
			if m == ModelC {
				start = minStable(a)
			}
			prev, err := q.Evaluate(start, 20)
			if err != nil {
				t.Fatal(err)
			}
			for n := start + 1; n < start+int(6*math.Sqrt(a))+10; n++ {
				r, err := q.Evaluate(n, 20)
				if err != nil {
					t.Fatal(err)
				}
				const eps = 1e-12
				if r.ServiceLevel < prev.ServiceLevel-eps || r.ASA > prev.ASA+eps || r.Abandon > prev.Abandon+eps || r.ProbWait > prev.ProbWait+eps {
					t.Fatalf("%v a=%v: n=%d %+v after n=%d %+v", m, a, n, r, n-1, prev)
				}
				prev = r
			}
		}
	}
}

// Erlang A tends to Erlang C as patience grows.
func TestErlangATendsToC(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		n int
		a float64
	}{{14, 10}, {3, 2.5}, {120, 110}, {1000, 980}} {
		qc := Queue{Model: ModelC, Rate: c.a / 180, AHT: 180}
		rc, err := qc.Evaluate(c.n, 20)
		if err != nil {
			t.Fatal(err)
		}
		prevGap := math.Inf(1)
		for _, p := range []float64{1e3, 1e5, 1e7, 1e9} {
			qa := qc
			qa.Model, qa.Patience = ModelA, p
			ra, err := qa.Evaluate(c.n, 20)
			if err != nil {
				t.Fatal(err)
			}
			gap := math.Abs(ra.ServiceLevel-rc.ServiceLevel) + math.Abs(ra.ProbWait-rc.ProbWait) + math.Abs(ra.ASA-rc.ASA)/qc.AHT
			if gap > prevGap+1e-12 {
				t.Errorf("n=%d a=%v patience %v: gap %v grew from %v", c.n, c.a, p, gap, prevGap)
			}
			prevGap = gap
		}
		if prevGap > 1e-5 {
			t.Errorf("n=%d a=%v: Erlang A at patience 1e9 s is %v away from Erlang C", c.n, c.a, prevGap)
		}
	}
}

// Little's law and flow balance in Erlang A: θ·Lq = λ·P(abandon).
func TestErlangAFlowBalance(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		n      int
		a, pat float64
	}{{14, 10, 300}, {5, 9, 60}, {1000, 1100, 180}, {50, 20, 5}} {
		q := Queue{Model: ModelA, Rate: c.a / 180, AHT: 180, Patience: c.pat}
		r, err := q.Evaluate(c.n, 20)
		if err != nil {
			t.Fatal(err)
		}
		if lhs, rhs := r.QueueLength/c.pat, q.Rate*r.Abandon; math.Abs(lhs-rhs) > 1e-9*rhs {
			t.Errorf("%+v: θ·Lq = %v, λ·P(ab) = %v", c, lhs, rhs)
		}
	}
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	queues := []Queue{
		{Model: ModelC, Rate: 1, AHT: 0},
		{Model: ModelC, Rate: 1, AHT: -5},
		{Model: ModelC, Rate: -1, AHT: 10},
		{Model: ModelC, Rate: nan, AHT: 10},
		{Model: ModelC, Rate: 1, AHT: math.Inf(1)},
		{Model: ModelA, Rate: 1, AHT: 10},
		{Model: ModelA, Rate: 1, AHT: 10, Patience: nan},
		{Model: Model(9), Rate: 1, AHT: 10},
	}
	for _, q := range queues {
		if _, err := q.Evaluate(5, 20); err == nil {
			t.Errorf("Evaluate(%+v): no error", q)
		}
		if _, err := q.Agents(Targets{ServiceLevel: 0.8, Within: 20}); err == nil {
			t.Errorf("Agents(%+v): no error", q)
		}
	}
	q := Queue{Model: ModelC, Rate: 1, AHT: 10}
	for _, tg := range []Targets{
		{ServiceLevel: 1.2, Within: 20},
		{ServiceLevel: 1, Within: 20},
		{ServiceLevel: nan, Within: 20},
		{ServiceLevel: 0.8, Within: -1},
		{ASA: -3},
		{MaxOccupancy: 1.5},
		{MaxAbandon: 0.05}, // needs Erlang A
		{},                 // no target
	} {
		if _, err := q.Agents(tg); err == nil {
			t.Errorf("Agents(%+v): no error", tg)
		}
	}
	if _, err := q.Evaluate(-1, 20); err == nil {
		t.Error("Evaluate(-1): no error")
	}
	if _, err := q.Evaluate(5, nan); err == nil {
		t.Error("Evaluate(target NaN): no error")
	}
	// An occupancy cap so low that it needs more agents than the search allows.
	if _, err := (Queue{Model: ModelC, Rate: 1, AHT: 10}).Agents(Targets{MaxOccupancy: 1e-300}); !errors.Is(err, ErrTargetsUnmet) {
		t.Errorf("occupancy ≤ 1e-300: err %v, want ErrTargetsUnmet", err)
	}
	// A target that no headcount reaches in floating point.
	_, err := Queue{Model: ModelB, Rate: 1, AHT: 10}.Agents(Targets{ServiceLevel: 1 - 1e-17})
	if err == nil {
		t.Error("SL goal 1−1e-17: no error")
	}
}

func TestMaxTrafficInvertsAgents(t *testing.T) {
	t.Parallel()
	tg := Targets{ServiceLevel: 0.8, Within: 20}
	for _, m := range []Model{ModelC, ModelA} {
		q := Queue{Model: m, AHT: 180, Patience: 300}
		a, err := q.MaxTraffic(14, tg)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range []float64{a * (1 - 1e-6), a * (1 + 1e-6)} {
			q.Rate = x / q.AHT
			r, err := q.Agents(tg)
			if err != nil {
				t.Fatal(err)
			}
			if want := map[bool]int{true: 14, false: 15}[x < a]; r.Agents != want {
				t.Errorf("%v: traffic %v (capacity %v) needs %d agents, want %d", m, x, a, r.Agents, want)
			}
		}
	}
}
