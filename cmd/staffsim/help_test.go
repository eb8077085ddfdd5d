package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestHelpReadsWell: every command's --help shows examples, and an unset
// optional flag shows no default at all rather than "(default 0s)",
// "(default 0%)", "(default 0/h)" or "(default 0/0s)" (found by the CLI
// audit: quantity flags printed their zero values).
func TestHelpReadsWell(t *testing.T) {
	t.Parallel()
	zero := regexp.MustCompile(`\(default 0[^.0-9]|\(default 0\)|\(default 0/`)
	root := newRootCmd(streams{})
	for _, c := range root.Commands() {
		name := c.Name()
		if name == "help" || name == "completion" {
			continue
		}
		code, out, errOut := runCLI(t, name, "--help")
		if code != exitOK {
			t.Errorf("%s --help: exit %d, stderr %q", name, code, errOut)
			continue
		}
		if !strings.Contains(out, "Examples:") {
			t.Errorf("%s --help shows no examples", name)
		}
		for _, line := range strings.Split(out, "\n") {
			if zero.MatchString(line) {
				t.Errorf("%s --help: a zero default is shown: %q", name, strings.TrimSpace(line))
			}
		}
	}
}

// TestHelpMatchesCode: help texts that disagreed with the code (issue 12).
func TestHelpMatchesCode(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		cmd       string
		want, not []string
	}{
		// --sl's default is not a target when only --max-abandon is given.
		{"requirements", []string{"only when no other target"}, nil},
		// plan's --interval divides an hour, as checkPlanInterval checks.
		{"plan", []string{"5m to 60m dividing an hour"}, nil},
		// generate's default volume is a mean per weekday, not per day.
		{"generate", []string{"tickets a weekday (fewer at weekends)"}, []string{"400/day"}},
		// compare writes intervals-<scenario>.csv, not intervals.csv.
		{"compare", []string{"intervals-<scenario>.csv for each scenario"}, []string{"write intervals.csv"}},
		{"simulate", []string{"write intervals.csv"}, nil},
	} {
		_, out, _ := runCLI(t, tc.cmd, "--help")
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s --help lacks %q", tc.cmd, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(out, w) {
				t.Errorf("%s --help still says %q", tc.cmd, w)
			}
		}
	}
}
