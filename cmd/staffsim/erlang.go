package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/gocarina/gocsv"
	"github.com/spf13/cobra"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/internal/csvfield"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/report"
)

// erlangOptions are the flags of `staffsim erlang`.
type erlangOptions struct {
	arrivals float64
	interval quantity.Duration
	rate     quantity.Rate
	aht      quantity.Duration
	staffing staffingFlags
	agents   int
	table    bool
	format   format
}

const erlangLong = `Erlang calculator: the agents needed to meet a service level, ASA,
occupancy or abandonment target, or the service level, ASA and occupancy a
given headcount reaches (--agents).

Models: erlang-c (callers wait as long as it takes; the default), erlang-a
(callers abandon after an exponential patience; chosen by --patience) and
erlang-b (a contact that finds every agent busy is lost: prob_wait is then
the blocking probability and the service level 1 − blocking).

Service level = answered within the target time / all arrivals (abandoned
and blocked contacts count as not answered in time). ASA is the mean wait of
answered contacts. With no target given, --sl 80/20s is used.`

func newErlangCmd(s streams) *cobra.Command {
	o := &erlangOptions{}
	cmd := &cobra.Command{
		Use:   "erlang",
		Short: "Agents needed for an SLA, or the SLA a headcount reaches (Erlang B, C, A)",
		Long:  erlangLong,
		Example: `  staffsim erlang --arrivals 100 --interval 30m --aht 180s --sl 80/20s --shrinkage 30%
  staffsim erlang --rate 720/h --aht 240s --sl 80/20s --asa 30s --max-occupancy 85%
  staffsim erlang --rate 720/h --aht 4m --patience 3m --max-abandon 5% --format json
  staffsim erlang --rate 720/h --aht 4m --agents 50
  staffsim erlang --arrivals 100 --aht 3m --table`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runErlang(cmd, s, o)
		},
	}
	f := cmd.Flags()
	o.interval = quantity.Duration(30 * time.Minute)
	f.Float64Var(&o.arrivals, "arrivals", 0, "contacts arriving per --interval")
	f.Var(&o.interval, "interval", "the period --arrivals is counted over")
	f.Var(&o.rate, "rate", "arrival rate instead of --arrivals, e.g. 720/h")
	f.Var(&o.aht, "aht", "average handle time, e.g. 240s or 4m (required)")
	o.staffing.register(f)
	f.IntVar(&o.agents, "agents", 0, "evaluate this headcount instead of solving for one")
	f.BoolVar(&o.table, "table", false, "print a staffing table: each headcount from the first stable one to a few past the answer")
	addFormatFlag(f, &o.format)
	return cmd
}

// erlangQuery is the validated question.
type erlangQuery struct {
	queue     erlang.Queue
	targets   erlang.Targets
	shrinkage float64
}

// parseErlangFlags turns the flags into a query; every complaint is a
// usage error.
func parseErlangFlags(cmd *cobra.Command, s streams, o *erlangOptions) (erlangQuery, error) {
	f := cmd.Flags()
	var q erlangQuery
	switch {
	case f.Changed("arrivals") && f.Changed("rate"):
		return q, usagef("give either --arrivals (with --interval) or --rate, not both")
	case f.Changed("rate") && f.Changed("interval"):
		return q, usagef("--interval goes with --arrivals; --rate already says its period (e.g. 720/h)")
	case f.Changed("arrivals"):
		if math.IsNaN(o.arrivals) || math.IsInf(o.arrivals, 0) || o.arrivals < 0 {
			return q, usagef("--arrivals %v must be a number ≥ 0", o.arrivals)
		}
		if o.interval <= 0 {
			return q, usagef("--interval must be positive, e.g. 30m")
		}
		q.queue.Rate, q.queue.Per = o.arrivals, time.Duration(o.interval)
	case f.Changed("rate"):
		q.queue.Rate, q.queue.Per = float64(o.rate), time.Hour
	default:
		return q, usagef("give the arrivals: --arrivals N --interval 30m, or --rate 720/h")
	}
	if !f.Changed("aht") || o.aht <= 0 {
		return q, usagef("give a positive --aht, e.g. --aht 240s")
	}
	q.queue.AHT = time.Duration(o.aht).Seconds()

	model, t, err := o.staffing.resolve(f.Changed)
	if err != nil {
		return q, err
	}
	q.queue.Model = model
	q.queue.Patience = o.staffing.patienceSeconds()
	q.targets = t
	q.shrinkage = float64(o.staffing.shrinkage)
	if err := q.queue.Validate(); err != nil {
		return q, usageError{err}
	}
	if f.Changed("agents") {
		if o.agents < 0 || o.agents > erlang.MaxAgents {
			return q, usagef("--agents %d must be between 0 and %d", o.agents, erlang.MaxAgents)
		}
		if o.table {
			return q, usagef("--table lists headcounts around the answer; drop --agents to use it")
		}
	}
	if !staffingTargetGiven(f.Changed) && !f.Changed("agents") {
		fmt.Fprintf(s.err, "note: no target given; solving for --sl %s\n", o.staffing.sl.String())
	}
	return q, nil
}

func runErlang(cmd *cobra.Command, s streams, o *erlangOptions) error {
	q, err := parseErlangFlags(cmd, s, o)
	if err != nil {
		return err
	}
	var rows []erlang.Result
	switch {
	case cmd.Flags().Changed("agents"):
		r, err := q.queue.Evaluate(o.agents, q.targets.Within)
		if err != nil {
			return err
		}
		rows = append(rows, r)
	case o.table:
		rows, err = erlangTable(q)
		if err != nil {
			return err
		}
	default:
		r, err := q.queue.Agents(q.targets)
		if err != nil {
			return err
		}
		rows = append(rows, r)
	}
	out := make([]erlangRecord, len(rows))
	for i, r := range rows {
		out[i] = newErlangRecord(q, r)
	}
	switch o.format {
	case formatJSON:
		if o.table {
			return writeJSON(s.out, out)
		}
		return writeJSON(s.out, out[0])
	case formatCSV:
		return writeErlangCSV(s.out, out)
	}
	if o.table {
		return writeErlangTable(s.out, q, rows, out)
	}
	return writeErlangText(s.out, q, out[0], cmd.Flags().Changed("agents"))
}

// erlangTable evaluates each headcount from the first stable one (Erlang
// C: ⌊a⌋+1; Erlang A and B: three below the smaller of that and the answer)
// to three past the first that meets every target.
func erlangTable(q erlangQuery) ([]erlang.Result, error) {
	best, err := q.queue.Agents(q.targets)
	if err != nil {
		return nil, err
	}
	a := q.queue.Traffic()
	first := int(a) + 1
	if q.queue.Model != erlang.ModelC {
		first = max(1, min(first, best.Agents)-3)
	}
	if a == 0 {
		first = 0
	}
	var rows []erlang.Result
	for n := first; n <= best.Agents+3; n++ {
		r, err := q.queue.Evaluate(n, q.targets.Within)
		if err != nil {
			return nil, err
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// erlangRecord is the JSON and CSV contract of DESIGN.md: one object of
// erlang --format json, one row of erlang --format csv (the struct tags
// are the keys and the columns, in order). AbandonRate is nil (null, an
// empty cell) unless the model is Erlang A.
type erlangRecord struct {
	Model           string          `json:"model" csv:"model"`
	RatePerHour     csvfield.Float  `json:"arrival_rate_per_hour" csv:"arrival_rate_per_hour"`
	AHTSeconds      csvfield.Float  `json:"aht_seconds" csv:"aht_seconds"`
	Traffic         csvfield.Float  `json:"traffic_erlangs" csv:"traffic_erlangs"`
	Agents          int             `json:"agents" csv:"agents"`
	ServiceLevel    csvfield.Float  `json:"service_level" csv:"service_level"`
	TargetSeconds   csvfield.Float  `json:"target_seconds" csv:"target_seconds"`
	ProbWait        csvfield.Float  `json:"prob_wait" csv:"prob_wait"`
	ASASeconds      csvfield.Float  `json:"asa_seconds" csv:"asa_seconds"`
	Occupancy       csvfield.Float  `json:"occupancy" csv:"occupancy"`
	AbandonRate     *csvfield.Float `json:"abandon_rate" csv:"abandon_rate,omitempty"`
	Shrinkage       csvfield.Float  `json:"shrinkage" csv:"shrinkage"`
	ScheduledAgents int             `json:"scheduled_agents" csv:"scheduled_agents"`
}

func newErlangRecord(q erlangQuery, r erlang.Result) erlangRecord {
	rec := erlangRecord{
		Model:           q.queue.Model.String(),
		RatePerHour:     csvfield.Float(q.queue.RatePer(time.Hour)),
		AHTSeconds:      csvfield.Float(q.queue.AHT),
		Traffic:         csvfield.Float(r.Traffic),
		Agents:          r.Agents,
		ServiceLevel:    csvfield.Float(r.ServiceLevel),
		TargetSeconds:   csvfield.Float(r.Target),
		ProbWait:        csvfield.Float(r.ProbWait),
		ASASeconds:      csvfield.Float(r.ASA),
		Occupancy:       csvfield.Float(r.Occupancy),
		AbandonRate:     csvfield.Opt(r.Abandon, q.queue.Model == erlang.ModelA),
		Shrinkage:       csvfield.Float(q.shrinkage),
		ScheduledAgents: erlang.Scheduled(r.Agents, q.shrinkage),
	}
	return rec
}

// formatFloat writes a float at full precision, as encoding/json does
// (csvfield.Float's rule). NaN and ±Inf are written as strconv spells them.
func formatFloat(v float64) string { return string(csvfield.AppendFloat(nil, v)) }

// writeErlangCSV writes the records as CSV, a header and one row each.
func writeErlangCSV(w io.Writer, recs []erlangRecord) error {
	return gocsv.Marshal(recs, w)
}

func pct(v float64) string { return strconv.FormatFloat(v*100, 'f', 1, 64) + "%" }

// secs writes seconds for people: report.Seconds, the one duration format
// of tables and reports ("12.1 s", "2 min 3 s", "<0.1 s").
func secs(v float64) string { return report.Seconds(v) }

func writeErlangText(w io.Writer, q erlangQuery, r erlangRecord, evaluated bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "model\t%s\n", r.Model)
	fmt.Fprintf(tw, "arrivals\t%s per hour\n", strconv.FormatFloat(float64(r.RatePerHour), 'f', -1, 64))
	fmt.Fprintf(tw, "AHT\t%s\n", secs(float64(r.AHTSeconds)))
	if q.queue.Model == erlang.ModelA {
		fmt.Fprintf(tw, "patience\t%s\n", secs(q.queue.Patience))
	}
	fmt.Fprintf(tw, "traffic\t%.2f erlangs\n", r.Traffic)
	if !evaluated {
		fmt.Fprintf(tw, "targets\t%s\n", q.targets)
	}
	fmt.Fprintf(tw, "agents\t%d\n", r.Agents)
	fmt.Fprintf(tw, "service level\t%s within %s\n", pct(float64(r.ServiceLevel)), secs(float64(r.TargetSeconds)))
	if q.queue.Model == erlang.ModelB {
		fmt.Fprintf(tw, "blocked\t%s\n", pct(float64(r.ProbWait)))
	} else {
		fmt.Fprintf(tw, "P(wait)\t%s\n", pct(float64(r.ProbWait)))
		fmt.Fprintf(tw, "ASA\t%s\n", secs(float64(r.ASASeconds)))
	}
	fmt.Fprintf(tw, "occupancy\t%s\n", pct(float64(r.Occupancy)))
	if r.AbandonRate != nil {
		fmt.Fprintf(tw, "abandon rate\t%s\n", pct(float64(*r.AbandonRate)))
	}
	fmt.Fprintf(tw, "shrinkage\t%s\n", pct(float64(r.Shrinkage)))
	fmt.Fprintf(tw, "scheduled agents\t%d\n", r.ScheduledAgents)
	if evaluated && (q.targets.ServiceLevel > 0 || q.targets.ASA > 0 || q.targets.MaxOccupancy > 0 || q.targets.MaxAbandon > 0) {
		res, _ := q.queue.Evaluate(r.Agents, q.targets.Within)
		verdict := "no"
		if q.targets.Met(res) {
			verdict = "yes"
		}
		fmt.Fprintf(tw, "meets %s\t%s\n", q.targets, verdict)
	}
	return tw.Flush()
}

func writeErlangTable(w io.Writer, q erlangQuery, rows []erlang.Result, recs []erlangRecord) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "%s, %.2f erlangs, targets: %s\n", q.queue.Model, q.queue.Traffic(), q.targets)
	wait := "P(wait)"
	if q.queue.Model == erlang.ModelB {
		wait = "blocked"
	}
	fmt.Fprintf(tw, "agents\tSL\t%s\tASA\toccupancy\tabandon\tscheduled\tmeets\t\n", wait)
	marked := false
	for i, r := range rows {
		ab := "-"
		if recs[i].AbandonRate != nil {
			ab = pct(float64(*recs[i].AbandonRate))
		}
		meets := ""
		if q.targets.Met(r) {
			meets = "yes"
			if !marked {
				meets, marked = "<- first", true
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t\n", r.Agents, pct(float64(r.ServiceLevel)), pct(float64(r.ProbWait)),
			secs(float64(r.ASA)), pct(float64(r.Occupancy)), ab, recs[i].ScheduledAgents, meets)
	}
	return tw.Flush()
}
