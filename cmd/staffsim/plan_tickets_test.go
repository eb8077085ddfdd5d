package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/staffsim/staffsim/internal/realdata"
	"github.com/staffsim/staffsim/scenarios/ticketplan"
)

// TestPlanTicketDesk: plan on the ServiceNow export is a ticket-desk plan
// (by --desk auto): analysts per tier, each priority's targets in words
// and its P(meet); the table, the JSON and summary.json agree, and a
// second run writes the same bytes. (The same export with phone flags,
// --aht and --sl, is planned as a phone queue in TestPlanRealExports.)
func TestPlanTicketDesk(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole plan: left to the full run")
	}
	path := realdata.Path(t, "servicenow-incidents-2016/incident_event_log_partial.csv")
	dir := t.TempDir()
	args := []string{"plan", "--history", path, "--id-column", "number", "--horizon", "7d", "--replications", "4",
		"--confidence", "75%", "--touch", "L1=15m,L2=45m,L3=90m", "--pending", "10%"}
	code, out, errOut := runCLI(t, append(args, "--out", filepath.Join(dir, "a"))...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Ticket desk plan", "analysts (L1 ", "resolved within 8 business hours", "P(meet) 1 - Critical", "L1 15m, L2 45m, L3 1h30m"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "desk: tickets") {
		t.Errorf("stderr does not say the desk was taken for a ticket desk:\n%s", errOut)
	}
	code, js, errOut := runCLI(t, append(args, "--out", filepath.Join(dir, "b"), "--format", "json")...)
	if code != exitOK {
		t.Fatalf("json: exit %d: %s", code, errOut)
	}
	var s ticketplan.Summary
	if err := json.Unmarshal([]byte(js), &s); err != nil {
		t.Fatal(err)
	}
	if s.Desk != "tickets" || len(s.Tiers) != 3 || len(s.Priorities) != 4 || s.Analysts == 0 {
		t.Fatalf("summary: desk %q, %d tiers, %d priorities, %d analysts", s.Desk, len(s.Tiers), len(s.Priorities), s.Analysts)
	}
	sum := 0
	for _, tr := range s.Tiers {
		sum += tr.Analysts
		if !strings.Contains(out, tr.Tier) {
			t.Errorf("tier %s not in the table", tr.Tier)
		}
	}
	if sum != s.Analysts || !strings.Contains(out, s.Lines[0]) {
		t.Errorf("tiers add to %d, summary %d; table line %q", sum, s.Analysts, s.Lines[0])
	}
	for _, f := range []string{"scenario.yaml", "report.html", "forecast.csv", "tier_headcount.csv", "ticket-headcount.png", "ticket-attainment.png"} {
		if st, err := os.Stat(filepath.Join(dir, "a", f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: missing or empty (%v)", f, err)
		}
	}
	// scenario.yaml runs as it stands (plan checked that it simulates to
	// the plan's own figures before writing it).
	if code, out, errOut := runCLI(t, "simulate", filepath.Join(dir, "a", "scenario.yaml"), "--format", "json"); code != exitOK || !strings.Contains(out, `"tickets"`) {
		t.Errorf("simulate scenario.yaml: exit %d, %s", code, errOut)
	}
	a, err := os.ReadFile(filepath.Join(dir, "a", "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "b", "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) {
		t.Error("two runs wrote different summary.json")
	}
}

// TestPlanTicketFlags: bad ticket flags are usage errors naming the flag.
func TestPlanTicketFlags(t *testing.T) {
	path := realdata.Path(t, "servicenow-incidents-2016/incident_event_log_partial.csv")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--desk", "queue"}, `--desk "queue": give phone, tickets or auto`},
		{[]string{"--touch", "L4=1h"}, `--touch "L4=1h": no tier "L4"; the tiers are L1, L2, L3`},
		{[]string{"--touch", "L1"}, `--touch "L1": write TIER=DURATION`},
		{[]string{"--touch", "L1=1h,L1=2h"}, "--touch gives L1 twice"},
		{[]string{"--touch", "L1=-5m"}, `--touch "L1=-5m": a touch time must be positive`},
		{[]string{"--touch", "L1=0s"}, `--touch "L1=0s": a touch time must be positive`},
		{[]string{"--touch", "L1=10000h"}, "at most 30 days"},
		{[]string{"--pending-time", "0s"}, "--pending-time 0s must be a positive duration"},
		{[]string{"--pending", "100%"}, "--pending 100% must be a share from 0% to below 100%"},
		{[]string{"--hours", "mon-fri=25:00-26:00"}, "--hours"},
		{[]string{"--sla-per-priority", "P1"}, "--sla-per-priority"},
		{[]string{"--no-history"}, "--desk tickets plans a ticket history: give --history"},
	} {
		args := append([]string{"plan", "--history", path, "--id-column", "number", "--out", t.TempDir()}, tt.args...)
		if tt.args[0] == "--no-history" {
			args = []string{"plan", "--desk", "tickets", "--out", t.TempDir()}
		}
		code, _, errOut := runCLI(t, args...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 with %q", tt.args, code, errOut, tt.want)
		}
	}
}

// TestPlanTicketHostileHistories: ticket exports the defaults cannot
// judge are refused before any work, with the flag that fixes them, and
// leave no output directory — they used to run the whole search and then
// fail on the scenario the plan wrote ("a bug").
func TestPlanTicketHostileHistories(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "tickets_sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	// edit rewrites every row's fields (header included, row 0).
	edit := func(f func(row int, fs []string) []string) string {
		var b strings.Builder
		for i, l := range lines {
			b.WriteString(strings.Join(f(i, strings.Split(l, ",")), ","))
			b.WriteByte('\n')
		}
		return b.String()
	}
	words := map[string]string{"P1": "Urgent", "P2": "High", "P3": "Medium", "P4": "Low"}
	for _, tc := range []struct {
		name, csv string
		args      []string
		want      string
	}{
		{"priorities in words", edit(func(i int, fs []string) []string {
			if i > 0 {
				fs[2] = words[fs[2]]
			}
			return fs
		}), []string{"--desk", "tickets"}, `no SLA target for priority "Urgent", "High", "Medium", "Low"`},
		{"no priority column", edit(func(_ int, fs []string) []string { return append(fs[:2:2], fs[3:]...) }),
			[]string{"--desk", "tickets"}, "--column priority=HEADER"},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "history.csv")
		if err := os.WriteFile(path, []byte(tc.csv), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "plan")
		code, _, errOut := runCLI(t, append([]string{"plan", "--history", path, "--out", out, "--replications", "3"}, tc.args...)...)
		if code != exitUsage || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "a bug") {
			t.Errorf("%s: exit %d, stderr %q; want exit 2 with %q", tc.name, code, errOut, tc.want)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s: %s exists after a refused plan (%v)", tc.name, out, err)
		}
	}
}
