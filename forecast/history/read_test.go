package history

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeCSV writes content to a file in a test directory and returns its path.
func writeCSV(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func fixedNow() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }

func TestParseColumn(t *testing.T) {
	t.Parallel()
	m := map[string]string{}
	for _, s := range []string{"created_at=Opened", "created_at=date+q_start", "Priority = Sev"} {
		if err := ParseColumn(m, s); err != nil {
			t.Errorf("ParseColumn(%q): %v", s, err)
		}
	}
	if m["created_at"] != "date+q_start" || m["priority"] != "Sev" {
		t.Errorf("mapping %v", m)
	}
	for _, s := range []string{"created_at", "=x", "opened=Opened", "created_at="} {
		if err := ParseColumn(m, s); err == nil || !strings.Contains(err.Error(), "column mapping") {
			t.Errorf("ParseColumn(%q) = %v, want an error", s, err)
		}
	}
}

// TestForcedShapeThatDoesNotFit: --shape naming the other shape than the
// file's is the caller's mistake (an *OptionError, exit 2), and says so.
func TestForcedShapeThatDoesNotFit(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file  string
		shape Shape
		want  string
	}{
		{"volumes.csv", ShapeTickets, "--shape tickets: the file looks like volumes (interval_start, arrivals): use --shape volumes or auto"},
		{"tab.tsv", ShapeVolumes, "--shape volumes: volumes need an interval_start and an arrivals column"},
	} {
		_, err := ReadFile(filepath.Join("testdata", "good", tc.file), Options{Shape: tc.shape, Now: fixedNow}, &collect{})
		var oe *OptionError
		if !errors.As(err, &oe) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s as %s: err %v; want an OptionError saying %q", tc.file, tc.shape, err, tc.want)
		}
	}
}

// cancelAfter is a Sink that cancels a context after n records.
type cancelAfter struct {
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Ticket(*Ticket) {
	if c.n--; c.n == 0 {
		c.cancel()
	}
}
func (c *cancelAfter) Volume(*Volume) {}

// TestReadStopsWhenCancelled: Ctrl-C during a long read ends it at the
// next block of input with the context's error (exit 130 in the command),
// not after the last row.
func TestReadStopsWhenCancelled(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("created_at\n")
	const rows = 200_000
	for i := range rows {
		b.WriteString(time.Date(2026, 1, 5, 0, 0, i, 0, time.UTC).Format(time.RFC3339) + "\n")
	}
	p := writeCSV(t, "big.csv", b.String())
	for _, seekable := range []bool{true, false} {
		ctx, cancel := context.WithCancel(context.Background())
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		var r io.Reader = f
		if !seekable {
			r = io.MultiReader(f)
		}
		sink := &cancelAfter{n: 10, cancel: cancel}
		_, err = Read(p, r, Options{Now: fixedNow, Context: ctx}, sink)
		f.Close()
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), p) {
			t.Errorf("seekable %v: err %v; want context.Canceled naming the file", seekable, err)
		}
		if sink.n < -rows/10 {
			t.Errorf("seekable %v: %d records delivered after the cancel; want it to stop within a block", seekable, -sink.n)
		}
	}
	// Summarize (inspect) stops too.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := SummarizeFile(p, Options{Now: fixedNow, Context: ctx}, SummaryOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Summarize, cancelled: err %v", err)
	}
}
