package report

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"
	"time"

	"github.com/staffsim/staffsim/internal/quantity"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Chart is one rendered-on-demand chart of a report.
type Chart struct {
	// Name is the file stem ("agents", "service-level-phone").
	Name string
	// Title is the chart's title; Explain says in one sentence what a
	// manager reads from it.
	Title   string
	Explain string
	plot    *plot.Plot
	png     *[]byte   // the PNG once rendered: a report embeds what it also writes
	height  vg.Length // 0: the default 4.5 inches
	section string    // the page section that shows the chart; "": Charts
}

// Render writes the chart as "png" (at PNGDPI) or "svg".
func (c Chart) Render(w io.Writer, format string) error {
	if format == "png" {
		if c.png == nil || *c.png == nil {
			var buf bytes.Buffer
			if err := SavePNG(c.plot, &buf, 0, c.height, 0); err != nil {
				return err
			}
			if c.png == nil {
				c.png = new([]byte)
			}
			*c.png = buf.Bytes()
		}
		_, err := w.Write(*c.png)
		return err
	}
	return Save(c.plot, w, format, 0, c.height)
}

// Charts returns the charts of one run: agents available vs required,
// service level per queue with its confidence band and goal, backlog, the
// wait-time distribution and occupancy; then, for a ticket desk, its
// TicketCharts (a desk of tickets only has no phone-queue charts).
func Charts(r *Run) ([]Chart, error) {
	if len(r.Summary.Queues) == 0 && r.Tickets != nil {
		return TicketCharts(r.Tickets)
	}
	out, err := queueCharts(r)
	if err != nil || r.Tickets == nil {
		return out, err
	}
	tc, err := TicketCharts(r.Tickets)
	return append(out, tc...), err
}

// queueCharts are the charts of a run's phone queues (Charts).
func queueCharts(r *Run) ([]Chart, error) {
	var out []Chart
	add := func(name, title, explain string, tc TimeChart) error {
		tc.Title = title
		tc.Loc = r.loc()
		p, err := tc.Plot()
		if err != nil {
			return err
		}
		out = append(out, Chart{Name: name, Title: title, Explain: explain, plot: p, png: new([]byte)})
		return nil
	}
	ts := r.times()
	per := IntervalWords(r.Interval)

	zero, one := 0.0, 1.08
	agents := TimeChart{YLabel: "agents", YMin: &zero, Integer: true, Lines: []Line{{
		Label: "available (roster after breaks and absence)", Times: ts, Values: means(r.Intervals, func(iv Interval) Estimate { return iv.AgentsAvailable }),
		Step: true, Last: r.Interval, Color: Palette[0],
	}}}
	explain := "Agents the roster makes available in each " + per + ", after breaks and absence."
	if r.Required != nil && len(r.Required) == len(ts) {
		agents.Lines = append(agents.Lines, Line{Label: "required for the SLA (" + r.RequiredNote + ")", Times: ts, Values: r.Required, Step: true, Last: r.Interval, Color: Palette[1], Dashed: true})
		explain = "Agents the roster makes available in each " + per + " (solid) against the agents the demand needs to meet the SLA (dashed); where solid is below dashed, expect the SLA to slip."
	}
	if err := add("agents", "Agents available vs required", explain, agents); err != nil {
		return nil, err
	}

	slugs := queueSlugs(r)
	for qi, q := range r.Summary.Queues {
		sl := func(iv Interval) Estimate { return iv.Queues[qi].ServiceLevel }
		lo, hi := bounds(r.Intervals, sl)
		shown := shownSL(r.Intervals, sl, r.Summary.Replications)
		for i, v := range shown {
			if math.IsNaN(v) {
				lo[i], hi[i] = math.NaN(), math.NaN()
			}
		}
		tc := TimeChart{
			YLabel: "answered within " + fmtTarget(q.SLATargetSeconds), Percent: true, YMin: &zero, YMax: &one,
			Lines:  []Line{{Label: "service level (mean of replications)", Times: ts, Values: shown, Step: true, Last: r.Interval, Color: Palette[0]}},
			Bands:  []Band{{Label: "95% confidence interval", Times: ts, Low: lo, High: hi, Step: true, Last: r.Interval}},
			HLines: []HLine{{Label: fmt.Sprintf("goal %s", pct(q.SLAGoal)), Y: q.SLAGoal}},
		}
		title := fmt.Sprintf("%s: service level per %s (goal %s within %s)", titleCase(q.Queue), per, pct(q.SLAGoal), fmtTarget(q.SLATargetSeconds))
		ex := fmt.Sprintf("Share of %s answered within %s, by the %s they arrived in; the shaded band is the 95%% confidence interval, the dashed line the goal. Gaps are %ss with contacts in fewer than half the replications (the night): their service level is undefined, not 0%%.", queueContacts(q.Queue), fmtTarget(q.SLATargetSeconds), per, per)
		if err := add("service-level-"+slugs[qi], title, ex, tc); err != nil {
			return nil, err
		}
	}

	backlog := TimeChart{YLabel: "contacts waiting", YMin: &zero}
	for qi, q := range r.Summary.Queues {
		backlog.Lines = append(backlog.Lines, Line{Label: q.Queue, Times: ts, Values: means(r.Intervals, func(iv Interval) Estimate { return iv.Queues[qi].Backlog }), Step: true, Last: r.Interval})
	}
	if err := add("backlog", "Backlog: contacts waiting at the end of each "+per, "Contacts still waiting for an agent at the end of each "+per+"; a line that keeps rising means the roster does not keep up.", backlog); err != nil {
		return nil, err
	}

	if len(r.Waits) > 0 {
		p, err := waitPlot(r)
		if err != nil {
			return nil, err
		}
		out = append(out, Chart{Name: "waits", Title: p.Title.Text, plot: p, png: new([]byte),
			Explain: "Share of each queue's contacts answered within the wait on the horizontal axis (log scale); abandoned contacts count as not answered, so a curve levels off at 100% minus the abandon rate. Each cross is a queue's SLA: a curve passing above its cross meets the goal."})
	}

	occ := func(iv Interval) Estimate { return iv.Occupancy }
	olo, ohi := bounds(r.Intervals, occ)
	occupancy := TimeChart{
		YLabel: "busy share of available time", Percent: true, YMin: &zero, YMax: &one,
		Lines: []Line{{Label: "occupancy (whole desk)", Times: ts, Values: means(r.Intervals, occ), Step: true, Last: r.Interval, Color: Palette[2]}},
		Bands: []Band{{Label: "95% confidence interval", Times: ts, Low: olo, High: ohi, Step: true, Last: r.Interval, Color: color.NRGBA{0, 158, 115, 60}}},
	}
	if err := add("occupancy", "Occupancy: how busy available agents were", fmt.Sprintf("The share of available agent time spent handling contacts; above about 85%% for long stretches, agents burn out and the SLA becomes fragile. Gaps are %ss with fewer than %.1f agents available on average or no contacts: their occupancy means nothing.", per, MinAgentsForOccupancy), occupancy); err != nil {
		return nil, err
	}
	return out, nil
}

// CompareCharts overlays several runs (scenarios on common random numbers):
// agents available, service level of each queue they share, and backlog.
func CompareCharts(runs []*Run, names []string) ([]Chart, error) {
	if len(runs) == 0 {
		return nil, nil
	}
	var out []Chart
	loc := runs[0].loc()
	add := func(name, title, explain string, tc TimeChart) error {
		tc.Title, tc.Loc = title, loc
		p, err := tc.Plot()
		if err != nil {
			return err
		}
		out = append(out, Chart{Name: name, Title: title, Explain: explain, plot: p, png: new([]byte)})
		return nil
	}
	per := IntervalWords(runs[0].Interval)
	zero, one := 0.0, 1.08
	agents := TimeChart{YLabel: "agents", YMin: &zero, Integer: true}
	for i, r := range runs {
		agents.Lines = append(agents.Lines, Line{Label: names[i], Times: r.times(), Values: means(r.Intervals, func(iv Interval) Estimate { return iv.AgentsAvailable }), Step: true, Last: r.Interval, Color: Palette[i%len(Palette)]})
	}
	if r := runs[0]; r.Required != nil {
		agents.Lines = append(agents.Lines, Line{Label: "required (" + names[0] + "'s demand)", Times: r.times(), Values: r.Required, Step: true, Last: r.Interval, Color: color.Black, Dashed: true, Width: 1})
	}
	if err := add("compare-agents", "Agents available in each scenario", "Agents each scenario's roster makes available per "+per+", against the agents the demand needs (dashed).", agents); err != nil {
		return nil, err
	}
	slugs := queueSlugs(runs[0])
	for qi, q := range runs[0].Summary.Queues {
		tc := TimeChart{YLabel: "answered within " + fmtTarget(q.SLATargetSeconds), Percent: true, YMin: &zero, YMax: &one,
			HLines: []HLine{{Label: "goal " + pct(q.SLAGoal), Y: q.SLAGoal}}}
		for i, r := range runs {
			k := r.queueIndex(q.Queue)
			if k < 0 {
				continue
			}
			tc.Lines = append(tc.Lines, Line{Label: names[i], Times: r.times(), Values: shownSL(r.Intervals, func(iv Interval) Estimate { return iv.Queues[k].ServiceLevel }, r.Summary.Replications), Step: true, Last: r.Interval, Color: Palette[i%len(Palette)]})
		}
		title := fmt.Sprintf("%s: service level per %s in each scenario", titleCase(q.Queue), per)
		if err := add("compare-service-level-"+slugs[qi], title, "Share of "+queueContacts(q.Queue)+" answered within "+fmtTarget(q.SLATargetSeconds)+" per "+per+", one line per scenario; the dashed line is the goal.", tc); err != nil {
			return nil, err
		}
	}
	backlog := TimeChart{YLabel: "contacts waiting (all queues)", YMin: &zero}
	for i, r := range runs {
		vals := make([]float64, len(r.Intervals))
		for j, iv := range r.Intervals {
			for _, q := range iv.Queues {
				vals[j] += finite(q.Backlog.Mean)
			}
		}
		backlog.Lines = append(backlog.Lines, Line{Label: names[i], Times: r.times(), Values: vals, Step: true, Last: r.Interval, Color: Palette[i%len(Palette)]})
	}
	if err := add("compare-backlog", "Backlog in each scenario", "Contacts waiting at the end of each "+per+", all queues together, one line per scenario.", backlog); err != nil {
		return nil, err
	}
	return out, nil
}

func (r *Run) times() []time.Time {
	ts := make([]time.Time, len(r.Intervals))
	for i, iv := range r.Intervals {
		ts[i] = iv.Start
	}
	return ts
}

// queueSlugs are the file-name slugs of the run's queues, distinct
// (FileSlugs).
func queueSlugs(r *Run) []string {
	names := make([]string, len(r.Summary.Queues))
	for i, q := range r.Summary.Queues {
		names[i] = q.Queue
	}
	return FileSlugs(names, "queue")
}

func (r *Run) queueIndex(name string) int {
	for i, q := range r.Summary.Queues {
		if q.Queue == name {
			return i
		}
	}
	return -1
}

func means(ivs []Interval, f func(Interval) Estimate) []float64 {
	out := make([]float64, len(ivs))
	for i, iv := range ivs {
		out[i] = f(iv).Value()
	}
	return out
}

// shownSL is the service level per interval as charts draw it
// (ShownServiceLevel).
func shownSL(ivs []Interval, f func(Interval) Estimate, replications int) []float64 {
	out := make([]float64, len(ivs))
	for i, iv := range ivs {
		out[i] = ShownServiceLevel(f(iv), replications)
	}
	return out
}

func bounds(ivs []Interval, f func(Interval) Estimate) (lo, hi []float64) {
	lo, hi = make([]float64, len(ivs)), make([]float64, len(ivs))
	for i, iv := range ivs {
		e := f(iv)
		lo[i], hi[i] = math.NaN(), math.NaN()
		if e.Defined() {
			lo[i], hi[i] = e.Low, e.High
		}
	}
	return lo, hi
}

// waitPlot draws the cumulative wait distribution of each queue on a log
// time axis, with each queue's SLA as a marker.
func waitPlot(r *Run) (*plot.Plot, error) {
	p := newPlot("How long contacts waited for an answer", "wait (log scale)", "share of contacts answered within the wait")
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = waitTicks{}
	p.Y.Tick.Marker = percentTicks{}
	for qi, w := range r.Waits {
		// The histogram holds answered contacts; scaled by the answered
		// share, the curve at T is the service level for target T
		// (answered within T / (answered + abandoned)), and its plateau
		// is 1 − abandon rate.
		answered := 1.0
		if qi < len(r.Summary.Queues) {
			q := r.Summary.Queues[qi]
			if n := q.Answered.Mean + q.Abandoned.Mean; n > 0 {
				answered = q.Answered.Mean / n
			}
		}
		var xy plotter.XYs
		for i := 1; i < len(w.Edges); i++ {
			if v := w.Within(i); !math.IsNaN(v) {
				xy = append(xy, plotter.XY{X: w.Edges[i].Seconds(), Y: v * answered})
			}
		}
		if len(xy) == 0 {
			continue
		}
		col := Palette[qi%len(Palette)]
		line, pts, err := plotter.NewLinePoints(xy)
		if err != nil {
			return nil, err
		}
		line.Color, line.Width = col, vg.Points(1.5)
		pts.Color, pts.Radius = col, vg.Points(1.5)
		p.Add(line, pts)
		p.Legend.Add(w.Queue, line)
		if qi < len(r.Summary.Queues) {
			q := r.Summary.Queues[qi]
			t := math.Max(q.SLATargetSeconds, w.Edges[1].Seconds())
			goal, err := plotter.NewScatter(plotter.XYs{{X: t, Y: q.SLAGoal}})
			if err != nil {
				return nil, err
			}
			goal.Color, goal.Shape, goal.Radius = col, draw.CrossGlyph{}, vg.Points(6)
			p.Add(goal)
			p.Legend.Add(fmt.Sprintf("%s SLA: %s within %s", q.Queue, pct(q.SLAGoal), fmtTarget(q.SLATargetSeconds)), goal)
		}
	}
	p.Y.Min, p.Y.Max = 0, 1.05
	// Room on the right for the last tick label; the legend sits mid-right,
	// where cumulative curves rarely are.
	p.X.Max *= 1.6
	p.Legend.Top, p.Legend.Left = false, false
	p.Legend.YOffs = vg.Points(70)
	return p, nil
}

// waitTicks labels a log axis of seconds at planners' round waits.
type waitTicks struct{}

func (waitTicks) Ticks(min, max float64) []plot.Tick {
	var ticks []plot.Tick
	for _, d := range []time.Duration{5 * time.Second, 20 * time.Second, time.Minute, 5 * time.Minute, 15 * time.Minute, time.Hour, 4 * time.Hour, 24 * time.Hour} {
		if s := d.Seconds(); s >= min && s <= max {
			ticks = append(ticks, plot.Tick{Value: s, Label: fmtTarget(s)})
		}
	}
	return ticks
}

// fmtTarget writes seconds as a short duration: 20s, 4m, 1h30m, 1d.
func fmtTarget(secs float64) string {
	return quantity.FormatDuration(time.Duration(math.Round(secs)) * time.Second)
}

// pct writes a fraction as a percentage with at most one decimal.
func pct(x float64) string {
	s := fmt.Sprintf("%.1f", finite(x)*100)
	return strings.TrimSuffix(s, ".0") + "%"
}

// IntervalWords names a reporting interval the way a manager says it:
// "half hour", "hour", "day", else "15m interval".
func IntervalWords(d time.Duration) string {
	switch d {
	case 30 * time.Minute:
		return "half hour"
	case time.Hour:
		return "hour"
	case 24 * time.Hour:
		return "day"
	}
	return fmtTarget(d.Seconds()) + " interval"
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// queueContacts names a queue's contacts in a sentence: "phone contacts",
// but "contacts" (not "contacts contacts") for a queue named so.
func queueContacts(queue string) string {
	if strings.EqualFold(queue, "contacts") {
		return queue
	}
	return queue + " contacts"
}
