package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"gonum.org/v1/plot"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/report"
)

// forecastOptions are the flags of staffsim forecast.
type forecastOptions struct {
	history  historyFlags
	path     string
	interval quantity.Duration
	horizon  quantity.Duration
	method   string
	holdout  quantity.Duration
	level    quantity.Fraction
	holidays string
	origins  int
	out      string
	plot     string
	format   format
}

const forecastLong = `Forecast arrivals (and AHT) per interval from a history, with prediction
intervals and backtest accuracy per method.

Methods (--method):
  snaive             the same weekday and clock time last week
  weighted           weighted average of the same weekday and interval over
                     the last 6 weeks (recent weeks weigh more)
  daily-profile      daily totals (Holt-Winters, weekly season) split by a
                     weekday-specific intraday profile of recent weeks
  hw-additive        Holt-Winters at interval level, weekly season
  hw-multiplicative  the same with a multiplicative season
  taylor             Taylor's double-seasonal Holt-Winters (daily and weekly
                     cycles, trend, AR(1) error adjustment), as R's dshw
  mstl               MSTL, as R's mstl + ETS: day and week seasonal
                     components by STL (loess), the adjusted series
                     exponentially smoothed
  combination        the median of weighted, daily-profile, mstl and the
                     two hw methods
  auto               (default) backtest every method on the last 4 weeks of
                     history, one week ahead from each origin, and forecast
                     with the lowest WAPE, recent weeks weighing most

The forecast, as interval_start,arrivals,lower,upper,aht_seconds
(aht_seconds empty when the history has no handle times), goes to stdout
and the accuracy table (WAPE, MASE, bias, and the empirical coverage of
the prediction intervals next to the nominal --level, overall and by day
ahead for the chosen method) to stderr. With --out FILE the forecast goes
to FILE (written whole, or not at all) and the accuracy table, in
--format, to stdout.

Forecasts are never negative; intervals that were always empty (closed
hours) stay empty; --holidays dates are left out of fitting and forecast
with the history's holiday profile, or as closed when it has none.
--holdout fits on the history without its last whole days and scores the
forecast against them.

A whole day without a contact on a weekday that is usually busy is an
outage or a gap in the export: it is left out of fitting and scoring like
a holiday, and a note names it.

A history whose backtest weeks have no contacts at all (the desk went
quiet, or the export stops early) cannot be scored: auto then forecasts
with weighted, untested, which leans on the quiet recent weeks, and a note
says since when there were no contacts.`

// newForecastCmd builds staffsim forecast.
func newForecastCmd(s streams) *cobra.Command {
	o := &forecastOptions{interval: quantity.Duration(30 * time.Minute), horizon: quantity.Duration(28 * 24 * time.Hour), level: 0.8}
	cmd := &cobra.Command{
		Use:   "forecast --history FILE",
		Short: "Forecast arrivals and AHT per interval, with backtest accuracy per method",
		Long:  forecastLong,
		Example: `  staffsim forecast --history tickets.csv --interval 30m --horizon 28d --out forecast.csv
  staffsim forecast --history calls.csv --method taylor --level 90% --plot forecast.png
  staffsim forecast --history tickets.csv --holdout 14d --format json --out forecast.csv
  staffsim forecast --history tickets.csv --horizon 7d > forecast.csv
  staffsim forecast --history volumes.csv --holidays holidays.txt --tz Europe/London --out -`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runForecast(cmd, s, o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.path, "history", "", "history file: tickets (one row per ticket or call) or volumes (one row per interval); - for standard input")
	o.history.register(f)
	f.Var(&o.interval, "interval", "forecast interval: 15m, 30m or 60m (any duration dividing a day)")
	f.Var(&o.horizon, "horizon", "how far ahead to forecast, e.g. 28d, 14d or 36h (at most 730d)")
	f.StringVar(&o.method, "method", "auto", "forecasting method: "+strings.Join(forecast.MethodNames(), ", "))
	f.Var(&o.holdout, "holdout", "score the forecast against the last whole days of the history (e.g. 14d); 0: no holdout")
	f.Var(&o.level, "level", "nominal coverage of the prediction intervals (lower, upper), e.g. 80% or 0.9")
	f.StringVar(&o.holidays, "holidays", "", "file of holiday dates (YYYY-MM-DD, one a line): left out of fitting, forecast with the holiday profile or as closed")
	f.IntVar(&o.origins, "origins", forecast.DefaultOrigins, "backtest origins, one week apart on the last weeks of history")
	f.StringVar(&o.out, "out", "", "forecast CSV to write (the accuracy table then goes to stdout); default or -: the forecast on stdout, the table on stderr")
	f.StringVar(&o.plot, "plot", "", "chart of the last weeks of history and the forecast with its band (.png or .svg)")
	addFormatFlag(f, &o.format)
	return cmd
}

// maxForecastHorizon is the longest --horizon: two years.
const maxForecastHorizon = 730 * 24 * time.Hour

// forecastResult is what staffsim forecast reports (the JSON document).
type forecastResult struct {
	Method    string                   `json:"method"`
	Level     float64                  `json:"level"`
	Interval  string                   `json:"interval"`
	Start     time.Time                `json:"start"`
	End       time.Time                `json:"end"`
	Intervals int                      `json:"intervals"`
	Out       string                   `json:"out"`
	Backtest  *forecast.BacktestReport `json:"backtest"`
	Holdout   *holdoutResult           `json:"holdout"`
	Notes     []string                 `json:"notes"`
}

// holdoutResult is the score of the forecast on the held-out history.
type holdoutResult struct {
	Start    time.Time `json:"start"`
	Duration string    `json:"duration"`
	forecast.Score
}

func runForecast(cmd *cobra.Command, s streams, o *forecastOptions) error {
	ctx := cmd.Context()
	if strings.TrimSpace(o.path) == "" {
		return usagef("--history FILE is required: the ticket or interval-volume history to forecast from")
	}
	iv := time.Duration(o.interval)
	if err := forecast.CheckInterval(iv); err != nil {
		return usagef("--%v", err)
	}
	if time.Duration(o.horizon) < iv {
		return usagef("--horizon %s must be at least one interval (%s)", quantity.FormatDuration(time.Duration(o.horizon)), quantity.FormatDuration(iv))
	}
	if time.Duration(o.horizon) > maxForecastHorizon {
		// 100000d wrote 4.8M rows: no history of weeks says anything about
		// years ahead.
		return usagef("--horizon %s is more than 2 years (%s): forecast at most %s ahead, e.g. 28d",
			quantity.FormatDuration(time.Duration(o.horizon)), quantity.FormatDuration(maxForecastHorizon), quantity.FormatDuration(maxForecastHorizon))
	}
	if o.level <= 0 || o.level >= 1 {
		return usagef("--level %v must lie strictly between 0%% and 100%%, e.g. 80%%", o.level)
	}
	if hd := time.Duration(o.holdout); hd < 0 || hd%(24*time.Hour) != 0 {
		// A holdout cut inside a day (1ns, 36h) starts the forecast at an
		// odd hour and scores a sliver: hold out whole days.
		return usagef("--holdout %s must be whole days, e.g. 7d or 14d (0: no holdout)", quantity.FormatDuration(hd))
	}
	if o.origins < 1 {
		return usagef("--origins %d must be at least 1", o.origins)
	}
	var method forecast.Method
	if !strings.EqualFold(strings.TrimSpace(o.method), "auto") {
		m, err := forecast.MethodByName(o.method)
		if err != nil {
			return usagef("--method: %v", err)
		}
		method = m
	}
	out, err := outFile("out", o.out, "forecast.csv")
	if err != nil {
		return err
	}
	if out == "" {
		o.out = "-" // "" and "-": stdout
	}
	if o.plot, err = outFile("plot", o.plot, "forecast.png"); err != nil {
		return err
	}
	if o.plot != "" {
		if _, err := report.FormatOf(o.plot); err != nil {
			return usagef("--plot: %v", err)
		}
	}
	if sameFile(out, o.plot) {
		return usagef("--out and --plot both name %s: give each its own file", out)
	}
	ropt, err := o.history.options()
	if err != nil {
		return err
	}
	var hol forecast.Holidays
	if o.holidays != "" {
		fh, err := os.Open(o.holidays)
		if err != nil {
			return fmt.Errorf("--holidays: %w", err)
		}
		hol, err = forecast.ReadHolidays(fh, o.holidays)
		fh.Close()
		if err != nil {
			return err
		}
	}
	name, r, done, err := historyInput(ctx, s.in, o.path, &ropt)
	if err != nil {
		return err
	}
	series, rep, err := forecast.LoadSeries(name, r, ropt, iv)
	done()
	if err != nil {
		return historyError(err)
	}
	noteRead(s.err, rep)
	if err := ctx.Err(); err != nil {
		return err
	}
	series, notes := forecast.Usable(series)
	for _, n := range notes {
		fmt.Fprintf(s.err, "note: %s\n", n)
	}
	// Hold out the last part of the history.
	train := series
	var actual []float64
	h := forecast.HorizonIntervals(time.Duration(o.horizon), iv)
	if o.holdout > 0 {
		hn := forecast.HorizonIntervals(time.Duration(o.holdout), iv)
		if hn >= series.Len() {
			return usagef("--holdout %s leaves no history: %s covers %s", quantity.FormatDuration(time.Duration(o.holdout)), o.path, quantity.FormatDuration(time.Duration(series.Len())*iv))
		}
		cut := series.Len() - hn
		train = &forecast.Series{Start: series.Start, Interval: iv, Arrivals: series.Arrivals[:cut]}
		if series.HasAHT() {
			train.HandleSeconds, train.Handled = series.HandleSeconds[:cut], series.Handled[:cut]
		}
		actual = series.Arrivals[cut:]
		h = max(h, hn)
	}
	in, err := forecast.Prepare(train, h, hol)
	if err != nil {
		return err
	}
	fopt := forecast.Options{Level: float64(o.level), Origins: o.origins}
	var fc *forecast.Forecast
	var bt *forecast.BacktestReport
	if method == nil {
		fc, bt, err = forecast.AutoContext(ctx, in, fopt)
	} else {
		fc, bt, err = forecast.PredictContext(ctx, in, method, fopt)
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if forecast.IsShortHistory(err) {
			return fmt.Errorf("%s: %w; give a longer history", o.path, err)
		}
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	res := forecastResult{Method: fc.Method, Level: fc.Level, Interval: quantity.FormatDuration(iv), Start: fc.Start, End: fc.End(),
		Intervals: fc.Len(), Out: o.out, Backtest: bt, Notes: fc.Notes}
	if res.Notes == nil {
		res.Notes = []string{}
	}
	if actual != nil {
		sc, err := forecast.ScoreHoldout(in, fc, actual)
		if err != nil {
			return fmt.Errorf("--holdout: %w", err)
		}
		res.Holdout = &holdoutResult{Start: fc.Start, Duration: quantity.FormatDuration(time.Duration(o.holdout)), Score: sc}
	}
	for _, n := range fc.Notes {
		fmt.Fprintf(s.err, "note: %s\n", n)
	}
	results := s.out
	if o.out == "-" {
		if err := fc.WriteCSV(s.out); err != nil {
			return err
		}
		results = s.err
	} else if err := atomicdir.WriteFile(o.out, fc.WriteCSV); err != nil {
		return err
	}
	if o.plot != "" {
		if err := writeForecastPlot(o.plot, train, fc, actual); err != nil {
			return err
		}
	}
	return printForecastResult(results, o.format, res)
}

// writeForecastPlot draws the last two weeks of history and the forecast.
func writeForecastPlot(path string, hist *forecast.Series, fc *forecast.Forecast, actual []float64) error {
	format, err := report.FormatOf(path)
	if err != nil {
		return usagef("--plot: %v", err)
	}
	p, err := forecastPlot(hist, fc, actual)
	if err != nil {
		return err
	}
	return atomicdir.WriteFile(path, func(w io.Writer) error { return report.Save(p, w, format, 0, 0) })
}

// forecastChartDays is how much history the forecast chart draws before
// the forecast: two weeks, enough to see the weekly pattern.
const forecastChartDays = 14

// forecastChartHistory is the number of days of history forecastPlot
// draws (fewer when the history is shorter), for captions that say what
// the chart shows.
func forecastChartHistory(hist *forecast.Series) int {
	return min(forecastChartDays, int(math.Ceil(float64(hist.Len())/float64(hist.SlotsPerDay()))))
}

// forecastPlot is the chart of the last forecastChartDays of history and
// the forecast with its prediction band (and the actuals of a holdout).
func forecastPlot(hist *forecast.Series, fc *forecast.Forecast, actual []float64) (*plot.Plot, error) {
	d := report.ForecastData{Interval: fc.Interval, Forecast: fc.Arrivals, Lower: fc.Lower, Upper: fc.Upper,
		Level: fc.Level, Actual: actual, Method: fc.Method}
	from := max(0, hist.Len()-forecastChartDays*hist.SlotsPerDay())
	for i := from; i < hist.Len(); i++ {
		d.HistoryTimes = append(d.HistoryTimes, hist.Time(i))
		d.History = append(d.History, hist.Arrivals[i])
	}
	for i := range fc.Len() {
		d.Times = append(d.Times, fc.Time(i))
	}
	if len(d.Actual) > len(d.Times) {
		d.Actual = d.Actual[:len(d.Times)]
	}
	c, err := report.ForecastChart(fmt.Sprintf("Arrivals: the last %d days of history and the forecast", forecastChartHistory(hist)), fc.Start.Location(), d)
	if err != nil {
		return nil, err
	}
	return c.Plot()
}

// printForecastResult writes the accuracy report in the chosen format.
func printForecastResult(w io.Writer, f format, r forecastResult) error {
	switch f {
	case formatJSON:
		return writeJSON(w, r)
	case formatCSV:
		return writeForecastCSVReport(w, r)
	}
	pct := func(v float64) string { return strconv.FormatFloat(100*v, 'f', 1, 64) + "%" }
	sign := func(v float64) string {
		if v >= 0 {
			return "+" + pct(v)
		}
		return pct(v)
	}
	if r.Backtest != nil {
		bt := r.Backtest
		from := ""
		if len(bt.Origins) > 0 {
			from = " from " + bt.Origins[0].Format("Mon 2006-01-02")
		}
		fmt.Fprintf(w, "backtest: %d origin(s) a week apart%s, %s ahead each\n", len(bt.Origins), from, bt.Horizon)
		fmt.Fprintf(w, "  %-19s %7s %8s %8s  %s\n", "method", "WAPE", "MASE", "bias", "coverage (nominal "+pct(bt.Level)+")")
		for _, sc := range bt.Scores {
			mark := " "
			if sc.Method == r.Method {
				mark = "*"
			}
			fmt.Fprintf(w, "%s %-19s %7s %8.3f %8s  %s\n", mark, sc.Method, pct(sc.WAPE), sc.MASE, sign(sc.Bias), pct(sc.Coverage))
		}
		for _, sc := range bt.Scores {
			if sc.Method != r.Method || len(sc.CoverageByDay) == 0 {
				continue
			}
			cov := make([]string, len(sc.CoverageByDay))
			for d, c := range sc.CoverageByDay {
				cov[d] = fmt.Sprintf("d%d %s", d+1, pct(c))
			}
			fmt.Fprintf(w, "  %s coverage by day ahead (nominal %s): %s\n", sc.Method, pct(bt.Level), strings.Join(cov, ", "))
		}
	}
	if h := r.Holdout; h != nil {
		fmt.Fprintf(w, "holdout: last %s of history: WAPE %s, MASE %.3f, bias %s, coverage %s (nominal %s)\n",
			h.Duration, pct(h.WAPE), h.MASE, sign(h.Bias), pct(h.Coverage), pct(r.Level))
	}
	out := r.Out
	if out == "-" {
		out = "stdout"
	}
	fmt.Fprintf(w, "forecast: %s, %d intervals of %s from %s to %s, %s prediction intervals -> %s\n", r.Method, r.Intervals,
		r.Interval, r.Start.Format(time.RFC3339), r.End.Format(time.RFC3339), pct(r.Level), out)
	return nil
}

// writeForecastCSVReport writes one row per backtest score and one for the
// holdout: scope,method,wape,mase,bias,coverage,level,chosen.
func writeForecastCSVReport(w io.Writer, r forecastResult) error {
	num := func(v float64) string {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return ""
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	var b strings.Builder
	b.WriteString("scope,method,wape,mase,bias,coverage,level,chosen\n")
	row := func(scope string, sc forecast.Score) {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s,%s,%t\n", scope, sc.Method, num(sc.WAPE), num(sc.MASE), num(sc.Bias), num(sc.Coverage), num(r.Level), sc.Method == r.Method)
	}
	if r.Backtest != nil {
		for _, sc := range r.Backtest.Scores {
			row("backtest", sc)
		}
	}
	if r.Holdout != nil {
		row("holdout", r.Holdout.Score)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
