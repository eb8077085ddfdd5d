package roster

import (
	"context"
	"testing"
	"time"
)

// TestRefineCannotMeet: a headcount limit too small for the SLA; Refine
// reports that the goal was not met and returns the roster, no error.
func TestRefineCannotMeet(t *testing.T) {
	t.Parallel()
	req := make([]float64, 48)
	arr := make([]float64, 48)
	for i := 18; i < 34; i++ {
		req[i], arr[i] = 3, 60 // 60 calls of 5 min per half-hour: 10 erlangs
	}
	p := &Problem{Start: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), Interval: 30 * time.Minute, Required: req,
		Templates: []Template{{Name: "day", Start: 9 * time.Hour, Length: 8 * time.Hour, Weeks: []Week{EveryDay}}},
		Limits:    Limits{Agents: 4}}
	r, err := Solve(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := deskCheck(arr, p.Interval, 5*time.Minute, 0, 3)
	c.Rounds = 3
	r2, rep, err := Refine(context.Background(), p, r, c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Met || r2.Agents > 4 || len(rep.Rounds) != 3 {
		t.Errorf("met %v with %d agents after %d rounds; want not met, ≤ 4 agents, 3 rounds", rep.Met, r2.Agents, len(rep.Rounds))
	}
}

func TestRefineBadCheck(t *testing.T) {
	t.Parallel()
	p := &Problem{Start: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), Interval: 30 * time.Minute, Required: make([]float64, 48),
		Templates: []Template{{Name: "day", Start: 9 * time.Hour, Length: 8 * time.Hour, Weeks: []Week{EveryDay}}}}
	r, err := Solve(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Refine(context.Background(), p, r, Check{}, Options{}); err == nil {
		t.Error("Refine accepted a check without a desk")
	}
}

// TestRefineKeepsEveryTarget: 60 contacts of 5 minutes per half-hour are
// 10 erlangs; 80 % within 20 s needs 14 agents (the Erlang C worked
// example the erlang package is tested on), and an occupancy cap of 70 %
// needs ⌈10 / 0.7⌉ = 15. The requirement is 15. The simulation meets the
// service level with 14, so a loop that checks only the service level
// removes the 15th agent and breaks the cap (and falls below the LP
// bound); Refine must keep it: the roster covers the requirement, its
// paid hours are at least the bound, and the simulation meets the goal.
func TestRefineKeepsEveryTarget(t *testing.T) {
	t.Parallel()
	req, arr := make([]float64, 48), make([]float64, 48)
	for i := 16; i < 36; i++ { // 08:00–18:00
		req[i], arr[i] = 15, 60
	}
	p := &Problem{Start: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), Interval: 30 * time.Minute, Required: req,
		Templates: []Template{{Name: "day", Start: 8 * time.Hour, Length: 10 * time.Hour, Weeks: []Week{EveryDay}}}}
	r, err := Solve(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := deskCheck(arr, p.Interval, 5*time.Minute, 0, 10)
	c.Targets.MaxOccupancy = 0.7
	got, rep, err := Refine(context.Background(), p, r, c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Agents < 15 || len(got.Short) > 0 || got.PaidHours < got.LowerBound || !rep.Met {
		t.Errorf("refined: %d agents, %d intervals short, %.1f paid hours vs bound %.1f, met %v; want ≥ 15 agents, none short, paid ≥ bound, met",
			got.Agents, len(got.Short), got.PaidHours, got.LowerBound, rep.Met)
	}
}
