package sim

import (
	"math"
	"reflect"
	"testing"
	"time"
)

// Piecewise rates: the mean offered per interval matches the counts.
func TestPiecewiseArrivals(t *testing.T) {
	t.Parallel()
	cfg := lunchDesk()
	cfg.Replications = 40
	r := run(t, cfg)
	for i, p := range r.Intervals {
		want := cfg.Queues[0].Arrivals.Counts[i]
		got := p.Queues[0].Offered
		if want == 0 && got.Mean != 0 {
			t.Errorf("interval %d: offered %v with a zero rate", i, got.Mean)
		}
		// Poisson: sd = √30 ≈ 5.5; 40 replications: se ≈ 0.87.
		if want > 0 && math.Abs(got.Mean-want) > 4*math.Sqrt(want/40) {
			t.Errorf("interval %d: offered %.2f, want %v", i, got.Mean, want)
		}
	}
	// Counts that start earlier (a forecast of the whole week) are aligned
	// by CountsStart: a day earlier, the same profile repeated.
	week := cfg
	week.Queues = []Queue{cfg.Queues[0]}
	week.Queues[0].Arrivals.Counts = append(make([]float64, 0, 96), cfg.Queues[0].Arrivals.Counts...)
	week.Queues[0].Arrivals.Counts = append(week.Queues[0].Arrivals.Counts, cfg.Queues[0].Arrivals.Counts...)
	week.Queues[0].Arrivals.CountsStart = testStart.Add(-24 * time.Hour)
	if got := run(t, week); !reflect.DeepEqual(got.Summary, r.Summary) {
		t.Errorf("counts from the day before, aligned: summary %+v, want %+v", got.Summary.Total.Offered, r.Summary.Total.Offered)
	}
	// Scale doubles the volume.
	cfg.Queues[0].Arrivals.Scale = 2
	if got := run(t, cfg).Summary.Total.Offered; math.Abs(got.Mean-2*540) > 4*math.Sqrt(2*540/40.0) {
		t.Errorf("scale 2: offered %.1f, want 1080", got.Mean)
	}
}

// Replay: the recorded arrivals come back exactly, in their intervals;
// Scale keeps ⌊s⌋ copies plus one with probability s − ⌊s⌋.
func TestReplay(t *testing.T) {
	t.Parallel()
	cfg := lunchDesk()
	times := []time.Duration{9 * time.Hour, 9*time.Hour + time.Minute, 8 * time.Hour, 30 * time.Hour, -time.Hour, 12*time.Hour + 5*time.Minute}
	cfg.Queues[0].Arrivals = Arrivals{Times: times}
	r := run(t, cfg)
	for i, want := range map[int]float64{16: 1, 18: 2, 24: 1, 17: 0} {
		if got := r.Intervals[i].Queues[0].Offered; got.Mean != want || got.HalfWidth() != 0 {
			t.Errorf("replay: interval %d offered %+v, want exactly %v", i, got, want)
		}
	}
	if got := r.Summary.Total.Offered.Mean; got != 4 {
		t.Errorf("replay: offered %v, want the 4 times inside the horizon", got)
	}
	cfg.Queues[0].Arrivals.Scale = 2.5
	cfg.Replications = 200
	got := run(t, cfg).Summary.Total.Offered
	if got.Mean < 4*2 || got.Mean > 4*3 || math.Abs(got.Mean-10) > 4*math.Sqrt(4*0.25/200) {
		t.Errorf("replay × 2.5: offered %+v, want 10", got)
	}
}

// Initial backlog counts as offered in the first interval and is served first.
func TestInitialBacklog(t *testing.T) {
	t.Parallel()
	cfg := lunchDesk()
	cfg.Queues[0].InitialBacklog = 50
	cfg.Queues[0].Patience = Dist{}
	r := run(t, cfg)
	first := r.Intervals[0].Queues[0]
	if first.Offered.Mean != 50 || first.Backlog.Mean != 50 {
		t.Errorf("00:00: offered %v backlog %v; want 50 and 50", first.Offered.Mean, first.Backlog.Mean)
	}
	// Agents start at 08:00: the backlog waits 8 h or more.
	if first.Answered.Mean != 50 || first.ASA.Mean < 8*3600 {
		t.Errorf("00:00 contacts: answered %v ASA %v s; want all, after ≥ 8 h", first.Answered.Mean, first.ASA.Mean)
	}
}

// TestTraceReplay: a replayed trace's own handle times and patience are
// used: two calls at 09:00 with one agent, the first handled for exactly
// 7 minutes, the second willing to wait 2 minutes — it abandons at
// 09:02 (time to abandon 120 s); a third call at 09:10 with no trace
// values draws from the distributions (fixed 1 minute here).
func TestTraceReplay(t *testing.T) {
	t.Parallel()
	nine := 9 * time.Hour
	cfg := Config{
		Start: testStart, Horizon: 12 * time.Hour, Interval: time.Hour,
		Queues: []Queue{{Name: "q",
			Arrivals:   Arrivals{Times: []time.Duration{nine, nine, nine + 10*time.Minute}, Handle: []time.Duration{7 * time.Minute, 0, 0}, Patience: []time.Duration{0, 2 * time.Minute, 0}},
			HandleTime: Fixed(time.Minute), SLATarget: 20 * time.Second, SLAGoal: 0.8}},
		Shifts:       []Shift{{Name: "one", Start: 8 * time.Hour, Length: 4 * time.Hour, Agents: 1}},
		Replications: 2, Seed: 1,
	}
	r := run(t, cfg)
	p := r.Intervals[9].Queues[0]
	if p.Answered.Mean != 2 || p.Abandoned.Mean != 1 || p.ATA.Mean != 120 {
		t.Errorf("answered %v, abandoned %v, time to abandon %v s; want 2, 1, 120", p.Answered.Mean, p.Abandoned.Mean, p.ATA.Mean)
	}
	// Busy 7 min for the first call and 1 min for the third: 8 of 60 minutes.
	if o := p.Occupancy.Mean; math.Abs(o-8.0/60) > 1e-9 {
		t.Errorf("occupancy %v; want 8/60 (7 min from the trace + 1 min drawn)", o)
	}
	cfg.Queues[0].Arrivals.Handle = cfg.Queues[0].Arrivals.Handle[:2]
	if err := cfg.Validate(); err == nil {
		t.Error("2 handle times for 3 arrivals: want an error")
	}
}
