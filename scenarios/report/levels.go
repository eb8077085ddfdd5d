package report

import (
	"time"

	"github.com/staffsim/staffsim/internal/quantity"
)

// Several SLA targets and the desk total.
//
// Run.Targets are every SLA target of the scenario's queues, sorted; a
// queue measures its own (sla: {targets: [20s, 60s]}). Where they are more
// than one, intervals.csv has three columns per target after the others,
//
//	service_level_<T>, service_level_<T>_low, service_level_<T>_high
//
// (T written as a Go duration: 20s, 1m, 4h), empty for a queue that does
// not measure T; summary.json lists service_levels per queue and for the
// desk. The desk's figure at T adds up the contacts of the queues that
// measure T; its service_level judges each contact against its own
// queue's target.

// TargetLevel is the service level within one target.
type TargetLevel struct {
	TargetSeconds float64  `json:"target_seconds"`
	ServiceLevel  Estimate `json:"service_level"`
}

// TargetValue is one replication's service level within one target;
// ServiceLevel is nil (null) when undefined.
type TargetValue struct {
	TargetSeconds float64  `json:"target_seconds"`
	ServiceLevel  *float64 `json:"service_level"`
}

// ReplicationValues are one replication's figures over the whole run
// (summary.json's per_replication): per queue and for the desk.
type ReplicationValues struct {
	Replication int                `json:"replication"` // 0-based, as seeded
	Queues      []ReplicationQueue `json:"queues"`
	Total       ReplicationQueue   `json:"total"`
	// PaidHours and OvertimeHours are desk-wide.
	PaidHours     float64 `json:"paid_hours"`
	OvertimeHours float64 `json:"overtime_hours"`
}

// ReplicationQueue is one queue's (or, with Queue "", the desk's) figures
// in one replication. Ratios with nothing to divide by are nil (null).
// The desk's ServiceLevel judges each contact against its own queue's
// target and SLAMet says every queue with a service level met its goal.
type ReplicationQueue struct {
	Queue         string        `json:"queue,omitempty"`
	Offered       float64       `json:"offered"`
	Answered      float64       `json:"answered"`
	Abandoned     float64       `json:"abandoned"`
	ServiceLevel  *float64      `json:"service_level"`
	ServiceLevels []TargetValue `json:"service_levels,omitempty"`
	ASASeconds    *float64      `json:"asa_seconds"`
	AbandonRate   *float64      `json:"abandon_rate"`
	Occupancy     *float64      `json:"occupancy"`
	SLAMet        bool          `json:"sla_met"`
}

// TargetColumn is the intervals.csv column of the service level within
// target d: service_level_20s, service_level_1m30s.
func TargetColumn(d time.Duration) string {
	return "service_level_" + targetName(d)
}

func targetName(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	return quantity.FormatDuration(d)
}

// TotalQueue is the queue cell of intervals.csv's desk rows.
const TotalQueue = "total"
