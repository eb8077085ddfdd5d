package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/staffsim/staffsim/sim"
	"github.com/staffsim/staffsim/sim/calendar"
)

// Tickets is the ticket work of a simulated IT service desk as plain data:
// what the report's ticket section (tickets.html.tmpl) and TicketCharts
// show. NewTickets fills it from the simulator's result; a ticket-desk
// plan fills the same struct for its recommended roster.
//
// Definitions are sim.Tickets': attainment = tickets within the target /
// tickets due (met or missed, open tickets past due counting as missed),
// counted in business time on each target's calendar; backlog = open
// tickets at the end of an interval; oldest = elapsed age of the oldest
// open ticket, in hours.
type Tickets struct {
	// Loc is the desk's time zone (chart axes); Interval the reporting
	// interval; Replications the number of simulated runs behind each
	// figure.
	Loc          *time.Location
	Interval     time.Duration
	Replications int
	// Words name the desk's people and work (TicketWords when zero).
	Words Words
	// Priorities in precedence order (P1 first), with their targets and
	// whole-period figures.
	Priorities []TicketPriority
	// Tiers are the support tiers in escalation order with their
	// whole-period figures.
	Tiers []TicketTier
	// Total is every priority over the whole period.
	Total TicketFigures
	// Intervals are the reporting intervals, in order.
	Intervals []TicketInterval
}

// TicketPriority is one ticket class: its SLA targets, its figures over
// the whole period and its probability of meeting every goal.
type TicketPriority struct {
	Name                 string
	Response, Resolution TicketTarget
	TicketFigures
	// PMeet is the share of replications in which the priority met every
	// goal it had due tickets for (1 when none fell due).
	PMeet float64
}

// TicketTarget is one SLA target of a priority: Goal of the due tickets
// within Target, counted on a calendar. Missed and Judged count the
// replications: Judged those with at least one due ticket, Missed those
// of them whose attainment fell below Goal.
type TicketTarget struct {
	Target time.Duration // 0: not set
	Goal   float64
	// Business is set when the target counts business time (a calendar
	// that is not 24×7); Hours is that calendar's opening hours as
	// calendar.Hours writes them ("mon-fri=08:00-18:00").
	Business bool
	Hours    string
	Missed   int
	Judged   int
}

// Set reports whether the target is set.
func (t TicketTarget) Set() bool { return t.Target > 0 }

// TicketFigures are the statistics of one priority (or all of them) in a
// period, over the replications. Counts are of tickets created in the
// period; Backlog and OldestHours are read at its end.
type TicketFigures struct {
	Created, Resolved, Escalated, Reopened Estimate
	Response, Resolution                   TicketSLA
	Backlog, OldestHours                   Estimate
}

// TicketSLA judges one target: Attainment in [0, 1] (undefined with no
// due ticket), the Due and Breached tickets, and MeanHours, the mean
// business time in hours to the event (first pickup; resolution). The
// JSON names are simulate's.
type TicketSLA struct {
	Attainment Estimate `json:"attainment"`
	Due        Estimate `json:"due"`
	Breached   Estimate `json:"breached"`
	MeanHours  Estimate `json:"mean_hours"`
}

// TicketTier is a support tier over the whole period.
type TicketTier struct {
	Name string
	TierFigures
}

// TierFigures are what a tier did in a period: work items that entered
// its queue, touches finished, tickets whose work there was done and those
// escalated onward (counts); the mean wait in hours of the work picked up;
// occupancy, analysts available and work waiting (time averages); Backlog,
// the work waiting at the end.
//
// The JSON names are simulate's (the tickets object's tiers).
type TierFigures struct {
	Entered         Estimate `json:"entered"`
	Touches         Estimate `json:"touches"`
	Done            Estimate `json:"done"`
	Escalated       Estimate `json:"escalated"`
	WaitHours       Estimate `json:"wait_hours"`
	Occupancy       Estimate `json:"occupancy"`
	AgentsAvailable Estimate `json:"agents_available"`
	Waiting         Estimate `json:"waiting"`
	Backlog         Estimate `json:"backlog"`
}

// TicketInterval is one reporting interval: Priorities[p] and Tiers[t] in
// the order of Tickets.Priorities and Tickets.Tiers.
type TicketInterval struct {
	Start      time.Time
	Priorities []TicketFigures
	Total      TicketFigures
	Tiers      []TierFigures
}

// NewTickets converts the simulator's ticket result and the desk it ran
// (for the targets and calendars) into the report's data, with axes in
// loc (nil: UTC). It returns nil when res is nil.
func NewTickets(res *sim.TicketResult, desk *sim.Tickets, loc *time.Location) *Tickets {
	if res == nil {
		return nil
	}
	if loc == nil {
		loc = time.UTC
	}
	t := &Tickets{Loc: loc, Replications: len(res.Runs), Words: TicketWords, Total: ticketFigures(res.Summary.Total)}
	if len(res.Intervals) > 0 {
		t.Interval = res.Intervals[0].Length
	} else {
		t.Interval = res.Summary.Length
	}
	for i, name := range res.Priorities {
		p := TicketPriority{Name: name, PMeet: 1}
		if i < len(res.Summary.Priorities) {
			p.TicketFigures = ticketFigures(res.Summary.Priorities[i])
		}
		if i < len(res.MetGoal) {
			p.PMeet = res.MetGoal[i]
		}
		if desk != nil && i < len(desk.Priorities) {
			dp := desk.Priorities[i]
			p.Response = ticketTarget(dp.Response)
			p.Resolution = ticketTarget(dp.Resolution)
		}
		for _, run := range res.Runs {
			if i >= len(run.Priorities) {
				continue
			}
			v := run.Priorities[i]
			judge(&p.Response, v.ResponseDue, v.ResponseAttainment)
			judge(&p.Resolution, v.ResolutionDue, v.ResolutionAttainment)
		}
		t.Priorities = append(t.Priorities, p)
	}
	for i, name := range res.Tiers {
		tt := TicketTier{Name: name}
		if i < len(res.Summary.Tiers) {
			tt.TierFigures = tierFigures(res.Summary.Tiers[i])
		}
		t.Tiers = append(t.Tiers, tt)
	}
	for _, iv := range res.Intervals {
		ti := TicketInterval{Start: iv.Start, Total: ticketFigures(iv.Total)}
		for _, m := range iv.Priorities {
			ti.Priorities = append(ti.Priorities, ticketFigures(m))
		}
		for _, m := range iv.Tiers {
			ti.Tiers = append(ti.Tiers, tierFigures(m))
		}
		t.Intervals = append(t.Intervals, ti)
	}
	return t
}

// judge counts one replication's verdict on a target: attainment met/due
// against the goal, as the simulator judges P(meet) (attainment ≥ goal).
func judge(t *TicketTarget, due, attainment float64) {
	if !t.Set() || !(due > 0) {
		return
	}
	t.Judged++
	if attainment < t.Goal {
		t.Missed++
	}
}

func ticketTarget(t sim.TicketTarget) TicketTarget {
	out := TicketTarget{Target: t.Target, Goal: t.Goal}
	if t.Calendar != nil && !t.Calendar.IsAlways() {
		out.Business = true
		out.Hours = HoursWords(t.Calendar.Hours())
		switch n := len(t.Calendar.Holidays()); n {
		case 0:
		case 1:
			out.Hours += ", closed on 1 holiday"
		default:
			out.Hours += fmt.Sprintf(", closed on %d holidays", n)
		}
	}
	return out
}

func est(e sim.Estimate) Estimate { return Estimate(e) }

func ticketFigures(m sim.TicketMetrics) TicketFigures {
	sla := func(s sim.SLAMetrics) TicketSLA {
		return TicketSLA{Attainment: est(s.Attainment), Due: est(s.Due), Breached: est(s.Breached), MeanHours: est(s.MeanHours)}
	}
	return TicketFigures{
		Created: est(m.Created), Resolved: est(m.Resolved), Escalated: est(m.Escalated), Reopened: est(m.Reopened),
		Response: sla(m.Response), Resolution: sla(m.Resolution),
		Backlog: est(m.Backlog), OldestHours: est(m.OldestAge),
	}
}

func tierFigures(m sim.TierMetrics) TierFigures {
	return TierFigures{
		Entered: est(m.Entered), Touches: est(m.Touches), Done: est(m.Done), Escalated: est(m.Escalated),
		WaitHours: est(m.WaitHours), Occupancy: est(m.Occupancy), AgentsAvailable: est(m.AgentsAvailable),
		Waiting: est(m.Waiting), Backlog: est(m.Backlog),
	}
}

// W is the section's vocabulary (TicketWords by default).
func (t *Tickets) W() Words {
	if t.Words == (Words{}) {
		return TicketWords
	}
	return t.Words
}

// Met reports whether the mean attainment of every set target with due
// tickets reaches its goal.
func (t *Tickets) Met() bool { return len(t.Missed()) == 0 }

// Missed names the targets whose mean attainment is below the goal:
// "P2 resolution".
func (t *Tickets) Missed() []string {
	var out []string
	for _, p := range t.Priorities {
		for _, k := range p.targets() {
			if k.t.Set() && k.sla.Attainment.Defined() && k.sla.Attainment.Mean < k.t.Goal {
				out = append(out, p.Name+" "+k.kind)
			}
		}
	}
	return out
}

// targetKind is one of a priority's two targets with its figures.
type targetKind struct {
	kind string // "response", "resolution"
	verb string // "responded to", "resolved"
	t    TicketTarget
	sla  TicketSLA
}

func (p TicketPriority) targets() []targetKind {
	return []targetKind{
		{"response", "responded to", p.Response, p.TicketFigures.Response},
		{"resolution", "resolved", p.Resolution, p.TicketFigures.Resolution},
	}
}

// TargetWords writes a target the way a desk manager says it: "15
// minutes", "1 hour", "8 business hours", "1.5 business hours"; business
// time is named so, elapsed time (24×7) is not.
func TargetWords(t TicketTarget) string {
	d := t.Target
	biz := ""
	if t.Business {
		biz = "business "
	}
	if d < time.Hour {
		m := strconv.FormatFloat(math.Round(d.Minutes()*10)/10, 'f', -1, 64)
		if m == "1" {
			return "1 " + biz + "minute"
		}
		return m + " " + biz + "minutes"
	}
	h := strconv.FormatFloat(math.Round(d.Hours()*100)/100, 'f', -1, 64)
	if h == "1" {
		return "1 " + biz + "hour"
	}
	return h + " " + biz + "hours"
}

// GoalWords writes a target with its goal: "95% within 8 business hours".
func GoalWords(t TicketTarget) string {
	return pct(t.Goal) + " within " + TargetWords(t)
}

// Reading is the plain-language reading of the desk: a sentence per set
// target of each priority, such as "P2: 93% resolved within 8 business
// hours (95% CI 91–95%) against a goal of 95% — missed in 7 of 10
// replications.", then a sentence on the calendars.
func (t *Tickets) Reading() []string {
	var out []string
	w := t.W()
	for _, p := range t.Priorities {
		for _, k := range p.targets() {
			if !k.t.Set() {
				continue
			}
			a := k.sla.Attainment
			if !a.Defined() || k.t.Judged == 0 {
				out = append(out, fmt.Sprintf("%s: no %s fell due for its %s target (%s) in any replication; nothing to judge.",
					p.Name, singular(w.Contacts), k.kind, GoalWords(k.t)))
				continue
			}
			s := fmt.Sprintf("%s: %s %s within %s", p.Name, pct(a.Mean), k.verb, TargetWords(k.t))
			if c := ciWords(a); c != "" {
				s += " (95% CI " + c + ")"
			}
			s += fmt.Sprintf(" against a goal of %s — %s.", pct(k.t.Goal), replicationWords(k.t, t.Replications))
			out = append(out, s)
		}
	}
	if s := t.calendarWords(); s != "" {
		out = append(out, s)
	}
	return out
}

// replicationWords says in how many replications a target was missed:
// "missed in 7 of 10 replications", "met in all 10 replications", "missed
// in every one of the 10 replications"; of those with due tickets when
// some had none.
func replicationWords(t TicketTarget, replications int) string {
	of := fmt.Sprintf("%d replications", t.Judged)
	if t.Judged < replications {
		of = fmt.Sprintf("%d replications with tickets due", t.Judged)
	}
	switch {
	case t.Judged == 1 && t.Missed == 0:
		return "met in the one replication" + strings.TrimPrefix(of, "1 replications")
	case t.Judged == 1:
		return "missed in the one replication" + strings.TrimPrefix(of, "1 replications")
	case t.Missed == 0:
		return "met in all " + of
	case t.Missed == t.Judged:
		return "missed in every one of the " + of
	}
	return fmt.Sprintf("missed in %d of %s", t.Missed, of)
}

// calendarWords says which priorities count business time on which
// opening hours, and which count every hour.
func (t *Tickets) calendarWords() string {
	var always []string
	byHours := map[string][]string{}
	var order []string
	for _, p := range t.Priorities {
		// A priority whose two targets count on different calendars is
		// named per target: "P2 resolution".
		keys := map[string][]string{}
		var kinds []string
		for _, k := range p.targets() {
			if !k.t.Set() {
				continue
			}
			key := ""
			if k.t.Business {
				key = "b" + k.t.Hours
			}
			if _, ok := keys[key]; !ok {
				kinds = append(kinds, key)
			}
			keys[key] = append(keys[key], k.kind)
		}
		for _, key := range kinds {
			name := p.Name
			if len(kinds) > 1 {
				name += " " + keys[key][0]
			}
			if key == "" {
				always = append(always, name)
				continue
			}
			h := key[1:]
			if _, ok := byHours[h]; !ok {
				order = append(order, h)
			}
			byHours[h] = append(byHours[h], name)
		}
	}
	if len(order) == 0 {
		if len(always) == 0 {
			return ""
		}
		return "Every target counts elapsed time, round the clock (24×7)."
	}
	var parts []string
	for _, h := range order {
		parts = append(parts, fmt.Sprintf("%s %s business hours only (%s): the clock stops while the desk is closed", listWords(byHours[h]), verb(byHours[h], "count"), h))
	}
	if len(always) > 0 {
		parts = append(parts, fmt.Sprintf("%s %s every hour, round the clock (24×7)", listWords(always), verb(always, "count")))
	}
	return titleCase(strings.Join(parts, "; ")) + "."
}

// listWords joins names as a sentence does: "P1", "P1 and P2", "P1, P2
// and P3".
func listWords(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// verb agrees a verb with a list of names: "P1 counts", "P1 and P2 count".
func verb(names []string, v string) string {
	if len(names) == 1 {
		return v + "s"
	}
	return v
}

// singular is a plural noun's singular: "tickets" → "ticket".
func singular(s string) string { return strings.TrimSuffix(s, "s") }

// ticketSection marks the charts the ticket section shows (Chart.section).
const ticketSection = "tickets"

// targetStatus is a target's verdict for a badge: "met" or "missed" by the
// mean attainment, "uncertain" when the goal lies inside the confidence
// interval, "no tickets due" without any due ticket; class is the badge's
// style.
type targetStatus struct {
	T      TicketTarget
	S      TicketSLA
	Status string
	Class  string
}

func newTargetStatus(t TicketTarget, s TicketSLA) targetStatus {
	v := targetStatus{T: t, S: s}
	a := s.Attainment
	switch {
	case !t.Set():
	case !a.Defined():
		v.Status = "none due"
	case a.N > 1 && a.Low < t.Goal && t.Goal <= a.High:
		v.Status, v.Class = "uncertain", "uncertain"
	case a.Mean >= t.Goal:
		v.Status, v.Class = "met", "met"
	default:
		v.Status, v.Class = "missed", "missed"
	}
	return v
}

// ciWords writes a share's 95 % confidence interval, "91.2%–95%", or ""
// with fewer than two replications or when its ends read the same
// ("100%–100%" says nothing).
func ciWords(e Estimate) string {
	if !e.Defined() || e.N < 2 || pct(e.Low) == pct(e.High) {
		return ""
	}
	return pct(e.Low) + "–" + pct(e.High)
}

// HoursWords writes opening hours for people: "Mon–Fri 08:00–18:00; Sat
// 10:00–14:00", "24×7".
func HoursWords(h calendar.Hours) string {
	s := h.String()
	if s == calendar.Always24x7 {
		return "24×7"
	}
	if !strings.Contains(s, "=") {
		return s // "closed"
	}
	var groups []string
	for _, g := range strings.Split(s, ";") {
		days, spans, _ := strings.Cut(g, "=")
		d := strings.Split(days, "-")
		for i := range d {
			d[i] = titleCase(d[i])
		}
		groups = append(groups, strings.Join(d, "–")+" "+strings.ReplaceAll(strings.ReplaceAll(spans, "-", "–"), ",", ", "))
	}
	return strings.Join(groups, "; ")
}

// GoalShort writes a target with its goal for a table cell: "95% in 15
// min", "90% in 8 h".
func GoalShort(t TicketTarget) string {
	d := strings.ReplaceAll(Seconds(t.Target.Seconds()), " ", "\u00a0") // "4 h" never wraps
	return pct(t.Goal) + " in\u00a0" + d
}

// ticketFuncs are the template functions of the ticket section.
var ticketFuncs = map[string]any{
	"targetView": newTargetStatus,
	"ticketRows": TicketCompareRows,
	"goalShort":  GoalShort,
	"tci": func(e Estimate, _ string) string {
		c := ciWords(e)
		return strings.ReplaceAll(c, "–", " – ")
	},
	"goalWords":   GoalWords,
	"targetWords": TargetWords,
	"singular":    singular,
	// hoursOf writes hours to the minute, "23 min", "5 h 12 min", "<1
	// min", and from 10 hours to the hour, "108 h".
	"hoursOf": func(e Estimate) string {
		if !e.Defined() {
			return "–"
		}
		m := math.Round(finite(e.Mean) * 60)
		switch {
		case m < 1 && e.Mean > 0:
			return "<1 min"
		case e.Mean >= 10:
			return fmt.Sprintf("%.0f\u00a0h", e.Mean) // whole hours: "108 h"
		}
		return strings.ReplaceAll(Seconds(m*60), " ", "\u00a0")
	},
	"decimal": func(e Estimate) string {
		if !e.Defined() {
			return "–"
		}
		return thousands(e.Mean, 1)
	},
	"pmeetOf": func(x float64) string { return fmt.Sprintf("%.0f%%", 100*finite(x)) },
	"replications": func(t *Tickets, share float64) string {
		n := t.Replications
		if n <= 0 {
			return ""
		}
		return fmt.Sprintf("%d of %d runs", int(math.Round(finite(share)*float64(n))), n)
	},
}

func init() {
	for k, v := range ticketFuncs {
		funcs[k] = v
	}
}
