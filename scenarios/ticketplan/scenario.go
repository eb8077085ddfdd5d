package ticketplan

import (
	"github.com/staffsim/staffsim/scenarios"
)

// businessCalendar is the name of the plan's business calendar in its
// scenario.
const businessCalendar = "business"

// Scenario returns the recommendation as a scenario file's content: the
// forecast (written to forecastFile beside it) split by priority share
// (each priority's arrivals are the forecast scaled by its share: the
// same Poisson rates the plan simulated), the tiers with each priority's
// touch times, escalation, reopens and waits on the user, the targets on
// the business calendar (24×7 for TwentyFourSeven priorities), and the
// recommended shifts per tier. Simulated as it stands (staffsim simulate),
// it gives the plan's figures.
func (r *Result) Scenario(forecastFile string, hourly float64, currency string) *scenarios.Scenario {
	sc := r.pl.scenario(1)
	for i := range sc.Tickets.Priorities {
		sc.Tickets.Priorities[i].Arrivals.Forecast = forecastFile
	}
	sc.Cost = scenarios.Cost{Hourly: hourly, Currency: currency}
	for _, t := range r.Staff {
		sc.Roster.Shifts = append(sc.Roster.Shifts, scenarios.ShiftsOf(t.Shifts)...)
	}
	return sc
}

// scenario returns the plan's desk without a roster, each priority's
// arrivals the forecast scaled by its share × volume: what the search
// simulates (with each candidate's shifts) and scenario.yaml holds.
func (pl *planner) scenario(volume float64) *scenarios.Scenario {
	r, opt := pl.res, pl.opt
	iv := r.Forecast.Interval
	sc := &scenarios.Scenario{
		Name: "ticket plan", Start: r.Start, Location: r.Start.Location(), Days: r.Days,
		Interval: iv, Warmup: r.Start.AddDate(0, 0, r.Warmup).Sub(r.Start).Truncate(iv),
		Replications: opt.Replications, Seed: opt.Seed,
		Roster: scenarios.Roster{Shrinkage: opt.Shrinkage},
	}
	if !r.Calendar.IsAlways() {
		sc.Calendars = []scenarios.Calendar{{Name: businessCalendar, Location: r.Calendar.Location(), Hours: r.Calendar.Hours(), Holidays: r.Calendar.Holidays()}}
	}
	touch := opt.touch(len(r.Tiers))
	tk := &scenarios.Tickets{Tiers: r.Tiers}
	for p, pr := range r.Priorities {
		sp := scenarios.TicketPriority{
			Name:     pr.Name,
			Arrivals: scenarios.Arrivals{Series: &r.Forecast.Series, Scale: pr.Share * volume, ScaleSet: true},
			Escalate: append([]float64(nil), pr.Escalate...),
			Preempt:  p == 0 && opt.Preempt,
		}
		if len(sp.Escalate) == 0 {
			sp.Escalate = nil
		}
		for t := range r.Tiers {
			sp.Touch = append(sp.Touch, &scenarios.Distribution{Kind: scenarios.LogNormal, Mean: touch[t], CV: opt.touchCV()})
		}
		if opt.Pending > 0 {
			sp.Pending = scenarios.Pending{Probability: opt.Pending, Time: &scenarios.Distribution{Kind: scenarios.Exponential, Mean: opt.pendingTime(), CV: 1}}
		}
		if pr.Reopen > 0 {
			sp.Reopen = scenarios.Reopen{Probability: pr.Reopen, Delay: &scenarios.Distribution{Kind: scenarios.Exponential, Mean: opt.reopenDelay(), CV: 1}}
		}
		cal := ""
		if !pr.Calendar24x7 && !r.Calendar.IsAlways() {
			cal = businessCalendar
		}
		sp.Calendar = cal
		if pr.Response.Within > 0 {
			sp.Response = scenarios.TicketTarget{Target: pr.Response.Within, Goal: pr.Response.Goal, Calendar: cal}
		}
		if pr.Resolution.Within > 0 {
			sp.Resolution = scenarios.TicketTarget{Target: pr.Resolution.Within, Goal: pr.Resolution.Goal, Calendar: cal}
		}
		tk.Priorities = append(tk.Priorities, sp)
	}
	sc.Tickets = tk
	return sc
}
