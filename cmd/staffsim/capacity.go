package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/capacity"
	"github.com/staffsim/staffsim/scenarios/plan"
	"github.com/staffsim/staffsim/scenarios/report"
)

// capacityOptions are the flags of staffsim capacity. The assumptions of
// the plan (headcount, attrition, classes …) are strings parsed by the
// capacity package's parsers, the same as its settings file reads.
type capacityOptions struct {
	deskFlags
	settings   string
	runs       int
	levelStep  quantity.Fraction
	volumeCase string
	// The assumptions, as written.
	months, target, headcount, attrition, leadTime, training, ramp, classSize   string
	partTime, overtime, costPerHire, growth, ahtGrowth, shrinkageMonth, classes string
	events                                                                      []string
}

const capacityLong = `The long-range capacity plan: how many people the desk needs month by
month over the next 12–18 months, how many it will have as people leave
and new hires ramp up, and when to open requisitions for which hiring
classes so that the SLA holds every month with a chosen probability, at
least cost — with the what-if of today's hiring plan and of more volume.

Without --history, capacity runs on the built-in sample desk (26 weeks of
generated history growing 5% a year, UK bank holidays, 36 people today).

Demand: plan's forecast of the next four weeks (the best backtested
method) is scaled month by month by a long-range model fitted on the
history's days — a yearly trend, and month-of-year seasonality when the
history spans two years — or by --growth; --event multiplies the months
a launch or a closure touches. Each month's volume goes through plan's
staffing model: Erlang per interval for --sl at the month's shrinkage
(--shrinkage, --shrinkage-month), a typical week rostered from the shift
templates and checked in simulation; the roster's paid hours a week ÷
--hours-per-fte are the month's required FTE. Volumes between steps of
--level-step are interpolated.

Supply: --headcount people today; each leaves with probability
--attrition a month (binomial: each simulated path draws who leaves);
classes start on the first Monday of a month at least --lead-time after
today, train for --training (paid, not productive), then work at --ramp
of full productivity in their first months (1 after); class sizes within
--class-size; --part-time and --overtime limits.

The hiring plan: the classes meeting P(enough staff) ≥ --target in every
month at least expected cost (pay, overtime, --cost-per-hire); a month no
class can reach in time is named with the reason. --classes evaluates
today's hiring plan (where it fails, and by how much); --volume-case plans
for more volume too.

Assumptions can be kept in a settings file (--settings capacity.yaml, see
testdata/capacity/capacity.yaml); flags given replace its values.

Files in --out (default ./staffsim-capacity): months.csv (every month of
every plan), classes.csv, summary.json, charts (PNG) and report.html,
written to a staging directory and moved in at the end.

On stdout: the month table of the recommended plan (--format table),
summary.json (--format json) or months.csv (--format csv).`

func newCapacityCmd(s streams) *cobra.Command {
	o := &capacityOptions{deskFlags: newDeskFlags(), levelStep: 0.05}
	cmd := &cobra.Command{
		Use:   "capacity",
		Short: "Long-range capacity plan: required FTE by month, attrition, hiring classes and P(meet SLA) per month",
		Long:  capacityLong,
		Example: `  staffsim capacity                                  # the built-in sample desk, 12 months
  staffsim capacity --months 18 --attrition 2% --lead-time 6w --training 4w --ramp 60%,80% --class-size 4..12
  staffsim capacity --history tickets.csv --headcount 120 --settings capacity.yaml --out capacity
  staffsim capacity --classes 2027-03-01:8,2027-06-07:8 --volume-case 10% --format json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runCapacity(cmd, s, o) },
	}
	f := cmd.Flags()
	o.register(f, "capacity", 10, "simulation replications of each month's roster check", "random seed of the simulations and the attrition paths")
	f.StringVar(&o.settings, "settings", "", "capacity settings file (YAML, see testdata/capacity/capacity.yaml); flags given replace its values")
	f.IntVar(&o.runs, "runs", 1000, "simulated attrition paths behind each probability")
	f.Var(&o.levelStep, "level-step", "volume levels rostered (months between are interpolated), e.g. 5%")
	f.StringVar(&o.volumeCase, "volume-case", "", "also plan for this much more volume, e.g. 10%")
	f.StringVar(&o.months, "months", "", "horizon in months, 1 to 36, or weeks such as 78w (default 12)")
	f.StringVar(&o.target, "target", "", "probability of enough staff each month must reach (default 90%)")
	f.StringVar(&o.headcount, "headcount", "", "people on staff today (required with --history; 36 on the sample)")
	f.StringVar(&o.attrition, "attrition", "", "share of people leaving a month, e.g. 2% or 2%/month or 20%/year (default 2%/month)")
	f.StringVar(&o.leadTime, "lead-time", "", "from requisition to the class's first day, e.g. 6w or 42d (default 6w)")
	f.StringVar(&o.training, "training", "", "paid, unproductive training of a class, e.g. 4w (default 4w)")
	f.StringVar(&o.ramp, "ramp", "", "productivity of new hires in their 1st, 2nd … month after training, e.g. 60%,80% (default), or none")
	f.StringVar(&o.classSize, "class-size", "", "people in a class, MIN..MAX, MIN.. or MAX, e.g. 4..12 (default 4..: at least 4, no limit)")
	f.StringVar(&o.partTime, "part-time", "", "share of people part-time and their weekly hours, e.g. 20%@20h")
	f.StringVar(&o.overtime, "overtime", "", "most overtime as a share of contracted hours, with its pay multiple, e.g. 10% or 10%@1.5")
	f.StringVar(&o.costPerHire, "cost-per-hire", "", "one-off cost of a hire (recruiting), e.g. 3000")
	f.StringVar(&o.growth, "growth", "", "volume growth replacing the history's trend, e.g. 10% (a year) or 1%/month")
	f.StringVar(&o.ahtGrowth, "aht-growth", "", "AHT growth replacing the history's, e.g. -5% (a year)")
	f.StringArrayVar(&o.events, "event", nil, "volume event [NAME:]FROM[..TO]=CHANGE, dates or months, e.g. launch:2027-03..2027-04=+25% (repeatable)")
	f.StringVar(&o.shrinkageMonth, "shrinkage-month", "", "shrinkage of given calendar months, e.g. jul=35%,aug=38%")
	f.StringVar(&o.classes, "classes", "", "today's hiring plan to evaluate, START:SIZE,…, e.g. 2027-03-01:8,2027-06-07:8")
	return cmd
}

// capacityRun runs staffsim capacity: the options the flags resolve to,
// the input, the library's result and the output directory.
type capacityRun struct {
	o   *capacityOptions
	s   streams
	ctx context.Context
	opt capacity.Options
	in  plan.Input
	res *capacity.Result
	dir *atomicdir.Dir
}

func runCapacity(cmd *cobra.Command, s streams, o *capacityOptions) error {
	cr := &capacityRun{o: o, s: s, ctx: cmd.Context()}
	if cr.ctx == nil {
		cr.ctx = context.Background()
	}
	if err := cr.resolve(cmd); err != nil {
		return err
	}
	var err error
	if cr.dir, err = atomicdir.Create(o.out); err != nil {
		return err
	}
	defer cr.dir.Abort()
	t0 := time.Now()
	if err := cr.loadHistory(); err != nil {
		return err
	}
	if cr.res, err = capacity.Run(cr.ctx, cr.in, cr.opt); err != nil {
		return err
	}
	if err := cr.write(); err != nil {
		return err
	}
	// Timings go to stderr only: files and stdout are the same bytes for
	// the same inputs.
	cr.note("wrote %d files to %s (open %s) in %.1f s", len(cr.dir.Files()), o.out, filepath.Join(o.out, "report.html"), time.Since(t0).Seconds())
	return cr.print()
}

func (cr *capacityRun) note(format string, args ...any) {
	fmt.Fprintf(cr.s.err, "capacity: "+format+"\n", args...)
}

// defaultMinClass is the smallest class a trainer runs unless
// --class-size says otherwise.
const defaultMinClass = 4

// sampleHeadcount is the built-in sample desk's people today.
const sampleHeadcount = 36

// resolve checks the flags and the settings file; every complaint is a
// usage error, before anything runs.
func (cr *capacityRun) resolve(cmd *cobra.Command) error {
	o, f := cr.o, cmd.Flags()
	if o.runs < 10 || o.runs > capacity.MaxRuns {
		return usagef("--runs %d: give 10 to %d (1000 gives probabilities to about ±2%%)", o.runs, capacity.MaxRuns)
	}
	if o.levelStep < 0.005 || o.levelStep > 0.5 {
		return usagef("--level-step %s must be from 0.5%% to 50%%, e.g. 5%%", o.levelStep)
	}
	popt, err := o.resolve(f.Changed, "capacity")
	if err != nil {
		return err
	}
	cr.opt = capacity.Options{Months: 12, Runs: o.runs, LevelStep: float64(o.levelStep), Log: cr.s.err, Plan: popt,
		Progress: func(stage string) (func(done, total int), func()) { return progressFor(cr.s.err, stage) }}
	// The defaults of the example: 2 % a month, 6 weeks' lead
	// time, 4 weeks' training, 60 % and 80 % in the first two months.
	cr.opt.Supply = capacity.Supply{Attrition: 0.02, LeadTime: 42 * 24 * time.Hour, Training: 28 * 24 * time.Hour, Ramp: []float64{0.6, 0.8}, MinClass: defaultMinClass}
	if o.path == "" {
		cr.opt.Supply.Headcount = sampleHeadcount
	}
	var set capacity.Settings
	if o.settings != "" {
		if set, err = capacity.ReadSettings(o.settings); err != nil {
			return usageError{err}
		}
	}
	flags, err := o.flagSettings(f.Changed)
	if err != nil {
		return err
	}
	set.Override(flags)
	if o.path != "" && set.Headcount == nil {
		return usagef("--headcount: give the people on staff today (or headcount: in --settings), e.g. --headcount 120")
	}
	set.Apply(&cr.opt)
	if o.volumeCase != "" {
		v, err := capacity.ParseChange(o.volumeCase)
		if err != nil || v <= 0 {
			return usagef("--volume-case %q: give more volume as a percentage, e.g. 10%%", o.volumeCase)
		}
		cr.opt.VolumeCase = v
	}
	if err := cr.opt.Validate(); err != nil {
		return usageError{fmt.Errorf("capacity: %w", err)}
	}
	return nil
}

// flagSettings parses the assumption flags given; changed reports whether
// a flag was set.
func (o *capacityOptions) flagSettings(changed func(string) bool) (capacity.Settings, error) {
	var s capacity.Settings
	bad := func(flag, v, hint string, err error) error {
		if err != nil {
			return usagef("--%s %q: %v; %s", flag, v, err, hint)
		}
		return usagef("--%s %q: %s", flag, v, hint)
	}
	if changed("months") {
		n, err := parseMonths(o.months)
		if err != nil {
			return s, bad("months", o.months, fmt.Sprintf("give 1 to %d months, or weeks such as 78w", capacity.MaxMonths), err)
		}
		s.Months = &n
	}
	if changed("target") {
		v, err := quantity.ParseFraction(o.target)
		if err != nil || v <= 0 {
			return s, bad("target", o.target, "give a probability such as 90%", err)
		}
		s.Target = &v
	}
	if changed("headcount") {
		var n int
		if _, err := fmt.Sscan(o.headcount, &n); err != nil || n < 0 || fmt.Sprint(n) != strings.TrimSpace(o.headcount) {
			return s, bad("headcount", o.headcount, "give a whole number of people, e.g. 120", nil)
		}
		s.Headcount = &n
	}
	if changed("attrition") {
		v, err := capacity.ParseRate(o.attrition, "month")
		if err != nil || v < 0 || v >= 1 {
			return s, bad("attrition", o.attrition, "give a share leaving a month (2%) or a year (20%/year)", err)
		}
		s.Attrition = &v
	}
	for _, k := range []struct {
		flag, v string
		dst     **time.Duration
	}{{"lead-time", o.leadTime, &s.LeadTime}, {"training", o.training, &s.Training}} {
		if changed(k.flag) {
			d, err := capacity.ParseSpan(k.v)
			if err != nil {
				return s, bad(k.flag, k.v, "give weeks or days, e.g. 6w or 42d", err)
			}
			*k.dst = &d
		}
	}
	if changed("ramp") {
		r, err := capacity.ParseRamp(o.ramp)
		if err != nil {
			return s, usageError{err}
		}
		s.Ramp = r
	}
	if changed("class-size") {
		lo, hi, err := parseClassSize(o.classSize)
		if err != nil {
			return s, bad("class-size", o.classSize, "give MIN..MAX or MAX, e.g. 4..12", err)
		}
		if lo > 0 {
			s.MinClass = &lo
		}
		if hi > 0 {
			s.MaxClass = &hi
		}
		if lo > 0 && hi == 0 && strings.Contains(o.classSize, "..") {
			s.MaxClass = &hi // "4..": no upper limit
		}
	}
	if changed("part-time") {
		share, hours, ok := strings.Cut(o.partTime, "@")
		sh, err := quantity.ParseFraction(share)
		h, err2 := quantity.ParseDuration(hours)
		if !ok || err != nil || err2 != nil || h > 168*time.Hour {
			return s, bad("part-time", o.partTime, "give the share and their weekly hours, e.g. 20%@20h", nil)
		}
		hh := h.Hours()
		s.PartTimeShare, s.PartTimeHours = &sh, &hh
	}
	if changed("overtime") {
		share, premium, hasPremium := strings.Cut(o.overtime, "@")
		v, err := quantity.ParseFraction(share)
		if err != nil {
			return s, bad("overtime", o.overtime, "give the most overtime as a share of contracted hours, e.g. 10% or 10%@1.5", err)
		}
		s.Overtime = &v
		if hasPremium {
			var p float64
			if _, err := fmt.Sscan(premium, &p); err != nil || !(p >= 1) || p > 10 {
				return s, bad("overtime", o.overtime, "the pay multiple after @ is from 1 to 10, e.g. 10%@1.5", nil)
			}
			s.OvertimePremium = &p
		}
	}
	if changed("cost-per-hire") {
		var v float64
		if _, err := fmt.Sscan(o.costPerHire, &v); err != nil || !(v >= 0) || v > 1e9 {
			return s, bad("cost-per-hire", o.costPerHire, "give an amount from 0 to 1e9, e.g. 3000", nil)
		}
		s.CostPerHire = &v
	}
	for _, k := range []struct {
		flag, v string
		dst     **float64
	}{{"growth", o.growth, &s.Growth}, {"aht-growth", o.ahtGrowth, &s.AHTGrowth}} {
		if changed(k.flag) {
			v, err := capacity.ParseRate(k.v, "year")
			if err != nil || v <= -1 {
				return s, bad(k.flag, k.v, "give a yearly change such as 10% or -5%, or 1%/month", err)
			}
			*k.dst = &v
		}
	}
	if changed("event") {
		s.Events = []capacity.Event{}
		for _, e := range o.events {
			ev, err := capacity.ParseEvent(e)
			if err != nil {
				return s, usageError{fmt.Errorf("--event: %w", err)}
			}
			s.Events = append(s.Events, ev)
		}
	}
	if changed("shrinkage-month") {
		m, err := capacity.ParseMonthShares(o.shrinkageMonth)
		if err != nil {
			return s, usageError{fmt.Errorf("--shrinkage-month: %w", err)}
		}
		s.Shrinkage = m
	}
	if changed("classes") {
		c, err := capacity.ParseClasses(o.classes)
		if err != nil {
			return s, usageError{fmt.Errorf("--classes: %w", err)}
		}
		s.Classes = c
	}
	return s, nil
}

// parseMonths reads --months: a number of months, "18mo", or weeks "78w"
// (the months that cover them).
func parseMonths(s string) (int, error) {
	s = strings.TrimSpace(s)
	var n int
	switch {
	case strings.HasSuffix(s, "w"):
		if _, err := fmt.Sscan(strings.TrimSuffix(s, "w"), &n); err != nil || n < 1 {
			return 0, fmt.Errorf("not a number of weeks")
		}
		n = int((float64(n)*7 + capacity.DaysPerYear/12 - 1) / (capacity.DaysPerYear / 12))
	default:
		if _, err := fmt.Sscan(strings.TrimSuffix(s, "mo"), &n); err != nil || fmt.Sprint(n) != strings.TrimSuffix(s, "mo") {
			return 0, fmt.Errorf("not a whole number of months")
		}
	}
	if n < 1 || n > capacity.MaxMonths {
		return 0, fmt.Errorf("%d months is outside 1 to %d", n, capacity.MaxMonths)
	}
	return n, nil
}

// parseClassSize reads MIN..MAX, MIN.. (no upper limit) or MAX (the
// smallest left as it is); 0 is what was not given.
func parseClassSize(s string) (lo, hi int, err error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "..")
	if !ok {
		a, b = "", a
	}
	if a != "" {
		if _, err := fmt.Sscan(a, &lo); err != nil || lo < 1 || fmt.Sprint(lo) != a {
			return 0, 0, fmt.Errorf("the smallest class must be a whole number ≥ 1")
		}
	}
	if b != "" {
		if _, err := fmt.Sscan(b, &hi); err != nil || hi < max(lo, 1) || fmt.Sprint(hi) != b {
			return 0, 0, fmt.Errorf("the largest class must be a whole number ≥ the smallest")
		}
	}
	if lo == 0 && hi == 0 {
		return 0, 0, fmt.Errorf("give a size")
	}
	return lo, hi, nil
}

// loadHistory reads --history, or generates the built-in sample with its
// holidays over the history and the horizon.
func (cr *capacityRun) loadHistory() (err error) {
	horizon := time.Duration(cr.opt.Months+2) * 31 * 24 * time.Hour
	cr.in, err = cr.o.deskFlags.loadHistory(cr.ctx, cr.s, nil, horizon, cr.note, nil, nil)
	return err
}

// write stages every file and commits the directory: months.csv,
// classes.csv, the charts, report.html and summary.json.
func (cr *capacityRun) write() error {
	res := cr.res
	if err := cr.dir.WriteFile("months.csv", res.WriteMonthsCSV); err != nil {
		return err
	}
	if err := cr.dir.WriteFile("classes.csv", res.WriteClassesCSV); err != nil {
		return err
	}
	rc := res.Report()
	charts, err := report.CapacityCharts(rc)
	if err != nil {
		return err
	}
	rc.Charts = charts
	for _, c := range charts {
		if err := cr.ctx.Err(); err != nil {
			return err
		}
		if err := cr.dir.WriteFile(c.Name+".png", func(w io.Writer) error { return c.Render(w, "png") }); err != nil {
			return err
		}
	}
	page := &report.Page{Title: "Capacity plan: " + res.Source, Cheapest: -1, Generated: "staffsim " + version + " capacity", Capacity: rc}
	if err := cr.dir.WriteFile("report.html", func(w io.Writer) error { return report.WriteHTML(w, page) }); err != nil {
		return err
	}
	sum := res.Summary()
	sum.Files = append(cr.dir.Files(), "summary.json")
	if err := cr.dir.WriteFile("summary.json", func(w io.Writer) error { return writeJSON(w, sum) }); err != nil {
		return err
	}
	if err := cr.ctx.Err(); err != nil {
		return err
	}
	return cr.dir.Commit()
}

// print writes the result on stdout: the month table, the JSON summary or
// the months CSV.
func (cr *capacityRun) print() error {
	res, w := cr.res, cr.s.out
	switch cr.o.format {
	case formatJSON:
		sum := res.Summary()
		sum.Files = cr.dir.Files()
		return writeJSON(w, sum)
	case formatCSV:
		return res.WriteMonthsCSV(w)
	}
	cur := cr.opt.Plan.Currency
	fmt.Fprintf(w, "Capacity plan for %s: %d months from %s, SLA %s, P(enough staff) ≥ %.0f%% a month\n\n", res.Source, len(res.Months),
		res.Today.Format("Mon 02 Jan 2006"), report.SLAWords(cr.opt.Plan.SL.Goal, cr.opt.Plan.SL.Within), 100*res.Target)
	for _, l := range res.Lines {
		fmt.Fprintf(w, "  %s\n", l)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "month\tcontacts\tFTE required\tFTE on staff\t80%% band\tpeople\thires\tleavers\tP(enough)\tcost\t\n")
	for _, m := range res.Plan.Months {
		hires := "-"
		switch {
		case m.Classes > 1:
			hires = fmt.Sprintf("%d (%d classes)", m.Hires, m.Classes)
		case m.Hires > 0:
			hires = fmt.Sprintf("%d (%s)", m.Hires, m.ClassStart.Format("2 Jan"))
		}
		fmt.Fprintf(tw, "%s\t%.0f\t%.1f\t%.1f\t%.1f–%.1f\t%.1f\t%s\t%.1f\t%.0f%%\t%s\t\n", m.Label(), m.Contacts, m.FTE, m.OnStaff.Mean, m.OnStaff.Low, m.OnStaff.High,
			m.Headcount.Mean, hires, m.Leavers, 100*m.PMeet, report.Money(cur, m.Cost))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nReport: %s\n", filepath.Join(cr.o.out, "report.html"))
	return err
}
