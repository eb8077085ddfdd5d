package sim

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/sim/calendar"
)

// ticketDesk returns a one-tier, 24×7 desk of always-on agents with
// exponential touch times and Poisson tickets per priority (per hour).
func ticketDesk(agents int, touch time.Duration, rates []float64, hours, warm int, reps int) Config {
	tk := &Tickets{Tiers: []string{"L1"}}
	for i, r := range rates {
		tk.Priorities = append(tk.Priorities, Priority{
			Name:     string(rune('1' + i)),
			Arrivals: Arrivals{PerHour: r},
			Touch:    []Dist{Exponential(touch)},
		})
	}
	return Config{
		Start:        time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC),
		Horizon:      time.Duration(hours) * time.Hour,
		Interval:     time.Hour,
		Warmup:       time.Duration(warm) * time.Hour,
		Tickets:      tk,
		Shifts:       []Shift{{Name: "all", Always: true, Agents: agents}},
		Seed:         7,
		Replications: reps,
	}
}

// within checks that the reference value lies in the 95 % confidence
// interval of the estimate, and that the interval is narrow enough (a
// half-width of at most 10 % of the value) to mean something.
func within(t *testing.T, what string, e Estimate, want float64) {
	t.Helper()
	t.Logf("%s: simulated %.4f [%.4f, %.4f], closed form %.4f", what, e.Mean, e.Low, e.High, want)
	if !(want >= e.Low && want <= e.High) {
		t.Errorf("%s: simulated %.4f [%.4f, %.4f], closed form %.4f", what, e.Mean, e.Low, e.High, want)
	}
	if e.HalfWidth() > 0.1*want {
		t.Errorf("%s: interval [%.4f, %.4f] too wide to judge %.4f: run longer", what, e.Low, e.High, want)
	}
}

// TestTicketsCobham checks the waits to first pickup of three priorities
// served by c agents without pre-emption against the non-preemptive
// priority M/M/c formula (Cobham 1954, "Priority assignment in waiting
// line problems", JORSA 2(1): 70–76; Gross, Shortle, Thompson & Harris,
// Fundamentals of Queueing Theory, 4th ed., §3.4.1, eq. 3.42):
//
//	W_k = C(c, a) / (cμ) / ((1 − σ_{k−1})(1 − σ_k)),  σ_k = Σ_{i≤k} λ_i/(cμ)
//
// where C(c, a) is Erlang C's probability of waiting for the total traffic a.
func TestTicketsCobham(t *testing.T) {
	if testing.Short() {
		t.Skip("a closed-form comparison needs the full run's sample; -short (the race run) leaves it out")
	}
	const c = 3
	touch := 10 * time.Minute
	mu := 6.0 // per hour
	rates := []float64{0.2 * 14.4, 0.3 * 14.4, 0.5 * 14.4}
	hours, reps := 3000, 16
	res, err := Run(context.Background(), ticketDesk(c, touch, rates, hours, 100, reps))
	if err != nil {
		t.Fatal(err)
	}
	a := 14.4 / mu
	pw := erlangC(c, a)
	sigma := 0.0
	for k, r := range rates {
		prev := sigma
		sigma += r / (c * mu)
		w := pw / (c * mu) / ((1 - prev) * (1 - sigma))
		within(t, "P"+res.Tickets.Priorities[k]+" mean response (h)", res.Tickets.Summary.Priorities[k].Response.MeanHours, w)
	}
}

// TestTicketsPreemptiveMM1 checks a one-agent desk where P1 pre-empts P2
// (preemptive resume) against the M/M/1 preemptive-resume priority
// formulas (Conway, Maxwell & Miller 1967, Theory of Scheduling, §9-4;
// Harchol-Balter 2013, Performance Modeling and Design of Computer
// Systems, §32.4): with equal service rates μ and ρ_k = λ_k/μ,
//
//	T_k = (1/μ)/(1 − σ_{k−1}) + (Σ_{i≤k} λ_i/μ²) / ((1 − σ_{k−1})(1 − σ_k))
//
// for the time in system (creation to resolution), σ_k = Σ_{i≤k} ρ_i, and
// P1's wait to first pickup is M/M/1's own, ρ_1/(μ − λ_1).
func TestTicketsPreemptiveMM1(t *testing.T) {
	if testing.Short() {
		t.Skip("a closed-form comparison needs the full run's sample; -short (the race run) leaves it out")
	}
	touch := 12 * time.Minute
	mu := 5.0
	rates := []float64{1.5, 2.0}
	hours, reps := 4000, 16
	cfg := ticketDesk(1, touch, rates, hours, 100, reps)
	cfg.Tickets.Priorities[0].Preempt = true
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	sum := res.Tickets.Summary.Priorities
	sigma, lam := 0.0, 0.0
	for k, r := range rates {
		prev := sigma
		sigma += r / mu
		lam += r
		tk := (1/mu)/(1-prev) + (lam/(mu*mu))/((1-prev)*(1-sigma))
		within(t, "P"+res.Tickets.Priorities[k]+" mean resolution (h)", sum[k].Resolution.MeanHours, tk)
	}
	rho1 := rates[0] / mu
	within(t, "P1 mean response (h)", sum[0].Response.MeanHours, rho1/(mu-rates[0]))
	// Without pre-emption P1 waits behind P2's touches in hand: the same
	// desk measures a longer P1 response (a test that the switch works).
	cfg.Tickets.Priorities[0].Preempt = false
	np, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := np.Tickets.Summary.Priorities[0].Response.MeanHours; got.Low <= sum[0].Response.MeanHours.High {
		t.Errorf("P1 response without pre-emption %v, with %v: want clearly longer", got, sum[0].Response.MeanHours)
	}
}

// TestTicketsEscalation: with escalation probability p from L1, L2's work
// arriving equals the L1 escalations exactly, and p × L1's finished
// tickets within chance; the SLA clock of an escalated ticket runs from
// its creation.
func TestTicketsEscalation(t *testing.T) {
	const p = 0.3
	cfg := ticketDesk(0, 0, nil, 500, 0, 12)
	cfg.Tickets = &Tickets{Tiers: []string{"L1", "L2"}, Priorities: []Priority{{
		Name: "P2", Arrivals: Arrivals{PerHour: 20},
		Touch:    []Dist{Exponential(10 * time.Minute), Exponential(30 * time.Minute)},
		Escalate: []float64{p},
	}}}
	cfg.Shifts = []Shift{
		{Name: "l1", Always: true, Agents: 5, Skills: []string{"L1"}},
		{Name: "l2", Always: true, Agents: 5, Skills: []string{"L2"}},
	}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	l1, l2 := res.Tickets.Summary.Tiers[0], res.Tickets.Summary.Tiers[1]
	if math.Abs(l2.Entered.Mean-l1.Escalated.Mean) > 1e-9 {
		t.Errorf("L2 entered %v, L1 escalated %v: want equal", l2.Entered.Mean, l1.Escalated.Mean)
	}
	// Over all replications the escalations are Binomial(done, p).
	n := l1.Done.Mean * float64(res.Replications)
	got := l1.Escalated.Mean * float64(res.Replications)
	if sd := math.Sqrt(n * p * (1 - p)); math.Abs(got-p*n) > 3*sd {
		t.Errorf("L1 escalated %v of %v done: want p·done = %v ± %v", got, n, p*n, 3*sd)
	}
	within(t, "L2 entered", l2.Entered, p*l1.Done.Mean)

	// Deterministic: every ticket escalates, touches of 10 and 20 minutes,
	// agents always free: resolution takes 30 minutes from creation.
	cfg.Tickets.Priorities[0].Touch = []Dist{Fixed(10 * time.Minute), Fixed(20 * time.Minute)}
	cfg.Tickets.Priorities[0].Escalate = []float64{1}
	cfg.Tickets.Priorities[0].Arrivals = Arrivals{PerHour: 1}
	cfg.Tickets.Priorities[0].Resolution = TicketTarget{Target: 30 * time.Minute, Goal: 0.9}
	cfg.Replications = 2
	res, err = Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := res.Tickets.Summary.Priorities[0]
	if math.Abs(s.Resolution.MeanHours.Mean-0.5) > 1e-9 || s.Response.MeanHours.Mean != 0 {
		t.Errorf("resolution %v h, response %v h: want 0.5 and 0", s.Resolution.MeanHours.Mean, s.Response.MeanHours.Mean)
	}
	if s.Resolution.Attainment.Mean != 1 || s.Escalated.Mean != s.Created.Mean {
		t.Errorf("attainment %v, escalated %v of %v: want 1, all", s.Resolution.Attainment.Mean, s.Escalated.Mean, s.Created.Mean)
	}
}

// TestTicketsConservation: every ticket created is resolved or still open
// at the end, counted once, in every replication — with pending waits,
// escalation and hard shift ends in the way.
func TestTicketsConservation(t *testing.T) {
	cfg := ticketDesk(0, 0, nil, 24*14, 0, 6)
	cfg.Tickets = &Tickets{Tiers: []string{"L1", "L2"}}
	for i, r := range []float64{1, 4, 8} {
		cfg.Tickets.Priorities = append(cfg.Tickets.Priorities, Priority{
			Name: []string{"P1", "P2", "P3"}[i], Arrivals: Arrivals{PerHour: r},
			Touch:   []Dist{LogNormal(15*time.Minute, 1), LogNormal(40*time.Minute, 1.2)},
			Pending: 0.3, PendingTime: Exponential(3 * time.Hour),
			Escalate: []float64{0.25},
			Preempt:  i == 0,
		})
	}
	cfg.Shifts = []Shift{
		{Name: "day", Start: 8 * time.Hour, Length: 9 * time.Hour, Agents: 4, Skills: []string{"L1"}, HardEnd: true},
		{Name: "late", Start: 14 * time.Hour, Length: 9 * time.Hour, Agents: 2, Skills: []string{"L1", "L2"}},
		{Name: "l2", Start: 9 * time.Hour, Length: 8 * time.Hour, Agents: 3, Skills: []string{"L2"},
			Breaks: []Break{{After: 4 * time.Hour, Length: time.Hour, Unpaid: true}}},
	}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range res.Tickets.Runs {
		for p, v := range run.Priorities {
			if v.Created != v.Resolved+v.Backlog || v.Created == 0 {
				t.Errorf("replication %d, %s: created %v ≠ resolved %v + open %v", run.Index, res.Tickets.Priorities[p], v.Created, v.Resolved, v.Backlog)
			}
		}
		if run.Total.Created != run.Total.Resolved+run.Total.Backlog {
			t.Errorf("replication %d total: created %v ≠ resolved %v + open %v", run.Index, run.Total.Created, run.Total.Resolved, run.Total.Backlog)
		}
	}
	// The per-interval counts add up to the whole period's.
	var created, backlogLast float64
	for _, iv := range res.Tickets.Intervals {
		created += iv.Total.Created.Mean
		backlogLast = iv.Total.Backlog.Mean
	}
	if s := res.Tickets.Summary.Total; math.Abs(created-s.Created.Mean) > 1e-6 || math.Abs(backlogLast-s.Backlog.Mean) > 1e-9 {
		t.Errorf("intervals: created %v, last backlog %v; summary %v, %v", created, backlogLast, s.Created.Mean, s.Backlog.Mean)
	}
	// Pending time is not work: touches at L1 are 1/(1 − 0.3) per ticket
	// finished there, within chance.
	l1 := res.Tickets.Summary.Tiers[0]
	if r := l1.Touches.Mean / l1.Done.Mean; math.Abs(r-1/0.7) > 0.05 {
		t.Errorf("L1 touches per ticket done %.3f, want %.3f", r, 1/0.7)
	}
}

// TestTicketsBusinessTime: a ticket created at 20:00 on a 09:00–17:00
// desk is picked up at 09:00 the next morning — no business time has
// passed — and resolved one touch later; a 24×7 clock counts the night.
func TestTicketsBusinessTime(t *testing.T) {
	loc := time.UTC
	office, err := calendar.New(loc, mustHours(t, "mon-fri=09:00-17:00"), nil)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 1, 5, 0, 0, 0, 0, loc) // a Monday
	cfg := Config{
		Start: start, Horizon: 3 * 24 * time.Hour, Interval: time.Hour, Replications: 1,
		Tickets: &Tickets{Tiers: []string{"L1"}, Priorities: []Priority{
			{Name: "P3", Arrivals: Arrivals{Times: []time.Duration{20 * time.Hour}}, Touch: []Dist{Fixed(time.Hour)},
				Response:   TicketTarget{Target: time.Minute, Goal: 0.9, Calendar: office},
				Resolution: TicketTarget{Target: time.Hour, Goal: 0.9, Calendar: office}},
			{Name: "P4", Arrivals: Arrivals{Times: []time.Duration{20 * time.Hour}}, Touch: []Dist{Fixed(time.Hour)},
				Response: TicketTarget{Target: time.Hour, Goal: 0.9}},
		}},
		Shifts: []Shift{{Name: "office", Start: 9 * time.Hour, Length: 8 * time.Hour, Agents: 1}},
	}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	p3, p4 := res.Tickets.Summary.Priorities[0], res.Tickets.Summary.Priorities[1]
	if p3.Response.MeanHours.Mean != 0 || p3.Resolution.MeanHours.Mean != 1 || p3.Response.Attainment.Mean != 1 || p3.Resolution.Attainment.Mean != 1 {
		t.Errorf("P3 on office hours: response %v h, resolution %v h, attainment %v/%v; want 0, 1, met, met",
			p3.Response.MeanHours.Mean, p3.Resolution.MeanHours.Mean, p3.Response.Attainment.Mean, p3.Resolution.Attainment.Mean)
	}
	// P4 waits for P3's touch: picked up at 10:00, 14 elapsed hours.
	if p4.Response.MeanHours.Mean != 14 || p4.Response.Attainment.Mean != 0 || p4.Response.Breached.Mean != 1 {
		t.Errorf("P4 24×7: response %v h, attainment %v, breached %v; want 14, 0, 1", p4.Response.MeanHours.Mean, p4.Response.Attainment.Mean, p4.Response.Breached.Mean)
	}
}

func mustHours(t *testing.T, s string) calendar.Hours {
	t.Helper()
	h, err := calendar.ParseHours(s)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestTicketsCensoring: a ticket still open at the horizon past its target
// counts as breached; one within it is left out.
func TestTicketsCensoring(t *testing.T) {
	start := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	cfg := Config{
		Start: start, Horizon: 10 * time.Hour, Interval: time.Hour, Replications: 1,
		Tickets: &Tickets{Tiers: []string{"L1"}, Priorities: []Priority{
			{Name: "P2", Arrivals: Arrivals{Times: []time.Duration{time.Hour, 9 * time.Hour}}, Touch: []Dist{Fixed(time.Hour)},
				Response: TicketTarget{Target: 4 * time.Hour, Goal: 0.9}, Resolution: TicketTarget{Target: 8 * time.Hour, Goal: 0.9}},
		}},
	}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := res.Tickets.Summary.Priorities[0]
	// Nobody works: the 01:00 ticket missed both targets (9 h open), the
	// 09:00 one is within both (1 h) and censored.
	if s.Response.Due.Mean != 1 || s.Response.Breached.Mean != 1 || s.Resolution.Due.Mean != 1 || s.Backlog.Mean != 2 || s.OldestAge.Mean != 9 {
		t.Errorf("due %v/%v, breached %v, backlog %v, oldest %v h; want 1/1, 1, 2, 9", s.Response.Due.Mean, s.Resolution.Due.Mean, s.Response.Breached.Mean, s.Backlog.Mean, s.OldestAge.Mean)
	}
	if s.MetGoal.Mean != 0 || res.Tickets.MetGoal[0] != 0 {
		t.Errorf("met goal %v, want 0", s.MetGoal.Mean)
	}
}

// TestTicketsValidate: bad ticket desks are refused with the priority and
// field named.
func TestTicketsValidate(t *testing.T) {
	base := ticketDesk(1, time.Minute, []float64{1}, 10, 0, 1)
	for _, tt := range []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"touches per tier", func(c *Config) { c.Tickets.Priorities[0].Touch = nil }, `priority "1": touch time: 0 distributions for 1 tiers`},
		{"escalate length", func(c *Config) { c.Tickets.Priorities[0].Escalate = []float64{0.5} }, "escalate: 1 probabilities for 1 tiers"},
		{"pending one", func(c *Config) { c.Tickets.Priorities[0].Pending = 1 }, "pending: 1 must be in [0, 1)"},
		{"pending time", func(c *Config) { c.Tickets.Priorities[0].Pending = 0.2 }, "pending time: a pending probability needs"},
		{"reopen delay", func(c *Config) { c.Tickets.Priorities[0].Reopen = 0.1 }, "reopen delay: a reopen probability needs"},
		{"tier named like queue", func(c *Config) {
			c.Queues = []Queue{{Name: "L1", HandleTime: Exponential(time.Minute)}}
		}, `tier "L1" has the name of a queue`},
		{"unknown skill", func(c *Config) {
			c.Shifts[0].Always = false
			c.Shifts[0].Length = time.Hour
			c.Shifts[0].Skills = []string{"L2"}
		}, `no queue or tier is named "L2"`},
		{"goal", func(c *Config) { c.Tickets.Priorities[0].Resolution = TicketTarget{Target: time.Hour, Goal: 95} }, "resolution: goal 95 must be in [0, 1]"},
		// A billion tickets an hour ran (and ran): refused before the run.
		{"arrivals", func(c *Config) {
			c.Horizon = 14 * 24 * time.Hour
			c.Tickets.Priorities[0].Arrivals = Arrivals{PerHour: 1e9}
		}, `priority "1": arrivals: about 3.36e+11 arrivals a replication`},
		{"counts", func(c *Config) {
			c.Tickets.Priorities[0].Arrivals = Arrivals{Counts: []float64{1, 2e8, 2e8}, Step: 4 * time.Hour, Scale: 2}
		}, `priority "1": arrivals: about 6e+08 arrivals a replication`},
	} {
		cfg := base
		tk := *base.Tickets
		tk.Priorities = append([]Priority(nil), base.Tickets.Priorities...)
		cfg.Tickets = &tk
		cfg.Shifts = append([]Shift(nil), base.Shifts...)
		tt.edit(&cfg)
		err := cfg.Validate()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestTicketsPartialLastInterval: a horizon that ends inside an interval
// still reads the oldest open ticket at its end.
func TestTicketsPartialLastInterval(t *testing.T) {
	cfg := Config{
		Start: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Horizon: 90 * time.Minute, Interval: time.Hour, Replications: 1,
		Tickets: &Tickets{Tiers: []string{"L1"}, Priorities: []Priority{
			{Name: "P3", Arrivals: Arrivals{Times: []time.Duration{10 * time.Minute}}, Touch: []Dist{Fixed(time.Hour)}},
		}},
	}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	ivs := res.Tickets.Intervals
	if len(ivs) != 2 || ivs[0].Priorities[0].OldestAge.Mean != 50.0/60 || ivs[1].Priorities[0].OldestAge.Mean != 80.0/60 {
		t.Errorf("oldest open at the interval ends: %v, %v h; want 0.83 and 1.33 (the horizon)", ivs[0].Priorities[0].OldestAge.Mean, ivs[1].Priorities[0].OldestAge.Mean)
	}
}

// TestTicketsPreemptSparesAgentsLeaving: an analyst whose shift is over
// finishes the ticket in hand (overtime) and takes no new work, so a P1
// does not interrupt it — else the P2 it drops waits overnight for the
// next shift. Here the P2 (09:30, one hour) is resolved at 10:30 in
// overtime and the P1 created at 10:10 is picked up at 09:00 the next day.
func TestTicketsPreemptSparesAgentsLeaving(t *testing.T) {
	t.Parallel()
	cfg := Config{
		Start: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Horizon: 2 * 24 * time.Hour, Interval: time.Hour, Replications: 1,
		Tickets: &Tickets{Tiers: []string{"L1"}, Priorities: []Priority{
			{Name: "P1", Arrivals: Arrivals{Times: []time.Duration{10*time.Hour + 10*time.Minute}}, Touch: []Dist{Fixed(10 * time.Minute)}, Preempt: true},
			{Name: "P2", Arrivals: Arrivals{Times: []time.Duration{9*time.Hour + 30*time.Minute}}, Touch: []Dist{Fixed(time.Hour)}},
		}},
		Shifts: []Shift{{Name: "day", Start: 9 * time.Hour, Length: time.Hour, Agents: 1}},
	}
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	p1, p2 := res.Tickets.Summary.Priorities[0], res.Tickets.Summary.Priorities[1]
	if p2.Resolution.MeanHours.Mean != 1 || p1.Response.MeanHours.Mean != 22+50.0/60 {
		t.Errorf("P2 resolved in %v h, P1 picked up after %v h; want 1 (finished in overtime) and 22.83 (next morning)",
			p2.Resolution.MeanHours.Mean, p1.Response.MeanHours.Mean)
	}
}
