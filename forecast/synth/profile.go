package synth

import (
	"math"
	"time"
)

// SlotLength is the arrival slot of the generator: the Poisson rate is
// constant within a 15-minute wall-clock slot.
const SlotLength = 15 * time.Minute

// slotsPerDay is the number of wall-clock slots in a 24-hour day.
const slotsPerDay = int(24 * time.Hour / SlotLength)

// weekdayFactor is the relative volume of each day of the week, indexed by
// time.Weekday. Monday to Friday average exactly 1, so Config.DailyVolume
// is the mean weekday volume; the weekend is low (the desk's users do not
// work then).
var weekdayFactor = [7]float64{
	time.Sunday:    0.08,
	time.Monday:    1.18,
	time.Tuesday:   1.06,
	time.Wednesday: 1.00,
	time.Thursday:  0.96,
	time.Friday:    0.80,
	time.Saturday:  0.12,
}

// holidayFactor multiplies the volume of a public holiday: near zero.
const holidayFactor = 0.05

// A bump is one Gaussian component of the intraday profile, in hours of the
// local wall clock.
type bump struct{ weight, mean, sd float64 }

// profileBumps and profileFloor define the intraday shape
//
//	g(h) = Σⱼ wⱼ·φ((h − μⱼ)/σⱼ)/σⱼ + b/24,   0 ≤ h < 24 (hours, wall clock),
//
// where φ is the standard normal density: a morning peak at 10:15, an
// afternoon peak at 14:45 with a lunch dip between them, a small evening
// tail at 19:30 and a flat floor b that keeps the night near zero but not
// empty.
var profileBumps = [...]bump{
	{weight: 0.52, mean: 10.25, sd: 1.5},
	{weight: 0.38, mean: 14.75, sd: 1.6},
	{weight: 0.05, mean: 19.5, sd: 1.5},
}

const profileFloor = 0.05

// slotShare is the share of a day's volume that arrives in each 15-minute
// wall-clock slot (index 0 is 00:00–00:15): the integral of g over the slot,
// normalised so that the 96 shares sum to 1,
//
//	p(s) = G(s) / Σₛ′ G(s′),   G(s) = ∫ g(h) dh over [s/4, (s+1)/4) hours,
//
// computed exactly with the normal CDF Φ(x) = ½·erfc(−x/√2).
var slotShare = computeProfile()

func computeProfile() [slotsPerDay]float64 {
	var p [slotsPerDay]float64
	width := 24 / float64(slotsPerDay)
	sum := 0.0
	for s := range p {
		lo, hi := float64(s)*width, float64(s+1)*width
		v := profileFloor * width / 24
		for _, b := range profileBumps {
			v += b.weight * (normalCDF((hi-b.mean)/b.sd) - normalCDF((lo-b.mean)/b.sd))
		}
		p[s] = v
		sum += v
	}
	for s := range p {
		p[s] /= sum
	}
	return p
}

func normalCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// slotOf returns the wall-clock slot (0–95) that contains t's local time.
func slotOf(t time.Time) int {
	h, m, _ := t.Clock()
	return (h*60 + m) / int(SlotLength/time.Minute)
}
