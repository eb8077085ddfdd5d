package main

import (
	"path/filepath"
	"strings"
	"testing"
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
	plan := t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		want string // in stderr
	}{
		{[]string{"forecast", "--history", tickets, "--interval", "1ns", "--out", "-"}, exitUsage, "whole number of minutes"},
		{[]string{"plan", "--history", tickets, "--interval", "1ns", "--out", plan}, exitUsage, "whole number of minutes"},
		{[]string{"plan", "--interval", "1ns", "--out", plan}, exitUsage, "whole number of minutes"},
	} {
		code, _, stderr := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "panic") {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}
