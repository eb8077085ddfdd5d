package forecast

import (
	"math"
	"math/rand/v2"
	"time"
)

// synthSpec describes a generated history with known seasonality: Poisson
// arrivals with rate base · intraday(clock time) · weekday factor · (1 +
// growth per week), closed outside open–close hours and on Sundays.
type synthSpec struct {
	weeks       int
	interval    time.Duration
	loc         *time.Location
	base        float64 // arrivals per interval at the daily peak
	growth      float64 // relative growth per week
	open, close float64 // opening hours, local clock hours
	seed        uint64
	aht         bool
}

// weekdayFactor is the weekday pattern of the generated desks (Mon high,
// Sat low, Sun closed).
var weekdayFactor = [7]float64{0, 1.25, 1.1, 1.0, 1.0, 0.9, 0.45}

// synthRate is the true mean arrivals of an interval starting at t.
func (sp synthSpec) rate(t time.Time, week float64) float64 {
	h := float64(t.Hour()) + float64(t.Minute())/60
	if h < sp.open || h >= sp.close {
		return 0
	}
	// Two daily peaks (late morning, early afternoon), as contact centres have.
	shape := 0.35 + math.Exp(-math.Pow((h-10.5)/1.6, 2)) + 0.8*math.Exp(-math.Pow((h-14.5)/1.8, 2))
	return sp.base * shape / 1.4 * weekdayFactor[t.Weekday()] * (1 + sp.growth*week)
}

// withDefaults fills in UTC, 30 minutes and 07:00–20:00.
func (sp synthSpec) withDefaults() synthSpec {
	if sp.loc == nil {
		sp.loc = time.UTC
	}
	if sp.interval == 0 {
		sp.interval = 30 * time.Minute
	}
	if sp.close == 0 {
		sp.open, sp.close = 7, 20
	}
	return sp
}

// synth generates the series; it starts on a Monday at local midnight.
func synth(sp synthSpec) *Series {
	sp = sp.withDefaults()
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, sp.loc) // a Monday
	end := start.AddDate(0, 0, 7*sp.weeks)
	n := int(end.Sub(start) / sp.interval)
	r := rand.New(rand.NewPCG(sp.seed, 7))
	s := &Series{Start: start, Interval: sp.interval, Arrivals: make([]float64, n)}
	if sp.aht {
		s.HandleSeconds, s.Handled = make([]float64, n), make([]float64, n)
	}
	for i := range n {
		t := s.Time(i)
		mu := sp.rate(t, float64(i)/float64(7*24*time.Hour/sp.interval))
		k := poisson(r, mu)
		s.Arrivals[i] = float64(k)
		if sp.aht {
			for range k {
				// Longer calls in the afternoon: 240 s before 13:00, 300 s after.
				m := 240.0
				if t.Hour() >= 13 {
					m = 300
				}
				s.HandleSeconds[i] += r.ExpFloat64() * m
			}
			s.Handled[i] = float64(k)
		}
	}
	return s
}

// poisson draws a Poisson variate (Knuth for small means, normal above 60).
func poisson(r *rand.Rand, mu float64) int {
	if mu <= 0 {
		return 0
	}
	if mu > 60 {
		return max(0, int(math.Round(mu+math.Sqrt(mu)*r.NormFloat64())))
	}
	l, k, p := math.Exp(-mu), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}
