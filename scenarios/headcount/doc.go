// Package headcount answers leadership's question — how many agents, at what
// cost, and what happens to the service level at each headcount and volume —
// by simulation rather than by formula.
//
// A sweep scales a roster's headcount over a range of factors (for example
// 0.8 … 1.3 of the planned roster) and runs each scaled roster against
// several volume cases (the forecast, its upper prediction band, +10 %), all
// with the same seed so that every point sees the same contacts (common
// random numbers, see package sim). Each point reports the service level,
// ASA and abandon rate with 95 % confidence intervals, the paid hours, FTE and
// cost, and the probability of meeting every queue's SLA goal over the
// simulated period: the share of replications in which it was met. The
// smallest headcount whose probability reaches the confidence asked for
// (90 % by default) is the headcount to ask for.
//
// Units: hours per week, FTE = paid agent hours per week ÷ contracted hours
// per FTE, cost per year = paid hours per week × 365.25/7 × hourly cost.
package headcount
