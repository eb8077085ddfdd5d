package erlang

import (
	"math"
	"testing"
	"time"
)

func reportPerOp(b *testing.B, unit string, per float64) {
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/per, unit)
}

// Solving agents for 10,000 erlangs at 80/20s (target ≤ 200 µs).
func BenchmarkAgentsC10000Erlangs(b *testing.B) {
	q := Queue{Model: ModelC, Rate: 10_000.0 / 180, AHT: 180}
	t := Targets{ServiceLevel: 0.8, Within: 20}
	for b.Loop() {
		if _, err := q.Agents(t); err != nil {
			b.Fatal(err)
		}
	}
	reportPerOp(b, "µs/solve", 1)
}

// Erlang A evaluation at n = 1,000 (target ≤ 100 µs).
func BenchmarkEvaluateA1000(b *testing.B) {
	q := Queue{Model: ModelA, Rate: 980.0 / 180, AHT: 180, Patience: 120}
	for b.Loop() {
		if _, err := q.Evaluate(1000, 20); err != nil {
			b.Fatal(err)
		}
	}
	reportPerOp(b, "µs/eval", 1)
}

func BenchmarkAgentsA1000Erlangs(b *testing.B) {
	q := Queue{Model: ModelA, Rate: 1000.0 / 180, AHT: 180, Patience: 120}
	t := Targets{ServiceLevel: 0.8, Within: 20}
	for b.Loop() {
		if _, err := q.Agents(t); err != nil {
			b.Fatal(err)
		}
	}
	reportPerOp(b, "µs/solve", 1)
}

// yearDemand is a year of 15-minute intervals (35,040) with an intraday
// shape peaking at 400 contacts per interval.
func yearDemand() []Demand {
	d := make([]Demand, 365*96)
	for i := range d {
		slot := float64(i % 96)
		d[i] = Demand{Arrivals: math.Round(400 * math.Max(0, math.Sin(math.Pi*(slot-28)/64))), AHT: 240}
	}
	return d
}

// Requirements for a year of 15-minute intervals (target ≤ 0.5 s in all).
func BenchmarkRequirementsYear(b *testing.B) {
	for _, m := range []Model{ModelC, ModelA} {
		b.Run(m.String(), func(b *testing.B) {
			d := yearDemand()
			o := Options{Model: m, Interval: 15 * time.Minute, Patience: 180, Shrinkage: 0.3}
			t := Targets{ServiceLevel: 0.8, Within: 20, MaxOccupancy: 0.9}
			for b.Loop() {
				if _, err := Requirements(d, t, o); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/year")
			b.ReportMetric(float64(len(d))*float64(b.N)/b.Elapsed().Seconds(), "intervals/s")
		})
	}
}
