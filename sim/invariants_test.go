package sim

import (
	"context"
	"errors"
	"math"
	"reflect"
	"testing"
	"time"
)

// offered = answered + abandoned + still queued, exactly, in every
// replication; and Little's law L = λ·W for the queue and for the agents.
func TestConservationAndLittle(t *testing.T) {
	t.Parallel()
	cfg := steady(720, 4*time.Minute, 47, LogNormal(3*time.Minute, 1.2), 20*time.Second)
	cfg.Warmup = 0
	cfg.Horizon = 12 * time.Hour
	cfg.Replications = 8
	cfg.Queues[0].HandleTime = LogNormal(4*time.Minute, 0.8)
	cfg.Queues[0].InitialBacklog = 30
	r := run(t, cfg)
	for _, run := range r.Runs {
		q := run.Queues[0]
		if q.Offered != q.Answered+q.Abandoned+q.Backlog {
			t.Errorf("replication %d: offered %v ≠ answered %v + abandoned %v + queued %v",
				run.Index, q.Offered, q.Answered, q.Abandoned, q.Backlog)
		}
		// Little's law for the queue: time-average number waiting =
		// arrival rate × mean wait. Contacts still waiting at the end have
		// waited but are in neither ASA nor ATA: allow 1 %.
		hours := cfg.Horizon.Hours()
		w := (q.Answered*q.ASA + q.Abandoned*q.ATA) / (q.Answered + q.Abandoned) // s
		lambda := (q.Answered + q.Abandoned) / hours / 3600                      // per s
		if l := lambda * w; math.Abs(l-q.QueueLength) > 0.01*q.QueueLength {
			t.Errorf("replication %d: Little's law: L = %.4f, λW = %.4f", run.Index, q.QueueLength, l)
		}
		// Little's law for the agents: busy agents = answer rate × AHT.
		busy := q.Occupancy * q.AgentsAvailable
		if want := q.Answered / hours / 3600 * cfg.Queues[0].HandleTime.MeanDuration().Seconds(); math.Abs(busy-want) > 0.03*want {
			t.Errorf("replication %d: busy agents %.3f, answered·AHT/T %.3f", run.Index, busy, want)
		}
		// The desk total of a one-queue desk is the queue.
		if run.Total.Offered != q.Offered || run.Total.ServiceLevel != q.ServiceLevel {
			t.Errorf("replication %d: total %+v differs from the only queue %+v", run.Index, run.Total, q)
		}
	}
}

// Results are identical whatever the number of workers.
func TestDeterministicAcrossWorkers(t *testing.T) {
	t.Parallel()
	cfg := lunchDesk()
	cfg.Replications = 7
	var first *Result
	for _, w := range []int{1, 2, 3, 7} {
		r, err := RunWith(context.Background(), cfg, Options{Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = r
		} else if !reflect.DeepEqual(first, r) {
			t.Fatalf("%d workers: result differs from 1 worker", w)
		}
	}
	// A different seed gives different contacts.
	cfg.Seed++
	if r := run(t, cfg); r.Summary.Total.Offered.Mean == first.Summary.Total.Offered.Mean {
		t.Errorf("seed %d and %d gave the same offered volume", cfg.Seed-1, cfg.Seed)
	}
}

// Common random numbers: two rosters with the same seed see the same
// contacts; a better roster gives a better SL in every replication.
func TestCommonRandomNumbers(t *testing.T) {
	t.Parallel()
	a := steady(200, 3*time.Minute, 11, Exponential(time.Minute), 20*time.Second)
	a.Replications = 6
	b := a
	b.Shifts = []Shift{{Name: "more", Always: true, Agents: 12}}
	// Queue order and unrelated queues do not shift the streams.
	b.Queues = append([]Queue{{Name: "email", Arrivals: Arrivals{PerHour: 30}, HandleTime: Fixed(5 * time.Minute)}}, b.Queues...)
	b.Shifts = append(b.Shifts, Shift{Name: "email desk", Always: true, Agents: 3, Skills: []string{"email"}})
	b.Shifts[0].Skills = []string{"phone"}
	ra, rb := run(t, a), run(t, b)
	for i := range ra.Runs {
		qa, qb := ra.Runs[i].Queues[0], rb.Runs[i].Queues[1]
		if qa.Offered != qb.Offered {
			t.Errorf("replication %d: offered %v vs %v with the same seed", i, qa.Offered, qb.Offered)
		}
		if qb.ServiceLevel <= qa.ServiceLevel {
			t.Errorf("replication %d: SL with 12 agents %.4f not above SL with 11 %.4f", i, qb.ServiceLevel, qa.ServiceLevel)
		}
	}
}

func TestCancel(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cfg := steady(720, 4*time.Minute, 50, Dist{}, 20*time.Second)
	if _, err := Run(ctx, cfg); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: err = %v, want context.Canceled", err)
	}
	// A long run stops promptly.
	cfg.Horizon = 10 * 365 * 24 * time.Hour
	cfg.Interval = 24 * time.Hour
	cfg.Warmup = 0
	cfg.Replications = 2
	ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := Run(ctx, cfg); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("timed-out run: err = %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("cancellation took %v", d)
	}
}

// Nothing is ever NaN or infinite, even for intervals without contacts or
// agents; undefined metrics have N == 0.
func TestNoNaN(t *testing.T) {
	t.Parallel()
	cfg := lunchDesk()
	cfg.Queues = append(cfg.Queues, Queue{Name: "silent", HandleTime: Fixed(time.Minute)})
	cfg.Shifts = append(cfg.Shifts, Shift{Name: "night", Start: 23 * time.Hour, Length: 30 * time.Minute, Agents: 0})
	r := run(t, cfg)
	checkFinite(t, reflect.ValueOf(r), "Result")
	silent := r.Summary.Queues[1]
	if silent.ServiceLevel.Defined() || silent.ASA.Defined() || silent.Offered.Mean != 0 {
		t.Errorf("queue without contacts: SL %+v ASA %+v offered %+v; want undefined, undefined, 0", silent.ServiceLevel, silent.ASA, silent.Offered)
	}
	night := r.Intervals[2].Total // 01:00, nobody on duty
	if night.Occupancy.Defined() || night.AgentsAvailable.Mean != 0 {
		t.Errorf("01:00 without agents: occupancy %+v agents %+v; want undefined and 0", night.Occupancy, night.AgentsAvailable)
	}
}

func checkFinite(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkFinite(t, v.Elem(), path)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				checkFinite(t, v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			checkFinite(t, v.Index(i), path)
		}
	case reflect.Float64:
		if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			t.Fatalf("%s = %v", path, f)
		}
	}
}

// Progress reports every replication once, in order; one replication has
// no confidence interval.
func TestProgressAndSingleReplication(t *testing.T) {
	t.Parallel()
	cfg := lunchDesk()
	cfg.Replications = 5
	var seen []int
	if _, err := RunWith(context.Background(), cfg, Options{Workers: 2, Progress: func(done, total int) {
		if total != 5 {
			t.Errorf("progress total %d, want 5", total)
		}
		seen = append(seen, done)
	}}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(seen, []int{1, 2, 3, 4, 5}) {
		t.Errorf("progress calls %v, want 1..5", seen)
	}
	cfg.Replications = 0 // means 1
	r := run(t, cfg)
	sl := r.Summary.Total.ServiceLevel
	if r.Replications != 1 || len(r.Runs) != 1 || sl.N != 1 || sl.Low != sl.Mean || sl.High != sl.Mean {
		t.Errorf("one replication: %d runs, SL %+v; want N 1 and no interval", len(r.Runs), sl)
	}
}
