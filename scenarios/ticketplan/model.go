package ticketplan

import (
	"fmt"
	"strings"
	"time"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/tickets"
)

// TierNames are the tiers' names, in escalation order.
var TierNames = []string{"L1", "L2", "L3"}

// DefaultTouch are the mean touch times of L1, L2 and L3 when the options
// give none: a first-line fix, a resolver group's investigation, a
// specialist's.
var DefaultTouch = []time.Duration{20 * time.Minute, time.Hour, 2 * time.Hour}

// DefaultTargets are the response and resolution targets of priorities 1
// to 4 when the options give none for a priority, typical of ITIL desks:
// P1 95 % responded within 15 minutes and 90 % resolved within 4 hours,
// P2 1 h and 8 h, P3 4 h and 3 business days (24 business hours), P4 8 h
// and 5 business days (40 h).
var DefaultTargets = []struct{ Priority, Response, Resolution string }{
	{"P1", "95/15m", "90/4h"},
	{"P2", "95/1h", "90/8h"},
	{"P3", "90/4h", "90/24h"},
	{"P4", "90/8h", "90/40h"},
}

// IsTicketExport reports whether a history read is a ticket desk's
// export — one row per ticket with priorities and resolution times but no
// handle times (ServiceNow, Jira, Zendesk incidents) — which plan staffs
// as a ticket desk rather than as a phone queue.
func IsTicketExport(rep *history.Report) bool {
	if rep == nil || rep.Shape != history.ShapeTickets.String() {
		return false
	}
	c := rep.Columns
	return c[history.FieldPriority] != "" && c[history.FieldResolvedAt] != "" && c[history.FieldHandleSeconds] == ""
}

// Priority is one priority of the modelled desk, as measured in the
// history and set by the options.
type Priority struct {
	Name  string  // as the history writes it ("2 - High")
	Share float64 // of the tickets
	// Tickets is the number in the history.
	Tickets int
	// Escalate[t] is the probability of moving from tier t to t+1.
	Escalate []float64
	Reopen   float64
	// Response and Resolution are the targets; Calendar24x7 says whether
	// they count elapsed time instead of the business calendar.
	Response, Resolution quantity.Target
	Calendar24x7         bool
	// Sources say where each figure came from, for the report.
	Sources []string
}

// Model builds the desk's priorities and tiers from the history's
// per-priority measurement (tickets.Result) and the options, with the
// assumptions that stand in for what the history lacks.
func Model(h *tickets.Result, opt Options) ([]Priority, []string, []string, error) {
	if h == nil || len(h.Priorities) == 0 {
		return nil, nil, nil, fmt.Errorf("the history has no tickets to model")
	}
	var out []Priority
	var notes []string
	anyEsc, anyAgain, anyReopen := false, false, false
	var untargeted []string // priorities with neither target
	for _, hp := range h.Priorities {
		name := hp.Priority
		if name == "" {
			name = "(none)"
		}
		p := Priority{Name: name, Share: hp.Share, Tickets: hp.Tickets, Escalate: []float64{0, 0}}
		if hp.Escalated != nil {
			p.Escalate[0] = hp.Escalated.Rate
			anyEsc = anyEsc || hp.Escalated.Yes > 0
			p.Sources = append(p.Sources, fmt.Sprintf("escalation L1→L2 %.1f%% (%d of %d tickets reassigned)", 100*hp.Escalated.Rate, hp.Escalated.Yes, hp.Escalated.Known))
		}
		if hp.EscalatedAgain != nil {
			p.Escalate[1] = hp.EscalatedAgain.Rate
			anyAgain = anyAgain || hp.EscalatedAgain.Yes > 0
			p.Sources = append(p.Sources, fmt.Sprintf("escalation L2→L3 %.1f%% (%d of %d escalated reassigned again)", 100*hp.EscalatedAgain.Rate, hp.EscalatedAgain.Yes, hp.EscalatedAgain.Known))
		}
		if hp.Reopened != nil {
			p.Reopen = hp.Reopened.Rate
			anyReopen = anyReopen || hp.Reopened.Yes > 0
			p.Sources = append(p.Sources, fmt.Sprintf("reopened %.1f%% (%d of %d)", 100*hp.Reopened.Rate, hp.Reopened.Yes, hp.Reopened.Known))
		}
		var err error
		if p.Response, err = target(name, opt.Response, 1); err != nil {
			return nil, nil, nil, err
		}
		if p.Resolution, err = target(name, opt.Resolution, 2); err != nil {
			return nil, nil, nil, err
		}
		for _, k := range opt.TwentyFourSeven {
			p.Calendar24x7 = p.Calendar24x7 || tickets.Matches(k, name)
		}
		if p.Response.Within == 0 && p.Resolution.Within == 0 {
			untargeted = append(untargeted, name)
		}
		out = append(out, p)
	}
	if len(untargeted) > 0 {
		return nil, nil, nil, noTargets(untargeted)
	}
	notes = append(notes, unused("--response-sla-per-priority", opt.Response, out)...)
	notes = append(notes, unused("--sla-per-priority", opt.Resolution, out)...)
	tiers := TierNames[:1]
	switch {
	case anyAgain:
		tiers = TierNames[:3]
	case anyEsc:
		tiers = TierNames[:2]
	}
	for i := range out {
		out[i].Escalate = out[i].Escalate[:len(tiers)-1]
	}
	if h.Notes != nil {
		for _, n := range h.Notes {
			if strings.Contains(n, "reassignment_count") {
				notes = append(notes, "the history has no reassignment_count: no ticket is escalated, one tier (L1) resolves every ticket")
			}
			if strings.Contains(n, "reopen_count") {
				notes = append(notes, "the history has no reopen_count: no ticket reopens")
			}
		}
	}
	if anyEsc {
		how := "reassignment_count > 0 read as an escalation from L1 to L2"
		if anyAgain {
			how += ", ≥ 2 as a further escalation to L3"
		}
		notes = append(notes, "escalation: "+how+", at each priority's rate in the history")
	}
	if !anyReopen {
		for i := range out {
			out[i].Reopen = 0
		}
	}
	touch := opt.touch(len(tiers))
	var tw []string
	for t := range tiers {
		tw = append(tw, tiers[t]+" "+quantity.FormatDuration(touch[t]))
	}
	src := "the defaults"
	if len(opt.Touch) > 0 {
		src = "--touch"
	}
	notes = append(notes, fmt.Sprintf("touch time per ticket (the history has no work times): %s, log-normal with CV %.1f, from %s", strings.Join(tw, ", "), opt.touchCV(), src))
	if opt.Pending > 0 {
		notes = append(notes, fmt.Sprintf("%.0f%% of touches end waiting on the user for %s on average (clock stopped), from --pending", 100*opt.Pending, quantity.FormatDuration(opt.pendingTime())))
	} else {
		notes = append(notes, "no ticket waits on the user (no pending time): give --pending to model it")
	}
	return out, tiers, notes, nil
}

// noTargets is the error for priorities that have no target: the
// defaults know P1–P4 by number only.
func noTargets(names []string) error {
	if len(names) == 1 && names[0] == "(none)" {
		return fmt.Errorf("the history has no priority (no priority column, or it is empty): map the column with --column priority=HEADER, or judge every ticket on one target with --sla-per-priority '(none)=90/8h' (and --response-sla-per-priority)")
	}
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return fmt.Errorf("no SLA target for priority %s (the default targets are for P1–P4, or names with those numbers, e.g. \"2 - High\"): give each a resolution target with --sla-per-priority, e.g. %s=90/8h, and/or a response target with --response-sla-per-priority",
		strings.Join(q, ", "), names[0])
}

// unused returns a note for each of the targets given with flag that
// match no priority of the history.
func unused(flag string, given []tickets.Target, prios []Priority) []string {
	var notes []string
	for _, t := range given {
		var have []string
		found := false
		for _, p := range prios {
			found = found || tickets.Matches(t.Priority, p.Name)
			have = append(have, fmt.Sprintf("%q", p.Name))
		}
		if !found {
			notes = append(notes, fmt.Sprintf("%s %s: the history has no such priority (it has %s): the target is not used", flag, t.Priority, strings.Join(have, ", ")))
		}
	}
	return notes
}

// target returns the priority's target from the options (given) or the
// defaults (column 1: response, 2: resolution).
func target(name string, given []tickets.Target, col int) (quantity.Target, error) {
	for _, t := range given {
		if tickets.Matches(t.Priority, name) {
			return t.Target, nil
		}
	}
	for _, d := range DefaultTargets {
		if tickets.Matches(d.Priority, name) {
			s := d.Response
			if col == 2 {
				s = d.Resolution
			}
			return quantity.ParseTarget(s)
		}
	}
	return quantity.Target{}, nil
}

// reach returns the share of a priority's tickets that reach each tier
// (with reopened tickets back at L1) and the touches per visit.
func reach(p Priority, tiers int, opt Options) []float64 {
	r := make([]float64, tiers)
	r[0] = 1 + p.Reopen
	for t := 1; t < tiers; t++ {
		r[t] = r[t-1] * p.Escalate[t-1]
	}
	for t := range r {
		r[t] /= 1 - opt.Pending
	}
	return r
}
