package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
)

// The DESIGN.md contract example (720/h, AHT 240 s, 80/20s, 30 % shrinkage:
// 54 agents, SL 0.8172, P(wait) 0.3013, ASA 12.05 s, occupancy 0.8889,
// 78 scheduled) and its exact key set.
// designErlangKeys are the JSON keys and CSV columns of erlang, in the
// order of DESIGN.md ("staffsim erlang JSON").
var designErlangKeys = []string{"model", "arrival_rate_per_hour", "aht_seconds", "traffic_erlangs", "agents",
	"service_level", "target_seconds", "prob_wait", "asa_seconds", "occupancy", "abandon_rate", "shrinkage", "scheduled_agents"}

func TestErlangJSONContract(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "erlang", "--rate", "720/h", "--aht", "240s", "--sl", "80/20s", "--shrinkage", "30%", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := slices.Clone(designErlangKeys)
	slices.Sort(want)
	if !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	for k, v := range map[string]float64{"agents": 54, "service_level": 0.8172, "prob_wait": 0.3013,
		"asa_seconds": 12.05, "occupancy": 0.8889, "scheduled_agents": 78, "traffic_erlangs": 48, "target_seconds": 20} {
		if got, ok := m[k].(float64); !ok || math.Abs(got-v) > 0.005 {
			t.Errorf("%s = %v, want %v", k, m[k], v)
		}
	}
	if m["model"] != "erlang-c" || m["abandon_rate"] != nil {
		t.Errorf("model %v, abandon_rate %v; want erlang-c and null", m["model"], m["abandon_rate"])
	}
}

// The Call Centre Helper worked example (100 calls per 30 min, AHT 180 s,
// 80/20s: 14 agents, SL 88.8 %, 20 with 30 % shrinkage), as people read it.
func TestErlangWorkedExampleTable(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "erlang", "--arrivals", "100", "--interval", "30m", "--aht", "180s", "--sl", "80/20s", "--shrinkage", "30%")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"agents            14", "88.8% within 20 s", "scheduled agents  20", "occupancy         71.4%"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestErlangStaffingTableCSV(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "erlang", "--arrivals", "100", "--aht", "3m", "--table", "--format", "csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "no target given") {
		t.Errorf("stderr %q lacks the default-target note", errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], designErlangKeys) {
		t.Errorf("header %v", rows[0])
	}
	var agents []string
	for _, r := range rows[1:] {
		agents = append(agents, r[4])
	}
	// First stable headcount for 10 erlangs is 11; 14 meets 80/20s; three past it.
	if want := []string{"11", "12", "13", "14", "15", "16", "17"}; !slices.Equal(agents, want) {
		t.Errorf("agents column %v, want %v", agents, want)
	}
}

func TestErlangModels(t *testing.T) {
	t.Parallel()
	// Erlang A: the pyworkforce regression scenario at 14 agents
	// (test_abandonment.py: service level 0.916792, abandonment 0.013984).
	code, out, errOut := runCLI(t, "erlang", "--arrivals", "100", "--aht", "3m", "--patience", "5m", "--agents", "14", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r erlangRecord
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Model != "erlang-a" || r.AbandonRate == nil || math.Abs(float64(*r.AbandonRate)-0.013984) > 5e-7 || math.Abs(float64(r.ServiceLevel)-0.916792) > 5e-7 {
		t.Errorf("erlang-a record %+v", r)
	}
	// Erlang B: 10 erlangs at most 2 % blocked need 17 (pyworkforce README; Erlang B table).
	code, out, errOut = runCLI(t, "erlang", "--model", "erlang-b", "--arrivals", "100", "--aht", "3m", "--sl", "98/20s", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Model != "erlang-b" || r.Agents != 17 || r.AbandonRate != nil {
		t.Errorf("erlang-b record %+v", r)
	}
}

func TestErlangUnstable(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "erlang", "--rate", "720/h", "--aht", "240s", "--agents", "48", "--format", "json")
	if code != exitFailure || out != "" || !strings.Contains(errOut, "unstable") || !strings.Contains(errOut, "49 agents") {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 naming the instability", code, out, errOut)
	}
}

func TestErlangBadInput(t *testing.T) {
	t.Parallel()
	base := []string{"erlang", "--rate", "720/h"}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"erlang", "--aht", "240s"}, "arrivals"},
		{append(base, "--aht", "0s"), "--aht"},
		{append(base, "--aht", "-5s"), "duration"},
		{append(base, "--aht", "240"), "duration"},
		{[]string{"erlang", "--rate", "720/h", "--arrivals", "10", "--aht", "4m"}, "not both"},
		{[]string{"erlang", "--arrivals", "-3", "--aht", "4m"}, "--arrivals"},
		{[]string{"erlang", "--arrivals", "NaN", "--aht", "4m"}, "--arrivals"},
		{append(base, "--aht", "4m", "--sl", "120/20s"), "SLA"},
		{append(base, "--aht", "4m", "--sl", "100/20s"), "100%"},
		{append(base, "--aht", "4m", "--max-occupancy", "0%"), "occupancy"},
		{append(base, "--aht", "4m", "--max-abandon", "5%"), "patience"},
		{append(base, "--aht", "4m", "--patience", "3m", "--max-abandon", "0%"), "abandon"},
		{append(base, "--aht", "4m", "--model", "erlang-a"), "patience"},
		{append(base, "--aht", "4m", "--model", "erlang-x"), "unknown model"},
		{append(base, "--aht", "4m", "--shrinkage", "100%"), "shrinkage"},
		{append(base, "--aht", "4m", "--agents", "-1"), "--agents"},
		{append(base, "--aht", "4m", "--agents", "50", "--table"), "--table"},
		{append(base, "--aht", "4m", "--format", "xml"), "format"},
		{append(base, "--aht", "4m", "extra"), "unknown command"},
		// Found by the CLI audit.
		{append(base, "--aht", "240"), "add a unit, e.g. 240s"},
		{append(base, "--aht", "4m", "--model", "erlang-b", "--asa", "10s"), "--asa has no meaning for erlang-b"},
		{append(base, "--aht", "4m", "--model", ""), "unknown model"},
		{append(base, "--aht", "4m", "--sl", "80/1000000d"), "invalid SLA target"},
		{[]string{"erlang", "--rate", "1e300/h", "--aht", "4m"}, "at most"},
		{[]string{"erlang", "--arrivals", "1e308", "--aht", "4m"}, "traffic"},
		{append(base, "--aht", "4m", "--agents", "2000000", "--shrinkage", "0.9999999999999999"), "at most 99%"},
		{append(base, "--aht", "4m", "--shrinkage", "99.5%"), "at most 99%"},
	} {
		code, out, errOut := runCLI(t, c.args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 mentioning %q", c.args, code, out, errOut, c.want)
		}
	}
}

func TestErlangTableJSONAndLargeTraffic(t *testing.T) {
	t.Parallel()
	// 100,000 erlangs: the table runs from the first stable headcount (100,001).
	code, out, errOut := runCLI(t, "erlang", "--rate", "2000000/h", "--aht", "180s", "--sl", "80/20s", "--table", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var recs []erlangRecord
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) < 4 || recs[0].Agents != 100_001 || recs[0].Traffic != 100_000 {
		t.Fatalf("%d rows, first %+v", len(recs), recs[0])
	}
	for i, r := range recs {
		if i > 0 && (r.Agents != recs[i-1].Agents+1 || r.ServiceLevel < recs[i-1].ServiceLevel) {
			t.Errorf("row %d %+v after %+v", i, r, recs[i-1])
		}
		if r.ServiceLevel < 0 || r.ServiceLevel > 1 || r.ASASeconds < 0 || math.IsInf(float64(r.ASASeconds), 0) {
			t.Errorf("row %d out of range: %+v", i, r)
		}
	}
	if last := recs[len(recs)-4]; last.ServiceLevel < 0.8 || recs[len(recs)-5].ServiceLevel >= 0.8 {
		t.Errorf("the answer should be the fourth row from the end: %+v", last)
	}
}

// TestErlangTextTimes: times in the one table format of report.Seconds
// ("4 min", "2 min 30 s", not "4m0s" or "2m30s"; issue 12), and a tiny
// positive AHT is not shown as "0 s" (found by the CLI audit).
func TestErlangTextTimes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		aht, want string
	}{{"4m", "AHT               4 min\n"}, {"1ms", "AHT               <0.1 s\n"}, {"150s", "AHT               2 min 30 s\n"}, {"800ms", "AHT               0.8 s\n"}, {"122.8s", "AHT               2 min 3 s\n"}} {
		code, out, errOut := runCLI(t, "erlang", "--rate", "720/h", "--aht", c.aht)
		if code != exitOK || !strings.Contains(out, c.want) {
			t.Errorf("--aht %s: exit %d, stderr %q, stdout %q; want a line %q", c.aht, code, errOut, out, c.want)
		}
	}
}

// TestErlangExactOccupancyCap: 153 contacts of 300 s per 15 minutes are
// 153·300/900 = 51 erlangs (612 an hour), and 51/60 = 0.85 exactly, so an
// 85 % cap staffs 60. Dividing first gave 51.00000000000001 erlangs,
// 0.8500000000000001 on 60 agents, and 61.
func TestErlangExactOccupancyCap(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "erlang", "--arrivals", "153", "--interval", "15m", "--aht", "300s",
		"--max-occupancy", "85%", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]float64{"agents": 60, "traffic_erlangs": 51, "occupancy": 0.85, "arrival_rate_per_hour": 612} {
		if got, ok := m[k].(float64); !ok || got != v {
			t.Errorf("%s = %v, want exactly %v", k, m[k], v)
		}
	}
}
