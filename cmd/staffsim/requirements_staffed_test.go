package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRequirementsStaffing evaluates the fixture forecast at a staffing
// curve in 15-minute steps. Its 09:00 interval is the Call Centre Helper
// worked example (100 calls per 30 minutes, AHT 180 s) at its 14 agents:
// SL 88.8 % (0.8884), P(wait) 0.1741, ASA 7.8 s, occupancy 71.4 %. At
// 09:30 the desk had 12 then 13 agents (12.5 on average): the service
// level lies between the two. At 10:00, 250 calls of 200 s are 27.8
// erlangs on 10 agents: unstable, ASA empty, never NaN.
func TestRequirementsStaffing(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "requirements", "--forecast", reqFixture, "--staffing", "testdata/staffing_quarter.csv", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "covers 3 of the forecast's 6 intervals") {
		t.Errorf("stderr %q: want a note on the intervals covered", errOut)
	}
	var doc struct {
		Summary struct {
			UnstableIntervals int      `json:"unstable_intervals"`
			ASA               *float64 `json:"asa_seconds"`
			AgentHours        float64  `json:"agent_hours"`
		} `json:"summary"`
		Intervals []struct {
			Start    string   `json:"interval_start"`
			Agents   float64  `json:"agents"`
			SL       float64  `json:"service_level"`
			PW       float64  `json:"prob_wait"`
			ASA      *float64 `json:"asa_seconds"`
			Occ      float64  `json:"occupancy"`
			Unstable bool     `json:"unstable"`
			Meets    bool     `json:"meets_targets"`
		} `json:"intervals"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(doc.Intervals) != 3 {
		t.Fatalf("%d intervals, want the 3 the staffing covers:\n%s", len(doc.Intervals), out)
	}
	iv := doc.Intervals[0]
	if iv.Start != "2026-12-07T09:00:00Z" || iv.Agents != 14 || math.Abs(iv.SL-0.8884) > 5e-5 || math.Abs(iv.PW-0.1741) > 5e-5 ||
		iv.ASA == nil || math.Abs(*iv.ASA-7.8) > 0.05 || math.Abs(iv.Occ-0.7143) > 5e-5 || !iv.Meets {
		t.Errorf("09:00 = %+v; want 14 agents, SL 0.8884, P(wait) 0.1741, ASA 7.8 s, occupancy 0.7143, targets met", iv)
	}
	if iv := doc.Intervals[1]; iv.Agents != 12.5 || !(iv.SL > 0.6 && iv.SL < 0.8884) || iv.Unstable {
		t.Errorf("09:30 = %+v; want 12.5 agents, SL between 12 agents' and 14's", iv)
	}
	if iv := doc.Intervals[2]; !iv.Unstable || iv.ASA != nil || iv.Meets || iv.SL != 0 {
		t.Errorf("10:00 = %+v; want unstable, ASA null, SL 0", iv)
	}
	if doc.Summary.UnstableIntervals != 1 || doc.Summary.ASA != nil || doc.Summary.AgentHours != 18.25 {
		t.Errorf("summary %+v; want 1 unstable interval, ASA null, 18.25 agent-hours", doc.Summary)
	}

	// Erlang A: every interval stable, ASA defined.
	code, out, errOut = runCLI(t, "requirements", "--forecast", reqFixture, "--staffing", "testdata/staffing_quarter.csv", "--patience", "2m", "--format", "csv")
	if code != exitOK || strings.Contains(out, "true,false\n2026-12-07T10") || strings.Count(out, "\n") != 4 || strings.Contains(strings.ToLower(out), "nan") {
		t.Errorf("erlang-a: exit %d\n%s%s", code, out, errOut)
	}
}

// TestRequirementsStaffingErrors: bad staffing input names the file,
// line and what to do; flags that make no sense with --staffing are
// usage errors.
func TestRequirementsStaffingErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"gap", []string{"--staffing", write("gap.csv", "interval_start,agents\n2026-12-07T09:00:00Z,3\n2026-12-07T09:30:00Z,3\n2026-12-07T10:30:00Z,3\n")}, exitFailure, "line 4: interval_start 2026-12-07T10:30:00Z is 1h0m0s after the previous row, want 30m0s"},
		{"negative", []string{"--staffing", write("neg.csv", "interval_start,agents\n2026-12-07T09:00:00Z,-1\n")}, exitFailure, "line 2: agents -1 must be from 0"},
		{"not a number", []string{"--staffing", write("nan.csv", "interval_start,agents\n2026-12-07T09:00:00Z,many\n")}, exitFailure, "line 2: agents"},
		{"no agents column", []string{"--staffing", write("cols.csv", "interval_start,staff\n2026-12-07T09:00:00Z,1\n")}, exitFailure, `missing column "agents"`},
		{"two queues", []string{"--staffing", write("q.csv", "interval_start,agents,queue\n2026-12-07T09:00:00Z,1,a\n2026-12-07T09:00:00Z,1,b\n")}, exitUsage, `queues "a", "b"`},
		{"elsewhere", []string{"--staffing", write("far.csv", "interval_start,agents\n2027-01-01T09:00:00Z,1\n")}, exitUsage, "none of the forecast's intervals"},
		{"plot", []string{"--staffing", "testdata/staffing_quarter.csv", "--plot", filepath.Join(dir, "p.png")}, exitUsage, "drop --plot"},
		{"shrinkage", []string{"--staffing", "testdata/staffing_quarter.csv", "--shrinkage", "30%"}, exitUsage, "drop --shrinkage"},
		{"missing file", []string{"--staffing", filepath.Join(dir, "none.csv")}, exitFailure, "none.csv"},
	} {
		code, _, errOut := runCLI(t, append([]string{"requirements", "--forecast", reqFixture}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and %q", c.name, code, errOut, c.code, c.want)
		}
	}
}
