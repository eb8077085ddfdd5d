package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/staffsim/staffsim/internal/realdata"
)

// callsFixture is a hand-made call log of two agents. By hand: 7 queued
// calls, 5 answered with waits 0, 15, 70, 55 and 5 s (ASA 29 s), 2
// abandoned after 40 and 20 s; within 20 s 3 of 7 (42.9 %), within 60 s
// 4 of 7 (57.1 %); the exponential patience 205 s of waiting / 2 abandons
// = 102.5 s. Ann works 09:00:00–09:09:00 and Bob 09:00:45–09:08:00: 975
// agent-seconds in the 09:00 half hour, 0.5416… agents.
const callsFixture = "testdata/calls_small.csv"

func TestInspectCallsTable(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "inspect", callsFixture, "--calls")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"7 queued: 5 answered (1 at once), 2 abandoned; 1 hung up in the VRU, 1 other",
		"ASA 29 s", "42.9% within 20 s, 57.1% within 1 min", "mean 1 min 43 s", "2 named", "agents present", "too few gaps"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestInspectCallsJSONAndCSV(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "inspect", callsFixture, "--calls", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Calls    struct{ Answered, Abandoned int } `json:"calls"`
		Measured struct {
			ASA float64 `json:"asa_seconds"`
			SL  []struct {
				Target float64 `json:"target_seconds"`
				Value  float64 `json:"service_level"`
			} `json:"service_levels"`
		} `json:"measured"`
		Patience struct {
			Exponential struct {
				Mean *float64 `json:"mean_seconds"`
			} `json:"exponential"`
			KM struct {
				Steps []struct{} `json:"steps"`
			} `json:"kaplan_meier"`
		} `json:"patience"`
		Agents *struct {
			Agents  int `json:"agents"`
			Present []struct {
				Agents float64 `json:"agents"`
			} `json:"present"`
		} `json:"agents"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if doc.Calls.Answered != 5 || doc.Calls.Abandoned != 2 || doc.Measured.ASA != 29 || len(doc.Measured.SL) != 2 ||
		math.Abs(doc.Measured.SL[0].Value-3.0/7) > 1e-12 || math.Abs(doc.Measured.SL[1].Value-4.0/7) > 1e-12 {
		t.Errorf("calls %+v, measured %+v; want 5, 2, ASA 29, SL 3/7 and 4/7", doc.Calls, doc.Measured)
	}
	if m := doc.Patience.Exponential.Mean; m == nil || *m != 102.5 || len(doc.Patience.KM.Steps) != 2 {
		t.Errorf("patience %+v; want mean 102.5 s and 2 Kaplan–Meier steps", doc.Patience)
	}
	if doc.Agents == nil || doc.Agents.Agents != 2 || len(doc.Agents.Present) != 1 || math.Abs(doc.Agents.Present[0].Agents-975.0/1800) > 1e-12 {
		t.Errorf("agents %+v; want 2 agents, 975/1800 present", doc.Agents)
	}

	code, out, errOut = runCLI(t, "inspect", callsFixture, "--calls", "--format", "csv", "--interval", "15m")
	if code != exitOK {
		t.Fatalf("csv: exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 2 || strings.Join(rows[0], ",") != "interval_start,agents" || rows[1][0] != "2026-03-02T09:00:00Z" ||
		rows[1][1] != "1.0833333333333333" {
		t.Errorf("csv %q (%v); want interval_start,agents and 975 s / 900 s = 1.0833333333333333 agents at 09:00", out, err)
	}
}

// TestInspectCallsBank runs inspect --calls on the Anonymous Bank's day:
// 1,511 answered and 728 abandoned in the queue (the package test
// recomputes every figure from the raw columns).
func TestInspectCallsBank(t *testing.T) {
	t.Parallel()
	path := realdata.Path(t, "anonymous-bank-1999/calls_one_day.csv")
	code, out, errOut := runCLI(t, "inspect", path, "--calls", "--date", "1999-08-01", "--tz", "Asia/Jerusalem")
	if code != exitOK || !strings.Contains(out, "2239 queued: 1511 answered (268 at once), 728 abandoned") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

func TestInspectCallsErrors(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"ticket history", []string{"inspect", reqTickets, "--calls"}, exitFailure, "not a call log: no column for queue_start"},
		{"clock times without a date", []string{"inspect", "testdata/calls_nodate.csv", "--calls"}, exitFailure, "give the day (inspect --date 1999-08-01)"},
		{"bad date", []string{"inspect", callsFixture, "--calls", "--date", "1/8/99"}, exitUsage, "--date \"1/8/99\""},
		{"bad within", []string{"inspect", callsFixture, "--calls", "--within", "soon"}, exitUsage, "--within \"soon\""},
		{"bad interval", []string{"inspect", callsFixture, "--calls", "--interval", "7m"}, exitUsage, "--interval 7m"},
		{"ticket flag", []string{"inspect", callsFixture, "--calls", "--sl", "80/20s"}, exitUsage, "--sl is for ticket histories"},
		{"ticket section flag", []string{"inspect", callsFixture, "--calls", "--hours", "mon-fri=09:00-17:00"}, exitUsage, "--hours is for ticket histories"},
		{"call flag without --calls", []string{"inspect", callsFixture, "--date", "2026-03-02"}, exitUsage, "add --calls"},
		{"absent column", []string{"inspect", callsFixture, "--calls", "--column", "agent=agent_name"}, exitUsage, `no column "agent_name"`},
		{"unknown field", []string{"inspect", callsFixture, "--calls", "--column", "wait=q_time"}, exitUsage, "unknown call-log field"},
	} {
		code, _, errOut := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and %q", c.name, code, errOut, c.code, c.want)
		}
	}
}
