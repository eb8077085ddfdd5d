package report

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/gocarina/gocsv"

	"github.com/staffsim/staffsim/internal/csvfield"
)

// IntervalRow is one row of a simulation's intervals.csv (DESIGN.md,
// "Interval CSVs"), for one interval and queue; the struct tags are the
// columns, in order. Figures are means over the replications;
// service_level_low and _high bound its 95 % confidence interval. A metric
// that is undefined (no contact answered or abandoned, no agent available)
// is nil, an empty cell.
type IntervalRow struct {
	IntervalStart    csvfield.Time   `csv:"interval_start"` // desk's offset
	Queue            string          `csv:"queue"`
	Offered          *csvfield.Float `csv:"offered,omitempty"`            // contacts
	Answered         *csvfield.Float `csv:"answered,omitempty"`           // contacts
	Abandoned        *csvfield.Float `csv:"abandoned,omitempty"`          // contacts
	ServiceLevel     *csvfield.Float `csv:"service_level,omitempty"`      // fraction
	ServiceLevelLow  *csvfield.Float `csv:"service_level_low,omitempty"`  // fraction
	ServiceLevelHigh *csvfield.Float `csv:"service_level_high,omitempty"` // fraction
	ASASeconds       *csvfield.Float `csv:"asa_seconds,omitempty"`        // seconds
	AbandonRate      *csvfield.Float `csv:"abandon_rate,omitempty"`       // fraction
	Occupancy        *csvfield.Float `csv:"occupancy,omitempty"`          // fraction
	AgentsAvailable  *csvfield.Float `csv:"agents_available,omitempty"`   // agents, time-averaged
	Backlog          *csvfield.Float `csv:"backlog,omitempty"`            // contacts waiting at the interval's end
}

// IntervalRows returns the rows of the run's intervals.csv, interval by
// interval and, within one, queue by queue.
func IntervalRows(r *Run) []IntervalRow {
	var rows []IntervalRow
	for _, iv := range r.Intervals {
		for qi, q := range iv.Queues {
			sl := q.ServiceLevel
			rows = append(rows, IntervalRow{
				IntervalStart:    csvfield.At(iv.Start.In(r.loc())),
				Queue:            r.Summary.Queues[qi].Queue,
				Offered:          mean(q.Offered),
				Answered:         mean(q.Answered),
				Abandoned:        mean(q.Abandoned),
				ServiceLevel:     mean(sl),
				ServiceLevelLow:  csvfield.Opt(finite(sl.Low), sl.Defined()),
				ServiceLevelHigh: csvfield.Opt(finite(sl.High), sl.Defined()),
				ASASeconds:       mean(q.ASASeconds),
				AbandonRate:      mean(q.AbandonRate),
				Occupancy:        mean(q.Occupancy),
				AgentsAvailable:  mean(q.AgentsAvailable),
				Backlog:          mean(q.Backlog),
			})
		}
	}
	return rows
}

// WriteIntervalsCSV writes the run's IntervalRows as intervals.csv: means
// over the replications at full precision, RFC 3339 times with the desk's
// offset, and an empty cell where a metric is undefined.
func WriteIntervalsCSV(w io.Writer, r *Run) error {
	if err := gocsv.Marshal(IntervalRows(r), w); err != nil {
		return fmt.Errorf("write intervals CSV: %w", err)
	}
	return nil
}

// mean is the estimate's mean as a cell: empty when undefined.
func mean(e Estimate) *csvfield.Float { return csvfield.Opt(finite(e.Mean), e.Defined()) }

func (r *Run) loc() *time.Location {
	if r.Loc == nil {
		return time.UTC
	}
	return r.Loc
}

// WriteSummaryJSON writes the summary as indented JSON with snake_case keys.
func WriteSummaryJSON(w io.Writer, s *Summary) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}
