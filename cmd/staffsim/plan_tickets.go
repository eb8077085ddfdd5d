package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gocarina/gocsv"
	"github.com/spf13/pflag"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/csvfield"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/scenarios/ticketplan"
	"github.com/staffsim/staffsim/scenarios/tickets"
)

// Desk kinds of plan --desk.
const (
	deskAuto    = "auto"
	deskPhone   = "phone"
	deskTickets = "tickets"
)

// ticketPlanFlags are plan's flags for a ticket desk (IT service desk).
type ticketPlanFlags struct {
	desk        string
	cal         ticketFlags // --calendar, --hours, --holidays, the targets per priority
	touch       string
	pending     quantity.Fraction
	pendingTime quantity.Duration
	reopenDelay quantity.Duration
	clock24     string
	noPreempt   bool
}

// defaultBusinessHours are the business hours of a ticket plan without
// --calendar or --hours.
const defaultBusinessHours = "mon-fri=08:00-18:00"

func (t *ticketPlanFlags) register(f *pflag.FlagSet) {
	f.StringVar(&t.desk, "desk", deskAuto, "the kind of desk: phone (a queue answered in seconds, --sl), tickets (an IT service desk: priorities, tiers, response and resolution SLAs in business hours), or auto: tickets when the history has priorities and resolution times but no handle times")
	t.cal.registerTo(f, false)
	f.StringVar(&t.touch, "touch", "", "tickets: mean work time of one touch per tier, e.g. L1=20m,L2=1h,L3=2h (default: those; the history has no work times)")
	f.Var(&t.pending, "pending", "tickets: share of touches that end waiting on the user (SLA clock stopped), e.g. 20%; none when left out")
	t.pendingTime, t.reopenDelay = quantity.Duration(8*time.Hour), quantity.Duration(48*time.Hour)
	f.Var(&t.pendingTime, "pending-time", "tickets: mean time a ticket waits on the user (with --pending)")
	f.Var(&t.reopenDelay, "reopen-delay", "tickets: mean time from resolution to a reopen")
	f.StringVar(&t.clock24, "clock-24x7", "P1", "tickets: priorities whose targets count elapsed time (24×7) instead of business hours, comma-separated; \"\" for none")
	f.BoolVar(&t.noPreempt, "no-preempt", false, "tickets: the first priority waits like the others instead of interrupting work on lower priorities")
}

// resolve checks the ticket flags (usage errors) and returns the plan's
// options without the shared ones, and the analysis options.
func (t *ticketPlanFlags) resolve(loc *time.Location) (ticketplan.Options, tickets.Options, error) {
	var opt ticketplan.Options
	switch t.desk {
	case deskAuto, deskPhone, deskTickets:
	default:
		return opt, tickets.Options{}, usagef("--desk %q: give phone, tickets or auto", t.desk)
	}
	if t.cal.calendar == "" && t.cal.hours == "" {
		t.cal.hours = defaultBusinessHours
	}
	topt, err := t.cal.options(loc)
	if err != nil {
		return opt, topt, err
	}
	if t.touch != "" {
		seen := map[string]bool{}
		opt.Touch = make([]time.Duration, len(ticketplan.TierNames))
		for _, part := range strings.Split(t.touch, ",") {
			k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
			tier := -1
			for i, n := range ticketplan.TierNames {
				if strings.EqualFold(strings.TrimSpace(k), n) {
					tier = i
				}
			}
			d, err := time.ParseDuration(strings.TrimSpace(v))
			switch {
			case !ok || err != nil:
				return opt, topt, usagef("--touch %q: write TIER=DURATION for the tiers L1, L2, L3, e.g. L1=20m,L2=1h,L3=2h", part)
			case tier < 0:
				return opt, topt, usagef("--touch %q: no tier %q; the tiers are L1, L2, L3, e.g. L1=20m,L2=1h,L3=2h", part, strings.TrimSpace(k))
			case d <= 0 || d > 30*24*time.Hour:
				return opt, topt, usagef("--touch %q: a touch time must be positive and at most 30 days, e.g. L1=20m", part)
			}
			if seen[ticketplan.TierNames[tier]] {
				return opt, topt, usagef("--touch gives %s twice", ticketplan.TierNames[tier])
			}
			seen[ticketplan.TierNames[tier]] = true
			opt.Touch[tier] = d
		}
	}
	if !(t.pending >= 0 && t.pending < 1) {
		return opt, topt, usagef("--pending %v must be a share from 0%% to below 100%%, e.g. 20%%", t.pending)
	}
	for _, d := range []struct {
		name string
		v    quantity.Duration
	}{{"pending-time", t.pendingTime}, {"reopen-delay", t.reopenDelay}} {
		if d.v <= 0 || time.Duration(d.v) > 365*24*time.Hour {
			return opt, topt, usagef("--%s %s must be a positive duration of at most a year, e.g. 8h", d.name, quantity.FormatDuration(time.Duration(d.v)))
		}
	}
	opt.Pending, opt.PendingTime, opt.ReopenDelay = float64(t.pending), time.Duration(t.pendingTime), time.Duration(t.reopenDelay)
	opt.Response, opt.Resolution, opt.Calendar = topt.Response, topt.Resolution, topt.Calendar
	for _, p := range strings.Split(t.clock24, ",") {
		if p = strings.TrimSpace(p); p != "" {
			opt.TwentyFourSeven = append(opt.TwentyFourSeven, p)
		}
	}
	opt.Preempt = !t.noPreempt
	return opt, topt, nil
}

// phoneFlags are plan's flags that size a phone queue: given on the
// command line, they say --desk auto means a phone desk.
var phoneFlags = []string{"aht", "sl", "asa", "max-occupancy", "max-abandon", "patience", "model", "roster"}

// ticketDesk decides --desk auto from what the history read — a ticket
// export with priorities and resolution times but no handle times — unless
// a phone queue's flags were given (changed); note says why.
func ticketDesk(desk string, rep *history.Report, changed func(string) bool, note func(string, ...any)) bool {
	switch desk {
	case deskTickets:
		return true
	case deskPhone:
		return false
	}
	if !ticketplan.IsTicketExport(rep) {
		return false
	}
	for _, f := range phoneFlags {
		if changed(f) {
			note("desk: the history looks like a ticket desk (priorities, resolution times, no handle times), but --%s sizes a phone queue: planning a phone queue; --desk tickets plans it per priority and tier", f)
			return false
		}
	}
	return true
}

// runTicketPlan runs the ticket-desk plan on the history read and writes
// its files and summary.
func (pl *planner) runTicketPlan(an *tickets.Analyzer, t0 time.Time) error {
	o := pl.o
	topt, _, err := o.tickets.resolve(pl.in.Series.Start.Location())
	if err != nil {
		return err
	}
	topt.Horizon, topt.Confidence, topt.Log = time.Duration(o.horizon), float64(o.confidence), pl.s.err
	topt.Templates, topt.Shrinkage = pl.opt.Templates, pl.opt.Shrinkage
	topt.Replications, topt.Seed = pl.opt.Replications, pl.opt.Seed
	topt.HoursPerFTE, topt.HourlyCost = pl.opt.HoursPerFTE, pl.opt.HourlyCost
	pl.note("desk: tickets (priorities and resolution times, no handle times): staffing per tier for response and resolution SLAs in business hours; --desk phone plans a phone queue instead")
	res, err := ticketplan.Run(pl.ctx, ticketplan.Input{Input: pl.in, Tickets: an.Result()}, topt)
	if err != nil {
		return err
	}
	sum := res.Summary(pl.opt.Currency, topt)
	if err := pl.dir.WriteFile("forecast.csv", res.Forecast.WriteCSV); err != nil {
		return err
	}
	if err := pl.dir.WriteFile("tier_headcount.csv", func(w io.Writer) error { return gocsv.Marshal(ticketCaseRows(sum), w) }); err != nil {
		return err
	}
	run, sc, err := writeTicketScenario(pl, res)
	if err != nil {
		return err
	}
	rt := sc.RosterTable("The recommended roster (scenario.yaml): shifts per tier, analysts and breaks", report.TicketWords, nil)
	if err := writeTicketReport(pl.dir, res, sum, topt, run, rt); err != nil {
		return err
	}
	sum.Files = append(pl.dir.Files(), "summary.json")
	if err := pl.dir.WriteFile("summary.json", func(w io.Writer) error { return writeJSON(w, sum) }); err != nil {
		return err
	}
	if err := pl.dir.Commit(); err != nil {
		return err
	}
	pl.note("wrote %d files to %s in %.1f s", len(sum.Files), o.out, time.Since(t0).Seconds())
	switch o.format {
	case formatJSON:
		return writeJSON(pl.s.out, sum)
	case formatCSV:
		return gocsv.Marshal(ticketCaseRows(sum), pl.s.out)
	}
	return writeTicketPlan(pl.s.out, sum, o.out)
}

// ticketCaseRow is one row of the ticket plan's case table (plan --format
// csv, tier_headcount.csv): a staffing, its analysts per tier, FTE, cost
// and P(meet) per priority.
type ticketCaseRow struct {
	Case        string         `csv:"case"`
	Volume      csvfield.Float `csv:"volume"`
	Analysts    int            `csv:"analysts"`
	PerTier     string         `csv:"analysts_per_tier"` // L1=20;L2=22
	FTE         csvfield.Float `csv:"fte"`
	CostPerYear csvfield.Float `csv:"cost_per_year"`
	PMeet       string         `csv:"p_meet"` // per priority: P1=1;P2=0.95
	Met         bool           `csv:"met"`
}

func ticketCaseRows(s *ticketplan.Summary) []ticketCaseRow {
	var rows []ticketCaseRow
	for _, c := range s.Cases {
		var tiers, pm []string
		for t, n := range c.PerTier {
			tiers = append(tiers, fmt.Sprintf("%s=%d", s.Tiers[t].Tier, n))
		}
		for p, x := range c.PMeet {
			pm = append(pm, s.Priorities[p].Priority+"="+strconv.FormatFloat(x, 'g', -1, 64))
		}
		rows = append(rows, ticketCaseRow{Case: c.Case, Volume: csvfield.Float(c.Volume), Analysts: c.Analysts, PerTier: strings.Join(tiers, ";"),
			FTE: csvfield.Float(c.FTE), CostPerYear: csvfield.Float(c.CostPerYear), PMeet: strings.Join(pm, ";"), Met: c.Met})
	}
	return rows
}

// writeTicketPlan writes the ticket plan for people.
func writeTicketPlan(w io.Writer, s *ticketplan.Summary, out string) error {
	fmt.Fprintf(w, "Ticket desk plan for %s: %d days from %s (the first %d a warm-up), business hours %s (%s)\n\n",
		s.Source, s.Days, s.Start.Format("Mon 02 Jan 2006"), s.WarmupDays, s.Calendar, s.TimeZone)
	for _, l := range s.Lines {
		fmt.Fprintf(w, "  %s\n", l)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "tier\tanalysts\tFTE\tpaid h/week\tcost/year\toccupancy\tmean wait\t\n")
	for _, t := range s.Tiers {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%.0f\t%s\t%.0f%%\t%s\t\n", t.Tier, t.Analysts, report.FTEWords(t.FTE), t.PaidHoursPerWeek,
			report.Money(s.Currency, t.CostPerYear), 100*t.Occupancy, ticketplan.DurationWords(time.Duration(t.WaitHours*float64(time.Hour)).Round(time.Minute), false))
	}
	fmt.Fprintf(tw, "all\t%d\t%s\t%.0f\t%s\t\t\t\n", s.Analysts, report.FTEWords(s.FTE), s.PaidHoursPerWeek, report.Money(s.Currency, s.CostPerYear))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "priority\tshare\tresponse target\tsimulated\tresolution target\tsimulated\tP(meet)\t\n")
	for _, p := range s.Priorities {
		cells := []string{"-", "-", "-", "-"}
		for i, sla := range []*ticketplan.SummarySLA{p.Response, p.Resolution} {
			if sla != nil {
				cells[2*i], cells[2*i+1] = sla.Words, fmt.Sprintf("%.1f%% [%.1f, %.1f]", 100*sla.Attainment, 100*sla.Low, 100*sla.High)
			}
		}
		fmt.Fprintf(tw, "%s\t%.1f%%\t%s\t%s\t%s\t%s\t%.0f%%\t\n", p.Priority, 100*p.Share, cells[0], cells[1], cells[2], cells[3], 100*p.PMeet)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "case\tanalysts\tper tier\tFTE\tcost/year"
	for _, p := range s.Priorities {
		head += "\tP(meet) " + p.Priority
	}
	fmt.Fprintln(tw, head+"\t")
	for _, c := range s.Cases {
		var tiers []string
		for _, n := range c.PerTier {
			tiers = append(tiers, fmt.Sprint(n))
		}
		line := fmt.Sprintf("%s\t%d\t%s\t%s\t%s", c.Case, c.Analysts, strings.Join(tiers, "/"), report.FTEWords(c.FTE), report.Money(s.Currency, c.CostPerYear))
		for _, x := range c.PMeet {
			line += fmt.Sprintf("\t%.0f%%", 100*x)
		}
		fmt.Fprintln(tw, line+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Assumptions:")
	for _, a := range s.Assumptions {
		fmt.Fprintf(w, "  - %s\n", a)
	}
	_, err := fmt.Fprintf(w, "\nFiles: %s\n", filepath.Join(out, "summary.json"))
	return err
}

// writeTicketReport stages report.html and its charts: the plan section,
// P(meet) by headcount, and the recommendation's ticket section.
func writeTicketReport(dir *atomicdir.Dir, res *ticketplan.Result, sum *ticketplan.Summary, opt ticketplan.Options, run *report.Run, rt *report.Roster) error {
	tp := sum.Report(opt.HoursPerFTE)
	chart, err := report.TicketPlanChart(tp)
	if err != nil {
		return err
	}
	runCharts, err := report.Charts(run)
	if err != nil {
		return err
	}
	charts := append([]report.Chart{chart}, runCharts...)
	for _, c := range charts {
		if err := dir.WriteFile(c.Name+".png", func(w io.Writer) error { return c.Render(w, "png") }); err != nil {
			return err
		}
	}
	page := &report.Page{Title: "Ticket desk plan: " + res.Source, TicketPlan: tp, Charts: charts, Cheapest: -1,
		Runs: []*report.Run{run}, Names: []string{"plan"}, Roster: rt,
		Generated: "staffsim " + version + " plan", Words: report.TicketWords}
	return dir.WriteFile("report.html", func(w io.Writer) error { return report.WriteHTML(w, page) })
}

// writeTicketScenario stages scenario.yaml (the recommendation, with the
// forecast it reads) and simulates it as staffsim simulate would: the
// report's run section is that simulation, and it must give the plan's
// own figures (a bug otherwise).
func writeTicketScenario(pl *planner, res *ticketplan.Result) (*report.Run, *scenarios.Scenario, error) {
	sc := res.Scenario("forecast.csv", pl.opt.HourlyCost, pl.opt.Currency)
	if err := pl.dir.WriteFile("scenario.yaml", func(w io.Writer) error {
		fmt.Fprintf(w, "# The recommended ticket desk of staffsim plan (%s): the analysts per tier on\n# their shifts, the forecast split by priority. Ready to run:\n#   staffsim simulate scenario.yaml\n", res.Source)
		return sc.WriteYAML(w)
	}); err != nil {
		return nil, nil, err
	}
	loaded, err := scenarios.Load(filepath.Join(pl.dir.Path(), "scenario.yaml"))
	if err != nil {
		return nil, nil, fmt.Errorf("plan: the scenario it wrote does not load (a bug): %w", err)
	}
	out, err := scenarios.Run(pl.ctx, loaded, scenarios.Options{})
	if err != nil {
		return nil, nil, err
	}
	want, got := res.Run.Tickets.Summary.Total, out.Result.Tickets.Summary.Total
	if want.Created != got.Created || want.Resolution.Attainment != got.Resolution.Attainment || res.Run.Summary.Total.PaidHours != out.Result.Summary.Total.PaidHours {
		return nil, nil, fmt.Errorf("plan: scenario.yaml simulates to other figures than the plan's (a bug): %v tickets vs %v", got.Created.Mean, want.Created.Mean)
	}
	return out.Report, loaded, nil
}
