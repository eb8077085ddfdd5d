// Package ticketplan is the staffing plan of an IT service desk: from a
// ticket history to the analysts each support tier needs, on which
// shifts, so that every priority's response and resolution SLAs — counted
// in business time — are met with a chosen probability.
//
// # Pipeline
//
//  1. Forecast: the history's tickets per interval are forecast over the
//     horizon as plan does (plan.Forecast: the usable recent regime, the
//     best backtested method, or the mean day of a short history).
//
//  2. Model (Model): each priority's share of the volume, its escalation
//     rate (ServiceNow's reassignment_count > 0: L1 → L2; ≥ 2 among the
//     escalated: L2 → L3) and reopen rate (reopen_count > 0) are measured
//     in the history (package scenarios/tickets); what an export lacks —
//     touch times per tier, waits on the user — comes from the options, and
//     Result.Assumptions says so. The tiers are L1, then L2 and L3 where
//     the history shows escalations to them.
//
//  3. Starting roster (Erlang only as a start): each tier's offered work
//     per interval,
//
//     load_t(i) = Σ_p F(i)·s_p·r_p(t)·τ_t / (1 − q) / Δ     (erlangs)
//
//     with F(i) the forecast tickets of interval i, s_p the priority's
//     share, r_p(t) the share of its tickets reaching tier t (1 for L1, the
//     product of the escalation rates before t, times 1 + the reopen rate
//     at L1), τ_t the tier's mean touch time, q the pending probability
//     and Δ the interval, is averaged over two hours (tickets wait; the
//     work, not its instant, must be covered), divided by the occupancy
//     cap and laid over a typical week (the largest of each weekday and
//     slot), at least one analyst whenever the business calendar is open,
//     and a weekly roster is solved on it per tier from the shift
//     templates (roster.Solve).
//
//  4. Search (the simulator in the loop): the whole desk — every priority
//     through every tier, pending waits, escalations, reopens, business
//     calendars — is simulated over the horizon (the first week a warm-up
//     when the horizon has three or more); P(meet) of a priority is the
//     share of replications in which each of its targets' attainment
//     reached its goal. While a priority's P(meet) is below the
//     confidence, the tier whose added agents raise the priorities' P(meet)
//     most (Σ_p min(P_p, confidence), then the lowest cost) grows by a step
//     (5 % of it, at least one analyst); then each tier sheds analysts while
//     every priority still meets it, in steps halving down to one. Tiers
//     grow and shrink along headcount.ScaleTo's sequence, so a tier of n+1
//     analysts is the tier of n plus one, and the random streams are
//     common to every candidate (the same tickets with the same work).
//
//  5. Headcount case: the recommended roster scaled (every tier alike)
//     to 80–120 % and at +10 % volume, with P(meet) per priority at each.
//
// Costs: paid hours per week, FTE and cost per year through
// headcount.Pay.Of, per tier and in all.
package ticketplan
