package report

import (
	"encoding/json"
	"math"
	"time"
)

// Estimate is a metric over the replications: the mean and its 95 %
// confidence interval [Low, High]. N is the number of replications in which
// the metric was defined; with N == 0 it is undefined (no contact, no agent
// time) and is written as null in JSON and an empty cell in CSV.
type Estimate struct {
	Mean float64 `json:"mean"`
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	N    int     `json:"replications"`
}

// Defined reports whether the estimate has a value.
func (e Estimate) Defined() bool { return e.N > 0 }

// Value returns the mean, or NaN when undefined (a gap in a chart).
func (e Estimate) Value() float64 {
	if !e.Defined() {
		return math.NaN()
	}
	return e.Mean
}

// Run is everything the report shows about one simulated scenario, as
// plain data: what the summary, the interval table and the charts need.
type Run struct {
	Summary Summary
	// Loc is the desk's time zone; Interval the reporting interval.
	Loc      *time.Location
	Interval time.Duration
	// Intervals are the reporting intervals after warm-up, in order.
	Intervals []Interval
	// Required is the number of agents the demand of each interval needs
	// to meet every SLA (Erlang C per queue, summed), aligned with
	// Intervals; nil when not computed. RequiredNote says how.
	Required     []float64
	RequiredNote string
	// Waits are the wait-time distributions of answered contacts, one per
	// queue in Summary.Queues order.
	Waits []Waits
	// Tickets is the ticket desk's section, nil for a desk without
	// tickets.
	Tickets *Tickets
	// Targets are every SLA target of the queues, sorted, when a queue
	// measures more than one (see levels.go), else nil; QueueInterval.Levels
	// are aligned with sim.Result.Targets, which are these when set.
	Targets []time.Duration
}

// Interval is one reporting interval: a row per queue, and the desk total.
type Interval struct {
	Start  time.Time
	Queues []QueueInterval
	// AgentsAvailable is the time-average number of agents on shift,
	// present and not on a break (the whole desk).
	AgentsAvailable Estimate
	// Occupancy is the desk's busy time / available time.
	Occupancy Estimate
	// Total is the whole desk: counts add up over the queues, its service
	// level judges each contact against its own queue's target, and its
	// Occupancy and AgentsAvailable are the desk's.
	Total QueueInterval
}

// QueueInterval is one queue's metrics in one interval, over the
// replications. Counts are of contacts that arrived in the interval.
type QueueInterval struct {
	Offered, Answered, Abandoned Estimate
	ServiceLevel                 Estimate
	ASASeconds                   Estimate
	AbandonRate                  Estimate
	// Occupancy and AgentsAvailable count the agents skilled for the queue.
	Occupancy       Estimate
	AgentsAvailable Estimate
	// Backlog is the number of contacts waiting at the end of the interval.
	Backlog Estimate
	// Levels[k] is the service level within Run.Targets[k], undefined for
	// a queue that does not measure that target.
	Levels []Estimate
}

// Waits is a histogram of waits: Counts[0] are waits of 0, Counts[i] waits
// in (Edges[i−1], Edges[i]], and the last count waits above the last edge
// (len(Counts) == len(Edges)+1, Edges[0] == 0).
type Waits struct {
	Queue  string
	Edges  []time.Duration
	Counts []int64
}

// Within returns the share of waits at most Edges[i].
func (w Waits) Within(i int) float64 {
	var n, k int64
	for j, c := range w.Counts {
		n += c
		if j <= i {
			k += c
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return float64(k) / float64(n)
}

// Summary is the whole run after warm-up; it is what summary.json holds.
// Keys follow DESIGN's definitions.
type Summary struct {
	Scenario        string         `json:"scenario"`
	Start           time.Time      `json:"start"`
	End             time.Time      `json:"end"`
	Timezone        string         `json:"timezone"`
	IntervalSeconds float64        `json:"interval_seconds"`
	WarmupSeconds   float64        `json:"warmup_seconds"`
	Replications    int            `json:"replications"`
	Seed            uint64         `json:"seed"`
	AllSLAsMet      bool           `json:"all_slas_met"`
	Queues          []QueueSummary `json:"queues"`
	// Desk-wide figures.
	Offered       Estimate `json:"offered"`
	Answered      Estimate `json:"answered"`
	Abandoned     Estimate `json:"abandoned"`
	Occupancy     Estimate `json:"occupancy"`
	PaidHours     Estimate `json:"paid_hours"`
	OvertimeHours Estimate `json:"overtime_hours"`
	// HourlyCost is nil, and Cost and CostPerContact undefined (null),
	// when the scenario gives no cost.
	HourlyCost *float64 `json:"hourly_cost"`
	// Currency is written before money ("£"); "" when the scenario gives none.
	Currency       string   `json:"currency,omitempty"`
	Cost           Estimate `json:"cost"`
	CostPerContact Estimate `json:"cost_per_contact"`
	// CostPerTicket is the cost per resolved ticket of a desk with
	// tickets: in each replication the desk's cost ÷ the tickets it
	// resolved (those created in the period and resolved by the horizon),
	// then the mean and t interval over the replications, as
	// CostPerContact divides by answered contacts. On a desk with both,
	// each divides the whole desk's cost (no split between phones and
	// tickets). Nil without tickets; undefined (null) without a cost or
	// when no replication resolved a ticket.
	CostPerTicket *Estimate `json:"cost_per_ticket,omitempty"`
	// The desk's contact figures: ServiceLevel judges each contact
	// against its own queue's target; ServiceLevels adds up, at each
	// target, the queues that measure it.
	ServiceLevel  Estimate      `json:"service_level"`
	ServiceLevels []TargetLevel `json:"service_levels"`
	ASASeconds    Estimate      `json:"asa_seconds"`
	AbandonRate   Estimate      `json:"abandon_rate"`
	// PerReplication are each replication's figures, in replication order.
	PerReplication []ReplicationValues `json:"per_replication"`
}

// HasCost reports whether the scenario gave an hourly cost.
func (s Summary) HasCost() bool { return s.HourlyCost != nil }

// Hourly is the hourly cost, 0 when none was given.
func (s Summary) Hourly() float64 {
	if s.HourlyCost == nil {
		return 0
	}
	return *s.HourlyCost
}

// QueueSummary is one queue over the whole run.
type QueueSummary struct {
	Queue            string  `json:"queue"`
	SLATargetSeconds float64 `json:"sla_target_seconds"`
	SLAGoal          float64 `json:"sla_goal"`
	// SLAMet says the mean service level reached the goal; SLAMetShare is
	// the share of replications in which it did.
	SLAMet       bool     `json:"sla_met"`
	SLAMetShare  float64  `json:"sla_met_share"`
	ServiceLevel Estimate `json:"service_level"`
	ASASeconds   Estimate `json:"asa_seconds"`
	AbandonRate  Estimate `json:"abandon_rate"`
	Occupancy    Estimate `json:"occupancy"`
	Offered      Estimate `json:"offered"`
	Answered     Estimate `json:"answered"`
	Abandoned    Estimate `json:"abandoned"`
	// ServiceLevels are the service level within each of the queue's
	// targets (sla: {targets: [20s, 60s]}), shortest first.
	ServiceLevels []TargetLevel `json:"service_levels"`
}

// SLAStatus describes a queue's SLA for people: "met" or "missed", with
// "(uncertain)" when the goal lies inside the confidence interval.
func (q QueueSummary) SLAStatus() string {
	s := "missed"
	if q.SLAMet {
		s = "met"
	}
	if q.ServiceLevel.Defined() && q.ServiceLevel.Low < q.SLAGoal && q.SLAGoal <= q.ServiceLevel.High {
		s += " (uncertain)"
	}
	return s
}

// estimateJSON is Estimate's JSON shape when defined.
type estimateJSON struct {
	Mean float64 `json:"mean"`
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	N    int     `json:"replications"`
}

// MarshalJSON writes null for an undefined estimate, so that JSON never
// carries a made-up 0 (nor NaN).
func (e Estimate) MarshalJSON() ([]byte, error) {
	if !e.Defined() {
		return []byte("null"), nil
	}
	return json.Marshal(estimateJSON{finite(e.Mean), finite(e.Low), finite(e.High), e.N})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (e *Estimate) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*e = Estimate{}
		return nil
	}
	var v estimateJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*e = Estimate(v)
	return nil
}
