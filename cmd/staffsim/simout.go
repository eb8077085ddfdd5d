package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/report"
)

// This file holds what `simulate` and `compare` share: run flags, loading
// scenarios, the progress bar and the output directory.

// runFlags are the flags that override a scenario's run settings.
type runFlags struct {
	replications int
	seed         uint64
	out          string
	format       format
}

// register adds the flags; files says what --out writes, since simulate
// and compare write different files.
func (r *runFlags) register(f *pflag.FlagSet, files string) {
	f.IntVar(&r.replications, "replications", 0, "replications to run (default: the scenario's)")
	f.Uint64Var(&r.seed, "seed", 0, "random seed (default: the scenario's)")
	f.StringVarP(&r.out, "out", "o", "", "write "+files+" into this directory")
	addFormatFlag(f, &r.format)
}

// options turns the flags into run options; flags not given keep the
// scenario's settings.
func (r *runFlags) options(f *pflag.FlagSet) (scenarios.Options, error) {
	var o scenarios.Options
	if f.Changed("replications") {
		if r.replications < 1 || r.replications > 100000 {
			return o, usagef("--replications %d: give 1 to 100000 (20 to 100 give useful confidence intervals)", r.replications)
		}
		o.Replications = r.replications
	}
	if f.Changed("seed") {
		seed := r.seed
		o.Seed = &seed
	}
	return o, nil
}

// loadScenario loads a scenario file; its errors are the user's to fix
// (exit 1, with the file, line and key in the message).
func loadScenario(path string) (*scenarios.Scenario, error) {
	sc, err := scenarios.Load(path)
	if err != nil {
		var es scenarios.Errors
		if errors.As(err, &es) && len(es) > 1 {
			return nil, fmt.Errorf("%d problems:\n%w", len(es), err)
		}
		return nil, err
	}
	return sc, nil
}

// progressFor returns a progress callback drawing a bar on stderr when it
// is a terminal, and a function to finish it; nil when it is not.
func progressFor(w io.Writer, what string) (func(done, total int), func()) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil, func() {}
	}
	var bar *progressbar.ProgressBar
	return func(done, total int) {
			if bar == nil {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(f), progressbar.OptionSetDescription(what),
					progressbar.OptionShowCount(), progressbar.OptionSetElapsedTime(true), progressbar.OptionClearOnFinish())
			}
			bar.Set(done)
		}, func() {
			if bar != nil {
				bar.Finish()
			}
		}
}

// publishOutDir writes a report directory (writeOutDir), commits it
// unless ctx was cancelled, and says so on w.
func publishOutDir(ctx context.Context, w io.Writer, out string, dir *atomicdir.Dir, intervals map[string]*report.Run, summary any, page *report.Page) error {
	if err := writeOutDir(dir, intervals, summary, page); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := dir.Commit(); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %d files to %s (open %s)\n", len(dir.Files()), out, filepath.Join(out, "report.html"))
	return nil
}

// writeOutDir writes a report directory into its staging directory:
// intervals CSVs (in name order), summary.json, each chart as PNG and SVG,
// and report.html, last. The caller commits it.
func writeOutDir(dir *atomicdir.Dir, intervals map[string]*report.Run, summary any, page *report.Page) error {
	for _, name := range slices.Sorted(maps.Keys(intervals)) {
		if err := dir.WriteFile(name, func(w io.Writer) error { return report.WriteIntervalsCSV(w, intervals[name]) }); err != nil {
			return err
		}
	}
	if err := dir.WriteFile("summary.json", func(w io.Writer) error { return writeJSON(w, summary) }); err != nil {
		return err
	}
	for _, c := range page.Charts {
		for _, ext := range []string{"png", "svg"} {
			if err := dir.WriteFile(c.Name+"."+ext, func(w io.Writer) error { return c.Render(w, ext) }); err != nil {
				return err
			}
		}
	}
	return dir.WriteFile("report.html", func(w io.Writer) error { return report.WriteHTML(w, page) })
}

// createOut starts writing the output directory of --out (nil for none):
// called before the simulation, so that a place where nothing can be
// written fails at once. Defer its Abort.
func createOut(out string) (*atomicdir.Dir, error) {
	if out == "" {
		return nil, nil
	}
	return atomicdir.Create(out)
}

// quantityDuration writes seconds as a short duration: 20s, 4m, 8h, 1h30m.
func quantityDuration(secs float64) string {
	return quantity.FormatDuration(time.Duration(math.Round(secs)) * time.Second)
}

// scenarioArgs checks a command's scenario-file arguments: at least min
// (and at most max, when max > 0), else a usage error that says what to
// give, with an example.
func scenarioArgs(min, max int, what, example string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		switch {
		case len(args) < min && len(args) == 0:
			return usagef("give %s, e.g. %s", what, example)
		case len(args) < min:
			return usagef("got %d scenario file, want at least %d: give %s, e.g. %s", len(args), min, what, example)
		case max > 0 && len(args) > max:
			return usagef("got %d arguments (%s), want %d: give %s, e.g. %s", len(args), strings.Join(args, " "), max, what, example)
		}
		return nil
	}
}

// stageSpinner shows that a long stage without a progress count is still
// running: on a terminal, "what… 12 s" on stderr, rewritten every second
// and cleared by the returned stop. Off a terminal it writes nothing
// (logs and pipes get the stage's result lines only).
func stageSpinner(w io.Writer, what string) (stop func()) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return func() {}
	}
	return spin(f, what, time.Second)
}

// spin writes "\rwhat… N s" to w every tick until stop, then clears the
// line; stop waits for the last write.
func spin(w io.Writer, what string, tick time.Duration) (stop func()) {
	done, finished := make(chan struct{}), make(chan struct{})
	t0 := time.Now()
	go func() {
		defer close(finished)
		t := time.NewTicker(tick)
		defer t.Stop()
		width := 0
		for {
			s := fmt.Sprintf("\r%s… %.0f s", what, time.Since(t0).Seconds())
			width = max(width, len(s))
			fmt.Fprint(w, s)
			select {
			case <-done:
				fmt.Fprintf(w, "\r%*s\r", width, "")
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
