package calendar

import (
	"testing"
	"time"

	"github.com/staffsim/staffsim/internal/cputime"
)

// BenchmarkBetweenYear and BenchmarkAddYear measure one Between or Add over
// a year of an office calendar with holidays in Europe/London (both zone
// changes and 8 holidays inside): whole weeks are jumped, so the cost is
// about 52 week steps plus the weeks with a holiday or a change. CPU time
// per call is reported next to wall time, as the machine is shared.
func BenchmarkBetweenYear(b *testing.B) {
	c, from, to := yearCase(b)
	run(b, "between", func() {
		if c.Between(from, to) <= 0 {
			b.Fatal("no business time")
		}
	})
}

func BenchmarkAddYear(b *testing.B) {
	c, from, to := yearCase(b)
	d := c.Between(from, to)
	run(b, "add", func() {
		if !c.Add(from, d).Equal(to) {
			b.Fatal("Add does not invert Between")
		}
	})
}

// BenchmarkBetweenDay is the common case of an SLA clock: a ticket open
// for a day, in a week without holiday or zone change (no span is visited:
// the week's spans are wall-clock offsets from its anchor).
func BenchmarkBetweenDay(b *testing.B) {
	c, _, _ := yearCase(b)
	from := time.Date(2026, 3, 10, 10, 17, 0, 0, c.Location())
	to := from.Add(26 * time.Hour)
	run(b, "between", func() { c.Between(from, to) })
}

func run(b *testing.B, unit string, f func()) {
	b.ResetTimer()
	cpu0 := cputime.Now()
	for i := 0; i < b.N; i++ {
		f()
	}
	cpu := cputime.Now() - cpu0
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/"+unit)
}

func yearCase(b *testing.B) (*Calendar, time.Time, time.Time) {
	lon := load(b, "Europe/London")
	hol := []Date{{2026, 1, 1}, {2026, 4, 3}, {2026, 4, 6}, {2026, 5, 4}, {2026, 5, 25}, {2026, 8, 31}, {2026, 12, 25}, {2026, 12, 28}}
	c := mustCal(b, lon, "mon-fri=08:00-12:30,13:30-18:00;sat=09:00-13:00", hol...)
	return c, time.Date(2026, 1, 2, 10, 17, 0, 0, lon), time.Date(2027, 1, 2, 11, 3, 0, 0, lon)
}
