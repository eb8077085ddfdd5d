// Package replay answers a planner's first question about a simulated
// roster — does it reproduce last month? — from a call log (one row per
// call: queue entry and exit, outcome, service start and end, agent; the
// shape of the Anonymous Bank export, read by package forecast/calllog).
//
// Build turns the log into a scenario (package scenarios):
//
//   - arrivals: every queued call replayed at its own queue entry, with
//     its own handle time (service end − start) and, for an abandoned
//     call, its observed time to abandon as its patience
//     (own_handle_times, own_patience); a call answered without a
//     recorded service draws its handle time from the log-normal fit;
//   - patience of the answered calls (censored: they would have waited at
//     least as long as they did): drawn from the Kaplan–Meier estimate of
//     the log (Brown et al. 2005, JASA 100: 36–50, §6), written as an
//     empirical distribution of its quantiles; beyond the longest observed
//     wait, where Kaplan–Meier says nothing, the tail is exponential with
//     the log's maximum-likelihood rate θ̂ = abandons / Σ waits;
//   - wrap-up and pick-up delay: from the gaps between an agent's calls
//     (calllog.Gaps), as gamma distributions with the estimated mean and
//     CV; when the two cannot be told apart (the desk is not
//     work-conserving), the busy gaps (wrap-up + pick-up) are the pick-up
//     delay and there is no separate wrap-up, so that the agents' time
//     between calls is right;
//   - staffing: the agents present per interval (calllog.Gaps.Present, a
//     lower bound on the agents logged in), or a staffing curve the caller
//     knows, as a staffing curve with hard shift ends (sim.CurveShifts).
//
// Run simulates it and compares, per day, per hour and over the whole
// log, the simulated figures with the log's own: the service level at
// each target, the abandon rate, the ASA and the calls answered, with the
// error and what chance alone would give (report.ReplayFigure).
//
// Units: seconds for waits and targets, shares as fractions, times in
// the desk's time zone.
package replay
