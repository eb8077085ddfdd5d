package capacity

import (
	"io"
	"math"
	"time"

	"github.com/gocarina/gocsv"

	"github.com/staffsim/staffsim/internal/csvfield"
	"github.com/staffsim/staffsim/scenarios/report"
)

// Plans returns the hiring plans of the result in the order they are
// shown: the recommendation, no hiring, today's plan, the volume case.
func (res *Result) Plans() []*Hiring {
	out := []*Hiring{res.Plan, res.NoHire}
	if res.Given != nil {
		out = append(out, res.Given)
	}
	if res.Volume != nil {
		out = append(out, res.Volume)
	}
	return out
}

// MonthRow is one month of one hiring plan in months.csv and
// --format csv: full precision, RFC 3339 times.
type MonthRow struct {
	Plan             string         `csv:"plan" json:"plan"`
	Month            string         `csv:"month" json:"month"` // 2027-03
	Start            time.Time      `csv:"start" json:"start"`
	End              time.Time      `csv:"end" json:"end"`
	Contacts         csvfield.Float `csv:"contacts" json:"contacts"`
	VolumeLevel      csvfield.Float `csv:"volume_level" json:"volume_level"`
	AHTSeconds       csvfield.Float `csv:"aht_seconds" json:"aht_seconds"`
	Shrinkage        csvfield.Float `csv:"shrinkage" json:"shrinkage"`
	RequiredFTE      csvfield.Float `csv:"required_fte" json:"required_fte"`
	RosterAgents     int            `csv:"roster_agents" json:"roster_agents"`
	FTEOnStaff       csvfield.Float `csv:"fte_on_staff" json:"fte_on_staff"`
	FTEOnStaffLow    csvfield.Float `csv:"fte_on_staff_low" json:"fte_on_staff_low"`
	FTEOnStaffHigh   csvfield.Float `csv:"fte_on_staff_high" json:"fte_on_staff_high"`
	Headcount        csvfield.Float `csv:"headcount" json:"headcount"`
	HeadcountSD      csvfield.Float `csv:"headcount_sd" json:"headcount_sd"`
	Hires            int            `csv:"hires" json:"hires"`
	ClassStart       string         `csv:"class_start" json:"class_start"`
	Requisition      string         `csv:"requisition" json:"requisition"`
	Leavers          csvfield.Float `csv:"leavers" json:"leavers"`
	PaidFTE          csvfield.Float `csv:"paid_fte" json:"paid_fte"`
	OvertimeHours    csvfield.Float `csv:"overtime_hours" json:"overtime_hours"`
	Cost             csvfield.Float `csv:"cost" json:"cost"`
	PMeet            csvfield.Float `csv:"p_meet" json:"p_meet"`
	ShortFTE         csvfield.Float `csv:"short_fte" json:"short_fte"`
	MetInSimulation  bool           `csv:"roster_met_in_simulation" json:"roster_met_in_simulation"`
	EventsInTheMonth string         `csv:"events" json:"events"`
}

// Rows returns every month of every plan.
func (res *Result) Rows() []MonthRow {
	var out []MonthRow
	for _, h := range res.Plans() {
		for _, m := range h.Months {
			r := MonthRow{Plan: h.Name, Month: m.Start.Format("2006-01"), Start: m.Start, End: m.End, Contacts: csvfield.Float(m.Contacts),
				VolumeLevel: csvfield.Float(m.Level), AHTSeconds: csvfield.Float(m.AHT.Seconds()), Shrinkage: csvfield.Float(m.Shrinkage),
				RequiredFTE: csvfield.Float(m.FTE), RosterAgents: m.Agents, FTEOnStaff: csvfield.Float(m.OnStaff.Mean),
				FTEOnStaffLow: csvfield.Float(m.OnStaff.Low), FTEOnStaffHigh: csvfield.Float(m.OnStaff.High),
				Headcount: csvfield.Float(m.Headcount.Mean), HeadcountSD: csvfield.Float(m.Headcount.SD), Hires: m.Hires,
				Leavers: csvfield.Float(m.Leavers), PaidFTE: csvfield.Float(m.PaidFTE), OvertimeHours: csvfield.Float(m.OvertimeHours),
				Cost: csvfield.Float(m.Cost), PMeet: csvfield.Float(m.PMeet), ShortFTE: csvfield.Float(m.Short), MetInSimulation: m.Met}
			if m.Hires > 0 {
				r.ClassStart, r.Requisition = m.ClassStart.Format(time.DateOnly), m.Requisition.Format(time.DateOnly)
			}
			for i, e := range m.Events {
				if i > 0 {
					r.EventsInTheMonth += "; "
				}
				r.EventsInTheMonth += e
			}
			out = append(out, r)
		}
	}
	return out
}

// WriteMonthsCSV writes Rows.
func (res *Result) WriteMonthsCSV(w io.Writer) error { return gocsv.Marshal(res.Rows(), w) }

// ClassRow is one class of one plan in classes.csv.
type ClassRow struct {
	Plan        string `csv:"plan"`
	Requisition string `csv:"requisition"`
	Start       string `csv:"start"`
	Productive  string `csv:"productive_from"`
	Size        int    `csv:"size"`
}

// WriteClassesCSV writes the classes of every plan.
func (res *Result) WriteClassesCSV(w io.Writer) error {
	rows := []ClassRow{}
	s := res.Options.Supply
	for _, h := range res.Plans() {
		for _, c := range h.Classes {
			rows = append(rows, ClassRow{Plan: h.Name, Requisition: c.Requisition(s.LeadTime).Format(time.DateOnly), Start: c.Start.Format(time.DateOnly),
				Productive: c.Start.AddDate(0, 0, wholeDays(s.Training)).Format(time.DateOnly), Size: c.Size})
		}
	}
	return gocsv.Marshal(rows, w)
}

// Summary is what summary.json holds and --format json prints.
type Summary struct {
	Source      string          `json:"source"`
	Start       time.Time       `json:"start"`
	Months      int             `json:"months"`
	SLA         string          `json:"sla"`
	Target      float64         `json:"target"`
	Runs        int             `json:"runs"`
	HoursPerFTE float64         `json:"hours_per_fte"`
	HourlyCost  float64         `json:"hourly_cost"`
	Currency    string          `json:"currency"`
	Trend       SummaryTrend    `json:"trend"`
	Supply      SummarySupply   `json:"supply"`
	Plans       []SummaryHiring `json:"plans"`
	Lines       []string        `json:"lines"`
	Steps       []string        `json:"steps"`
	Notes       []string        `json:"notes"`
	Files       []string        `json:"files"`
}

type SummaryTrend struct {
	YearlyGrowth    float64     `json:"yearly_growth"`
	GrowthFrom      string      `json:"growth_from"` // "history", "given" or "none"
	Seasonal        bool        `json:"seasonal"`
	Season          [12]float64 `json:"season"` // month-of-year factors, January first
	YearlyAHTGrowth float64     `json:"yearly_aht_growth"`
	HolidayFactor   float64     `json:"holiday_factor"`
}

type SummarySupply struct {
	Headcount       int       `json:"headcount"`
	Attrition       float64   `json:"attrition_per_month"`
	LeadTimeDays    int       `json:"lead_time_days"`
	TrainingDays    int       `json:"training_days"`
	Ramp            []float64 `json:"ramp"`
	MinClass        int       `json:"min_class"`
	MaxClass        int       `json:"max_class"`
	PartTimeShare   float64   `json:"part_time_share"`
	PartTimeHours   float64   `json:"part_time_hours"`
	Overtime        float64   `json:"overtime"`
	OvertimePremium float64   `json:"overtime_premium"`
	CostPerHire     float64   `json:"cost_per_hire"`
}

type SummaryHiring struct {
	Name      string        `json:"name"`
	Classes   []SummaryClas `json:"classes"`
	Hires     int           `json:"hires"`
	Cost      float64       `json:"cost"`
	FirstMiss *string       `json:"first_miss"` // the first month below the target, 2027-03; null when none
	Unmet     []Unmet       `json:"unmet"`
	Months    []MonthRow    `json:"months"`
}

type SummaryClas struct {
	Requisition string `json:"requisition"`
	Start       string `json:"start"`
	Size        int    `json:"size"`
}

// Summary returns the result for summary.json.
func (res *Result) Summary() *Summary {
	o := res.Options
	s := &Summary{Source: res.Source, Start: res.Today, Months: len(res.Months), SLA: o.Plan.SL.String(), Target: res.Target, Runs: res.Runs,
		HoursPerFTE: o.Plan.HoursPerFTE, HourlyCost: o.Plan.HourlyCost, Currency: o.Plan.Currency, Lines: res.Lines, Steps: res.Steps, Notes: res.Notes}
	t := res.Trend
	s.Trend = SummaryTrend{YearlyGrowth: t.YearlyGrowth(), GrowthFrom: "none", Seasonal: t.Seasonal, YearlyAHTGrowth: t.YearlyAHTGrowth(), HolidayFactor: t.HolidayFactor}
	switch {
	case t.GrowthGiven:
		s.Trend.GrowthFrom = "given"
	case t.TrendFitted:
		s.Trend.GrowthFrom = "history"
	}
	for m := range 12 {
		s.Trend.Season[m] = math.Exp(t.Season[m])
	}
	sp := o.Supply
	s.Supply = SummarySupply{Headcount: sp.Headcount, Attrition: sp.Attrition, LeadTimeDays: wholeDays(sp.LeadTime), TrainingDays: wholeDays(sp.Training),
		Ramp: append([]float64{}, sp.Ramp...), MinClass: max(1, sp.MinClass), MaxClass: sp.MaxClass, PartTimeShare: sp.PartTimeShare, PartTimeHours: sp.PartTimeHours,
		Overtime: sp.Overtime, OvertimePremium: sp.OvertimePremium, CostPerHire: sp.CostPerHire}
	rows := res.Rows()
	for _, h := range res.Plans() {
		sh := SummaryHiring{Name: h.Name, Hires: h.Hires, Cost: h.Cost, Classes: []SummaryClas{}, Unmet: append([]Unmet{}, h.Unmet...)}
		for _, c := range h.Classes {
			sh.Classes = append(sh.Classes, SummaryClas{Requisition: c.Requisition(sp.LeadTime).Format(time.DateOnly), Start: c.Start.Format(time.DateOnly), Size: c.Size})
		}
		if h.FirstMiss >= 0 {
			m := h.Months[h.FirstMiss].Start.Format("2006-01")
			sh.FirstMiss = &m
		}
		for _, r := range rows {
			if r.Plan == h.Name {
				sh.Months = append(sh.Months, r)
			}
		}
		s.Plans = append(s.Plans, sh)
	}
	return s
}

// Report returns the plan as the report's capacity section draws it.
func (res *Result) Report() *report.Capacity {
	o := res.Options
	c := &report.Capacity{Source: res.Source, Currency: o.Plan.Currency, HoursPerFTE: o.Plan.HoursPerFTE,
		SLA: report.SLAWords(o.Plan.SL.Goal, o.Plan.SL.Within), Target: res.Target, Runs: res.Runs, Lines: res.Lines, Steps: res.Steps, Notes: res.Notes}
	for _, h := range res.Plans() {
		p := report.CapacityPlan{Name: h.Name, Cost: h.Cost, Hires: h.Hires, OwnDemand: h == res.Volume}
		for _, k := range h.Classes {
			p.Classes = append(p.Classes, report.CapacityClass{Start: k.Start, Requisition: k.Requisition(o.Supply.LeadTime), Size: k.Size})
		}
		for _, m := range h.Months {
			p.Months = append(p.Months, report.CapacityMonth{Label: m.Label(), Start: m.Start, End: m.End, Required: m.FTE, OnStaff: m.OnStaff.Mean,
				Low: m.OnStaff.Low, High: m.OnStaff.High, Headcount: m.Headcount.Mean, Hires: m.Hires, Leavers: m.Leavers, Cost: m.Cost,
				PMeet: m.PMeet, Short: m.Short, Contacts: m.Contacts, AHTSeconds: m.AHT.Seconds(), Shrinkage: m.Shrinkage, Events: m.Events,
				ClassStart: m.ClassStart, Requisition: m.Requisition})
		}
		c.Plans = append(c.Plans, p)
	}
	return c
}
