package history

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// pipe hides Seek: what standard input or a shell's <(…) is.
func pipe(b []byte) io.Reader { return io.MultiReader(bytes.NewReader(b)) }

// TestReadFromPipe: a history that cannot seek reads as the same bytes in
// a file do, and one that does not settle its layouts within the replay
// limit settles on what the first pass saw, holding at most about the
// limit in memory, while a row that runs past twice the limit (a quote
// never closed) is an error, not unbounded memory. Not parallel: it
// lowers replayLimit.
func TestReadFromPipe(t *testing.T) {
	defer func(l int) { replayLimit = l }(replayLimit)
	replayLimit = 100 << 10
	// resolved_at is empty on every row, so its layout never settles and
	// the first pass would read to the end.
	var b strings.Builder
	b.WriteString("ticket_id,created_at,resolved_at,priority\n")
	for i := range 10_000 {
		fmt.Fprintf(&b, "%d,2026-01-%02dT%02d:%02d:00Z,,P%d\n", i, 1+i%28, i%24, i%60, 1+i%4)
	}
	data := []byte(b.String())
	for _, tc := range []struct {
		name string
		r    io.Reader
		note bool
	}{
		{"file", bytes.NewReader(data), false},
		{"pipe", pipe(data), true},
	} {
		var c collect
		rep, err := Read(tc.name, tc.r, Options{Now: fixedNow}, &c)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if rep.Rows != 10_000 || rep.Records != 10_000 || len(c.tickets) != 10_000 || c.tickets[9_999].Priority != "P4" {
			t.Errorf("%s: rows %d records %d delivered %d", tc.name, rep.Rows, rep.Records, len(c.tickets))
		}
		if got := strings.Contains(strings.Join(rep.Notes, "\n"), "cannot seek"); got != tc.note {
			t.Errorf("%s: notes %q; want a note on the replay limit: %v", tc.name, rep.Notes, tc.note)
		}
	}
	unclosed := append([]byte("created_at,note\n2026-01-05T09:00:00Z,\"open\n"), bytes.Repeat([]byte("x,y\n"), 100_000)...)
	_, err := Read("stdin", pipe(unclosed), Options{Now: fixedNow}, &collect{})
	if err == nil || !strings.Contains(err.Error(), "stdin: cannot read: it cannot seek") {
		t.Errorf("a quote never closed on a pipe: %v", err)
	}
}
