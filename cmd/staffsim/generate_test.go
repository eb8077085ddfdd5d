package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

const ticketsHeader = "ticket_id,created_at,priority,channel,category,handle_seconds,first_response_at,resolved_at"

// parseTickets reads generated tickets back with encoding/csv and checks
// every field; it returns the rows without the header.
func parseTickets(t *testing.T, out string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(out))
	r.FieldsPerRecord = 8
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("output is not valid CSV: %v", err)
	}
	if len(rows) < 2 || strings.Join(rows[0], ",") != ticketsHeader {
		t.Fatalf("header %v (%d rows), want %s", rows[0], len(rows), ticketsHeader)
	}
	for i, row := range rows[1:] {
		line := i + 2
		created, err := time.Parse(time.RFC3339, row[1])
		if err != nil {
			t.Fatalf("line %d: created_at %q: %v", line, row[1], err)
		}
		if !strings.HasPrefix(row[0], "INC") || !strings.Contains("P1 P2 P3 P4", row[2]) || !strings.Contains("phone email portal", row[3]) || row[4] == "" {
			t.Fatalf("line %d: bad id, priority, channel or category: %v", line, row)
		}
		if h, err := strconv.ParseFloat(row[5], 64); err != nil || !(h >= 1) {
			t.Fatalf("line %d: handle_seconds %q, want a number ≥ 1", line, row[5])
		}
		for _, col := range []int{6, 7} {
			if row[col] == "" {
				continue
			}
			if at, err := time.Parse(time.RFC3339, row[col]); err != nil || at.Before(created) {
				t.Fatalf("line %d: column %d %q not an RFC 3339 time after created_at %s", line, col+1, row[col], row[1])
			}
		}
	}
	return rows[1:]
}

func TestGenerateTickets(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "generate", "--days", "3", "--daily-volume", "200")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	rows := parseTickets(t, out)
	if n := len(rows); n < 450 || n > 750 {
		t.Errorf("%d tickets for 3 days at 200/weekday (Mon–Wed), want about 650", n)
	}
	if first := rows[0][1]; !strings.HasPrefix(first, "2026-01-05T") {
		t.Errorf("first ticket at %s, want on the default start 2026-01-05", first)
	}
	if want := strconv.Itoa(len(rows)) + " tickets, 2026-01-05 to 2026-01-07 (3 days, UTC), seed 1"; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q, want it to contain %q", errOut, want)
	}
}

func TestGenerateDeterministic(t *testing.T) {
	t.Parallel()
	args := []string{"generate", "--days", "10", "--seed", "7", "--tz", "Europe/London", "--start", "2026-03-23"}
	_, a, _ := runCLI(t, args...)
	_, b, _ := runCLI(t, args...)
	if a != b || a == "" {
		t.Fatalf("two runs with seed 7 differ (%d and %d bytes)", len(a), len(b))
	}
	_, c, _ := runCLI(t, append(args, "--seed", "8")...)
	if c == a {
		t.Error("seeds 7 and 8 gave the same output")
	}
	// The history crosses the start of British Summer Time (29 March 2026).
	if !strings.Contains(a, "2026-03-27T10:") || !strings.Contains(a, "+01:00") {
		t.Error("want Europe/London times in GMT (Z) before 29 March and +01:00 after")
	}
	parseTickets(t, a)
}

func TestGenerateOutFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "sub", "tickets.csv")
	code, out, errOut := runCLI(t, "generate", "--days", "2", "--out", path)
	if code != exitOK || out != "" || !strings.Contains(errOut, "wrote "+path) {
		t.Fatalf("exit %d, stdout %d bytes, stderr %q", code, len(out), errOut)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, want, _ := runCLI(t, "generate", "--days", "2")
	if string(got) != want {
		t.Errorf("--out file differs from stdout output")
	}
}

func TestGenerateVolumes(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "generate", "--days", "2", "--interval", "30m")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "interval_start,arrivals,aht_seconds" || len(rows) != 1+2*48 {
		t.Fatalf("header %v and %d rows, want interval_start,arrivals,aht_seconds and 96 intervals", rows[0], len(rows)-1)
	}
	total := 0
	for i, row := range rows[1:] {
		at, err := time.Parse(time.RFC3339, row[0])
		if err != nil || !at.Equal(time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC).Add(time.Duration(i)*30*time.Minute)) {
			t.Fatalf("row %d: interval_start %q", i+2, row[0])
		}
		n, err := strconv.Atoi(row[1])
		if err != nil || n < 0 || (n == 0) != (row[2] == "") {
			t.Fatalf("row %d: arrivals %q with aht %q", i+2, row[1], row[2])
		}
		total += n
	}
	_, tickets, _ := runCLI(t, "generate", "--days", "2")
	if want := strings.Count(tickets, "\n") - 1; total != want {
		t.Errorf("volumes sum to %d arrivals, the same run's tickets are %d", total, want)
	}
}

func TestGenerateHolidays(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "holidays.txt")
	// Wednesday 7 January 2026 is a company holiday; 1 January is not.
	if err := os.WriteFile(file, []byte("# company\n2026-01-07\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	count := func(out, day string) int { return strings.Count(out, ","+day+"T") }
	_, custom, _ := runCLI(t, "generate", "--start", "2025-12-29", "--days", "14", "--holidays", file)
	_, builtIn, _ := runCLI(t, "generate", "--start", "2025-12-29", "--days", "14")
	_, none, _ := runCLI(t, "generate", "--start", "2025-12-29", "--days", "14", "--holidays", "none")
	if c, b := count(custom, "2026-01-07"), count(builtIn, "2026-01-07"); c > 60 || b < 300 {
		t.Errorf("7 January: %d tickets as a company holiday (want near zero), %d otherwise (want about 400)", c, b)
	}
	if c, b, n := count(custom, "2026-01-01"), count(builtIn, "2026-01-01"), count(none, "2026-01-01"); c < 300 || b > 60 || n < 300 {
		t.Errorf("1 January: %d with the file, %d built in, %d with none; want ~400, near zero, ~400", c, b, n)
	}
}

func TestGenerateBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("2026-12-25\n\n26/12/2026\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--days", "-1"}, "--days -1 must be between 1"},
		{[]string{"--days", "0"}, "--days 0 must be between 1"},
		{[]string{"--days", "ten"}, `invalid argument "ten"`},
		{[]string{"--tz", "Mars/Olympus"}, `--tz "Mars/Olympus" is not an IANA time zone`},
		{[]string{"--start", "2026-13-01"}, `--start "2026-13-01" is not a date: write YYYY-MM-DD`},
		{[]string{"--start", "today"}, `--start "today" is not a date`},
		{[]string{"--daily-volume", "0"}, "--daily-volume 0 must be above 0"},
		{[]string{"--daily-volume", "-20"}, "--daily-volume -20 must be above 0"},
		{[]string{"--daily-volume", "NaN"}, "--daily-volume NaN must be above 0"},
		{[]string{"--trend", "-100%"}, "--trend -100% must be above -100%"},
		{[]string{"--trend", "fast"}, `invalid growth "fast"`},
		{[]string{"--noise", "150%"}, "must be between 0% and 100%"},
		{[]string{"--interval", "7m"}, "--interval 7m must be whole minutes that divide 24h"},
		// Found by the CLI audit: 1ns panicked (a slice of 1.7e14 intervals),
		// an explicit 0s silently wrote tickets, a bare --trend 5 meant 500 %.
		{[]string{"--interval", "1ns"}, "--interval 1ns must be whole minutes"},
		{[]string{"--interval", "90s"}, "--interval 1m30s must be whole minutes"},
		{[]string{"--interval", "0s"}, "--interval 0s must be whole minutes"},
		{[]string{"--interval", "48h"}, "--interval 2d must be whole minutes"},
		{[]string{"--interval", "1m", "--days", "36600"}, "more than 5000000 intervals"},
		{[]string{"--trend", "5"}, `did you mean 5%?`},
		{[]string{"--out", dir}, "is a directory: give a file name"},
		{[]string{"--out", dir + "/"}, "names a directory: give a file name"},
		{[]string{"--holidays", filepath.Join(dir, "missing.txt")}, "missing.txt: no such file"},
		{[]string{"--holidays", bad}, `bad.txt: line 3: "26/12/2026" is not a date`},
		{[]string{"--start", "9999-12-01", "--days", "400"}, "within the years 1583 to 9999"},
		{[]string{"extra-arg"}, "unknown command"},
	} {
		code, out, errOut := runCLI(t, append([]string{"generate"}, tc.args...)...)
		if code != exitUsage || !strings.Contains(errOut, tc.want) || out != "" {
			t.Errorf("generate %v: exit %d, stderr %q, %d bytes on stdout; want exit 2 and %q", tc.args, code, errOut, len(out), tc.want)
		}
	}
}

// TestGenerateSamples checks that testdata/tickets_sample.csv and
// testdata/volumes_sample.csv are what the documented commands produce.
func TestGenerateSamples(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file string
		args []string
	}{
		{"tickets_sample.csv", []string{"generate", "--days", "28", "--daily-volume", "150"}},
		{"volumes_sample.csv", []string{"generate", "--days", "7", "--interval", "30m"}},
	} {
		path := filepath.Join("..", "..", "testdata", tc.file)
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, got, _ := runCLI(t, tc.args...)
		if !bytes.Equal([]byte(got), want) {
			t.Errorf("%s is not what `staffsim %s` writes: regenerate it with\n\tgo run ./cmd/staffsim %s --out testdata/%s",
				path, strings.Join(tc.args, " "), strings.Join(tc.args, " "), tc.file)
		}
	}
}

func TestYearlyGrowth(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]float64{"5%": 0.05, "0.05": 0.05, "-3%": -0.03, " 150 % ": 1.5, "0": 0, "1": 1, "-0.5": -0.5} {
		var g yearlyGrowth
		if err := g.Set(in); err != nil || float64(g) != want {
			t.Errorf("Set(%q) = %v, %v; want %v", in, float64(g), err, want)
		}
	}
	// A bare number above 1 is a forgotten percent sign, as for
	// quantity.Fraction: "2" is refused with "did you mean 2%?".
	for _, in := range []string{"", "%", "five", "NaN", "Inf", "5%%", "1e400", "2", "-5"} {
		var g yearlyGrowth
		if err := g.Set(in); err == nil {
			t.Errorf("Set(%q) = %v, want an error", in, float64(g))
		}
	}
}

func FuzzYearlyGrowth(f *testing.F) {
	for _, s := range []string{"5%", "-2%", "0.05", "abc", "NaN", "1e308%", "-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var g yearlyGrowth
		if err := g.Set(s); err == nil && (math.IsNaN(float64(g)) || math.IsInf(float64(g), 0)) {
			t.Errorf("Set(%q) accepted %v", s, float64(g))
		}
	})
}

// TestGenerateLenientSpellings: "-" is stdout (as for forecast --out),
// time zone "utc" and holidays "NONE" are what the user meant.
func TestGenerateLenientSpellings(t *testing.T) {
	t.Parallel()
	_, want, _ := runCLI(t, "generate", "--days", "1")
	for _, args := range [][]string{
		{"--out", "-"},
		{"--tz", "utc"},
	} {
		code, out, errOut := runCLI(t, append([]string{"generate", "--days", "1"}, args...)...)
		if code != exitOK || out != want {
			t.Errorf("generate --days 1 %v: exit %d, stderr %q, stdout differs from plain output: %v", args, code, errOut, out != want)
		}
	}
	_, none, _ := runCLI(t, "generate", "--days", "1", "--start", "2026-12-25", "--holidays", "none")
	if code, upper, errOut := runCLI(t, "generate", "--days", "1", "--start", "2026-12-25", "--holidays", "NONE"); code != exitOK || upper != none {
		t.Errorf("--holidays NONE: exit %d, stderr %q; want the output of --holidays none", code, errOut)
	}
}

// TestGenerateInterruptedLeavesNoFile: a cancelled run exits 130 and
// leaves neither the output nor a temporary file behind.
func TestGenerateInterruptedLeavesNoFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "tickets.csv")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"generate", "--days", "30", "--out", path}, streams{in: strings.NewReader(""), out: &out, err: &errb})
	if code != exitInterrupted {
		t.Errorf("exit %d, stderr %q; want %d", code, errb.String(), exitInterrupted)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %d files behind, first %s", len(entries), entries[0].Name())
	}
}

// TestGenerateLongHistoryEndsInThePast: with the default start, a year of
// history ends on Sunday 2026-07-05 like the built-in sample (it used to
// start on 2026-01-05 and run into 2027, past any session's "now", so
// inspect rejected the generator's own rows as "in the future").
func TestGenerateLongHistoryEndsInThePast(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "generate", "--days", "365", "--daily-volume", "5")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	first, last := strings.Split(lines[1], ",")[1], strings.Split(lines[len(lines)-1], ",")[1]
	if first < "2025-07-06" || first >= "2025-07-09" || last >= "2026-07-06" {
		t.Errorf("first ticket %s, last %s; want from the days after 2025-07-06 (a quiet Sunday) to 2026-07-05", first, last)
	}
}
