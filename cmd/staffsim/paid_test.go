package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPaidHoursAgree checks that one roster has one paid-hours figure, FTE
// and cost wherever it is printed: staffsim roster, staffsim simulate of
// the scenario roster --out wrote (unpaid lunches kept), and plan's
// summary, headcount table and scenario.yaml simulated again — to 0.1 h.
func TestPaidHoursAgree(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rosterYAML := filepath.Join(dir, "roster.yaml")
	code, out, errOut := runCLI(t, "roster", "--requirements", filepath.Join("..", "..", "testdata", "roster", "requirements.csv"),
		"--shifts", filepath.Join("..", "..", "testdata", "roster", "shifts.yaml"), "--tz", "Europe/London", "--simulate=false",
		"--out", rosterYAML, "--format", "json")
	if code != exitOK {
		t.Fatalf("roster: exit %d: %s", code, errOut)
	}
	var ro struct {
		PaidHours float64 `json:"paid_hours"`
		Cost      float64 `json:"cost"`
	}
	if err := json.Unmarshal([]byte(out), &ro); err != nil {
		t.Fatal(err)
	}
	written, err := os.ReadFile(rosterYAML)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(written), "unpaid: true") {
		t.Errorf("roster --out dropped the templates' unpaid breaks:\n%s", written)
	}
	sim := simulateJSON(t, rosterYAML)
	if math.Abs(sim.PaidHours.Mean-ro.PaidHours) > 0.1 || math.Abs(sim.Cost.Mean-ro.Cost) > 0.1*32.5 {
		t.Errorf("roster: %.1f paid hours, cost %.2f; simulate of its scenario: %.1f h, %.2f", ro.PaidHours, ro.Cost, sim.PaidHours.Mean, sim.Cost.Mean)
	}

	planDir := filepath.Join(dir, "plan")
	code, out, errOut = runCLI(t, append([]string{"plan", "--out", planDir, "--format", "json", "--hourly-cost", "30"}, planFast...)...)
	if code != exitOK {
		t.Fatalf("plan: exit %d: %s", code, errOut)
	}
	var sum struct {
		Days      int `json:"days"`
		Headcount struct {
			Cases []struct {
				Recommended *struct {
					Agents    int     `json:"agents"`
					PaidHours float64 `json:"paid_hours_per_week"`
					FTE       float64 `json:"fte"`
					CostWeek  float64 `json:"cost_per_week"`
				} `json:"recommended"`
			} `json:"cases"`
		} `json:"headcount"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	rec := sum.Headcount.Cases[0].Recommended
	if rec == nil {
		t.Fatal("plan: no recommendation at forecast volume")
	}
	ps := simulateJSON(t, filepath.Join(planDir, "scenario.yaml"))
	weekly := ps.PaidHours.Mean * 7 / float64(sum.Days)
	if math.Abs(weekly-rec.PaidHours) > 0.1 || math.Abs(rec.FTE-rec.PaidHours/37.5) > 1e-9 || math.Abs(rec.CostWeek-30*rec.PaidHours) > 1e-6 {
		t.Errorf("plan recommends %d agents at %.1f paid h/week (%.2f FTE, %.2f a week); simulate of its scenario.yaml pays %.1f h/week",
			rec.Agents, rec.PaidHours, rec.FTE, rec.CostWeek, weekly)
	}
}

type simulateSummary struct {
	PaidHours struct {
		Mean float64 `json:"mean"`
	} `json:"paid_hours"`
	Cost struct {
		Mean float64 `json:"mean"`
	} `json:"cost"`
}

func simulateJSON(t *testing.T, path string) simulateSummary {
	t.Helper()
	code, out, errOut := runCLI(t, "simulate", path, "--replications", "2", "--format", "json")
	if code != exitOK {
		t.Fatalf("simulate %s: exit %d: %s", path, code, errOut)
	}
	var s simulateSummary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	return s
}
