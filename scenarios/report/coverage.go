package report

import (
	"fmt"
	"image/color"
	"math"
	"time"
)

// CoverageData is what a roster coverage chart shows: for each interval
// i, starting at Start + i·Interval (shown in Start's location, the desk's
// time zone), the agents Required and the agents Staffed (on shift and not
// on a break).
type CoverageData struct {
	Start    time.Time
	Interval time.Duration
	Required []float64
	Staffed  []float64
}

// CoverageChart draws a roster against the requirement per interval:
// required agents (dashed step line), staffed agents (step line),
// overstaffing shaded green between them and understaffing shaded
// vermillion. It lives here rather than in scenarios/roster so that the
// roster optimiser does not pull in plotting.
func CoverageChart(title string, d CoverageData) (TimeChart, error) {
	n := len(d.Required)
	if len(d.Staffed) != n {
		return TimeChart{}, fmt.Errorf("coverage chart: %d required, %d staffed intervals", n, len(d.Staffed))
	}
	if d.Interval <= 0 {
		return TimeChart{}, fmt.Errorf("coverage chart: interval %v must be positive", d.Interval)
	}
	times := make([]time.Time, n)
	overLo, overHi := make([]float64, n), make([]float64, n)
	underLo, underHi := make([]float64, n), make([]float64, n)
	for i, need := range d.Required {
		times[i] = d.Start.Add(time.Duration(i) * d.Interval)
		s := d.Staffed[i]
		overLo[i], overHi[i] = need, math.Max(need, s)
		underLo[i], underHi[i] = math.Min(need, s), need
	}
	zero := 0.0
	return TimeChart{
		Title:   title,
		YLabel:  "agents",
		Loc:     d.Start.Location(),
		YMin:    &zero,
		Integer: true,
		Bands: []Band{
			{Label: "overstaffed", Times: times, Low: overLo, High: overHi, Step: true, Last: d.Interval,
				Color: color.NRGBA{0, 158, 115, 90}},
			{Label: "understaffed", Times: times, Low: underLo, High: underHi, Step: true, Last: d.Interval,
				Color: color.NRGBA{213, 94, 0, 140}},
		},
		Lines: []Line{
			{Label: "required", Times: times, Values: append([]float64(nil), d.Required...), Step: true, Dashed: true,
				Last: d.Interval, Color: color.Black},
			{Label: "staffed", Times: times, Values: append([]float64(nil), d.Staffed...), Step: true, Last: d.Interval},
		},
	}, nil
}
