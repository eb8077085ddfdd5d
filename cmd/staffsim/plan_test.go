package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/internal/realdata"
	"github.com/staffsim/staffsim/scenarios/plan"
)

// planFast are flags that keep a plan test quick: one week, few
// replications.
var planFast = []string{"--horizon", "7d", "--replications", "4"}

// planFiles are the files every plan writes.
var planFiles = []string{"forecast.csv", "requirements.csv", "scenario.yaml", "intervals.csv", "summary.json",
	"headcount.csv", "headcount.png", "headcount-probability.png", "forecast.png", "requirements.png", "report.html"}

// checkPlanDir checks a plan directory: every file there, nothing staged
// left behind, a summary whose recommendation is consistent, and a report
// that reads as one.
func checkPlanDir(t *testing.T, dir string) plan.Summary {
	t.Helper()
	for _, f := range planFiles {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: missing or empty (%v)", f, err)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".staffsim-*"))
	hidden, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(leftovers)+len(hidden) > 0 {
		t.Errorf("staging left behind: %v %v", leftovers, hidden)
	}
	var sum plan.Summary
	b, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatalf("summary.json: %v", err)
	}
	if len(sum.Headcount.Cases) != 3 || len(sum.Lines) < 2 {
		t.Fatalf("summary: %d cases, lines %q; want 3 cases and the budget lines", len(sum.Headcount.Cases), sum.Lines)
	}
	for _, c := range sum.Headcount.Cases {
		if len(c.Points) < 5 {
			t.Errorf("%s: %d headcounts, want the roster scaled over a range", c.Name, len(c.Points))
		}
		if r := c.Recommended; r != nil {
			if r.PMeet < sum.Headcount.Confidence || r.FTE <= 0 || r.CostPerYear <= 0 {
				t.Errorf("%s: recommended %+v does not meet the %v confidence", c.Name, *r, sum.Headcount.Confidence)
			}
			for _, p := range c.Points {
				if p.Agents < r.Agents && p.PMeet >= sum.Headcount.Confidence {
					t.Errorf("%s: %d agents meet the SLA with %v, fewer than the recommended %d", c.Name, p.Agents, p.PMeet, r.Agents)
				}
			}
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	for _, w := range []string{"Headcount curve", "FTE needed", `data-chart="headcount"`, "data:image/png;base64,"} {
		if !bytes.Contains(html, []byte(w)) {
			t.Errorf("report.html lacks %q", w)
		}
	}
	text := regexp.MustCompile(`data:image/png;base64,[^"]*`).ReplaceAll(html, nil)
	// Shares of weeks are counted in weeks (the replications), not percentages.
	if !regexp.MustCompile(`SLA met in (all|none of the|\d+ of) \d+ simulated weeks`).Match(text) || bytes.Contains(text, []byte("% of weeks;")) {
		t.Error("report.html does not count the weeks in which the baseline met the SLA")
	}
	if bytes.Contains(text, []byte("NaN")) || bytes.Contains(b, []byte("NaN")) {
		t.Error("NaN in the report or summary")
	}
	// The scenario runs as staffsim simulate would run it.
	code, _, errOut := runCLI(t, "simulate", filepath.Join(dir, "scenario.yaml"), "--replications", "2")
	if code != exitOK {
		t.Errorf("simulate scenario.yaml: exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(bytes.NewReader(mustRead(t, filepath.Join(dir, "headcount.csv")))).ReadAll()
	if err != nil || len(rows) < 16 || strings.Join(rows[0], ",") != "case,agents,fte,paid_hours_per_week,cost_per_week,cost_per_year,service_level,service_level_low,service_level_high,asa_seconds,abandon_rate,p_meet,recommended" {
		t.Errorf("headcount.csv: %d rows, header %v, err %v", len(rows), rows[0], err)
	}
	return sum
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The built-in sample: no files in, the whole plan out, and the sample's
// current roster is short of what the plan recommends.
func TestPlanSample(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "plan")
	code, out, errOut := runCLI(t, append([]string{"plan", "--out", dir}, planFast...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, w := range []string{"Holding 80% in 20s at forecast volume needs", "With today's 27 agents", "the plan hires", "full-time", "part-time", "today's roster", "report.html"} {
		if !strings.Contains(out, w) {
			t.Errorf("stdout lacks %q:\n%s", w, out)
		}
	}
	for _, w := range []string{"plan: forecast: auto chose", "plan: roster:", "plan: headcount:", "plan: wrote"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut)
		}
	}
	sum := checkPlanDir(t, dir)
	if sum.Source != "built-in sample desk" || sum.Today == nil {
		t.Fatalf("source %q, today %v", sum.Source, sum.Today)
	}
	rec := sum.Headcount.Cases[0].Recommended
	// Today's sample roster misses the goal; the recommendation meets it
	// (possibly on fewer paid hours: it is shaped to the demand, today's
	// is not).
	if rec == nil || rec.PMeet < sum.Headcount.Confidence || sum.Today.ServiceLevel.Mean >= sum.SLAGoal || sum.Today.PMeet >= sum.Headcount.Confidence {
		t.Errorf("sample: recommended %+v, today %+v; want today's roster short of the goal, the recommendation meeting it", rec, sum.Today)
	}
}

func TestPlanJSONFormat(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	code, out, errOut := runCLI(t, append([]string{"plan", "--out", dir, "--format", "json", "--currency", "€", "--hourly-cost", "30", "--sl", "90/30s", "--confidence", "100%"}, planFast...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var sum plan.Summary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("stdout is not the summary JSON: %v\n%s", err, out)
	}
	if sum.Currency != "€" || sum.HourlyCost != 30 || sum.SLAGoal != 0.9 || sum.SLATarget != 30 {
		t.Errorf("summary settings %q %v %v %v", sum.Currency, sum.HourlyCost, sum.SLAGoal, sum.SLATarget)
	}
	if !strings.Contains(strings.Join(sum.Lines, " "), "€") {
		t.Errorf("lines without the currency: %q", sum.Lines)
	}
	// 4 replications cannot show 100%: the words count the weeks.
	all := strings.Join(sum.Lines, " ") + errOut
	if strings.Contains(all, "100% of simulated weeks") || !strings.Contains(errOut, "in all 4 simulated weeks") || !strings.Contains(errOut, "note: --confidence 100% with 4 replications") {
		t.Errorf("--confidence 100%% with 4 replications: want weeks counted, got lines %q, stderr %s", sum.Lines, errOut)
	}
}

// A ticket history (four weeks of the repository's sample) with no
// current roster: the optimised roster is the only baseline.
func TestPlanTicketsHistory(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "plan")
	code, out, errOut := runCLI(t, append([]string{"plan", "--history", filepath.Join("..", "..", "testdata", "tickets_sample.csv"), "--out", dir}, planFast...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	sum := checkPlanDir(t, dir)
	if sum.Today == nil || sum.TodayLabel != "optimised roster" || strings.Contains(out, "today") || !strings.Contains(out, "The optimised roster before scaling") {
		t.Errorf("no --roster: want the optimised roster as the baseline, got %q %+v\n%s", sum.TodayLabel, sum.Today, out)
	}
}

// A generated year of history, planned for a week with today's roster
// given as a scenario file.
func TestPlanGeneratedYear(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	hist := filepath.Join(tmp, "year.csv")
	code, out, errOut := runCLI(t, "generate", "--days", "365", "--daily-volume", "300")
	if code != exitOK {
		t.Fatalf("generate: exit %d: %s", code, errOut)
	}
	if err := os.WriteFile(hist, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	today := filepath.Join(tmp, "today.yaml")
	if err := os.WriteFile(today, sampleRoster, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "plan")
	code, _, errOut = runCLI(t, append([]string{"plan", "--history", hist, "--roster", today, "--out", dir}, planFast...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if sum := checkPlanDir(t, dir); sum.Today == nil || sum.TodayLabel != "today's roster" {
		t.Error("--roster given: want today's roster in the summary")
	}
}

// The real exports: an ITSM event log of two years (no handle times: --aht
// is required) and one of three days (forecast by its mean day).
func TestPlanRealExports(t *testing.T) {
	t.Parallel()
	p := realdata.Path(t, "bpi13-incidents/bpi_13_incidents.csv")
	dir := filepath.Join(t.TempDir(), "bpi")
	code, _, errOut := runCLI(t, append([]string{"plan", "--history", p, "--id-column", "CaseID", "--out", dir}, planFast...)...)
	if code != exitUsage || !strings.Contains(errOut, "--aht") {
		t.Errorf("no handle times, no --aht: exit %d, stderr %q; want 2 and a hint", code, errOut)
	}
	code, _, errOut = runCLI(t, append([]string{"plan", "--history", p, "--id-column", "CaseID", "--aht", "10m", "--out", dir}, planFast...)...)
	if code != exitOK {
		t.Fatalf("bpi13: exit %d: %s", code, errOut)
	}
	checkPlanDir(t, dir)

	// Shorter than a week: every day repeats the mean day, with a note.
	p = realdata.Path(t, "servicenow-incidents-2016/incident_event_log_partial.csv")
	dir = filepath.Join(t.TempDir(), "servicenow")
	code, _, errOut = runCLI(t, append([]string{"plan", "--history", p, "--id-column", "number", "--aht", "15m", "--out", dir}, planFast...)...)
	if code != exitOK || !strings.Contains(errOut, "less than a week") {
		t.Fatalf("servicenow: exit %d: %s", code, errOut)
	}
	if sum := checkPlanDir(t, dir); sum.Forecast.Method != plan.MeanDayMethod {
		t.Errorf("servicenow: forecast method %q, want %q", sum.Forecast.Method, plan.MeanDayMethod)
	}
}

// Bad history fails with a clear message and leaves no directory behind.
func TestPlanBadHistory(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	empty := filepath.Join(tmp, "empty.csv")
	os.WriteFile(empty, nil, 0o644)
	short := filepath.Join(tmp, "short.csv")
	os.WriteFile(short, []byte("interval_start,arrivals,aht_seconds\n2026-01-05T09:00:00Z,3,200\n2026-01-05T09:30:00Z,4,200\n"), 0o644)
	binary := filepath.Join(tmp, "binary.csv")
	os.WriteFile(binary, []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"), 0o644)
	noAHT := filepath.Join(tmp, "no-aht.csv")
	os.WriteFile(noAHT, []byte("created_at\n2026-01-05T09:00:00Z\n2026-01-06T10:00:00Z\n"), 0o644)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"missing file", []string{"--history", filepath.Join(tmp, "nope.csv")}, exitFailure, "nope.csv"},
		{"empty file", []string{"--history", empty}, exitFailure, "empty.csv"},
		{"no time column", []string{"--history", readerCorpus("bad", "no_time_column.csv")}, exitFailure, "--column created_at=NAME"},
		{"too short", []string{"--history", short}, exitFailure, "at least a whole day"},
		{"no handle times", []string{"--history", noAHT}, exitUsage, "--aht 240s"},
		{"bad column flag", []string{"--history", noAHT, "--column", "created_at=Nope"}, exitUsage, `"Nope"`},
		{"short horizon", []string{"--horizon", "3d"}, exitUsage, "at least a week"},
		{"bad interval", []string{"--interval", "7m"}, exitUsage, "--interval"},
		{"interval 1ns", []string{"--interval", "1ns"}, exitUsage, "--interval 1ns must be a whole number of minutes"},
		{"interval 90s", []string{"--interval", "90s"}, exitUsage, "e.g. 15m, 30m or 60m"},
		{"interval 2h", []string{"--interval", "2h"}, exitUsage, "--interval 2h"},
		{"hours per fte tiny", []string{"--hours-per-fte", "1e-300"}, exitUsage, "between 1 and 168"},
		{"hours per fte over a week", []string{"--hours-per-fte", "169"}, exitUsage, "between 1 and 168"},
		{"long horizon", []string{"--horizon", "100000d"}, exitUsage, "--horizon 100000d: plan at most a year"},
		{"horizon one day", []string{"--horizon", "1d"}, exitUsage, "--horizon 1d: plan needs at least a week"},
		{"no replications", []string{"--replications", "0"}, exitUsage, "give 2 to 10000"},
		{"negative replications", []string{"--replications", "-1"}, exitUsage, "give 2 to 10000"},
		{"replications 1e9", []string{"--replications", "1e9"}, exitUsage, "--replications"},
		{"too many replications", []string{"--replications", "1000000000"}, exitUsage, "give 2 to 10000"},
		{"negative seed", []string{"--seed", "-1"}, exitUsage, "--seed"},
		{"shrinkage 100%", []string{"--shrinkage", "100%"}, exitUsage, "at most 99%"},
		{"sl 100%", []string{"--sl", "100/20s"}, exitUsage, "use e.g. 99%"},
		{"confidence 0", []string{"--confidence", "0"}, exitUsage, "e.g. 90%"},
		{"confidence over 100%", []string{"--confidence", "150%"}, exitUsage, "--confidence"},
		{"huge hourly cost", []string{"--hourly-cost", "1e305"}, exitUsage, "from 0 to 1e9"},
		{"NaN hourly cost", []string{"--hourly-cost", "NaN"}, exitUsage, "from 0 to 1e9"},
		{"empty currency", []string{"--currency", ""}, exitUsage, "e.g. £, € or USD"},
		{"empty out", []string{"--out", ""}, exitUsage, "--out must name a directory"},
		{"history directory", []string{"--history", tmp}, exitFailure, "is a directory"},
		{"binary history", []string{"--history", binary}, exitFailure, "binary"},
		{"bad roster", []string{"--roster", empty}, exitUsage, "--roster"},
		{"bad shifts", []string{"--shifts", empty}, exitUsage, "empty.csv"},
		{"erlang b", []string{"--model", "erlang-b"}, exitUsage, "erlang-b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(tmp, strings.ReplaceAll(tc.name, " ", "-"))
			code, _, errOut := runCLI(t, append(append([]string{"plan", "--out", dir}, planFast...), tc.args...)...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tc.code, tc.want)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("output directory %s exists after a failed plan", dir)
			}
			if left, _ := filepath.Glob(filepath.Join(tmp, ".staffsim-*")); len(left) > 0 {
				t.Errorf("staging left behind: %v", left)
			}
		})
	}
}

// Ctrl-C: the run stops with status 130 and the output directory keeps
// what it had (here: nothing), with no staging directory left.
func TestPlanInterrupted(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "plan")
	for _, after := range []time.Duration{0, 300 * time.Millisecond, 800 * time.Millisecond} {
		ctx, cancel := context.WithCancel(context.Background())
		if after == 0 {
			cancel()
		} else {
			time.AfterFunc(after, cancel)
		}
		var out, errb bytes.Buffer
		code := run(ctx, []string{"plan", "--out", dir}, streams{in: strings.NewReader(""), out: &out, err: &errb})
		cancel()
		if code != exitInterrupted {
			t.Errorf("cancelled after %v: exit %d, stderr %q; want 130", after, code, errb.String())
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("cancelled after %v: %s exists", after, dir)
		}
		if left, _ := filepath.Glob(filepath.Join(tmp, ".staffsim-*")); len(left) > 0 {
			t.Errorf("cancelled after %v: staging left behind: %v", after, left)
		}
	}
}

// The built-in shift templates parse, and the sample roster is a valid
// scenario.
func TestPlanEmbeddedDefaults(t *testing.T) {
	t.Parallel()
	code, _, errOut := runCLI(t, "plan", "--help")
	if code != exitOK || errOut != "" {
		t.Fatalf("plan --help: exit %d, %s", code, errOut)
	}
	if !bytes.Contains(defaultShifts, []byte("templates:")) || !bytes.Contains(sampleRoster, []byte("roster:")) {
		t.Error("embedded defaults look wrong")
	}
}

// --out naming an existing file is refused before any work, and the file
// is left as it was; an existing directory keeps its files when the
// history is bad.
func TestPlanOutChecked(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	file := filepath.Join(tmp, "existing")
	os.WriteFile(file, []byte("keep"), 0o644)
	code, _, errOut := runCLI(t, append([]string{"plan", "--out", file}, planFast...)...)
	if code != exitUsage || !strings.Contains(errOut, "is a file, not a directory") || strings.Contains(errOut, "plan: history") {
		t.Errorf("--out FILE: exit %d, stderr %q; want 2 before the history is read", code, errOut)
	}
	if b, _ := os.ReadFile(file); string(b) != "keep" {
		t.Errorf("--out FILE changed: %q", b)
	}
	dir := filepath.Join(tmp, "plan")
	os.Mkdir(dir, 0o755)
	old := filepath.Join(dir, "report.html")
	os.WriteFile(old, []byte("old"), 0o644)
	empty := filepath.Join(tmp, "empty.csv")
	os.WriteFile(empty, nil, 0o644)
	for _, h := range []string{tmp, empty} {
		code, _, errOut = runCLI(t, append([]string{"plan", "--out", dir, "--history", h}, planFast...)...)
		if code != exitFailure {
			t.Errorf("--history %s: exit %d, stderr %q; want 1", h, code, errOut)
		}
		entries, _ := os.ReadDir(dir)
		if b, _ := os.ReadFile(old); string(b) != "old" || len(entries) != 1 {
			t.Errorf("--history %s: --out changed: %d entries", h, len(entries))
		}
	}
}

// --hourly-cost names its default once.
func TestPlanHelpDefaults(t *testing.T) {
	t.Parallel()
	_, out, _ := runCLI(t, "plan", "--help")
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "--hourly-cost") && strings.Count(l, "25") != 1 {
			t.Errorf("help line names its default more than once: %q", l)
		}
	}
}

// --format csv prints the case table in full precision.
func TestPlanCSVFormat(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	code, out, errOut := runCLI(t, append([]string{"plan", "--out", dir, "--format", "csv"}, planFast...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 5 {
		t.Fatalf("%d rows, err %v:\n%s", len(rows), err, out)
	}
	if got := strings.Join(rows[0], ","); got != "case,fte_needed,agents,service_level,service_level_low,service_level_high,p_meet,paid_hours_per_week,cost_per_year,met" {
		t.Errorf("header %s", got)
	}
	if rows[1][0] != "forecast" || rows[4][0] != "today's roster" || rows[4][9] != "false" {
		t.Errorf("rows %q", rows)
	}
	for _, r := range rows[1:] {
		for _, v := range r[1:9] {
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				t.Errorf("row %q: %q is not a number", r, v)
			}
		}
	}
}

// TestPlanRefusesRejectedHistory: a history with a third of its rows
// rejected (creation times that do not parse) is refused with exit 1 and
// the way out, unless --max-rejects allows it.
func TestPlanRefusesRejectedHistory(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "tickets_sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	for i := 1; i < len(lines); i += 3 {
		lines[i] = strings.Replace(lines[i], ",2026-", ",yesterday-", 1)
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(bad, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "plan")
	code, _, errOut := runCLI(t, append([]string{"plan", "--history", bad, "--out", dir}, planFast...)...)
	if code != exitFailure || !strings.Contains(errOut, "were rejected, more than the 5% a plan accepts") || !strings.Contains(errOut, "--max-rejects 100%") {
		t.Errorf("exit %d, stderr %q; want exit 1 refusing the history with the way out", code, errOut)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("refused plan left %s (%v)", dir, err)
	}
	code, _, errOut = runCLI(t, append([]string{"plan", "--history", bad, "--out", dir, "--max-rejects", "50%"}, planFast...)...)
	if code != exitOK {
		t.Errorf("--max-rejects 50%%: exit %d: %s", code, errOut)
	}
}

// TestPlanSameBytes: the same inputs and seed give the same files, byte
// for byte (summary.json had the run's elapsed seconds and report.html the
// wall-clock time; both are gone, timings go to stderr only).
func TestPlanSameBytes(t *testing.T) {
	t.Parallel()
	dirs := []string{filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")}
	for _, d := range dirs {
		if code, _, errOut := runCLI(t, append([]string{"plan", "--out", d}, planFast...)...); code != exitOK {
			t.Fatalf("plan: exit %d: %s", code, errOut)
		}
	}
	for _, name := range []string{"summary.json", "report.html", "forecast.csv", "requirements.csv", "scenario.yaml", "intervals.csv", "headcount.csv"} {
		a, errA := os.ReadFile(filepath.Join(dirs[0], name))
		b, errB := os.ReadFile(filepath.Join(dirs[1], name))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs with the same inputs (%v, %v)", name, errA, errB)
		}
	}
}

// TestPlanTinyHistory: a three-row history used to end in "headcount
// sweep: the roster has no agents to scale" (exit 1); it is forecast by
// its mean day, with the note saying why, and planned.
func TestPlanTinyHistory(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "tickets_sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(data), "\n", 5)
	tiny := filepath.Join(t.TempDir(), "three.csv")
	if err := os.WriteFile(tiny, []byte(strings.Join(lines[:4], "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, append([]string{"plan", "--history", tiny, "--out", filepath.Join(t.TempDir(), "p")}, planFast...)...)
	if code != exitOK || !strings.Contains(errOut, "less than a week") || !strings.Contains(out, "Staffing plan") {
		t.Errorf("exit %d, stderr %q; want a plan with the short-history note", code, errOut)
	}
}
