package report

import (
	"fmt"
	"io"

	"github.com/gocarina/gocsv"

	"github.com/staffsim/staffsim/internal/csvfield"
)

// HeadcountRow is one row of a plan's headcount.csv: one volume case at
// one headcount; the struct tags are the columns, in order. Service level
// (with its 95 % confidence interval), ASA and abandon rate are nil (empty
// cells) where undefined (no contacts). Recommended marks the smallest
// headcount of the case that meets the SLA with the plan's confidence.
type HeadcountRow struct {
	Case             string          `csv:"case"`
	Agents           int             `csv:"agents"`
	FTE              csvfield.Float  `csv:"fte"`
	PaidHoursPerWeek csvfield.Float  `csv:"paid_hours_per_week"`
	CostPerWeek      csvfield.Float  `csv:"cost_per_week"`
	CostPerYear      csvfield.Float  `csv:"cost_per_year"`
	ServiceLevel     *csvfield.Float `csv:"service_level,omitempty"`
	ServiceLevelLow  *csvfield.Float `csv:"service_level_low,omitempty"`
	ServiceLevelHigh *csvfield.Float `csv:"service_level_high,omitempty"`
	ASASeconds       *csvfield.Float `csv:"asa_seconds,omitempty"`
	AbandonRate      *csvfield.Float `csv:"abandon_rate,omitempty"`
	PMeet            csvfield.Float  `csv:"p_meet"` // share of simulated weeks meeting the SLA
	Recommended      bool            `csv:"recommended"`
}

// HeadcountRows returns the rows of the plan's headcount.csv, case by
// case and headcount by headcount.
func HeadcountRows(p *Plan) []HeadcountRow {
	var rows []HeadcountRow
	for _, c := range p.Cases {
		for i, pt := range c.Points {
			sl := pt.ServiceLevel
			rows = append(rows, HeadcountRow{
				Case: c.Name, Agents: pt.Agents, FTE: csvfield.Float(pt.FTE),
				PaidHoursPerWeek: csvfield.Float(pt.PaidHoursPerWeek),
				CostPerWeek:      csvfield.Float(pt.CostPerWeek), CostPerYear: csvfield.Float(pt.CostPerYear),
				ServiceLevel:     csvfield.Opt(sl.Mean, sl.Defined()),
				ServiceLevelLow:  csvfield.Opt(sl.Low, sl.Defined()),
				ServiceLevelHigh: csvfield.Opt(sl.High, sl.Defined()),
				ASASeconds:       csvfield.Opt(pt.ASASeconds.Mean, pt.ASASeconds.Defined()),
				AbandonRate:      csvfield.Opt(pt.AbandonRate.Mean, pt.AbandonRate.Defined()),
				PMeet:            csvfield.Float(pt.PMeet),
				Recommended:      i == c.Smallest,
			})
		}
	}
	return rows
}

// WriteHeadcountCSV writes the plan's HeadcountRows as headcount.csv, at
// full precision.
func WriteHeadcountCSV(w io.Writer, p *Plan) error {
	if err := gocsv.Marshal(HeadcountRows(p), w); err != nil {
		return fmt.Errorf("write headcount CSV: %w", err)
	}
	return nil
}
