package forecast

import (
	"fmt"
	"io"
	"math"

	"github.com/gocarina/gocsv"

	"github.com/staffsim/staffsim/internal/csvfield"
)

// Row is one row of forecast.csv (DESIGN.md, "Interval CSVs"); the struct
// tags are its columns, in order. Lower and Upper bound the prediction
// interval at the forecast's Level. Lower, Upper and AHTSeconds are nil
// (an empty cell) where they are unknown, never NaN.
type Row struct {
	IntervalStart csvfield.Time   `csv:"interval_start"`
	Arrivals      csvfield.Float  `csv:"arrivals"`              // contacts in the interval
	Lower         *csvfield.Float `csv:"lower,omitempty"`       // contacts
	Upper         *csvfield.Float `csv:"upper,omitempty"`       // contacts
	AHTSeconds    *csvfield.Float `csv:"aht_seconds,omitempty"` // seconds
}

// Rows returns the forecast as the rows of forecast.csv, interval_start
// in the desk's location.
func (f *Forecast) Rows() []Row {
	known := func(v float64) *csvfield.Float { return csvfield.Opt(v, !math.IsNaN(v) && !math.IsInf(v, 0)) }
	rows := make([]Row, len(f.Arrivals))
	for i := range f.Arrivals {
		rows[i] = Row{IntervalStart: csvfield.At(f.Time(i)), Arrivals: csvfield.Float(f.Arrivals[i]),
			Lower: known(f.Lower[i]), Upper: known(f.Upper[i])}
		if f.AHTSeconds != nil {
			rows[i].AHTSeconds = known(f.AHTSeconds[i])
		}
	}
	return rows
}

// WriteCSV writes the forecast as forecast.csv: one Row per interval,
// interval_start in RFC 3339 with the desk's offset, numbers at full
// precision, aht_seconds empty when the AHT is unknown.
func (f *Forecast) WriteCSV(w io.Writer) error {
	if err := gocsv.Marshal(f.Rows(), w); err != nil {
		return fmt.Errorf("write forecast CSV: %w", err)
	}
	return nil
}

// VolumeRow is one row of an interval-volumes history (DESIGN.md, "History
// input", the volumes shape) as staffsim writes it: the struct tags are
// its columns, in order. AHTSeconds is nil (an empty cell) for an interval
// with no handled contact.
type VolumeRow struct {
	IntervalStart csvfield.Time   `csv:"interval_start"`
	Arrivals      csvfield.Float  `csv:"arrivals"`              // contacts in the interval
	AHTSeconds    *csvfield.Float `csv:"aht_seconds,omitempty"` // seconds
}

// VolumeRows returns the series as the rows of a volumes history,
// interval_start in the series' location.
func (s *Series) VolumeRows() []VolumeRow {
	rows := make([]VolumeRow, s.Len())
	for i := range rows {
		aht, ok := s.AHT(i)
		rows[i] = VolumeRow{IntervalStart: csvfield.At(s.Time(i)), Arrivals: csvfield.Float(s.Arrivals[i]), AHTSeconds: csvfield.Opt(aht, ok)}
	}
	return rows
}
