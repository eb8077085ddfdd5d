// Command staffsim turns a service desk's ticket and call history into
// staffing decisions: forecasts, Erlang requirements, simulated rosters and
// reports. Run `staffsim --help` for the pipeline and `staffsim plan` to see
// the whole job on the built-in sample.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	// The time-zone database compiled in (about 450 kB), so that --tz
	// works on hosts without zoneinfo (containers, Windows).
	_ "time/tzdata"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], streams{in: os.Stdin, out: os.Stdout, err: os.Stderr})
	stop()
	os.Exit(code)
}
