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
