package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzScenario checks that Parse never panics, that every failure is an
// Errors of located *Error values, and that parse → write → parse is the
// identity for whatever parses.
func FuzzScenario(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	broken, _ := filepath.Glob(filepath.Join("testdata", "broken", "*.yaml"))
	for _, p := range append(seeds, broken...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Add([]byte("start: 2026-12-07\nqueues: &q [{name: x, arrivals: {rate: 1/h}, handle_time: {mean: 1m}, sla: 80/20s}]\nroster: {shifts: [{name: d, start: '00:00', length: 24h, agents: 1}]}\n"))
	// Merge keys (and one that loops), a second document, scale 0, a
	// history's column mapping.
	f.Add([]byte("start: 2026-12-07\nqueues: [&q {name: x, arrivals: {rate: 1/h}, handle_time: {mean: 1m}, sla: 80/20s}, {<<: *q, name: y}]\nroster: {shifts: [{name: d, start: '00:00', length: 24h, agents: 1}]}\n"))
	f.Add([]byte("start: 2026-12-07\nqueues: [&q {<<: *q, name: x}]\n"))
	f.Add([]byte("start: 2026-12-07\n---\nstart: 2026-12-08\n"))
	f.Add([]byte(strings.Replace(minimal, "%s", "{rate: 60/h, scale: 0}", 1)))
	f.Add([]byte(strings.Replace(minimal, "%s", "{history: good.yaml, columns: {created_at: Opened, resolved_at: date+time}}", 1)))
	f.Add([]byte("{}"))
	f.Add([]byte("- [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.yaml", data, "testdata")
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %T %v is not a non-empty Errors", err, err)
			}
			return
		}
		roundTrip(t, "fuzz", s)
	})
}
