// Package sim is the discrete-event simulator of a service desk or contact
// centre: contacts arrive in queues, wait, are answered by agents who work
// shifts with breaks and skills, or abandon; the simulator measures what
// planners read (service level, ASA, abandon rate, occupancy, backlog) per
// reporting interval and queue, over many independent replications, with
// 95 % confidence intervals.
//
// # Model
//
// Time is a time.Duration since Config.Start (exact, aligned with the
// reporting intervals); wall-clock things (shift start times, weekdays) are
// read in Start's location, so a shift starting at 08:00 starts at 08:00
// local time on both sides of a daylight-saving change.
//
//   - Demand per queue (Arrivals): a Poisson process with a constant rate, a
//     non-homogeneous Poisson process with piecewise-constant rates (for
//     example a forecast's expected arrivals per interval), or a replay of
//     recorded arrival times; each multiplied by a volume Scale.
//   - Handle times and patience (Dist): exponential, log-normal, gamma, fixed
//     or empirical (resampled from history). With per-interval counts, each
//     interval may have its own mean handle time (Arrivals.AHT, a
//     forecast's aht_seconds): the distribution is scaled to it. A contact whose wait reaches its
//     patience abandons and leaves. A queue without patience never loses a
//     contact.
//   - Routing: an agent that becomes free takes the oldest contact of the
//     highest-priority (lowest Priority number) non-empty queue among its
//     skills; queues of equal priority are served oldest contact first. An
//     arriving contact goes to the skilled agent that has been idle longest.
//     Two routing classes go beyond that (routing.go): agents reserved for
//     queues (Shift.Reserved), which take nothing else and which default
//     skills leave those queues to, and an overflow threshold
//     (Queue.OverflowAfter) for which a contact waits for its queue's
//     primary agents before any other skilled agent may take it.
//   - Roster (Shift): start time of day, length, weekdays, headcount, skills
//     and breaks. A break or a shift end waits for the contact in hand; time
//     worked past a shift's end is overtime. A delayed break still lasts its
//     full length (but never past the shift end). Work left at the end of a
//     day stays queued into the next; there is no reset at midnight.
//   - Not-ready time (Shift.NotReady = s): each agent alternates ready
//     periods and short not-ready spells (exponential, mean
//     Shift.NotReadySpell), not ready for a share s of its time on duty;
//     a spell due while busy is taken once the contact is done.
//   - Shrinkage (Config.Shrinkage = s) is modelled as absence: each agent of
//     each shift occurrence is, independently with probability s, absent for
//     the whole occurrence — paid but never available. Expected available
//     agent time is therefore (1 − s) × scheduled time, matching the DESIGN
//     definition scheduled = required / (1 − s); its variance (whole shifts
//     lost at once) is larger than that of short, spread-out absences, which
//     errs on the side of caution.
//   - Initial backlog: Queue.InitialBacklog contacts are waiting at time 0;
//     they count as offered in the first interval and their wait starts at 0.
//   - Tickets (Config.Tickets, an IT service desk): tickets of several
//     priorities move through support tiers (L1, L2, …) in touches, wait on
//     the user with the SLA clock stopped, escalate, reopen, and may pre-empt
//     lower priorities; response and resolution SLAs are counted in business
//     time on a calendar (package sim/calendar). Result.Tickets reports them
//     per priority and tier; see Tickets for the lifecycle and definitions.
//
// # Metrics
//
// A contact belongs to the interval in which it arrived: its answer or
// abandonment is counted there even when it happens later. For SLA target T:
//
//	service level = answered within T / (answered + abandoned)
//	ASA           = mean wait of answered contacts
//	abandon rate  = abandoned / (answered + abandoned)
//	occupancy     = busy agent time / available agent time
//
// where available means on shift, present (not lost to shrinkage), not on
// a break and not "not ready" (Shift.NotReady: on duty and paid but taking
// no contact). DESIGN's occupancy (busy / staffed time not on break) is
// this one when no shift has a not-ready share; with one, the not-ready
// time leaves the denominator as a break would, so occupancy stays the
// share of ready time spent on contacts. A contact counts as answered when an agent starts handling it.
// Per-queue occupancy and agents available count the agents skilled for
// that queue; a multi-skilled agent counts in every queue it can serve, so
// per-queue figures do not add up to the desk total. An interval in which no
// contact was answered or abandoned has no service level: its Estimate has
// N == 0 (never NaN). Statistics stream: memory is bounded by the queue
// lengths, the roster and the number of intervals, not by the number of
// contacts.
//
// # Engine
//
// The event core is a 4-ary heap of 24-byte value events ordered by (time,
// scheduling sequence), with a switch on the event kind as the callback:
// no goroutine per entity, no package state, no allocation per event.
// Ties run in scheduling order, so a run is reproducible. An abandonment
// timer is cancelled in O(1) by moving the contact's generation on; the
// stale event is dropped when it reaches the top of the heap. Waiting
// contacts live in pooled slots and per-queue ring buffers; agents in
// intrusive idle lists per skill set; statistics are integrated only when
// a level (agents busy, agents available, contacts waiting) changes. A run
// checks its context every 16,384 events.
//
// # Randomness and replications
//
// Replication i of a run with seed s draws from its own PCG streams
// (math/rand/v2) derived from (s, i, purpose): one stream per queue for
// arrivals, one per queue for handle times, one per queue for patience
// (streams keyed by the queue's name, not its position) and one for
// shrinkage. Handle time and patience are drawn when a contact arrives, so
// two configurations run with the same seed — two rosters, say — see the
// same contacts with the same handle times and patience (common random
// numbers), and their difference has far less noise than two independent
// runs. Replications run in parallel on GOMAXPROCS workers and are combined
// in replication order, so results are bit-for-bit identical whatever the
// number of cores.
//
// References: Gans, Koole & Mandelbaum (2003), "Telephone call centers:
// tutorial, review, and research prospects", M&SOM 5(2) — Erlang C and the
// DESIGN service-level definition; Garnett, Mandelbaum & Reiman (2002),
// "Designing a call center with impatient customers", M&SOM 4(3) — Erlang A
// (M/M/n+M), against which the simulator is tested.
package sim
