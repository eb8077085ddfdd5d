package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/staffsim/staffsim/internal/browsertest"
)

func example(name string) string { return filepath.Join("..", "..", "testdata", name) }

func TestSimulateTable(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "simulate", example("phone-desk.yaml"), "--replications", "5")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"Scenario “phone desk”", "5 replications, seed 1", "phone  80% in 20s", "Paid hours", "Cost per contact"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "Every SLA met.") && !strings.Contains(out, "SLA missed: phone.") {
		t.Errorf("table has no verdict:\n%s", out)
	}
}

func TestSimulateJSONAndCSV(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "simulate", example("mixed-desk.yaml"), "--replications", "4", "--seed", "9", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var sum struct {
		Scenario     string `json:"scenario"`
		Replications int    `json:"replications"`
		Seed         int    `json:"seed"`
		Queues       []struct {
			Queue        string `json:"queue"`
			ServiceLevel *struct {
				Mean, Low, High float64
			} `json:"service_level"`
			SLAMet bool `json:"sla_met"`
		} `json:"queues"`
		PaidHours *struct{ Mean float64 } `json:"paid_hours"`
		Cost      *struct{ Mean float64 } `json:"cost"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if sum.Scenario != "mixed desk" || sum.Replications != 4 || sum.Seed != 9 || len(sum.Queues) != 3 || sum.Queues[2].Queue != "tickets" {
		t.Errorf("summary %+v", sum)
	}
	for _, q := range sum.Queues {
		if q.ServiceLevel == nil || q.ServiceLevel.Low > q.ServiceLevel.Mean || q.ServiceLevel.Mean > q.ServiceLevel.High || q.ServiceLevel.High > 1 {
			t.Errorf("queue %s: service level %+v", q.Queue, q.ServiceLevel)
		}
	}
	// Cost is paid hours × 32.50 (the scenario's hourly cost).
	if sum.PaidHours == nil || sum.Cost == nil || sum.PaidHours.Mean <= 0 || abs(sum.Cost.Mean-32.5*sum.PaidHours.Mean) > 1e-6*sum.Cost.Mean {
		t.Errorf("paid hours %+v, cost %+v", sum.PaidHours, sum.Cost)
	}

	code, out, _ = runCLI(t, "simulate", example("mixed-desk.yaml"), "--replications", "2", "--format", "csv")
	if code != exitOK {
		t.Fatalf("csv: exit %d", code)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "interval_start,queue,offered,answered,abandoned,service_level,service_level_low,service_level_high,asa_seconds,abandon_rate,occupancy,agents_available,backlog" {
		t.Errorf("csv header %s", got)
	}
	// 7 days × 48 half hours × (3 queues + the desk total).
	if len(rows) != 1+7*48*4 {
		t.Errorf("%d csv rows, want %d", len(rows), 1+7*48*4)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestSimulateSameSeedSameOutput(t *testing.T) {
	t.Parallel()
	_, a, _ := runCLI(t, "simulate", example("24x7-desk.yaml"), "--replications", "3", "--format", "json")
	_, b, _ := runCLI(t, "simulate", example("24x7-desk.yaml"), "--replications", "3", "--format", "json")
	_, c, _ := runCLI(t, "simulate", example("24x7-desk.yaml"), "--replications", "3", "--seed", "8", "--format", "json")
	if a != b || a == "" {
		t.Error("two runs with the same seed differ")
	}
	if a == c {
		t.Error("runs with seeds 7 and 8 are identical")
	}
}

func TestSimulateErrors(t *testing.T) {
	t.Parallel()
	broken := filepath.Join("..", "..", "scenarios", "testdata", "broken")
	file := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(file, []byte("not a directory\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"simulate"}, exitUsage, "give the scenario file to simulate, e.g. staffsim simulate testdata/phone-desk.yaml"},
		{[]string{"simulate", "a.yaml", "b.yaml"}, exitUsage, "got 2 arguments (a.yaml b.yaml), want 1: give the scenario file to simulate"},
		{[]string{"compare"}, exitUsage, "give two or more scenario files to compare, e.g. staffsim compare testdata/mixed-desk.yaml testdata/mixed-desk-plus.yaml"},
		{[]string{"simulate", example("phone-desk.yaml"), "--replications", "0"}, exitUsage, "--replications 0"},
		{[]string{"simulate", example("phone-desk.yaml"), "--format", "xml"}, exitUsage, "unknown format"},
		{[]string{"simulate", "no-such.yaml"}, exitFailure, `scenario "no-such.yaml": file not found`},
		{[]string{"simulate", filepath.Join(broken, "break-after-end.yaml")}, exitFailure, `line 36: roster.shifts[0] "early": breaks[1].after: 9h is after the shift ends (length 8h30m); put the break within the shift`},
		{[]string{"simulate", filepath.Join(broken, "unknown-skill.yaml")}, exitFailure, `no queue is named "emial"; did you mean "email"?`},
		{[]string{"compare", example("phone-desk.yaml")}, exitUsage, "got 1 scenario file, want at least 2: give two or more scenario files to compare"},
		{[]string{"compare", example("phone-desk.yaml"), filepath.Join(broken, "bad-timezone.yaml")}, exitFailure, `unknown time zone "Europe/Londn"`},
		// --out is checked before anything runs.
		{[]string{"simulate", example("phone-desk.yaml"), "--out", file}, exitUsage, "--out " + file + " is a file, not a directory"},
		{[]string{"simulate", example("phone-desk.yaml"), "--out", filepath.Join(file, "report")}, exitUsage, file + " is a file, not a directory"},
		{[]string{"compare", example("phone-desk.yaml"), example("phone-desk.yaml"), "--out", file}, exitUsage, "--out " + file + " is a file, not a directory"},
	} {
		code, _, errOut := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", c.args, code, errOut, c.code, c.want)
		}
	}
}

func TestSimulateInterrupted(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"simulate", example("mixed-desk.yaml"), "--out", dir}, streams{in: strings.NewReader(""), out: &out, err: &errb})
	if code != exitInterrupted {
		t.Errorf("exit %d, stderr %q; want 130", code, errb.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("an interrupted run left %d files", len(entries))
	}
}

// TestSimulateOutAndReport writes a report directory and opens its HTML in
// headless Chromium: every chart must render. STAFFSIM_REPORT_DIR keeps the
// directory and a screenshot to look at.
func TestSimulateOutAndReport(t *testing.T) {
	t.Parallel() // Chromium runs as its own process: overlap it with the rest
	dir := t.TempDir()
	if d := os.Getenv("STAFFSIM_REPORT_DIR"); d != "" {
		dir = filepath.Join(d, "mixed")
	}
	code, _, errOut := runCLI(t, "simulate", example("mixed-desk.yaml"), "--replications", "5", "--out", dir)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	charts := []string{"agents", "service-level-incidents", "service-level-phone", "service-level-tickets", "backlog", "waits", "occupancy"}
	for _, f := range []string{"intervals.csv", "summary.json", "report.html"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	for _, c := range charts {
		for _, ext := range []string{".png", ".svg"} {
			if st, err := os.Stat(filepath.Join(dir, c+ext)); err != nil || st.Size() < 1000 {
				t.Errorf("chart %s%s: %v", c, ext, err)
			}
		}
	}
	got := browsertest.Render(t, filepath.Join(dir, "report.html"))
	if len(got) != len(charts) {
		t.Errorf("%d charts rendered, want %d: %v", len(got), len(charts), got)
	}
	for _, g := range got {
		if g.Width < 100 || g.Height < 50 {
			t.Errorf("chart %s rendered at %d×%d", g.Name, g.Width, g.Height)
		}
	}
	if os.Getenv("STAFFSIM_REPORT_DIR") != "" {
		browsertest.Screenshot(t, filepath.Join(dir, "report.html"), filepath.Join(dir, "screenshot.png"), 1280, 2400)
	}
}

// TestSimulateWithoutCost: a scenario without a cost section shows no
// cost of 0.00: the table says none was given, JSON has nulls.
func TestSimulateWithoutCost(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(example("phone-desk.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	before, _, ok := strings.Cut(string(data), "\ncost:")
	if !ok {
		t.Fatal("phone-desk.yaml has no cost section to take out")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "no-cost.yaml")
	forecast, err := os.ReadFile(example("phone-forecast.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "phone-forecast.csv"), forecast, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(before+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args       []string
		want, lack []string
	}{
		{[]string{"simulate", path}, []string{"no cost given (add cost: {hourly: …} to the scenario)"}, []string{"per paid hour", "Cost per contact"}},
		{[]string{"simulate", path, "--format", "json"}, []string{`"hourly_cost": null`, `"cost": null`, `"cost_per_contact": null`}, []string{"per paid hour"}},
		// The same desk with and without cost: only the one with is cheapest.
		{[]string{"compare", path, example("phone-desk.yaml")}, []string{"Cheapest scenario that meets every SLA: " + example("phone-desk.yaml")}, nil},
		{[]string{"compare", path, path}, []string{"Every SLA met by: " + path + ", " + path + " (2); no cost given, so no cheapest."}, []string{"No scenario meets every SLA"}},
	} {
		code, out, errOut := runCLI(t, append(c.args, "--replications", "2")...)
		if code != exitOK {
			t.Fatalf("%v: exit %d, stderr %s", c.args, code, errOut)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", c.args, w, out)
			}
		}
		for _, l := range c.lack {
			if strings.Contains(out, l) {
				t.Errorf("%v: output has %q:\n%s", c.args, l, out)
			}
		}
	}
}
