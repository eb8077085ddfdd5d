package sim

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/staffsim/staffsim/internal/cputime"
	"github.com/staffsim/staffsim/sim/calendar"
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

// itDesk is a four-week, three-tier IT service desk: 20,000 tickets in
// four priorities (5/15/40/40 %) created mostly in office hours, 50
// analysts on weekday shifts (30 L1, 15 L2, 5 L3), pending waits on the
// user, escalation L1→L2 20 % and L2→L3 10 %, 5 % reopened; P1 and P2 are
// judged 24×7, P3 and P4 on a 08:00–18:00 weekday calendar, and P1
// pre-empts.
func itDesk(office *calendar.Calendar) Config {
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC) // a Monday
	const days, total = 28, 20_000
	// Hourly weights: weekdays 08–18 carry 85 % of the volume.
	var w []float64
	for d := range days {
		for h := range 24 {
			x := 0.15
			if wd := (d % 7); wd < 5 && h >= 8 && h < 18 {
				x = 4
			}
			w = append(w, x)
		}
	}
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	tk := &Tickets{Tiers: []string{"L1", "L2", "L3"}}
	for i, share := range []float64{0.05, 0.15, 0.40, 0.40} {
		counts := make([]float64, len(w))
		for k, x := range w {
			counts[k] = total * share * x / sum
		}
		var cal *calendar.Calendar
		if i >= 2 {
			cal = office
		}
		targets := [][2]time.Duration{{15 * time.Minute, 4 * time.Hour}, {time.Hour, 8 * time.Hour}, {4 * time.Hour, 24 * time.Hour}, {8 * time.Hour, 40 * time.Hour}}
		tk.Priorities = append(tk.Priorities, Priority{
			Name:     fmt.Sprintf("P%d", i+1),
			Arrivals: Arrivals{Counts: counts, Step: time.Hour},
			Touch:    []Dist{LogNormal(10*time.Minute, 1), LogNormal(25*time.Minute, 1), LogNormal(time.Hour, 1)},
			Pending:  0.2, PendingTime: Exponential(8 * time.Hour),
			Escalate: []float64{0.2, 0.1},
			Reopen:   0.05, ReopenDelay: Exponential(48 * time.Hour),
			Preempt:    i == 0,
			Response:   TicketTarget{Target: targets[i][0], Goal: 0.95, Calendar: cal},
			Resolution: TicketTarget{Target: targets[i][1], Goal: 0.9, Calendar: cal},
		})
	}
	weekdays := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	lunch := []Break{{After: 4 * time.Hour, Length: 30 * time.Minute, Unpaid: true}}
	return Config{
		Start: start, Horizon: days * 24 * time.Hour, Interval: time.Hour, Seed: 1, Replications: 30,
		Tickets: tk,
		Shifts: []Shift{
			{Name: "l1-early", Start: 7 * time.Hour, Length: 8*time.Hour + 30*time.Minute, Days: weekdays, Agents: 15, Skills: []string{"L1"}, Breaks: lunch},
			{Name: "l1-late", Start: 10 * time.Hour, Length: 8*time.Hour + 30*time.Minute, Days: weekdays, Agents: 15, Skills: []string{"L1"}, Breaks: lunch},
			{Name: "l2", Start: 8 * time.Hour, Length: 8*time.Hour + 30*time.Minute, Days: weekdays, Agents: 15, Skills: []string{"L2"}, Breaks: lunch},
			{Name: "l3", Start: 9 * time.Hour, Length: 8*time.Hour + 30*time.Minute, Days: weekdays, Agents: 5, Skills: []string{"L2", "L3"}, Breaks: lunch},
		},
	}
}

// BenchmarkTicketDesk runs itDesk: 30 replications of four weeks, about
// 20,000 tickets each, on every core (the target: under 2 s).
func BenchmarkTicketDesk(b *testing.B) {
	h, err := calendar.ParseHours("mon-fri=08:00-18:00")
	if err != nil {
		b.Fatal(err)
	}
	office, err := calendar.New(time.UTC, h, nil)
	if err != nil {
		b.Fatal(err)
	}
	cfg := itDesk(office)
	var tickets, events float64
	cpu0 := cputime.Now()
	for range b.N {
		r, err := Run(context.Background(), cfg)
		if err != nil {
			b.Fatal(err)
		}
		tickets += r.Tickets.Summary.Total.Created.Mean * float64(r.Replications)
		events += float64(r.Events)
	}
	s := b.Elapsed().Seconds()
	b.ReportMetric(s/float64(b.N), "s/run")
	b.ReportMetric(tickets/s, "tickets/s")
	if cpu := (cputime.Now() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(events/cpu, "events/cpu-s")
	}
}
