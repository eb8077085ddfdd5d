package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/history"
)

// repoTestdata is a file of the repository's top-level testdata.
func repoTestdata(name string) string { return filepath.Join("..", "..", "testdata", name) }

// TestHistoryCommandsBadInput runs the commands that read a history
// (forecast, inspect, requirements, plan) on inputs the audit found
// mishandled: each must exit with the right status and a message that says
// what to do, never panic.
func TestHistoryCommandsBadInput(t *testing.T) {
	t.Parallel()
	tickets := repoTestdata("tickets_sample.csv")
	plan, dir := t.TempDir(), t.TempDir()
	zeros := writeWeeks(t, 4, func(int, int) int { return 0 })
	spike := writeWeeks(t, 4, func(day, slot int) int { return 10 * btoi(day/7 == 1 && slot >= 18 && slot < 34) })
	for _, tc := range []struct {
		args []string
		code int
		want string // in stderr
	}{
		{[]string{"forecast", "--history", tickets, "--interval", "1ns", "--out", "-"}, exitUsage, "whole number of minutes"},
		{[]string{"plan", "--history", tickets, "--interval", "1ns", "--out", plan}, exitUsage, "whole number of minutes"},
		{[]string{"plan", "--interval", "1ns", "--out", plan}, exitUsage, "whole number of minutes"},
		// Horizon and holdout within reason.
		{[]string{"forecast", "--history", tickets, "--out", "-", "--horizon", "100000d"}, exitUsage, "--horizon 100000d is more than 2 years (730d)"},
		{[]string{"forecast", "--history", tickets, "--out", "-", "--holdout", "1ns"}, exitUsage, "--holdout 1ns must be whole days"},
		{[]string{"forecast", "--history", tickets, "--out", "-", "--holdout", "36h"}, exitUsage, "--holdout 1d12h must be whole days"},
		// Contacts only in week 2 of 4: a forecast (weighted, untested) with a note, not a failure.
		{[]string{"forecast", "--history", spike, "--out", "-"}, exitOK, "note: no contacts in the last 14d of history (since Mon 2026-01-19)"},
		// Durations in messages read as typed: 28d, not 672h0m0s.
		{[]string{"forecast", "--history", tickets, "--out", "-", "--holdout", "28d"}, exitUsage, "--holdout 28d leaves no history: " + tickets + " covers 28d"},
		{[]string{"forecast", "--history", tickets, "--out", "-", "--horizon", "10m"}, exitUsage, "--horizon 10m must be at least one interval (30m)"},
		// inspect: an SVG heat map like every other chart; explicit zeros are data.
		{[]string{"inspect", tickets, "--plot", filepath.Join(dir, "heat.svg")}, exitOK, "wrote " + filepath.Join(dir, "heat.svg")},
		{[]string{"inspect", zeros, "--format", "json"}, exitOK, ""},
		// --tz Local would make output depend on the machine: refused by every command alike.
		{[]string{"inspect", tickets, "--tz", "Local"}, exitUsage, `--tz "Local" is the machine's zone`},
		{[]string{"forecast", "--history", tickets, "--out", "-", "--tz", "local"}, exitUsage, `--tz "local" is the machine's zone`},
		{[]string{"generate", "--days", "7", "--tz", "Local"}, exitUsage, `--tz "Local" is the machine's zone`},
		// A --shape that does not fit the file is a usage error.
		{[]string{"inspect", repoTestdata("phone-forecast.csv"), "--shape", "tickets"}, exitUsage, "--shape tickets: the file looks like volumes"},
		// Output paths are checked before any work (exit 2), not after it.
		{[]string{"forecast", "--history", tickets, "--out", dir}, exitUsage, "--out " + dir + " is a directory: give a file name, e.g. " + filepath.Join(dir, "forecast.csv")},
		{[]string{"forecast", "--history", tickets, "--out", "-", "--plot", dir}, exitUsage, "--plot " + dir + " is a directory"},
		{[]string{"forecast", "--history", tickets, "--out", dir + "/f.png", "--plot", dir + "/f.png"}, exitUsage, "--out and --plot both name"},
		{[]string{"inspect", tickets, "--plot", dir}, exitUsage, "--plot " + dir + " is a directory"},
		// Absurd numbers are rejected rows, not +Inf in JSON.
		{[]string{"inspect", readerCorpus("bad", "absurd_volumes.csv"), "--format", "json"}, exitOK, ""},
		{[]string{"inspect", readerCorpus("bad", "absurd_tickets.csv"), "--format", "json"}, exitOK, ""},
	} {
		code, _, stderr := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "panic") || strings.Contains(stderr, "have no data") {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}

// TestRequirementsKeepsAHTOfQuietIntervals: a forecast row with 0 arrivals
// and an aht_seconds keeps it in requirements.csv (testdata/phone-forecast.csv
// has 240 everywhere), so the file reads back with an AHT on every row.
func TestRequirementsKeepsAHTOfQuietIntervals(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "requirements", "--forecast", repoTestdata("phone-forecast.csv"), "--sl", "80/20s", "--format", "csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 2 || rows[0][2] != "aht_seconds" {
		t.Fatalf("requirements CSV %v, %v", rows, err)
	}
	quiet := 0
	for _, r := range rows[1:] {
		if a, err := strconv.ParseFloat(r[2], 64); err != nil || math.Abs(a-240) > 1e-9 {
			t.Fatalf("row %v: aht_seconds %q, want 240 as in the forecast", r, r[2])
		}
		if r[1] == "0" {
			quiet++
		}
	}
	if quiet == 0 {
		t.Error("the fixture has no quiet interval any more: the test checks nothing")
	}
}

// TestHistoryFromStandardInput: every command that reads a history takes
// - for standard input, which cannot seek (the reader reads a history
// twice, replaying from memory what it cannot seek back over), and a
// pipe given by name (/dev/stdin) too.
func TestHistoryFromStandardInput(t *testing.T) {
	t.Parallel()
	volumes, err := os.ReadFile(repoTestdata("phone-forecast.csv"))
	if err != nil {
		t.Fatal(err)
	}
	tickets, err := os.ReadFile(repoTestdata("tickets_sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args  []string
		in    []byte
		want  string // in stdout
		noted string // in stderr
	}{
		{[]string{"inspect", "-"}, tickets, "rows", ""},
		{[]string{"forecast", "--history", "-", "--out", "-", "--method", "snaive"}, tickets, "interval_start,arrivals,lower,upper", "stdin:"},
		{[]string{"requirements", "--forecast", "-", "--sl", "80/20s", "--format", "csv"}, volumes, "interval_start,arrivals,aht_seconds", "stdin:"},
		{append([]string{"plan", "--history", "-", "--format", "csv", "--out", filepath.Join(t.TempDir(), "plan")}, planFast...), tickets, "case,fte_needed", "stdin:"},
	} {
		var out, errb strings.Builder
		stdin := io.MultiReader(bytes.NewReader(tc.in)) // a pipe: it cannot seek
		code := run(context.Background(), tc.args, streams{in: stdin, out: &out, err: &errb})
		if code != exitOK || !strings.Contains(out.String(), tc.want) || !strings.Contains(errb.String(), tc.noted) {
			t.Errorf("%q: exit %d, stdout %.200q, stderr %.300q", tc.args, code, out.String(), errb.String())
		}
	}
}

// TestHistoryInputPipeByName: a named pipe (what /dev/stdin or a shell's
// <(…) is), which cannot seek, reads whole like -.
func TestHistoryInputPipeByName(t *testing.T) {
	t.Parallel()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() {
		w.WriteString("interval_start,arrivals,aht_seconds\n2026-12-07T09:00:00Z,10,200\n")
		w.Close()
	}()
	name := fmt.Sprintf("/proc/self/fd/%d", r.Fd())
	if _, err := os.Stat(name); err != nil {
		t.Skip("no /proc/self/fd:", err)
	}
	var opt history.Options
	got, in, done, err := historyInput(context.Background(), strings.NewReader(""), name, &opt)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	s, rep, err := forecast.LoadSeries(got, in, opt, 0)
	if err != nil || s.Len() != 1 || s.Arrivals[0] != 10 || got != name || rep.File != name {
		t.Errorf("series %+v, name %q, err %v", s, got, err)
	}
}

// writeWeeks writes weeks of 30m interval volumes from Monday 2026-01-05
// (UTC) with arrivals(day, slot) contacts and AHT 240 s, and returns the path.
func writeWeeks(t *testing.T, weeks int, arrivals func(day, slot int) int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("interval_start,arrivals,aht_seconds\n")
	start := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	for i := range weeks * 7 * 48 {
		fmt.Fprintf(&b, "%s,%d,240\n", start.Add(time.Duration(i)*30*time.Minute).Format(time.RFC3339), arrivals(i/48, i%48))
	}
	p := filepath.Join(t.TempDir(), "volumes.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
