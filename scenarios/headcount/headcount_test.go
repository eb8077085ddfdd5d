package headcount

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/staffsim/staffsim/sim"
)

func TestScaleToKeepsShapeAndTotal(t *testing.T) {
	t.Parallel()
	shifts := []sim.Shift{{Name: "a", Agents: 10}, {Name: "b", Agents: 5}, {Name: "c", Agents: 5}}
	// 10, 5, 5 scaled to 10: exact shares 5, 2.5, 2.5; floors 5, 2, 2 leave
	// one agent, which goes to the first of the tied remainders (b).
	got := ScaleTo(shifts, 10)
	want := []int{5, 3, 2}
	for i := range want {
		if got[i].Agents != want[i] {
			t.Errorf("ScaleTo(10, 5, 5 → 10): shift %d has %d agents, want %d", i, got[i].Agents, want[i])
		}
	}
	if shifts[0].Agents != 10 {
		t.Error("ScaleTo modified its input")
	}
	for n := 0; n <= 60; n++ {
		if a := Agents(ScaleTo(shifts, n)); a != n {
			t.Errorf("ScaleTo(…, %d) has %d agents", n, a)
		}
	}
}

// The worked example of Erlang C staffing that the erlang package is also
// tested on (100 calls per 30 minutes, AHT 180 s, 80 % answered within 20 s;
// e.g. Call Centre Helper, "Erlang C formula — made simple with an easy worked
// example"): 14 agents are the fewest that meet the target (SL ≈ 88.8 %),
// so 13 miss it. In steady state (one always-on shift, no abandonment) the
// sweep must therefore recommend 14 agents.
func TestSweepRecommendsErlangCStaffingInSteadyState(t *testing.T) {
	t.Parallel()
	base := sim.Config{
		Start:    time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC),
		Horizon:  24 * time.Hour,
		Interval: 30 * time.Minute,
		Warmup:   time.Hour,
		Queues: []sim.Queue{{
			Name: "phone", Arrivals: sim.Arrivals{PerHour: 200},
			HandleTime: sim.Exponential(180 * time.Second),
			SLATarget:  20 * time.Second, SLAGoal: 0.8,
		}},
		Shifts:       []sim.Shift{{Name: "all day", Always: true, Agents: 14}},
		Seed:         7,
		Replications: 20,
	}
	curves, err := Sweep(context.Background(), base, []Case{{Name: "forecast"}, {Name: "+10%", Scale: 1.1}},
		Options{Factors: []float64{12.0 / 14, 13.0 / 14, 1, 15.0 / 14}, HourlyCost: 30})
	if err != nil {
		t.Fatal(err)
	}
	if len(curves) != 2 || len(curves[0].Points) != 4 {
		t.Fatalf("got %d curves with %d points, want 2 × 4", len(curves), len(curves[0].Points))
	}
	rec, ok := curves[0].Recommended()
	if !ok || rec.Agents != 14 {
		t.Errorf("recommended %d agents (found %v), want 14; points %+v", rec.Agents, ok, pmeets(curves[0]))
	}
	sl := rec.Queues[0].ServiceLevel
	if math.Abs(sl.Mean-0.888) > 3*sl.HalfWidth()+0.01 {
		t.Errorf("SL at 14 agents = %.4f ± %.4f, want ≈ 0.888 (Erlang C)", sl.Mean, sl.HalfWidth())
	}
	// Paid hours: 14 agents × (24 h − 1 h warmup) = 322 h in 23/168 of a week.
	wantWeekly := 14 * 23.0 / (23.0 / 168)
	if math.Abs(rec.PaidHoursPerWeek-wantWeekly) > 1e-6*wantWeekly {
		t.Errorf("paid hours per week = %v, want %v", rec.PaidHoursPerWeek, wantWeekly)
	}
	if want := wantWeekly / 37.5; math.Abs(rec.FTE-want) > 1e-9 {
		t.Errorf("FTE = %v, want %v", rec.FTE, want)
	}
	// More volume never needs fewer agents.
	up, _ := curves[1].Recommended()
	if up.Agents < rec.Agents {
		t.Errorf("+10%% volume recommends %d agents, fewer than %d", up.Agents, rec.Agents)
	}
	for _, c := range curves {
		for i := 1; i < len(c.Points); i++ {
			if c.Points[i].Queues[0].ServiceLevel.Mean+1e-9 < c.Points[i-1].Queues[0].ServiceLevel.Mean {
				t.Errorf("%s: SL fell from %d to %d agents", c.Case.Name, c.Points[i-1].Agents, c.Points[i].Agents)
			}
		}
	}
}

func pmeets(c Curve) map[int]float64 {
	m := map[int]float64{}
	for _, p := range c.Points {
		m[p.Agents] = p.PMeet
	}
	return m
}

func TestSweepRejectsBadOptions(t *testing.T) {
	t.Parallel()
	base := sim.Config{Start: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Horizon: time.Hour,
		Queues: []sim.Queue{{Name: "q", Arrivals: sim.Arrivals{PerHour: 10}, HandleTime: sim.Fixed(time.Minute)}},
		Shifts: []sim.Shift{{Name: "s", Always: true, Agents: 2}}}
	for name, tc := range map[string]struct {
		cases []Case
		opt   Options
	}{
		"negative factor":  {nil, Options{Factors: []float64{-1}}},
		"NaN factor":       {nil, Options{Factors: []float64{math.NaN()}}},
		"confidence > 1":   {nil, Options{Confidence: 1.5}},
		"negative scale":   {[]Case{{Name: "x", Scale: -1}}, Options{}},
		"counts per queue": {[]Case{{Name: "x", Counts: [][]float64{nil, nil}}}, Options{}},
	} {
		if _, err := Sweep(context.Background(), base, tc.cases, tc.opt); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
	empty := base
	empty.Shifts = []sim.Shift{{Name: "s", Always: true}}
	if _, err := Sweep(context.Background(), empty, nil, Options{}); err == nil {
		t.Error("roster without agents: want an error")
	}
}

// A scaled-down roster keeps its one night agent: proportional shares of
// nine 1-agent day shifts and one night shift scaled to 8 round every
// shift to 0.8 and give the agents to the first eight (all day), leaving
// the night with nobody; ScaleTo moves one day agent to the night instead.
// Scaled to 1, one agent cannot cover both, and the total stays exact.
func TestScaleToKeepsSoleCover(t *testing.T) {
	t.Parallel()
	var shifts []sim.Shift
	for i := range 9 {
		shifts = append(shifts, sim.Shift{Name: fmt.Sprint("day", i), Start: 8 * time.Hour, Length: 8 * time.Hour, Agents: 1})
	}
	shifts = append(shifts, sim.Shift{Name: "night", Start: 22 * time.Hour, Length: 9 * time.Hour, Agents: 1})
	got := ScaleTo(shifts, 8)
	if got[9].Agents != 1 || Agents(got) != 8 {
		t.Errorf("scaled to 8: night has %d agents, total %d; want 1 and 8", got[9].Agents, Agents(got))
	}
	for n := 0; n <= 12; n++ {
		got := ScaleTo(shifts, n)
		if Agents(got) != n {
			t.Errorf("ScaleTo(…, %d) has %d agents", n, Agents(got))
		}
		if n >= 2 && got[9].Agents < 1 {
			t.Errorf("ScaleTo(…, %d): the night shift lost its agent", n)
		}
	}
	// An Always shift covers everything: the night adds nothing of its own.
	steady := []sim.Shift{{Name: "all", Always: true, Agents: 9}, shifts[9]}
	if got := ScaleTo(steady, 8); got[0].Agents+got[1].Agents != 8 {
		t.Errorf("steady: %+v", got)
	}
}

// TestScaleToHouseMonotone: one agent more never takes an agent from any
// shift (the Alabama paradox of largest-remainder shares, which made a
// sweep compare rosters that differ by more than the added agent), and at
// the roster's own headcount every shift has its own agents.
func TestScaleToHouseMonotone(t *testing.T) {
	t.Parallel()
	var shifts []sim.Shift
	for i, a := range []int{7, 1, 3, 1, 12, 2, 5, 1, 4} {
		shifts = append(shifts, sim.Shift{Name: fmt.Sprint("s", i), Start: time.Duration(5+2*i) * time.Hour, Length: 8 * time.Hour, Agents: a})
	}
	total := Agents(shifts)
	prev := ScaleTo(shifts, 0)
	for n := 1; n <= 2*total; n++ {
		got := ScaleTo(shifts, n)
		for i := range got {
			if got[i].Agents < prev[i].Agents {
				t.Fatalf("ScaleTo(…, %d): shift %d has %d agents, %d at %d agents", n, i, got[i].Agents, prev[i].Agents, n-1)
			}
		}
		if n == total {
			for i := range got {
				if got[i].Agents != shifts[i].Agents {
					t.Errorf("ScaleTo(…, %d) (the roster's own headcount): shift %d has %d agents, want %d", n, i, got[i].Agents, shifts[i].Agents)
				}
			}
		}
		prev = got
	}
}
