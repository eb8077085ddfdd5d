package scenarios

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/sim"
)

func TestSimConfig(t *testing.T) {
	t.Parallel()
	s, err := Load(filepath.Join("testdata", "good.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := s.SimConfig()
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.Start.Equal(s.Start) || cfg.Horizon != 48*time.Hour || cfg.Interval != 30*time.Minute || cfg.Warmup != time.Hour ||
		cfg.Shrinkage != 0.3 || cfg.Seed != 42 || cfg.Replications != 5 {
		t.Errorf("config %+v", cfg)
	}
	ph, em := cfg.Queues[0], cfg.Queues[1]
	if ph.Name != "phone" || ph.Priority != 1 || ph.Arrivals.PerHour != 60 || ph.Arrivals.Scale != 1.1 ||
		!reflect.DeepEqual(ph.HandleTime, sim.LogNormal(4*time.Minute, 0.8)) || !reflect.DeepEqual(ph.Patience, sim.Exponential(3*time.Minute)) ||
		ph.SLATarget != 20*time.Second || ph.SLAGoal != 0.8 {
		t.Errorf("phone %+v", ph)
	}
	if em.HandleTime.Kind != sim.KindEmpirical || len(em.HandleTime.Samples) != 3 || em.Patience.Kind != sim.None || em.InitialBacklog != 12 {
		t.Errorf("email %+v", em)
	}
	early := cfg.Shifts[0]
	if early.Start != 7*time.Hour || early.Length != 8*time.Hour+30*time.Minute || early.Agents != 6 ||
		!reflect.DeepEqual(early.Skills, []string{"phone", "email"}) || len(early.Breaks) != 2 || len(early.Days) != 5 {
		t.Errorf("early %+v", early)
	}
}

func TestDemandExpected(t *testing.T) {
	t.Parallel()
	rate := demand{sim.Arrivals{PerHour: 60, Scale: 1.1}}
	if got := rate.expected(0, 30*time.Minute); math.Abs(got-33) > 1e-9 {
		t.Errorf("rate: %v, want 33 (60/h × 0.5 h × 1.1)", got)
	}
	// Hourly counts read over half hours: half of each hour's count.
	counts := demand{sim.Arrivals{Counts: []float64{10, 20}, Step: time.Hour}}
	for _, c := range []struct {
		from, to time.Duration
		want     float64
	}{{0, 30 * time.Minute, 5}, {30 * time.Minute, time.Hour, 5}, {time.Hour, 90 * time.Minute, 10}, {45 * time.Minute, 75 * time.Minute, 2.5 + 5}} {
		if got := counts.expected(c.from, c.to); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("counts [%v, %v): %v, want %v", c.from, c.to, got, c.want)
		}
	}
	replay := demand{sim.Arrivals{Times: []time.Duration{time.Minute, 29 * time.Minute, 30 * time.Minute, 2 * time.Hour}, Scale: 2}}
	if got := replay.expected(0, 30*time.Minute); got != 4 {
		t.Errorf("replay: %v, want 4 (2 contacts × scale 2)", got)
	}
}

// TestMeanCI checks the Student t interval against a published critical
// value: t(0.975, 4) = 2.776 (NIST/SEMATECH e-Handbook of Statistical
// Methods, §1.3.6.7.2, table of upper critical values of the t
// distribution).
func TestMeanCI(t *testing.T) {
	t.Parallel()
	e := meanCI([]float64{1, 2, 3, 4, 5})
	hw := 2.776 * math.Sqrt(2.5) / math.Sqrt(5)
	if e.Mean != 3 || e.N != 5 || math.Abs(e.High-3-hw) > 1e-3 || math.Abs(3-e.Low-hw) > 1e-3 {
		t.Errorf("meanCI = %+v, want 3 ± %.4f", e, hw)
	}
	if e := meanCI(nil); e.Defined() {
		t.Errorf("meanCI(nil) = %+v, want undefined", e)
	}
}

// writeScenario writes a scenario (and files) into a temporary directory.
func writeScenario(t *testing.T, yaml string, files map[string]string) *Scenario {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "s.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const oneQueue = `start: %s
days: 1
queues:
  - name: q
    arrivals: {%s}
    handle_time: {mean: 3m}
    sla: 80/20s
roster:
  shifts:
    - {name: all, start: "00:00", length: 24h, agents: 7}
`

func TestForecastAndHistoryDemand(t *testing.T) {
	t.Parallel()
	forecastCSV := "interval_start,arrivals,lower,upper,aht_seconds\n"
	for i := 0; i < 48; i++ {
		forecastCSV += time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC).Add(time.Duration(i)*30*time.Minute).Format(time.RFC3339) + ",10,8,12,180\n"
	}
	s := writeScenario(t, strings.Replace(strings.Replace(oneQueue, "%s", "2026-12-07", 1), "%s", "forecast: f.csv", 1), map[string]string{"f.csv": forecastCSV})
	cfg, err := s.SimConfig()
	if err != nil {
		t.Fatal(err)
	}
	if a := cfg.Queues[0].Arrivals; len(a.Counts) != 48 || a.Step != 30*time.Minute || a.Counts[0] != 10 || a.PerHour != 0 {
		t.Errorf("forecast arrivals %+v", a)
	}
	// The same forecast for a scenario a day later does not cover it.
	s = writeScenario(t, strings.Replace(strings.Replace(oneQueue, "%s", "2026-12-08", 1), "%s", "forecast: f.csv", 1), map[string]string{"f.csv": forecastCSV})
	if _, err := s.SimConfig(); err == nil || !strings.Contains(err.Error(), `queues[0] "q": arrivals.forecast: f.csv: the forecast covers 2026-12-07T00:00:00Z to 2026-12-08T00:00:00Z`) {
		t.Errorf("uncovered horizon: got %v", err)
	}
	tickets := "id,created_at\n1,2026-01-05T09:00:00Z\n2,2026-01-05T09:10:00Z\n3,2026-01-06T10:00:00Z\n"
	s = writeScenario(t, strings.Replace(strings.Replace(oneQueue, "%s", "2026-01-05", 1), "%s", "history: t.csv", 1), map[string]string{"t.csv": tickets})
	cfg, err = s.SimConfig()
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Queues[0].Arrivals.Times; !reflect.DeepEqual(got, []time.Duration{9 * time.Hour, 9*time.Hour + 10*time.Minute}) {
		t.Errorf("replayed times %v, want 09:00 and 09:10 (the third ticket is after the 1-day horizon)", got)
	}
	s = writeScenario(t, strings.Replace(strings.Replace(oneQueue, "%s", "2026-03-02", 1), "%s", "history: t.csv", 1), map[string]string{"t.csv": tickets})
	if _, err := s.SimConfig(); err == nil || !strings.Contains(err.Error(), "no ticket was created between") {
		t.Errorf("history outside the horizon: got %v", err)
	}
}

// TestRunMatchesErlangC runs an always-staffed single queue (M/M/7 with
// traffic 5 erlangs) through the scenario path and checks the service
// level against Erlang C (package erlang, itself tested against published
// tables): SL = 1 − C(7, 5)·exp(−(7 − 5)·20/180).
func TestRunMatchesErlangC(t *testing.T) {
	t.Parallel()
	s := writeScenario(t, strings.Replace(strings.Replace(oneQueue, "%s", "2026-12-07", 1), "%s", "rate: 100/h", 1)+"cost: {hourly: 20}\n", nil)
	s.Days, s.Replications, s.Warmup = 3, 10, 2*time.Hour
	out, err := Run(context.Background(), s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := 1 - erlang.C(7, 5)*math.Exp(-2*20.0/180)
	sl := out.Report.Summary.Queues[0].ServiceLevel
	// The CI covers replication noise; the margin covers the handover at
	// midnight and the finite horizon.
	if want < sl.Low-0.01 || want > sl.High+0.01 {
		t.Errorf("service level %.4f [%.4f, %.4f], Erlang C %.4f", sl.Mean, sl.Low, sl.High, want)
	}
	sum := out.Report.Summary
	if math.Abs(sum.Cost.Mean-20*sum.PaidHours.Mean) > 1e-9*sum.Cost.Mean || sum.PaidHours.Mean < 7*(72-2) {
		t.Errorf("paid hours %v, cost %v", sum.PaidHours, sum.Cost)
	}
	// Required: the smallest n whose Erlang C service level reaches 80 %.
	n := 6
	for 1-erlang.C(n, 5)*math.Exp(-float64(n-5)*20/180) < 0.8 {
		n++
	}
	if len(out.Report.Required) != len(out.Report.Intervals) || out.Report.Required[10] != float64(n) {
		t.Errorf("required %v, want %d in every interval", out.Report.Required[:12], n)
	}
	if sum.AllSLAsMet != (sl.Mean >= 0.8) {
		t.Errorf("all SLAs met = %v with SL %.3f and goal 0.8", sum.AllSLAsMet, sl.Mean)
	}
}

func TestCompareCommonRandomNumbers(t *testing.T) {
	t.Parallel()
	a := writeScenario(t, strings.Replace(strings.Replace(oneQueue, "%s", "2026-12-07", 1), "%s", "rate: 100/h", 1)+"cost: {hourly: 20}\nreplications: 4\n", nil)
	b := writeScenario(t, strings.Replace(strings.Replace(strings.Replace(oneQueue, "%s", "2026-12-07", 1), "%s", "rate: 100/h", 1), "agents: 7", "agents: 9", 1)+"cost: {hourly: 20}\nreplications: 9\nseed: 5\n", nil)
	outs, best, err := Compare(context.Background(), []*Scenario{a, b, a}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The first scenario's seed and replications apply to all.
	if outs[1].Result.Replications != 4 || outs[1].Config.Seed != 1 {
		t.Errorf("b ran %d replications with seed %d, want 4 and 1", outs[1].Result.Replications, outs[1].Config.Seed)
	}
	// Same scenario, same streams: identical results.
	if !reflect.DeepEqual(outs[0].Report.Summary, outs[2].Report.Summary) {
		t.Error("the same scenario twice gave different results")
	}
	// With the same contacts, two more agents never lower the service level.
	if outs[1].Report.Summary.Queues[0].ServiceLevel.Mean < outs[0].Report.Summary.Queues[0].ServiceLevel.Mean {
		t.Error("9 agents did worse than 7 on common random numbers")
	}
	// 7 agents miss 80/20s at 5 erlangs (Erlang C: 1 − C(7, 5)·e^(−2·20/180)
	// < 0.8); 9 meet it.
	if best != 1 {
		t.Errorf("cheapest meeting the SLA = %d, want 1 (7 agents miss 80/20s, 9 meet it)", best)
	}
}

func TestRunCancelled(t *testing.T) {
	t.Parallel()
	s, err := Load(filepath.Join("..", "testdata", "mixed-desk.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, s, Options{}); err != context.Canceled {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

// TestStaffingCurveScenario: a roster given as agents per interval
// (roster.staffing) and a dated shift with a hard end put exactly those
// agents on duty: 2.5, 3, 3 and 1.25 agents from 08:00, then the two
// agents of 10:00–12:00, nobody after; nothing in overtime.
func TestStaffingCurveScenario(t *testing.T) {
	t.Parallel()
	sc, err := Load(filepath.Join("testdata", "staffing.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	q := sc.Queues[0]
	if q.WrapUp == nil || q.WrapUp.Kind != Fixed || q.WrapUp.Mean != 30*time.Second || q.PickUp == nil || q.PickUp.Mean != 5*time.Second {
		t.Errorf("wrap_up %+v, pickup_delay %+v; want fixed 30s and exponential 5s", q.WrapUp, q.PickUp)
	}
	if sc.Roster.Staffing != "staffing.csv" || len(sc.Roster.Shifts) != 1 || !sc.Roster.Shifts[0].HardEnd || len(sc.Roster.Shifts[0].Dates) != 1 {
		t.Fatalf("parsed roster %+v", sc.Roster)
	}
	out, err := Run(context.Background(), sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]float64{16: 2.5, 17: 3, 18: 3, 19: 1.25, 20: 2, 21: 2, 22: 2, 23: 2, 24: 0}
	for i, w := range want {
		if got := out.Result.Intervals[i].Total.AgentsAvailable.Mean; math.Abs(got-w) > 1e-9 {
			t.Errorf("interval %d: %v agents available; want %v", i, got, w)
		}
	}
	if o := out.Result.Summary.Total.OvertimeHours.Mean; o != 0 {
		t.Errorf("overtime %v h; want 0 (hard ends)", o)
	}
}

// TestOwnHandleTimes: a replayed history with own_handle_times keeps each
// ticket's recorded handle time: the desk's busy time is exactly the sum
// of the replayed tickets' handle_seconds (one agent, who never waits for
// work to finish past the day; fixed 1-second draws would give almost
// nothing).
func TestOwnHandleTimes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	hist := "ticket_id,created_at,handle_seconds\nA,2026-12-07T09:00:00Z,600\nB,2026-12-07T09:30:00Z,300\nC,2026-12-07T10:00:00Z,1200\n"
	if err := os.WriteFile(filepath.Join(dir, "t.csv"), []byte(hist), 0o644); err != nil {
		t.Fatal(err)
	}
	yml := `start: 2026-12-07
days: 1
replications: 2
queues:
  - name: q
    arrivals: {history: t.csv, own_handle_times: true}
    handle_time: {distribution: fixed, mean: 1s}
    sla: {target: 20s, goal: 80%}
roster:
  shifts:
    - {name: day, start: "08:00", length: 8h, agents: 1}
`
	sc, err := Parse(filepath.Join(dir, "s.yaml"), []byte(yml), dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Run(context.Background(), sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Occupancy over the 8 agent-hours on duty: (600 + 300 + 1200) s / 8 h.
	if o := out.Result.Summary.Total.Occupancy.Mean; math.Abs(o-2100.0/(8*3600)) > 1e-9 {
		t.Errorf("occupancy %v; want %v (the recorded handle times)", o, 2100.0/(8*3600))
	}
}
