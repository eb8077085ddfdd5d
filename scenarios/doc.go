// Package scenarios reads, validates and writes staffsim scenario files
// (YAML): a desk's queues (arrivals, handle times, patience, SLA), its roster
// (shifts, breaks, skills, shrinkage) and its cost, over a horizon of days.
//
// Parsing is strict. An unknown key, a value of the wrong type, an
// impossible value (a negative length, a break after its shift ends, a skill
// no queue has) or a missing file is an *Error that names the file, the
// line and the key path, and says how to fix it:
//
//	scenario "x.yaml": line 12: roster.shifts[1] "late": breaks[0].after: 9h is after the shift ends (length 8h30m); put the break within the shift
//
// Paths inside a scenario (arrivals.forecast, arrivals.history) are
// relative to the scenario file. Marshal writes a scenario back in the same
// format so that Parse(Marshal(s)) equals s.
//
// Run simulates a scenario with package sim (forecast and history files are
// read with package forecast: a forecast's expected arrivals per interval
// drive a non-homogeneous Poisson process, a history's creation times are
// replayed; tickets.arrivals replays one ticket history for a whole ticket
// desk, each ticket to the priority its priority column matches, Tickets.Route)
// and converts the result into the plain data of package
// scenarios/report, adding cost (paid hours × hourly cost), cost per
// answered contact and the agents Erlang C requires for the same demand.
// Compare runs several scenarios on common random numbers and names the
// cheapest that meets every SLA.
//
// The cost section is optional: without cost.hourly, Cost.None is set and
// the report leaves cost out (null in JSON) rather than showing 0; such a
// scenario is never the cheapest. Shifts may have agents: 0, but every
// queue needs some shift with agents that serves it: a desk nobody staffs
// is refused with an error naming the queue and the agents: 0 line (it
// would only show every contact abandoning).
//
// Units: durations are time.Duration; rates are contacts per hour; shares
// (goal, shrinkage) are fractions in [0, 1]; cost is money per paid agent
// hour in the desk's currency.
package scenarios
