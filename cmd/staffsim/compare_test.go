package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/staffsim/staffsim/internal/browsertest"
	"github.com/staffsim/staffsim/scenarios"
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
	t.Parallel() // Chromium runs as its own process: overlap it with the rest
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

func TestScenarioNamesAndFiles(t *testing.T) {
	t.Parallel()
	sc := func(name string) *scenarios.Scenario { return &scenarios.Scenario{Name: name} }
	for _, c := range []struct {
		names, paths []string
		want, files  []string
	}{
		{[]string{"a", "b"}, []string{"a.yaml", "b.yaml"}, []string{"a", "b"}, []string{"intervals-a.csv", "intervals-b.csv"}},
		// The same name in two files: the file names tell them apart.
		{[]string{"desk", "desk"}, []string{"x/a.yaml", "y/a.yaml"}, []string{"x/a.yaml", "y/a.yaml"}, []string{"intervals-x-a-yaml.csv", "intervals-y-a-yaml.csv"}},
		// The same file twice: a count.
		{[]string{"desk", "desk", "desk"}, []string{"a.yaml", "a.yaml", "a.yaml"}, []string{"a.yaml", "a.yaml (2)", "a.yaml (3)"}, []string{"intervals-a-yaml.csv", "intervals-a-yaml-2.csv", "intervals-a-yaml-3.csv"}},
		// Distinct names, the same slug.
		{[]string{"mixed desk", "Mixed-Desk"}, []string{"a.yaml", "b.yaml"}, []string{"mixed desk", "Mixed-Desk"}, []string{"intervals-mixed-desk.csv", "intervals-mixed-desk-2.csv"}},
		// A count that is already someone's name is skipped.
		{[]string{"a", "a (2)", "a"}, []string{"p.yaml", "q.yaml", "p.yaml"}, []string{"p.yaml", "a (2)", "p.yaml (2)"}, []string{"intervals-p-yaml.csv", "intervals-a-2.csv", "intervals-p-yaml-2.csv"}},
	} {
		scs := make([]*scenarios.Scenario, len(c.names))
		for i, n := range c.names {
			scs[i] = sc(n)
		}
		got := scenarioNames(scs, c.paths)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("names %q in %q: got %q, want %q", c.names, c.paths, got, c.want)
		}
		if files := intervalFiles(got); strings.Join(files, "|") != strings.Join(c.files, "|") {
			t.Errorf("files for %q: got %q, want %q", got, files, c.files)
		}
	}
}

// TestCompareSameFileTwiceCSV compares a file with itself: CSV on stdout
// (the side-by-side table), and in --out one intervals CSV per scenario
// and distinct names in the report.
func TestCompareSameFileTwiceCSV(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a := example("24x7-desk.yaml")
	code, out, errOut := runCLI(t, "compare", a, a, "--replications", "2", "--format", "csv", "--out", dir)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v\n%s", err, out)
	}
	if got, want := strings.Join(rows[0], ","), "metric,queue,"+a+","+a+" low,"+a+" high,"+a+" (2),"+a+" (2) low,"+a+" (2) high"; got != want {
		t.Errorf("header %s, want %s", got, want)
	}
	byMetric := map[string][]string{}
	for _, r := range rows[1:] {
		if len(r) != 8 {
			t.Fatalf("row %q has %d cells, want 8", r, len(r))
		}
		byMetric[r[0]+"/"+r[1]] = r[2:]
	}
	for _, k := range []string{"all_slas_met/", "cheapest/", "occupancy/", "paid_hours/", "cost/", "cost_per_contact/"} {
		if byMetric[k] == nil {
			t.Errorf("no %s row:\n%s", k, out)
		}
	}
	// Common random numbers: the two columns are identical, at full precision.
	if p := byMetric["paid_hours/"]; p == nil || p[0] == "" || p[0] != p[3] {
		t.Errorf("paid hours %q", p)
	}
	for _, f := range []string{"intervals-testdata-24x7-desk-yaml.csv", "intervals-testdata-24x7-desk-yaml-2.csv"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%v", err)
		}
	}
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil || !strings.Contains(string(html), "24x7-desk.yaml (2)") {
		t.Errorf("report.html does not name the second scenario apart (%v)", err)
	}
}

// TestCompareTicketDesksReport compares testdata/it-desk.yaml with a copy
// that has one more L2 analyst: the report's side-by-side table has the
// ticket rows (attainment per priority against its goal, P(meet), tier
// occupancy) for both, and the added analyst lowers L2's occupancy.
func TestCompareTicketDesksReport(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(example("it-desk.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	holidays, err := filepath.Abs(filepath.Join("..", "..", "testdata", "calendars", "uk-holidays.txt"))
	if err != nil {
		t.Fatal(err)
	}
	plus := string(data)
	for _, r := range [][2]string{
		{"name: IT desk", "name: IT desk and an L2 analyst"},
		{"holidays: calendars/uk-holidays.txt", "holidays: " + holidays},
		{"    - name: L2 day\n      start: \"08:00\"\n      length: 8h30m\n      days: [mon, tue, wed, thu, fri]\n      agents: 4", "    - name: L2 day\n      start: \"08:00\"\n      length: 8h30m\n      days: [mon, tue, wed, thu, fri]\n      agents: 5"},
	} {
		if !strings.Contains(plus, r[0]) {
			t.Fatalf("it-desk.yaml has no %q", r[0])
		}
		plus = strings.Replace(plus, r[0], r[1], 1)
	}
	tmp := t.TempDir()
	plusPath := filepath.Join(tmp, "it-desk-plus.yaml")
	if err := os.WriteFile(plusPath, []byte(plus), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "out")
	code, _, errOut := runCLI(t, "compare", example("it-desk.yaml"), plusPath, "--replications", "4", "--out", dir)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	b, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	for _, want := range []string{">IT desk<", ">IT desk and an L2 analyst<", "goal 90% in\u00a08\u00a0h, business hours", "goal 95% in\u00a015\u00a0min, 24×7", "of 4 runs", "<tr><td>Cost per resolved ticket</td><td>£"} {
		if !strings.Contains(html, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	// cells returns the cells of the side-by-side row whose label starts
	// the row, without their tags.
	cells := func(label string) []string {
		_, row, ok := strings.Cut(html, "<tr><td>"+label+"<br>")
		if !ok {
			t.Errorf("report.html has no row %q", label)
			return nil
		}
		row, _, _ = strings.Cut(row, "</tr>")
		parts := strings.Split(row, "<td")[1:]
		for i, p := range parts {
			_, p, _ = strings.Cut(p, ">")
			p, _, _ = strings.Cut(p, "<")
			parts[i] = strings.TrimSpace(p)
		}
		return parts
	}
	for _, label := range []string{"P1 response", "P1 resolution", "P2 response", "P2 resolution", "P3 resolution", "P4 resolution", "P1 P(meet)", "P4 P(meet)", "L1 occupancy", "L3 occupancy"} {
		if c := cells(label); len(c) != 2 || c[0] == "" || c[0] == "–" || c[1] == "" || c[1] == "–" {
			t.Errorf("row %q: cells %q, want a figure for each of the 2 scenarios", label, c)
		}
	}
	occ := cells("L2 occupancy")
	if len(occ) != 2 {
		t.Fatalf("L2 occupancy cells %q", occ)
	}
	var a, p float64
	if _, err := fmt.Sscanf(occ[0], "%f%%", &a); err != nil {
		t.Fatalf("L2 occupancy %q: %v", occ[0], err)
	}
	if _, err := fmt.Sscanf(occ[1], "%f%%", &p); err != nil {
		t.Fatalf("L2 occupancy %q: %v", occ[1], err)
	}
	if !(p < a) {
		t.Errorf("L2 occupancy %v%% with one more L2 analyst, %v%% without: want it lower", p, a)
	}
}
