// Package plan is staffsim's whole job as a library: from a history of
// contacts to the staffing a desk needs, its cost, and how sure the
// simulation is of the SLA.
//
//		history ─▶ usable history ─▶ forecast ─▶ requirements ─▶ typical week ─▶ roster
//		        ─▶ headcount sweep (one week, three volume cases) ─▶ simulation (whole horizon)
//
//	  - usable history: the recent regime after 14 days without a contact,
//	    without first and last days the export cut short (forecast.Usable);
//	  - forecast: every method backtested, the best (lowest WAPE) forecasts
//	    the horizon with an 80 % band; a history shorter than a week repeats
//	    its mean day;
//	  - requirements: Erlang C (A with patience) agents per interval for the
//	    targets, scheduled agents = ⌈agents / (1 − shrinkage)⌉; an interval
//	    with contacts but no AHT takes the weighted mean (erlang.DemandOf);
//	  - roster: for each weekday and slot, the most scheduled agents of any
//	    week of the horizon, covered from the shift templates at the fewest
//	    paid hours (scenarios/roster), then checked in simulation against
//	    every target;
//	  - headcount: the roster scaled one agent at a time (headcount.ScaleTo)
//	    and simulated for one week at forecast volume, at the upper band and
//	    at +10 %; the smallest headcount meeting the SLA in Confidence of the
//	    simulated weeks is the recommendation;
//	  - simulation: the recommended roster over the horizon's whole days.
//
// Every stage models one desk (scenarios.Desk): the forecast's arrivals
// per interval, log-normal handle times with the mean AHT and CV 1,
// exponential patience, the SLA, shrinkage as absence. Paid hours are the
// roster's (shift length less unpaid breaks; overtime apart) and FTE and
// cost derive from them by headcount.Pay. Same input and options, same
// result, on any machine: nothing depends on the clock.
//
// Run does the work and returns every stage's result; writing files and
// printing are the caller's (cmd/staffsim writes the plan directory).
package plan
