package report

import (
	"fmt"
	"math"
	"slices"
)

// CompareRow is one ticket row of the compare page's side-by-side table:
// Label names the figure ("P2 resolution"), Detail its goal as the first
// run that has it states it; Cells has one entry per run.
type CompareRow struct {
	Label, Detail string
	Cells         []CompareCell
}

// CompareCell is one run's figure: Value with its 95 % confidence interval
// (CI, "" when there is none), the verdict (Status and its badge Class,
// "" for a figure with no goal) and Note, the run's own goal where it
// differs from the row's. Empty: the run has no such priority or tier.
type CompareCell struct {
	Empty                    bool
	Value, CI, Status, Class string
	Note                     string
}

// TicketCompareRows returns the ticket rows of a comparison of runs: per
// priority (in the order the runs first name them) response and
// resolution attainment against the goal and P(meet), then per tier its
// occupancy. Nil when no run is a ticket desk.
func TicketCompareRows(runs []*Run) []CompareRow {
	var prios, tiers []string
	for _, r := range runs {
		if r.Tickets == nil {
			continue
		}
		for _, p := range r.Tickets.Priorities {
			if !slices.Contains(prios, p.Name) {
				prios = append(prios, p.Name)
			}
		}
		for _, t := range r.Tickets.Tiers {
			if !slices.Contains(tiers, t.Name) {
				tiers = append(tiers, t.Name)
			}
		}
	}
	var rows []CompareRow
	for _, name := range prios {
		for _, kind := range []string{"response", "resolution"} {
			row := CompareRow{Label: name + " " + kind}
			var first *TicketTarget
			set := false
			for _, r := range runs {
				p := priorityIn(r, name)
				if p == nil {
					row.Cells = append(row.Cells, CompareCell{Empty: true})
					continue
				}
				t, s := p.Response, p.TicketFigures.Response
				if kind == "resolution" {
					t, s = p.Resolution, p.TicketFigures.Resolution
				}
				v := newTargetStatus(t, s)
				c := CompareCell{Value: "–", Status: v.Status, Class: v.Class, CI: ciWords(s.Attainment)}
				if s.Attainment.Defined() {
					c.Value = pct(s.Attainment.Mean)
				}
				switch {
				case !t.Set():
					c.Note = "no target"
				case first == nil:
					first = &t
					row.Detail = "goal " + goalText(t)
				case first.Target != t.Target || first.Goal != t.Goal || first.Business != t.Business || first.Hours != t.Hours:
					c.Note = "goal " + goalText(t)
				}
				set = set || t.Set()
				row.Cells = append(row.Cells, c)
			}
			if set {
				rows = append(rows, row)
			}
		}
		row := CompareRow{Label: name + " P(meet)", Detail: "runs in which every goal of " + name + " was met"}
		for _, r := range runs {
			p := priorityIn(r, name)
			if p == nil {
				row.Cells = append(row.Cells, CompareCell{Empty: true})
				continue
			}
			c := CompareCell{Value: fmt.Sprintf("%.0f%%", 100*finite(p.PMeet))}
			if n := r.Tickets.Replications; n > 0 {
				c.CI = fmt.Sprintf("%d of %d runs", int(math.Round(finite(p.PMeet)*float64(n))), n)
			}
			row.Cells = append(row.Cells, c)
		}
		rows = append(rows, row)
	}
	for _, name := range tiers {
		row := CompareRow{Label: name + " occupancy", Detail: "busy ÷ available time of its analysts"}
		for _, r := range runs {
			t := tierIn(r, name)
			if t == nil {
				row.Cells = append(row.Cells, CompareCell{Empty: true})
				continue
			}
			c := CompareCell{Value: "–", CI: ciWords(t.Occupancy)}
			if t.Occupancy.Defined() {
				c.Value = pct(t.Occupancy.Mean)
			}
			if t.AgentsAvailable.Defined() {
				c.Note = thousands(t.AgentsAvailable.Mean, 1) + " available on average"
			}
			row.Cells = append(row.Cells, c)
		}
		rows = append(rows, row)
	}
	return rows
}

// goalText writes a target for the compare page: "90% in 8 h, business
// hours".
func goalText(t TicketTarget) string {
	s := GoalShort(t)
	if t.Business {
		return s + ", business hours"
	}
	return s + ", 24×7"
}

func priorityIn(r *Run, name string) *TicketPriority {
	if r.Tickets == nil {
		return nil
	}
	for i := range r.Tickets.Priorities {
		if r.Tickets.Priorities[i].Name == name {
			return &r.Tickets.Priorities[i]
		}
	}
	return nil
}

func tierIn(r *Run, name string) *TicketTier {
	if r.Tickets == nil {
		return nil
	}
	for i := range r.Tickets.Tiers {
		if r.Tickets.Tiers[i].Name == name {
			return &r.Tickets.Tiers[i]
		}
	}
	return nil
}
