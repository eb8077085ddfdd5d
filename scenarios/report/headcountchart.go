package report

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// HeadcountCharts returns the charts of the headcount case: the service
// level of each volume case against FTE, with the goal and the recommended
// headcounts marked, and the probability of meeting the SLA in a week
// against FTE, with the confidence asked for.
func HeadcountCharts(p *Plan) ([]Chart, error) {
	if len(p.Cases) == 0 {
		return nil, nil
	}
	sl, err := headcountPlot(p, false)
	if err != nil {
		return nil, err
	}
	pm, err := headcountPlot(p, true)
	if err != nil {
		return nil, err
	}
	rec, _ := p.Cases[0].Recommended()
	return []Chart{
		{Name: "headcount", Title: "Service level by headcount", plot: sl,
			Explain: fmt.Sprintf("Simulated service level over the week of %s for each headcount (the roster scaled up and down), at forecast volume, at the upper band of the forecast and at +10%% volume; bars are 95%% confidence intervals, the dashed line is the goal and the rings the smallest headcount that meets it in %s (%s FTE at forecast volume).",
				p.Week.Format("2 Jan 2006"), AtLeastWords(p.Confidence, p.Weeks), fte(rec.FTE))},
		{Name: "headcount-probability", Title: "Probability of meeting the SLA in a week", plot: pm,
			Explain: fmt.Sprintf("The share of simulated weeks in which the service level reached %s, by headcount; the recommendation is the smallest headcount at or above the %s line.",
				SLAWords(p.Goal, p.Target), pct(p.Confidence))},
	}, nil
}

// headcountPlot draws one metric of every case against FTE: the service
// level (with confidence intervals) or, with prob, the probability of
// meeting the SLA in a week.
func headcountPlot(p *Plan, prob bool) (*plot.Plot, error) {
	title := fmt.Sprintf("Service level by headcount (goal %s)", SLAWords(p.Goal, p.Target))
	ylabel := "answered within " + fmtTarget(p.Target.Seconds())
	goal, goalLabel := p.Goal, "goal "+pct(p.Goal)
	if prob {
		title = fmt.Sprintf("Probability of meeting %s in a week", SLAWords(p.Goal, p.Target))
		ylabel = "share of simulated weeks meeting the SLA"
		goal, goalLabel = p.Confidence, fmt.Sprintf("%s of weeks", pct(p.Confidence))
	}
	pl := newPlot(title, fmt.Sprintf("headcount, FTE (paid hours a week ÷ %g h)", p.HoursPerFTE), ylabel)
	pl.Y.Tick.Marker = percentTicks{}
	pl.X.Tick.Marker = countTicks{}
	xmin, xmax := math.Inf(1), math.Inf(-1)
	ymin := 1.0
	value := func(pt HeadcountPoint) float64 {
		if prob {
			return pt.PMeet
		}
		return pt.ServiceLevel.Value()
	}
	for ci, c := range p.Cases {
		col := Palette[ci%len(Palette)]
		var xy plotter.XYs
		var errs []plotter.XY // low, high
		for _, pt := range c.Points {
			v := value(pt)
			if math.IsNaN(v) {
				continue
			}
			xy = append(xy, plotter.XY{X: pt.FTE, Y: v})
			lo, hi := v, v
			if !prob && pt.ServiceLevel.N > 1 {
				lo, hi = pt.ServiceLevel.Low, pt.ServiceLevel.High
			}
			errs = append(errs, plotter.XY{X: lo, Y: hi})
			xmin, xmax = math.Min(xmin, pt.FTE), math.Max(xmax, pt.FTE)
			ymin = math.Min(ymin, lo)
		}
		if len(xy) == 0 {
			continue
		}
		line, pts, err := plotter.NewLinePoints(xy)
		if err != nil {
			return nil, err
		}
		line.Color, line.Width = col, vg.Points(1.8)
		if ci > 0 {
			line.Dashes = []vg.Length{vg.Points(6), vg.Points(3)}
		}
		pts.Color, pts.Radius = col, vg.Points(2.2)
		pts.Shape = draw.CircleGlyph{}
		pl.Add(line, pts)
		if !prob {
			bars := ciBars{xy: xy, ci: errs, color: col}
			pl.Add(bars)
		}
		var label string
		if rp, ok := c.Recommended(); ok {
			label = fmt.Sprintf("%s: %s FTE needed", c.Name, fte(rp.FTE))
			ring, err := plotter.NewScatter(plotter.XYs{{X: rp.FTE, Y: value(rp)}})
			if err != nil {
				return nil, err
			}
			ring.Color, ring.Radius, ring.Shape = col, vg.Points(7), draw.RingGlyph{}
			ring.GlyphStyle.Color = col
			pl.Add(ring)
		} else {
			label = fmt.Sprintf("%s: not met up to %s FTE", c.Name, fte(rp.FTE))
		}
		pl.Legend.Add(label, line, pts)
	}
	if math.IsInf(xmin, 0) {
		return pl, nil
	}
	pad := math.Max(0.5, (xmax-xmin)*0.03)
	xmin, xmax = xmin-pad, xmax+pad
	// The recommended headcount at forecast volume: a vertical line.
	if rp, ok := p.Cases[0].Recommended(); ok {
		v, err := plotter.NewLine(plotter.XYs{{X: rp.FTE, Y: -1}, {X: rp.FTE, Y: 2}})
		if err != nil {
			return nil, err
		}
		v.Color, v.Width = color.Gray{Y: 90}, vg.Points(1)
		v.Dashes = []vg.Length{vg.Points(1.5), vg.Points(2.5)}
		pl.Add(v)
		pl.Legend.Add(fmt.Sprintf("recommended: %s FTE (%s a year)", fte(rp.FTE), Money(p.Currency, rp.CostPerYear)), v)
	}
	if t := p.Today; t != nil {
		if v := value(*t); !math.IsNaN(v) {
			s, err := plotter.NewScatter(plotter.XYs{{X: t.FTE, Y: v}})
			if err != nil {
				return nil, err
			}
			s.Color, s.Radius, s.Shape = color.Black, vg.Points(5), draw.PyramidGlyph{}
			pl.Add(s)
			pl.Legend.Add(fmt.Sprintf("%s: %s FTE, %s", p.todayLabel(), fte(t.FTE), pctOrProb(v, prob)), s)
			xmin, xmax = math.Min(xmin, t.FTE-pad), math.Max(xmax, t.FTE+pad)
			ymin = math.Min(ymin, v)
		}
	}
	g, err := plotter.NewLine(plotter.XYs{{X: xmin, Y: goal}, {X: xmax, Y: goal}})
	if err != nil {
		return nil, err
	}
	g.Color, g.Width = color.RGBA{160, 0, 0, 255}, vg.Points(1.2)
	g.Dashes = []vg.Length{vg.Points(2), vg.Points(2)}
	pl.Add(g)
	pl.Legend.Add(goalLabel, g)
	pl.X.Min, pl.X.Max = xmin, xmax
	lo := math.Max(0, math.Floor(math.Min(ymin, goal)*10-0.5)/10)
	pl.Y.Min, pl.Y.Max = lo, 1.02
	// Large headcounts sit near 100%: the bottom right is free for the
	// legend.
	pl.Legend.Top, pl.Legend.Left = false, false
	pl.Legend.XOffs, pl.Legend.YOffs = -vg.Points(6), vg.Points(6)
	return pl, nil
}

func pctOrProb(v float64, prob bool) string {
	if prob {
		return fmt.Sprintf("met in %.0f%% of weeks", 100*v)
	}
	return "SL " + pct(v)
}

// ciBars draws vertical confidence-interval bars: ci[i].X is the low and
// ci[i].Y the high end at xy[i].X.
type ciBars struct {
	xy, ci []plotter.XY
	color  color.Color
}

func (b ciBars) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	c.SetColor(b.color)
	c.SetLineWidth(vg.Points(1))
	w := vg.Points(3)
	for i, pt := range b.xy {
		lo, hi := b.ci[i].X, b.ci[i].Y
		if hi-lo <= 0 {
			continue
		}
		x := tx(pt.X)
		ylo, yhi := ty(lo), ty(hi)
		var path vg.Path
		path.Move(vg.Point{X: x, Y: ylo})
		path.Line(vg.Point{X: x, Y: yhi})
		path.Move(vg.Point{X: x - w, Y: ylo})
		path.Line(vg.Point{X: x + w, Y: ylo})
		path.Move(vg.Point{X: x - w, Y: yhi})
		path.Line(vg.Point{X: x + w, Y: yhi})
		c.Stroke(path)
	}
}
