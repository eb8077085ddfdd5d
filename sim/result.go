package sim

import (
	"time"
)

// Estimate is a metric over the replications: the mean of the per-replication
// values and a 95 % confidence interval for it, mean ± t(0.975, N−1)·sd/√N
// (Student t). N is the number of replications in which the metric is
// defined — a service level needs at least one contact answered or
// abandoned, an occupancy some available agent time. N == 0 means the
// metric is undefined in every replication: Mean, Low and High are then 0
// (never NaN). With N == 1 there is no interval: Low == High == Mean.
// The interval is clipped to the metric's domain (≥ 0; ≤ 1 for shares).
type Estimate struct {
	Mean, Low, High float64
	N               int
}

// Defined reports whether the metric had a value in at least one replication.
func (e Estimate) Defined() bool { return e.N > 0 }

// HalfWidth returns the half-width of the confidence interval.
func (e Estimate) HalfWidth() float64 { return (e.High - e.Low) / 2 }

// Metrics are the statistics of one queue (or the whole desk) over one
// interval (or the whole period), as Estimates over the replications.
//
// Offered, Answered and Abandoned count the contacts that ARRIVED in the
// interval; ServiceLevel, ASA and AbandonRate are theirs, wherever they
// ended. ASA (mean wait of answered contacts) and ATA (mean wait of
// abandoned contacts, "average time to abandon") are in seconds. Occupancy, AgentsAvailable (time-average
// number of available agents) and QueueLength (time-average number of
// contacts waiting) are time averages over the interval. Backlog is the
// number of contacts waiting at the end of the interval. PaidHours (the
// rostered paid time of every scheduled agent: shift time less unpaid
// breaks, paid breaks and absences included — see PaidTime) and
// OvertimeHours (time worked past shift ends, counted apart so that paid
// hours are the roster's, the same in every replication) are desk-wide:
// they are defined only for the Total of an interval or period.
//
// MetGoal is the share of replications in which the service level reached
// the queue's SLAGoal, among those in which it is defined: the probability
// that the period meets its SLA. For the desk Total a replication meets
// the goal when every queue with a service level met its own.
type Metrics struct {
	Offered, Answered, Abandoned Estimate
	ServiceLevel                 Estimate
	ASA                          Estimate
	ATA                          Estimate
	AbandonRate                  Estimate
	Occupancy                    Estimate
	AgentsAvailable              Estimate
	QueueLength                  Estimate
	Backlog                      Estimate
	PaidHours, OvertimeHours     Estimate
	MetGoal                      Estimate
	// Levels[k] is the service level within Result.Targets[k] (see
	// Result.Targets): undefined (N == 0) for a queue that does not
	// measure that target.
	Levels []Estimate
}

// Values are the statistics of one replication; the fields mean what they
// mean in Metrics. A ratio with a zero denominator is 0: check Answered +
// Abandoned before reading ServiceLevel or AbandonRate, Answered before
// ASA, Abandoned before ATA, AgentsAvailable before Occupancy. MetGoal is
// false when the service level is undefined.
type Values struct {
	Offered, Answered, Abandoned float64
	ServiceLevel                 float64
	ASA                          float64
	ATA                          float64
	AbandonRate                  float64
	Occupancy                    float64
	AgentsAvailable              float64
	QueueLength                  float64
	Backlog                      float64
	PaidHours, OvertimeHours     float64
	MetGoal                      bool
	// Levels[k] is the service level within Result.Targets[k] when
	// LevelsDefined[k] (the queue measures the target and had a contact
	// answered, abandoned or late), else 0.
	Levels        []float64
	LevelsDefined []bool
}

// Period is the result for one reporting interval, or for the whole run
// after warmup.
type Period struct {
	Start  time.Time
	Length time.Duration
	// Queues[q] are the metrics of Config.Queues[q].
	Queues []Metrics
	// Total is the whole desk: counts add up, each contact's service level
	// is judged against its own queue's target.
	Total Metrics
}

// Replication is the summary of one replication over the whole period.
type Replication struct {
	Index  int
	Queues []Values
	Total  Values
}

// Result is what a run measured.
type Result struct {
	// Start is the start of the first reported interval (Config.Start +
	// Warmup); Interval the reporting interval.
	Start        time.Time
	Interval     time.Duration
	Replications int
	// Queues are the queue names, in Config order.
	Queues []string
	// Intervals are the reporting intervals from Warmup to Horizon.
	Intervals []Period
	// Summary covers [Warmup, Horizon) as a whole.
	Summary Period
	// Runs are the per-replication summaries, in replication order.
	Runs []Replication
	// MetGoal[q] is the share of replications whose service level over the
	// whole period reached queue q's SLAGoal, replications without any
	// answered or abandoned contact counting as met: it is
	// Summary.Queues[q].MetGoal.Mean, or 1 when that is undefined.
	MetGoal []float64
	// Targets are every SLA target of the queues (each queue's SLATarget
	// and Targets), sorted, without repeats. Metrics.Levels and
	// Values.Levels give the service level within each, per queue and for
	// the desk:
	//
	//	Levels[k] = answered within Targets[k] / (answered + abandoned + late for Targets[k])
	//
	// A queue measures only its own targets; the desk Total at Targets[k]
	// adds up the contacts of the queues that measure it.
	Targets []time.Duration
	// Waits[q] is the distribution of waits of queue q's answered contacts.
	Waits []Histogram
	// Tickets is the ticket desk's result, nil without Config.Tickets.
	Tickets *TicketResult
	// Events is the number of events simulated over all replications
	// (arrivals, service ends, abandonments, shift and break changes; not
	// the abandonment timers cancelled by an answer).
	Events int64
}
