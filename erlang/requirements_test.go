package erlang

import (
	"errors"
	"math"
	"testing"
	"time"
)

func TestRequirements(t *testing.T) {
	t.Parallel()
	d := []Demand{{Arrivals: 0, AHT: 0}, {Arrivals: 100, AHT: 180}, {Arrivals: 100, AHT: 180}}
	reqs, err := Requirements(d, Targets{ServiceLevel: 0.8, Within: 20}, Options{Interval: 30 * time.Minute, Shrinkage: 0.3})
	if err != nil {
		t.Fatal(err)
	}
	// Interval 1 and 2 are the Call Centre Helper worked example: 14 agents, 20 scheduled.
	if reqs[0].Agents != 0 || reqs[0].Scheduled != 0 || reqs[0].ServiceLevel != 1 {
		t.Errorf("empty interval: %+v", reqs[0])
	}
	if reqs[1].Agents != 14 || reqs[1].Scheduled != 20 {
		t.Errorf("worked example: %d agents, %d scheduled; want 14, 20", reqs[1].Agents, reqs[1].Scheduled)
	}
	s := Summarize(reqs, 30*time.Minute, 37.5)
	if s.PeakAgents != 14 || s.PeakScheduled != 20 || s.AgentHours != 14 || s.ScheduledHours != 20 {
		t.Errorf("summary %+v", s)
	}
	// 1.5 h span = 1/112 week; 20 paid hours per 1.5 h = 1493.3 h/week = 39.82 FTE.
	if want := 20 / (1.5 / 168) / 37.5; math.Abs(s.FTE-want) > 1e-9 {
		t.Errorf("FTE %v, want %v", s.FTE, want)
	}
}

func TestRequirementsBadInput(t *testing.T) {
	t.Parallel()
	tg := Targets{ServiceLevel: 0.8, Within: 20}
	o := Options{Interval: 15 * time.Minute}
	for _, d := range [][]Demand{
		{{Arrivals: 10, AHT: 100}, {Arrivals: -1, AHT: 100}},
		{{Arrivals: 10, AHT: 100}, {Arrivals: math.NaN(), AHT: 100}},
		{{Arrivals: 10, AHT: 100}, {Arrivals: 10, AHT: 0}},
		{{Arrivals: 10, AHT: 100}, {Arrivals: 10, AHT: -3}},
	} {
		_, err := Requirements(d, tg, o)
		var ie *IntervalError
		if !errors.As(err, &ie) || ie.Index != 1 {
			t.Errorf("%+v: err %v, want an IntervalError for index 1", d, err)
		}
	}
	for _, c := range []struct {
		t Targets
		o Options
	}{
		{tg, Options{}},
		{tg, Options{Interval: time.Hour, Shrinkage: 1}},
		{tg, Options{Interval: time.Hour, Shrinkage: math.NaN()}},
		{Targets{ServiceLevel: 1.5, Within: 20}, o},
		{Targets{}, o},
		{Targets{MaxAbandon: 0.05}, o},
		{tg, Options{Model: ModelA, Interval: time.Hour}}, // no patience
	} {
		if _, err := Requirements([]Demand{{Arrivals: 10, AHT: 100}}, c.t, c.o); err == nil {
			t.Errorf("%+v: no error", c)
		}
	}
}

// TestDemandOf works the fill rule by hand: arrivals 10, 30, 0, 20 with
// AHT 100 s, 200 s, none, none. The weighted mean of the intervals with an
// AHT is (10·100 + 30·200) / 40 = 175 s; the empty interval needs none.
func TestDemandOf(t *testing.T) {
	t.Parallel()
	arr, aht := []float64{10, 30, 0, 20}, []float64{100, 200, 0, 0}
	d, filled, err := DemandOf(arr, aht, 0)
	if err != nil || filled != 1 {
		t.Fatalf("DemandOf: filled %d, err %v; want 1, nil", filled, err)
	}
	for i, want := range []float64{100, 200, 0, 175} {
		if d[i].AHT != want || d[i].Arrivals != arr[i] {
			t.Errorf("interval %d: %+v; want arrivals %v, AHT %v", i, d[i], arr[i], want)
		}
	}
	if d, filled, _ := DemandOf(arr, aht, 60); filled != 0 || d[3].AHT != 60 || d[0].AHT != 60 {
		t.Errorf("flat 60 s: %+v, filled %d; want 60 s everywhere, none filled", d, filled)
	}
	if _, _, err := DemandOf(arr, nil, 0); !errors.Is(err, ErrNoAHT) {
		t.Errorf("no AHT anywhere: err %v; want ErrNoAHT", err)
	}
}
