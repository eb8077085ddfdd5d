package report

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Colours of a met and a missed goal (Palette's bluish green and
// vermillion) and of a goal marker.
var (
	metColor    = Palette[2]
	missedColor = Palette[1]
	goalColor   = color.RGBA{160, 0, 0, 255}
)

// dailyAfter is the span beyond which tier occupancy is drawn per day: an
// hourly line over more than a week is a comb, not a trend.
const dailyAfter = 7 * 24 * time.Hour

// TicketCharts returns the charts of a ticket desk: attainment per
// priority against its goals, backlog and the age of the oldest open
// ticket per priority over time, occupancy per tier over time, and the
// tickets escalated from each tier (with more than one tier).
func TicketCharts(t *Tickets) ([]Chart, error) {
	if t == nil || len(t.Priorities) == 0 {
		return nil, nil
	}
	w := t.W()
	var out []Chart
	p, rows, err := attainmentPlot(t)
	if err != nil {
		return nil, err
	}
	if rows > 0 {
		c := Chart{Name: "ticket-attainment", Title: p.Title.Text, plot: p, png: new([]byte), height: attainmentHeight(rows),
			Explain: fmt.Sprintf("Each row is one SLA target: the dot is the share of due %s within the target (green: goal met, red: missed), the whisker its 95%% confidence interval over the %d replications, the dark red bar the goal. A whisker that straddles its goal bar means the simulation cannot tell whether the goal is met.", w.Contacts, t.Replications)}
		out = append(out, c)
	}

	ts := make([]time.Time, len(t.Intervals))
	for i, iv := range t.Intervals {
		ts[i] = iv.Start
	}
	per := IntervalWords(t.Interval)
	add := func(name, title, explain string, tc TimeChart) error {
		tc.Title, tc.Loc, tc.Days = title, t.Loc, true
		p, err := tc.Plot()
		if err != nil {
			return err
		}
		out = append(out, Chart{Name: name, Title: title, Explain: explain, plot: p, png: new([]byte)})
		return nil
	}
	zero, one := 0.0, 1.08
	if len(ts) > 0 {
		backlog := TimeChart{YLabel: "open " + w.Contacts, YMin: &zero, Integer: true}
		oldest := TimeChart{YLabel: "hours since created", YMin: &zero}
		for pi, pr := range t.Priorities {
			col := Palette[pi%len(Palette)]
			backlog.Lines = append(backlog.Lines, Line{Label: pr.Name, Times: ts, Step: true, Last: t.Interval, Color: col,
				Values: ivValues(t.Intervals, func(iv TicketInterval) Estimate { return iv.Priorities[pi].Backlog })})
			oldest.Lines = append(oldest.Lines, Line{Label: pr.Name, Times: ts, Step: true, Last: t.Interval, Color: col,
				Values: ivValues(t.Intervals, func(iv TicketInterval) Estimate { return iv.Priorities[pi].OldestHours })})
		}
		if err := add("ticket-backlog", fmt.Sprintf("Backlog: open %s at the end of each %s", w.Contacts, per),
			fmt.Sprintf("%s open (waiting, being worked or waiting on the user) at the end of each %s, per priority; weekends are shaded. A backlog that returns to its level each morning is healthy; one that climbs week after week means the %s do not keep up.", titleCase(w.Contacts), per, w.Agents), backlog); err != nil {
			return nil, err
		}
		if err := add("ticket-oldest", fmt.Sprintf("Age of the oldest open %s", singular(w.Contacts)),
			fmt.Sprintf("Elapsed hours since the oldest open %s of each priority was created (or reopened), at the end of each %s; 0 when none is open. Saw teeth that rise over nights and weekends are the desk's closed hours; a line that keeps rising is a %s left behind.", singular(w.Contacts), per, singular(w.Contacts)), oldest); err != nil {
			return nil, err
		}

		staffed := TimeChart{YLabel: w.Agents + " available", YMin: &zero, Integer: true}
		for ti, tier := range t.Tiers {
			staffed.Lines = append(staffed.Lines, Line{Label: tier.Name, Times: ts, Step: true, Last: t.Interval, Color: Palette[ti%len(Palette)],
				Values: ivValues(t.Intervals, func(iv TicketInterval) Estimate {
					if ti >= len(iv.Tiers) {
						return Estimate{}
					}
					return iv.Tiers[ti].AgentsAvailable
				})})
		}
		if err := add("tier-analysts", fmt.Sprintf("%s available per tier", titleCase(w.Agents)),
			fmt.Sprintf("%s on shift and not on a break in each %s, per tier (an %s skilled for several tiers counts in each). Set it against the backlog: %s pile up while nobody is on.", titleCase(w.Agents), per, singular(w.Agents), w.Contacts), staffed); err != nil {
			return nil, err
		}

		occ := TimeChart{YLabel: "busy share of available time", Percent: true, YMin: &zero, YMax: &one}
		occTimes, daily := ts, t.Interval < 24*time.Hour && ts[len(ts)-1].Add(t.Interval).Sub(ts[0]) > dailyAfter
		last := t.Interval
		for ti, tier := range t.Tiers {
			vals := make([]float64, len(t.Intervals))
			agents := make([]float64, len(t.Intervals))
			for i, iv := range t.Intervals {
				vals[i], agents[i] = math.NaN(), 0
				if ti >= len(iv.Tiers) {
					continue
				}
				f := iv.Tiers[ti]
				if f.AgentsAvailable.Defined() && f.AgentsAvailable.Mean >= MinAgentsForOccupancy && f.Occupancy.Defined() {
					vals[i], agents[i] = f.Occupancy.Mean, f.AgentsAvailable.Mean
				}
			}
			if daily {
				occTimes, vals = perDay(ts, vals, agents, t.Loc)
				// The last day holds to the end of the period (a DST day
				// is not 24 hours long).
				last = ts[len(ts)-1].Add(t.Interval).Sub(occTimes[len(occTimes)-1])
			}
			occ.Lines = append(occ.Lines, Line{Label: tier.Name, Times: occTimes, Values: vals, Step: true, Last: last, Color: Palette[ti%len(Palette)]})
		}
		how := "in each " + per
		if daily {
			how = "each day (busy hours ÷ available hours of the day)"
		}
		if err := add("tier-occupancy", fmt.Sprintf("Occupancy per tier: how busy available %s were", w.Agents),
			fmt.Sprintf("The share of available %s time spent on %s %s, one line per tier. Gaps are times with fewer than %.1f %s available on average (nights, weekends). Above about 85%% for long stretches a tier has no slack: its queue, and every priority's resolution time, grow.", singular(w.Agents), w.Contacts, how, MinAgentsForOccupancy, w.Agents), occ); err != nil {
			return nil, err
		}
	}

	if len(t.Tiers) > 1 {
		p, err := escalationPlot(t)
		if err != nil {
			return nil, err
		}
		out = append(out, Chart{Name: "tier-escalations", Title: p.Title.Text, plot: p, png: new([]byte),
			Explain: fmt.Sprintf("%s escalated from each tier to the next over the whole period (mean of the replications, whisker: 95%% confidence interval), with the share of the %s whose work at the tier was done. Every escalation is work the next tier must staff for, and its clock has been running since the %s was created.", titleCase(w.Contacts), w.Contacts, singular(w.Contacts))})
	}
	for i := range out {
		out[i].section = ticketSection
	}
	return out, nil
}

func ivValues(ivs []TicketInterval, f func(TicketInterval) Estimate) []float64 {
	out := make([]float64, len(ivs))
	for i, iv := range ivs {
		out[i] = f(iv).Value()
	}
	return out
}

// perDay folds a per-interval ratio into local days, weighted: a day's
// value is Σ v·w / Σ w over its intervals with a value (busy hours ÷
// available hours when v is occupancy and w the agents available), NaN
// for a day without any.
func perDay(ts []time.Time, v, w []float64, loc *time.Location) ([]time.Time, []float64) {
	var days []time.Time
	var vals []float64
	var num, den float64
	flush := func() {
		if len(days) == 0 {
			return
		}
		x := math.NaN()
		if den > 0 {
			x = num / den
		}
		vals = append(vals, x)
		num, den = 0, 0
	}
	for i, t := range ts {
		l := t.In(loc)
		d := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
		if len(days) == 0 || !d.Equal(days[len(days)-1]) {
			flush()
			days = append(days, d)
		}
		if !math.IsNaN(v[i]) && w[i] > 0 {
			num += v[i] * w[i]
			den += w[i]
		}
	}
	flush()
	return days, vals
}

// attainmentHeight is the height of the attainment chart for rows
// targets: the default height up to eight, then half an inch a row.
func attainmentHeight(rows int) vg.Length {
	return max(4.5*vg.Inch, vg.Length(rows+3)*0.45*vg.Inch)
}

// attainmentPlot draws each set target of each priority as a row, P1 at
// the top: a dot at the mean attainment, a whisker over its 95 %
// confidence interval, a bar at the goal. It returns the number of rows.
func attainmentPlot(t *Tickets) (*plot.Plot, int, error) {
	w := t.W()
	p := newPlot("Attainment per priority: share of "+w.Contacts+" within each SLA target",
		"share of due "+w.Contacts+" within the target (mean and 95% confidence interval)", "")
	type row struct {
		label string
		a     Estimate
		goal  float64
	}
	var rows []row
	for _, pr := range t.Priorities {
		for _, k := range pr.targets() {
			if !k.t.Set() {
				continue
			}
			label := fmt.Sprintf("%s %s: %s", pr.Name, k.kind, GoalWords(k.t))
			if !k.sla.Attainment.Defined() {
				label += " (no " + w.Contacts + " due)"
			}
			rows = append(rows, row{label, k.sla.Attainment, k.t.Goal})
		}
	}
	n := len(rows)
	if n == 0 {
		return p, 0, nil
	}
	lo := 1.0
	var labels []string
	var metSeen, missedSeen bool
	entries := 1 // the goal
	for i, r := range rows {
		y := float64(n - 1 - i)
		labels = append(labels, r.label)
		lo = math.Min(lo, r.goal)
		goal, err := plotter.NewLine(plotter.XYs{{X: r.goal, Y: y - 0.32}, {X: r.goal, Y: y + 0.32}})
		if err != nil {
			return nil, 0, err
		}
		goal.Color, goal.Width = goalColor, vg.Points(2.5)
		p.Add(goal)
		if i == 0 {
			p.Legend.Add("goal", goal)
		}
		if !r.a.Defined() {
			continue
		}
		lo = math.Min(lo, r.a.Mean)
		col := metColor
		met := r.a.Mean >= r.goal
		if !met {
			col = missedColor
		}
		var whisker *plotter.Line
		if r.a.N > 1 {
			lo = math.Min(lo, r.a.Low)
			whisker, err = plotter.NewLine(plotter.XYs{{X: finite(r.a.Low), Y: y}, {X: finite(r.a.High), Y: y}})
			if err != nil {
				return nil, 0, err
			}
			whisker.Color, whisker.Width = col, vg.Points(2)
			p.Add(whisker)
		}
		dot, err := plotter.NewScatter(plotter.XYs{{X: finite(r.a.Mean), Y: y}})
		if err != nil {
			return nil, 0, err
		}
		dot.Color, dot.Radius, dot.Shape = col, vg.Points(4.5), draw.CircleGlyph{}
		p.Add(dot)
		thumbs := []plot.Thumbnailer{dot}
		if whisker != nil {
			thumbs = []plot.Thumbnailer{whisker, dot}
		}
		if met && !metSeen {
			metSeen = true
			entries++
			p.Legend.Add("attainment: goal met", thumbs...)
		} else if !met && !missedSeen {
			missedSeen = true
			entries++
			p.Legend.Add("attainment: goal missed", thumbs...)
		}
	}
	// A dot-and-whisker chart needs no zero baseline: start a little below
	// the lowest value, at a round 10 %, so that 90–100 % is not squashed.
	p.X.Min = math.Max(0, math.Floor((lo-0.02)*10)/10)
	p.X.Max = 1 + (1-p.X.Min)*0.02 // a dot at 100 % is drawn whole
	p.X.Tick.Marker = percentTicks{max: 1}
	// Headroom above P1 for the legend's rows.
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4+0.4*float64(entries)
	p.Y.Tick.Marker = labelTicks(labels)
	p.Y.Tick.Label.Font.Size = vg.Points(10)
	p.Legend.Top, p.Legend.Left = true, true
	return p, n, nil
}

// labelTicks labels the rows of a category axis, the first label at the
// top (y = len−1).
type labelTicks []string

func (l labelTicks) Ticks(min, max float64) []plot.Tick {
	ticks := make([]plot.Tick, 0, len(l))
	for i, s := range l {
		ticks = append(ticks, plot.Tick{Value: float64(len(l) - 1 - i), Label: s})
	}
	return ticks
}

// escalationPlot draws a bar per tier but the last: the tickets escalated
// onward, with the 95 % confidence interval and the share of the tier's
// finished work they are.
func escalationPlot(t *Tickets) (*plot.Plot, error) {
	w := t.W()
	p := newPlot(titleCase(w.Contacts)+" escalated from each tier", "", w.Contacts+" escalated over the period")
	n := len(t.Tiers) - 1
	vals := make(plotter.Values, n)
	var labels []string
	top := 0.0
	for i := range n {
		f := t.Tiers[i].TierFigures
		vals[i] = finite(f.Escalated.Mean)
		top = math.Max(top, finite(f.Escalated.High))
		label := t.Tiers[i].Name + " → " + t.Tiers[i+1].Name
		if f.Done.Defined() && f.Done.Mean > 0 {
			label += fmt.Sprintf("\n%s of %s done at %s", pct(f.Escalated.Mean/f.Done.Mean), w.Contacts, t.Tiers[i].Name)
		}
		labels = append(labels, label)
	}
	bars, err := plotter.NewBarChart(vals, vg.Points(60))
	if err != nil {
		return nil, err
	}
	bars.Color, bars.LineStyle.Width = Palette[0], 0
	p.Add(bars)
	for i := range n {
		e := t.Tiers[i].Escalated
		if e.N < 2 {
			continue
		}
		x := float64(i)
		for _, seg := range []plotter.XYs{{{X: x, Y: e.Low}, {X: x, Y: e.High}}, {{X: x - 0.02, Y: e.Low}, {X: x + 0.02, Y: e.Low}}, {{X: x - 0.02, Y: e.High}, {X: x + 0.02, Y: e.High}}} {
			l, err := plotter.NewLine(seg)
			if err != nil {
				return nil, err
			}
			l.Color, l.Width = color.Black, vg.Points(1.2)
			p.Add(l)
		}
	}
	var at plotter.XYLabels
	for i := range n {
		e := t.Tiers[i].Escalated
		if e.Defined() {
			at.XYs = append(at.XYs, plotter.XY{X: float64(i), Y: math.Max(finite(e.Mean), finite(e.High)) + 0.02*top})
			at.Labels = append(at.Labels, thousands(e.Mean, 0))
		}
	}
	if len(at.XYs) > 0 {
		values, err := plotter.NewLabels(at)
		if err != nil {
			return nil, err
		}
		for i := range values.TextStyle {
			values.TextStyle[i].Font.Size = vg.Points(11)
			values.TextStyle[i].Font.Variant = "Sans"
			values.TextStyle[i].XAlign, values.TextStyle[i].YAlign = draw.XCenter, draw.YBottom
		}
		p.Add(values)
	}
	p.NominalX(labels...)
	p.X.Min, p.X.Max = -0.8, float64(n)-0.2
	p.X.Tick.Label.Font.Size = vg.Points(10)
	p.Y.Min = 0
	p.Y.Max = math.Max(1, top*1.12)
	p.Y.Tick.Marker = countTicks{integer: true}
	return p, nil
}
