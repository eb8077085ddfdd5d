package scenarios

import (
	"errors"
	"os"
	"path/filepath"
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
