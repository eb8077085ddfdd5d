package main

import (
	"context"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/internal/realdata"
)

// corpus is the reader's test corpus of good and bad history files.
func readerCorpus(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "forecast", "history", "testdata"}, parts...)...)
}

func TestInspectBadFiles(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		code int
		want string // in stderr
	}{
		{[]string{readerCorpus("bad", "empty.csv")}, exitFailure, "empty.csv: the file is empty"},
		{[]string{readerCorpus("bad", "header_only.csv")}, exitFailure, "has a header but no rows"},
		{[]string{readerCorpus("bad", "binary.csv")}, exitFailure, "binary file"},
		{[]string{readerCorpus("bad", "compressed.csv")}, exitFailure, "gunzip"},
		{[]string{readerCorpus("bad", "utf16.csv")}, exitFailure, "UTF-16"},
		{[]string{readerCorpus("bad", "no_time_column.csv")}, exitFailure, "--column created_at=NAME"},
		{[]string{readerCorpus("bad", "no_timestamps.csv")}, exitFailure, "--time-format"},
		{[]string{readerCorpus("bad", "unterminated_quote.csv")}, exitFailure, "unterminated_quote.csv:2: a quoted field opened on this line is never closed"},
		{[]string{readerCorpus("bad", "all_future.csv")}, exitFailure, "a wrong year, time zone or day/month order"},
		{[]string{readerCorpus("bad", "ambiguous_dates.csv")}, exitFailure, "day first"},
		{[]string{readerCorpus("bad", "ragged_only.csv")}, exitFailure, "row has 3 fields"},
		{[]string{readerCorpus("bad", "mixed_rows.csv"), "--strict"}, exitFailure, "mixed_rows.csv:4: column \"created_at\""},
		{[]string{"no-such-file.csv"}, exitFailure, "no-such-file.csv: cannot open"},
		{[]string{readerCorpus("bad", "no_header.csv")}, exitFailure, "no_header.csv:1: the first line looks like data"},
		// Usage errors: exit 2.
		{[]string{readerCorpus("good", "tab.tsv"), "--tz", "Mars/Base"}, exitUsage, `--tz "Mars/Base" is not an IANA time zone`},
		{[]string{readerCorpus("good", "tab.tsv"), "--column", "created_at=Opened"}, exitUsage, `no column "Opened"`},
		{[]string{readerCorpus("good", "tab.tsv"), "--id-column", "number"}, exitUsage, "--id-column number"},
		{[]string{readerCorpus("good", "tab.tsv"), "--sl", "fast"}, exitUsage, "PCT/DURATION"},
		{[]string{readerCorpus("good", "tab.tsv"), "--plot", "x.jpg"}, exitUsage, ".png or .svg"},
		{[]string{}, exitUsage, "give the history file to inspect (or - for standard input)"},
		{[]string{"a.csv", "b.csv"}, exitUsage, "inspect reads one history file; got 2: a.csv b.csv"},
	} {
		code, _, errOut := runCLI(t, append([]string{"inspect"}, tc.args...)...)
		if code != tc.code || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "panic") {
			t.Errorf("inspect %v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}

func TestInspectListsRejects(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "inspect", readerCorpus("bad", "mixed_rows.csv"), "--sl", "90/4h")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"11 read, 4 rejected",
		"rejected rows (4; the first 4)",
		"values dropped     first_response_at=1, handle_seconds=1, resolved_at=1 (bad optional values left out; their rows are kept)",
		"dropped values (3; the first 3)",
		`mixed_rows.csv:5: column "handle_seconds": duration "-5" is negative`,
		"mixed_rows.csv:6: row has 5 fields, the header has 7",
		"SLA attainment (first response within 4h00m, goal 90.0%)",
		"handle time",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
}

func TestInspectJSONAndPlot(t *testing.T) {
	t.Parallel()
	png1 := filepath.Join(t.TempDir(), "heat.png")
	code, out, errOut := runCLI(t, "inspect", readerCorpus("good", "semicolon_bom_crlf.csv"), "--tz", "Europe/Paris", "--format", "json", "--plot", png1)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Read struct {
			Rows     int    `json:"rows"`
			Records  int    `json:"records"`
			First    string `json:"first"`
			TimeZone string `json:"time_zone"`
		} `json:"read"`
		Days          int `json:"days"`
		ByWeekdayHour []struct {
			Weekday string      `json:"weekday"`
			Mean    [24]float64 `json:"mean_per_hour"`
		} `json:"by_weekday_hour"`
		Priorities []struct {
			Name  string `json:"name"`
			Count int    `json:"count"`
		} `json:"priorities"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	// +01:00 times read in Paris (CET, +01:00 in January): 09:00 and 09:40 on Monday 5 January.
	if got.Read.Rows != 3 || got.Read.First != "2026-01-05T09:00:00+01:00" || got.Read.TimeZone != "Europe/Paris" || got.Days != 2 {
		t.Errorf("read %+v days %d", got.Read, got.Days)
	}
	if got.ByWeekdayHour[0].Weekday != "Monday" || got.ByWeekdayHour[0].Mean[9] != 2 || got.Priorities[0].Name != "Low" {
		t.Errorf("weekday×hour %+v priorities %+v", got.ByWeekdayHour[0], got.Priorities)
	}
	f, err := os.Open(png1)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Errorf("--plot wrote no PNG: %v", err)
	}
}

func TestInspectCSVFormat(t *testing.T) {
	t.Parallel()
	code, out, _ := runCLI(t, "inspect", readerCorpus("good", "volumes.csv"), "--format", "csv")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || lines[0] != "weekday,hour,days,mean" || len(lines) != 1+7*24 || lines[10] != "Monday,9,1,22" {
		t.Errorf("exit %d, %d lines, header %q, line 10 %q", code, len(lines), lines[0], lines[10])
	}
}

// TestInspectRealExports runs the one-line commands of the README on the
// three real exports in ../shared/data.
func TestInspectRealExports(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		rel  string
		args []string
		want []string
	}{
		{"servicenow-incidents-2016/incident_event_log_partial.csv", []string{"--id-column", "number"},
			[]string{"5998 rows → 890 tickets", "5998 read, 0 rejected", "3 - Moderate", "Phone 890"}},
		{"bpi13-incidents/bpi_13_incidents.csv", []string{"--id-column", "CaseID"},
			[]string{"65533 rows → 7554 tickets", "65533 read, 0 rejected", "2010-04-01 00:59"}},
		{"anonymous-bank-1999/calls_one_day.csv", []string{"--column", "created_at=1999-08-01+vru_entry", "--tz", "Asia/Jerusalem"},
			[]string{"2375 read, 0 rejected", "1999-08-01 00:10 → 1999-08-01 23:58 (1 day)", "handle time"}},
	} {
		p := realdata.Path(t, tc.rel)
		code, out, errOut := runCLI(t, append([]string{"inspect", p}, tc.args...)...)
		if code != exitOK {
			t.Errorf("%s: exit %d: %s", tc.rel, code, errOut)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: stdout lacks %q:\n%s", tc.rel, w, out)
			}
		}
	}
}

// TestInspectGeneratedHistory reads what `staffsim generate` writes: every
// row must be accepted and the SLA table filled.
func TestInspectGeneratedHistory(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "tickets.csv")
	if code, _, errOut := runCLI(t, "generate", "--days", "14", "--tz", "Europe/London", "--out", p); code != exitOK {
		t.Fatalf("generate: exit %d: %s", code, errOut)
	}
	code, out, errOut := runCLI(t, "inspect", p, "--tz", "Europe/London", "--sl", "90/4h", "--format", "json")
	if code != exitOK {
		t.Fatalf("inspect: exit %d: %s", code, errOut)
	}
	var got struct {
		Read struct {
			Rows     int `json:"rows"`
			Rejected int `json:"rejected"`
		} `json:"read"`
		Days   int `json:"days"`
		Handle *struct {
			Mean float64 `json:"mean"`
		} `json:"handle_seconds"`
		SLA []struct {
			Priority   string  `json:"priority"`
			Attainment float64 `json:"attainment"`
		} `json:"sla"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Read.Rows == 0 || got.Read.Rejected != 0 || got.Days != 14 || got.Handle == nil || got.Handle.Mean <= 0 || len(got.SLA) < 2 {
		t.Errorf("inspect of a generated history: %+v", got)
	}
	for _, s := range got.SLA {
		if !(s.Attainment > 0 && s.Attainment <= 1) {
			t.Errorf("SLA %s attainment %v", s.Priority, s.Attainment)
		}
	}
}

func TestInspectStdin(t *testing.T) {
	t.Parallel()
	var out, errb strings.Builder
	in := strings.NewReader("created_at,priority\n2026-01-05T09:00:00Z,P1\nnot a time,P2\n")
	code := run(context.Background(), []string{"inspect", "-"}, streams{in: in, out: &out, err: &errb})
	if code != exitOK || !strings.Contains(out.String(), "2 read, 1 rejected") || !strings.Contains(out.String(), "stdin:3: column \"created_at\"") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
}

// TestInspectReadsFileAgainstItsWriteTime: a file is read against its
// modification time, not the clock — rows created after the file was
// written are rejected, rows before it kept — so the same file reads the
// same on any day.
func TestInspectReadsFileAgainstItsWriteTime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tickets.csv")
	if err := os.WriteFile(path, []byte("created_at,priority\n2030-01-07 09:00,P1\n2030-01-07 10:00,P2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		written time.Time
		code    int
		want    string
	}{
		{time.Date(2030, 2, 1, 0, 0, 0, 0, time.UTC), exitOK, "2 read, 0 rejected"},
		{time.Date(2029, 12, 1, 0, 0, 0, 0, time.UTC), exitFailure, "after the file was last written"},
	} {
		if err := os.Chtimes(path, tc.written, tc.written); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := runCLI(t, "inspect", path)
		if code != tc.code || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("written %s: exit %d, want %d with %q:\n%s%s", tc.written.Format("2006-01-02"), code, tc.code, tc.want, out, errOut)
		}
	}
}
