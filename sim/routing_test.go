package sim

import (
	"context"
	"testing"
	"time"
)

// Reserved agents for a queue of its own are an independent M/M/k: the
// reserved queue's service level, ASA and occupancy are Erlang C's for its
// k agents and its own traffic, whatever the rest of the desk does — and
// the generalists (default skills) never take it.
func TestReservedIsItsOwnErlangC(t *testing.T) {
	t.Parallel()
	const k = 4
	aht := 3 * time.Minute
	perHour := 60.0 // a = 3 erlangs on 4 agents
	a := perHour * aht.Hours()
	want := erlangCMeasures(k, a, aht.Seconds(), 20)
	cfg := Config{
		Start: testStart, Horizon: 74 * time.Hour, Warmup: 2 * time.Hour,
		Queues: []Queue{
			{Name: "vip", Priority: 1, Arrivals: Arrivals{PerHour: perHour}, HandleTime: Exponential(aht), SLATarget: 20 * time.Second},
			{Name: "rest", Priority: 2, Arrivals: Arrivals{PerHour: 200}, HandleTime: Exponential(4 * time.Minute), SLATarget: 20 * time.Second},
		},
		Shifts: []Shift{
			{Name: "vip desk", Always: true, Agents: k, Reserved: []string{"vip"}},
			{Name: "generalists", Always: true, Agents: 30}, // default skills: everything but vip
		},
		Replications: 24, Seed: 5,
	}
	r := run(t, cfg)
	s := r.Summary.Queues[0]
	near(t, "reserved SL", s.ServiceLevel, want.sl, k, 0.02)
	near(t, "reserved ASA", s.ASA, want.asa, k, 0.1*want.asa)
	near(t, "reserved occupancy", s.Occupancy, want.occ, k, 0.01)
}

// An overflow threshold: no contact of the queue is answered by a
// non-primary agent before it has waited the threshold, and primary
// agents answer at any wait; without the threshold, non-primary agents do
// answer sooner (so the check can fail).
func TestOverflowThreshold(t *testing.T) {
	t.Parallel()
	const threshold = 30 * time.Second
	cfg := func(over time.Duration) Config {
		return Config{
			Start: testStart, Horizon: 12 * time.Hour,
			Queues: []Queue{
				{Name: "a", Priority: 1, Arrivals: Arrivals{PerHour: 90}, HandleTime: Exponential(4 * time.Minute),
					Patience: Exponential(3 * time.Minute), SLATarget: 20 * time.Second, OverflowAfter: over},
				{Name: "b", Priority: 1, Arrivals: Arrivals{PerHour: 60}, HandleTime: Exponential(4 * time.Minute), SLATarget: 20 * time.Second},
				// No demand: it only tells the two teams' skill sets apart.
				{Name: "c", Priority: 1, HandleTime: Exponential(time.Minute)},
			},
			Shifts: []Shift{
				{Name: "a team", Always: true, Agents: 5, Skills: []string{"a", "b"}},
				{Name: "b team", Always: true, Agents: 5, Skills: []string{"b", "a", "c"}},
			},
			Replications: 3, Seed: 8,
		}
	}
	check := func(over time.Duration) (early, primary, late int) {
		c := cfg(over)
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		m := compileModel(&c)
		for rep := range m.reps {
			e := newEngine(m)
			e.observe = func(qi, g int32, wait time.Duration) {
				switch {
				case qi != 0:
				case m.groups[g].primary == 0 || (over == 0 && m.shifts[0].group == g):
					primary++
				case wait < threshold:
					early++
				default:
					late++
				}
			}
			if err := e.run(context.Background(), rep); err != nil {
				t.Fatal(err)
			}
		}
		return early, primary, late
	}
	early, primary, late := check(threshold)
	t.Logf("with the threshold: %d answered by primary agents, %d by others after %v, %d by others sooner", primary, late, threshold, early)
	if early != 0 || primary == 0 || late == 0 {
		t.Errorf("with overflow_after %v: %d contacts answered by non-primary agents before it (want 0), %d by primary agents, %d by others after it (want both > 0)", threshold, early, primary, late)
	}
	early, _, _ = check(0)
	if early == 0 {
		t.Errorf("without a threshold no non-primary agent answered within %v: the check above cannot fail", threshold)
	}
}
