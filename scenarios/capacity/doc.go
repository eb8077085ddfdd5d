// Package capacity is the long-range capacity plan behind `staffsim
// capacity`: how many people the desk needs month by month over the next
// 12–18 months, how many it will have as people leave and new hires ramp
// up, and which hiring classes close the gap at least cost with a chosen
// probability.
//
// # Demand
//
// The near-term forecast and the desk (handle times, SLA, patience) are
// plan's (plan.Prepare): the next four weeks of arrivals per interval.
// The long-range model scales them month by month. On the history's open
// days (holidays and days without contacts left out) it fits by least
// squares
//
//	log V(d) = a + g·y(d) + w[weekday(d)] + s[month(d)] + ε
//
// where V(d) is the day's contacts, y(d) years since the first day, w a
// weekday effect and s a month-of-year effect (fitted only when the
// history spans two years, so that trend and season can be told apart).
// The level of month m is then
//
//	L(m) = mean_{d∈m} exp(g·y(d) + s[month(d)]) / mean_{d∈base} exp(g·y(d) + s[month(d)]) × Π events(m)
//
// relative to the base four weeks. A given yearly growth G replaces the
// fitted trend (g = ln(1+G)). Events (a product launch) multiply the
// months they touch. AHT grows by its own fitted (or given) yearly rate.
//
// # Requirement
//
// Month m's requirement goes through plan's staffing model: the base
// forecast's arrivals × L(m) × the month's AHT factor (the workload; AHT
// changes of a few percent a year move T/AHT too little to matter) are
// sized with Erlang per interval for the SLA at the month's shrinkage,
// laid on a typical week (plan.TypicalWeek: per weekday and slot, the
// busiest of the four weeks), rostered from the shift templates and
// checked in simulation (plan.StaffWeek). The roster's paid hours a week
// give the required FTE through headcount.Pay — the same conversion as
// plan, so with no growth, no attrition and no learning curve capacity's
// month equals plan's roster FTE. Rostering takes seconds a week, so only
// workloads on a grid of LevelStep are rostered and months between are
// interpolated linearly (see staffing.months).
//
// # Supply
//
// Each head belongs to a cohort: the starting headcount, or a hiring
// class with a start date. A class is requisitioned LeadTime before it
// starts, trains for Training (paid, not productive), and then works at
// Ramp[k] of full productivity in its k-th month of tenure after training
// (an AHT multiplier of 1.5 is a productivity of 1/1.5), 1 after. Each
// head leaves independently with probability p per month: its time to
// leaving in months is T = ln U / ln(1−p), U uniform on (0, 1], so it is
// still there after x months of exposure with probability (1−p)^x and a
// cohort of n heads keeps Binomial(n, (1−p)^x). Exposure counts whole
// calendar months from the cohort's first month (the month containing
// today for the starting headcount).
//
// Month m's productive FTE is Σ heads × productivity × hours per head ÷
// hours per FTE (headcount.Pay), with the heads still there at the month's
// end and their productivity on its first day — the month's weakest point
// on both counts, so that every week of the month is covered (the typical
// week is the month's busiest too). A class therefore helps a month only
// when its training has ended by the month's first day. Pay counts every
// day from the class's start. Overtime can stretch the productive FTE by
// at most Overtime (a share of contracted hours) at OvertimePremium × the
// hourly cost. P(meet) of month m is the share of simulated attrition
// paths whose productive FTE with overtime reaches the required FTE: the
// roster behind the requirement met the SLA in simulation, so this is the
// probability of enough people to meet it.
//
// # Hiring plan
//
// The class for month m starts on the last Monday that ends its training
// by m's first day, if that is at least LeadTime after today: just in
// time, so that it is paid the least before it helps; it takes MinClass
// to MaxClass heads. The optimiser walks the months in order; while a
// month's P(meet) is below the target it adds the cheapest single class
// that brings the month to the target on its own — expected pay over the
// horizon plus CostPerHire for every head it takes, a class not yet open
// at least MinClass — and, when none can alone (the classes are full),
// adds a head at a time to the class with the least expected cost per
// expected productive FTE. A month no class can reach — the lead time and
// training end after it, or every class that could help is full — is
// reported as unmet with the reason, and is skipped. Adding heads never
// lowers any month's supply, so the months met stay met. This is a greedy
// heuristic, not a proof of the least cost: it meets every month that can
// be met, and spends no more than the cheapest single fix month by month.
//
// # Randomness
//
// Every head's U comes from a PCG stream keyed by (seed, purpose, cohort,
// head) drawing one value per run, so adding a head or a class leaves
// every other head's draws unchanged, and the same inputs give the same
// bytes on any machine.
package capacity
