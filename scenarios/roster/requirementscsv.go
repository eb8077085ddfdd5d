package roster

import (
	"fmt"
	"io"

	"github.com/gocarina/gocsv"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/internal/csvfield"
)

// RequirementRow is one row of requirements.csv (DESIGN.md, "Interval
// CSVs"), and one element of "staffsim requirements --format json": the
// struct tags are the column names and JSON keys, in DESIGN's order.
// AHTSeconds is nil (an empty cell, JSON null) for an interval without
// contacts, AbandonRate unless the model is Erlang A. Agents and
// ScheduledAgents are whole numbers when staffsim writes them; a
// requirements.csv from elsewhere may hold time-averaged fractions.
type RequirementRow struct {
	IntervalStart   csvfield.Time   `csv:"interval_start" json:"interval_start"`
	Arrivals        csvfield.Float  `csv:"arrivals" json:"arrivals"`                   // contacts in the interval
	AHTSeconds      *csvfield.Float `csv:"aht_seconds,omitempty" json:"aht_seconds"`   // seconds
	Traffic         csvfield.Float  `csv:"traffic_erlangs" json:"traffic_erlangs"`     // erlangs
	Agents          csvfield.Float  `csv:"agents" json:"agents"`                       // on the phones
	ScheduledAgents csvfield.Float  `csv:"scheduled_agents" json:"scheduled_agents"`   // Agents / (1 − shrinkage), rounded up
	ServiceLevel    csvfield.Float  `csv:"service_level" json:"service_level"`         // fraction
	ASASeconds      csvfield.Float  `csv:"asa_seconds" json:"asa_seconds"`             // seconds
	Occupancy       csvfield.Float  `csv:"occupancy" json:"occupancy"`                 // fraction
	AbandonRate     *csvfield.Float `csv:"abandon_rate,omitempty" json:"abandon_rate"` // fraction; Erlang A only
}

// RequirementRows returns the rows of requirements.csv for the
// requirements reqs of the intervals of s, computed with model m.
func RequirementRows(s *forecast.Series, reqs []erlang.Requirement, m erlang.Model) []RequirementRow {
	out := make([]RequirementRow, len(reqs))
	for i, r := range reqs {
		out[i] = RequirementRow{
			IntervalStart:   csvfield.At(s.Time(i)),
			Arrivals:        csvfield.Float(r.Arrivals),
			AHTSeconds:      csvfield.Opt(r.AHT, r.AHT > 0),
			Traffic:         csvfield.Float(r.Traffic),
			Agents:          csvfield.Float(r.Agents),
			ScheduledAgents: csvfield.Float(r.Scheduled),
			ServiceLevel:    csvfield.Float(r.ServiceLevel),
			ASASeconds:      csvfield.Float(r.ASA),
			Occupancy:       csvfield.Float(r.Occupancy),
			AbandonRate:     csvfield.Opt(r.Abandon, m == erlang.ModelA),
		}
	}
	return out
}

// WriteRequirementsCSV writes rows as requirements.csv: the header, then
// one row per interval, numbers at full precision, times in RFC 3339 with
// the desk's offset.
func WriteRequirementsCSV(w io.Writer, rows []RequirementRow) error {
	if err := gocsv.Marshal(rows, w); err != nil {
		return fmt.Errorf("write requirements CSV: %w", err)
	}
	return nil
}
