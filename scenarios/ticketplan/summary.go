package ticketplan

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/sim"
)

// Summary is the ticket plan as summary.json holds it and the command
// prints it: the recommendation per tier, each priority's targets and
// attainment, the headcount case, and the plan in words.
type Summary struct {
	Source      string    `json:"source"`
	Desk        string    `json:"desk"` // "tickets"
	Start       time.Time `json:"start"`
	Days        int       `json:"days"`
	WarmupDays  int       `json:"warmup_days"`
	Calendar    string    `json:"calendar"` // business hours, e.g. mon-fri=08:00-18:00
	TimeZone    string    `json:"time_zone"`
	Method      string    `json:"forecast_method"`
	Tickets     float64   `json:"forecast_tickets"` // over the horizon
	Confidence  float64   `json:"confidence"`
	Replication int       `json:"replications"`
	// Met is false when the search could not reach the confidence for
	// every priority; Unmet says which.
	Met              bool               `json:"met"`
	Unmet            string             `json:"unmet,omitempty"`
	Analysts         int                `json:"analysts"`
	PaidHoursPerWeek float64            `json:"paid_hours_per_week"`
	FTE              float64            `json:"fte"`
	CostPerYear      float64            `json:"cost_per_year"`
	Currency         string             `json:"currency"`
	Tiers            []SummaryTier      `json:"tiers"`
	Priorities       []SummaryPriority  `json:"priorities"`
	Cases            []SummaryCase      `json:"cases"`
	Assumptions      []string           `json:"assumptions"`
	Lines            []string           `json:"lines"`
	Steps            []string           `json:"steps"`
	Files            []string           `json:"files,omitempty"`
	Search           []SummaryEvaluated `json:"search"`
}

// SummaryTier is one tier of the recommendation.
type SummaryTier struct {
	Tier             string  `json:"tier"`
	Analysts         int     `json:"analysts"`
	StartAnalysts    int     `json:"start_analysts"` // the offered-load roster the search began from
	PaidHoursPerWeek float64 `json:"paid_hours_per_week"`
	FTE              float64 `json:"fte"`
	CostPerYear      float64 `json:"cost_per_year"`
	Occupancy        float64 `json:"occupancy"`
	WaitHours        float64 `json:"mean_wait_hours"`
	Entered          float64 `json:"work_entered"` // work items over the judged period, mean
	Shifts           int     `json:"shift_patterns"`
}

// SummaryPriority is one priority at the recommendation.
type SummaryPriority struct {
	Priority   string      `json:"priority"`
	Share      float64     `json:"share"`
	Escalate   []float64   `json:"escalate"` // per tier but the last
	Reopen     float64     `json:"reopen"`
	Calendar   string      `json:"calendar"` // "business" or "24x7"
	Response   *SummarySLA `json:"response,omitempty"`
	Resolution *SummarySLA `json:"resolution,omitempty"`
	PMeet      float64     `json:"p_meet"`
	Created    float64     `json:"created"`
	Backlog    float64     `json:"backlog_at_end"`
	OldestOpen float64     `json:"oldest_open_hours_at_end"`
}

// SummarySLA is a target and its simulated attainment (95 % CI).
type SummarySLA struct {
	Target     string  `json:"target"` // PCT/DURATION
	Words      string  `json:"words"`  // "90% within 8 business hours"
	Attainment float64 `json:"attainment"`
	Low        float64 `json:"attainment_low"`
	High       float64 `json:"attainment_high"`
	MeanHours  float64 `json:"mean_hours"`
	Breached   float64 `json:"breached"`
}

// SummaryCase is one row of the headcount case.
type SummaryCase struct {
	Case        string    `json:"case"`
	Volume      float64   `json:"volume"`
	Analysts    int       `json:"analysts"`
	PerTier     []int     `json:"analysts_per_tier"`
	FTE         float64   `json:"fte"`
	CostPerYear float64   `json:"cost_per_year"`
	PMeet       []float64 `json:"p_meet"` // per priority
	Met         bool      `json:"met"`
}

// SummaryEvaluated is one staffing the search simulated.
type SummaryEvaluated struct {
	PerTier []int     `json:"analysts_per_tier"`
	PMeet   []float64 `json:"p_meet"`
	Met     bool      `json:"met"`
	FTE     float64   `json:"fte"`
}

// Summary returns the plan's summary; currency writes money in the lines.
func (r *Result) Summary(currency string, opt Options) *Summary {
	s := &Summary{Source: r.Source, Desk: "tickets", Start: r.Start, Days: r.Days, WarmupDays: r.Warmup,
		Calendar: r.Calendar.Hours().String(), TimeZone: r.Calendar.Location().String(),
		Method: r.Forecast.Method, Confidence: opt.Confidence, Replication: opt.Replications,
		Met: r.Met, Unmet: r.Unmet, Analysts: r.Agents, PaidHoursPerWeek: r.PaidHoursPerWeek, FTE: r.FTE,
		CostPerYear: r.CostPerYear, Currency: currency, Assumptions: r.Assumptions, Steps: r.Steps}
	for _, x := range r.Forecast.Arrivals {
		s.Tickets += x
	}
	sum := r.Run.Tickets.Summary
	for t, tier := range r.Staff {
		m := sum.Tiers[t]
		s.Tiers = append(s.Tiers, SummaryTier{Tier: tier.Name, Analysts: tier.Agents, StartAnalysts: tier.Start,
			PaidHoursPerWeek: tier.PaidHoursPerWeek, FTE: tier.FTE, CostPerYear: tier.CostPerYear,
			Occupancy: m.Occupancy.Mean, WaitHours: m.WaitHours.Mean, Entered: m.Entered.Mean, Shifts: len(tier.Shifts)})
	}
	for p, pr := range r.Priorities {
		m := sum.Priorities[p]
		sp := SummaryPriority{Priority: pr.Name, Share: pr.Share, Escalate: pr.Escalate, Reopen: pr.Reopen,
			Calendar: "business", PMeet: r.Run.Tickets.MetGoal[p], Created: m.Created.Mean, Backlog: m.Backlog.Mean, OldestOpen: m.OldestAge.Mean}
		if pr.Calendar24x7 || r.Calendar.IsAlways() {
			sp.Calendar = "24x7"
		}
		business := sp.Calendar == "business"
		if pr.Response.Within > 0 {
			sp.Response = summarySLA(pr.Response, business, "responded", m.Response)
		}
		if pr.Resolution.Within > 0 {
			sp.Resolution = summarySLA(pr.Resolution, business, "resolved", m.Resolution)
		}
		s.Priorities = append(s.Priorities, sp)
	}
	for _, c := range r.Cases {
		s.Cases = append(s.Cases, SummaryCase{Case: c.Name, Volume: c.Volume, Analysts: total(c.Agents), PerTier: c.Agents,
			FTE: c.FTE, CostPerYear: c.CostPerYear, PMeet: c.PMeet, Met: c.Met})
	}
	for _, e := range r.Search {
		s.Search = append(s.Search, SummaryEvaluated{PerTier: e.Agents, PMeet: e.PMeet, Met: e.Met, FTE: e.FTE})
	}
	s.Lines = r.lines(s, currency, opt)
	return s
}

func summarySLA(t quantity.Target, business bool, verb string, m sim.SLAMetrics) *SummarySLA {
	return &SummarySLA{Target: t.String(), Words: TargetWords(t, business, verb), Attainment: m.Attainment.Mean,
		Low: m.Attainment.Low, High: m.Attainment.High, MeanHours: m.MeanHours.Mean, Breached: m.Breached.Mean}
}

// TargetWords writes a ticket target as an IT service manager says it:
// "90% resolved within 8 business hours", "95% responded within 15
// minutes" (24×7: elapsed time).
func TargetWords(t quantity.Target, business bool, verb string) string {
	return fmt.Sprintf("%s %s within %s", pct(t.Goal), verb, DurationWords(t.Within, business))
}

// DurationWords writes a duration in words: "15 minutes", "1 hour",
// "8 business hours", "1.5 hours", "3 days" (elapsed whole days only).
func DurationWords(d time.Duration, business bool) string {
	b := ""
	if business {
		b = "business "
	}
	switch {
	case d < time.Hour:
		m := d.Minutes()
		if m == 1 {
			return "1 " + b + "minute"
		}
		return trimNum(m) + " " + b + "minutes"
	case !business && d%(24*time.Hour) == 0 && d > 24*time.Hour:
		return fmt.Sprintf("%d days", d/(24*time.Hour))
	case d == time.Hour:
		return "1 " + b + "hour"
	}
	return trimNum(d.Hours()) + " " + b + "hours"
}

func trimNum(x float64) string {
	s := fmt.Sprintf("%.1f", x)
	return strings.TrimSuffix(s, ".0")
}

func pct(x float64) string {
	s := fmt.Sprintf("%.1f", 100*x)
	return strings.TrimSuffix(s, ".0") + "%"
}

// lines are the plan in an IT service manager's words.
func (r *Result) lines(s *Summary, currency string, opt Options) []string {
	var out []string
	var tiers []string
	for _, t := range s.Tiers {
		tiers = append(tiers, fmt.Sprintf("%s %d", t.Tier, t.Analysts))
	}
	reps := opt.Replications
	k := report.MinWeeks(opt.Confidence, reps)
	verdict := fmt.Sprintf("every priority meets its response and resolution goals in at least %d of %d simulated runs of %d days", k, reps, r.Days-r.Warmup)
	if !r.Met {
		verdict = "the goals are NOT met: " + r.Unmet
	}
	out = append(out, fmt.Sprintf("The desk needs %d analysts (%s): %s FTE, %s a year; %s.",
		s.Analysts, strings.Join(tiers, ", "), report.FTEWords(s.FTE), report.Money(currency, s.CostPerYear), verdict))
	for _, p := range s.Priorities {
		var parts []string
		for _, sla := range []*SummarySLA{p.Response, p.Resolution} {
			if sla == nil {
				continue
			}
			parts = append(parts, fmt.Sprintf("%s (simulated %s, 95%% CI %s–%s)", sla.Words, pct(sla.Attainment), pct(sla.Low), pct(sla.High)))
		}
		if len(parts) == 0 {
			continue
		}
		out = append(out, fmt.Sprintf("%s: %s; met in %d of %d runs.", p.Priority, strings.Join(parts, "; "), int(math.Round(p.PMeet*float64(reps))), reps))
	}
	for _, c := range s.Cases {
		if c.Case == "recommendation" || c.Met {
			continue
		}
		var miss []string
		for p, x := range c.PMeet {
			if !meets(x, opt.Confidence, reps) {
				miss = append(miss, fmt.Sprintf("%s (met in %d of %d runs)", s.Priorities[p].Priority, int(math.Round(x*float64(reps))), reps))
			}
		}
		if c.Volume != 1 {
			out = append(out, fmt.Sprintf("At %s the recommended %d analysts miss the goals of %s.", c.Case, c.Analysts, strings.Join(miss, ", ")))
		} else {
			out = append(out, fmt.Sprintf("With %s (%d analysts) the goals are missed for %s.", c.Case, c.Analysts, strings.Join(miss, ", ")))
		}
	}
	return out
}

// Report returns the plan's section of the report page.
func (s *Summary) Report(hoursPerFTE float64) *report.TicketPlan {
	tp := &report.TicketPlan{Source: s.Source, Met: s.Met, Lines: s.Lines, Confidence: s.Confidence, Replications: s.Replication,
		Currency: s.Currency, HoursPerFTE: hoursPerFTE, Assumptions: s.Assumptions, Steps: s.Steps}
	for _, t := range s.Tiers {
		tp.Tiers = append(tp.Tiers, report.TicketPlanTier{Name: t.Tier, Analysts: t.Analysts, StartAnalysts: t.StartAnalysts,
			FTE: t.FTE, PaidHours: t.PaidHoursPerWeek, CostPerYear: t.CostPerYear, Occupancy: t.Occupancy, WaitHours: t.WaitHours, Shifts: float64(t.Shifts)})
	}
	for _, p := range s.Priorities {
		tp.Priorities = append(tp.Priorities, report.TicketPlanPriority{Name: p.Priority, Share: p.Share, PMeet: p.PMeet,
			Response: slaWords(p.Response), Resolution: slaWords(p.Resolution)})
	}
	for _, c := range s.Cases {
		var per []string
		for t, n := range c.PerTier {
			per = append(per, fmt.Sprintf("%s %d", s.Tiers[t].Tier, n))
		}
		tp.Cases = append(tp.Cases, report.TicketPlanCase{Name: c.Case, Analysts: c.Analysts, PerTier: strings.Join(per, " · "),
			FTE: c.FTE, CostPerYear: c.CostPerYear, Volume: c.Volume, PMeet: c.PMeet, Met: c.Met, Recommended: c.Case == "recommendation"})
	}
	return tp
}

func slaWords(s *SummarySLA) string {
	if s == nil {
		return ""
	}
	return s.Words
}
