package scenarios

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestLoadGood(t *testing.T) {
	t.Parallel()
	s, err := Load(filepath.Join("testdata", "good.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	london, _ := time.LoadLocation("Europe/London")
	if want := time.Date(2026, 12, 7, 0, 0, 0, 0, london); !s.Start.Equal(want) {
		t.Errorf("start %v, want %v", s.Start, want)
	}
	if s.Days != 2 || s.Interval != 30*time.Minute || s.Warmup != time.Hour || s.Replications != 5 || s.Seed != 42 {
		t.Errorf("horizon: got %+v", s)
	}
	if len(s.Queues) != 2 {
		t.Fatalf("got %d queues, want 2", len(s.Queues))
	}
	ph, em := s.Queues[0], s.Queues[1]
	if ph.Arrivals.Rate != 60 || ph.Arrivals.Scale != 1.1 || ph.HandleTime.Kind != LogNormal || ph.HandleTime.Mean != 4*time.Minute || ph.HandleTime.CV != 0.8 {
		t.Errorf("phone: got %+v", ph)
	}
	if ph.Patience == nil || ph.Patience.Kind != Exponential || ph.Patience.Mean != 3*time.Minute {
		t.Errorf("phone patience: got %+v", ph.Patience)
	}
	if ph.SLA != (SLA{Target: 20 * time.Second, Goal: 0.8}) || em.SLA != (SLA{Target: 4 * time.Hour, Goal: 0.9}) {
		t.Errorf("SLAs: got %+v and %+v", ph.SLA, em.SLA)
	}
	// Empirical mean of 5m, 8m, 12m30s is 8m30s.
	if em.HandleTime.Kind != Empirical || em.HandleTime.Mean != 8*time.Minute+30*time.Second || em.InitialBacklog != 12 || em.Patience != nil {
		t.Errorf("email: got %+v", em)
	}
	if s.Roster.Shrinkage != 0.3 || len(s.Roster.Shifts) != 2 || s.Cost.Hourly != 32.5 {
		t.Errorf("roster/cost: got %+v %+v", s.Roster, s.Cost)
	}
	early, late := s.Roster.Shifts[0], s.Roster.Shifts[1]
	if early.Start != 7*time.Hour || early.Length != 8*time.Hour+30*time.Minute || early.Agents != 6 ||
		!reflect.DeepEqual(early.Days, []time.Weekday{1, 2, 3, 4, 5}) || len(early.Breaks) != 2 || early.Breaks[1] != (Break{After: 4 * time.Hour, Length: 30 * time.Minute, Unpaid: true}) {
		t.Errorf("early: got %+v", early)
	}
	if late.Days != nil || !late.Works(time.Sunday) || late.Serves("email") || !late.Serves("phone") {
		t.Errorf("late: got %+v", late)
	}
}

func TestDefaults(t *testing.T) {
	t.Parallel()
	s, err := Parse("min.yaml", []byte(`start: 2026-12-07
queues:
  - name: q
    arrivals: {rate: 10/h}
    handle_time: {mean: 5m}
    sla: 80/20s
roster:
  shifts:
    - {name: day, start: "08:00", length: 8h, agents: 3}
`), "")
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "min" || s.Location != time.UTC || s.Days != DefaultDays || s.Interval != DefaultInterval ||
		s.Replications != DefaultReplications || s.Seed != DefaultSeed || s.Queues[0].Priority != DefaultPriority ||
		s.Queues[0].Arrivals.Scale != 1 || s.Queues[0].HandleTime.Kind != Exponential || s.Queues[0].HandleTime.CV != 1 {
		t.Errorf("defaults: got %+v", s)
	}
	// No cost section: no cost (not a cost of 0), and none written back.
	if !s.Cost.None || s.Cost.Hourly != 0 {
		t.Errorf("cost %+v, want None", s.Cost)
	}
	if y, err := s.Marshal(); err != nil || strings.Contains(string(y), "cost") {
		t.Errorf("marshalled a cost that was not given (%v):\n%s", err, y)
	}
}

// TestBrokenCorpus parses every file of testdata/broken; the first line of
// each says what its error must contain: "# want: …".
func TestBrokenCorpus(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("testdata", "broken", "*.yaml"))
	if err != nil || len(files) < 20 {
		t.Fatalf("broken corpus: %d files, %v", len(files), err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		want, ok := strings.CutPrefix(first, "# want: ")
		if !ok {
			t.Errorf("%s: first line must be # want: …", f)
			continue
		}
		_, err = Load(f)
		if err == nil {
			t.Errorf("%s: no error, want %q", f, want)
			continue
		}
		var se *Error
		if !errors.As(err, &se) {
			t.Errorf("%s: error %T is not a *scenarios.Error", f, err)
		}
		if got := err.Error(); !strings.Contains(got, want) || !strings.HasPrefix(got, "scenario \""+f+"\": ") {
			t.Errorf("%s:\n got: %s\nwant: %s", f, got, want)
		}
	}
}

func TestLoadMissingFile(t *testing.T) {
	t.Parallel()
	_, err := Load(filepath.Join("testdata", "no-such.yaml"))
	if err == nil || !strings.Contains(err.Error(), `scenario "testdata/no-such.yaml": file not found`) {
		t.Errorf("got %v", err)
	}
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	examples, _ := filepath.Glob(filepath.Join("..", "testdata", "*.yaml"))
	for _, f := range append(files, examples...) {
		s, err := Load(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		roundTrip(t, f, s)
	}
}

func roundTrip(t *testing.T, name string, s *Scenario) {
	t.Helper()
	out, err := s.Marshal()
	if err != nil {
		t.Fatalf("%s: marshal: %v", name, err)
	}
	back, err := Parse(s.File, out, s.Dir)
	if err != nil {
		t.Fatalf("%s: parse of written scenario: %v\n%s", name, err, out)
	}
	if !equal(s, back) {
		t.Errorf("%s: parse → write → parse changed the scenario\nwritten:\n%s\nbefore: %+v\nafter:  %+v", name, out, s, back)
	}
}

// equal compares scenarios, times by instant and zone name.
func equal(a, b *Scenario) bool {
	if !a.Start.Equal(b.Start) || a.Location.String() != b.Location.String() {
		return false
	}
	x, y := *a, *b
	x.Start, y.Start, x.Location, y.Location = time.Time{}, time.Time{}, nil, nil
	return reflect.DeepEqual(x, y)
}

// sla: {targets: [...]} gives the first target as the SLA's and the
// others as MoreTargets, which the simulator measures beside it; it
// writes back the same way, and target with targets is an error.
func TestSLATargets(t *testing.T) {
	t.Parallel()
	base := "name: x\nstart: 2026-01-05\ndays: 1\nqueues:\n  - name: q\n    arrivals: {rate: 60/h}\n    handle_time: {distribution: exponential, mean: 3m}\n    sla: %s\nroster:\n  shifts:\n    - {name: d, start: \"08:00\", length: 8h, agents: 3}\n"
	s, err := Parse("x.yaml", []byte(fmt.Sprintf(base, "{targets: [20s, 1m], goal: 80%}")), ".")
	if err != nil {
		t.Fatal(err)
	}
	q := s.Queues[0]
	if q.SLA.Target != 20*time.Second || q.SLA.Goal != 0.8 || len(q.MoreTargets) != 1 || q.MoreTargets[0] != time.Minute {
		t.Fatalf("sla %+v more %v; want 20s, 80%%, [1m]", q.SLA, q.MoreTargets)
	}
	cfg, err := s.SimConfig()
	if err != nil || len(cfg.Queues[0].Targets) != 1 || cfg.Queues[0].Targets[0] != time.Minute {
		t.Fatalf("sim config %+v, %v; want Targets [1m]", cfg.Queues[0].Targets, err)
	}
	out, err := s.Marshal()
	if err != nil || !strings.Contains(string(out), "targets: [20s, 1m]") {
		t.Errorf("marshal: %v\n%s", err, out)
	}
	if _, err := Parse("x.yaml", []byte(fmt.Sprintf(base, "{target: 20s, targets: [20s], goal: 80%}")), "."); err == nil || !strings.Contains(err.Error(), "both target and targets") {
		t.Errorf("target with targets: %v; want an error", err)
	}
}
