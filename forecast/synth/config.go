package synth

import (
	"fmt"
	"time"
)

// Config describes the synthetic history to generate. The zero value is not
// usable: Days and DailyVolume must be set (Sample returns a complete one).
type Config struct {
	// Start is the first day of the history. Only its calendar date (in
	// Start's own location) matters: the history starts at midnight of
	// that date in Location.
	Start time.Time
	// Days is the number of days of history, at least 1.
	Days int
	// DailyVolume is the mean weekday volume (tickets per day, averaged over
	// Monday to Friday) on the first day, before trend, holidays and noise.
	// It must be positive.
	DailyVolume float64
	// Trend is the yearly growth of volume: 0.05 is +5 % a year, −0.1 is
	// −10 % a year; it must be greater than −1. Zero means no trend.
	Trend float64
	// DayNoise is the coefficient of variation of a log-normal day-level
	// volume multiplier with mean 1 (weather, outages, releases make some
	// days busier than their weekday suggests). Zero means pure Poisson
	// variation; it must be between 0 and 1.
	DayNoise float64
	// Seed selects the random stream: the same Config gives the same
	// tickets, bit for bit, on the same platform.
	Seed uint64
	// Location is the desk's time zone: the intraday profile, weekdays,
	// business hours and holidays follow its wall clock. Nil means Start's
	// location.
	Location *time.Location
	// Holidays is the public-holiday calendar. Nil means UKBankHolidays;
	// an empty DateSet means no holidays.
	Holidays Calendar
}

// Limits on a Config, to keep runs finite.
const (
	MaxDays        = 100 * 366
	MaxDailyVolume = 1e7
)

// Sample returns the configuration of the built-in sample history: 26
// weeks (182 days) from Monday 5 January 2026 in UTC, 400 tickets a weekday
// growing 5 % a year, 8 % day-level noise, UK-style bank holidays, seed 1
// (about 53,000 tickets).
func Sample() Config {
	return Config{
		Start:       time.Date(2026, time.January, 5, 0, 0, 0, 0, time.UTC),
		Days:        182,
		DailyVolume: 400,
		Trend:       0.05,
		DayNoise:    0.08,
		Seed:        1,
		Location:    time.UTC,
	}
}

// Validate checks the configuration and says which field is wrong.
func (c Config) Validate() error {
	switch {
	case c.Days < 1 || c.Days > MaxDays:
		return fmt.Errorf("days %d must be between 1 and %d", c.Days, MaxDays)
	case !(c.DailyVolume > 0) || c.DailyVolume > MaxDailyVolume:
		return fmt.Errorf("daily volume %v must be a number above 0 and at most %g", c.DailyVolume, MaxDailyVolume)
	case !(c.Trend > -1) || c.Trend > 100:
		return fmt.Errorf("trend %v must be a yearly growth above −1 (−100 %%) and at most 100 (+10,000 %%)", c.Trend)
	case !(c.DayNoise >= 0 && c.DayNoise <= 1):
		return fmt.Errorf("day noise %v must be a coefficient of variation between 0 and 1", c.DayNoise)
	case c.Start.IsZero():
		return fmt.Errorf("start date is missing")
	}
	// The Gregorian computus holds from 1583; RFC 3339 has 4-digit years.
	if first, last := c.Start.Year(), c.End().AddDate(0, 0, 30).Year(); first < 1583 || last > 9999 {
		return fmt.Errorf("history from %s for %d days must lie within the years 1583 to 9999", c.Start.Format(time.DateOnly), c.Days)
	}
	return nil
}

// location returns the desk's time zone.
func (c Config) location() *time.Location {
	if c.Location != nil {
		return c.Location
	}
	return c.Start.Location()
}

// Calendar returns the holiday calendar: Holidays, or UKBankHolidays when
// it is nil.
func (c Config) Calendar() Calendar {
	if c.Holidays != nil {
		return c.Holidays
	}
	return UKBankHolidays{}
}

// FirstDay returns local midnight of the first day.
func (c Config) FirstDay() time.Time {
	loc := c.location()
	y, m, d := c.Start.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// End returns local midnight after the last day: the moment the history
// was "exported". Nothing is created at or after End.
func (c Config) End() time.Time {
	loc := c.location()
	y, m, d := c.Start.Date()
	return time.Date(y, m, d+c.Days, 0, 0, 0, 0, loc)
}
