package forecast

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"
)

// CSVHeader is the header of forecast.csv (DESIGN.md, "Interval CSVs").
var CSVHeader = []string{"interval_start", "arrivals", "lower", "upper", "aht_seconds"}

// WriteCSV writes the forecast as forecast.csv: one row per interval,
// interval_start in RFC 3339 with the desk's offset, numbers at full
// precision, aht_seconds empty when the AHT is unknown.
func (f *Forecast) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	row := make([]string, len(CSVHeader))
	for i := range f.Arrivals {
		row[0] = f.Time(i).Format(time.RFC3339)
		row[1] = num(f.Arrivals[i])
		row[2] = num(f.Lower[i])
		row[3] = num(f.Upper[i])
		row[4] = ""
		if f.AHTSeconds != nil && !math.IsNaN(f.AHTSeconds[i]) {
			row[4] = num(f.AHTSeconds[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write forecast CSV: %w", err)
	}
	return nil
}

// num formats v with the fewest digits that read back exactly.
func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
