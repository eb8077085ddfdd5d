package roster

import (
	"image/color"
	"math"
	"time"

	"github.com/staffsim/staffsim/scenarios/report"
)

// CoverageChart draws the roster against the requirement per interval:
// required agents (dashed step line), staffed agents (on shift and not on
// a break; step line), overstaffing shaded green between them and
// understaffing shaded vermillion.
func CoverageChart(title string, p *Problem, r *Roster) report.TimeChart {
	n := len(p.Required)
	times := make([]time.Time, n)
	overLo, overHi := make([]float64, n), make([]float64, n)
	underLo, underHi := make([]float64, n), make([]float64, n)
	for i, need := range p.Required {
		times[i] = p.Time(i)
		s := r.Staffed[i]
		overLo[i], overHi[i] = need, math.Max(need, s)
		underLo[i], underHi[i] = math.Min(need, s), need
	}
	zero := 0.0
	return report.TimeChart{
		Title:  title,
		YLabel: "agents",
		Loc:    p.Start.Location(),
		YMin:   &zero,
		Bands: []report.Band{
			{Label: "overstaffed", Times: times, Low: overLo, High: overHi, Step: true, Last: p.Interval,
				Color: color.NRGBA{0, 158, 115, 90}},
			{Label: "understaffed", Times: times, Low: underLo, High: underHi, Step: true, Last: p.Interval,
				Color: color.NRGBA{213, 94, 0, 140}},
		},
		Lines: []report.Line{
			{Label: "required", Times: times, Values: append([]float64(nil), p.Required...), Step: true, Dashed: true,
				Last: p.Interval, Color: color.Black},
			{Label: "staffed", Times: times, Values: append([]float64(nil), r.Staffed...), Step: true, Last: p.Interval},
		},
	}
}
