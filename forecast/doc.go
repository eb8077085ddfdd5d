// Package forecast forecasts a service desk's arrivals and average handle
// time (AHT) per interval, with prediction intervals and backtests. Its
// input is an interval Series; LoadSeries aggregates a history read by
// package forecast/history (tickets, event logs or interval volumes) into
// one. The forecasting methods need only a Series, not the CSV reader.
//
// Units: arrivals are contacts per interval; handle times are seconds.
// An interval is a wall-clock slot in the desk's time zone; a contact
// belongs to the interval in which it arrives. Intervals are a fixed
// duration (15m, 30m or 60m; CheckInterval is the rule) apart in absolute
// time, so a day on which daylight saving time starts or ends has 46 or
// 50 half-hour intervals.
package forecast
