package report

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// HeatMap is a grid of values drawn as shaded cells with the value written
// in each, such as mean contacts per hour by weekday (rows) and hour of
// the day (columns). Shading runs from white (0) to blue (the largest
// value), so the busy hours stand out whatever the volume.
type HeatMap struct {
	Title     string
	XLabel    string      // e.g. "hour of day (Europe/London)"
	Rows      []string    // row labels, drawn top to bottom (e.g. Mon … Sun)
	Cols      []string    // column labels, left to right (e.g. 00 … 23)
	Values    [][]float64 // Values[row][col]; NaN is "no data" (a grey cell, no label), ±Inf draws as 0
	Precision int         // decimals written in the cells; −1 writes none
}

// Plot builds the gonum plot of the heat map.
func (h HeatMap) Plot() (*plot.Plot, error) {
	if len(h.Rows) == 0 || len(h.Cols) == 0 || len(h.Values) != len(h.Rows) {
		return nil, fmt.Errorf("heat map %q: %d rows of values for %d row labels and %d columns", h.Title, len(h.Values), len(h.Rows), len(h.Cols))
	}
	peak := 0.0
	for r, row := range h.Values {
		if len(row) != len(h.Cols) {
			return nil, fmt.Errorf("heat map %q: row %q has %d values for %d columns", h.Title, h.Rows[r], len(row), len(h.Cols))
		}
		for _, v := range row {
			peak = math.Max(peak, finite(v))
		}
	}
	p := plot.New()
	p.Title.Text = h.Title
	p.Title.TextStyle.Font.Size = vg.Points(14)
	p.X.Label.Text = h.XLabel
	p.X.Label.TextStyle.Font.Size = vg.Points(11)
	p.X.Tick.Label.Font.Size = vg.Points(9)
	p.Y.Tick.Label.Font.Size = vg.Points(10)
	p.X.Min, p.X.Max = 0, float64(len(h.Cols))
	p.Y.Min, p.Y.Max = 0, float64(len(h.Rows))
	var xt, yt []plot.Tick
	for c, l := range h.Cols {
		xt = append(xt, plot.Tick{Value: float64(c) + 0.5, Label: l})
	}
	for r, l := range h.Rows {
		yt = append(yt, plot.Tick{Value: float64(len(h.Rows)-1-r) + 0.5, Label: l})
	}
	p.X.Tick.Marker = plot.ConstantTicks(xt)
	p.Y.Tick.Marker = plot.ConstantTicks(yt)
	p.X.Tick.LineStyle.Width = 0
	p.Y.Tick.LineStyle.Width = 0
	p.Add(heatCells{h: h, peak: peak})
	return p, nil
}

// heatCells draws the cells of a HeatMap.
type heatCells struct {
	h    HeatMap
	peak float64
}

var _ plot.Plotter = heatCells{}

// shade returns the cell colour of v: white to Palette blue (0, 114, 178).
func (c heatCells) shade(v float64) (fill color.Color, dark bool) {
	f := 0.0
	if c.peak > 0 {
		f = math.Min(1, math.Max(0, finite(v)/c.peak))
	}
	mix := func(to uint8) uint8 { return uint8(math.Round(255 + f*(float64(to)-255))) }
	return color.RGBA{mix(0), mix(114), mix(178), 255}, f > 0.55
}

func (c heatCells) Plot(cv draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&cv)
	n := len(c.h.Rows)
	sty := text.Style{Font: font.From(plot.DefaultFont, vg.Points(7)), XAlign: draw.XCenter, YAlign: draw.YCenter, Handler: plot.DefaultTextHandler}
	for r, row := range c.h.Values {
		y0, y1 := trY(float64(n-1-r)), trY(float64(n-r))
		for col, v := range row {
			x0, x1 := trX(float64(col)), trX(float64(col+1))
			fill, dark := c.shade(v)
			if math.IsNaN(v) {
				fill = color.Gray{Y: 235}
			}
			rect := vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x1, Y: y1}}
			cv.SetColor(fill)
			cv.Fill(rect.Path())
			cv.SetLineStyle(draw.LineStyle{Color: color.White, Width: vg.Points(0.5)})
			cv.Stroke(rect.Path())
			if c.h.Precision >= 0 && !math.IsNaN(v) {
				sty.Color = color.Black
				if dark {
					sty.Color = color.White
				}
				label := strconv.FormatFloat(finite(v), 'f', c.h.Precision, 64)
				if sty.Width(label) < (x1-x0)*0.95 {
					cv.FillText(sty, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, label)
				}
			}
		}
	}
}

// DataRange implements plot.DataRanger so the axes span the whole grid.
func (c heatCells) DataRange() (xmin, xmax, ymin, ymax float64) {
	return 0, float64(len(c.h.Cols)), 0, float64(len(c.h.Rows))
}

var _ plot.DataRanger = heatCells{}
