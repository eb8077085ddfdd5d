package main

import (
	"strings"
	"testing"
)

// TestFlagErrorsInWords: number flags that do not parse are explained in
// words, not as strconv.ParseFloat jargon (found by the CLI audit).
func TestFlagErrorsInWords(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"erlang", "--arrivals", "abc"}, `invalid argument "abc" for "--arrivals" flag: not a number`},
		{[]string{"erlang", "--agents", "1.5"}, `invalid argument "1.5" for "--agents" flag: not a whole number`},
		{[]string{"generate", "--seed", "-1"}, `invalid argument "-1" for "--seed" flag: not a whole number ≥ 0`},
		{[]string{"generate", "--days", "99999999999999999999"}, `flag: out of range`},
	} {
		code, out, errOut := runCLI(t, c.args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, c.want) || strings.Contains(errOut, "strconv") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, errOut, c.want)
		}
	}
}
