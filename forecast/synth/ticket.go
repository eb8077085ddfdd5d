package synth

import (
	"time"
)

// Ticket is one generated ticket or call. FirstResponseAt and ResolvedAt
// are the zero time when they fall after the end of the history (the ticket
// was still waiting, or still open, when the history was exported).
// Times are whole seconds in the desk's location.
type Ticket struct {
	ID              string
	CreatedAt       time.Time
	Priority        string  // P1 (critical) to P4 (low)
	Channel         string  // phone, email or portal
	Category        string  // see categories
	HandleSeconds   float64 // agent work time, whole seconds ≥ 1
	FirstResponseAt time.Time
	ResolvedAt      time.Time
}

// priorities, channels and categories, in table order.
var (
	priorities = [4]string{"P1", "P2", "P3", "P4"}
	channels   = [3]string{"phone", "email", "portal"}
	categories = [6]string{"password", "access", "software", "hardware", "network", "other"}
)

const (
	phone = iota
	email
	portal
)

// priorityShare is the probability of each priority, independent of time
// and channel.
var priorityShare = [4]float64{0.02, 0.10, 0.55, 0.33}

// channelShare is the probability of each channel (phone, email, portal)
// inside business hours (row 0) and outside them (row 1): out of hours
// people write rather than call.
var channelShare = [2][3]float64{
	{0.45, 0.30, 0.25},
	{0.15, 0.40, 0.45},
}

// categoryShare is the probability of each category and categoryFactor the
// multiplier of its handle time (a password reset is quick, a hardware fault
// slow). The factors average exactly 1 under the shares,
// Σ categoryShare·categoryFactor = 1, so the mean handle time of a priority
// and channel is handleMean whatever the category mix.
var (
	categoryShare  = [6]float64{0.20, 0.20, 0.25, 0.15, 0.10, 0.10}
	categoryFactor = [6]float64{0.50, 0.90, 1.20, 1.30, 1.10, 1.15}
)

// handleMean is the mean handle time in seconds by priority (rows P1–P4)
// and channel (columns phone, email, portal): higher priorities take
// longer, and a call is shorter than written work on the same ticket.
var handleMean = [4][3]float64{
	{1500, 2400, 2400},
	{900, 1500, 1500},
	{420, 720, 660},
	{300, 540, 480},
}

// handleCV is the coefficient of variation (standard deviation / mean) of
// the log-normal handle time within a category, by channel.
var handleCV = [3]float64{0.8, 1.0, 1.0}

// First response, by priority (rows P1–P4):
//
//   - a phone call is answered after an exponential wait of mean
//     phoneWait·L (L is the load factor, see loadFactor);
//   - an email or portal P1 is picked up around the clock after an
//     exponential delay of mean p1Response[0] in business hours and
//     p1Response[1] outside them;
//   - an email or portal P2–P4 waits an exponential business-time delay of
//     mean responseMean[p]·L, counted in business hours only.
var (
	phoneWait    = 60 * time.Second
	p1Response   = [2]time.Duration{15 * time.Minute, 40 * time.Minute}
	responseMean = [4]time.Duration{0, 30 * time.Minute, 90 * time.Minute, 3 * time.Hour}
)

// Resolution follows the first response and the handle time:
//
//   - a phone call is resolved on the call (first-contact resolution) with
//     probability firstContactResolution[p]: resolved = first response +
//     handle time;
//   - otherwise a P1 is resolved after a further log-normal wall-clock delay
//     of mean resolveMean[0] and a P2–P4 after a log-normal business-time
//     delay of mean resolveMean[p], both with coefficient of variation
//     resolveCV; business-time delays are capped at maxBusinessDelay.
var (
	firstContactResolution = [4]float64{0, 0.3, 0.6, 0.7}
	resolveMean            = [4]time.Duration{3 * time.Hour, 6 * time.Hour, 14 * time.Hour, 24 * time.Hour}
	resolveCV              = 1.3
	maxBusinessDelay       = 200 * time.Hour
)
