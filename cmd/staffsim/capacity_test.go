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
	"time"

	"github.com/staffsim/staffsim/scenarios/capacity"
)

// capacityFast are flags that keep a capacity test quick: three months,
// a coarse level grid, few paths and replications.
var capacityFast = []string{"--months", "3", "--level-step", "50%", "--runs", "100", "--replications", "4"}

// capacityFiles are the files every capacity run writes.
var capacityFiles = []string{"months.csv", "classes.csv", "summary.json", "report.html",
	"capacity-supply.png", "capacity-probability.png", "capacity-hiring.png"}

// The built-in sample end to end: every file, a summary that reads back,
// stdout as CSV, and the same bytes from a second run.
func TestCapacitySample(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline twice")
	}
	dirs := []string{filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")}
	var outs []string
	for _, dir := range dirs {
		code, stdout, stderr := runCLI(t, append([]string{"capacity", "--out", dir, "--format", "csv", "--classes", "2026-09-07:4"}, capacityFast...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		outs = append(outs, stdout)
		for _, f := range capacityFiles {
			if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
				t.Errorf("%s: missing or empty (%v)", f, err)
			}
		}
	}
	rows, err := csv.NewReader(strings.NewReader(outs[0])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Three plans (recommended, no hiring, today's) × three months.
	if len(rows) != 1+9 || rows[0][0] != "plan" || rows[0][8] != "required_fte" {
		t.Errorf("stdout CSV: %d rows, header %v", len(rows), rows[0])
	}
	var sum capacity.Summary
	if err := json.Unmarshal(mustRead(t, filepath.Join(dirs[0], "summary.json")), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Months != 3 || len(sum.Plans) != 3 || len(sum.Lines) < 2 || sum.Supply.Headcount != sampleHeadcount || sum.Plans[2].Name != "today's hiring plan" {
		t.Errorf("summary: %d months, %d plans, lines %q, supply %+v", sum.Months, len(sum.Plans), sum.Lines, sum.Supply)
	}
	html := string(mustRead(t, filepath.Join(dirs[0], "report.html")))
	for _, want := range []string{"Hiring plan", "Month by month", "Supply against demand", "How the plan was made"} {
		if !strings.Contains(html, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	if outs[0] != outs[1] {
		t.Error("two runs printed different CSV")
	}
	for _, f := range []string{"months.csv", "classes.csv", "report.html", "capacity-supply.png"} {
		a, b := mustRead(t, filepath.Join(dirs[0], f)), mustRead(t, filepath.Join(dirs[1], f))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs of the same inputs", f)
		}
	}
}

// Bad flags and settings are usage errors (exit 2) that say what to write.
func TestCapacityBadInput(t *testing.T) {
	t.Parallel()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--attrition", "150%"}, "--attrition"},
		{[]string{"--attrition", "2%/week"}, "20%/year"},
		{[]string{"--lead-time", "six weeks"}, "6w"},
		{[]string{"--months", "40"}, "1 to 36"},
		{[]string{"--months", "78w"}, ""}, // 78 weeks is 18 months: fine until --target
		{[]string{"--target", "0"}, "90%"},
		{[]string{"--ramp", "60%,x"}, "productivity"},
		{[]string{"--class-size", "8..4"}, "MIN..MAX"},
		{[]string{"--event", "launch:2027-13=+5%"}, "2027-03"},
		{[]string{"--classes", "2027-03-01"}, "START:SIZE"},
		{[]string{"--shrinkage-month", "jly=30%"}, "MONTH=PCT"},
		{[]string{"--part-time", "20%"}, "20%@20h"},
		{[]string{"--overtime", "10%@0.5"}, "from 1 to 10"},
		{[]string{"--history", "x.csv"}, "--headcount"},
		{[]string{"--settings", "no-such.yaml"}, "file not found"},
		{[]string{"--settings", "../../scenarios/capacity/testdata/broken/unknown-key.yaml"}, `did you mean "attrition"`},
		{[]string{"--runs", "5"}, "--runs"},
		{[]string{"--model", "erlang-b"}, "erlang-c"},
	}
	for _, c := range cases {
		args := append([]string{"capacity", "--out", filepath.Join(t.TempDir(), "out")}, c.args...)
		if c.want == "" {
			args = append(args, "--target", "200%")
			c.want = "--target"
		}
		code, _, stderr := runCLI(t, args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

func TestCapacityClassSize(t *testing.T) {
	t.Parallel()
	for in, want := range map[string][2]int{"4..12": {4, 12}, "4..": {4, 0}, "12": {0, 12}} {
		lo, hi, err := parseClassSize(in)
		if err != nil || lo != want[0] || hi != want[1] {
			t.Errorf("parseClassSize(%q) = %d, %d, %v; want %v", in, lo, hi, err, want)
		}
	}
	for _, bad := range []string{"8..4", "0..4", "..", "x", "4.5"} {
		if _, _, err := parseClassSize(bad); err == nil {
			t.Errorf("parseClassSize(%q) took it", bad)
		}
	}
}

func TestCapacityMonths(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]int{"12": 12, "18mo": 18, "78w": 18, "52w": 12, "4w": 1} {
		if got, err := parseMonths(in); err != nil || got != want {
			t.Errorf("parseMonths(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"0", "37", "x", "1.5"} {
		if _, err := parseMonths(bad); err == nil {
			t.Errorf("parseMonths(%q) took it", bad)
		}
	}
}

// An interrupted run exits 130 and leaves no directory and no staging.
func TestCapacityInterrupted(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "capacity")
	for _, after := range []time.Duration{0, 500 * time.Millisecond, 3 * time.Second} {
		ctx, cancel := context.WithCancel(context.Background())
		if after == 0 {
			cancel()
		} else {
			time.AfterFunc(after, cancel)
		}
		var out, errb bytes.Buffer
		code := run(ctx, append([]string{"capacity", "--out", dir}, capacityFast...), streams{in: strings.NewReader(""), out: &out, err: &errb})
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
