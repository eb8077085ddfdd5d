package scenarios

import (
	"slices"
	"time"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/staffing"
	"github.com/staffsim/staffsim/sim"
)

// Scenario is one parsed and validated scenario file.
type Scenario struct {
	Name         string
	Start        time.Time // first simulated instant, in Location
	Location     *time.Location
	Days         int           // horizon in days, ≥ 1
	Interval     time.Duration // reporting interval; divides 24h
	Warmup       time.Duration // excluded from statistics
	Replications int           // ≥ 1
	Seed         uint64
	// Calendars are the named business calendars of the ticket SLAs
	// (calendars: in a file), in file order.
	Calendars []Calendar
	// Queues are the phone (and other contact) queues; none when the
	// scenario has Tickets only.
	Queues []Queue
	// Tickets is the desk's ticket work (tickets: in a file); nil for a
	// desk of queues only.
	Tickets *Tickets
	Roster  Roster
	Cost    Cost

	// File is the path the scenario was read from ("" when parsed from
	// memory without a name); Dir is the directory relative paths in it
	// are resolved against.
	File string
	Dir  string
}

// Horizon returns the simulated time span, Days × 24h of wall-clock days
// (a DST day is 23 or 25 hours).
func (s *Scenario) Horizon() time.Duration {
	return s.Start.AddDate(0, 0, s.Days).Sub(s.Start)
}

// End returns the end of the horizon.
func (s *Scenario) End() time.Time { return s.Start.AddDate(0, 0, s.Days) }

// Queue returns the queue with the given name, or nil.
func (s *Scenario) Queue(name string) *Queue {
	for i := range s.Queues {
		if s.Queues[i].Name == name {
			return &s.Queues[i]
		}
	}
	return nil
}

// Queue is one stream of contacts with its own SLA.
type Queue struct {
	Name     string
	Priority int // lower is served first
	Arrivals Arrivals
	// HandleTime is the distribution of handle (work) time per contact.
	HandleTime Distribution
	// Patience is the distribution of how long a contact waits before it
	// abandons; nil means nobody abandons.
	Patience *Distribution
	// WrapUp is the after-contact work per contact (wrap_up), nil for
	// none; PickUp the delay before a free agent answers (pickup_delay),
	// nil for none.
	WrapUp, PickUp *Distribution
	SLA            SLA
	// MoreTargets are further service-level targets measured beside
	// SLA.Target (sla: {targets: [20s, 60s], goal: 80%} gives SLA.Target
	// 20s and MoreTargets [60s]); only SLA.Target is judged against the
	// goal (sim.Queue.Targets).
	MoreTargets []time.Duration
	// OverflowAfter > 0: a contact waits this long for the queue's primary
	// agents (shifts whose first skill or reserved queue it is) before
	// any other skilled agent may take it (overflow_after; sim.Queue).
	OverflowAfter  time.Duration
	InitialBacklog int // contacts waiting at the start
}

// Arrivals says where a queue's contacts come from: exactly one of Rate,
// Forecast and History is set.
type Arrivals struct {
	Rate     float64 // contacts per hour, a homogeneous Poisson process
	Forecast string  // forecast.csv as written in the file (relative to Dir)
	History  string  // tickets.csv as written in the file (relative to Dir)
	// Scale multiplies the volume for what-if questions (Volume). In a
	// file, scale is 1 when left out and scale: 0 means no contacts at
	// all; Parse sets ScaleSet. Built in Go, the zero Arrivals has Scale 0
	// with ScaleSet false, which means 1 (the full volume), as in
	// sim.Arrivals; set ScaleSet to make Scale 0 mean no contacts.
	Scale    float64
	ScaleSet bool
	// Columns maps a history's canonical fields (history.FieldCreatedAt,
	// …) to the file's header names, as the --column flag of the history
	// commands does (history.Options.Columns); nil detects them. Only with
	// History.
	Columns map[string]string
	// OwnHandleTimes: each replayed contact of History keeps its recorded
	// handle time (handle_seconds) where it has one (own_handle_times).
	OwnHandleTimes bool
	// OwnPatience: each replayed contact of History with a value in the
	// column patience_seconds abandons after exactly that wait (an
	// abandoned call's observed time to abandon); the others draw theirs
	// from patience (own_patience).
	OwnPatience bool
	// FlatAHT keeps the queue's handle_time mean in every interval of a
	// Forecast (interval_aht: false). By default each interval whose
	// forecast has an aht_seconds takes it as its mean handle time — the
	// handle_time family and CV kept, its mean scaled — as the Erlang
	// requirements of that forecast do; intervals without one keep the
	// handle_time mean.
	FlatAHT bool
	// Trace is the history itself, when the scenario is built in Go
	// (staffsim replay): it is replayed instead of reading History, which
	// names the file it is written to (WriteTrace).
	Trace *Trace
	// Series is the forecast itself, when the scenario is built in Go
	// (Desk): it is simulated instead of reading Forecast, which names the
	// file it is written to.
	Series *forecast.Series
}

// Volume returns the volume multiplier: Scale, or 1 when Scale is 0 and
// not set explicitly (ScaleSet false). 0 means no contacts.
func (a Arrivals) Volume() float64 {
	if a.Scale == 0 && !a.ScaleSet {
		return 1
	}
	return a.Scale
}

// Source names the kind of arrivals: "rate", "forecast" or "history".
func (a Arrivals) Source() string {
	switch {
	case a.Forecast != "":
		return "forecast"
	case a.History != "":
		return "history"
	}
	return "rate"
}

// Kind is a family of distributions of durations.
type Kind int

// The distribution families a scenario may name.
const (
	Exponential Kind = iota // CV 1
	LogNormal               // mean and CV
	Gamma                   // mean and CV
	Fixed                   // every value equals the mean
	Empirical               // drawn uniformly from Values
)

var kindNames = []string{"exponential", "lognormal", "gamma", "fixed", "empirical"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "unknown"
	}
	return kindNames[k]
}

// Distribution is a distribution of positive durations.
type Distribution struct {
	Kind Kind
	Mean time.Duration // for Empirical, the mean of Values
	CV   float64       // coefficient of variation: sd / mean; 1 for Exponential, 0 for Fixed
	// Values are the observed durations of an Empirical distribution.
	Values []time.Duration
}

// SLA is a service-level agreement: Goal of contacts answered within Target.
type SLA struct {
	Target time.Duration
	Goal   float64 // in (0, 1]
}

// Roster is the desk's staffing plan.
type Roster struct {
	// Shrinkage is the share of rostered time lost outside the roster
	// (absence, meetings, training), in [0, 1).
	Shrinkage float64
	Shifts    []Shift
	// Staffing is a staffing curve file as written in the scenario
	// (relative to Dir): interval_start,agents[,queue], agents on duty per
	// interval (fractions are time averages), on top of Shifts — how a
	// desk's real staffing is replayed (sim.CurveShifts).
	Staffing string
	// Curves are the staffing curves themselves, when the scenario is
	// built in Go (staffsim replay): they are used instead of reading
	// Staffing, which names the file they are written to.
	Curves []*staffing.Curve
	// NotReady is the share of their time on duty that agents are not
	// ready (on duty, paid, taking no contact), in spells of mean
	// NotReadySpell (0: sim.DefaultNotReadySpell); a shift may set its own
	// (see notready.go and sim.Shift.NotReady).
	NotReady      float64
	NotReadySpell time.Duration
}

// Shift is a group of identical agents working the same hours.
type Shift struct {
	Name   string
	Start  time.Duration  // wall-clock time of day the shift starts, in [0, 24h)
	Length time.Duration  // (0, 24h]
	Days   []time.Weekday // days the shift starts on; nil means every day
	Agents int            // ≥ 0
	Skills []string       // queues these agents serve; nil means every queue
	Breaks []Break
	// Dates, when set, are the dates the shift starts on instead of Days.
	Dates []time.Time
	// HardEnd: the shift ends on time and the contact in hand goes back to
	// its queue (end: hard); otherwise it is finished as overtime.
	HardEnd bool
	// NotReady, when set, is the shift's own not-ready share, and
	// NotReadySpell (when > 0) its mean spell; otherwise the roster's.
	NotReady      *float64
	NotReadySpell time.Duration
	// Reserved, when set, reserves the shift's agents for these queues
	// instead of Skills (reserved: [vip]): they take nothing else, and
	// shifts with default skills leave these queues to them
	// (sim.Shift.Reserved).
	Reserved []string
}

// Works reports whether the shift starts on weekday d.
func (sh *Shift) Works(d time.Weekday) bool {
	if sh.Days == nil {
		return true
	}
	for _, x := range sh.Days {
		if x == d {
			return true
		}
	}
	return false
}

// Serves reports whether the shift's agents have the skill for queue q.
func (sh *Shift) Serves(q string) bool {
	if sh.Reserved != nil {
		return slices.Contains(sh.Reserved, q)
	}
	if sh.Skills == nil {
		return true
	}
	for _, s := range sh.Skills {
		if s == q {
			return true
		}
	}
	return false
}

// Break is a pause After the shift's start, Length long; an Unpaid break
// (written unpaid: true) is not paid time. It is the simulator's break.
type Break = sim.Break

// Sim returns the simulator's form of the shift: the one conversion from a
// scenario's roster to the simulator's, used by every command.
func (sh *Shift) Sim() sim.Shift {
	out := sim.Shift{Name: sh.Name, Start: sh.Start, Length: sh.Length, Days: sh.Days, Agents: sh.Agents,
		Skills: sh.Skills, Breaks: append([]Break(nil), sh.Breaks...), Dates: sh.Dates, HardEnd: sh.HardEnd,
		NotReadySpell: sh.NotReadySpell, Reserved: sh.Reserved}
	if sh.NotReady != nil {
		out.NotReady = *sh.NotReady
	}
	return out
}

// SimShifts returns the simulator's form of the roster's shifts.
func (r *Roster) SimShifts() []sim.Shift {
	out := make([]sim.Shift, len(r.Shifts))
	for i := range r.Shifts {
		out[i] = r.Shifts[i].Sim()
		out[i].NotReady, out[i].NotReadySpell = r.notReadyOf(&r.Shifts[i])
	}
	return out
}

// Cost holds the money side of a scenario.
type Cost struct {
	Hourly float64 // cost of one paid agent hour, ≥ 0
	// Currency is the symbol or code written before money in reports and
	// tables ("£", "EUR"); "" writes bare amounts.
	Currency string
	// None says the file gives no cost (no cost.hourly): the report then
	// leaves cost figures out (null in JSON) instead of showing 0.00.
	None bool
}

// ShiftsOf returns the scenario form of simulator shifts (the inverse of
// Shift.Sim; an Always shift has none).
func ShiftsOf(shifts []sim.Shift) []Shift {
	out := make([]Shift, len(shifts))
	for i, sh := range shifts {
		out[i] = Shift{Name: sh.Name, Start: sh.Start, Length: sh.Length, Days: sh.Days, Agents: sh.Agents,
			Skills: sh.Skills, Breaks: append([]Break(nil), sh.Breaks...), Dates: sh.Dates, HardEnd: sh.HardEnd,
			NotReadySpell: sh.NotReadySpell, Reserved: sh.Reserved}
		if sh.NotReady > 0 {
			x := sh.NotReady
			out[i].NotReady = &x
		}
	}
	return out
}
