package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADMESimulateExamples runs the command lines of the README's
// simulate and compare section, from the repository root as a reader would.
func TestREADMESimulateExamples(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	for _, line := range []string{
		"simulate testdata/phone-desk.yaml",
		"simulate testdata/mixed-desk.yaml --out OUT/mixed",
		"simulate testdata/24x7-desk.yaml --replications 50 --seed 2 --format json",
		"simulate testdata/mixed-desk.yaml --format csv",
		"compare testdata/mixed-desk.yaml testdata/mixed-desk-plus.yaml",
		"compare testdata/mixed-desk.yaml testdata/mixed-desk-plus.yaml --out OUT/compare",
	} {
		args := strings.Fields(strings.ReplaceAll(line, "OUT", out))
		for i, a := range args {
			if strings.HasPrefix(a, "testdata/") {
				args[i] = filepath.Join(root, a)
			}
		}
		code, stdout, stderr := runCLI(t, args...)
		if code != exitOK || stdout == "" {
			t.Errorf("staffsim %s: exit %d, stderr %s", line, code, stderr)
		}
	}
	for _, f := range []string{"mixed/report.html", "mixed/intervals.csv", "mixed/summary.json", "compare/report.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
}
