package report

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// TicketPlan heads the page of a ticket-desk plan (ticketplan.html.tmpl):
// the recommendation in words, the analysts per tier, each priority's
// targets and P(meet), the headcount case, the assumptions and the steps.
// scenarios/ticketplan fills it.
type TicketPlan struct {
	Source string
	// Met says whether every priority reached Confidence at the
	// recommendation.
	Met          bool
	Lines        []string
	Confidence   float64
	Replications int
	Currency     string
	HoursPerFTE  float64
	Tiers        []TicketPlanTier
	Priorities   []TicketPlanPriority
	Cases        []TicketPlanCase
	Assumptions  []string
	Steps        []string
}

// TicketPlanTier is one tier of the recommendation.
type TicketPlanTier struct {
	Name                         string
	Analysts, StartAnalysts      int
	FTE, PaidHours, CostPerYear  float64
	Occupancy, WaitHours, Shifts float64
}

// TicketPlanPriority is a priority's targets in words and its P(meet) at
// the recommendation.
type TicketPlanPriority struct {
	Name, Response, Resolution string // "95% responded within 15 minutes"; "" when none
	Share, PMeet               float64
}

// TicketPlanCase is the recommendation scaled or under more volume.
type TicketPlanCase struct {
	Name             string
	Analysts         int
	PerTier          string // "L1 20 · L2 22"
	FTE, CostPerYear float64
	Volume           float64
	PMeet            []float64 // per priority
	Met, Recommended bool
}

// TicketPlanChart draws P(meet) of each priority against FTE over the
// headcount case at forecast volume, with the confidence asked for and the
// recommendation marked.
func TicketPlanChart(tp *TicketPlan) (Chart, error) {
	pl := newPlot("Probability of meeting every goal, by headcount",
		fmt.Sprintf("analysts, FTE (paid hours a week ÷ %g h)", tp.HoursPerFTE), "share of simulated runs meeting every goal")
	pl.Y.Tick.Marker = percentTicks{}
	var xs []float64
	var cases []TicketPlanCase
	for _, c := range tp.Cases {
		if c.Volume == 1 {
			cases = append(cases, c)
			xs = append(xs, c.FTE)
		}
	}
	if len(cases) == 0 {
		return Chart{}, fmt.Errorf("ticket plan chart: no case at forecast volume")
	}
	for p, pr := range tp.Priorities {
		col := Palette[p%len(Palette)]
		var xy plotter.XYs
		for _, c := range cases {
			xy = append(xy, plotter.XY{X: c.FTE, Y: finite(c.PMeet[p])})
		}
		line, pts, err := plotter.NewLinePoints(xy)
		if err != nil {
			return Chart{}, err
		}
		line.Color, line.Width = col, vg.Points(1.8)
		if p > 0 {
			line.Dashes = []vg.Length{vg.Points(float64(3 + 2*p)), vg.Points(3)}
		}
		pts.Color, pts.Radius, pts.Shape = col, vg.Points(2.5), draw.CircleGlyph{}
		pl.Add(line, pts)
		pl.Legend.Add(pr.Name, line, pts)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	pad := math.Max(0.5, (hi-lo)*0.04)
	conf, err := plotter.NewLine(plotter.XYs{{X: lo - pad, Y: tp.Confidence}, {X: hi + pad, Y: tp.Confidence}})
	if err != nil {
		return Chart{}, err
	}
	conf.Color, conf.Dashes = color.Gray{Y: 60}, []vg.Length{vg.Points(5), vg.Points(3)}
	pl.Add(conf)
	pl.Legend.Add(fmt.Sprintf("confidence asked: %s of runs", pct(tp.Confidence)), conf)
	for _, c := range cases {
		if !c.Recommended {
			continue
		}
		v, err := plotter.NewLine(plotter.XYs{{X: c.FTE, Y: -0.02}, {X: c.FTE, Y: 1.02}})
		if err != nil {
			return Chart{}, err
		}
		v.Color, v.Width, v.Dashes = color.Gray{Y: 90}, vg.Points(1), []vg.Length{vg.Points(1.5), vg.Points(2.5)}
		pl.Add(v)
		pl.Legend.Add(fmt.Sprintf("recommended: %d analysts, %s FTE (%s a year)", c.Analysts, fte(c.FTE), Money(tp.Currency, c.CostPerYear)), v)
	}
	pl.X.Min, pl.X.Max = lo-pad, hi+pad
	pl.Y.Min, pl.Y.Max = -0.02, 1.02
	pl.Legend.Top, pl.Legend.Left = false, false
	return Chart{Name: "ticket-headcount", Title: "Probability of meeting every goal, by headcount", plot: pl,
		Explain: fmt.Sprintf("Each point is the recommended rosters scaled (every tier alike) and simulated %d times; the share of runs in which the priority met every response and resolution goal. The recommendation is the fewest analysts with every priority at or above the %s line.",
			tp.Replications, pct(tp.Confidence))}, nil
}

func init() {
	funcs["money1"] = Money
	funcs["est"] = func(x float64) Estimate { return Estimate{Mean: x, Low: x, High: x, N: 1} }
}
