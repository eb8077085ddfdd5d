package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/calllog"
	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/forecast/staffing"
	"github.com/staffsim/staffsim/internal/csvfield"
	"github.com/staffsim/staffsim/internal/quantity"
)

// callFlags are the flags of inspect --calls: the FILE is a call log (one
// row per call with queue entry and exit, outcome, service start and end,
// and optionally the agent) and inspect estimates the desk's behaviour
// from it (package forecast/calllog).
type callFlags struct {
	on       bool
	date     string
	within   []string
	gapLimit quantity.Duration
	interval quantity.Duration
}

func (c *callFlags) register(f *pflag.FlagSet) {
	f.BoolVar(&c.on, "calls", false, "read FILE as a call log and estimate patience, handle time, wrap-up, pick-up delay and agents present")
	f.StringVar(&c.date, "date", "", "with --calls: the day of a log whose times are clock times only, e.g. 1999-08-01")
	f.StringSliceVar(&c.within, "within", []string{"20s", "60s"}, "with --calls: service-level targets to measure, e.g. 20s,60s")
	c.gapLimit = quantity.Duration(30 * time.Minute)
	f.Var(&c.gapLimit, "gap-limit", "with --calls: a longer gap between an agent's calls is a break, not wrap-up, and the agent absent")
	c.interval = quantity.Duration(30 * time.Minute)
	f.Var(&c.interval, "interval", "with --calls: intervals of the agents-present curve (15m, 30m, 60m)")
}

// patienceAt are the times at which inspect --calls shows the
// Kaplan–Meier patience survival.
var patienceAt = []float64{10, 30, 60, 120, 180, 300, 600}

// callLogJSON is inspect --calls --format json.
type callLogJSON struct {
	Read     *calllog.Report  `json:"read"`
	First    csvfield.Time    `json:"first_arrival"`
	Last     csvfield.Time    `json:"last_arrival"`
	Counts   calllog.Counts   `json:"calls"`
	Measured calllog.Measured `json:"measured"`
	Patience struct {
		Exponential calllog.Exponential `json:"exponential"`
		At          []calllog.Step      `json:"kaplan_meier_at"`
		Median      *float64            `json:"kaplan_meier_median_seconds"`
		KaplanMeier calllog.Survival    `json:"kaplan_meier"`
	} `json:"patience"`
	Handle    calllog.Sample    `json:"handle_time"`
	LogNormal calllog.LogNormal `json:"handle_time_lognormal"`
	Agents    *callAgentsJSON   `json:"agents"`
}

type callAgentsJSON struct {
	calllog.Gaps
	AgentHours csvfield.Float `json:"present_agent_hours"`
	Peak       csvfield.Float `json:"present_peak"`
	Present    []staffing.Row `json:"present"`
}

// callOptions checks the flags of inspect --calls and returns the read
// options and the estimator's configuration.
func callOptions(h *historyFlags, c *callFlags, changed func(string) bool) (calllog.Options, calllog.Config, error) {
	var opt calllog.Options
	var cfg calllog.Config
	for _, name := range []string{"shape", "id-column", "time-format", "sl", "plot",
		"tickets", "calendar", "hours", "holidays", "sla-per-priority", "response-sla-per-priority"} {
		if changed(name) {
			return opt, cfg, usagef("--%s is for ticket histories; a call log (--calls) does not take it", name)
		}
	}
	if len(h.columns) > 0 {
		opt.Columns = map[string]string{}
		for _, s := range h.columns {
			if err := calllog.ParseColumn(opt.Columns, s); err != nil {
				return opt, cfg, usagef("--column: %v", err)
			}
		}
	}
	var err error
	if opt.Location, err = loadZone(h.tz); err != nil {
		return opt, cfg, usagef("--tz %v", err)
	}
	opt.Strict = h.strict
	if c.date != "" {
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(c.date))
		if err != nil {
			return opt, cfg, usagef("--date %q: write the day as 2006-01-02, e.g. --date 1999-08-01", c.date)
		}
		opt.Date = d
	}
	for _, w := range c.within {
		d, err := time.ParseDuration(strings.TrimSpace(w))
		if err != nil || d < 0 {
			return opt, cfg, usagef("--within %q: write durations such as 20s,60s", w)
		}
		cfg.Targets = append(cfg.Targets, d.Seconds())
	}
	if len(cfg.Targets) == 0 {
		cfg.Targets = []float64{}
	}
	if c.gapLimit <= 0 {
		return opt, cfg, usagef("--gap-limit must be positive, e.g. 30m")
	}
	cfg.GapLimit = time.Duration(c.gapLimit)
	if iv := time.Duration(c.interval); forecast.CheckInterval(iv) != nil {
		return opt, cfg, usagef("--interval %s must be whole minutes that divide 24h, e.g. 30m", quantity.FormatDuration(iv))
	}
	cfg.Interval = time.Duration(c.interval)
	cfg.Location = opt.Location
	return opt, cfg, nil
}

// runInspectCalls is inspect --calls.
func runInspectCalls(ctx context.Context, s streams, o *inspectOptions, path string, changed func(string) bool) error {
	opt, cfg, err := callOptions(&o.history, &o.calls, changed)
	if err != nil {
		return err
	}
	opt.Context = ctx
	var hopt history.Options // historyInput opens the file as history does: pipes, stdin, Ctrl-C
	name, r, done, err := historyInput(ctx, s.in, path, &hopt)
	if err != nil {
		return err
	}
	defer done()
	e := calllog.NewEstimator(cfg)
	rep, err := calllog.Read(name, r, opt, e.Add)
	var oe *calllog.OptionError
	if errors.As(err, &oe) {
		return usageError{err}
	}
	if err != nil {
		return err
	}
	if rep.Rejected > 0 {
		fmt.Fprintf(s.err, "note: %s: %d rows rejected (first: %s)\n", name, rep.Rejected, rep.Rejects[0])
	}
	est, err := e.Estimate()
	if err != nil {
		if rep.Rejected > 0 {
			return fmt.Errorf("%s: %v; %d rows rejected, the first: %s", name, err, rep.Rejected, rep.Rejects[0])
		}
		return fmt.Errorf("%s: %v", name, err)
	}
	switch o.format {
	case formatCSV:
		if est.Gaps == nil || est.Gaps.Present == nil {
			return fmt.Errorf("%s names no agents (no server or agent column): there is no staffing curve to write; map one with --column agent=NAME", name)
		}
		return staffing.Write(s.out, est.Gaps.Present)
	case formatJSON:
		return writeJSON(s.out, callLogDoc(rep, est))
	}
	return writeCallLogTable(s.out, rep, est)
}

func callLogDoc(rep *calllog.Report, est *calllog.Estimates) callLogJSON {
	doc := callLogJSON{Read: rep, First: csvfield.At(est.First), Last: csvfield.At(est.Last), Counts: est.Counts,
		Measured: est.Measured, Handle: est.Handle, LogNormal: est.LogFit}
	km := est.Patience.KaplanMeier
	doc.Patience.Exponential = est.Patience.Exponential
	doc.Patience.KaplanMeier = km
	doc.Patience.At = []calllog.Step{}
	for _, t := range patienceAt {
		if st, ok := km.At(t); ok {
			st.Time = t
			doc.Patience.At = append(doc.Patience.At, st)
		}
	}
	if m, ok := km.Median(); ok {
		doc.Patience.Median = &m
	}
	if g := est.Gaps; g != nil {
		a := &callAgentsJSON{Gaps: *g, Present: []staffing.Row{}}
		if g.Present != nil {
			a.Present = g.Present.Rows()
			a.AgentHours = csvfield.Float(g.Present.AgentHours())
			for _, v := range g.Present.Agents {
				a.Peak = max(a.Peak, csvfield.Float(v))
			}
		}
		doc.Agents = a
	}
	return doc
}

func writeCallLogTable(out io.Writer, rep *calllog.Report, est *calllog.Estimates) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	row := func(k, format string, args ...any) { fmt.Fprintf(tw, "%s\t%s\n", k, fmt.Sprintf(format, args...)) }
	c, m := est.Counts, est.Measured
	row("file", "%s (call log)", rep.File)
	row("columns", "%s", fieldList(rep.Columns))
	row("rows", "%d read, %d rejected", rep.Rows, rep.Rejected)
	row("arrivals", "%s → %s", est.First.Format("2006-01-02 15:04"), est.Last.Format("2006-01-02 15:04"))
	row("calls", "%d queued: %d answered (%d at once), %d abandoned; %d hung up in the VRU, %d other (not counted)",
		c.Queued, c.Answered, c.Immediate, c.Abandoned, c.VRUOnly, c.Other)
	var sls []string
	for _, sl := range m.ServiceLevels {
		sls = append(sls, fmt.Sprintf("%s within %s", pct(sl.Value), secs(sl.Target)))
	}
	row("measured", "ASA %s, abandon rate %s, mean wait of abandoned %s", secs(m.ASA), pct(m.AbandonRate), secs(m.MeanWaitAbandoned))
	if len(sls) > 0 {
		row("service level", "%s (of answered + abandoned)", strings.Join(sls, ", "))
	}
	ex := est.Patience.Exponential
	lvl := fmt.Sprintf("%.0f%%", est.Config.Level*100)
	if ex.Events > 0 {
		row("patience (exponential)", "mean %s [%s, %s] (%s CI; %d abandons in %.0f s of waiting)", secs(ex.Mean), secs(ex.MeanLow), secs(ex.MeanHigh), lvl, ex.Events, ex.Exposure)
	} else {
		row("patience (exponential)", "no abandons: the mean patience is beyond %s (%s upper bound on the rate)", secs(ex.MeanLow), lvl)
	}
	km := est.Patience.KaplanMeier
	var at []string
	for _, t := range patienceAt {
		if st, ok := km.At(t); ok {
			at = append(at, fmt.Sprintf("%s %s [%s, %s]", secs(t), pct(st.Survival), pct(st.Lower), pct(st.Upper)))
		}
	}
	row("patience (Kaplan–Meier)", "still waiting after %s", strings.Join(at, "; "))
	if med, ok := km.Median(); ok {
		row("", "median patience %s", secs(med))
	} else {
		row("", "median patience not reached (Ŝ stays above 50%% up to %s)", secs(km.Max))
	}
	h, ln := est.Handle, est.LogFit
	row("handle time", "mean %s [%s, %s], cv %.2f, p10 %s, p50 %s, p90 %s (%d calls)", secs(h.Mean), secs(h.MeanLow), secs(h.MeanHigh), h.CV, secs(h.P10), secs(h.P50), secs(h.P90), h.N)
	fit := "does not fit"
	switch {
	case ln.N <= 30:
		fit = "too few calls to judge"
	case ln.Fits:
		fit = "fits"
	}
	row("", "log-normal μ %.3f σ %.3f (mean %s, cv %.2f): %s, KS %.4f vs %.4f (Lilliefors 5%%)", ln.Mu, ln.Sigma, secs(ln.Mean), ln.CV, fit, ln.KS, ln.KSCritical)
	if g := est.Gaps; g != nil {
		row("agents", "%d named; %d gaps between consecutive calls, %d breaks longer than %s", g.Agents, g.Pairs, g.Breaks, quantity.FormatDuration(est.Config.GapLimit))
		row("wrap-up + pick-up", "mean %s [%s, %s], p50 %s (%d gaps whose next call was waiting)", secs(g.Busy.Mean), secs(g.Busy.MeanLow), secs(g.Busy.MeanHigh), secs(g.Busy.P50), g.Busy.N)
		row("pick-up delay", "mean %s [%s, %s], p50 %s, p90 %s (%d calls arriving to an agent idle ≥ %s)", secs(g.PickUp.Mean), secs(g.PickUp.MeanLow), secs(g.PickUp.MeanHigh), secs(g.PickUp.P50), secs(g.PickUp.P90), g.PickUp.N, secs(g.IdleAfter))
		switch {
		case g.Busy.N < 2 || g.PickUp.N < 2:
			row("wrap-up", "too few gaps to separate from the pick-up delay (%d busy gaps, %d pick-ups)", g.Busy.N, g.PickUp.N)
		case g.Separable:
			row("wrap-up", "mean %s [%s, %s], sd %s (the difference of the two)", secs(g.WrapUpMean), secs(g.WrapUpLow), secs(g.WrapUpHigh), secs(g.WrapUpSD))
		default:
			row("wrap-up", "not separable: calls arriving to idle agents waited longer than the busy gaps, so ready agents left calls waiting (not ready, or a class they do not take); the busy gaps bound wrap-up + pick-up")
		}
		if g.NotReadyHours > 0 {
			row("not ready", "%s of the agents' time while a call waited unassigned (%.1f agent-hours): idle past wrap-up and pick-up with a call waiting", pct(g.NotReady), g.NotReadyHours)
		}
		if p := g.Present; p != nil {
			peak := 0.0
			for _, v := range p.Agents {
				peak = max(peak, v)
			}
			row("agents present", "%.1f agent-hours, peak %.1f in a %s interval (--format csv writes the curve for requirements --staffing)", p.AgentHours(), peak, quantity.FormatDuration(p.Interval))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if rep.Rejected > 0 {
		fmt.Fprintf(out, "\nrejected rows (%d; the first %d):\n", rep.Rejected, len(rep.Rejects))
		for _, rej := range rep.Rejects {
			fmt.Fprintf(out, "  %s: %s\n", rep.File, rej)
		}
	}
	return nil
}
