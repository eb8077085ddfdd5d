// Package calllog turns a call centre's call log — one row per call, as
// an ACD exports it — into the desk's behaviour parameters: what the
// callers measured (answered, abandoned, ASA, service level), their
// patience, the agents' handle time, after-call work (wrap-up) and
// pick-up delay, and the agents present per interval.
//
// The estimators follow Brown, Gans, Mandelbaum, Sakov, Shen, Zeltyn and
// Zhao (2005), "Statistical analysis of a telephone call center: a
// queueing-science perspective", JASA 100: 36–50, whose data set is the
// one the Anonymous Bank export comes from:
//
//   - patience (time a caller is willing to wait) is censored by service:
//     an answered call only says that its caller would have waited at
//     least as long as it did. Patience is estimated by Kaplan–Meier with
//     answered calls censored at their wait and abandoned calls events at
//     theirs (Brown et al. §6), with Greenwood's variance; and by the
//     exponential maximum-likelihood rate θ̂ = abandoned / Σ waits of all
//     queued calls (the ratio P(Ab)/E[W] of Brown et al. §6.3);
//   - handle (service) time is log-normal (Brown et al. §5): the
//     log-normal MLE and a Kolmogorov–Smirnov distance with Lilliefors's
//     critical value say how well that fits;
//   - wrap-up and pick-up delay are read from the gaps between one
//     agent's consecutive calls (Brown et al. §3.2 call the agent's time
//     between calls "wrap-up" and note that the export records only
//     service), and agents present per interval from each agent's
//     activity (Gaps).
//
// Units: times are in the desk's time zone (Options.Location); waits,
// handle times, wrap-up and pick-up delay are seconds; agents are a
// time-average per interval.
//
// Why its own reader: package forecast/history reads a call log as
// tickets, and its Ticket carries a creation, a first response, a
// resolution and a handle time — not the outcome, the queue exit of an
// abandoned call or the agent, which every estimate here needs. Read is
// encoding/csv with the header mapped once (gocsv's fixed struct tags
// cannot follow an export's own column names), and parses clock times
// without allocating: a month of 400 000 rows reads in a third of a
// second (BenchmarkRead).
//
// Read streams the rows of a log to a callback, so reading keeps no rows;
// the Estimator keeps a compact record of every queued call (a few dozen
// bytes each: Kaplan–Meier and quantiles need them all), about 15 MB for
// a month of 400 000 calls.
package calllog
