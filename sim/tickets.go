package sim

import (
	"fmt"
	"math"
	"time"

	"github.com/staffsim/staffsim/sim/calendar"
)

// Tickets is the ticket work of an IT service desk (Config.Tickets): tickets
// of several priorities that move through support tiers, with response and
// resolution SLAs counted in business time.
//
// # Lifecycle
//
// A ticket of priority p is created at any time (also out of hours) and
// waits at tier 0 (Tiers[0], "L1"). An agent skilled for the tier picks it
// up — its first pickup is the ticket's response — and works one touch
// (Touch[t], drawn per touch). After the touch:
//
//   - with probability Pending the ticket waits on the user for PendingTime
//     (its resolution clock stops) and then needs another touch at the same
//     tier (so the touches at a tier are 1 + Geometric: mean 1/(1 − Pending));
//   - otherwise its work at the tier is done: with probability Escalate[t]
//     it moves to tier t+1 (its clocks keep running from creation), else it
//     is resolved;
//   - a resolved ticket reopens once with probability Reopen, ReopenDelay
//     after its resolution, back at tier 0; its first resolution is the one
//     the resolution SLA judges, the work after a reopen is extra load.
//
// Agents serve tickets like contacts (package doc, Routing): an agent takes
// the oldest ticket of the highest priority waiting at its tiers; phone
// queues (Config.Queues) come before every ticket; tickets wait as long as
// it takes (no abandonment) and stay queued overnight. A priority with
// Preempt interrupts, when no agent of its tier is free, the agent of the
// tier working on the lowest priority below it (preemptive resume: the
// interrupted ticket goes back to the head of its queue with the work it
// has left, and is not picked up again as a new response). An agent past
// the end of its shift finishing the ticket in hand is not interrupted; one
// with a break due takes the break after the interrupting touch.
//
// Shift.Skills name tiers as they name queues; a shift without skills
// serves every queue and every tier.
//
// # Metrics
//
// For a ticket created at c, first picked up at f, resolved at r, with
// pending spans P, on the target's business calendar K (nil: elapsed time):
//
//	response time   = K.Between(c, f)
//	resolution time = K.Between(c, r) − K-business time of P
//
// A target T is met when the time is ≤ T; a ticket is due for a target
// once it met or missed it. A ticket still open at the horizon whose
// business time so far exceeds T has missed it (due); one within T is
// censored (left out), like a ticket created after the horizon.
//
//	attainment = met / due
//
// as in the DESIGN definition. Tickets are counted in the interval in which
// they were created; backlog (open tickets: waiting, in service or pending,
// not awaiting a reopen) and the age of the oldest open ticket (elapsed
// time since it was created, or reopened) are read at the end of each
// interval. Tier figures count work items entering the tier's queue and
// the touches and escalations done there in the interval they happen.
//
// # Randomness
//
// Each ticket's draws — touch times, the pending, escalation and reopen
// decisions, pending times and reopen delays — come from a stream keyed by
// (seed, replication, priority, the ticket's creation number, its step), so
// two rosters run with the same seed see the same tickets with the same
// work and the same escalations (common random numbers), however the
// rosters reorder the work.
type Tickets struct {
	// Tiers name the support tiers in escalation order ("L1", "L2", "L3");
	// at least one. Names are distinct and differ from queue names.
	Tiers []string
	// Priorities are the ticket classes in precedence order: Priorities[0]
	// ("P1") is served first. At least one; distinct names.
	Priorities []Priority
}

// Priority is one ticket class: its demand, its work and its SLAs.
type Priority struct {
	Name string
	// Arrivals are the tickets created (Arrivals; a replay keeps only the
	// recorded creation times).
	Arrivals Arrivals
	// Touch[t] is the work time of one touch at tier t, one per tier; a
	// tier the priority never reaches (an Escalate of 0 before it) may be
	// the zero Dist.
	Touch []Dist
	// Pending in [0, 1) is the probability that after a touch the ticket
	// waits on the user for PendingTime (clock stopped) and needs another
	// touch; PendingTime is required when Pending > 0.
	Pending     float64
	PendingTime Dist
	// Escalate[t] in [0, 1] is the probability that a ticket whose work at
	// tier t is done moves to tier t+1; len(Tiers)−1 values, or none (no
	// escalation).
	Escalate []float64
	// Reopen in [0, 1] is the probability that a resolved ticket reopens,
	// ReopenDelay after its resolution (required when Reopen > 0).
	Reopen      float64
	ReopenDelay Dist
	// Preempt lets a ticket of this priority interrupt work on a lower
	// priority (preemptive resume) when no agent of its tier is free.
	Preempt bool
	// Response and Resolution are the SLA targets; a zero Target is not
	// set.
	Response, Resolution TicketTarget
}

// TicketTarget is an SLA target counted in business time: Goal (in [0, 1])
// of the due tickets within Target on Calendar (nil: elapsed time, 24×7).
type TicketTarget struct {
	Target   time.Duration
	Goal     float64
	Calendar *calendar.Calendar
}

// Set reports whether the target is set.
func (t TicketTarget) Set() bool { return t.Target > 0 }

// validate appends the problems of the ticket desk to errs.
func (tk *Tickets) validate(c *Config, queueNames map[string]bool, errs *[]error) {
	top := func(field, format string, args ...any) {
		*errs = append(*errs, &FieldError{Section: "tickets", Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	if len(tk.Tiers) == 0 {
		top("tiers", "name at least one tier (L1)")
	}
	if len(tk.Priorities) == 0 {
		top("priorities", "give at least one priority")
	}
	seen := map[string]bool{}
	for i, t := range tk.Tiers {
		switch {
		case t == "":
			top("tiers", "tier %d has no name", i+1)
		case seen[t]:
			top("tiers", "tier %q is named twice", t)
		case queueNames[t]:
			top("tiers", "tier %q has the name of a queue: skills could not tell them apart", t)
		}
		seen[t] = true
	}
	pseen := map[string]bool{}
	for i := range tk.Priorities {
		p := &tk.Priorities[i]
		bad := func(field, format string, args ...any) {
			*errs = append(*errs, &FieldError{Section: "priority", Index: i, Name: p.Name, Field: field, Msg: fmt.Sprintf(format, args...)})
		}
		if p.Name == "" {
			bad("name", "priority %d has no name", i+1)
		} else if pseen[p.Name] {
			bad("name", "the name is used by another priority")
		}
		pseen[p.Name] = true
		validateArrivals(&p.Arrivals, c.Start, c.Horizon, func(format string, args ...any) { bad("arrivals", format, args...) })
		if len(p.Arrivals.Handle) > 0 || len(p.Arrivals.Patience) > 0 {
			bad("arrivals", "a ticket replay keeps creation times only: give touch times per tier instead of handle times, and tickets do not abandon")
		}
		if len(p.Escalate) != 0 && len(p.Escalate) != len(tk.Tiers)-1 {
			bad("escalate", "%d probabilities for %d tiers: give one per tier but the last (%d)", len(p.Escalate), len(tk.Tiers), len(tk.Tiers)-1)
		}
		for _, x := range p.Escalate {
			if !(x >= 0 && x <= 1) {
				bad("escalate", "%v must be in [0, 1] (40%% is 0.4)", x)
			}
		}
		if len(p.Touch) != len(tk.Tiers) {
			bad("touch time", "%d distributions for %d tiers: give one per tier", len(p.Touch), len(tk.Tiers))
		} else {
			reach := 1.0
			for t, d := range p.Touch {
				if err := d.Validate(); err != nil {
					bad("touch time", "tier %q: %v", tk.Tiers[t], err)
				} else if reach > 0 && (d.Kind == None || d.MeanDuration() <= 0) {
					bad("touch time", "tier %q: tickets reach it, so its touch time needs a positive mean", tk.Tiers[t])
				}
				if t < len(p.Escalate) {
					reach *= p.Escalate[t]
				} else {
					reach = 0
				}
			}
		}
		if !(p.Pending >= 0 && p.Pending < 1) {
			bad("pending", "%v must be in [0, 1): a ticket that always waits on the user is never resolved", p.Pending)
		}
		if err := p.PendingTime.Validate(); err != nil {
			bad("pending time", "%v", err)
		} else if p.Pending > 0 && p.PendingTime.Kind == None {
			bad("pending time", "a pending probability needs a pending-time distribution")
		}
		if !(p.Reopen >= 0 && p.Reopen <= 1) {
			bad("reopen", "%v must be in [0, 1] (5%% is 0.05)", p.Reopen)
		}
		if err := p.ReopenDelay.Validate(); err != nil {
			bad("reopen delay", "%v", err)
		} else if p.Reopen > 0 && p.ReopenDelay.Kind == None {
			bad("reopen delay", "a reopen probability needs a reopen-delay distribution")
		}
		for _, tt := range []struct {
			what string
			t    TicketTarget
		}{{"response", p.Response}, {"resolution", p.Resolution}} {
			if tt.t.Target < 0 {
				bad(tt.what, "target %v must not be negative", tt.t.Target)
			}
			if !(tt.t.Goal >= 0 && tt.t.Goal <= 1) || math.IsNaN(tt.t.Goal) {
				bad(tt.what, "goal %v must be in [0, 1] (95%% is 0.95)", tt.t.Goal)
			}
		}
	}
}

// ticketQueueName is the name of the internal queue of tier t and
// priority p: it keys the queue's random streams and never collides with a
// phone queue's (a tier's name is not a queue's).
func ticketQueueName(tier, priority string) string { return tier + "\x00" + priority }
