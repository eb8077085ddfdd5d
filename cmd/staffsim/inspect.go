package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gocarina/gocsv"
	"github.com/spf13/cobra"

	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/csvfield"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/scenarios/tickets"
)

// inspectOptions are the parsed flags of `staffsim inspect`.
type inspectOptions struct {
	history historyFlags
	calls   callFlags
	sl      quantity.Target
	plot    string
	format  format
	tickets ticketFlags
}

const inspectLong = `Validate and summarise a history file: rows read and rejected (the first
rejects with file, line, column and reason), date range, tickets per day,
volume by weekday × hour, handle-time mean/p50/p90, counts by priority and
channel, days with no data and, where first responses exist, historical SLA
attainment per priority (--sl).

Both shapes are read: tickets (one row per ticket or call; --id-column for
event logs with one row per update) and volumes (interval_start,arrivals
[,aht_seconds]). Column names of common exports (ServiceNow, Jira, Zendesk,
Freshdesk) and timestamp layouts are detected; --column and --time-format
say what detection cannot.

--format json prints the whole summary; --format csv prints the weekday ×
hour table (weekday,hour,days,mean). Quantiles come from a log-spaced
histogram (±1.2 %). Exit status 1 when the file cannot be read or no row
is usable, 2 for bad flags.

--calls reads FILE as a call log instead: one row per call with its queue
entry and exit, outcome (answered/abandoned; the Anonymous Bank's AGENT,
HANG, PHANTOM), service start and end and, if the log has it, the agent
(server). It shows what the callers measured (answered, abandoned, ASA,
service level at each --within target) and the desk's behaviour, each
estimator after Brown et al. (2005), "Statistical analysis of a telephone
call center", JASA 100: 36–50:

  patience      Kaplan–Meier with answered calls censored at their wait,
                Greenwood bands; and the exponential MLE, abandoned / total
                wait of all queued calls, with its exact interval
  handle time   mean, cv, quantiles; the log-normal MLE and its KS distance
                against Lilliefors's critical value
  wrap-up and   from the gaps between an agent's consecutive calls: a gap
  pick-up delay whose next call was already waiting is wrap-up + pick-up;
                a call arriving to an agent idle for long waits only the
                pick-up delay
  agents present  each agent from the first to the last call of a stretch
                of work (a gap over --gap-limit ends it), per --interval

Columns are found by the names of common exports (q_start, q_exit,
outcome, ser_start, ser_exit, server, type, date, vru_exit) or mapped
with --column FIELD=HEADER (fields queue_start, queue_exit, outcome,
service_start, service_end, agent, class, date, vru_exit). Clock-only
times need --date (or a date column). --format json prints every
estimate with the whole Kaplan–Meier curve; --format csv prints the
agents-present curve (interval_start,agents), which requirements
--staffing evaluates.`

func newInspectCmd(s streams) *cobra.Command {
	var o inspectOptions
	cmd := &cobra.Command{
		Use:   "inspect FILE|-",
		Short: "Validate and summarise a ticket or volume history",
		Long:  inspectLong,
		Example: `  staffsim inspect tickets.csv --tz Europe/London --sl 90/4h
  staffsim inspect tickets.csv --format json
  staffsim inspect tickets.csv --plot weekday-hour.png
  staffsim generate --days 28 | staffsim inspect -            # - reads standard input

  # a ServiceNow incident event log (one row per update): one ticket per number
  staffsim inspect incident_event_log.csv --id-column number
  # a process-mining log (BPI 2013): first event creates, last event closes
  staffsim inspect bpi_13_incidents.csv --id-column CaseID
  # a call log with clock times only, for one known day
  staffsim inspect calls_one_day.csv --column created_at=1999-08-01+vru_entry --tz Asia/Jerusalem
  # a date and a time column; day-first dates forced
  staffsim inspect calls.csv --column created_at=date+q_start --time-format '02/01/2006 15:04:05'
  # the same call log read as calls: patience, handle time, wrap-up, pick-up delay, agents present
  staffsim inspect calls_one_day.csv --calls --date 1999-08-01 --tz Asia/Jerusalem
  staffsim inspect calls_one_day.csv --calls --date 1999-08-01 --format csv > staffing.csv`,
		Args: func(_ *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return usagef("give the history file to inspect (or - for standard input), e.g. staffsim inspect tickets.csv")
			case len(args) > 1:
				return usagef("inspect reads one history file; got %d: %s (inspect each in turn)", len(args), strings.Join(args, " "))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.calls.on {
				return runInspectCalls(cmd.Context(), s, &o, args[0], cmd.Flags().Changed)
			}
			for _, name := range []string{"date", "within", "gap-limit", "interval"} {
				if cmd.Flags().Changed(name) {
					return usagef("--%s is for call logs: add --calls", name)
				}
			}
			return runInspect(cmd.Context(), s, &o, args[0])
		},
	}
	f := cmd.Flags()
	o.history.register(f)
	f.Var(&o.sl, "sl", "response SLA for historical attainment per priority, PCT/DURATION (e.g. 90/4h); needs a first_response_at column")
	f.StringVar(&o.plot, "plot", "", "also write a weekday × hour heat map to this file (.png or .svg)")
	o.tickets.register(f)
	o.calls.register(f)
	addFormatFlag(f, &o.format)
	return cmd
}

func runInspect(ctx context.Context, s streams, o *inspectOptions, path string) error {
	opt, err := o.history.options()
	if err != nil {
		return err
	}
	if o.plot, err = outFile("plot", o.plot, "weekday-hour.png"); err != nil {
		return err
	}
	if o.plot != "" {
		if _, err := report.FormatOf(o.plot); err != nil {
			return usagef("--plot: %v", err)
		}
	}
	var tk *tickets.Analyzer
	if o.tickets.wanted() {
		topt, err := o.tickets.options(opt.Location)
		if err != nil {
			return err
		}
		tk = tickets.New(topt)
		opt.Extra = tickets.Columns
	}
	name, r, done, err := historyInput(ctx, s.in, path, &opt)
	if err != nil {
		return err
	}
	defer done()
	sopt := history.SummaryOptions{SLAWithin: o.sl.Within, SLAGoal: o.sl.Goal}
	var sum *history.Summary
	if tk != nil {
		sum, err = history.SummarizeTo(name, r, opt, sopt, tk)
	} else {
		sum, err = history.Summarize(name, r, opt, sopt)
	}
	if err != nil {
		return historyError(err)
	}
	var tres *tickets.Result
	if tk != nil {
		tres = tk.Result()
		ticketNotes(s.err, tres)
	}
	for _, n := range sum.Report.Notes {
		fmt.Fprintf(s.err, "note: %s\n", n)
	}
	if sum.EmptyDays*2 > sum.Days {
		fmt.Fprintf(s.err, "note: %d of the %d days have no data, and the weekday × hour means count them as zeros: is the range right (a stray early or late row)?\n", sum.EmptyDays, sum.Days)
	}
	if o.sl.Within > 0 && sum.Response == nil {
		fmt.Fprintf(s.err, "note: --sl needs first-response times; %s has none (map one with --column first_response_at=NAME)\n", sum.Report.File)
	}
	if o.plot != "" {
		if err := writeHeatMap(o.plot, sum); err != nil {
			return err
		}
		fmt.Fprintf(s.err, "wrote %s\n", o.plot)
	}
	switch o.format {
	case formatJSON:
		return writeJSON(s.out, inspectJSON{sum, tres})
	case formatCSV:
		return writeWeekHourCSV(s.out, sum)
	}
	if err := writeInspectTable(s.out, sum); err != nil {
		return err
	}
	if tres != nil {
		return writeTicketTable(s.out, tres)
	}
	return nil
}

// weekHourRow is a row of inspect --format csv: the mean arrivals of one
// hour of one weekday over the days of that weekday in the history.
type weekHourRow struct {
	Weekday string         `csv:"weekday"`
	Hour    int            `csv:"hour"` // 0–23, local time
	Days    int            `csv:"days"` // days of this weekday in the history
	Mean    csvfield.Float `csv:"mean"` // arrivals per hour
}

// writeWeekHourCSV writes the weekday × hour means as CSV, one row per
// weekday and hour.
func writeWeekHourCSV(w io.Writer, sum *history.Summary) error {
	var rows []weekHourRow
	for _, d := range sum.ByWeekdayHour {
		for h, v := range d.Mean {
			rows = append(rows, weekHourRow{Weekday: d.Weekday, Hour: h, Days: d.Days, Mean: csvfield.Float(v)})
		}
	}
	return gocsv.Marshal(rows, w)
}

// writeInspectTable writes the summary for people.
func writeInspectTable(out io.Writer, sum *history.Summary) error {
	r := sum.Report
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	row := func(k, format string, args ...any) { fmt.Fprintf(tw, "%s\t%s\n", k, fmt.Sprintf(format, args...)) }
	unit := "tickets"
	if r.Shape == "volumes" {
		unit = "arrivals"
	}
	row("file", "%s", r.File)
	shape := r.Shape
	if r.IDColumn != "" {
		shape += fmt.Sprintf(" (event log by %s: %d rows → %d tickets, %d rows collapsed)", r.IDColumn, r.Rows-r.Rejected, r.Records, r.Collapsed)
	}
	if r.Interval > 0 {
		shape += " (one row per " + quantity.FormatDuration(r.Interval) + ")"
	}
	row("shape", "%s", shape)
	row("columns", "%s", fieldList(r.Columns))
	layouts := map[string]string{}
	for f, l := range r.Layouts {
		if l == time.RFC3339 {
			l = "RFC 3339"
		}
		layouts[f] = l
	}
	row("time layouts", "%s (times without an offset in %s)", fieldList(layouts), r.Location)
	row("rows", "%d read, %d rejected", r.Rows, r.Rejected)
	if len(r.Dropped) > 0 {
		dropped := map[string]string{}
		for f, n := range r.Dropped {
			dropped[f] = strconv.Itoa(n)
		}
		row("values dropped", "%s (bad optional values left out; their rows are kept)", fieldList(dropped))
	}
	if r.Encoding != "" && r.Encoding != "UTF-8" {
		row("encoding", "%s (not UTF-8: transcoded)", r.Encoding)
	}
	row("range", "%s → %s (%s)", r.First.Format("2006-01-02 15:04"), r.Last.Format("2006-01-02 15:04"), pluralize(sum.Days, "day"))
	row(unit+" per day", "%s mean; busiest %s (%s)", inspectNum(sum.PerDay), sum.Busiest.Date, inspectNum(sum.Busiest.Count))
	empty := strconv.Itoa(sum.EmptyDays)
	if sum.EmptyDays > 0 {
		list := sum.EmptyDayList[:min(5, len(sum.EmptyDayList))]
		empty += ": " + strings.Join(list, " ")
		if sum.EmptyDays > len(list) {
			empty += " …"
		}
	}
	row("days with no data", "%s", empty)
	for _, d := range []struct {
		name string
		s    *history.DurationStats
	}{{"handle time", sum.Handle}, {"first response", sum.Response}, {"resolution", sum.Resolution}} {
		if d.s == nil {
			continue
		}
		if r.Shape == "volumes" {
			row(d.name, "mean %s (AHT weighted by arrivals)", humanSeconds(d.s.Mean))
			continue
		}
		row(d.name, "mean %s, p50 %s, p90 %s (%s)", humanSeconds(d.s.Mean), humanSeconds(d.s.P50), humanSeconds(d.s.P90), pluralize(d.s.Count, strings.TrimSuffix(unit, "s")))
	}
	for _, c := range []struct {
		name string
		v    []history.NameCount
	}{{"priority", sum.Priorities}, {"channel", sum.Channels}, {"category", sum.Categories}} {
		if len(c.v) > 0 {
			row(c.name, "%s", countsList(c.v, r.Records))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(sum.SLA) > 0 {
		fmt.Fprintf(out, "\nSLA attainment (first response within %s, goal %s):\n", humanSeconds(sum.SLA[0].TargetSeconds), pct(sum.SLA[0].Goal))
		tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "priority\tresponded\twithin\tattainment\tno response\tmet\t")
		for _, a := range sum.SLA {
			met := "no"
			if a.Met {
				met = "yes"
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d\t%s\t\n", a.Priority, a.Responded, a.Within, pct(a.Attainment), a.NoResponse, met)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	writeWeekHourTable(out, sum, unit)
	if r.Rejected > 0 {
		fmt.Fprintf(out, "\nrejected rows (%d; the first %d):\n", r.Rejected, len(r.Rejects))
		for _, rej := range r.Rejects {
			fmt.Fprintf(out, "  %s\n", rej)
		}
	}
	if n := r.DroppedTotal(); n > 0 {
		fmt.Fprintf(out, "\ndropped values (%d; the first %d):\n", n, len(r.Drops))
		for _, d := range r.Drops {
			fmt.Fprintf(out, "  %s\n", d)
		}
	}
	return nil
}

// writeWeekHourTable writes the weekday × hour means, one line a weekday.
func writeWeekHourTable(out io.Writer, sum *history.Summary, unit string) {
	peak := 0.0
	for _, d := range sum.ByWeekdayHour {
		for _, v := range d.Mean {
			peak = math.Max(peak, v)
		}
	}
	prec := 0
	if peak < 10 {
		prec = 1
	}
	fmt.Fprintf(out, "\nmean %s per hour by weekday (local time):\n", unit)
	tw := tabwriter.NewWriter(out, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "\t")
	for h := range 24 {
		fmt.Fprintf(tw, "%02d\t", h)
	}
	fmt.Fprintln(tw, "days\t")
	for _, d := range sum.ByWeekdayHour {
		fmt.Fprintf(tw, "%s\t", d.Weekday[:3])
		for _, v := range d.Mean {
			if d.Days == 0 {
				fmt.Fprint(tw, "-\t") // no such weekday in the range
				continue
			}
			fmt.Fprintf(tw, "%s\t", strconv.FormatFloat(v, 'f', prec, 64))
		}
		fmt.Fprintf(tw, "%d\t\n", d.Days)
	}
	tw.Flush()
}

func fieldList(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + m[k]
	}
	return strings.Join(parts, ", ")
}

// countList formats the first values of a count table with their shares.
func countsList(v []history.NameCount, total int) string {
	const show = 8
	var parts []string
	for i, c := range v {
		if i == show {
			parts = append(parts, fmt.Sprintf("… %d more", len(v)-show))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %d (%s)", c.Name, c.Count, pct(float64(c.Count)/float64(max(total, 1)))))
	}
	return strings.Join(parts, ", ")
}

func inspectNum(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// seconds formats a duration in seconds for people: 245 s → "4m05s",
// 9000 s → "2h30m", 3 days and more in days.
func humanSeconds(s float64) string {
	switch {
	case s < 60:
		return strconv.FormatFloat(s, 'f', 1, 64) + "s"
	case s < 3600:
		m := int(s) / 60
		return fmt.Sprintf("%dm%02ds", m, int(s)-60*m)
	case s < 3*86400:
		h := int(s) / 3600
		return fmt.Sprintf("%dh%02dm", h, (int(s)-3600*h)/60)
	}
	return strconv.FormatFloat(s/86400, 'f', 1, 64) + "d"
}

// plural writes "1 day", "2 days".
func pluralize(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
