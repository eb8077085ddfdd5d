package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// twoTargets is a desk of two queues, one measured at 20 s and 1 min.
const twoTargets = `name: two targets
start: 2026-03-02
days: 1
interval: 1h
replications: 6
seed: 3
queues:
  - name: a
    arrivals: {rate: 60/h}
    handle_time: {distribution: exponential, mean: 4m}
    patience: {distribution: exponential, mean: 2m}
    sla: {targets: [20s, 1m], goal: 80%}
  - name: b
    priority: 2
    arrivals: {rate: 20/h}
    handle_time: {distribution: exponential, mean: 5m}
    sla: {target: 30s, goal: 80%}
roster:
  shifts:
    - {name: day, start: "00:00", length: 24h, agents: 6}
`

// simulate shows the desk total and the service level at every target in
// each of its outputs, and --format json each replication's figures: the
// totals add the queues up, the desk at a target counts the queues that
// measure it, and the per-replication figures average to the summary's.
func TestSimulateTotalsAndTargets(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "two.yaml")
	if err := os.WriteFile(path, []byte(twoTargets), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "simulate", path)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"WITHIN 20S", "WITHIN 30S", "WITHIN 1M", "\nTotal "} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}

	code, out, errOut = runCLI(t, "simulate", path, "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	type est struct{ Mean float64 }
	type level struct {
		Target float64 `json:"target_seconds"`
		SL     *est    `json:"service_level"`
	}
	type repLevel struct {
		Target float64  `json:"target_seconds"`
		SL     *float64 `json:"service_level"`
	}
	type repQueue struct {
		Queue         string     `json:"queue"`
		Offered       float64    `json:"offered"`
		ServiceLevel  *float64   `json:"service_level"`
		ServiceLevels []repLevel `json:"service_levels"`
	}
	var sum struct {
		Offered       est     `json:"offered"`
		ServiceLevel  est     `json:"service_level"`
		ServiceLevels []level `json:"service_levels"`
		Queues        []struct {
			Offered       est     `json:"offered"`
			ServiceLevels []level `json:"service_levels"`
		} `json:"queues"`
		PerReplication []struct {
			Queues []repQueue `json:"queues"`
			Total  repQueue   `json:"total"`
		} `json:"per_replication"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s: got %v, want %v", what, got, want)
		}
	}
	near("desk offered", sum.Offered.Mean, sum.Queues[0].Offered.Mean+sum.Queues[1].Offered.Mean)
	var targets []float64
	for _, l := range sum.ServiceLevels {
		targets = append(targets, l.Target)
	}
	if !slices.Equal(targets, []float64{20, 30, 60}) || len(sum.Queues[0].ServiceLevels) != 2 || len(sum.Queues[1].ServiceLevels) != 1 {
		t.Fatalf("targets: desk %v, queues %+v", targets, sum.Queues)
	}
	near("desk at 20s (queue a alone measures it)", sum.ServiceLevels[0].SL.Mean, sum.Queues[0].ServiceLevels[0].SL.Mean)
	near("desk at 30s (queue b alone)", sum.ServiceLevels[1].SL.Mean, sum.Queues[1].ServiceLevels[0].SL.Mean)
	if n := len(sum.PerReplication); n != 6 {
		t.Fatalf("%d replications in per_replication, want 6", n)
	}
	var total, a60 float64
	for _, r := range sum.PerReplication {
		if r.Total.ServiceLevel == nil || len(r.Queues) != 2 || len(r.Queues[0].ServiceLevels) != 2 || r.Queues[0].ServiceLevels[1].SL == nil {
			t.Fatalf("replication %+v", r)
		}
		near("replication's desk offered", r.Total.Offered, r.Queues[0].Offered+r.Queues[1].Offered)
		total += *r.Total.ServiceLevel / 6
		a60 += *r.Queues[0].ServiceLevels[1].SL / 6
	}
	near("mean of the replications' desk service level", total, sum.ServiceLevel.Mean)
	near("mean of the replications' SL of a within 60s", a60, sum.Queues[0].ServiceLevels[1].SL.Mean)

	code, out, errOut = runCLI(t, "simulate", path, "--format", "csv")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, h := range []string{"service_level_20s", "service_level_30s_low", "service_level_1m_high"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("header %v lacks %s", rows[0], h)
		}
	}
	if len(rows) != 1+24*3 {
		t.Fatalf("%d rows, want a header and 24 intervals × (2 queues + total)", len(rows))
	}
	num := func(s string) float64 { x, _ := strconv.ParseFloat(s, 64); return x }
	for i := 1; i < len(rows); i += 3 {
		a, b, tot := rows[i], rows[i+1], rows[i+2]
		if a[1] != "a" || b[1] != "b" || tot[1] != "total" {
			t.Fatalf("rows %v %v %v: want a, b, total", a, b, tot)
		}
		near("interval's total offered", num(tot[col["offered"]]), num(a[col["offered"]])+num(b[col["offered"]]))
		if b[col["service_level_20s"]] != "" || a[col["service_level_30s"]] != "" {
			t.Errorf("a queue has a level at a target it does not measure: %v / %v", a, b)
		}
		if a[col["service_level_20s"]] != a[col["service_level"]] || tot[col["service_level_1m"]] != a[col["service_level_1m"]] {
			t.Errorf("levels disagree: %v / %v", a, tot)
		}
	}
}
