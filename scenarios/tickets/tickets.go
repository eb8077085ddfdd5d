// Package tickets measures a ticket history per priority, as an IT service
// desk is judged: each priority's share of the volume, its response and
// resolution times counted in business time on a calendar (package
// sim/calendar), their attainment of per-priority targets, and the
// escalation, reopen and recorded-SLA rates of exports that carry them
// (ServiceNow's reassignment_count, reopen_count and made_sla).
//
// # Definitions
//
// For a ticket created at c, first picked up at f and resolved at r (times
// of the history, read by forecast/history), on the calendar K:
//
//	response time   = K.Between(c, f)
//	resolution time = K.Between(c, r)
//
// in business hours (a 24×7 calendar gives elapsed time). For a target of
// T business time, a ticket meets it when its time is ≤ T; it falls due
// when it met or missed it: a ticket without the event (not yet responded
// or resolved) has missed it once K.Between(c, end) > T, where end is the
// latest time in the history, and is left out (censored) before that.
//
//	attainment = met / due
//
// Escalated: reassignment_count > 0 (the ticket left its first group);
// reopened: reopen_count > 0; made SLA: made_sla true. Each rate is over
// the tickets whose column holds a number (or true/false); a column the
// export lacks gives no rate, and the Result says so in its Notes. In an
// event log each is the ticket's last recorded value (history.Options.Extra).
//
// Quantiles come from forecast/history's log-spaced Histogram (±1.2 %).
package tickets

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/sim/calendar"
)

// The history columns the analysis reads besides the reader's own fields
// (history.Options.Extra = Columns), as ServiceNow names them.
const (
	ColumnReassignments = "reassignment_count"
	ColumnReopens       = "reopen_count"
	ColumnMadeSLA       = "made_sla"
)

// Columns are the extra columns to read, in Ticket.Extra order.
var Columns = []string{ColumnReassignments, ColumnReopens, ColumnMadeSLA}

// Target is a priority's SLA target: Goal of tickets within Within of
// business time.
type Target struct {
	Priority string
	quantity.Target
}

// String writes the target as ParseTargets reads it: "P1=90/4h".
func (t Target) String() string { return t.Priority + "=" + t.Target.String() }

// ParseTargets parses PRIORITY=PCT/DURATION targets separated by commas:
// "P1=90/4h,P2=95/8h". A priority matches the history's priority of the
// same text (case and spaces aside) or, failing that, of the same number:
// "P1" and "1" match "1 - Critical" (ServiceNow) and "P1".
func ParseTargets(s string) ([]Target, error) {
	var out []Target
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		p, t, ok := strings.Cut(part, "=")
		p = strings.TrimSpace(p)
		if !ok || p == "" {
			return nil, fmt.Errorf("%q: write PRIORITY=PCT/DURATION, e.g. P1=90/4h,P2=95/8h", part)
		}
		q, err := quantity.ParseTarget(t)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p, err)
		}
		if seen[strings.ToLower(p)] {
			return nil, fmt.Errorf("priority %s is given twice", p)
		}
		seen[strings.ToLower(p)] = true
		out = append(out, Target{Priority: p, Target: q})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no targets: write PRIORITY=PCT/DURATION, e.g. P1=90/4h,P2=95/8h")
	}
	return out, nil
}

// number returns the priority's number: the digits after an optional
// leading "P" ("P1", "1 - Critical" → 1); ok false when there are none.
func number(p string) (int, bool) {
	p = strings.TrimSpace(p)
	p = strings.TrimPrefix(strings.TrimPrefix(p, "P"), "p")
	i := 0
	for i < len(p) && p[i] >= '0' && p[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(p[:i])
	return n, err == nil
}

// Matches reports whether a target written for key applies to the
// history's priority p: the same text (case and spaces aside) or the same
// number ("P1" matches "1 - Critical").
func Matches(key, p string) bool {
	if strings.EqualFold(strings.TrimSpace(key), strings.TrimSpace(p)) {
		return true
	}
	a, ok1 := number(key)
	b, ok2 := number(p)
	return ok1 && ok2 && a == b
}

// Options say what to measure.
type Options struct {
	// Calendar counts business time; nil is 24×7 in UTC (elapsed time).
	Calendar *calendar.Calendar
	// Response and Resolution are the targets per priority; a priority
	// without one gets times but no attainment.
	Response, Resolution []Target
}

// Analyzer is a history.Sink that measures the tickets it receives; read
// a history into it with history.Options.Extra = Columns, then call Result.
type Analyzer struct {
	opt   Options
	cal   *calendar.Calendar
	byP   map[string]*acc
	end   time.Time
	total int
	// columns seen with a value in at least one ticket
	seen [3]bool
	// firstResponses and resolutions say whether the history has them.
	firstResponses, resolutions bool
}

type acc struct {
	tickets                 int
	response, resolution    history.Histogram
	responded, resolved     int
	noResponse, noResolve   []time.Time // creation of tickets without the event
	respMet, respMissed     int         // of tickets with the event
	resolMet, resolMissed   int
	respTarget, resolTarget *Target
	rates                   [3]rate
	again                   rate // reassigned twice or more, of those reassigned
}

type rate struct{ yes, known int }

func (r rate) result() *Rate {
	return &Rate{Yes: r.yes, Known: r.known, Rate: float64(r.yes) / float64(r.known)}
}

// New returns an Analyzer.
func New(opt Options) *Analyzer {
	cal := opt.Calendar
	if cal == nil {
		cal = calendar.Always(time.UTC)
	}
	return &Analyzer{opt: opt, cal: cal, byP: map[string]*acc{}}
}

func (a *Analyzer) later(t time.Time) {
	if t.After(a.end) {
		a.end = t
	}
}

// Ticket measures one ticket.
func (a *Analyzer) Ticket(t *history.Ticket) {
	a.total++
	p := a.byP[t.Priority]
	if p == nil {
		p = &acc{}
		for i := range a.opt.Response {
			if Matches(a.opt.Response[i].Priority, t.Priority) && p.respTarget == nil {
				p.respTarget = &a.opt.Response[i]
			}
		}
		for i := range a.opt.Resolution {
			if Matches(a.opt.Resolution[i].Priority, t.Priority) && p.resolTarget == nil {
				p.resolTarget = &a.opt.Resolution[i]
			}
		}
		a.byP[strings.Clone(t.Priority)] = p
	}
	p.tickets++
	a.later(t.Created)
	if !t.FirstResponse.IsZero() {
		a.firstResponses = true
		a.later(t.FirstResponse)
		d := a.cal.Between(t.Created, t.FirstResponse)
		p.responded++
		p.response.Add(d.Seconds())
		if p.respTarget != nil {
			if d <= p.respTarget.Within {
				p.respMet++
			} else {
				p.respMissed++
			}
		}
	} else {
		p.noResponse = append(p.noResponse, t.Created)
	}
	if !t.Resolved.IsZero() {
		a.resolutions = true
		a.later(t.Resolved)
		d := a.cal.Between(t.Created, t.Resolved)
		p.resolved++
		p.resolution.Add(d.Seconds())
		if p.resolTarget != nil {
			if d <= p.resolTarget.Within {
				p.resolMet++
			} else {
				p.resolMissed++
			}
		}
	} else {
		p.noResolve = append(p.noResolve, t.Created)
	}
	for i := range Columns {
		if i >= len(t.Extra) || t.Extra[i] == "" {
			continue
		}
		var yes, ok bool
		if Columns[i] == ColumnMadeSLA {
			yes, ok = parseBool(t.Extra[i])
		} else {
			var n float64
			n, ok = parseCount(t.Extra[i])
			yes = n > 0
			if ok && yes && Columns[i] == ColumnReassignments {
				p.again.known++
				if n >= 2 {
					p.again.yes++
				}
			}
		}
		if !ok {
			continue
		}
		a.seen[i] = true
		p.rates[i].known++
		if yes {
			p.rates[i].yes++
		}
	}
}

// Volume ignores interval volumes (they have no tickets).
func (a *Analyzer) Volume(*history.Volume) {}

func parseCount(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return v, err == nil && v >= 0
}

func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "yes", "y":
		return true, true
	case "false", "0", "no", "n":
		return false, true
	}
	return false, false
}

// Result is the measurement per priority.
type Result struct {
	// Calendar is the business calendar's hours (calendar.Hours.String)
	// and TimeZone its zone; Holidays how many holidays it has.
	Calendar string `json:"calendar"`
	TimeZone string `json:"calendar_time_zone"`
	Holidays int    `json:"holidays"`
	// End is the latest time in the history: open tickets are aged to it.
	End        time.Time  `json:"end"`
	Tickets    int        `json:"tickets"`
	Priorities []Priority `json:"priorities"`
	// Notes say which assumption stands where the export lacks a field.
	Notes []string `json:"notes,omitempty"`
}

// Priority is one priority's measurement. Times are business hours.
type Priority struct {
	Priority      string      `json:"priority"` // "" when the history gives none
	Tickets       int         `json:"tickets"`
	Share         float64     `json:"share"` // of all tickets
	Responded     int         `json:"responded"`
	Response      *Stats      `json:"response_hours"` // nil: no first responses
	Resolved      int         `json:"resolved"`
	Resolution    *Stats      `json:"resolution_hours"`
	ResponseSLA   *Attainment `json:"response_sla"`   // nil: no target for this priority
	ResolutionSLA *Attainment `json:"resolution_sla"` // nil: no target for this priority
	Escalated     *Rate       `json:"escalated"`      // nil: no reassignment_count
	// EscalatedAgain: reassigned twice or more, of the escalated tickets
	// (a second escalation: to a third tier); nil when none escalated.
	EscalatedAgain *Rate `json:"escalated_again,omitempty"`
	Reopened       *Rate `json:"reopened"` // nil: no reopen_count
	MadeSLA        *Rate `json:"made_sla"` // nil: no made_sla
}

// Stats summarise business times in hours.
type Stats struct {
	Mean float64 `json:"mean"`
	P50  float64 `json:"p50"`
	P90  float64 `json:"p90"`
}

// Attainment is a target's attainment: Met of Due tickets (see the package
// doc); Attainment is Met/Due (0 when none fell due) and Meets whether it
// reaches the goal.
type Attainment struct {
	Target     string  `json:"target"` // PCT/DURATION
	Goal       float64 `json:"goal"`
	Met        int     `json:"met"`
	Due        int     `json:"due"`
	Attainment float64 `json:"attainment"`
	Meets      bool    `json:"meets"`
}

// Rate is Yes of Known tickets; Rate = Yes/Known.
type Rate struct {
	Yes   int     `json:"yes"`
	Known int     `json:"known"`
	Rate  float64 `json:"rate"`
}

// Result returns the measurement of the tickets received so far.
func (a *Analyzer) Result() *Result {
	r := &Result{Calendar: a.cal.Hours().String(), TimeZone: a.cal.Location().String(), Holidays: len(a.cal.Holidays()), End: a.end, Tickets: a.total}
	keys := make([]string, 0, len(a.byP))
	for k := range a.byP {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
	for _, k := range keys {
		p := a.byP[k]
		out := Priority{Priority: k, Tickets: p.tickets, Share: float64(p.tickets) / float64(a.total),
			Responded: p.responded, Resolved: p.resolved}
		out.Response = stats(&p.response)
		out.Resolution = stats(&p.resolution)
		if p.respTarget != nil && a.firstResponses {
			out.ResponseSLA = a.attainment(*p.respTarget, p.respMet, p.respMissed, p.noResponse)
		}
		if p.resolTarget != nil && a.resolutions {
			out.ResolutionSLA = a.attainment(*p.resolTarget, p.resolMet, p.resolMissed, p.noResolve)
		}
		rates := [3]**Rate{&out.Escalated, &out.Reopened, &out.MadeSLA}
		for i := range Columns {
			if a.seen[i] && p.rates[i].known > 0 {
				*rates[i] = p.rates[i].result()
			}
		}
		if p.again.known > 0 {
			out.EscalatedAgain = p.again.result()
		}
		r.Priorities = append(r.Priorities, out)
	}
	if !a.firstResponses {
		r.Notes = append(r.Notes, "no first-response times in the history: response times and response attainment are unknown (map a column with --column first_response_at=NAME)")
	}
	if !a.resolutions {
		r.Notes = append(r.Notes, "no resolution times in the history: resolution times and attainment are unknown (map a column with --column resolved_at=NAME)")
	}
	what := [3]string{"escalation (reassignment) rate", "reopen rate", "the export's own SLA flag"}
	for i, c := range Columns {
		if !a.seen[i] {
			r.Notes = append(r.Notes, fmt.Sprintf("no %s column with values: %s unknown", c, what[i]))
		}
	}
	for _, ts := range [][]Target{a.opt.Response, a.opt.Resolution} {
		for _, t := range ts {
			found := false
			for k := range a.byP {
				found = found || Matches(t.Priority, k)
			}
			if !found {
				r.Notes = append(r.Notes, fmt.Sprintf("target %s: no ticket of priority %s in the history", t, t.Priority))
			}
		}
	}
	return r
}

// attainment counts met and due tickets: those with the event by their
// time, those without it as missed once their business age at the end of
// the history passes the target.
func (a *Analyzer) attainment(t Target, met, missed int, open []time.Time) *Attainment {
	for _, c := range open {
		if a.cal.Between(c, a.end) > t.Within {
			missed++
		}
	}
	at := &Attainment{Target: t.Target.String(), Goal: t.Goal, Met: met, Due: met + missed}
	if at.Due > 0 {
		at.Attainment = float64(met) / float64(at.Due)
		at.Meets = at.Attainment >= t.Goal
	}
	return at
}

func stats(h *history.Histogram) *Stats {
	if h.Count() == 0 {
		return nil
	}
	return &Stats{Mean: h.Mean() / 3600, P50: h.Quantile(0.5) / 3600, P90: h.Quantile(0.9) / 3600}
}

// wordLevels rank priorities named in words, as ServiceNow (1 - Critical
// … 5 - Planning), Jira (Highest … Lowest) and Zendesk (Urgent, High,
// Normal, Low) order them. They only order priorities: a target for P2
// does not apply to "High" (Matches).
var wordLevels = map[string]int{
	"critical": 1, "urgent": 1, "highest": 1,
	"high":   2,
	"medium": 3, "moderate": 3, "normal": 3,
	"low":    4,
	"lowest": 5, "planning": 5,
}

// level returns the priority's rank: its number, else its word level.
func level(p string) (int, bool) {
	if n, ok := number(p); ok {
		return n, true
	}
	n, ok := wordLevels[strings.ToLower(strings.TrimSpace(p))]
	return n, ok
}

// less orders priorities by number (or word level), then by text; no
// priority last.
func less(a, b string) bool {
	if (a == "") != (b == "") {
		return b == ""
	}
	na, oka := level(a)
	nb, okb := level(b)
	switch {
	case oka && okb && na != nb:
		return na < nb
	case oka != okb:
		return oka
	}
	return a < b
}
