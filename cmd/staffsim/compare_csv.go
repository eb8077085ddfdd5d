package main

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/scenarios/report"
)

// writeCompareCSV writes the side-by-side table as CSV for machines. Its
// columns depend on the scenarios compared, so it is written row by row
// with encoding/csv rather than as a gocsv record. A row
// per metric (keys as in summary.json; queue is empty for desk-wide
// figures), and per scenario three columns, its name (the mean) and
// "<name> low", "<name> high" (the 95 % confidence interval), at full
// precision. Undefined figures (no contact, no cost given) are empty
// cells; yes/no rows (all_slas_met, sla_met, cheapest) are true/false with
// empty low and high.
//
// Ticket desks add rows whose queue column names a priority (metrics
// response_attainment, resolution_attainment, backlog, sla_met_share) or a
// tier (tier_occupancy, tier_wait_hours); outs, when not nil, are the
// outcomes of runs, for them.
func writeCompareCSV(w io.Writer, runs []*report.Run, names []string, best int, outs []*scenarios.Outcome) error {
	cw := csv.NewWriter(w)
	head := []string{"metric", "queue"}
	for _, n := range names {
		head = append(head, n, n+" low", n+" high")
	}
	cw.Write(head)
	num := formatFloat // csvfield.Float's rule
	est := func(metric, queue string, f func(r *report.Run) (report.Estimate, bool)) {
		row := []string{metric, queue}
		for _, r := range runs {
			e, ok := f(r)
			if !ok || !e.Defined() {
				row = append(row, "", "", "")
				continue
			}
			row = append(row, num(e.Mean), num(e.Low), num(e.High))
		}
		cw.Write(row)
	}
	flag := func(metric, queue string, f func(i int, r *report.Run) (bool, bool)) {
		row := []string{metric, queue}
		for i, r := range runs {
			v, ok := f(i, r)
			if !ok {
				row = append(row, "", "", "")
				continue
			}
			row = append(row, strconv.FormatBool(v), "", "")
		}
		cw.Write(row)
	}
	flag("all_slas_met", "", func(_ int, r *report.Run) (bool, bool) { return r.Summary.AllSLAsMet, true })
	flag("cheapest", "", func(i int, _ *report.Run) (bool, bool) { return i == best, true })
	for _, q := range runs[0].Summary.Queues {
		get := func(r *report.Run) *report.QueueSummary {
			for i := range r.Summary.Queues {
				if r.Summary.Queues[i].Queue == q.Queue {
					return &r.Summary.Queues[i]
				}
			}
			return nil
		}
		queue := func(f func(x *report.QueueSummary) report.Estimate) func(r *report.Run) (report.Estimate, bool) {
			return func(r *report.Run) (report.Estimate, bool) {
				if x := get(r); x != nil {
					return f(x), true
				}
				return report.Estimate{}, false
			}
		}
		flag("sla_met", q.Queue, func(_ int, r *report.Run) (bool, bool) {
			if x := get(r); x != nil {
				return x.SLAMet, true
			}
			return false, false
		})
		est("service_level", q.Queue, queue(func(x *report.QueueSummary) report.Estimate { return x.ServiceLevel }))
		if len(q.ServiceLevels) > 1 {
			for _, l := range q.ServiceLevels {
				est(report.TargetColumn(time.Duration(l.TargetSeconds*float64(time.Second))), q.Queue,
					queue(func(x *report.QueueSummary) report.Estimate { return targetLevel(x.ServiceLevels, l.TargetSeconds) }))
			}
		}
		est("asa_seconds", q.Queue, queue(func(x *report.QueueSummary) report.Estimate { return x.ASASeconds }))
		est("abandon_rate", q.Queue, queue(func(x *report.QueueSummary) report.Estimate { return x.AbandonRate }))
	}
	compareTicketCSVRows(outs, func(metric, name string, f func(i int) (report.Estimate, bool)) {
		est(metric, name, func(r *report.Run) (report.Estimate, bool) { return f(indexOf(runs, r)) })
	})
	desk := func(f func(s *report.Summary) report.Estimate) func(r *report.Run) (report.Estimate, bool) {
		return func(r *report.Run) (report.Estimate, bool) { return f(&r.Summary), true }
	}
	est("service_level", "", desk(func(s *report.Summary) report.Estimate { return s.ServiceLevel }))
	est("asa_seconds", "", desk(func(s *report.Summary) report.Estimate { return s.ASASeconds }))
	est("abandon_rate", "", desk(func(s *report.Summary) report.Estimate { return s.AbandonRate }))
	est("occupancy", "", desk(func(s *report.Summary) report.Estimate { return s.Occupancy }))
	est("paid_hours", "", desk(func(s *report.Summary) report.Estimate { return s.PaidHours }))
	est("overtime_hours", "", desk(func(s *report.Summary) report.Estimate { return s.OvertimeHours }))
	est("cost", "", desk(func(s *report.Summary) report.Estimate { return s.Cost }))
	est("cost_per_contact", "", desk(func(s *report.Summary) report.Estimate { return s.CostPerContact }))
	if slices.ContainsFunc(runs, func(r *report.Run) bool { return r.Summary.CostPerTicket != nil }) {
		est("cost_per_ticket", "", func(r *report.Run) (report.Estimate, bool) {
			if r.Summary.CostPerTicket == nil {
				return report.Estimate{}, false
			}
			return *r.Summary.CostPerTicket, true
		})
	}
	cw.Flush()
	return cw.Error()
}
