package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gocarina/gocsv"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/staffing"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/csvfield"
	"github.com/staffsim/staffsim/internal/quantity"
)

// staffedRow is one interval of requirements --staffing: the forecast's
// demand evaluated at the agents the staffing file gives. The struct tags
// are the CSV columns and JSON keys. ASASeconds is empty (null) for an
// unstable interval, AbandonRate unless the model is Erlang A.
type staffedRow struct {
	IntervalStart csvfield.Time   `csv:"interval_start" json:"interval_start"`
	Arrivals      csvfield.Float  `csv:"arrivals" json:"arrivals"`
	AHTSeconds    *csvfield.Float `csv:"aht_seconds,omitempty" json:"aht_seconds"`
	Traffic       csvfield.Float  `csv:"traffic_erlangs" json:"traffic_erlangs"`
	Agents        csvfield.Float  `csv:"agents" json:"agents"` // time-average, from the staffing file
	ServiceLevel  csvfield.Float  `csv:"service_level" json:"service_level"`
	ProbWait      csvfield.Float  `csv:"prob_wait" json:"prob_wait"`
	ASASeconds    *csvfield.Float `csv:"asa_seconds,omitempty" json:"asa_seconds"`
	Occupancy     csvfield.Float  `csv:"occupancy" json:"occupancy"`
	AbandonRate   *csvfield.Float `csv:"abandon_rate,omitempty" json:"abandon_rate"`
	Unstable      bool            `csv:"unstable" json:"unstable"`
	MeetsTargets  bool            `csv:"meets_targets" json:"meets_targets"`
}

// staffedSummary totals requirements --staffing.
type staffedSummary struct {
	From              csvfield.Time   `json:"from" csv:"from"`
	To                csvfield.Time   `json:"to" csv:"to"`
	IntervalMinutes   csvfield.Float  `json:"interval_minutes" csv:"interval_minutes"`
	Intervals         int             `json:"intervals" csv:"intervals"`
	Model             string          `json:"model" csv:"model"`
	Targets           string          `json:"targets" csv:"-"`
	TargetSeconds     csvfield.Float  `json:"target_seconds" csv:"target_seconds"`
	AgentHours        csvfield.Float  `json:"agent_hours" csv:"agent_hours"`
	OfferedContacts   csvfield.Float  `json:"offered_contacts" csv:"offered_contacts"`
	ServiceLevel      csvfield.Float  `json:"service_level" csv:"service_level"` // arrival-weighted
	ASASeconds        *csvfield.Float `json:"asa_seconds" csv:"asa_seconds,omitempty"`
	AbandonRate       *csvfield.Float `json:"abandon_rate" csv:"abandon_rate,omitempty"`
	UnstableIntervals int             `json:"unstable_intervals" csv:"unstable_intervals"`
	IntervalsMet      int             `json:"intervals_meeting_targets" csv:"intervals_meeting_targets"`
}

type staffedJSON struct {
	Summary   staffedSummary `json:"summary"`
	Intervals []staffedRow   `json:"intervals,omitempty"`
}

// staffingAgents reads the staffing file and returns the time-average
// agents of each interval of s that the file covers whole, as the index
// range [from, to) of s. The file must hold one queue.
func staffingAgents(w io.Writer, path string, s *forecast.Series) (agents []float64, from, to int, err error) {
	curves, err := staffing.ReadFile(path, s.Start.Location())
	if err != nil {
		return nil, 0, 0, err
	}
	if len(curves) > 1 {
		var qs []string
		for _, c := range curves {
			qs = append(qs, fmt.Sprintf("%q", c.Queue))
		}
		return nil, 0, 0, usagef("--staffing %s has the queues %s: requirements evaluates one forecast, so keep one queue's rows", path, strings.Join(qs, ", "))
	}
	c := curves[0]
	from, to = -1, -1
	for i := 0; i < s.Len(); i++ {
		a, ok := c.Mean(s.Time(i), s.Time(i+1))
		if !ok {
			if from >= 0 && to < 0 {
				to = i
			}
			continue
		}
		if to >= 0 { // a covered interval after a gap cannot happen: curves are contiguous
			break
		}
		if from < 0 {
			from = i
		}
		agents = append(agents, a)
	}
	if from < 0 {
		return nil, 0, 0, usagef("--staffing %s covers %s to %s, none of the forecast's intervals (%s to %s): give the staffing of the forecast's period",
			path, c.Start.Format(time.RFC3339), c.End().Format(time.RFC3339), s.Start.Format(time.RFC3339), s.End().Format(time.RFC3339))
	}
	if to < 0 {
		to = s.Len()
	}
	if to-from < s.Len() {
		fmt.Fprintf(w, "note: %s covers %d of the forecast's %d intervals (%s to %s): evaluating those\n",
			path, to-from, s.Len(), s.Time(from).Format(time.RFC3339), s.Time(to).Format(time.RFC3339))
	}
	return agents, from, to, nil
}

// runStaffed is requirements --staffing: Erlang at the staffing the desk
// had, per interval of the forecast.
func runStaffed(ctx context.Context, s streams, o *requirementsOptions, series *forecast.Series, demand []erlang.Demand, model erlang.Model, t erlang.Targets) error {
	agents, from, to, err := staffingAgents(s.err, o.staffingFile, series)
	if err != nil {
		return err
	}
	opt := erlang.Options{Model: model, Interval: series.Interval, Patience: o.staffing.patienceSeconds()}
	res, err := erlang.Staffing(ctx, demand[from:to], agents, t.Within, opt)
	if err != nil {
		if ie, ok := err.(*erlang.IntervalError); ok {
			return fmt.Errorf("%s: interval %s: %v", o.file, series.Time(from+ie.Index).Format(time.RFC3339), ie.Err)
		}
		return err
	}
	rows := make([]staffedRow, len(res))
	sum := staffedSummary{From: csvfield.At(series.Time(from)), To: csvfield.At(series.Time(to)),
		IntervalMinutes: csvfield.Float(series.Interval.Minutes()), Intervals: len(res), Model: model.String(),
		Targets: t.String(), TargetSeconds: csvfield.Float(t.Within)}
	var offered, within, answered, wait, abandoned float64
	asaKnown := true
	for i, r := range res {
		meets := !r.Unstable && (t.ServiceLevel == 0 || r.ServiceLevel >= t.ServiceLevel) &&
			(t.ASA == 0 || r.ASA <= t.ASA) && (t.MaxOccupancy == 0 || r.Occupancy <= t.MaxOccupancy) &&
			(t.MaxAbandon == 0 || r.Abandon <= t.MaxAbandon)
		rows[i] = staffedRow{IntervalStart: csvfield.At(series.Time(from + i)), Arrivals: csvfield.Float(r.Arrivals),
			AHTSeconds: csvfield.Opt(r.AHT, r.AHT > 0), Traffic: csvfield.Float(r.Traffic), Agents: csvfield.Float(r.Agents),
			ServiceLevel: csvfield.Float(r.ServiceLevel), ProbWait: csvfield.Float(r.ProbWait),
			ASASeconds: csvfield.Opt(r.ASA, !r.Unstable), Occupancy: csvfield.Float(r.Occupancy),
			AbandonRate: csvfield.Opt(r.Abandon, model == erlang.ModelA), Unstable: r.Unstable, MeetsTargets: meets}
		sum.AgentHours += csvfield.Float(r.Agents * series.Interval.Hours())
		if r.Unstable {
			sum.UnstableIntervals++
			asaKnown = asaKnown && r.Arrivals == 0
		}
		if meets {
			sum.IntervalsMet++
		}
		offered += r.Arrivals
		within += r.Arrivals * r.ServiceLevel
		ans := r.Arrivals * (1 - r.Abandon - r.Blocking)
		answered += ans
		if !r.Unstable {
			wait += ans * r.ASA
		}
		abandoned += r.Arrivals * r.Abandon
	}
	sum.OfferedContacts = csvfield.Float(offered)
	if offered > 0 {
		sum.ServiceLevel = csvfield.Float(within / offered)
		sum.AbandonRate = csvfield.Opt(abandoned/offered, model == erlang.ModelA)
	} else {
		sum.ServiceLevel = 1
	}
	sum.ASASeconds = csvfield.Opt(wait/math.Max(answered, 1e-300), asaKnown && answered > 0)

	if o.out != "" {
		if err := atomicdir.WriteFile(o.out, func(w io.Writer) error { return gocsv.Marshal(rows, w) }); err != nil {
			return err
		}
		fmt.Fprintf(s.err, "wrote %s (%d intervals)\n", o.out, len(rows))
	}
	switch o.format {
	case formatCSV:
		if o.out != "" {
			return gocsv.Marshal([]staffedSummary{sum}, s.out)
		}
		return gocsv.Marshal(rows, s.out)
	case formatJSON:
		doc := staffedJSON{Summary: sum}
		if o.out == "" {
			doc.Intervals = rows
		}
		return writeJSON(s.out, doc)
	}
	if o.out == "" {
		if err := writeStaffedTable(s.out, rows, model); err != nil {
			return err
		}
		fmt.Fprintln(s.out)
	}
	return writeStaffedSummary(s.out, sum)
}

func writeStaffedTable(w io.Writer, rows []staffedRow, m erlang.Model) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "interval_start\tarrivals\tAHT\ttraffic\tagents\tSL\tASA\toccupancy\tabandon\tmeets\t\n")
	for _, r := range rows {
		aht, asa, ab, ok := "-", "unstable", "-", "no"
		if v, has := r.AHTSeconds.Value(); has {
			aht = secs(v)
		}
		if v, has := r.ASASeconds.Value(); has {
			asa = secs(v)
		}
		if v, has := r.AbandonRate.Value(); has && m == erlang.ModelA {
			ab = pct(v)
		}
		if r.MeetsTargets {
			ok = "yes"
		}
		fmt.Fprintf(tw, "%s\t%.1f\t%s\t%.2f\t%.2f\t%s\t%s\t%s\t%s\t%s\t\n", r.IntervalStart.Format("2006-01-02 15:04 MST"),
			float64(r.Arrivals), aht, float64(r.Traffic), float64(r.Agents), pct(float64(r.ServiceLevel)), asa,
			pct(float64(r.Occupancy)), ab, ok)
	}
	return tw.Flush()
}

func writeStaffedSummary(w io.Writer, s staffedSummary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "period\t%s to %s (%d intervals of %s)\n", s.From.Format("2006-01-02 15:04 MST"), s.To.Format("2006-01-02 15:04 MST"),
		s.Intervals, quantity.FormatDuration(time.Duration(float64(s.IntervalMinutes)*float64(time.Minute))))
	fmt.Fprintf(tw, "model\t%s at the given staffing, %s\n", s.Model, s.Targets)
	fmt.Fprintf(tw, "agent-hours\t%.1f on the phones\n", float64(s.AgentHours))
	fmt.Fprintf(tw, "contacts\t%.0f, service level %s overall (within %s)\n", float64(s.OfferedContacts), pct(float64(s.ServiceLevel)), secs(float64(s.TargetSeconds)))
	asa := "undefined (unstable intervals)"
	if v, ok := s.ASASeconds.Value(); ok {
		asa = secs(v)
	}
	fmt.Fprintf(tw, "ASA\t%s\n", asa)
	if v, ok := s.AbandonRate.Value(); ok {
		fmt.Fprintf(tw, "abandon rate\t%s\n", pct(v))
	}
	fmt.Fprintf(tw, "targets met\t%d of %d intervals; %d unstable (traffic ≥ agents without abandonment)\n", s.IntervalsMet, s.Intervals, s.UnstableIntervals)
	return tw.Flush()
}
