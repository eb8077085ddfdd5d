package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/forecast"
)

// runCLI runs the command line in-process and returns the exit status,
// stdout and stderr.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, streams{in: strings.NewReader(""), out: &out, err: &errb})
	return code, out.String(), errb.String()
}

func TestRootVersionAndUsage(t *testing.T) {
	t.Parallel()
	if code, out, _ := runCLI(t, "--version"); code != exitOK || !strings.Contains(out, "staffsim version") {
		t.Errorf("--version: exit %d, stdout %q", code, out)
	}
	if code, out, _ := runCLI(t, "--help"); code != exitOK || !strings.Contains(out, "staffsim plan") {
		t.Errorf("--help: exit %d, stdout %q", code, out)
	}
	if code, _, errOut := runCLI(t, "no-such-command"); code != exitUsage || !strings.Contains(errOut, "unknown command") {
		t.Errorf("unknown command: exit %d, stderr %q; want exit 2", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--no-such-flag"); code != exitUsage {
		t.Errorf("unknown flag: exit %d, stderr %q; want exit 2", code, errOut)
	}
	if code, out, _ := runCLI(t, "completion", "bash"); code != exitOK || !strings.Contains(out, "staffsim") {
		t.Errorf("completion bash: exit %d", code)
	}
}

// TestIsUsageByType checks that exit status 2 is decided by the error's
// type, never its words.
func TestIsUsageByType(t *testing.T) {
	t.Parallel()
	optErr := forecast.CheckInterval(7 * time.Minute) // a *forecast.OptionError
	for _, c := range []struct {
		err  error
		want bool
	}{
		{usagef("bad --sl"), true},
		{fmt.Errorf("requirements: %w", usagef("bad --sl")), true},
		{asUsage(fmt.Errorf("generate: %w", optErr)), true},
		{asUsage(errors.New("unknown flag: --x")), false},
		{errors.New("unknown command \"x\""), false},
		{nil, false},
	} {
		if got := isUsage(c.err); got != c.want {
			t.Errorf("isUsage(%v) = %v, want %v", c.err, got, c.want)
		}
	}
	if optErr == nil {
		t.Fatal("CheckInterval(7m) accepted 7 minutes")
	}
}
