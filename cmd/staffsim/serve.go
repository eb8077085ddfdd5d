package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/webapp"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/plan"
	"github.com/staffsim/staffsim/scenarios/report"
)

// serveOptions are the flags of staffsim serve.
type serveOptions struct {
	addr        string
	allowRemote bool
	maxUploadMB int64
	maxSessions int
	maxRuns     int
}

const serveLong = `The plan in a browser, for people who do not use a terminal: upload a
history (or use the built-in sample), check its columns, set the SLA,
shrinkage, interval and hourly cost, run the plan with a progress bar, read
the report, move a headcount slider (service level, P(meet), ASA and cost
recomputed), compare two rosters, and download every file staffsim plan
writes. Every screen shows the equivalent staffsim command.

It runs on this machine only: it listens on 127.0.0.1 (a free port, printed
on start) unless --addr says otherwise, and an address other than loopback
needs --allow-remote (anyone who can reach it can use it; it has no login).
Uploads stay in a temporary directory per browser session, removed when the
session ends (the page's "Forget my data", 2 hours idle, or Ctrl-C). At
most --max-sessions sessions and --max-runs simulations run at once.`

func newServeCmd(s streams) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "The plan as a local web app (loopback by default), built on the library APIs",
		Long:  serveLong,
		Example: `  staffsim serve                          # http://127.0.0.1:<free port>/
  staffsim serve --addr 127.0.0.1:8080
  staffsim serve --addr 0.0.0.0:8080 --allow-remote   # reachable from the network: no login!`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runServe(cmd.Context(), s, o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", "127.0.0.1:0", "address to listen on, host:port (port 0: a free one)")
	f.BoolVar(&o.allowRemote, "allow-remote", false, "allow an address other than loopback (the app has no login: anyone who reaches it can use it)")
	f.Int64Var(&o.maxUploadMB, "max-upload", 50, "largest history upload, MB")
	f.IntVar(&o.maxSessions, "max-sessions", 64, "most browser sessions kept at once (the least recently used idle one is dropped)")
	f.IntVar(&o.maxRuns, "max-runs", 2, "most plans and simulations running at once (others wait)")
	return cmd
}

// checkServeAddr checks --addr: host:port, and loopback unless allowed.
// It returns whether the address is loopback.
func checkServeAddr(addr string, allowRemote bool) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, usagef("--addr %q: give host:port, e.g. 127.0.0.1:8080", addr)
	}
	ip := net.ParseIP(host)
	loop := strings.EqualFold(host, "localhost") || (ip != nil && ip.IsLoopback())
	if !loop && !allowRemote {
		return false, usagef("--addr %s is not a loopback address: the app has no login, so anyone who reaches it could use it; add --allow-remote if that is what you want", addr)
	}
	return loop, nil
}

func runServe(ctx context.Context, s streams, o *serveOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	loop, err := checkServeAddr(o.addr, o.allowRemote)
	if err != nil {
		return err
	}
	if o.maxUploadMB < 1 || o.maxUploadMB > 4096 {
		return usagef("--max-upload %d: give 1 to 4096 MB", o.maxUploadMB)
	}
	if o.maxSessions < 1 || o.maxRuns < 1 {
		return usagef("--max-sessions and --max-runs must be at least 1")
	}
	app, err := newServeApp(webapp.Config{MaxUpload: o.maxUploadMB << 20, MaxSessions: o.maxSessions, MaxRuns: o.maxRuns, Loopback: loop})
	if err != nil {
		return err
	}
	defer app.Close()
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if !loop {
		fmt.Fprintf(s.err, "warning: staffsim serve is listening on %s, not loopback: anyone who can reach this address can upload histories and run plans (there is no login)\n", ln.Addr())
	}
	srv := &http.Server{Handler: app, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	fmt.Fprintf(s.out, "staffsim serve: open http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
	app.Close()
	return ctx.Err()
}

// newServeApp returns the web app with the engine of the commands: the
// plan's flags parsed by staffsim plan's own parser, files written by the
// functions staffsim plan and compare write theirs with.
func newServeApp(cfg webapp.Config) (*webapp.App, error) {
	cfg.Version = "staffsim " + version
	cfg.Engine = webapp.Engine{HistoryOptions: serveHistoryOptions, Plan: servePlan, WritePlan: serveWritePlan, WriteCompare: serveWriteCompare}
	return webapp.New(cfg)
}

// parsePlanArgs parses args as staffsim plan's flags.
func parsePlanArgs(args []string) (*cobra.Command, *planOptions, error) {
	quiet := streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard}
	cmd, o := planCommand(quiet)
	if err := cmd.ParseFlags(args); err != nil {
		return nil, nil, usageError{plainFlagError(err)}
	}
	return cmd, o, nil
}

func serveHistoryOptions(args []string) (history.Options, error) {
	_, o, err := parsePlanArgs(args)
	if err != nil {
		return history.Options{}, err
	}
	return o.history.options()
}

func servePlan(ctx context.Context, args []string, h *webapp.History) (plan.Input, plan.Options, error) {
	cmd, o, err := parsePlanArgs(args)
	if err != nil {
		return plan.Input{}, plan.Options{}, err
	}
	pl := &planner{o: o, s: streams{in: strings.NewReader(""), out: io.Discard, err: io.Discard}, ctx: ctx}
	if h != nil {
		o.path = h.Name
		pl.open = func(context.Context) (string, io.Reader, func(), error) {
			rc, err := h.Open()
			if err != nil {
				return "", nil, func() {}, err
			}
			return h.Name, rc, func() { rc.Close() }, nil
		}
	}
	if err := pl.resolve(cmd); err != nil {
		return plan.Input{}, plan.Options{}, err
	}
	if err := pl.loadHistory(nil); err != nil {
		return plan.Input{}, plan.Options{}, err
	}
	return pl.in, pl.opt, nil
}

func serveWritePlan(ctx context.Context, dir string, res *plan.Result, opt plan.Options) ([]string, error) {
	d, err := atomicdir.Create(dir)
	if err != nil {
		return nil, err
	}
	defer d.Abort()
	if err := writePlanFiles(ctx, d, res, opt.Model); err != nil {
		return nil, err
	}
	files := d.Files()
	return files, d.Commit()
}

func serveWriteCompare(ctx context.Context, dir string, scs []*scenarios.Scenario, names []string, extra map[string]func(io.Writer) error) ([]string, string, error) {
	outs, best, err := scenarios.Compare(ctx, scs, scenarios.Options{})
	if err != nil {
		return nil, "", err
	}
	runs := make([]*report.Run, len(outs))
	var sources []string
	for k := range extra {
		if strings.HasSuffix(k, ".yaml") {
			sources = append(sources, k)
		}
	}
	slices.Sort(sources)
	cmp := comparison{Files: sources}
	for i, out := range outs {
		runs[i] = out.Report
		cmp.Scenarios = append(cmp.Scenarios, summaryOf(out))
	}
	cheapest := ""
	if best >= 0 {
		cheapest = names[best]
		cmp.Cheapest = &cheapest
	}
	page, csvs, err := compareOutput(runs, names, best, sources)
	if err != nil {
		return nil, "", err
	}
	d, err := atomicdir.Create(dir)
	if err != nil {
		return nil, "", err
	}
	defer d.Abort()
	for _, name := range slices.Sorted(maps.Keys(extra)) {
		if err := d.WriteFile(name, extra[name]); err != nil {
			return nil, "", err
		}
	}
	if err := writeOutDir(d, csvs, &cmp, page); err != nil {
		return nil, "", err
	}
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	files := d.Files()
	if err := d.Commit(); err != nil {
		return nil, "", err
	}
	return files, cheapest, nil
}
