package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/scenarios/plan"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// Exit statuses, as DESIGN.md fixes them.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitInterrupted = 130
)

// streams are the command's standard streams, injected so that every
// command runs in tests without a terminal.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// usageError marks an error as the caller's fault (a bad flag, a missing
// argument, an unparsable value): exit status 2, usage hint printed.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef returns a usage error with a formatted message.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

const rootLong = `staffsim turns a service desk's history into staffing decisions.

The pipeline, one command a step (or all of it with "staffsim plan", or in a
browser on this machine with "staffsim serve"):

  history CSV ─▶ forecast ─▶ requirements ─▶ roster ─▶ simulate ─▶ report
  (tickets or    (arrivals    (Erlang agents  (shifts)  (replications
   volumes)       and AHT)     per interval)             against the SLA)

Results go to stdout (--format table|json|csv), notes and progress to stderr.
Exit status: 0 ok, 1 failure, 2 usage error, 130 interrupted.`

// newRootCmd builds the command tree. Each command lives in its own file
// as newXxxCmd(streams).
func newRootCmd(s streams) *cobra.Command {
	root := &cobra.Command{
		Use:           "staffsim",
		Short:         "Staffing and workforce-planning simulator for service desks and contact centres",
		Long:          rootLong,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          usageArgs(cobra.NoArgs),
		RunE:          func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		Example: `  staffsim plan                                  # the whole job on the built-in sample
  staffsim generate > tickets.csv                # 26 weeks of synthetic history
  staffsim inspect tickets.csv
  staffsim erlang --arrivals 100 --interval 30m --aht 180s --sl 80/20s`,
	}
	root.SetIn(s.in)
	root.SetOut(s.out)
	root.SetErr(s.err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{plainFlagError(err)} })
	root.AddCommand(
		// Each command adds its constructor here, one line each.
		newErlangCmd(s),
		newSimulateCmd(s),
		newCompareCmd(s),
		newGenerateCmd(s),
		newInspectCmd(s),
		newRequirementsCmd(s),
		newForecastCmd(s),
		newRosterCmd(s),
		newPlanCmd(s),
		newCapacityCmd(s),
		newServeCmd(s),
		newReplayCmd(s),
	)
	classifyErrors(root)
	return root
}

// classifyErrors wraps the RunE of every command under c so that the
// library's usage errors (a *history.OptionError: options that do not fit
// the input) leave the command as usageError, the one type run tests for.
func classifyErrors(c *cobra.Command) {
	if run := c.RunE; run != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error { return asUsage(run(cmd, args)) }
	}
	for _, sub := range c.Commands() {
		classifyErrors(sub)
	}
}

// asUsage returns err as a usageError when it is one of the libraries'
// usage errors — a *history.OptionError (options that do not fit the file)
// or a *plan.InputError (input the user can fix) — and err unchanged
// otherwise.
func asUsage(err error) error {
	var oe *history.OptionError
	var ie *plan.InputError
	var u usageError
	if (errors.As(err, &oe) || errors.As(err, &ie)) && !errors.As(err, &u) {
		return usageError{err}
	}
	return err
}

// run executes the command line args and returns the process exit status.
func run(ctx context.Context, args []string, s streams) int {
	root := newRootCmd(s)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return exitOK
	}
	switch {
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		fmt.Fprintln(s.err, "staffsim: interrupted")
		return exitInterrupted
	case isUsage(err):
		fmt.Fprintf(s.err, "staffsim: %v\n", err)
		if cmd != nil {
			fmt.Fprintf(s.err, "Run '%s --help' for usage.\n", cmd.CommandPath())
		}
		return exitUsage
	default:
		fmt.Fprintf(s.err, "staffsim: %v\n", err)
		return exitFailure
	}
}

// isUsage reports whether err is a usage error (exit status 2): a
// usageError anywhere in its chain. Flag errors (cobra's unknown flag
// included) arrive as one through the flag error func, surplus arguments
// and unknown commands through usageArgs, the library's option errors
// through classifyErrors.
func isUsage(err error) bool {
	var u usageError
	return errors.As(err, &u)
}

// usageArgs wraps a cobra argument validator so that its complaints are
// usage errors (exit status 2).
func usageArgs(v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := v(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
