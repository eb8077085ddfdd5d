package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSimulateCostCurrency: cost carries the scenario's currency in the
// table and the report, and the report shows the roster (issue 12:
// "117 879.48").
func TestSimulateCostCurrency(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(example("phone-desk.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	fc, err := os.ReadFile(filepath.Join(filepath.Dir(example("phone-desk.yaml")), "phone-forecast.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "phone-forecast.csv"), fc, 0o644); err != nil {
		t.Fatal(err)
	}
	sc := filepath.Join(dir, "desk.yaml")
	body := strings.Replace(string(src), "  hourly: 28.00", "  hourly: 28.00\n  currency: €", 1)
	if err := os.WriteFile(sc, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, stdout, errOut := runCLI(t, "simulate", sc, "--replications", "3", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(stdout, "Cost              €") && !strings.Contains(stdout, "\t€") && !strings.Contains(stdout, " €") {
		t.Errorf("cost without its currency:\n%s", stdout)
	}
	html, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`<div class="value">€`, "at €28.00 per paid hour", "The roster: shifts, agents and breaks", "<th>Starts</th>"} {
		if !strings.Contains(string(html), w) {
			t.Errorf("report.html lacks %q", w)
		}
	}
	if strings.Contains(string(html), "UTC (UTC)") {
		t.Error(`report.html says "UTC (UTC)"`)
	}
}

// TestPlanReportForManagers: a ticket history without handle times,
// planned with --aht: the report speaks of analysts and tickets, shows the
// roster with contracts and the data behind the plan, people beside FTE,
// and no note asks for the --aht that was given (issue 12).
func TestPlanReportForManagers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	hist := filepath.Join(dir, "incidents.csv")
	var b strings.Builder
	b.WriteString("created_at,priority\n")
	start := time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC)
	for d := range 28 {
		n := 40
		if wd := start.AddDate(0, 0, d).Weekday(); wd == time.Saturday || wd == time.Sunday {
			n = 10
		}
		for k := range n {
			at := start.AddDate(0, 0, d).Add(8*time.Hour + time.Duration(k)*10*time.Hour/time.Duration(n))
			fmt.Fprintf(&b, "%s,P%d\n", at.Format(time.RFC3339), 1+k%4)
		}
	}
	b.WriteString("not a date,P1\n")
	if err := os.WriteFile(hist, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "plan")
	code, stdout, errOut := runCLI(t, append([]string{"plan", "--history", hist, "--aht", "20m", "--sl", "90/4h", "--out", out}, planFast...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(errOut, "give downstream commands --aht") {
		t.Errorf("a note asks for --aht, which was given:\n%s", errOut)
	}
	if !strings.Contains(stdout, "analysts") || strings.Contains(stdout, "on the phones") {
		t.Errorf("stdout does not speak of analysts:\n%s", stdout)
	}
	html, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(html)
	for _, w := range []string{
		"The data behind the plan", "rows read from", "1 rejected", "not a date", "days of history",
		"The recommended roster (scenario.yaml): shifts, analysts and breaks", "<th>Starts</th>", "full-time",
		"people on the recommended roster", "FTE counts paid hours", "SL 90% within 4h",
		"The recommended roster simulated over the whole horizon",
	} {
		if !strings.Contains(page, w) {
			t.Errorf("report.html lacks %q", w)
		}
	}
	for _, w := range []string{"on the phones", "1.44e+04", "The optimised roster over the whole horizon"} {
		if strings.Contains(page, w) {
			t.Errorf("report.html still has %q", w)
		}
	}
}
