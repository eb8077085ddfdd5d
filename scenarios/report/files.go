package report

import (
	"bytes"
	"encoding/csv"
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
// interval and, within one, queue by queue, then — with two or more
// queues — the desk's row (queue "total"; see Interval.Total).
func IntervalRows(r *Run) []IntervalRow {
	var rows []IntervalRow
	for _, iv := range r.Intervals {
		at := csvfield.At(iv.Start.In(r.loc()))
		for qi, q := range iv.Queues {
			rows = append(rows, intervalRow(at, r.Summary.Queues[qi].Queue, &q))
		}
		if len(iv.Queues) > 1 {
			rows = append(rows, intervalRow(at, TotalQueue, &iv.Total))
		}
	}
	return rows
}

func intervalRow(at csvfield.Time, queue string, q *QueueInterval) IntervalRow {
	sl := q.ServiceLevel
	return IntervalRow{
		IntervalStart:    at,
		Queue:            queue,
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
	}
}

// WriteIntervalsCSV writes the run's IntervalRows as intervals.csv: means
// over the replications at full precision, RFC 3339 times with the desk's
// offset, and an empty cell where a metric is undefined. With more than
// one SLA target (Run.Targets), each row goes on with the service level
// within each target and its 95 % interval (TargetColumn, "_low",
// "_high"), in the order of Run.Targets.
func WriteIntervalsCSV(w io.Writer, r *Run) error {
	rows := IntervalRows(r)
	if len(r.Targets) <= 1 {
		if err := gocsv.Marshal(rows, w); err != nil {
			return fmt.Errorf("write intervals CSV: %w", err)
		}
		return nil
	}
	// The columns depend on the targets: the record's cells, then the
	// targets', row by row.
	var base bytes.Buffer
	if err := gocsv.Marshal(rows, &base); err != nil {
		return fmt.Errorf("write intervals CSV: %w", err)
	}
	recs, err := csv.NewReader(&base).ReadAll()
	if err != nil {
		return fmt.Errorf("write intervals CSV: %w", err)
	}
	for _, d := range r.Targets {
		c := TargetColumn(d)
		recs[0] = append(recs[0], c, c+"_low", c+"_high")
	}
	i := 1
	cell := func(x float64, ok bool) string {
		if !ok {
			return ""
		}
		return string(csvfield.AppendFloat(nil, finite(x)))
	}
	add := func(q *QueueInterval) {
		for k := range r.Targets {
			var e Estimate
			if k < len(q.Levels) {
				e = q.Levels[k]
			}
			recs[i] = append(recs[i], cell(e.Mean, e.Defined()), cell(e.Low, e.Defined()), cell(e.High, e.Defined()))
		}
		i++
	}
	for _, iv := range r.Intervals {
		for qi := range iv.Queues {
			add(&iv.Queues[qi])
		}
		if len(iv.Queues) > 1 {
			add(&iv.Total)
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(recs); err != nil {
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
