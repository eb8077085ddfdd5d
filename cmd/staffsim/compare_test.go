package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/staffsim/staffsim/internal/browsertest"
)

func TestCompareTableNamesCheapest(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "compare", example("mixed-desk.yaml"), example("mixed-desk-plus.yaml"), "--replications", "10")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"2 scenarios on common random numbers: 10 replications, seed 1", "mixed desk + 4", "Every SLA met?", "phone SL (goal 80% in 20s)", "Cost per contact"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "Cheapest scenario that meets every SLA: ") && !strings.Contains(out, "No scenario meets every SLA.") {
		t.Errorf("no verdict:\n%s", out)
	}
}

func TestCompareJSON(t *testing.T) {
	t.Parallel()
	// The same scenario twice: on common random numbers the two runs are
	// identical, so the cheapest is the first (ties go to the first).
	code, out, errOut := runCLI(t, "compare", example("24x7-desk.yaml"), example("24x7-desk.yaml"), "--replications", "3", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var c struct {
		Scenarios []json.RawMessage `json:"scenarios"`
		Cheapest  *string           `json:"cheapest"`
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Scenarios) != 2 || string(c.Scenarios[0]) != string(c.Scenarios[1]) {
		t.Errorf("common random numbers: the same scenario twice should give identical summaries")
	}
	if c.Cheapest != nil && *c.Cheapest != example("24x7-desk.yaml") {
		t.Errorf("cheapest %q", *c.Cheapest)
	}
}

func TestCompareReport(t *testing.T) {
	dir := t.TempDir()
	if d := os.Getenv("STAFFSIM_REPORT_DIR"); d != "" {
		dir = filepath.Join(d, "compare")
	}
	code, _, errOut := runCLI(t, "compare", example("mixed-desk.yaml"), example("mixed-desk-plus.yaml"), "--replications", "4", "--out", dir)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, f := range []string{"summary.json", "intervals-mixed-desk.csv", "intervals-mixed-desk-4.csv", "compare-agents.png", "compare-service-level-phone.svg", "compare-backlog.png", "report.html"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%v", err)
		}
	}
	got := browsertest.Render(t, filepath.Join(dir, "report.html"))
	if len(got) != 5 { // agents, 3 × service level, backlog
		t.Errorf("%d charts rendered, want 5: %v", len(got), got)
	}
	for _, g := range got {
		if g.Width < 100 || g.Height < 50 {
			t.Errorf("chart %s rendered at %d×%d", g.Name, g.Width, g.Height)
		}
	}
	if os.Getenv("STAFFSIM_REPORT_DIR") != "" {
		browsertest.Screenshot(t, filepath.Join(dir, "report.html"), filepath.Join(dir, "screenshot.png"), 1280, 2000)
	}
}
