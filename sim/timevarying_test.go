package sim

import (
	"math"
	"testing"
	"time"
)

// lunchDesk is a day desk: 60 calls an hour from 08:00 to 17:00 (Counts
// per 30 minutes), 8 agents 08:00–17:00 who all take lunch at 12:00–12:30.
func lunchDesk() Config {
	counts := make([]float64, 48)
	for i := 16; i < 34; i++ {
		counts[i] = 30
	}
	return Config{
		Start:   testStart,
		Horizon: 24 * time.Hour,
		Queues: []Queue{{
			Name: "phone", Arrivals: Arrivals{Counts: counts, Step: 30 * time.Minute},
			HandleTime: LogNormal(5*time.Minute, 0.7), Patience: Exponential(4 * time.Minute),
			SLATarget: 60 * time.Second, SLAGoal: 0.8,
		}},
		Shifts: []Shift{{
			Name: "day", Start: 8 * time.Hour, Length: 9 * time.Hour, Agents: 8,
			Breaks: []Break{{After: 4 * time.Hour, Length: 30 * time.Minute}},
		}},
		Replications: 20,
		Seed:         7,
	}
}

func slot(r *Result, hh, mm int) int {
	for i, p := range r.Intervals {
		if p.Start.Hour() == hh && p.Start.Minute() == mm {
			return i
		}
	}
	panic("no such interval")
}

// A lunch break with no cover shows the SL dip in that interval, and only
// there; agents available drop to the few finishing a call.
func TestLunchBreakDip(t *testing.T) {
	t.Parallel()
	r := run(t, lunchDesk())
	lunch := r.Intervals[slot(r, 12, 0)].Queues[0]
	morning := r.Intervals[slot(r, 10, 0)].Queues[0]
	if !(lunch.ServiceLevel.High < 0.3 && morning.ServiceLevel.Low > 0.7) {
		t.Errorf("SL 12:00 %+v, 10:00 %+v; want a dip below 0.3 at lunch, above 0.7 at 10:00", lunch.ServiceLevel, morning.ServiceLevel)
	}
	// The probability of meeting the 80 % goal: nil at lunch, near
	// certain at 10:00; a one-queue desk's total is its queue's.
	if lunch.MetGoal.Mean != 0 || morning.MetGoal.Mean < 0.8 || r.Intervals[slot(r, 10, 0)].Total.MetGoal != morning.MetGoal {
		t.Errorf("met goal: 12:00 %+v, 10:00 %+v; want 0 and ≥ 0.8", lunch.MetGoal, morning.MetGoal)
	}
	if r.MetGoal[0] != r.Summary.Queues[0].MetGoal.Mean {
		t.Errorf("Result.MetGoal %v, Summary MetGoal %+v", r.MetGoal, r.Summary.Queues[0].MetGoal)
	}
	for _, run := range r.Runs {
		if q := run.Queues[0]; q.MetGoal != (q.ServiceLevel >= 0.8) {
			t.Errorf("replication %d: SL %v, MetGoal %v", run.Index, q.ServiceLevel, q.MetGoal)
		}
	}
	if night := r.Intervals[slot(r, 3, 0)].Queues[0].MetGoal; night.Defined() {
		t.Errorf("03:00 without contacts: met goal %+v; want undefined", night)
	}
	if !(lunch.AbandonRate.Low > 0.3) {
		t.Errorf("abandon rate at 12:00 %+v; want most callers to give up", lunch.AbandonRate)
	}
	if a := lunch.AgentsAvailable.Mean; !(a < 1) {
		t.Errorf("agents available 12:00–12:30: %.2f; want < 1 (only agents finishing a call)", a)
	}
	if a := morning.AgentsAvailable.Mean; a != 8 {
		t.Errorf("agents available 10:00: %.2f; want 8", a)
	}
	after := r.Intervals[slot(r, 13, 30)].Queues[0]
	if !(after.ServiceLevel.Low > 0.7) {
		t.Errorf("SL 13:30 %+v; want recovery above 0.7", after.ServiceLevel)
	}
	// Paid hours: 8 agents × 9 h, whatever the overtime for calls in hand
	// at 17:00 (counted apart).
	tot := r.Summary.Total
	if tot.PaidHours.Mean != 72 || tot.PaidHours.HalfWidth() != 0 {
		t.Errorf("paid %+v overtime %+v; want exactly 72 h in every replication", tot.PaidHours, tot.OvertimeHours)
	}
	if !(tot.OvertimeHours.Mean > 0 && tot.OvertimeHours.Mean < 8*0.5) {
		t.Errorf("overtime %+v; want some, less than half an hour an agent", tot.OvertimeHours)
	}
	// Staggered lunches (two shifts of 4) remove the dip.
	cfg := lunchDesk()
	cfg.Shifts[0].Agents = 4
	late := cfg.Shifts[0]
	late.Name, late.Breaks = "day late lunch", []Break{{After: 5 * time.Hour, Length: 30 * time.Minute}}
	cfg.Shifts = append(cfg.Shifts, late)
	r = run(t, cfg)
	if sl := r.Intervals[slot(r, 12, 0)].Queues[0].ServiceLevel; !(sl.Mean > 0.3) {
		t.Errorf("staggered lunch: SL 12:00 %+v; want no collapse", sl)
	}
}

// Backlog from an under-staffed evening is served next morning; a contact
// counts in the interval it arrived in.
func TestOvernightBacklog(t *testing.T) {
	t.Parallel()
	cfg := Config{
		Start:    testStart,
		Horizon:  48 * time.Hour,
		Interval: time.Hour,
		Queues: []Queue{{
			Name: "tickets", Arrivals: Arrivals{PerHour: 10},
			HandleTime: Exponential(10 * time.Minute), SLATarget: 4 * time.Hour, SLAGoal: 0.9,
		}},
		Shifts:       []Shift{{Name: "day", Start: 8 * time.Hour, Length: 10 * time.Hour, Agents: 8}},
		Replications: 10,
		Seed:         3,
	}
	r := run(t, cfg)
	q := func(h int) Metrics { return r.Intervals[h].Queues[0] } // hour h since Monday 00:00
	// Monday 17:00: staffed; Tuesday 07:00: everything from 18:00 waits.
	if b := q(17).Backlog.Mean; b > 2 {
		t.Errorf("backlog at Monday 18:00: %.1f; want ≈ 0", b)
	}
	if b := q(24 + 7).Backlog; !(b.Low > 100 && b.High < 180) {
		t.Errorf("backlog at Tuesday 08:00: %+v; want ≈ 140 (14 h × 10/h)", b)
	}
	// 8 agents clear 48 an hour while 10 arrive: by 13:00 the night's
	// work is done.
	if b := q(24 + 12).Backlog.Mean; b > 5 {
		t.Errorf("backlog at Tuesday 13:00: %.1f; want ≈ 0", b)
	}
	// Monday 20:00's contacts: answered the next morning, late.
	ev := q(20)
	if !(ev.Answered.Mean > 8 && ev.ServiceLevel.Mean == 0 && ev.ASA.Low > 11*3600) {
		t.Errorf("Monday 20:00: answered %+v SL %+v ASA %+v; want all answered > 11 h later", ev.Answered, ev.ServiceLevel, ev.ASA)
	}
	if sl := q(10).ServiceLevel.Mean; sl < 0.99 {
		t.Errorf("Monday 10:00 SL %.3f; want ≈ 1", sl)
	}
	// Nobody abandons: every contact that arrived is answered or still queued.
	for _, run := range r.Runs {
		if run.Queues[0].Abandoned != 0 {
			t.Errorf("replication %d: %v abandoned without patience", run.Index, run.Queues[0].Abandoned)
		}
	}
}

// Priorities and skills: the high-priority queue is served first; a queue
// no shift is skilled for is never answered.
func TestPriorityAndSkills(t *testing.T) {
	t.Parallel()
	cfg := steady(0, 4*time.Minute, 10, Dist{}, 30*time.Second)
	cfg.Horizon, cfg.Warmup = 12*time.Hour, time.Hour
	cfg.Replications = 6
	cfg.Queues = []Queue{
		{Name: "vip", Priority: 1, Arrivals: Arrivals{PerHour: 60}, HandleTime: Exponential(4 * time.Minute), SLATarget: 30 * time.Second},
		{Name: "std", Priority: 2, Arrivals: Arrivals{PerHour: 80}, HandleTime: Exponential(4 * time.Minute), SLATarget: 30 * time.Second, Patience: Exponential(5 * time.Minute)},
		{Name: "orphan", Priority: 0, Arrivals: Arrivals{PerHour: 5}, HandleTime: Exponential(4 * time.Minute), SLATarget: 30 * time.Second},
	}
	cfg.Shifts[0].Skills = []string{"vip", "std"}
	r := run(t, cfg)
	vip, std, orphan := r.Summary.Queues[0], r.Summary.Queues[1], r.Summary.Queues[2]
	if !(vip.ServiceLevel.Low > std.ServiceLevel.High && vip.ASA.High < std.ASA.Low) {
		t.Errorf("vip SL %+v ASA %+v; std SL %+v ASA %+v: want vip clearly better", vip.ServiceLevel, vip.ASA, std.ServiceLevel, std.ASA)
	}
	if orphan.Answered.Mean != 0 || orphan.Backlog.Mean < 40 {
		t.Errorf("queue without skilled agents: answered %v, backlog %v; want 0 and its whole volume", orphan.Answered.Mean, orphan.Backlog.Mean)
	}
	if orphan.AgentsAvailable.Mean != 0 || orphan.Occupancy.Defined() {
		t.Errorf("queue without skilled agents: agents %+v occupancy %+v", orphan.AgentsAvailable, orphan.Occupancy)
	}
	if tot := r.Summary.Total.AgentsAvailable.Mean; tot != 10 {
		t.Errorf("desk agents available %v; want 10", tot)
	}
}

// Shrinkage: each scheduled agent is absent with probability s, so the
// available agents average (1 − s) × scheduled; paid hours are unchanged.
func TestShrinkage(t *testing.T) {
	t.Parallel()
	cfg := lunchDesk()
	cfg.Shifts = []Shift{{Name: "day", Start: 8 * time.Hour, Length: 8 * time.Hour, Agents: 100}}
	cfg.Horizon = 7 * 24 * time.Hour
	cfg.Queues[0].Arrivals = Arrivals{PerHour: 60}
	cfg.Shrinkage = 0.3
	r := run(t, cfg)
	// Mean over 7 days × 20 replications of Binomial(100, 0.7).
	a := r.Intervals[slot(r, 10, 0)].Total.AgentsAvailable
	if !(a.Low < 70 && a.High > 70 && a.HalfWidth() < 3) {
		t.Errorf("agents available at 10:00 with 30%% shrinkage: %+v; want 70", a)
	}
	if p := r.Summary.Total.PaidHours.Mean; math.Abs(p-7*100*8) > 1e-9 {
		t.Errorf("paid hours %v; want 5600 (absent agents are paid; overtime apart)", p)
	}
}

// Shift start times are wall-clock times: across the end of summer time a
// 08:00 shift still starts at 08:00 local.
func TestDaylightSaving(t *testing.T) {
	t.Parallel()
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	cfg := lunchDesk()
	cfg.Start = time.Date(2026, 10, 24, 0, 0, 0, 0, london) // summer time ends Sunday 25 October
	cfg.Horizon = cfg.Start.AddDate(0, 0, 3).Sub(cfg.Start) // three calendar days: 73 h
	cfg.Queues[0].Arrivals = Arrivals{PerHour: 40}
	cfg.Shifts[0].Days = []time.Weekday{time.Saturday, time.Monday}
	occ := expandRoster(&cfg)
	if len(occ) != 2 {
		t.Fatalf("got %d occurrences, want Saturday and Monday", len(occ))
	}
	for _, o := range occ {
		if s := cfg.Start.Add(o.start); s.Hour() != 8 || s.Minute() != 0 {
			t.Errorf("occurrence starts %v; want 08:00 local", s)
		}
	}
	r := run(t, cfg)
	// 25 hours on Sunday: 73 h = 146 half hours.
	if n := len(r.Intervals); n != 146 {
		t.Errorf("%d intervals over 3 days across the change; want 146", n)
	}
}

// A night shift begun before the horizon is already on duty at time 0.
func TestShiftAcrossStart(t *testing.T) {
	t.Parallel()
	cfg := lunchDesk()
	cfg.Queues[0].Arrivals = Arrivals{PerHour: 20}
	cfg.Shifts = []Shift{{Name: "night", Start: 22 * time.Hour, Length: 9 * time.Hour, Agents: 3,
		Breaks: []Break{{After: time.Hour, Length: 2 * time.Hour}}}}
	cfg.Horizon = 12 * time.Hour
	r := run(t, cfg)
	if a := r.Intervals[0].Total.AgentsAvailable.Mean; a != 0 {
		t.Errorf("00:00 (in the 23:00–01:00 break): %v agents; want 0", a)
	}
	if a := r.Intervals[slot(r, 2, 0)].Total.AgentsAvailable.Mean; a != 3 {
		t.Errorf("02:00: %v agents; want 3", a)
	}
	if a := r.Intervals[slot(r, 8, 0)].Total.AgentsAvailable.Mean; a > 0.5 {
		t.Errorf("08:00: %v agents; want 0 after the 07:00 end", a)
	}
	// Paid from time 0 only: 3 agents × 7 h (overtime apart).
	if p := r.Summary.Total.PaidHours.Mean; math.Abs(p-21) > 1e-9 {
		t.Errorf("paid hours %v; want 21", p)
	}
}

// TestUnpaidBreak checks that an unpaid break leaves the paid hours by its
// scheduled length, in the intervals it covers, for every agent of the
// shift (absent ones included), and that paid breaks stay paid: 8 agents ×
// (9 h − 30 min unpaid lunch) = 68 h; 12:00–12:30 pays nobody; PaidTime
// gives the same per agent.
func TestUnpaidBreak(t *testing.T) {
	cfg := lunchDesk()
	cfg.Shifts[0].Breaks = []Break{{After: 2 * time.Hour, Length: 15 * time.Minute}, {After: 4 * time.Hour, Length: 30 * time.Minute, Unpaid: true}}
	cfg.Shrinkage = 0.25
	r := run(t, cfg)
	tot := r.Summary.Total.PaidHours
	if tot.Mean != 68 || tot.HalfWidth() != 0 {
		t.Errorf("paid hours %+v; want exactly 68 (8 × 8.5 h) in every replication", tot)
	}
	if got := cfg.Shifts[0].Paid(); got != 8*time.Hour+30*time.Minute {
		t.Errorf("PaidTime %v; want 8h30m", got)
	}
	if p := r.Intervals[slot(r, 12, 0)].Total.PaidHours.Mean; p != 0 {
		t.Errorf("paid hours 12:00–12:30 (unpaid lunch) %v; want 0", p)
	}
	if p := r.Intervals[slot(r, 10, 0)].Total.PaidHours.Mean; p != 4 {
		t.Errorf("paid hours 10:00–10:30 (paid break) %v; want 4 (8 agents × 30 min)", p)
	}
}

// TestAbsenceCommonRandomNumbers: an agent's absence is drawn from its own
// key, so a roster with more agents on a shift keeps every absence of the
// smaller one: for the same seed, agents available never fall when agents
// are added, in any interval — the coupling a headcount sweep relies on.
// With draws from one stream in sequence, the absences would shift and
// about half the intervals would show fewer agents for the larger roster.
func TestAbsenceCommonRandomNumbers(t *testing.T) {
	t.Parallel()
	avail := func(agents int) []float64 {
		cfg := lunchDesk()
		cfg.Shifts = []Shift{{Name: "day", Start: 8 * time.Hour, Length: 8 * time.Hour, Agents: agents},
			{Name: "late", Start: 14 * time.Hour, Length: 8 * time.Hour, Agents: 6}}
		cfg.Queues[0].Arrivals = Arrivals{PerHour: 40}
		cfg.Horizon = 7 * 24 * time.Hour
		cfg.Shrinkage = 0.3
		r := run(t, cfg)
		out := make([]float64, len(r.Intervals))
		for i, p := range r.Intervals {
			out[i] = p.Total.AgentsAvailable.Mean
		}
		return out
	}
	small, large := avail(10), avail(13)
	for i := range small {
		if slot := i % 48; slot == 32 || slot == 44 {
			continue // 16:00 and 22:00: agents finishing a contact past the shift's end count as available
		}
		if large[i] < small[i]-1e-9 {
			t.Fatalf("interval %d: %v agents available with 13 on the day shift, %v with 10; want never fewer", i, large[i], small[i])
		}
	}
}
