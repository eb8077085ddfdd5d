package headcount

import (
	"testing"
	"time"

	"github.com/staffsim/staffsim/sim"
)

// BenchmarkScaleTo scales a plan-sized roster (35 shift patterns of 1–2
// agents over the week, nights included) to 80 % of its headcount, where
// the coverage repair moves agents: µs per scaling.
func BenchmarkScaleTo(b *testing.B) {
	var shifts []sim.Shift
	for i := range 35 {
		shifts = append(shifts, sim.Shift{Start: time.Duration(i%24) * time.Hour, Length: 8*time.Hour + 30*time.Minute,
			Days:   []time.Weekday{time.Weekday(i % 7), time.Weekday((i + 1) % 7), time.Weekday((i + 2) % 7), time.Weekday((i + 3) % 7), time.Weekday((i + 4) % 7)},
			Agents: 1 + i%2})
	}
	n := Agents(shifts) * 8 / 10
	for b.Loop() {
		ScaleTo(shifts, n)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/scale")
}
