// Package forecast reads a service desk's history (one row per ticket or
// call, an event log with one row per update, or one row per interval) into
// an interval Series, and forecasts arrivals and average handle time (AHT)
// per interval with prediction intervals and backtests.
//
// Units: arrivals are contacts per interval; handle times are seconds.
// An interval is a wall-clock slot in the desk's time zone; a contact
// belongs to the interval in which it arrives. Intervals are a fixed
// duration (15m, 30m or 60m) apart in absolute time, so a day on which
// daylight saving time starts or ends has 46 or 50 half-hour intervals.
package forecast
