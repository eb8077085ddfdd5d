package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gocarina/gocsv"
	"github.com/spf13/cobra"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/synth"
	"github.com/staffsim/staffsim/internal/atomicdir"
	"github.com/staffsim/staffsim/internal/quantity"
)

// generateOptions are the parsed flags of `staffsim generate`.
type generateOptions struct {
	days     int
	start    string
	volume   float64
	trend    yearlyGrowth
	noise    quantity.Fraction
	tz       string
	seed     uint64
	out      string
	holidays string
	interval quantity.Duration
	// intervalSet is whether --interval was given: "--interval 0s" is
	// refused rather than read as "tickets".
	intervalSet bool
}

const generateLong = `Write a realistic synthetic ticket history as CSV, deterministic for a seed.

Arrivals are a non-homogeneous Poisson process per 15-minute slot: a
two-peak day (about 10:00 and 14:30, a lunch dip, a small evening tail,
near zero at night), busy Mondays and quiet weekends, a yearly trend, and
public holidays near zero (UK-style bank holidays by default). Each ticket
has a priority P1–P4, a channel (phone, email, portal), a category, a
log-normal handle time that depends on priority and channel, and first
response and resolution times that follow business hours (Mon–Fri
08:00–18:00), so SLA attainment is realistic rather than 100 %. The exact
model is documented in the forecast/synth package.

Columns: ticket_id,created_at,priority,channel,category,handle_seconds,
first_response_at,resolved_at (RFC 3339 times with offset; response and
resolution are empty when they fall after the end of the history).
With --interval the history is aggregated instead into interval volumes:
interval_start,arrivals,aht_seconds.

The same flags and seed give the same bytes. Notes go to stderr.`

func newGenerateCmd(s streams) *cobra.Command {
	def := synth.Sample()
	o := &generateOptions{
		days:   def.Days,
		volume: def.DailyVolume,
		trend:  yearlyGrowth(def.Trend),
		noise:  quantity.Fraction(def.DayNoise),
		tz:     "UTC",
		seed:   def.Seed,
	}
	cmd := &cobra.Command{
		Use:   "generate",
		Short: "Write a realistic synthetic ticket history (CSV), deterministic for a seed",
		Long:  generateLong,
		// The first example's comment is the defaults themselves, so that it
		// cannot drift from them: a mean per weekday, fewer at weekends.
		Example: fmt.Sprintf("  staffsim generate > tickets.csv                        # %d weeks × %g tickets a weekday (fewer at weekends) from %s\n",
			def.Days/7, def.DailyVolume, def.Start.Format(time.DateOnly)) + `  staffsim generate --days 365 --daily-volume 1200 --trend 10% --seed 7 --out tickets.csv
  staffsim generate --tz Europe/London --holidays holidays.txt --out tickets.csv
  staffsim generate --days 7 --interval 30m > volumes.csv  # interval volumes instead of tickets`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.intervalSet = cmd.Flags().Changed("interval")
			return runGenerate(cmd.Context(), s, o)
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.days, "days", o.days, "number of days of history")
	f.StringVar(&o.start, "start", "", "first day, YYYY-MM-DD (default 2026-01-05, or earlier so that the history ends by Sunday 2026-07-05: fixed dates, in the past)")
	f.Float64Var(&o.volume, "daily-volume", o.volume, "mean tickets per weekday (Mon–Fri average) at the start")
	f.Var(&o.trend, "trend", "yearly volume growth, e.g. 5% or 0.05 (negative shrinks)")
	f.Var(&o.noise, "noise", "day-to-day volume variation beyond Poisson (coefficient of variation), e.g. 8%")
	f.StringVar(&o.tz, "tz", o.tz, "the desk's time zone (IANA name, e.g. Europe/London)")
	f.Uint64Var(&o.seed, "seed", o.seed, "random seed: the same seed gives the same bytes")
	f.StringVar(&o.out, "out", "", "write to FILE (atomically) instead of stdout (- for stdout)")
	f.StringVar(&o.holidays, "holidays", "", `FILE of public holidays, one YYYY-MM-DD per line, replacing the built-in UK-style bank holidays; "none" for no holidays`)
	f.Var(&o.interval, "interval", "write interval volumes at this interval (15m, 30m, 60m) instead of tickets")
	return cmd
}

// defaultHistoryEnd is the day after a default history's last day: the
// end of the built-in sample (26 weeks from Monday 2026-01-05).
var defaultHistoryEnd = time.Date(2026, 7, 6, 0, 0, 0, 0, time.UTC)

// config checks the options and turns them into a generator configuration.
func (o *generateOptions) config() (synth.Config, error) {
	var cfg synth.Config
	loc, err := loadZone(o.tz)
	if err != nil {
		return cfg, usagef("--tz %v", err)
	}
	if o.days < 1 || o.days > synth.MaxDays {
		return cfg, usagef("--days %d must be between 1 and %d", o.days, synth.MaxDays)
	}
	// The default history starts on the built-in sample's first day, or
	// earlier when it would run past the sample's last (Sunday 2026-07-05):
	// fixed dates keep the output deterministic, and an end in the past
	// keeps it a history (--days 365 from 2026-01-05 ran into the future,
	// and inspect rejected the generator's own rows).
	sy, sm, sd := synth.Sample().Start.Date()
	ey, em, ed := defaultHistoryEnd.Date()
	start := time.Date(sy, sm, sd, 0, 0, 0, 0, loc)
	if latest := time.Date(ey, em, ed-o.days, 0, 0, 0, 0, loc); latest.Before(time.Date(sy, sm, sd, 0, 0, 0, 0, loc)) {
		start = latest
	}
	if o.start != "" {
		if start, err = time.ParseInLocation(time.DateOnly, strings.TrimSpace(o.start), loc); err != nil {
			return cfg, usagef("--start %q is not a date: write YYYY-MM-DD, e.g. 2026-01-05", o.start)
		}
	}
	if !(o.volume > 0) || o.volume > synth.MaxDailyVolume || math.IsInf(o.volume, 0) {
		return cfg, usagef("--daily-volume %v must be above 0 and at most %g tickets a day", o.volume, synth.MaxDailyVolume)
	}
	if o.trend <= -1 || o.trend > 100 {
		return cfg, usagef("--trend %s must be above -100%% a year and at most 10000%%", o.trend.String())
	}
	if iv := time.Duration(o.interval); o.intervalSet || iv != 0 {
		switch {
		case forecast.CheckInterval(iv) != nil:
			return cfg, usagef("--interval %s must be whole minutes that divide 24h: use 15m, 30m or 60m", quantity.FormatDuration(iv))
		case int64(o.days)*int64(24*time.Hour/iv) > maxGeneratedIntervals:
			return cfg, usagef("--days %d at --interval %s is more than %d intervals: use a longer interval or fewer days", o.days, quantity.FormatDuration(iv), maxGeneratedIntervals)
		}
	}
	cfg = synth.Config{
		Start:       start,
		Days:        o.days,
		DailyVolume: o.volume,
		Trend:       float64(o.trend),
		DayNoise:    float64(o.noise),
		Seed:        o.seed,
		Location:    loc,
	}
	switch {
	case o.holidays == "":
	case strings.EqualFold(o.holidays, "none"):
		cfg.Holidays = synth.DateSet{}
	default:
		f, err := os.Open(o.holidays)
		if err != nil {
			return cfg, usagef("--holidays: %v", err)
		}
		defer f.Close()
		set, err := forecast.ReadHolidays(f, o.holidays)
		if err != nil {
			return cfg, usagef("--holidays %v", err)
		}
		cfg.Holidays = synth.DateSet(set)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, usageError{err}
	}
	return cfg, nil
}

// maxGeneratedIntervals bounds --interval output (it is aggregated in
// memory): a year of 1-minute intervals is 525,600.
const maxGeneratedIntervals = 5_000_000

func runGenerate(ctx context.Context, s streams, o *generateOptions) error {
	cfg, err := o.config()
	if err != nil {
		return err
	}
	if o.out, err = outFile("out", o.out, "tickets.csv"); err != nil {
		return err
	}
	var sum synth.Summary
	write := func(w io.Writer) (err error) {
		if o.interval != 0 {
			sum, err = writeGeneratedVolumes(ctx, w, cfg, time.Duration(o.interval))
		} else {
			sum, err = synth.WriteCSV(ctx, w, cfg)
		}
		return err
	}
	if o.out == "" {
		err = write(s.out)
	} else {
		err = atomicdir.WriteFile(o.out, write)
	}
	if err != nil {
		return err
	}
	last := sum.End.AddDate(0, 0, -1)
	fmt.Fprintf(s.err, "generate: %d tickets, %s to %s (%s, %s), seed %d",
		sum.Tickets, sum.First.Format(time.DateOnly), last.Format(time.DateOnly), daysText(cfg.Days), cfg.Location, cfg.Seed)
	if o.interval == 0 {
		fmt.Fprintf(s.err, "; at the end %d await a first response and %d are open", sum.Unanswered, sum.Open)
	}
	fmt.Fprintln(s.err)
	if o.out != "" {
		fmt.Fprintf(s.err, "generate: wrote %s\n", o.out)
	}
	return nil
}

// writeGeneratedVolumes writes the history aggregated into interval volumes:
// interval_start,arrivals,aht_seconds (aht_seconds empty for an interval
// with no arrivals).
func writeGeneratedVolumes(ctx context.Context, w io.Writer, cfg synth.Config, interval time.Duration) (synth.Summary, error) {
	sum := synth.Summary{First: cfg.FirstDay(), End: cfg.End()}
	series, err := synth.Series(ctx, cfg, interval)
	if err != nil {
		return sum, err
	}
	for _, a := range series.Arrivals {
		sum.Tickets += int(a)
	}
	return sum, gocsv.Marshal(series.VolumeRows(), w)
}

// daysText formats a number of days, "1 day" or "7 days".
func daysText(n int) string {
	if n == 1 {
		return "1 day"
	}
	return strconv.Itoa(n) + " days"
}

// yearlyGrowth is the --trend flag: a yearly growth written "5%", "-3%" or as a
// fraction "0.05". Unlike a quantity.Fraction it may be negative or above
// 100 %.
type yearlyGrowth float64

func (g *yearlyGrowth) String() string {
	return strconv.FormatFloat(float64(*g)*100, 'f', -1, 64) + "%"
}
func (g *yearlyGrowth) Type() string { return "percent" }
func (g *yearlyGrowth) Set(s string) error {
	t := strings.TrimSpace(s)
	pct := strings.HasSuffix(t, "%")
	v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(t, "%")), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("invalid growth %q: write e.g. 5%%, -2%% or 0.05", s)
	}
	if pct {
		v /= 100
	} else if math.Abs(v) > 1 {
		// As with quantity.Fraction: "5" is almost always a forgotten "%".
		return fmt.Errorf("invalid growth %q: did you mean %s%%? (write 5%%, -2%% or 0.05)", s, t)
	}
	*g = yearlyGrowth(v)
	return nil
}
