package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/tickets"
	"github.com/staffsim/staffsim/sim/calendar"
)

// ticketFlags are inspect's flags for the per-priority ticket section.
type ticketFlags struct {
	on         bool
	calendar   string
	hours      string
	holidays   string
	resolution string
	response   string
}

func (t *ticketFlags) register(f *pflag.FlagSet) { t.registerTo(f, true) }

// registerTo adds the flags to f; the --tickets switch only when
// withSwitch (inspect; plan decides by --desk).
func (t *ticketFlags) registerTo(f *pflag.FlagSet, withSwitch bool) {
	hoursDefault := "24x7"
	if withSwitch {
		f.BoolVar(&t.on, "tickets", false, "report tickets per priority: share, response and resolution in business hours, escalation, reopen and made_sla rates (implied by the flags below)")
	} else {
		hoursDefault = defaultBusinessHours
	}
	f.StringVar(&t.calendar, "calendar", "", "business calendar file for the ticket SLAs (timezone, hours, holidays; as one calendar of a scenario's calendars:)")
	f.StringVar(&t.hours, "hours", "", `business hours for the ticket SLAs, e.g. mon-fri=09:00-17:30 or "mon-fri=08:00-18:00;sat=09:00-13:00" (default `+hoursDefault+`, in --tz)`)
	f.StringVar(&t.holidays, "holidays", "", "file of holiday dates (YYYY-MM-DD, one a line) closing the --hours calendar")
	f.StringVar(&t.resolution, "sla-per-priority", "", "resolution targets per priority in business time, PRIORITY=PCT/DURATION,… (e.g. P1=90/4h,P2=95/8h; P1 also matches \"1 - Critical\")")
	f.StringVar(&t.response, "response-sla-per-priority", "", "response (first pickup) targets per priority in business time, e.g. P1=95/15m,P2=90/1h")
}

// wanted reports whether the ticket section was asked for.
func (t *ticketFlags) wanted() bool {
	return t.on || t.calendar != "" || t.hours != "" || t.holidays != "" || t.resolution != "" || t.response != ""
}

// options turns the flags into the analysis options; loc is the desk's zone
// (--tz), the calendar's unless its file names one. Bad flag values are
// usage errors; an unreadable or broken file is a failure.
func (t *ticketFlags) options(loc *time.Location) (tickets.Options, error) {
	var o tickets.Options
	var err error
	if t.resolution != "" {
		if o.Resolution, err = tickets.ParseTargets(t.resolution); err != nil {
			return o, usagef("--sla-per-priority: %v", err)
		}
	}
	if t.response != "" {
		if o.Response, err = tickets.ParseTargets(t.response); err != nil {
			return o, usagef("--response-sla-per-priority: %v", err)
		}
	}
	if t.calendar != "" {
		if t.hours != "" || t.holidays != "" {
			return o, usagef("--calendar gives the hours and holidays: leave out --hours and --holidays, or the calendar file")
		}
		c, err := scenarios.LoadCalendar(t.calendar, loc)
		if err != nil {
			return o, err
		}
		o.Calendar, err = c.Clock()
		return o, err
	}
	h, _ := calendar.ParseHours(calendar.Always24x7)
	if t.hours != "" {
		if h, err = calendar.ParseHours(t.hours); err != nil {
			return o, usagef("--hours: %v", err)
		}
	}
	var hol []calendar.Date
	if t.holidays != "" {
		f, err := os.Open(t.holidays)
		if err != nil {
			return o, fmt.Errorf("--holidays: %w", err)
		}
		set, err := forecast.ReadHolidays(f, t.holidays)
		f.Close()
		if err != nil {
			return o, err
		}
		for _, d := range set.Sorted() {
			hol = append(hol, calendar.Date(d))
		}
	}
	if o.Calendar, err = calendar.New(loc, h, hol); err != nil {
		return o, usagef("--hours: %v", err)
	}
	return o, nil
}

// inspectJSON is inspect's JSON with the ticket section.
type inspectJSON struct {
	*history.Summary
	Tickets *tickets.Result `json:"tickets,omitempty"`
}

// writeTicketTable writes the per-priority ticket section for people.
func writeTicketTable(out io.Writer, r *tickets.Result) error {
	cal := r.Calendar
	if cal == calendar.Always24x7 {
		cal = "24x7: elapsed time"
	}
	hol := ""
	if r.Holidays > 0 {
		hol = ", " + pluralize(r.Holidays, "holiday")
	}
	fmt.Fprintf(out, "\ntickets by priority (business hours on %s, %s%s; open tickets aged to %s):\n", cal, r.TimeZone, hol, r.End.Format("2006-01-02 15:04"))
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "priority\ttickets\tshare\tresponse p50\tp90\tresolved\tresolution p50\tp90\tresponse SLA\tresolution SLA\tescalated\treopened\tmade_sla\t")
	for _, p := range r.Priorities {
		name := p.Priority
		if name == "" {
			name = "(none)"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", name, p.Tickets, pct(p.Share),
			hoursCell(p.Response, true), hoursCell(p.Response, false), p.Resolved, hoursCell(p.Resolution, true), hoursCell(p.Resolution, false),
			attainmentCell(p.ResponseSLA), attainmentCell(p.ResolutionSLA), rateCell(p.Escalated), rateCell(p.Reopened), rateCell(p.MadeSLA))
	}
	return tw.Flush()
}

func hoursCell(s *tickets.Stats, p50 bool) string {
	if s == nil {
		return "-"
	}
	v := s.P90
	if p50 {
		v = s.P50
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + "h"
}

func attainmentCell(a *tickets.Attainment) string {
	if a == nil {
		return "-"
	}
	met := "missed"
	if a.Meets {
		met = "met"
	}
	if a.Due == 0 {
		return a.Target + ": none due"
	}
	return fmt.Sprintf("%s of %d (%s %s)", pct(a.Attainment), a.Due, a.Target, met)
}

func rateCell(r *tickets.Rate) string {
	if r == nil {
		return "-"
	}
	return pct(r.Rate)
}

// ticketNotes writes the ticket section's notes to w.
func ticketNotes(w io.Writer, r *tickets.Result) {
	for _, n := range r.Notes {
		fmt.Fprintf(w, "note: %s\n", strings.TrimSpace(n))
	}
}
