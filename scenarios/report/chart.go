package report

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Palette is the colour sequence of lines, chosen to stay distinct for
// colour-blind readers (Okabe & Ito, 2008).
var Palette = []color.Color{
	color.RGBA{0, 114, 178, 255},   // blue
	color.RGBA{213, 94, 0, 255},    // vermillion
	color.RGBA{0, 158, 115, 255},   // bluish green
	color.RGBA{204, 121, 167, 255}, // reddish purple
	color.RGBA{230, 159, 0, 255},   // orange
	color.RGBA{86, 180, 233, 255},  // sky blue
	color.RGBA{0, 0, 0, 255},       // black
}

// Line is one series of a TimeChart (a NaN value is a gap): Values[i] holds from Times[i] until
// Times[i+1] (until Times[i]+Interval for the last one when Step is set).
type Line struct {
	Label  string
	Times  []time.Time
	Values []float64
	Step   bool          // draw as a step line (per-interval data)
	Dashed bool          // dashed, e.g. for a target or a scenario to compare
	Color  color.Color   // nil: the next colour of Palette
	Width  vg.Length     // 0: 1.5 pt
	Last   time.Duration // with Step: how long the last value holds (the interval)
}

// Band is a shaded range, such as a prediction or confidence interval.
type Band struct {
	Label     string
	Times     []time.Time
	Low, High []float64
	Color     color.Color // nil: translucent blue (use color.NRGBA for translucency)
	Step      bool
	Last      time.Duration
}

// HLine is a horizontal reference line, such as an SLA goal.
type HLine struct {
	Label string
	Y     float64
	Color color.Color // nil: dark red
}

// TimeChart describes a chart of values over time.
type TimeChart struct {
	Title  string
	YLabel string
	Loc    *time.Location // time zone of the axis labels; nil: UTC
	Lines  []Line
	Bands  []Band
	HLines []HLine
	YMin   *float64 // nil: automatic
	YMax   *float64 // nil: automatic
	// Percent formats the y axis as a percentage of 1 (0.8 → 80 %).
	Percent bool
	// Integer ticks the y axis at whole numbers only (agents, people).
	Integer bool
	// Days marks each local midnight with a thin line and shades Saturdays
	// and Sundays, so that days and weekends read over several weeks.
	Days bool
}

func maxOr(p *float64, x float64) *float64 {
	if p != nil {
		return p
	}
	return &x
}

// Plot builds the gonum plot of the chart.
func (c TimeChart) Plot() (*plot.Plot, error) {
	p := newPlot(c.Title, "", c.YLabel)
	loc := c.Loc
	if loc == nil {
		loc = time.UTC
	}
	if c.Days {
		p.Add(dayMarks{loc: loc})
	}
	var tmin, tmax float64 = math.Inf(1), math.Inf(-1)
	extend := func(ts []time.Time, last time.Duration) {
		if len(ts) == 0 {
			return
		}
		tmin = math.Min(tmin, unix(ts[0]))
		tmax = math.Max(tmax, unix(ts[len(ts)-1].Add(last)))
	}
	for _, b := range c.Bands {
		if len(b.Low) != len(b.Times) || len(b.High) != len(b.Times) {
			return nil, fmt.Errorf("chart %q: band %q has %d times, %d lows and %d highs", c.Title, b.Label, len(b.Times), len(b.Low), len(b.High))
		}
		extend(b.Times, b.Last)
		for k, seg := range segments(b.Times, b.Last, b.Low, b.High) {
			part := b
			part.Times, part.Low, part.High, part.Last = b.Times[seg.from:seg.to], b.Low[seg.from:seg.to], b.High[seg.from:seg.to], seg.last
			poly, err := bandPolygon(part)
			if err != nil {
				return nil, fmt.Errorf("chart %q: band %q: %w", c.Title, b.Label, err)
			}
			p.Add(poly)
			if b.Label != "" && k == 0 {
				p.Legend.Add(b.Label, poly)
			}
		}
	}
	next := 0
	for _, l := range c.Lines {
		if len(l.Values) != len(l.Times) {
			return nil, fmt.Errorf("chart %q: line %q has %d times and %d values", c.Title, l.Label, len(l.Times), len(l.Values))
		}
		extend(l.Times, l.Last)
		col := l.Color
		if col == nil {
			col = Palette[next%len(Palette)]
			next++
		}
		for k, seg := range segments(l.Times, l.Last, l.Values) {
			xy := points(l.Times[seg.from:seg.to], l.Values[seg.from:seg.to], l.Step, seg.last)
			line, err := plotter.NewLine(xy)
			if err != nil {
				return nil, fmt.Errorf("chart %q: line %q: %w", c.Title, l.Label, err)
			}
			if l.Step {
				line.StepStyle = plotter.PostStep
			}
			line.Color = col
			line.Width = l.Width
			if line.Width == 0 {
				line.Width = vg.Points(1.5)
			}
			if l.Dashed {
				line.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
			}
			p.Add(line)
			if l.Label != "" && k == 0 {
				p.Legend.Add(l.Label, line)
			}
		}
	}
	for _, h := range c.HLines {
		if math.IsInf(tmin, 0) {
			break
		}
		line, err := plotter.NewLine(plotter.XYs{{X: tmin, Y: h.Y}, {X: tmax, Y: h.Y}})
		if err != nil {
			return nil, fmt.Errorf("chart %q: line %q: %w", c.Title, h.Label, err)
		}
		line.Color = h.Color
		if line.Color == nil {
			line.Color = color.RGBA{160, 0, 0, 255}
		}
		line.Width = vg.Points(1.2)
		line.Dashes = []vg.Length{vg.Points(2), vg.Points(2)}
		p.Add(line)
		if h.Label != "" {
			p.Legend.Add(h.Label, line)
		}
	}
	if !math.IsInf(tmin, 0) {
		p.X.Min, p.X.Max = tmin, tmax
	}
	p.X.Tick.Marker = TimeTicks{Loc: loc}
	p.X.Label.Text = "time (" + zoneName(loc, tmin) + ")"
	if c.YMin != nil {
		p.Y.Min = *c.YMin
	}
	if c.YMax != nil {
		p.Y.Max = *c.YMax
	}
	if n := legendEntries(c); n > 0 {
		// Headroom above the data for the legend's lines (about 5 % of
		// the height each, with a margin), after any fixed maximum, so
		// that the legend never sits on the data.
		p.Y.Max += (p.Y.Max - p.Y.Min) * (0.06*float64(n) + 0.04)
	}
	switch {
	case c.Percent:
		p.Y.Tick.Marker = percentTicks{max: *maxOr(c.YMax, p.Y.Max)}
	case c.Integer:
		p.Y.Tick.Marker = countTicks{integer: true}
	default:
		p.Y.Tick.Marker = countTicks{}
	}
	p.Legend.Top = true
	return p, nil
}

// dayMarks draws, under the data, a thin line at each local midnight and a
// light shade over Saturdays and Sundays.
type dayMarks struct{ loc *time.Location }

// Plot implements plot.Plotter.
func (d dayMarks) Plot(c draw.Canvas, plt *plot.Plot) {
	if !(plt.X.Max > plt.X.Min) {
		return
	}
	trX, _ := plt.Transforms(&c)
	t0 := time.Unix(int64(plt.X.Min), 0).In(d.loc)
	t1 := time.Unix(int64(math.Ceil(plt.X.Max)), 0).In(d.loc)
	line := draw.LineStyle{Color: color.Gray{Y: 200}, Width: vg.Points(0.5)}
	shade := color.NRGBA{A: 14} // translucent: the grid shows through
	clip := func(x vg.Length) vg.Length { return max(c.Min.X, min(c.Max.X, x)) }
	for day := time.Date(t0.Year(), t0.Month(), t0.Day(), 0, 0, 0, 0, d.loc); day.Before(t1); day = day.AddDate(0, 0, 1) {
		next := day.AddDate(0, 0, 1)
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			x0, x1 := clip(trX(unix(day))), clip(trX(unix(next)))
			if x1 > x0 {
				c.FillPolygon(shade, []vg.Point{{X: x0, Y: c.Min.Y}, {X: x1, Y: c.Min.Y}, {X: x1, Y: c.Max.Y}, {X: x0, Y: c.Max.Y}})
			}
		}
		if x := trX(unix(day)); !day.Before(t0) && x >= c.Min.X && x <= c.Max.X {
			c.StrokeLine2(line, x, c.Min.Y, x, c.Max.Y)
		}
	}
}

// newPlot returns a plot with staffsim's look: title, axis labels, a light grid.
func newPlot(title, xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(14)
	p.X.Label.Text = xlabel
	p.Y.Label.Text = ylabel
	p.X.Label.TextStyle.Font.Size = vg.Points(11)
	p.Y.Label.TextStyle.Font.Size = vg.Points(11)
	p.X.Tick.Label.Font.Size = vg.Points(9)
	p.Y.Tick.Label.Font.Size = vg.Points(9)
	p.Legend.TextStyle.Font.Size = vg.Points(10)
	// Sans-serif text reads better on screens than gonum's default serif.
	for _, f := range []*font.Font{&p.Title.TextStyle.Font, &p.X.Label.TextStyle.Font, &p.Y.Label.TextStyle.Font,
		&p.X.Tick.Label.Font, &p.Y.Tick.Label.Font, &p.Legend.TextStyle.Font} {
		f.Variant = "Sans"
	}
	grid := plotter.NewGrid()
	grid.Vertical.Color = color.Gray{Y: 225}
	grid.Horizontal.Color = color.Gray{Y: 225}
	p.Add(grid)
	return p
}

func unix(t time.Time) float64 { return float64(t.UnixNano()) / 1e9 }

// points converts a series to plot coordinates. A step series gets one more
// point at the end so the last interval is drawn at full width.
func points(ts []time.Time, vs []float64, step bool, last time.Duration) plotter.XYs {
	xy := make(plotter.XYs, 0, len(ts)+1)
	for i, t := range ts {
		xy = append(xy, plotter.XY{X: unix(t), Y: finite(vs[i])})
	}
	if step && len(ts) > 0 && last > 0 {
		xy = append(xy, plotter.XY{X: unix(ts[len(ts)-1].Add(last)), Y: finite(vs[len(vs)-1])})
	}
	return xy
}

// span is a run [from, to) of points without a gap; last is how long the
// last value holds in a step line.
type span struct {
	from, to int
	last     time.Duration
}

// segments splits a series at NaN values (gaps, such as intervals without
// a service level because no contact arrived) into runs where every one of
// vals is a number. A run that ends at a gap holds its last step value
// until the gap's interval starts.
func segments(ts []time.Time, last time.Duration, vals ...[]float64) []span {
	var out []span
	from := -1
	gap := func(i int) bool {
		for _, v := range vals {
			if math.IsNaN(v[i]) {
				return true
			}
		}
		return false
	}
	for i := 0; i <= len(ts); i++ {
		if i < len(ts) && !gap(i) {
			if from < 0 {
				from = i
			}
			continue
		}
		if from >= 0 {
			sp := span{from: from, to: i, last: last}
			if i < len(ts) {
				sp.last = ts[i].Sub(ts[i-1])
			}
			out = append(out, sp)
			from = -1
		}
	}
	return out
}

// finite maps ±Inf (and NaN) to 0 so that a chart never fails on a bad value;
// callers should not pass them, but a chart is no place to crash.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

func bandPolygon(b Band) (*plotter.Polygon, error) {
	hi := points(b.Times, b.High, b.Step, b.Last)
	lo := points(b.Times, b.Low, b.Step, b.Last)
	if b.Step {
		hi, lo = stepped(hi), stepped(lo)
	}
	ring := make(plotter.XYs, 0, len(hi)+len(lo))
	ring = append(ring, hi...)
	for i := len(lo) - 1; i >= 0; i-- {
		ring = append(ring, lo[i])
	}
	poly, err := plotter.NewPolygon(ring)
	if err != nil {
		return nil, err
	}
	poly.Color = b.Color
	if poly.Color == nil {
		poly.Color = color.NRGBA{R: 0, G: 114, B: 178, A: 60}
	}
	poly.LineStyle.Width = 0
	return poly, nil
}

// stepped turns points into the corners of a post-step line.
func stepped(xy plotter.XYs) plotter.XYs {
	out := make(plotter.XYs, 0, 2*len(xy))
	for i, p := range xy {
		if i > 0 {
			out = append(out, plotter.XY{X: p.X, Y: xy[i-1].Y})
		}
		out = append(out, p)
	}
	return out
}

func zoneName(loc *time.Location, at float64) string {
	if math.IsInf(at, 0) {
		return loc.String()
	}
	name, _ := time.Unix(int64(at), 0).In(loc).Zone()
	if loc.String() == name || loc == time.UTC {
		return name
	}
	return loc.String()
}

// Save writes the plot as PNG or SVG (format "png" or "svg") at the given
// size in points; 0 means the default 9 × 4.5 inches.
func Save(p *plot.Plot, w io.Writer, format string, width, height vg.Length) error {
	if width == 0 {
		width = 9 * vg.Inch
	}
	if height == 0 {
		height = 4.5 * vg.Inch
	}
	format = strings.ToLower(strings.TrimPrefix(format, "."))
	if format != "png" && format != "svg" {
		return fmt.Errorf("unknown chart format %q: use png or svg", format)
	}
	wt, err := p.WriterTo(width, height, format)
	if err != nil {
		return err
	}
	_, err = wt.WriteTo(w)
	return err
}

// PNGDPI is the resolution of PNG charts: twice a screen's 96 dpi, so that
// charts stay sharp on high-density screens and when a report scales them up.
const PNGDPI = 192

// SavePNG writes the plot as a PNG of the given size in points (0: 9 × 4.5
// inches) at dpi dots per inch (0: PNGDPI).
func SavePNG(p *plot.Plot, w io.Writer, width, height vg.Length, dpi int) error {
	if width == 0 {
		width = 9 * vg.Inch
	}
	if height == 0 {
		height = 4.5 * vg.Inch
	}
	if dpi <= 0 {
		dpi = PNGDPI
	}
	c := vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(dpi))
	p.Draw(draw.New(c))
	_, err := vgimg.PngCanvas{Canvas: c}.WriteTo(w)
	return err
}

// FormatOf returns the chart format implied by a file name: "svg" for .svg,
// "png" for .png, and an error for anything else.
func FormatOf(path string) (string, error) {
	switch {
	case strings.HasSuffix(strings.ToLower(path), ".svg"):
		return "svg", nil
	case strings.HasSuffix(strings.ToLower(path), ".png"):
		return "png", nil
	}
	return "", fmt.Errorf("chart file %q: name it .png or .svg", path)
}

// countTicks labels an axis of counts at 1, 2 or 5 × 10^k steps, four to
// seven labels, without needless decimals ("25", not "25.00").
type countTicks struct {
	integer bool // whole numbers only: steps of at least 1
}

func (ct countTicks) Ticks(min, max float64) []plot.Tick {
	if !(max > min) {
		return plot.DefaultTicks{}.Ticks(min, max)
	}
	raw := (max - min) / 6
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	if ct.integer && step < 1 {
		step = 1
	}
	decimals := int(math.Max(0, -math.Floor(math.Log10(step)+1e-9)))
	var ticks []plot.Tick
	for i := math.Ceil(min / step); i*step <= max+step*1e-9; i++ {
		v := i * step
		ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', decimals, 64)})
		for k := 1; k < 5; k++ { // minor ticks
			if m := v + float64(k)*step/5; m <= max && (!ct.integer || m == math.Trunc(m)) {
				ticks = append(ticks, plot.Tick{Value: m})
			}
		}
	}
	return ticks
}

// percentTicks labels a 0–1 axis in percent, at most up to max (the
// headroom above 100 % for the legend gets no label).
type percentTicks struct{ max float64 }

func (pt percentTicks) Ticks(min, max float64) []plot.Tick {
	top := max
	if pt.max > 0 && pt.max < max {
		top = pt.max
	}
	ticks := plot.DefaultTicks{}.Ticks(min, top)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = fmt.Sprintf("%.0f%%", ticks[i].Value*100)
		}
	}
	return ticks
}

// legendEntries counts the chart's labelled lines, bands and reference
// lines: the legend's rows.
func legendEntries(c TimeChart) int {
	n := 0
	for _, l := range c.Lines {
		if l.Label != "" {
			n++
		}
	}
	for _, b := range c.Bands {
		if b.Label != "" {
			n++
		}
	}
	for _, h := range c.HLines {
		if h.Label != "" {
			n++
		}
	}
	return n
}
