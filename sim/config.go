package sim

import (
	"time"
)

// DefaultInterval is the reporting interval used when Config.Interval is 0.
const DefaultInterval = 30 * time.Minute

// Config describes one desk to simulate. It is plain data: build it in code
// or from a scenario file, check it with Validate, run it with Run.
//
// Zero values: Interval 0 means DefaultInterval (30m); Replications 0 means
// 1; Shrinkage 0 means every scheduled agent is present.
type Config struct {
	// Start is the instant simulated time 0 stands for; its location is the
	// desk's time zone, in which shift times and weekdays are read.
	Start time.Time
	// Horizon is the simulated (elapsed) duration; it must be positive. The
	// last interval is shorter when Horizon is not a multiple of Interval.
	// For d whole calendar days across a daylight-saving change use
	// Start.AddDate(0, 0, d).Sub(Start) (a 25-hour day has 50 half hours).
	Horizon time.Duration
	// Interval is the reporting interval (15m, 30m, 60m, ...).
	Interval time.Duration
	// Warmup is excluded from every statistic: results cover
	// [Warmup, Horizon). It must be a multiple of Interval and shorter than
	// Horizon. Contacts that arrive during warmup are served but not counted.
	Warmup time.Duration
	// Queues are the contact types, with distinct names; at least one
	// unless Tickets are set.
	Queues []Queue
	// Tickets, when set, is the desk's ticket work: priorities moving
	// through support tiers with response and resolution SLAs (see
	// Tickets); nil for a desk of queues only.
	Tickets *Tickets
	// Shifts are the roster.
	Shifts []Shift
	// Shrinkage in [0, 1) is the probability that a scheduled agent is
	// absent for a whole shift occurrence (see the package documentation).
	Shrinkage float64
	// Seed selects the random streams; equal seeds give equal results.
	Seed uint64
	// Replications is the number of independent replications (≥ 1).
	Replications int
}

// Queue is one type of contact with its demand, handle time, patience and SLA.
type Queue struct {
	// Name identifies the queue in skills, results and random streams.
	Name string
	// Priority orders queues for agents: lower is served first.
	Priority int
	// Arrivals is the demand.
	Arrivals Arrivals
	// HandleTime is the distribution of handle (work) time; required.
	HandleTime Dist
	// Patience is the distribution of the time a contact is willing to
	// wait; the zero Dist means nobody abandons.
	Patience Dist
	// WrapUp is the after-contact work (ACW) an agent does after each
	// contact of the queue, busy but with no contact in hand; the zero Dist
	// means none. HandleTime is then the time with the contact.
	WrapUp Dist
	// PickUp is the delay between an agent becoming free for a waiting or
	// arriving contact and answering it (not ready, ringing): the contact
	// waits it too, the agent is busy; the zero Dist means none — a
	// work-conserving desk.
	PickUp Dist
	// OverflowAfter > 0 is how long a contact waits for the queue's
	// primary agents (those of shifts whose first skill it is) before any
	// other skilled agent may take it (routing.go); 0 lets every skilled
	// agent take it at once.
	OverflowAfter time.Duration
	// SLATarget is T in "answered within T" (0 counts only contacts
	// answered without waiting).
	SLATarget time.Duration
	// Targets are further service-level targets, counted beside
	// SLATarget (e.g. 60 s beside 20 s): Counts.More gives, per target,
	// the contacts answered within it and those late for it. SLAGoal and
	// Metrics judge SLATarget only. None of them changes what happens.
	Targets []time.Duration
	// SLAGoal in [0, 1] is the share of contacts that should be answered
	// within SLATarget; it only feeds Metrics.MetGoal.
	SLAGoal float64
	// InitialBacklog contacts are already waiting at time 0.
	InitialBacklog int
}

// Arrivals is the demand of a queue. Exactly one of PerHour, Counts and
// Times is set; a queue with no demand at all sets PerHour to 0 and leaves
// the others empty (useful with InitialBacklog).
//
//   - PerHour: a Poisson process with this constant rate (contacts per hour).
//   - Counts with Step: a non-homogeneous Poisson process whose rate is
//     Counts[i]/Step on [CountsStart + i·Step, CountsStart + (i+1)·Step) — a
//     forecast's expected arrivals per interval (forecast.Series: Start,
//     Interval, Arrivals). CountsStart zero means Config.Start. The counts
//     must cover the horizon; counts outside it are ignored.
//   - Times: replay of recorded arrival times (offsets from Config.Start, any
//     order; times outside [0, Horizon) are ignored). Replays are the same in
//     every replication; only handle times and patience vary — unless the
//     trace gives them too: Handle[i] and Patience[i], when set (same length
//     as Times) and positive, are contact i's own handle time and patience
//     (an abandoned call's observed time to abandon); 0 draws it from the
//     queue's distribution (an answered call's patience is not observed).
//
// AHT, with Counts, gives each interval of Counts its own mean handle
// time: a contact arriving in interval i with AHT[i] > 0 draws its handle
// time from the queue's HandleTime scaled by AHT[i] / HandleTime's mean —
// the family and coefficient of variation kept, the mean AHT[i] (a
// forecast's aht_seconds). AHT[i] == 0 keeps the queue's mean, and so do
// the intervals past the end of AHT (nil keeps it everywhere); AHT is at
// most as long as Counts.
//
// Scale multiplies the volume (0 means 1): the rates of a Poisson process
// are multiplied by Scale; a replay keeps each recorded contact
// ⌊Scale⌋ times plus once more with probability Scale − ⌊Scale⌋, the copies
// arriving at the recorded instant.
type Arrivals struct {
	PerHour     float64
	Counts      []float64
	AHT         []time.Duration // per interval of Counts, optional (see above)
	Step        time.Duration
	CountsStart time.Time
	Times       []time.Duration
	Handle      []time.Duration // per recorded contact, optional (see Times)
	Patience    []time.Duration // per recorded contact, optional (see Times)
	Scale       float64
}

// countsOffset returns how long before Config.Start the counts begin.
func (a *Arrivals) countsOffset(start time.Time) time.Duration {
	if a.CountsStart.IsZero() {
		return 0
	}
	return start.Sub(a.CountsStart)
}

// Shift is a recurring block of work in the roster: Agents agents start at
// Start (time of day, wall clock in the desk's time zone) on each of Days
// and work for Length, with Breaks.
type Shift struct {
	// Name identifies the shift in error messages.
	Name string
	// Start is the wall-clock time of day, e.g. 7*time.Hour + 30*time.Minute
	// for 07:30; in [0, 24h).
	Start time.Duration
	// Length is the paid duration of the shift (breaks included); a shift
	// may run past midnight. At most 7 days.
	Length time.Duration
	// Days are the weekdays on which the shift starts; empty means every day.
	Days []time.Weekday
	// Agents is the headcount scheduled on the shift (≥ 0).
	Agents int
	// Skills are the names of the queues the agents serve; empty means all.
	Skills []string
	// Reserved, when not empty, reserves the shift's agents for these
	// queues instead of Skills: they take nothing else, and shifts with
	// default skills do not take these queues (routing.go).
	Reserved []string
	// Breaks are taken by every agent of the shift at the same offsets.
	Breaks []Break
	// Dates, when not empty, are the days the shift starts on instead of
	// Days: dates in Start's location (only the year, month and day count),
	// for rosters by date and for staffing curves (CurveShifts).
	Dates []time.Time
	// HardEnd ends the shift on time: an agent busy at its end puts the
	// contact in hand back at the head of its queue, with the handle time
	// it has left, for the next agent (resumed, not answered again), and
	// leaves. Without it the agent finishes the contact first (overtime).
	HardEnd bool
	// NotReady in [0, 1) is the share of their time on duty that the
	// shift's agents are not ready: on duty and paid, taking no contact,
	// in spells of mean NotReadySpell (0 means DefaultNotReadySpell, 2m)
	// — see notready.go. It is left out of available time.
	NotReady      float64
	NotReadySpell time.Duration
	// Always puts the shift on duty for the whole horizon, once, from time 0
	// (Start and Days must be zero, Length is ignored; Break.After counts from
	// time 0). It is how a steady-state desk — M/M/n — is written.
	Always bool
}

// Break is a pause of Length starting After the start of the shift. An agent
// busy at that moment finishes the contact first and then takes the full
// break (cut short by the end of the shift). An Unpaid break (a lunch) is
// not paid time: it is left out of the shift's paid hours, as scheduled,
// whenever the agent actually takes it.
type Break struct {
	After  time.Duration
	Length time.Duration
	Unpaid bool
}

// PaidTime returns the paid time of one occurrence of a shift of the given
// length and breaks: its length less its unpaid breaks,
//
//	paid = length − Σ_{unpaid b} b.Length.
//
// It is the one definition of a shift's paid time that the simulator's
// paid hours, the roster's costs and every report share. Absent agents
// (shrinkage) are paid; overtime past the shift's end is counted apart.
func PaidTime(length time.Duration, breaks []Break) time.Duration {
	paid := length
	for _, b := range breaks {
		if b.Unpaid {
			paid -= b.Length
		}
	}
	return paid
}

// Paid returns the paid time of one occurrence of the shift (PaidTime).
func (s *Shift) Paid() time.Duration { return PaidTime(s.Length, s.Breaks) }

// interval returns the reporting interval, applying the default.
func (c *Config) interval() time.Duration {
	if c.Interval == 0 {
		return DefaultInterval
	}
	return c.Interval
}

// replications returns the number of replications, applying the default.
func (c *Config) replications() int {
	if c.Replications == 0 {
		return 1
	}
	return c.Replications
}

// scale returns the volume multiplier, applying the default.
func (a *Arrivals) scale() float64 {
	if a.Scale == 0 {
		return 1
	}
	return a.Scale
}
