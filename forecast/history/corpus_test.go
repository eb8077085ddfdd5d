package history

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// collect is a Sink that keeps what it receives.
type collect struct {
	tickets []Ticket
	volumes []Volume
}

func (c *collect) Ticket(t *Ticket) { c.tickets = append(c.tickets, *t) }
func (c *collect) Volume(v *Volume) { c.volumes = append(c.volumes, *v) }

func TestBadFiles(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file string
		want string // in the error message
	}{
		{"empty.csv", "the file is empty"},
		{"bom_only.csv", "the file is empty"},
		{"header_only.csv", "has a header but no rows"},
		{"binary.csv", "binary file"},
		{"compressed.csv", "gzip-compressed"},
		{"utf16.csv", "UTF-16"},
		{"no_time_column.csv", "--column created_at=NAME"},
		{"no_timestamps.csv", "--time-format"},
		{"unterminated_quote.csv", "never closed"},
		{"all_future.csv", "in the future"},
		{"ambiguous_dates.csv", `--time-format "02-01-2006 15:04" (day first)`},
		{"ragged_only.csv", "row has 3 fields, the header has 2"},
		{"does_not_exist.csv", "cannot open"},
		{"no_header.csv", "looks like data"},
	} {
		p := filepath.Join("testdata", "bad", tc.file)
		_, err := ReadFile(p, Options{Now: fixedNow}, &collect{})
		var fe *FileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: err %v; want a FileError naming the file and saying %q", tc.file, err, tc.want)
		}
	}
	if _, err := ReadFile("testdata", Options{}, &collect{}); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("a directory: err %v", err)
	}
}

func TestMixedRowsRejectedWithReasons(t *testing.T) {
	t.Parallel()
	p := filepath.Join("testdata", "bad", "mixed_rows.csv")
	var c collect
	rep, err := ReadFile(p, Options{Now: fixedNow}, &c)
	if err != nil {
		t.Fatal(err)
	}
	// Rejected: the rows without an arrival (a bad or future creation, a
	// malformed row). Dropped: bad optional values; their rows are kept.
	want := []struct {
		line   int
		column string
		reason string
	}{
		{4, "created_at", "does not match the time layout"},
		{6, "", "row has 5 fields, the header has 7"},
		{7, "created_at", "in the future"},
		{11, "", "bad quoting"},
	}
	if rep.Rows != 11 || rep.Rejected != len(want) || rep.Records != 11-len(want) || len(c.tickets) != rep.Records {
		t.Errorf("rows %d rejected %d records %d tickets %d; want 11 %d %d", rep.Rows, rep.Rejected, rep.Records, len(c.tickets), len(want), 11-len(want))
	}
	for i, w := range want {
		if i >= len(rep.Rejects) {
			break
		}
		r := rep.Rejects[i]
		if r.File != p || r.Line != w.line || r.Column != w.column || !strings.Contains(r.Reason, w.reason) {
			t.Errorf("reject %d = %+v; want line %d column %q reason ~%q", i, r, w.line, w.column, w.reason)
		}
	}
	drops := []struct {
		line   int
		column string
		reason string
	}{
		{5, "handle_seconds", "negative"},
		{8, "resolved_at", "before it was created"},
		{9, "first_response_at", "before it was created"},
	}
	wantDropped := map[string]int{"handle_seconds": 1, "resolved_at": 1, "first_response_at": 1}
	if fmt.Sprint(rep.Dropped) != fmt.Sprint(wantDropped) || len(rep.Drops) != len(drops) || rep.DroppedTotal() != 3 {
		t.Errorf("dropped %v %v; want %v", rep.Dropped, rep.Drops, wantDropped)
	}
	for i, w := range drops {
		if i >= len(rep.Drops) {
			break
		}
		r := rep.Drops[i]
		if r.File != p || r.Line != w.line || r.Column != w.column || !strings.Contains(r.Reason, w.reason) {
			t.Errorf("drop %d = %+v; want line %d column %q reason ~%q", i, r, w.line, w.column, w.reason)
		}
	}
	// The dropped values are left out, the tickets kept.
	if tk := c.tickets[2]; tk.HasHandle || tk.Created.Format("15:04") != "10:00" {
		t.Errorf("ticket 4 %+v; want its arrival without a handle time", tk)
	}
	if tk := c.tickets[3]; !tk.Resolved.IsZero() || tk.HandleSeconds != 120 {
		t.Errorf("ticket 7 %+v; want its arrival without a resolution", tk)
	}
	// The h:mm duration and the quoted fields read right.
	last := c.tickets[len(c.tickets)-1]
	if last.HandleSeconds != 240 || c.tickets[5].Priority != "P1" || c.tickets[5].HandleSeconds != 90 {
		t.Errorf("tickets %+v", c.tickets)
	}
	// Strict: the first bad row is the error.
	_, err = ReadFile(p, Options{Now: fixedNow, Strict: true}, &collect{})
	var re *RowError
	if !errors.As(err, &re) || re.Line != 4 || re.Column != "created_at" {
		t.Errorf("strict: err %v; want a RowError at line 4, column created_at", err)
	}
	// Strict fails on a dropped value too: nothing is left out silently.
	_, err = Read("h.csv", strings.NewReader("created_at,handle_seconds\n2026-01-05T09:00:00Z,-5\n"), Options{Now: fixedNow, Strict: true}, &collect{})
	if !errors.As(err, &re) || re.Line != 2 || re.Column != "handle_seconds" {
		t.Errorf("strict, bad optional value: err %v; want a RowError at line 2, column handle_seconds", err)
	}
}

func TestGoodFiles(t *testing.T) {
	t.Parallel()
	utc := Options{Now: fixedNow}
	for _, tc := range []struct {
		file    string
		opt     Options
		records int
		first   string // RFC 3339
		delim   string
	}{
		{"semicolon_bom_crlf.csv", utc, 3, "2026-01-05T08:00:00Z", ";"},
		{"tab.tsv", utc, 2, "2026-01-05T09:00:00Z", "\t"},
		{"jira.csv", utc, 2, "2026-01-05T09:05:00Z", ","},
		{"us_ampm.csv", utc, 2, "2026-01-05T09:05:00Z", ","},
		{"split_date_time.csv", Options{Now: fixedNow, Columns: map[string]string{"created_at": "date+time"}}, 3, "2026-01-05T09:00:05Z", ","},
		{"volumes.csv", utc, 3, "2026-01-05T09:00:00Z", ","},
		{"preamble.csv", utc, 2, "2026-01-05T09:00:00Z", ";"},         // a title and an export line before the header
		{"excel_sep_dotted.csv", utc, 2, "2026-01-05T09:00:00Z", ";"}, // Excel's sep=; line, dotted day-first dates
	} {
		var c collect
		rep, err := ReadFile(filepath.Join("testdata", "good", tc.file), tc.opt, &c)
		if err != nil {
			t.Errorf("%s: %v", tc.file, err)
			continue
		}
		if rep.Records != tc.records || rep.Rejected != 0 || rep.First.Format(time.RFC3339) != tc.first || rep.Delimiter != tc.delim {
			t.Errorf("%s: records %d rejected %d first %s delimiter %q; want %d 0 %s %q", tc.file, rep.Records, rep.Rejected,
				rep.First.Format(time.RFC3339), rep.Delimiter, tc.records, tc.first, tc.delim)
		}
	}
}

func TestQuotedFieldsAndSplitTime(t *testing.T) {
	t.Parallel()
	var c collect
	if _, err := ReadFile(filepath.Join("testdata", "good", "semicolon_bom_crlf.csv"), Options{Now: fixedNow}, &c); err != nil {
		t.Fatal(err)
	}
	if c.tickets[0].Channel != "e-mail; web" || c.tickets[0].Priority != "High" {
		t.Errorf("quoted field with the delimiter inside: %+v", c.tickets[0])
	}
	c = collect{}
	opt := Options{Now: fixedNow, Columns: map[string]string{"created_at": "date+time"}}
	if _, err := ReadFile(filepath.Join("testdata", "good", "split_date_time.csv"), opt, &c); err != nil {
		t.Fatal(err)
	}
	if !c.tickets[0].HasHandle || c.tickets[0].HandleSeconds != 120 || c.tickets[1].HasHandle {
		t.Errorf("ser_time: %+v; want 120 s, then 0 read as unknown", c.tickets[:2])
	}
}

func TestOptionErrors(t *testing.T) {
	t.Parallel()
	p := filepath.Join("testdata", "good", "tab.tsv")
	for _, opt := range []Options{
		{Columns: map[string]string{"created_at": "Opened"}},
		{Columns: map[string]string{"created_at": "day+hour"}},
		{Columns: map[string]string{"created_at": "created_at+hour"}},
		{IDColumn: "number"},
		{Columns: map[string]string{"arrivals": "priority"}},
	} {
		var oe *OptionError
		if _, err := ReadFile(p, opt, &collect{}); !errors.As(err, &oe) || !strings.Contains(err.Error(), "created_at") {
			t.Errorf("%+v: err %v; want an OptionError listing the columns", opt, err)
		}
	}
}

func TestEventLogCollapse(t *testing.T) {
	t.Parallel()
	// Two tickets over five events; A's priority changes, B never resolves
	// in a resolved column; C (no resolved column case) below.
	p := writeCSV(t, "log.csv", "number,state,opened_at,resolved_at,priority\n"+
		"A,New,25-01-2026 09:00,?,3 - Moderate\n"+
		"B,New,25-01-2026 10:00,?,4 - Low\n"+
		"A,Active,25-01-2026 09:00,?,2 - High\n"+
		"A,Resolved,25-01-2026 09:00,25-01-2026 17:30,2 - High\n"+
		"B,Active,25-01-2026 10:00,,\n")
	var c collect
	rep, err := ReadFile(p, Options{IDColumn: "number", Now: fixedNow}, &c)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 5 || rep.Records != 2 || rep.Collapsed != 3 || len(c.tickets) != 2 {
		t.Fatalf("rows %d tickets %d collapsed %d; want 5 2 3", rep.Rows, rep.Records, rep.Collapsed)
	}
	a, b := c.tickets[0], c.tickets[1]
	if a.Priority != "2 - High" || a.Resolved.Format("15:04") != "17:30" || !b.Resolved.IsZero() || b.Priority != "4 - Low" {
		t.Errorf("A %+v, B %+v", a, b)
	}
	// Without a resolution column the last event closes the ticket.
	p = writeCSV(t, "bpi.csv", "CaseID,ActivityID,CompleteTimestamp\n"+
		"1,1,2026-01-05 09:00:00\n1,2,2026-01-07 12:00:00\n2,1,2026-01-06 08:00:00\n1,3,2026-01-05 08:00:00\n")
	c = collect{}
	if _, err := ReadFile(p, Options{IDColumn: "CaseID", Now: fixedNow}, &c); err != nil {
		t.Fatal(err)
	}
	if len(c.tickets) != 2 || c.tickets[0].Created.Format("2006-01-02 15:04") != "2026-01-05 08:00" ||
		c.tickets[0].Resolved.Format("2006-01-02 15:04") != "2026-01-07 12:00" || !c.tickets[1].Resolved.IsZero() {
		t.Errorf("tickets %+v", c.tickets)
	}
}

func TestTimesOutOfRangeRejected(t *testing.T) {
	t.Parallel()
	p := writeCSV(t, "old.csv", "created_at\n0026-01-05T09:00:00Z\n2026-01-05T09:00:00Z\n")
	var c collect
	rep, err := ReadFile(p, Options{Now: fixedNow}, &c)
	if err != nil || rep.Rejected != 1 || !strings.Contains(rep.Rejects[0].Reason, "out of range") || len(c.tickets) != 1 {
		t.Errorf("err %v, report %+v", err, rep)
	}
}

func TestForcedTimeFormat(t *testing.T) {
	t.Parallel()
	p := filepath.Join("testdata", "bad", "ambiguous_dates.csv")
	for _, tc := range []struct {
		layout, first string
	}{
		{"02-01-2006 15:04", "2016-02-01T09:00:00Z"}, // day first: 1 February
		{"01-02-2006 15:04", "2016-01-02T09:00:00Z"}, // month first: 2 January
	} {
		rep, err := ReadFile(p, Options{TimeFormat: tc.layout, Now: fixedNow}, &collect{})
		if err != nil || rep.Records != 4 || rep.First.Format(time.RFC3339) != tc.first {
			t.Errorf("--time-format %q: err %v, report %+v; want 4 records from %s", tc.layout, err, rep, tc.first)
		}
	}
	// A forced layout that fits no row: every row rejected, saying which layout.
	_, err := ReadFile(p, Options{TimeFormat: time.RFC3339, Now: fixedNow}, &collect{})
	if err == nil || !strings.Contains(err.Error(), "does not match the time layout") {
		t.Errorf("wrong forced layout: err %v", err)
	}
}

func TestDataRowNeverTakenForAHeader(t *testing.T) {
	t.Parallel()
	// Line 1 names no known column; line 2 holds the value "Opened" (an
	// alias of created_at) but is a data row, as wide as line 1.
	p := writeCSV(t, "state.csv", "id,state,when\n1,Opened,2026-01-05T09:00:00Z\n2,Closed,2026-01-05T10:00:00Z\n")
	_, err := ReadFile(p, Options{Now: fixedNow}, &collect{})
	if err == nil || !strings.Contains(err.Error(), "none of the columns (id, state, when)") {
		t.Errorf("err %v; want the header on line 1 and a hint to map created_at", err)
	}
	rep, err := ReadFile(p, Options{Now: fixedNow, Columns: map[string]string{"created_at": "when"}}, &collect{})
	if err != nil || rep.Records != 2 || len(rep.Notes) != 0 {
		t.Errorf("mapped: err %v report %+v", err, rep)
	}
}

// TestAbsurdValuesRejected: numbers that parse but cannot be true (arrivals
// of 1e308, a handle time of 10³⁰⁰ seconds) are left out with a reason, so
// that no Inf reaches a sum and no 300-digit count a table: a bad arrivals
// count rejects its row; a bad handle time or AHT is dropped and the row
// kept for its arrivals. NaN in handle_seconds is a missing value (pandas
// writes it for empty cells): the ticket counts, with an unknown handle time.
func TestAbsurdValuesRejected(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file    string
		records int
		rejects []string // "line column reason"
		drops   []string
	}{
		{"absurd_volumes.csv", 5, []string{
			"3 arrivals arrivals \"NaN\" must be a number ≥ 0",
			"4 arrivals arrivals \"-1\" must be a number ≥ 0",
			"5 arrivals arrivals \"1e308\" is more than 10⁹ contacts in one interval",
			"6 arrivals arrivals \"2e9\" is more than 10⁹ contacts in one interval",
		}, []string{
			"7 aht_seconds duration \"1e308\" is more than 30 days",
			"8 aht_seconds duration \"2592001\" is more than 30 days",
			"9 aht_seconds duration \"Inf\" is not seconds",
		}},
		{"absurd_tickets.csv", 8, nil, []string{
			"4 handle_seconds duration \"1e308\" is more than 30 days",
			"5 handle_seconds duration \"Inf\" is not seconds",
			"6 handle_seconds duration \"-5\" is negative",
			"7 handle_seconds duration \"2592001\" is more than 30 days",
			"8 handle_seconds duration \"720h1s\" is more than 30 days",
		}},
	} {
		var c collect
		rep, err := ReadFile(filepath.Join("testdata", "bad", tc.file), Options{Now: fixedNow}, &c)
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if rep.Records != tc.records || rep.Rejected != len(tc.rejects) || rep.DroppedTotal() != len(tc.drops) {
			t.Errorf("%s: %d records, %d rejected, %d dropped; want %d, %d, %d (%v %v)", tc.file, rep.Records, rep.Rejected, rep.DroppedTotal(),
				tc.records, len(tc.rejects), len(tc.drops), rep.Rejects, rep.Drops)
		}
		for _, x := range []struct {
			got  []Reject
			want []string
		}{{rep.Rejects, tc.rejects}, {rep.Drops, tc.drops}} {
			for i, w := range x.want {
				if i >= len(x.got) {
					break
				}
				r := x.got[i]
				if got := fmt.Sprintf("%d %s %s", r.Line, r.Column, r.Reason); !strings.HasPrefix(got, w) {
					t.Errorf("%s: %d = %q; want %q…", tc.file, i, got, w)
				}
			}
		}
		for _, tk := range c.tickets {
			if math.IsNaN(tk.HandleSeconds) || tk.HandleSeconds > 30*86400 {
				t.Errorf("%s: ticket %+v", tc.file, tk)
			}
		}
		for _, v := range c.volumes {
			if v.HasAHT && v.AHTSeconds > 30*86400 {
				t.Errorf("%s: volume %+v", tc.file, v)
			}
		}
	}
}

// TestTimeColumnsThatHoldNoTimes: a Zendesk export names "Resolution
// time" a number of minutes and "Solved at" the resolution time; the
// resolution is read from the column whose values are times, and a
// column named like a time that holds none is left out with a note, never
// costing a row.
func TestTimeColumnsThatHoldNoTimes(t *testing.T) {
	t.Parallel()
	zendesk := filepath.Join("testdata", "good", "zendesk_minutes.csv")
	minutesOnly := writeCSV(t, "minutes.csv", "Created at,Resolution time\n2026-01-05 09:00:00,60\n2026-01-05 09:30:00,1245\n2026-01-05 10:00:00,\n")
	for _, tc := range []struct {
		file     string
		resolved string // the column read as resolved_at, "" for none
		note     string
		first    string // the first ticket's resolution, RFC 3339
	}{
		{zendesk, "Solved at", `resolved_at is read from column "Solved at"`, "2026-01-05T10:00:00Z"},
		{minutesOnly, "", `column "Resolution time" is named like resolved_at but its values are not times`, "0001-01-01T00:00:00Z"},
	} {
		var c collect
		rep, err := ReadFile(tc.file, Options{Now: fixedNow}, &c)
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if rep.Rejected != 0 || rep.DroppedTotal() != 0 || rep.Records != rep.Rows || rep.Columns[FieldResolvedAt] != tc.resolved ||
			!strings.Contains(strings.Join(rep.Notes, "\n"), tc.note) || c.tickets[0].Resolved.Format(time.RFC3339) != tc.first {
			t.Errorf("%s: rows %d records %d rejected %d dropped %v columns %v notes %q first %+v", tc.file, rep.Rows, rep.Records, rep.Rejected, rep.Dropped, rep.Columns, rep.Notes, c.tickets[0])
		}
	}
}

// TestHugeFieldsBoundMemory: one 200 MB field took 1 GB of memory and an
// unclosed quote in a 110 MB file 434 MB before its error. A row past
// MaxRow now ends the read with an error naming its line, having held
// little more than MaxRow; a field past MaxField rejects its row, naming
// the column. Memory is measured as the bytes allocated during the read
// (runtime.MemStats.TotalAlloc) on generated 48 MiB inputs.
func TestHugeFieldsBoundMemory(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, head string, fill byte, n int, tail string) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		w := bufio.NewWriter(f)
		w.WriteString(head)
		line := bytes.Repeat([]byte{fill}, 1<<10)
		line[len(line)-1] = '\n'
		if fill != '\n' {
			line[len(line)-1] = fill
		}
		for range n >> 10 {
			w.Write(line)
		}
		w.WriteString(tail)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const big = 48 << 20
	for _, tc := range []struct {
		name, head string
		fill       byte
		tail       string
		want       string // in the error, or in the first reject
		line       int
	}{
		{"one_field.csv", "created_at,note\n2026-01-05T09:00:00Z,ok\n2026-01-05T09:10:00Z,\"", 'x', "\"\n", "runs past 4 MiB", 3},
		{"unclosed_quote.csv", "created_at,note\n2026-01-05T09:00:00Z,\"never closed\n", 'y', "", "runs past 4 MiB", 2},
		{"unclosed_many_lines.csv", "created_at,note\n2026-01-05T09:00:00Z,ok\n2026-01-05T09:10:00Z,\"open\n", '\n', "", "runs past 4 MiB", 3},
	} {
		p := write(tc.name, tc.head, tc.fill, big, tc.tail)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := ReadFile(p, Options{Now: fixedNow}, &collect{})
		runtime.ReadMemStats(&after)
		var fe *FileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) || fe.Line != tc.line {
			t.Errorf("%s: err %v; want a FileError on line %d saying %q", tc.name, err, tc.line, tc.want)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 10*MaxRow {
			t.Errorf("%s: %.1f MiB allocated; want at most %d MiB (10 × MaxRow, less than the file)", tc.name, float64(alloc)/(1<<20), 10*MaxRow>>20)
		}
	}
	// A field past MaxField but in a row within MaxRow: the row is rejected.
	p := write("long_field.csv", "created_at,note\n2026-01-05T09:00:00Z,ok\n2026-01-05T09:10:00Z,\"", 'z', 2<<20, "\"\n2026-01-05T09:20:00Z,ok\n")
	rep, err := ReadFile(p, Options{Now: fixedNow}, &collect{})
	if err != nil || rep.Records != 2 || rep.Rejected != 1 || rep.Rejects[0].Line != 3 || rep.Rejects[0].Column != "note" ||
		!strings.Contains(rep.Rejects[0].Reason, "a field of 2.0 MiB") {
		t.Errorf("a 2 MiB field: err %v report %+v", err, rep)
	}
}

// TestWindows1252: a file saved as Windows-1252 (Excel on Windows) is
// transcoded, so its values are text and header names typed in UTF-8
// match. The byte values are those of the CP1252 table
// (unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT):
// 0xE9 é, 0xF6 ö, 0xE4 ä, 0x80 €.
func TestWindows1252(t *testing.T) {
	t.Parallel()
	p := filepath.Join("testdata", "good", "windows1252.csv")
	var c collect
	rep, err := ReadFile(p, Options{Now: fixedNow, Columns: map[string]string{"created_at": "Erstellt", "resolved_at": "Gelöst", "category": "Catégorie"}}, &c)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Encoding != EncodingWindows1252 || rep.Records != 2 || rep.Columns[FieldResolvedAt] != "Gelöst" ||
		c.tickets[0].Category != "Réseau" || c.tickets[1].Category != "Café €" || c.tickets[0].Resolved.Format("15:04") != "10:00" {
		t.Errorf("encoding %q records %d columns %v tickets %+v", rep.Encoding, rep.Records, rep.Columns, c.tickets)
	}
	// Read one byte at a time (every sequence split across reads), a
	// UTF-8 file passes through untouched and a Windows-1252 one is
	// transcoded alike.
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in, want, enc string
	}{
		{"a,é€ö\n", "a,é€ö\n", EncodingUTF8},
		{"a,\xe9\x80\xf6\n", "a,é€ö\n", EncodingWindows1252},
		{string(raw), strings.NewReplacer("\xf6", "ö", "\xe9", "é", "\xe4", "ä", "\x80", "€").Replace(string(raw)), EncodingWindows1252},
		{"ascii only\n", "ascii only\n", EncodingUTF8},
	} {
		for _, r := range []io.Reader{strings.NewReader(tc.in), iotest.OneByteReader(strings.NewReader(tc.in))} {
			tr := &textReader{r: r}
			got, err := io.ReadAll(tr)
			if err != nil || string(got) != tc.want || tr.encoding() != tc.enc {
				t.Errorf("%q: got %q %s, err %v; want %q %s", tc.in, got, tr.encoding(), err, tc.want, tc.enc)
			}
		}
	}
}

// TestExportShapes: shapes of real exports that used to be refused or
// misread. Expected times are those the inputs state: Excel serial 39448
// is 2008-01-01 (Microsoft's DATE function documentation: "January 1,
// 2008 is serial number 39448"), its fraction the time of day.
func TestExportShapes(t *testing.T) {
	t.Parallel()
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no tz database")
	}
	for _, tc := range []struct {
		name, csv string
		opt       Options
		first     string // RFC 3339 in the desk's zone
		records   int
		delim     string
		note      string // in the notes, if any
	}{
		{"interval report", "Date,Interval,Offered,AHT\n2026-01-05,08:00-08:30,10,0:04:00\n2026-01-05,08:30-09:00,12,0:04:10\n2026-01-06,08:00 - 08:30,9,0:03:50\n",
			Options{}, "2026-01-05T08:00:00Z", 3, ",", `interval_start is the date of column "Date" and the clock time of column "Interval"`},
		{"range in one column", "interval_start,arrivals\n05/01/2026 08:00-08:30,3\n13/01/2026 08:30–09:00,4\n", Options{}, "2026-01-05T08:00:00Z", 2, ",", ""},
		{"range, start's layout forced", "interval_start,arrivals\n05/01/2026 08:00-08:30,3\n06/01/2026 08:30-09:00,4\n", Options{TimeFormat: "02/01/2006 15:04"}, "2026-01-05T08:00:00Z", 2, ",", ""},
		{"Excel serial dates", "created_at\n39448.5\n39448.75\n", Options{}, "2008-01-01T12:00:00Z", 2, ",", ""},
		{"Excel serial dates, desk zone", "created_at\n39448.5\n", Options{Location: paris}, "2008-01-01T12:00:00+01:00", 1, ",", ""},
		{"offset +0000", "created_at\n2026-01-05T09:00:00+0100\n2026-01-05T10:00:00+0000\n", Options{}, "2026-01-05T08:00:00Z", 2, ",", ""},
		{"offset +0000 after a space", "created_at\n2026-01-05 09:00 +0000\n", Options{Location: paris}, "2026-01-05T10:00:00+01:00", 1, ",", ""},
		{"zone GMT", "created_at\n2026-01-05 09:00:00 GMT\n", Options{Location: paris}, "2026-01-05T10:00:00+01:00", 1, ",", ""},
		{"zone UTC", "created_at\n2026-01-05 09:00:00 UTC\n", Options{Location: paris}, "2026-01-05T10:00:00+01:00", 1, ",", ""},
		{"HTTP date", "created_at\n\"Mon, 05 Jan 2026 09:00:00 GMT\"\n", Options{}, "2026-01-05T09:00:00Z", 1, ",", ""},
		{"lower-case pm", "created_at\n01/05/2026 9:00 am\n01/13/2026 3:00 pm\n", Options{}, "2026-01-05T09:00:00Z", 2, ",", ""},
		{"Excel sep= line", "sep=;\nCreated;Handle;Note\n05.01.2026 09:00;1,5;a,b,c\n05.01.2026 09:10;2;d,e,f\n", Options{}, "2026-01-05T09:00:00Z", 2, ";", ""},
		{"duplicate names", "Created,Priority,Created\n2026-01-05 09:00,P1,2026-01-05 10:00\n", Options{}, "2026-01-05T09:00:00Z", 1, ",",
			`the header names more than one column "Created" (#1, #3): created_at reads #1; to read another, give its position, e.g. --column created_at=#3`},
		{"duplicate picked by position", "Created,Priority,Created\n2026-01-05 09:00,P1,2026-01-05 10:00\n", Options{Columns: map[string]string{"created_at": "#3"}}, "2026-01-05T10:00:00Z", 1, ",", ""},
	} {
		tc.opt.Now = fixedNow
		var c collect
		rep, err := Read("h.csv", strings.NewReader(tc.csv), tc.opt, &c)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		notes := strings.Join(rep.Notes, "\n")
		if rep.First.Format(time.RFC3339) != tc.first || rep.Records != tc.records || rep.Rejected != 0 || rep.DroppedTotal() != 0 || rep.Delimiter != tc.delim || !strings.Contains(notes, tc.note) {
			t.Errorf("%s: first %s records %d rejected %d %v dropped %v delimiter %q notes %q; want %s %d 0 %q %q", tc.name, rep.First.Format(time.RFC3339),
				rep.Records, rep.Rejected, rep.Rejects, rep.Drops, rep.Delimiter, notes, tc.first, tc.records, tc.delim, tc.note)
		}
		if tc.name == "interval report" && (rep.Interval != 30*time.Minute || c.volumes[1].AHTSeconds != 250) {
			t.Errorf("%s: interval %v volumes %+v", tc.name, rep.Interval, c.volumes)
		}
	}
	// A layout naming the time of day twice would read a range's end.
	_, err = Read("h.csv", strings.NewReader("created_at\n05/01/2026 08:00-08:30\n"), Options{Now: fixedNow, TimeFormat: "02/01/2006 15:04-15:04"}, &collect{})
	var oe *OptionError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), `names the time of day twice`) || !strings.Contains(err.Error(), `--time-format "02/01/2006 15:04"`) {
		t.Errorf("--time-format with the clock twice: err %v; want an OptionError suggesting the start's layout", err)
	}
	// A position past the header is a mistake the message explains.
	_, err = Read("h.csv", strings.NewReader("Created,Created\n2026-01-05 09:00,2026-01-05 10:00\n"), Options{Now: fixedNow, Columns: map[string]string{"created_at": "#5"}}, &collect{})
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), `no column "#5"`) {
		t.Errorf("--column created_at=#5: err %v", err)
	}
}
