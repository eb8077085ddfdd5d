package report

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"time"
)

// IntervalColumns are the columns of a simulation's intervals.csv, as
// DESIGN fixes them.
var IntervalColumns = []string{
	"interval_start", "queue", "offered", "answered", "abandoned",
	"service_level", "service_level_low", "service_level_high",
	"asa_seconds", "abandon_rate", "occupancy", "agents_available", "backlog",
}

// WriteIntervalsCSV writes one row per interval and queue: means over the
// replications at full precision, RFC 3339 times with the desk's offset,
// and an empty cell where a metric is undefined (no contact answered or
// abandoned, no agent available).
func WriteIntervalsCSV(w io.Writer, r *Run) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(IntervalColumns); err != nil {
		return err
	}
	row := make([]string, len(IntervalColumns))
	for _, iv := range r.Intervals {
		for qi, q := range iv.Queues {
			row[0] = iv.Start.In(r.loc()).Format(time.RFC3339)
			row[1] = r.Summary.Queues[qi].Queue
			row[2] = cell(q.Offered, false)
			row[3] = cell(q.Answered, false)
			row[4] = cell(q.Abandoned, false)
			row[5] = cell(q.ServiceLevel, false)
			row[6] = bound(q.ServiceLevel, false)
			row[7] = bound(q.ServiceLevel, true)
			row[8] = cell(q.ASASeconds, false)
			row[9] = cell(q.AbandonRate, false)
			row[10] = cell(q.Occupancy, false)
			row[11] = cell(q.AgentsAvailable, false)
			row[12] = cell(q.Backlog, false)
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func (r *Run) loc() *time.Location {
	if r.Loc == nil {
		return time.UTC
	}
	return r.Loc
}

func num(x float64) string { return strconv.FormatFloat(finite(x), 'g', -1, 64) }

func cell(e Estimate, _ bool) string {
	if !e.Defined() {
		return ""
	}
	return num(e.Mean)
}

func bound(e Estimate, high bool) string {
	if !e.Defined() {
		return ""
	}
	if high {
		return num(e.High)
	}
	return num(e.Low)
}

// WriteSummaryJSON writes the summary as indented JSON with snake_case keys.
func WriteSummaryJSON(w io.Writer, s *Summary) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}
