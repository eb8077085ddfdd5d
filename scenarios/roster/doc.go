// Package roster builds a roster — shifts × headcount — that covers a
// per-interval staffing requirement at the fewest paid hours.
//
// # Model
//
// The requirement r_i is the number of agents that must be on shift and not
// on a break during interval i (i = 0 … m−1, each Interval long, in the
// desk's time zone). A column j is a weekly pattern: one shift template
// (start time, length, breaks) worked on a fixed set of weekdays, so an agent
// on column j works the same shift on each of his working days and has the
// other days off. An agent on column j staffs interval i for the fraction
//
//	a_ij = |interval i ∩ (shift occurrences − breaks)| / Interval   ∈ [0, 1]
//
// of the interval: a 15-minute break inside a 30-minute interval counts
// half an agent there. Breaks sit at a fixed offset from the shift start
// (Break.After), the same for every agent of the template; the simulator
// places them the same way.
//
// The roster solves the integer covering problem
//
//	minimise   Σ_j c_j·x_j                  (c_j: paid hours of column j in the horizon)
//	subject to Σ_j a_ij·x_j ≥ r_i           for every interval i
//	           limits (headcount, agents per template, part-time share)
//	           x_j ∈ {0, 1, 2, …}
//
// in two steps. The LP relaxation (x_j ≥ 0 real) gives a lower bound on
// the paid hours of any roster; the integer roster starts from the rounded
// LP solution and from a greedy cover (most shortfall removed per paid
// hour), then goes through greedy removal of agents whose removal keeps
// coverage, simulated annealing over add / remove / move moves (anneal),
// and a local search that removes one agent and re-covers what it left
// short with cheaper shifts (improve).
//
// # The LP bound
//
// The LP of the whole horizon is solved by a revised primal simplex of
// this package (simplex.go): the basis inverse kept dense and updated by
// row operations, Devex pricing over the sparse columns, the Harris ratio
// test, a fresh inverse every 100 pivots. Its cost per pivot is O(m² +
// nonzeros), against gonum's lp.Simplex's O(m³) (three dense
// factorisations per pivot). Measured on the shared 2-core AMD EPYC:
//
//	week, 210 rows × 584 columns:      0.14 s, 1,305 pivots (gonum: 14 s)
//	fortnight, 420 rows × 584 columns: 0.9 s, 2,112 pivots
//
// (BenchmarkWeekLP, BenchmarkFortnightLP; same bound as gonum's to 1e-3 h).
// The bound is computed from the simplex's dual prices, clipped to the
// dual's sign bounds and scaled until every column's reduced cost is
// ≥ 0: a feasible dual, so by weak duality a valid lower bound whatever
// the rounding of the simplex (see relax). Options.DayBound replaces it
// by the sum of one LP per local day, valid but weaker since each day may
// pick its own shift starts (see blockBound).
//
// # Determinism
//
// Nothing depends on time: the simplex has a pivot budget, not a time
// budget; the annealing draws from seeded generators. The same problem
// and options give the same roster on a loaded machine as on an idle one
// (TestDeterministicUnderLoad); only Roster.Elapsed differs.
//
// Refine then puts the roster through the simulator (package sim): it adds
// agents to shifts covering intervals that miss the SLA and removes slack
// while the SLA holds, so the roster meets the goal in simulation at the
// fewest paid hours it found.
//
// # Never infeasible
//
// An interval that no template reaches, or that the limits leave short, does
// not make the problem fail. Every coverage row has a shortfall variable
// with a penalty far above any column's cost, so the LP first minimises the
// total shortfall and then the paid hours; the integer search compares
// rosters the same way (shortfall first, paid hours second). The result
// lists every interval left short and by how much.
//
// # Horizon
//
// Costs count the shift occurrences that start inside the horizon. The
// roster is taken to repeat: when the horizon is a whole number of days, the
// part of a shift running past the horizon's end (a night shift on the last
// day) wraps round to its start, standing in for the same shift of the
// previous cycle.
//
// # What the roster covers
//
// Required is what the roster must put on shift. From a requirements.csv
// the command covers scheduled_agents (agents / (1 − shrinkage), rounded
// up), not agents: breaks in the templates are modelled explicitly, and
// the rest of shrinkage (absence, meetings) is left to the simulator,
// which Refine runs with the requirement's implied shrinkage as the chance
// that a scheduled agent misses a whole shift.
//
// # Units
//
// Times are wall-clock in the location of Problem.Start (a shift that starts
// at 07:00 starts at 07:00 on a DST change day too); lengths and breaks are
// elapsed time. Paid hours are hours; a break is paid unless marked unpaid.
package roster
