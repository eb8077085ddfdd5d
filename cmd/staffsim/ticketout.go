package main

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gocarina/gocsv"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/csvfield"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/sim"
)

// This file holds what `simulate` and `compare` print of a ticket desk
// (a scenario with tickets:): the per-priority and per-tier tables, the
// JSON tickets object, the summary CSV and the interval CSVs of --out.

// runSummary is simulate's JSON (stdout and summary.json): the report's
// summary, and the tickets object when the scenario has tickets (left out
// otherwise, so a phone desk's JSON is unchanged).
type runSummary struct {
	*report.Summary
	Tickets *ticketsJSON `json:"tickets,omitempty"`
}

// summaryOf returns a run's JSON summary.
func summaryOf(o *scenarios.Outcome) *runSummary {
	return &runSummary{Summary: &o.Report.Summary, Tickets: ticketsOf(o)}
}

// ticketsJSON is a ticket desk's result over the whole period.
type ticketsJSON struct {
	Priorities   []priorityJSON  `json:"priorities"`
	Total        ticketCounts    `json:"total"`
	Tiers        []tierJSON      `json:"tiers"`
	AllSLAsMet   bool            `json:"all_slas_met"`
	Replications []ticketRunJSON `json:"replications"`
}

// ticketCounts are the figures of a priority (or all of them): tickets
// created in the period and what became of them, backlog and oldest open
// ticket at its end. Hours are business hours on each target's calendar
// (mean_*_hours) or elapsed hours (oldest_age_hours).
type ticketCounts struct {
	Created        report.Estimate `json:"created"`
	Resolved       report.Estimate `json:"resolved"`
	Escalated      report.Estimate `json:"escalated"`
	Reopened       report.Estimate `json:"reopened"`
	Response       targetJSON      `json:"response"`
	Resolution     targetJSON      `json:"resolution"`
	Backlog        report.Estimate `json:"backlog"`
	OldestAgeHours report.Estimate `json:"oldest_age_hours"`
	// MetShare is P(meet): the share of replications in which every
	// target with a due ticket reached its goal.
	MetShare report.Estimate `json:"sla_met_share"`
}

// targetJSON is one SLA target of a priority and how it fared; target,
// goal and calendar are null where the priority sets no such target (and
// for the total).
type targetJSON struct {
	TargetSeconds *float64 `json:"target_seconds"`
	Goal          *float64 `json:"goal"`
	Calendar      *string  `json:"calendar"` // null: 24×7
	Met           *bool    `json:"sla_met"`
	report.TicketSLA
}

type priorityJSON struct {
	Priority string `json:"priority"`
	Preempt  bool   `json:"preempt"`
	ticketCounts
}

// tierJSON is what a tier did: work entering its queue, touches, tickets
// done there and escalated on, mean wait (hours) of the work picked up,
// and time averages of occupancy, analysts available and work waiting.
type tierJSON struct {
	Tier string `json:"tier"`
	report.TierFigures
}

// ticketRunJSON is one replication; an attainment with no due ticket is
// null.
type ticketRunJSON struct {
	Replication int              `json:"replication"`
	Priorities  []ticketRunValue `json:"priorities"`
	Total       ticketRunValue   `json:"total"`
}

type ticketRunValue struct {
	Priority             string   `json:"priority,omitempty"`
	Created              float64  `json:"created"`
	Resolved             float64  `json:"resolved"`
	ResponseDue          float64  `json:"response_due"`
	ResponseAttainment   *float64 `json:"response_attainment"`
	ResolutionDue        float64  `json:"resolution_due"`
	ResolutionAttainment *float64 `json:"resolution_attainment"`
	MeanResponseHours    float64  `json:"mean_response_hours"`
	MeanResolutionHours  float64  `json:"mean_resolution_hours"`
	Backlog              float64  `json:"backlog"`
	OldestAgeHours       float64  `json:"oldest_age_hours"`
	SLAMet               bool     `json:"sla_met"`
}

// est converts a simulator estimate (already clipped to its domain) to
// the report's, which writes null when undefined.
func est(e sim.Estimate) report.Estimate { return report.Estimate(e) }

// ticketsOf returns the tickets object of an outcome, nil without
// tickets. Its figures are the report's (report.NewTickets, the one
// conversion of the simulator's result), with the targets as the scenario
// writes them.
func ticketsOf(o *scenarios.Outcome) *ticketsJSON {
	tk, tr, rt := o.Scenario.Tickets, o.Result.Tickets, o.Report.Tickets
	if tk == nil || tr == nil || rt == nil {
		return nil
	}
	out := &ticketsJSON{AllSLAsMet: o.TicketSLAsMet(), Total: countsOf(rt.Total, tr.Summary.Total, nil)}
	for i, p := range tk.Priorities {
		out.Priorities = append(out.Priorities, priorityJSON{Priority: p.Name, Preempt: p.Preempt,
			ticketCounts: countsOf(rt.Priorities[i].TicketFigures, tr.Summary.Priorities[i], &tk.Priorities[i])})
	}
	for _, t := range rt.Tiers {
		out.Tiers = append(out.Tiers, tierJSON{Tier: t.Name, TierFigures: t.TierFigures})
	}
	for _, run := range tr.Runs {
		rj := ticketRunJSON{Replication: run.Index, Total: runValue("", run.Total)}
		for i, v := range run.Priorities {
			rj.Priorities = append(rj.Priorities, runValue(tr.Priorities[i], v))
		}
		out.Replications = append(out.Replications, rj)
	}
	return out
}

// countsOf returns a priority's (or the total's, p nil) figures f with
// its P(meet) from the simulator's m and its targets from p.
func countsOf(f report.TicketFigures, m sim.TicketMetrics, p *scenarios.TicketPriority) ticketCounts {
	var resp, res *scenarios.TicketTarget
	if p != nil {
		resp, res = &p.Response, &p.Resolution
	}
	return ticketCounts{
		Created: f.Created, Resolved: f.Resolved, Escalated: f.Escalated, Reopened: f.Reopened,
		Response: targetOf(f.Response, m.Response, resp), Resolution: targetOf(f.Resolution, m.Resolution, res),
		Backlog: f.Backlog, OldestAgeHours: f.OldestHours, MetShare: est(m.MetGoal),
	}
}

func targetOf(f report.TicketSLA, m sim.SLAMetrics, t *scenarios.TicketTarget) targetJSON {
	j := targetJSON{TicketSLA: f}
	if t != nil && t.Set() {
		secs, goal, met := t.Target.Seconds(), t.Goal, scenarios.TargetMet(*t, m)
		j.TargetSeconds, j.Goal, j.Met = &secs, &goal, &met
		if t.Calendar != "" {
			cal := t.Calendar
			j.Calendar = &cal
		}
	}
	return j
}

func runValue(name string, v sim.TicketValues) ticketRunValue {
	ratio := func(x, due float64) *float64 {
		if due == 0 {
			return nil
		}
		return &x
	}
	return ticketRunValue{
		Priority: name, Created: v.Created, Resolved: v.Resolved,
		ResponseDue: v.ResponseDue, ResponseAttainment: ratio(v.ResponseAttainment, v.ResponseDue),
		ResolutionDue: v.ResolutionDue, ResolutionAttainment: ratio(v.ResolutionAttainment, v.ResolutionDue),
		MeanResponseHours: v.MeanResponseHours, MeanResolutionHours: v.MeanResolutionHours,
		Backlog: v.Backlog, OldestAgeHours: v.OldestAgeHours, SLAMet: v.MetGoal,
	}
}

// goalText writes a target for people: "95% in 15m (office)", "–" when
// not set; 24×7 targets name no calendar.
func goalText(t scenarios.TicketTarget) string {
	if !t.Set() {
		return "–"
	}
	within := targetText(t.Target.Seconds())
	if t.Target >= 24*time.Hour && t.Target%time.Hour == 0 {
		within = fmt.Sprintf("%dh", t.Target/time.Hour) // business hours, not days
	}
	s := pctText(t.Goal) + " in " + within
	if t.Calendar != "" {
		s += " (" + t.Calendar + ")"
	} else {
		s += " (24×7)"
	}
	return s
}

// attainText writes an attainment with its CI and met/missed against the
// target's goal, "–" with no target or no due ticket.
func attainText(t scenarios.TicketTarget, m sim.SLAMetrics) string {
	if !t.Set() || !m.Attainment.Defined() {
		return "–"
	}
	e := est(m.Attainment)
	status := "missed"
	if scenarios.TargetMet(t, m) {
		status = "met"
	}
	if e.N > 1 && e.Low < t.Goal && t.Goal <= e.High {
		status += " (uncertain)"
	}
	return estPct(e) + " " + status
}

// hoursText writes a mean in hours in a unit people read (s, min or h).
func hoursText(e sim.Estimate) string {
	if !e.Defined() {
		return "–"
	}
	return estSecs(report.Estimate{Mean: e.Mean * 3600, N: 1})
}

// meanText writes a count's mean.
func meanText(e sim.Estimate, decimals int) string {
	if !e.Defined() {
		return "–"
	}
	return fmt.Sprintf("%.*f", decimals, e.Mean)
}

// hoursPerFTE is the contracted hours of one FTE a week in simulate's
// table (DESIGN's default).
const hoursPerFTE = 37.5

// ticketTables are a ticket desk's parts of simulate's table.
type ticketTables struct{ o *scenarios.Outcome }

func (t *ticketTables) write(w io.Writer) error {
	return writeTicketTables(w, t.o.Scenario, t.o.Result.Tickets)
}

func (t *ticketTables) misses() []string {
	if t.o.Report.Tickets == nil {
		return nil
	}
	return t.o.Report.Tickets.Missed()
}

// fte converts the run's paid hours into FTE: paid hours a week (over the
// measured days) / hoursPerFTE, as erlang.FTE defines it.
func (t *ticketTables) fte(paid report.Estimate) report.Estimate {
	weeks := t.o.Scenario.End().Sub(t.o.Result.Summary.Start).Hours() / (7 * 24)
	k := erlang.FTE(1/weeks, hoursPerFTE)
	return report.Estimate{Mean: paid.Mean * k, Low: paid.Low * k, High: paid.High * k, N: paid.N}
}

// writeTicketTables prints a ticket desk's per-priority and per-tier
// tables (simulate's table format).
func writeTicketTables(w io.Writer, sc *scenarios.Scenario, tr *sim.TicketResult) error {
	tk := sc.Tickets
	words := report.TicketWords
	fmt.Fprintf(w, "%s per priority (response and resolution in business hours on each target's calendar; backlog and oldest at the end)\n", capitalize(words.Contacts))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PRIORITY\tCREATED\tRESOLVED\tRESPONSE GOAL\tRESPONSE (95% CI)\tRESOLUTION GOAL\tRESOLUTION (95% CI)\tMEAN RESPONSE\tMEAN RESOLUTION\tBREACHED RESP/RES\tBACKLOG\tOLDEST OPEN\tP(MEET)")
	row := func(name string, m sim.TicketMetrics, p *scenarios.TicketPriority) {
		var resp, res scenarios.TicketTarget
		pmeet := "–"
		if p != nil {
			resp, res = p.Response, p.Resolution
			if m.MetGoal.Defined() {
				pmeet = pctText(m.MetGoal.Mean)
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s / %s\t%s\t%s\t%s\n", name,
			meanText(m.Created, 0), meanText(m.Resolved, 0),
			goalText(resp), attainText(resp, m.Response), goalText(res), attainText(res, m.Resolution),
			hoursText(m.Response.MeanHours), hoursText(m.Resolution.MeanHours),
			meanText(m.Response.Breached, 1), meanText(m.Resolution.Breached, 1),
			meanText(m.Backlog, 0), hoursText(m.OldestAge), pmeet)
	}
	for i := range tk.Priorities {
		row(tk.Priorities[i].Name, tr.Summary.Priorities[i], &tk.Priorities[i])
	}
	row("total", tr.Summary.Total, nil)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s per tier\n", capitalize(words.Agents))
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TIER\tWORK ENTERED\tTOUCHES\tESCALATED\tOCCUPANCY (95% CI)\tMEAN WAIT\t"+strings.ToUpper(words.Agents)+" AVAILABLE")
	for i, name := range tr.Tiers {
		m := tr.Summary.Tiers[i]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, meanText(m.Entered, 0), meanText(m.Touches, 0), meanText(m.Escalated, 0),
			estPct(est(m.Occupancy)), hoursText(m.WaitHours), meanText(m.AgentsAvailable, 1))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w)
	return err
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// SummaryRow is one row of simulate's CSV summary of a desk with tickets
// (--format csv): one figure of one queue, priority, tier or the desk,
// with its 95 % confidence interval, at full precision; an undefined
// figure has empty cells.
type SummaryRow struct {
	Section      string          `csv:"section"` // queue, priority, total, tier or desk
	Name         string          `csv:"name"`    // the queue, priority or tier; empty for total and desk
	Metric       string          `csv:"metric"`  // as the JSON key
	Mean         *csvfield.Float `csv:"mean,omitempty"`
	Low          *csvfield.Float `csv:"low,omitempty"`
	High         *csvfield.Float `csv:"high,omitempty"`
	Replications int             `csv:"replications"`
}

// summaryRows returns the CSV summary of a run: its queues, then its
// priorities, total and tiers, then the desk.
func summaryRows(o *scenarios.Outcome) []SummaryRow {
	var rows []SummaryRow
	add := func(section, name, metric string, e report.Estimate) {
		r := SummaryRow{Section: section, Name: name, Metric: metric, Replications: e.N}
		if e.Defined() {
			r.Mean, r.Low, r.High = csvfield.Opt(e.Mean, true), csvfield.Opt(e.Low, true), csvfield.Opt(e.High, true)
		}
		rows = append(rows, r)
	}
	value := func(section, name, metric string, x float64) {
		rows = append(rows, SummaryRow{Section: section, Name: name, Metric: metric, Mean: csvfield.Opt(x, true), Low: csvfield.Opt(x, true), High: csvfield.Opt(x, true), Replications: 1})
	}
	sum := &o.Report.Summary
	for _, q := range sum.Queues {
		value("queue", q.Queue, "sla_target_seconds", q.SLATargetSeconds)
		value("queue", q.Queue, "sla_goal", q.SLAGoal)
		add("queue", q.Queue, "service_level", q.ServiceLevel)
		add("queue", q.Queue, "asa_seconds", q.ASASeconds)
		add("queue", q.Queue, "abandon_rate", q.AbandonRate)
		add("queue", q.Queue, "occupancy", q.Occupancy)
		add("queue", q.Queue, "offered", q.Offered)
		add("queue", q.Queue, "answered", q.Answered)
		add("queue", q.Queue, "abandoned", q.Abandoned)
	}
	if t := ticketsOf(o); t != nil {
		counts := func(section, name string, c *ticketCounts) {
			add(section, name, "created", c.Created)
			add(section, name, "resolved", c.Resolved)
			add(section, name, "escalated", c.Escalated)
			add(section, name, "reopened", c.Reopened)
			for _, tg := range []struct {
				key string
				t   *targetJSON
			}{{"response", &c.Response}, {"resolution", &c.Resolution}} {
				if tg.t.TargetSeconds != nil {
					value(section, name, tg.key+"_target_seconds", *tg.t.TargetSeconds)
					value(section, name, tg.key+"_goal", *tg.t.Goal)
				}
				add(section, name, tg.key+"_attainment", tg.t.Attainment)
				add(section, name, tg.key+"_due", tg.t.Due)
				add(section, name, tg.key+"_breached", tg.t.Breached)
				add(section, name, tg.key+"_mean_hours", tg.t.MeanHours)
			}
			add(section, name, "backlog", c.Backlog)
			add(section, name, "oldest_age_hours", c.OldestAgeHours)
			add(section, name, "sla_met_share", c.MetShare)
		}
		for i := range t.Priorities {
			counts("priority", t.Priorities[i].Priority, &t.Priorities[i].ticketCounts)
		}
		counts("total", "", &t.Total)
		for _, tier := range t.Tiers {
			for _, m := range []struct {
				key string
				e   report.Estimate
			}{{"entered", tier.Entered}, {"touches", tier.Touches}, {"done", tier.Done}, {"escalated", tier.Escalated},
				{"wait_hours", tier.WaitHours}, {"occupancy", tier.Occupancy}, {"agents_available", tier.AgentsAvailable},
				{"waiting", tier.Waiting}, {"backlog", tier.Backlog}} {
				add("tier", tier.Tier, m.key, m.e)
			}
		}
	}
	add("desk", "", "occupancy", sum.Occupancy)
	add("desk", "", "paid_hours", sum.PaidHours)
	add("desk", "", "overtime_hours", sum.OvertimeHours)
	add("desk", "", "cost", sum.Cost)
	if len(sum.Queues) > 0 {
		add("desk", "", "cost_per_contact", sum.CostPerContact)
	}
	if sum.CostPerTicket != nil {
		add("desk", "", "cost_per_ticket", *sum.CostPerTicket)
	}
	return rows
}

// writeDeskCSV writes summaryRows as CSV.
func writeDeskCSV(w io.Writer, o *scenarios.Outcome) error {
	if err := gocsv.Marshal(summaryRows(o), w); err != nil {
		return fmt.Errorf("write summary CSV: %w", err)
	}
	return nil
}

// TicketIntervalRow is one row of ticket_intervals.csv: one priority in
// one interval, means over the replications. Created, resolved and the
// attainments are of the tickets created in the interval; backlog (open
// tickets) and oldest_age_hours (elapsed age of the oldest open ticket)
// are read at its end. An undefined figure (no due ticket) is empty.
type TicketIntervalRow struct {
	IntervalStart            csvfield.Time   `csv:"interval_start"`
	Priority                 string          `csv:"priority"`
	Created                  *csvfield.Float `csv:"created,omitempty"`
	Resolved                 *csvfield.Float `csv:"resolved,omitempty"`
	ResponseAttainment       *csvfield.Float `csv:"response_attainment,omitempty"`
	ResponseAttainmentLow    *csvfield.Float `csv:"response_attainment_low,omitempty"`
	ResponseAttainmentHigh   *csvfield.Float `csv:"response_attainment_high,omitempty"`
	ResolutionAttainment     *csvfield.Float `csv:"resolution_attainment,omitempty"`
	ResolutionAttainmentLow  *csvfield.Float `csv:"resolution_attainment_low,omitempty"`
	ResolutionAttainmentHigh *csvfield.Float `csv:"resolution_attainment_high,omitempty"`
	Backlog                  *csvfield.Float `csv:"backlog,omitempty"`
	OldestAgeHours           *csvfield.Float `csv:"oldest_age_hours,omitempty"`
}

// TierIntervalRow is one row of tier_intervals.csv: one tier in one
// interval, means over the replications: work items entering its queue,
// touches finished, tickets escalated on; occupancy, analysts available
// and work waiting are time averages over the interval.
type TierIntervalRow struct {
	IntervalStart   csvfield.Time   `csv:"interval_start"`
	Tier            string          `csv:"tier"`
	Entered         *csvfield.Float `csv:"entered,omitempty"`
	Touches         *csvfield.Float `csv:"touches,omitempty"`
	Escalated       *csvfield.Float `csv:"escalated,omitempty"`
	Occupancy       *csvfield.Float `csv:"occupancy,omitempty"`
	AgentsAvailable *csvfield.Float `csv:"agents_available,omitempty"`
	Waiting         *csvfield.Float `csv:"waiting,omitempty"`
}

func meanCell(e sim.Estimate) *csvfield.Float { return csvfield.Opt(finite(e.Mean), e.Defined()) }
func lowCell(e sim.Estimate) *csvfield.Float  { return csvfield.Opt(finite(e.Low), e.Defined()) }
func highCell(e sim.Estimate) *csvfield.Float { return csvfield.Opt(finite(e.High), e.Defined()) }
func finite(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}

// ticketIntervalRows returns ticket_intervals.csv's rows, interval by
// interval and, within one, priority by priority.
func ticketIntervalRows(sc *scenarios.Scenario, tr *sim.TicketResult) []TicketIntervalRow {
	var rows []TicketIntervalRow
	for _, iv := range tr.Intervals {
		for p, m := range iv.Priorities {
			rows = append(rows, TicketIntervalRow{
				IntervalStart: csvfield.At(iv.Start.In(sc.Location)), Priority: tr.Priorities[p],
				Created: meanCell(m.Created), Resolved: meanCell(m.Resolved),
				ResponseAttainment: meanCell(m.Response.Attainment), ResponseAttainmentLow: lowCell(m.Response.Attainment), ResponseAttainmentHigh: highCell(m.Response.Attainment),
				ResolutionAttainment: meanCell(m.Resolution.Attainment), ResolutionAttainmentLow: lowCell(m.Resolution.Attainment), ResolutionAttainmentHigh: highCell(m.Resolution.Attainment),
				Backlog: meanCell(m.Backlog), OldestAgeHours: meanCell(m.OldestAge),
			})
		}
	}
	return rows
}

// tierIntervalRows returns tier_intervals.csv's rows, interval by interval
// and, within one, tier by tier.
func tierIntervalRows(sc *scenarios.Scenario, tr *sim.TicketResult) []TierIntervalRow {
	var rows []TierIntervalRow
	for _, iv := range tr.Intervals {
		for t, m := range iv.Tiers {
			rows = append(rows, TierIntervalRow{
				IntervalStart: csvfield.At(iv.Start.In(sc.Location)), Tier: tr.Tiers[t],
				Entered: meanCell(m.Entered), Touches: meanCell(m.Touches), Escalated: meanCell(m.Escalated),
				Occupancy: meanCell(m.Occupancy), AgentsAvailable: meanCell(m.AgentsAvailable), Waiting: meanCell(m.Waiting),
			})
		}
	}
	return rows
}

// writeTicketFiles writes ticket_intervals.csv and tier_intervals.csv into
// an output directory being staged (nothing without tickets).
func writeTicketFiles(dir *atomicdir.Dir, o *scenarios.Outcome) error {
	tr := o.Result.Tickets
	if o.Scenario.Tickets == nil || tr == nil {
		return nil
	}
	if err := dir.WriteFile("ticket_intervals.csv", func(w io.Writer) error {
		return gocsv.Marshal(ticketIntervalRows(o.Scenario, tr), w)
	}); err != nil {
		return fmt.Errorf("write ticket_intervals.csv: %w", err)
	}
	if err := dir.WriteFile("tier_intervals.csv", func(w io.Writer) error {
		return gocsv.Marshal(tierIntervalRows(o.Scenario, tr), w)
	}); err != nil {
		return fmt.Errorf("write tier_intervals.csv: %w", err)
	}
	return nil
}

// ticketCell finds, in outcome o, the priority named name: its scenario
// form and summary metrics; ok false when o has no such priority.
func ticketCell(o *scenarios.Outcome, name string) (*scenarios.TicketPriority, *sim.TicketMetrics, bool) {
	if o.Scenario.Tickets == nil || o.Result.Tickets == nil {
		return nil, nil, false
	}
	for i := range o.Scenario.Tickets.Priorities {
		if o.Scenario.Tickets.Priorities[i].Name == name {
			return &o.Scenario.Tickets.Priorities[i], &o.Result.Tickets.Summary.Priorities[i], true
		}
	}
	return nil, nil, false
}

// tierCell finds, in outcome o, the tier named name.
func tierCell(o *scenarios.Outcome, name string) (*sim.TierMetrics, bool) {
	if o.Result.Tickets == nil {
		return nil, false
	}
	for i, t := range o.Result.Tickets.Tiers {
		if t == name {
			return &o.Result.Tickets.Summary.Tiers[i], true
		}
	}
	return nil, false
}

// ticketNames are the priorities and tiers of the outcomes, in the order
// they first appear.
func ticketNames(outs []*scenarios.Outcome) (priorities, tiers []string) {
	seen := map[string]bool{}
	for _, o := range outs {
		if o.Scenario.Tickets == nil {
			continue
		}
		for _, p := range o.Scenario.Tickets.Priorities {
			if !seen["p"+p.Name] {
				seen["p"+p.Name] = true
				priorities = append(priorities, p.Name)
			}
		}
		for _, t := range o.Scenario.Tickets.Tiers {
			if !seen["t"+t] {
				seen["t"+t] = true
				tiers = append(tiers, t)
			}
		}
	}
	return priorities, tiers
}

// compareTicketRows adds compare's table rows of ticket desks through row
// (a label, and the cell of scenario i): per priority the response and
// resolution attainment against each scenario's goal, the backlog at the
// end and P(meet); per tier the occupancy.
func compareTicketRows(outs []*scenarios.Outcome, row func(label string, f func(i int) string)) {
	priorities, tiers := ticketNames(outs)
	for _, name := range priorities {
		cell := func(f func(p *scenarios.TicketPriority, m *sim.TicketMetrics) string) func(i int) string {
			return func(i int) string {
				if p, m, ok := ticketCell(outs[i], name); ok {
					return f(p, m)
				}
				return "–"
			}
		}
		row(name+" response", cell(func(p *scenarios.TicketPriority, m *sim.TicketMetrics) string {
			return attainText(p.Response, m.Response) + goalSuffix(p.Response)
		}))
		row(name+" resolution", cell(func(p *scenarios.TicketPriority, m *sim.TicketMetrics) string {
			return attainText(p.Resolution, m.Resolution) + goalSuffix(p.Resolution)
		}))
		row(name+" backlog at end", cell(func(_ *scenarios.TicketPriority, m *sim.TicketMetrics) string { return meanText(m.Backlog, 0) }))
		row(name+" P(meet)", cell(func(_ *scenarios.TicketPriority, m *sim.TicketMetrics) string {
			if !m.MetGoal.Defined() {
				return "–"
			}
			return pctText(m.MetGoal.Mean)
		}))
	}
	for _, name := range tiers {
		row(name+" occupancy", func(i int) string {
			if m, ok := tierCell(outs[i], name); ok {
				return estPct(est(m.Occupancy))
			}
			return "–"
		})
	}
}

// goalSuffix is " (goal 90% in 8h (office))", "" for a target not set.
func goalSuffix(t scenarios.TicketTarget) string {
	if !t.Set() {
		return ""
	}
	return " (goal " + goalText(t) + ")"
}

// compareTicketCSVRows adds compare's CSV rows of ticket desks through est
// (a metric, the priority or tier, and the estimate of scenario i).
func compareTicketCSVRows(outs []*scenarios.Outcome, est func(metric, name string, f func(i int) (report.Estimate, bool))) {
	priorities, tiers := ticketNames(outs)
	for _, name := range priorities {
		metric := func(key string, f func(m *sim.TicketMetrics) sim.Estimate) {
			est(key, name, func(i int) (report.Estimate, bool) {
				if _, m, ok := ticketCell(outs[i], name); ok {
					return report.Estimate(f(m)), true
				}
				return report.Estimate{}, false
			})
		}
		metric("response_attainment", func(m *sim.TicketMetrics) sim.Estimate { return m.Response.Attainment })
		metric("resolution_attainment", func(m *sim.TicketMetrics) sim.Estimate { return m.Resolution.Attainment })
		metric("backlog", func(m *sim.TicketMetrics) sim.Estimate { return m.Backlog })
		metric("sla_met_share", func(m *sim.TicketMetrics) sim.Estimate { return m.MetGoal })
	}
	for _, name := range tiers {
		for _, k := range []struct {
			key string
			f   func(m *sim.TierMetrics) sim.Estimate
		}{{"tier_occupancy", func(m *sim.TierMetrics) sim.Estimate { return m.Occupancy }}, {"tier_wait_hours", func(m *sim.TierMetrics) sim.Estimate { return m.WaitHours }}} {
			est(k.key, name, func(i int) (report.Estimate, bool) {
				if m, ok := tierCell(outs[i], name); ok {
					return report.Estimate(k.f(m)), true
				}
				return report.Estimate{}, false
			})
		}
	}
}
