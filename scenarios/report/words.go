package report

import (
	"fmt"
	"math"
	"strconv"
)

// Seconds writes a wait or a handle time for people, the one duration
// format of every table and report: "<0.1 s", "0.8 s", "12.3 s" below a
// minute (a tenth of a second), "2 min 3 s" below an hour (whole seconds),
// "1 h 5 min" from an hour (whole minutes). Never Go's "2m2.8s" or "800ms".
func Seconds(x float64) string {
	x = finite(x)
	if x < 0 {
		return "-" + Seconds(-x)
	}
	switch {
	case x == 0:
		return "0 s"
	case x < 0.05:
		return "<0.1 s"
	case math.Round(x*10)/10 < 60:
		return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) + " s"
	case math.Round(x) < 3600:
		s := int(math.Round(x))
		if s%60 == 0 {
			return fmt.Sprintf("%d min", s/60)
		}
		return fmt.Sprintf("%d min %d s", s/60, s%60)
	}
	m := int(math.Round(x / 60))
	if m%60 == 0 {
		return fmt.Sprintf("%d h", m/60)
	}
	return fmt.Sprintf("%d h %d min", m/60, m%60)
}

// Words are the nouns a report uses for the desk's work, so that an
// incident desk reads "analysts" and "tickets" and a call centre "agents"
// and "calls"/"contacts". The rule that picks them is plan.WordsFor.
type Words struct {
	Agent    string // one person: "agent", "analyst"
	Agents   string // "agents", "analysts"
	Contacts string // "contacts", "tickets"
	// Working is what a person not on a break does: "on the phones",
	// "working tickets".
	Working string
}

// The two vocabularies.
var (
	// ContactWords suit a contact centre (calls, chats, e-mail with
	// handle times and an SLA in seconds or minutes).
	ContactWords = Words{Agent: "agent", Agents: "agents", Contacts: "contacts", Working: "on the phones"}
	// TicketWords suit an incident or ticket desk.
	TicketWords = Words{Agent: "analyst", Agents: "analysts", Contacts: "tickets", Working: "working tickets"}
)

// Occupancy thresholds: below OccupancyLow people wait for work most of
// the time (a desk sized for an SLA on little volume); above OccupancyHigh
// they have no slack and burn out (a common industry ceiling is 85–90 %).
const (
	OccupancyLow  = 0.5
	OccupancyHigh = 0.9
)

// OccupancyWords is a sentence on an occupancy outside
// [OccupancyLow, OccupancyHigh], or "" inside it.
func OccupancyWords(occ float64, w Words) string {
	switch {
	case occ < OccupancyLow:
		return fmt.Sprintf("Occupancy is low (%s): %s spend more than half their available time waiting for %s; the SLA, not the workload, sets the headcount, and a looser SLA or shared work with another desk would cost less.",
			pct(occ), w.Agents, w.Contacts)
	case occ > OccupancyHigh:
		return fmt.Sprintf("Occupancy is high (%s): %s have almost no time between %s; expect burnout and attrition, and plan below 90%%.",
			pct(occ), w.Agents, w.Contacts)
	}
	return ""
}

// MinAgentsForOccupancy is the fewest agents available on average in an
// interval for its occupancy to be shown: below half an agent (a shift
// edge, a break) the busy share of a sliver of time is noise, not a
// workload ("100 % with 0.039 agents").
const MinAgentsForOccupancy = 0.5

// MeaningfulOccupancy returns occ, or an undefined estimate (a gap in a
// chart, an empty cell in intervals.csv) when fewer than
// MinAgentsForOccupancy agents were available on average or nothing was
// offered.
func MeaningfulOccupancy(occ, agents Estimate, offered float64) Estimate {
	if !agents.Defined() || agents.Mean < MinAgentsForOccupancy || !(offered > 0) {
		return Estimate{}
	}
	return occ
}

// ShownServiceLevel is the service level a chart draws for an interval:
// its mean when at least half the replications had contacts in it, else
// NaN (a gap). An interval of the night where one replication in twenty
// had one contact, missed, is not "0 %".
func ShownServiceLevel(sl Estimate, replications int) float64 {
	if !sl.Defined() || 2*sl.N < replications {
		return math.NaN()
	}
	return sl.Mean
}
