package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/staffsim/staffsim/internal/realdata"
)

// readmeBlock returns the lines of the README's code block that contains
// marker.
func readmeBlock(t *testing.T, marker string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, block := range strings.Split(string(b), "```") {
		if strings.Contains(block, marker) {
			var lines []string
			for _, l := range strings.Split(block, "\n") {
				if l = strings.TrimSpace(l); l != "" && !strings.HasSuffix(l, "…") {
					lines = append(lines, l)
				}
			}
			return lines
		}
	}
	t.Fatalf("README has no block with %q", marker)
	return nil
}

// TestREADMEPlanLines: the plan lines the README quotes are what the
// commands it names print today — the built-in sample's phone plan and the
// ServiceNow export's ticket-desk plan, both with their defaults.
func TestREADMEPlanLines(t *testing.T) {
	if testing.Short() {
		t.Skip("two whole plans at their defaults: left to the full run")
	}
	for _, tc := range []struct {
		marker string
		args   []string
	}{
		{"Holding 80% in 20s at forecast volume needs", nil},
		{"The desk needs", []string{"--history", realdata.Path(t, "servicenow-incidents-2016/incident_event_log_partial.csv"), "--id-column", "number"}},
	} {
		args := append([]string{"plan", "--out", t.TempDir()}, tc.args...)
		code, out, errOut := runCLI(t, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		for _, l := range readmeBlock(t, tc.marker) {
			if !strings.Contains(out, l) {
				t.Errorf("README line not printed by staffsim %s:\n  %s\nstdout:\n%s", strings.Join(args[:1], " "), l, out)
			}
		}
	}
}
