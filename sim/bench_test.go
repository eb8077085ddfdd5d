package sim

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/staffsim/staffsim/internal/cputime"
)

// mm50 is an M/M/50+M desk: 45 erlangs (675 calls an hour, AHT 4 min) on
// 50 agents, patience 3 min, reported per day.
func mm50(horizon time.Duration) Config {
	return Config{
		Start:    testStart,
		Horizon:  horizon,
		Interval: 24 * time.Hour,
		Queues: []Queue{{
			Name: "phone", Arrivals: Arrivals{PerHour: 675},
			HandleTime: Exponential(4 * time.Minute), Patience: Exponential(3 * time.Minute),
			SLATarget: 20 * time.Second, SLAGoal: 0.8,
		}},
		Shifts:       []Shift{{Name: "all", Always: true, Agents: 50}},
		Replications: 1,
		Seed:         1,
	}
}

// BenchmarkEvents measures simulated events per second on one core (one
// goroutine) for M/M/50+M: one replication of 30 days, about 490,000
// contacts and 1,000,000 events (arrivals, service ends, abandonments).
func BenchmarkEvents(b *testing.B) {
	cfg := mm50(30 * 24 * time.Hour)
	m := compileModel(&cfg)
	e := newEngine(m)
	var events, contacts int64
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Now()
	for i := range b.N {
		if err := e.run(context.Background(), i); err != nil {
			b.Fatal(err)
		}
		events += e.events
		for _, c := range e.st.cells {
			contacts += c.offered
		}
	}
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(events)/s, "events/s")
	b.ReportMetric(float64(contacts)/s, "contacts/s")
	// On a shared machine wall time includes waiting for a core; CPU time
	// (GC included) does not.
	if cpu := (cputime.Now() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(events)/cpu, "events/cpu-s")
	}
}

// BenchmarkMemory reports heap bytes allocated per simulated contact for
// 100,000 and 10,000,000 contacts: flat (falling) memory means nothing is
// stored per contact.
func BenchmarkMemory(b *testing.B) {
	for _, contacts := range []int{100_000, 10_000_000} {
		b.Run(fmt.Sprint(contacts), func(b *testing.B) {
			horizon := time.Duration(float64(contacts) / 675 * float64(time.Hour))
			cfg := mm50(horizon.Round(time.Hour))
			var before, after runtime.MemStats
			b.ResetTimer()
			for range b.N {
				runtime.GC()
				runtime.ReadMemStats(&before)
				r, err := Run(context.Background(), cfg)
				if err != nil {
					b.Fatal(err)
				}
				runtime.ReadMemStats(&after)
				b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/r.Summary.Total.Offered.Mean, "B/contact")
				b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), "MiB")
				b.ReportMetric(r.Summary.Total.Offered.Mean, "contacts")
			}
		})
	}
}

// BenchmarkReplications runs 16 replications of a one-day three-shift desk
// on 1 and on all workers: replications/s should scale with cores.
func BenchmarkReplications(b *testing.B) {
	cfg := lunchDesk()
	cfg.Queues[0].Arrivals = Arrivals{PerHour: 300}
	cfg.Shifts = []Shift{
		{Name: "early", Start: 6 * time.Hour, Length: 9 * time.Hour, Agents: 30, Breaks: []Break{{After: 4 * time.Hour, Length: 30 * time.Minute}}},
		{Name: "late", Start: 14 * time.Hour, Length: 9 * time.Hour, Agents: 30, Breaks: []Break{{After: 4 * time.Hour, Length: 30 * time.Minute}}},
		{Name: "night", Start: 22 * time.Hour, Length: 9 * time.Hour, Agents: 30},
	}
	cfg.Horizon = 7 * 24 * time.Hour
	cfg.Replications = 16
	for _, w := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			for range b.N {
				if _, err := RunWith(context.Background(), cfg, Options{Workers: w}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*cfg.Replications)/b.Elapsed().Seconds(), "replications/s")
		})
	}
}
