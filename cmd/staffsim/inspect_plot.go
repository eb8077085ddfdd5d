package main

import (
	"fmt"
	"io"
	"math"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/scenarios/report"
)

// writeHeatMap writes the weekday × hour means of a summary as a PNG heat
// map (PNG or SVG by the file's extension), atomically.
func writeHeatMap(path string, sum *history.Summary) error {
	unit := "tickets"
	if sum.Report.Shape == "volumes" {
		unit = "arrivals"
	}
	h := report.HeatMap{
		Title:  fmt.Sprintf("Mean %s per hour — %s to %s", unit, sum.Report.First.Format("2006-01-02"), sum.Report.Last.Format("2006-01-02")),
		XLabel: fmt.Sprintf("hour of day (%s)", sum.Report.Location),
	}
	peak := 0.0
	for _, d := range sum.ByWeekdayHour {
		h.Rows = append(h.Rows, fmt.Sprintf("%s (%d)", d.Weekday[:3], d.Days))
		row := make([]float64, 24)
		for i, v := range d.Mean {
			row[i] = v
			if d.Days == 0 {
				row[i] = math.NaN() // no such weekday in the range
			}
			peak = max(peak, v)
		}
		h.Values = append(h.Values, row)
	}
	for i := range 24 {
		h.Cols = append(h.Cols, fmt.Sprintf("%02d", i))
	}
	if peak < 10 {
		h.Precision = 1
	}
	p, err := h.Plot()
	if err != nil {
		return err
	}
	format, err := report.FormatOf(path)
	if err != nil {
		return usagef("--plot: %v", err)
	}
	return atomicdir.WriteFile(path, func(w io.Writer) error { return report.Save(p, w, format, 0, 0) })
}
