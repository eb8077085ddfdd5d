// Package staffing reads and writes staffing curves: the agents present
// in each interval of a desk, as DESIGN.md defines the file
//
//	interval_start,agents[,queue]
//
// one row per interval (and queue), interval_start in RFC 3339 with the
// desk's offset, agents a time-average that may be fractional (10.5 is
// ten agents for half the interval and eleven for the other half). It is
// what the desk really had — from an ACD's agent report, or estimated
// from a call log by package forecast/calllog — as opposed to the
// requirement Erlang asks for.
//
// Units: agents are a time-average over the interval; times are in the
// desk's time zone.
package staffing
