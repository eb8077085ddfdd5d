package capacity

import (
	"context"
	"testing"
	"time"
)

// BenchmarkOptimise plans 18 months of a 120-person desk growing 1.5 FTE
// a month with a December peak, over 1,000 attrition paths, and reports
// the hires placed and the person-months simulated per second.
func BenchmarkOptimise(b *testing.B) {
	periods := Months(today, 18)
	needs := make([]Need, len(periods))
	for m, p := range periods {
		peak := 0.0
		if p.Start.Month() == time.December {
			peak = 25
		}
		needs[m].FTE = 110 + 1.5*float64(m) + peak
	}
	week := 7 * 24 * time.Hour
	sup := Supply{Headcount: 120, Attrition: 0.02, LeadTime: 6 * week, Training: 4 * week, Ramp: []float64{0.6, 0.8}, MinClass: 4, MaxClass: 20}
	var hires int
	b.ResetTimer()
	for range b.N {
		md := newModel(periods, sup, testPay, 1000, 1)
		if _, err := md.optimise(context.Background(), needs, 0.9); err != nil {
			b.Fatal(err)
		}
		hires = md.outcome("recommended", needs, 0.9).Hires
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(hires), "hires/plan")
	b.ReportMetric(float64(1000*(sup.Headcount+hires)*len(periods))/sec, "person-months/s")
	b.ReportMetric(sec, "s/plan")
}
