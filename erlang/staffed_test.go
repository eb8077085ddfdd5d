package erlang

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"
)

// TestStaffingPublished evaluates the Call Centre Helper worked example
// (100 calls per 30 minutes, AHT 180 s; see TestWorkedExampleErlangC) at
// the 14 agents the example settles on: SL 88.8 % (0.8884 in the
// pyworkforce README), P(wait) 0.1741, ASA 7.8 s, occupancy 71.4 %.
func TestStaffingPublished(t *testing.T) {
	t.Parallel()
	d := []Demand{{Arrivals: 100, AHT: 180}, {Arrivals: 0}}
	got, err := Staffing(context.Background(), d, []float64{14, 3}, 20, Options{Model: ModelC, Interval: 30 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	s := got[0]
	for _, c := range []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"service level", s.ServiceLevel, 0.8884, tol4},
		{"P(wait)", s.ProbWait, 0.1741, tol4},
		{"occupancy", s.Occupancy, 0.7143, tol4},
		{"ASA", s.ASA, 7.8, 0.05},
		{"traffic", s.Traffic, 10, 1e-12},
	} {
		if !near(c.got, c.want, c.tol) {
			t.Errorf("%s = %v, want %v ± %v", c.name, c.got, c.want, c.tol)
		}
	}
	if s.Unstable || s.Arrivals != 100 {
		t.Errorf("got %+v", s)
	}
	if got[1].ServiceLevel != 1 || got[1].Agents != 3 {
		t.Errorf("no arrivals: %+v, want SL 1 at 3 agents", got[1])
	}
}

// TestAtInterpolates checks the documented reading of a fractional
// headcount (k agents for 1 − f of the time, k + 1 for f): per-contact
// figures interpolate linearly, ASA and occupancy are ratios of the
// interpolated totals, and a whole n is Evaluate.
func TestAtInterpolates(t *testing.T) {
	t.Parallel()
	for _, q := range []Queue{
		{Model: ModelC, Rate: 100.0 / 1800, AHT: 180},
		{Model: ModelA, Rate: 100.0 / 1800, AHT: 180, Patience: 120},
		{Model: ModelB, Rate: 100.0 / 1800, AHT: 180},
	} {
		lo, err1 := q.Evaluate(12, 20)
		hi, err2 := q.Evaluate(13, 20)
		mid, err3 := q.At(12.25, 20)
		whole, err4 := q.At(13, 20)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			t.Fatal(err)
		}
		ansLo, ansHi := 1-lo.Abandon-lo.Blocking, 1-hi.Abandon-hi.Blocking
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"SL", mid.ServiceLevel, 0.75*lo.ServiceLevel + 0.25*hi.ServiceLevel},
			{"P(wait)", mid.ProbWait, 0.75*lo.ProbWait + 0.25*hi.ProbWait},
			{"abandon", mid.Abandon, 0.75*lo.Abandon + 0.25*hi.Abandon},
			{"blocking", mid.Blocking, 0.75*lo.Blocking + 0.25*hi.Blocking},
			{"ASA", mid.ASA, (0.75*ansLo*lo.ASA + 0.25*ansHi*hi.ASA) / (0.75*ansLo + 0.25*ansHi)},
			{"occupancy", mid.Occupancy, (0.75*12*lo.Occupancy + 0.25*13*hi.Occupancy) / 12.25},
			{"whole n SL", whole.ServiceLevel, hi.ServiceLevel},
			{"whole n ASA", whole.ASA, hi.ASA},
		} {
			if math.Abs(c.got-c.want) > 1e-12 {
				t.Errorf("%v: %s = %v, want %v", q.Model, c.name, c.got, c.want)
			}
		}
		if !(lo.ServiceLevel <= mid.ServiceLevel && mid.ServiceLevel <= hi.ServiceLevel) {
			t.Errorf("%v: SL at 12.25 agents %v not between 12 (%v) and 13 (%v)", q.Model, mid.ServiceLevel, lo.ServiceLevel, hi.ServiceLevel)
		}
	}
}

// TestAtUnstable: Erlang C at or below the traffic (10 erlangs) is
// overloaded for some of the time: reported as unstable, with an
// infinite ASA and no NaN anywhere.
func TestAtUnstable(t *testing.T) {
	t.Parallel()
	q := Queue{Model: ModelC, Rate: 100.0 / 1800, AHT: 180}
	for _, c := range []struct {
		n      float64
		sl     float64 // the stable part's share of the interpolation, at most
		occMin float64
	}{{0, 0, 0}, {9, 0, 1}, {10, 0, 1}, {10.5, 1, 0.95}} {
		s, err := q.At(c.n, 20)
		if err != nil {
			t.Fatal(err)
		}
		if !s.Unstable || !math.IsInf(s.ASA, 1) || math.IsNaN(s.ServiceLevel) || s.ServiceLevel > c.sl*0.5 || s.ProbWait < 0.5 {
			t.Errorf("n=%v: %+v; want unstable, ASA +Inf, SL at most half of 11 agents'", c.n, s)
		}
		if c.n > 0 && s.Occupancy < c.occMin {
			t.Errorf("n=%v: occupancy %v, want ≥ %v", c.n, s.Occupancy, c.occMin)
		}
	}
	if s, err := q.At(10.5, 20); err == nil {
		r11, _ := q.Evaluate(11, 20)
		if math.Abs(s.ServiceLevel-0.5*r11.ServiceLevel) > 1e-12 {
			t.Errorf("SL at 10.5 = %v, want half of SL at 11 (%v): 0 in the overloaded half", s.ServiceLevel, r11.ServiceLevel)
		}
	}
	if _, err := q.At(-1, 20); err == nil {
		t.Error("negative agents: want an error")
	}
}

// TestStaffingErrors: mismatched lengths and bad intervals are errors.
func TestStaffingErrors(t *testing.T) {
	t.Parallel()
	o := Options{Model: ModelC, Interval: 30 * time.Minute}
	if _, err := Staffing(context.Background(), []Demand{{1, 100}}, nil, 20, o); err == nil {
		t.Error("no agents for one interval: want an error")
	}
	_, err := Staffing(context.Background(), []Demand{{1, 100}, {math.NaN(), 100}}, []float64{1, 1}, 20, o)
	var ie *IntervalError
	if !errors.As(err, &ie) || ie.Index != 1 {
		t.Errorf("NaN arrivals: got %v, want an *IntervalError for interval 1", err)
	}
}
