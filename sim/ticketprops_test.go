package sim

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// randomTicketDesk builds a small desk from seed: one to three tiers, one
// to three priorities with pending waits, escalation, reopens and
// pre-emption, shifts with hard ends, breaks and agents skilled in several
// tiers, and (half of the time) a phone queue served first by some of
// them.
func randomTicketDesk(seed uint64) Config {
	r := rand.New(rand.NewPCG(seed, 0x71c))
	nT := 1 + r.IntN(3)
	tiers := []string{"L1", "L2", "L3"}[:nT]
	tk := &Tickets{Tiers: tiers}
	dur := func(lo, hi time.Duration) time.Duration { return lo + time.Duration(r.Int64N(int64(hi-lo))) }
	for p := range 1 + r.IntN(3) {
		pr := Priority{
			Name:     fmt.Sprintf("P%d", p+1),
			Arrivals: Arrivals{PerHour: 0.5 + 4*r.Float64()},
			Preempt:  r.IntN(2) == 0,
			Response: TicketTarget{Target: dur(time.Minute, 2*time.Hour), Goal: r.Float64()},
		}
		if r.IntN(4) > 0 {
			pr.Resolution = TicketTarget{Target: dur(time.Hour, 12*time.Hour), Goal: r.Float64()}
		}
		for range nT {
			pr.Touch = append(pr.Touch, []Dist{Exponential(dur(5*time.Minute, time.Hour)), LogNormal(dur(5*time.Minute, time.Hour), 1.5), Fixed(dur(time.Minute, time.Hour))}[r.IntN(3)])
		}
		if nT > 1 {
			for range nT - 1 {
				pr.Escalate = append(pr.Escalate, r.Float64()*0.6)
			}
		}
		if r.IntN(2) == 0 {
			pr.Pending, pr.PendingTime = r.Float64()*0.5, Exponential(dur(10*time.Minute, 6*time.Hour))
		}
		if r.IntN(2) == 0 {
			pr.Reopen, pr.ReopenDelay = r.Float64()*0.3, Exponential(dur(10*time.Minute, 12*time.Hour))
		}
		tk.Priorities = append(tk.Priorities, pr)
	}
	cfg := Config{
		Start: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Horizon: 3 * 24 * time.Hour, Interval: time.Hour,
		Tickets: tk, Seed: seed, Replications: 3,
	}
	if r.IntN(2) == 0 {
		cfg.Queues = []Queue{{Name: "phone", Arrivals: Arrivals{PerHour: 2 + 10*r.Float64()}, HandleTime: Exponential(5 * time.Minute),
			Patience: Exponential(3 * time.Minute), SLATarget: 20 * time.Second}}
	}
	for i := range 2 + r.IntN(3) {
		var skills []string
		for _, t := range tiers {
			if r.IntN(2) == 0 {
				skills = append(skills, t)
			}
		}
		if cfg.Queues != nil && r.IntN(2) == 0 {
			skills = append(skills, "phone")
		}
		sh := Shift{Name: fmt.Sprintf("s%d", i), Start: dur(0, 12*time.Hour), Length: dur(4*time.Hour, 10*time.Hour),
			Agents: 1 + r.IntN(3), Skills: skills, HardEnd: r.IntN(2) == 0}
		if r.IntN(2) == 0 {
			sh.Breaks = []Break{{After: 2 * time.Hour, Length: dur(15*time.Minute, time.Hour)}}
		}
		cfg.Shifts = append(cfg.Shifts, sh)
	}
	// Every tier has someone, at least part of the day.
	cfg.Shifts = append(cfg.Shifts, Shift{Name: "all", Start: 9 * time.Hour, Length: 8 * time.Hour, Agents: 1})
	return cfg
}

// TestTicketDeskInvariants runs many random small desks: in every
// replication each ticket is counted once (created = resolved + open
// without reopens; with them, created ≥ resolved and the open ones are
// those not yet resolved or reopened), due tickets are created tickets,
// attainments are shares, nothing is NaN, and the result does not depend
// on the number of workers.
func TestTicketDeskInvariants(t *testing.T) {
	t.Parallel()
	for seed := range uint64(60) {
		cfg := randomTicketDesk(seed)
		if err := cfg.Validate(); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		one, err := RunWith(context.Background(), cfg, Options{Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		two, err := RunWith(context.Background(), cfg, Options{Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(one, two) {
			t.Fatalf("seed %d: results differ with 1 and 2 workers", seed)
		}
		checkFinite(t, reflect.ValueOf(one), fmt.Sprintf("seed %d: Result", seed))
		tr := one.Tickets
		for _, run := range tr.Runs {
			for p, v := range run.Priorities {
				pr := cfg.Tickets.Priorities[p]
				at := fmt.Sprintf("seed %d, replication %d, %s", seed, run.Index, pr.Name)
				if pr.Reopen == 0 && v.Created != v.Resolved+v.Backlog {
					t.Errorf("%s: created %v ≠ resolved %v + open %v", at, v.Created, v.Resolved, v.Backlog)
				}
				if v.Resolved > v.Created || v.Resolved+v.Backlog < v.Created {
					t.Errorf("%s: created %v, resolved %v, open %v: a ticket counted twice or lost", at, v.Created, v.Resolved, v.Backlog)
				}
				if v.ResponseDue > v.Created || v.ResolutionDue > v.Created {
					t.Errorf("%s: created %v but %v due for response and %v for resolution", at, v.Created, v.ResponseDue, v.ResolutionDue)
				}
				for _, a := range []float64{v.ResponseAttainment, v.ResolutionAttainment} {
					if a < 0 || a > 1 {
						t.Errorf("%s: attainment %v outside [0, 1]", at, a)
					}
				}
				if v.OldestAgeHours < 0 || v.OldestAgeHours > cfg.Horizon.Hours() || (v.Backlog == 0) != (v.OldestAgeHours == 0) {
					t.Errorf("%s: oldest open ticket %v h with %v open", at, v.OldestAgeHours, v.Backlog)
				}
			}
		}
		s := tr.Summary
		for p, m := range s.Priorities {
			if m.Reopened.Mean > m.Resolved.Mean {
				t.Errorf("seed %d, %s: %v reopened of %v resolved", seed, tr.Priorities[p], m.Reopened.Mean, m.Resolved.Mean)
			}
		}
		for k, x := range s.Tiers {
			if x.Done.Mean > x.Touches.Mean+1e-9 || x.Escalated.Mean > x.Done.Mean+1e-9 {
				t.Errorf("seed %d, tier %s: %v touches, %v done, %v escalated", seed, tr.Tiers[k], x.Touches.Mean, x.Done.Mean, x.Escalated.Mean)
			}
			if k > 0 && x.Entered.Mean+1e-9 < s.Tiers[k-1].Escalated.Mean {
				t.Errorf("seed %d: %s entered %v < %v escalated from %s", seed, tr.Tiers[k], x.Entered.Mean, s.Tiers[k-1].Escalated.Mean, tr.Tiers[k-1])
			}
		}
	}
}
