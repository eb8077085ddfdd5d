package sim

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
	"unsafe"
)

// FieldError is one thing wrong with a Config. Section is "queue", "shift"
// or "" (a top-level field); Index and Name locate the queue or shift;
// Field names the field in words ("handle time", "arrivals", "breaks").
type FieldError struct {
	Section string
	Index   int
	Name    string
	Field   string
	Msg     string
}

func (e *FieldError) Error() string {
	if e.Section == "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Msg)
	}
	return fmt.Sprintf("%s %q: %s: %s", e.Section, e.Name, e.Field, e.Msg)
}

// maxHorizon bounds the horizon so that every time fits a time.Duration
// with room to spare (about 100 years).
const maxHorizon = 100 * 365 * 24 * time.Hour

// maxCells bounds intervals × (queues + 1), which sets the memory of a
// result (about 400 bytes a cell): a year of half hours for 10 queues.
const maxCells = 200_000

// Validate reports every problem with cfg, joined (errors.Join); each is a
// *FieldError naming the queue or shift and the field, e.g.
//
//	queue "phone": handle time: lognormal: mean 0s must be positive
func (c Config) Validate() error {
	var errs []error
	top := func(field, format string, args ...any) {
		errs = append(errs, &FieldError{Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	iv := c.interval()
	if c.Horizon <= 0 || c.Horizon > maxHorizon {
		top("horizon", "%v must be positive and at most 100 years", c.Horizon)
	}
	if iv < time.Second || iv > 24*time.Hour {
		top("interval", "%v must be between 1s and 24h (15m, 30m and 60m are usual)", c.Interval)
	}
	if c.Warmup < 0 || (iv > 0 && c.Warmup%iv != 0) || (c.Horizon > 0 && c.Warmup >= c.Horizon) {
		top("warmup", "%v must be a multiple of the interval %v, shorter than the horizon", c.Warmup, iv)
	}
	if !(c.Shrinkage >= 0 && c.Shrinkage < 1) {
		top("shrinkage", "%v must be in [0, 1) (30%% is 0.3)", c.Shrinkage)
	}
	if c.Replications < 0 || c.Replications > 100_000 {
		top("replications", "%d must be between 1 and 100000", c.Replications)
	}
	// Results hold every interval × (queues + desk): bound that table.
	rows := len(c.Queues) + 1
	if tk := c.Tickets; tk != nil {
		rows += len(tk.Priorities)*(len(tk.Tiers)+1) + len(tk.Tiers) + 1
	}
	if cells := int64(c.Horizon/iv) * int64(rows); c.Horizon > 0 && iv > 0 && cells > maxCells {
		top("interval", "%v is too short for a horizon of %v with %d queues, priorities and tiers (%d intervals × rows; at most %d): lengthen the interval or shorten the horizon",
			iv, c.Horizon, rows-1, cells, maxCells)
	}
	if len(c.Queues) == 0 && c.Tickets == nil {
		top("queues", "at least one queue is needed")
	}
	names := map[string]bool{}
	for i := range c.Queues {
		q := &c.Queues[i]
		bad := func(field, format string, args ...any) {
			errs = append(errs, &FieldError{Section: "queue", Index: i, Name: q.Name, Field: field, Msg: fmt.Sprintf(format, args...)})
		}
		if q.Name == "" {
			bad("name", "queue %d has no name", i+1)
		} else if names[q.Name] {
			bad("name", "the name is used by another queue")
		}
		names[q.Name] = true
		if q.HandleTime.Kind == None {
			bad("handle time", "a handle-time distribution is required")
		} else if err := q.HandleTime.Validate(); err != nil {
			bad("handle time", "%v", err)
		} else if q.HandleTime.MeanDuration() <= 0 {
			bad("handle time", "mean must be positive")
		}
		if err := q.Patience.Validate(); err != nil {
			bad("patience", "%v", err)
		}
		if err := q.WrapUp.Validate(); err != nil {
			bad("wrap-up", "%v", err)
		}
		if err := q.PickUp.Validate(); err != nil {
			bad("pick-up delay", "%v", err)
		}
		for _, t := range q.Targets {
			if t < 0 {
				bad("sla targets", "%v must not be negative", t)
			}
		}
		if q.OverflowAfter < 0 || q.OverflowAfter > maxHorizon {
			bad("overflow after", "%v must be between 0 (no threshold) and %v", q.OverflowAfter, maxHorizon)
		}
		if q.SLATarget < 0 {
			bad("sla target", "%v must not be negative", q.SLATarget)
		}
		if !(q.SLAGoal >= 0 && q.SLAGoal <= 1) {
			bad("sla goal", "%v must be in [0, 1] (80%% is 0.8)", q.SLAGoal)
		}
		if q.InitialBacklog < 0 || q.InitialBacklog > 10_000_000 {
			bad("initial backlog", "%d must be between 0 and 10000000", q.InitialBacklog)
		}
		validateArrivals(&q.Arrivals, c.Start, c.Horizon, func(format string, args ...any) { bad("arrivals", format, args...) })
	}
	for i := range c.Shifts {
		s := &c.Shifts[i]
		name := s.Name
		if name == "" {
			name = fmt.Sprintf("#%d", i+1)
		}
		bad := func(field, format string, args ...any) {
			errs = append(errs, &FieldError{Section: "shift", Index: i, Name: name, Field: field, Msg: fmt.Sprintf(format, args...)})
		}
		if s.Agents < 0 || s.Agents > 1_000_000 {
			bad("agents", "%d must be between 0 and 1000000", s.Agents)
		}
		if s.Always {
			if s.Start != 0 || len(s.Days) > 0 {
				bad("always", "an always-on shift has no start time or days")
			}
		} else {
			if s.Start < 0 || s.Start >= 24*time.Hour {
				bad("start", "%v must be a time of day in [0, 24h), e.g. 7h30m for 07:30", s.Start)
			}
			if s.Length <= 0 || s.Length > 7*24*time.Hour {
				bad("length", "%v must be positive and at most 7 days", s.Length)
			}
		}
		for _, d := range s.Days {
			if d < time.Sunday || d > time.Saturday {
				bad("days", "%d is not a weekday", d)
			}
		}
		if !(s.NotReady >= 0 && s.NotReady < 1) {
			bad("not ready", "%v must be a share in [0, 1), e.g. 0.1 for 10%%", s.NotReady)
		}
		if s.NotReadySpell < 0 || s.NotReadySpell > 24*time.Hour {
			bad("not-ready spell", "%v must be between 0 (the default, %v) and 24h", s.NotReadySpell, DefaultNotReadySpell)
		}
		if len(s.Reserved) > 0 && len(s.Skills) > 0 {
			bad("reserved", "reserved agents take only the queues they are reserved for: give reserved or skills, not both")
		}
		for _, r := range s.Reserved {
			if !names[r] {
				bad("reserved", "no queue is named %q", r)
			}
		}
		if len(s.Dates) > 0 && (len(s.Days) > 0 || s.Always) {
			bad("dates", "a shift on given dates has no weekdays and is not always on: give dates or days, not both")
		}
		for _, sk := range s.Skills {
			if !names[sk] && (c.Tickets == nil || !slices.Contains(c.Tickets.Tiers, sk)) {
				if c.Tickets != nil {
					bad("skills", "no queue or tier is named %q", sk)
				} else {
					bad("skills", "no queue is named %q", sk)
				}
			}
		}
		length := s.Length
		if s.Always {
			length = c.Horizon
		}
		var prevEnd time.Duration
		for b, br := range s.Breaks {
			if br.After < prevEnd || br.Length <= 0 || br.After+br.Length > length {
				bad("breaks", "break %d (after %v, length %v) must have a positive length, lie within the shift (%v) and start after the previous break ends", b+1, br.After, br.Length, length)
			}
			prevEnd = br.After + br.Length
		}
	}
	if c.Tickets != nil {
		c.Tickets.validate(&c, names, &errs)
	}
	total := 0
	for _, s := range c.Shifts {
		total += max(s.Agents, 0)
	}
	if total > MaxAgents {
		top("roster", "%d agents in all, more than the %d one simulation holds (it would need about %.1f GB per worker, %d bytes an agent): plan a desk this large in parts, or with Erlang (staffsim requirements)",
			total, MaxAgents, float64(total*agentBytes)/1e9, agentBytes)
	}
	return errors.Join(errs...)
}

// MaxAgents is the most agents a roster may have in all (the sum over its
// shifts): the simulator holds every agent on duty at once, agentBytes
// each per worker, so a limit on the roster bounds the memory of a run
// before it starts.
const MaxAgents = 1_000_000

// agentBytes is the memory of one agent on duty: its state and its place
// in its shift occurrence's list.
const agentBytes = int(unsafe.Sizeof(agent{})) + 4

func validateArrivals(a *Arrivals, start time.Time, horizon time.Duration, bad func(string, ...any)) {
	set := 0
	if a.PerHour != 0 {
		set++
	}
	if len(a.Counts) > 0 {
		set++
	}
	if len(a.Times) > 0 {
		set++
	}
	if set > 1 {
		bad("set exactly one of a rate, per-interval counts or recorded times")
	}
	if !(a.Scale >= 0) || math.IsInf(a.Scale, 0) || a.Scale > 1000 {
		bad("scale %v must be in [0, 1000] (0 means 1)", a.Scale)
	}
	if !(a.PerHour >= 0) || math.IsInf(a.PerHour, 0) || a.PerHour*a.scale() > 1e9 {
		bad("rate %v per hour must be a number ≥ 0 and at most 1e9", a.PerHour)
	}
	if len(a.Counts) > 0 {
		if a.Step <= 0 {
			bad("counts need a positive step (the interval they are counted in)")
		} else if off := a.countsOffset(start); off < 0 {
			bad("the counts start at %v, after the simulation starts (%v)", a.CountsStart.Format(time.RFC3339), start.Format(time.RFC3339))
		} else if n := int64(len(a.Counts)); n > int64(maxHorizon/a.Step) || time.Duration(n)*a.Step-off < horizon {
			bad("%d counts of %v from %v end before the horizon does (%v)", len(a.Counts), a.Step,
				start.Add(-off).Format(time.RFC3339), start.Add(horizon).Format(time.RFC3339))
		}
		for i, x := range a.Counts {
			if !(x >= 0) || math.IsInf(x, 0) {
				bad("count %d is %v; counts must be numbers ≥ 0", i+1, x)
				break
			}
		}
	}
	if len(a.AHT) > len(a.Counts) {
		bad("%d per-interval handle times for %d counts: give at most one per count (0 keeps the queue's mean)", len(a.AHT), len(a.Counts))
	}
	for i, x := range a.AHT {
		if x < 0 || x > maxHorizon {
			bad("per-interval handle time %d is %v; want 0 (the queue's mean) up to %v", i+1, x, maxHorizon)
			break
		}
	}
	if a.Step < 0 {
		bad("step %v must not be negative", a.Step)
	}
	for _, tr := range []struct {
		what string
		v    []time.Duration
	}{{"handle times", a.Handle}, {"patience times", a.Patience}} {
		if len(tr.v) > 0 && len(tr.v) != len(a.Times) {
			bad("%d %s for %d recorded arrival times: give one per arrival (0 to draw it)", len(tr.v), tr.what, len(a.Times))
		}
		for i, d := range tr.v {
			if d < 0 {
				bad("%s %d is %v; want ≥ 0 (0 draws it from the distribution)", tr.what, i+1, d)
				break
			}
		}
	}
	if a.Step > 0 && len(a.Counts) == 0 {
		bad("a step is set but no counts")
	}
	if n := a.expected(start, horizon); n > maxArrivals {
		bad("about %.3g arrivals a replication over the horizon of %v: at most %.0e (a year at 11,000 an hour) run in reasonable time; lower the rate or shorten the horizon", n, horizon, float64(maxArrivals))
	}
}

// maxArrivals bounds the expected arrivals of one queue or ticket priority
// in one replication: beyond it a replication takes minutes, and
// a rate such as 1e9 an hour is a typo, not a desk.
const maxArrivals = 100_000_000

// expected returns the expected arrivals of a in [0, horizon), scale
// included: the rate times the horizon, the counts' share of it, or the
// recorded times; 0 when a is malformed (reported apart).
func (a *Arrivals) expected(start time.Time, horizon time.Duration) float64 {
	s := a.scale()
	switch {
	case len(a.Times) > 0:
		return float64(len(a.Times)) * s
	case len(a.Counts) > 0:
		off := a.countsOffset(start)
		if a.Step <= 0 || off < 0 {
			return 0
		}
		sum := 0.0
		for i, c := range a.Counts {
			lo := max(time.Duration(i)*a.Step-off, 0)
			hi := min(time.Duration(i+1)*a.Step-off, horizon)
			if lo >= horizon {
				break
			}
			if hi > lo && c > 0 && !math.IsInf(c, 0) {
				sum += c * float64(hi-lo) / float64(a.Step)
			}
		}
		return sum * s
	case a.PerHour > 0 && !math.IsInf(a.PerHour, 0):
		return a.PerHour * horizon.Hours() * s
	}
	return 0
}
