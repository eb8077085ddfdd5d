package report

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// Capacity is the long-range capacity plan of `staffsim capacity`, as
// plain data: what the report's capacity section, its charts and the
// sentences for leadership need.
type Capacity struct {
	Source      string
	Currency    string
	HoursPerFTE float64
	// SLA is the service level written for people ("80% in 20s");
	// Target the probability of enough staff each month must reach.
	SLA    string
	Target float64
	Runs   int // simulated attrition paths behind each probability
	// Plans are the hiring plans shown, the recommended one first, then
	// "no hiring" and any what-if (today's hiring plan, +10 % volume).
	Plans []CapacityPlan
	// Lines are the sentences for leadership; Steps say how the plan was
	// made; Notes what the user should know.
	Lines, Steps, Notes []string
	// Charts are shown in the section (CapacityCharts).
	Charts []Chart
}

// CapacityPlan is one hiring plan month by month.
type CapacityPlan struct {
	Name    string
	Classes []CapacityClass
	Months  []CapacityMonth
	Cost    float64
	Hires   int
	// OwnDemand marks a plan for another volume (the +10 % case): its
	// months have their own requirement, so the supply chart leaves it
	// out.
	OwnDemand bool
}

// CapacityClass is one hiring class.
type CapacityClass struct {
	Start       time.Time
	Requisition time.Time
	Size        int
}

// CapacityMonth is one month of a plan: FTE are productive FTE (new
// hires at their ramp-up, trainees at 0).
type CapacityMonth struct {
	Label       string
	Start, End  time.Time
	Required    float64 // FTE the month's roster needs
	OnStaff     float64 // mean productive FTE on staff
	Low, High   float64 // its 10th and 90th percentiles
	Headcount   float64 // mean people at the month's end
	Hires       int
	Leavers     float64
	Cost        float64
	PMeet       float64
	Short       float64 // FTE short at the target confidence
	Contacts    float64
	AHTSeconds  float64
	Shrinkage   float64
	Events      []string
	ClassStart  time.Time
	Requisition time.Time
}

// monthTimes returns the months' starts and the last one's length.
func monthTimes(ms []CapacityMonth) ([]time.Time, time.Duration) {
	ts := make([]time.Time, len(ms))
	for i, m := range ms {
		ts[i] = m.Start
	}
	return ts, ms[len(ms)-1].End.Sub(ms[len(ms)-1].Start)
}

// CapacityCharts returns the capacity section's charts: supply against
// demand with the 80 % bands of the recommended and the no-hiring plans,
// the probability of enough staff by month, and the hiring classes with
// the expected leavers.
func CapacityCharts(c *Capacity) ([]Chart, error) {
	if len(c.Plans) == 0 || len(c.Plans[0].Months) == 0 {
		return nil, nil
	}
	rec := c.Plans[0]
	ts, last := monthTimes(rec.Months)
	loc := ts[0].Location()
	series := func(p CapacityPlan, f func(CapacityMonth) float64) []float64 {
		out := make([]float64, len(p.Months))
		for i, m := range p.Months {
			out[i] = f(m)
		}
		return out
	}
	var out []Chart
	// Supply vs demand.
	sd := TimeChart{Title: "Productive FTE on staff against the FTE required", YLabel: fmt.Sprintf("FTE (paid hours a week ÷ %g h)", c.HoursPerFTE), Loc: loc}
	sd.Lines = append(sd.Lines, Line{Label: "required", Times: ts, Values: series(rec, func(m CapacityMonth) float64 { return m.Required }), Step: true, Last: last, Color: color.Black, Width: vg.Points(2)})
	bandColors := []color.Color{color.NRGBA{0, 114, 178, 60}, color.NRGBA{213, 94, 0, 45}, color.NRGBA{0, 158, 115, 45}, color.NRGBA{204, 121, 167, 45}}
	for i, p := range c.Plans {
		if i >= len(bandColors) || p.OwnDemand {
			continue
		}
		sd.Bands = append(sd.Bands, Band{Label: p.Name + " (80% band)", Times: ts, Low: series(p, func(m CapacityMonth) float64 { return m.Low }),
			High: series(p, func(m CapacityMonth) float64 { return m.High }), Color: bandColors[i], Step: true, Last: last})
		sd.Lines = append(sd.Lines, Line{Label: p.Name + ": mean", Times: ts, Values: series(p, func(m CapacityMonth) float64 { return m.OnStaff }),
			Step: true, Last: last, Color: Palette[i%len(Palette)], Dashed: i > 0})
	}
	zero, top := 0.0, 0.0
	for _, p := range c.Plans {
		for _, m := range p.Months {
			top = math.Max(top, math.Max(m.High, m.Required))
		}
	}
	top *= 1.3 // room for the legend
	sd.YMin, sd.YMax = &zero, &top
	p, err := sd.Plot()
	if err != nil {
		return nil, err
	}
	out = append(out, Chart{Name: "capacity-supply", Title: "Supply against demand", plot: p,
		Explain: fmt.Sprintf("Each month's required FTE (the roster of its typical week, checked in simulation) against the productive FTE on staff at the month's end — new hires at their ramp-up, trainees not counted — as the mean and the band 80%% of %d simulated attrition paths fall in; %s and without any hiring.", c.Runs, rec.Name)})
	// P(enough staff).
	pm := TimeChart{Title: "Probability of enough staff for " + c.SLA, YLabel: "share of simulated attrition paths", Loc: loc, Percent: true,
		HLines: []HLine{{Label: fmt.Sprintf("target %s", pct(c.Target)), Y: c.Target}}}
	for i, p := range c.Plans {
		pm.Lines = append(pm.Lines, Line{Label: p.Name, Times: ts, Values: series(p, func(m CapacityMonth) float64 { return m.PMeet }), Step: true, Last: last,
			Color: Palette[i%len(Palette)], Dashed: i > 0})
	}
	lo, hi := 0.0, 1.35 // room above 100% for the legend
	pm.YMin, pm.YMax = &lo, &hi
	if p, err = pm.Plot(); err != nil {
		return nil, err
	}
	var ticks plot.ConstantTicks // none above 100%
	for v := 0; v <= 100; v += 20 {
		ticks = append(ticks, plot.Tick{Value: float64(v) / 100, Label: fmt.Sprintf("%d%%", v)})
	}
	p.Y.Tick.Marker = ticks
	out = append(out, Chart{Name: "capacity-probability", Title: "Probability of enough staff by month", plot: p,
		Explain: fmt.Sprintf("The share of simulated attrition paths whose productive FTE (with the overtime allowed) reaches the month's requirement; the hiring plan keeps every month it can at or above the %s line.", pct(c.Target))})
	// Hiring classes and leavers.
	hp, err := hiringPlot(c, rec)
	if err != nil {
		return nil, err
	}
	out = append(out, Chart{Name: "capacity-hiring", Title: "Hiring classes and leavers", plot: hp,
		Explain: fmt.Sprintf("People starting training each month in the recommended plan (%d hires in %d classes; requisitions open the lead time before) against the people expected to leave; the classes replace the leavers and cover growth and seasonal peaks.", rec.Hires, len(rec.Classes))})
	return out, nil
}

// hiringPlot draws the hires and the expected leavers of each month as
// bars side by side.
func hiringPlot(c *Capacity, p CapacityPlan) (*plot.Plot, error) {
	pl := newPlot("Hiring classes and expected leavers by month", "", "people")
	hires, leavers := make(plotter.Values, len(p.Months)), make(plotter.Values, len(p.Months))
	names := make([]string, len(p.Months))
	for i, m := range p.Months {
		hires[i], leavers[i] = float64(m.Hires), m.Leavers
		names[i] = m.Start.Format("Jan 06")
	}
	w := vg.Points(9)
	hb, err := plotter.NewBarChart(hires, w)
	if err != nil {
		return nil, err
	}
	hb.Color, hb.LineStyle.Width, hb.Offset = Palette[0], 0, -w/2
	lb, err := plotter.NewBarChart(leavers, w)
	if err != nil {
		return nil, err
	}
	lb.Color, lb.LineStyle.Width, lb.Offset = Palette[1], 0, w/2
	pl.Add(hb, lb)
	pl.Legend.Add("hires starting training", hb)
	pl.Legend.Add("expected leavers", lb)
	pl.Legend.Top = true
	pl.NominalX(names...)
	top := 1.0
	for _, m := range p.Months {
		top = math.Max(top, math.Max(float64(m.Hires), m.Leavers))
	}
	pl.Y.Min, pl.Y.Max = 0, top*1.3 // room for the legend
	return pl, nil
}

// Met reports whether every month reaches the target probability.
func (p CapacityPlan) Met(target float64) bool {
	for _, m := range p.Months {
		if m.PMeet < target {
			return false
		}
	}
	return true
}

// Misses writes the months below the target for a card: "every month at
// 90% or more", or "below 90% in 5 months, from Jul 2027".
func (p CapacityPlan) Misses(target float64) string {
	n, first := 0, ""
	for _, m := range p.Months {
		if m.PMeet < target {
			if n == 0 {
				first = m.Label
			}
			n++
		}
	}
	switch n {
	case 0:
		return fmt.Sprintf("every month at %s or more", pct(target))
	case 1:
		return fmt.Sprintf("below %s in %s", pct(target), first)
	}
	return fmt.Sprintf("below %s in %d months, from %s", pct(target), n, first)
}

var capacityFuncs = map[string]any{
	"capDay":    func(t time.Time) string { return t.Format("Mon 2 Jan 2006") },
	"capMet":    func(p CapacityPlan, target float64) bool { return p.Met(target) },
	"capMisses": func(p CapacityPlan, target float64) string { return p.Misses(target) },
	"capMoney":  func(c *Capacity, x float64) string { return Money(c.Currency, x) },
}

func init() {
	for k, v := range capacityFuncs {
		funcs[k] = v
	}
}
