package roster

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/staffsim/staffsim/scenarios/report"
)

func TestCoverageChart(t *testing.T) {
	t.Parallel()
	req := make([]float64, 48)
	for i := 18; i < 34; i++ {
		req[i] = 2
	}
	req[40] = 1 // 20:00, out of reach: understaffed
	p := &Problem{Start: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), Interval: 30 * time.Minute, Required: req,
		Templates: []Template{{Name: "day", Start: 9 * time.Hour, Length: 9 * time.Hour, Weeks: []Week{EveryDay}}}}
	r, err := Solve(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := CoverageChart("coverage", p, r)
	if len(c.Bands) != 2 || c.Bands[1].Low[40] != 0 || c.Bands[1].High[40] != 1 || c.Bands[0].High[34] != 2 {
		t.Errorf("bands: under at 20:00 %v–%v, over at 17:00 up to %v; want 0–1 and 2",
			c.Bands[1].Low[40], c.Bands[1].High[40], c.Bands[0].High[34])
	}
	pl, err := c.Plot()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.Save(pl, &buf, "svg", 0, 0); err != nil || buf.Len() < 1000 {
		t.Errorf("svg: %d bytes, %v", buf.Len(), err)
	}
}

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
