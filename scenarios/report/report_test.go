package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeRun is a made-up run with the shapes of a real one (a daytime desk:
// no contacts at night, so the service level has gaps). Its numbers test
// rendering and formats only.
func fakeRun(t testing.TB, name string, agentsScale float64) *Run {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal("tz database (time/tzdata is compiled into the tests):", err)
	}
	start := time.Date(2026, 12, 7, 0, 0, 0, 0, loc)
	est := func(m, hw float64) Estimate { return Estimate{Mean: m, Low: m - hw, High: m + hw, N: 20} }
	r := &Run{Loc: loc, Interval: 30 * time.Minute, RequiredNote: "Erlang C per queue, summed"}
	r.Summary = Summary{Scenario: name, Start: start, End: start.AddDate(0, 0, 2), Timezone: "Europe/London", IntervalSeconds: 1800,
		Replications: 20, Seed: 1, HourlyCost: ptr(32.5),
		Queues: []QueueSummary{
			{Queue: "phone", SLATargetSeconds: 20, SLAGoal: 0.8, SLAMet: true, SLAMetShare: 0.9, ServiceLevel: est(0.83, 0.02), ASASeconds: est(14.2, 1.1), AbandonRate: est(0.031, 0.004), Occupancy: est(0.81, 0.01), Offered: est(1500, 20), Answered: est(1450, 20), Abandoned: est(50, 5)},
			{Queue: "email", SLATargetSeconds: 4 * 3600, SLAGoal: 0.9, SLAMet: false, SLAMetShare: 0.2, ServiceLevel: est(0.87, 0.03), ASASeconds: est(5400, 300), AbandonRate: est(0, 0), Occupancy: est(0.7, 0.02), Offered: est(300, 8), Answered: est(290, 8), Abandoned: est(0, 0)},
		},
		Occupancy: est(0.78, 0.01), PaidHours: est(400*agentsScale, 0), OvertimeHours: est(6.5, 1.2), Cost: est(13000*agentsScale, 40), CostPerContact: est(7.42, 0.1),
	}
	for i := 0; i < 96; i++ {
		h := float64(i%48) / 2
		day := math.Max(0, math.Sin((h-7)/12*math.Pi))
		iv := Interval{Start: start.Add(time.Duration(i) * 30 * time.Minute)}
		iv.AgentsAvailable = est(math.Round(14*day*agentsScale), 0.3)
		iv.Occupancy = est(0.6+0.3*day, 0.05)
		for qi := range r.Summary.Queues {
			q := QueueInterval{Offered: est(40*day, 2), Backlog: est(float64(qi*20)*day, 1)}
			if day > 0 {
				q.ServiceLevel = est(math.Min(1, 0.7+0.2*day), 0.06)
			}
			iv.Queues = append(iv.Queues, q)
		}
		r.Intervals = append(r.Intervals, iv)
		r.Required = append(r.Required, math.Ceil(13*day))
	}
	edges := []time.Duration{0, 5 * time.Second, 20 * time.Second, time.Minute, 5 * time.Minute, time.Hour, 4 * time.Hour, 24 * time.Hour}
	r.Waits = []Waits{
		{Queue: "phone", Edges: edges, Counts: []int64{600, 300, 300, 150, 80, 20, 0, 0, 0}},
		{Queue: "email", Edges: edges, Counts: []int64{5, 0, 0, 5, 20, 80, 150, 30, 10}},
	}
	return r
}

func TestIntervalsCSV(t *testing.T) {
	t.Parallel()
	r := fakeRun(t, "x", 1)
	var buf bytes.Buffer
	if err := WriteIntervalsCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "interval_start,queue,offered,answered,abandoned,service_level,service_level_low,service_level_high,asa_seconds,abandon_rate,occupancy,agents_available,backlog" {
		t.Errorf("header %s", got)
	}
	// 96 intervals × (2 queues + the desk total).
	if len(rows) != 1+96*3 {
		t.Errorf("got %d rows, want %d", len(rows), 1+96*3)
	}
	// Midnight in London in December is +00:00; the first interval has no
	// contacts, so its service level is empty, never NaN or 0.
	if rows[1][0] != "2026-12-07T00:00:00Z" || rows[1][1] != "phone" || rows[1][5] != "" {
		t.Errorf("first row %v", rows[1])
	}
	for _, row := range rows[1:] {
		for _, c := range row {
			if strings.Contains(c, "NaN") || strings.Contains(c, "Inf") {
				t.Fatalf("row %v has a non-finite value", row)
			}
		}
	}
}

func TestSummaryJSON(t *testing.T) {
	t.Parallel()
	r := fakeRun(t, "x", 1)
	r.Summary.Queues[1].ASASeconds = Estimate{}
	var buf bytes.Buffer
	if err := WriteSummaryJSON(&buf, &r.Summary); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"scenario", "start", "all_slas_met", "queues", "paid_hours", "overtime_hours", "cost", "cost_per_contact", "occupancy"} {
		if _, ok := m[k]; !ok {
			t.Errorf("summary.json lacks %q", k)
		}
	}
	q := m["queues"].([]any)[1].(map[string]any)
	if q["asa_seconds"] != nil {
		t.Errorf("undefined ASA written as %v, want null", q["asa_seconds"])
	}
	if sl := q["service_level"].(map[string]any); sl["mean"] != 0.87 {
		t.Errorf("service_level %v", sl)
	}
	var back Summary
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back.Queues[0].ServiceLevel != r.Summary.Queues[0].ServiceLevel {
		t.Errorf("summary does not read back: %v %+v", err, back.Queues[0].ServiceLevel)
	}
}

func TestSegmentsSplitAtGaps(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ts := []time.Time{t0, t0.Add(time.Hour), t0.Add(2 * time.Hour), t0.Add(3 * time.Hour), t0.Add(4 * time.Hour)}
	nan := math.NaN()
	got := segments(ts, time.Hour, []float64{1, 2, nan, 4, 5})
	want := []span{{0, 2, time.Hour}, {3, 5, time.Hour}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("segments = %v, want %v", got, want)
	}
	if got := segments(ts, time.Hour, []float64{nan, nan, nan, nan, nan}); len(got) != 0 {
		t.Errorf("all gaps: got %v", got)
	}
}

func TestCheapest(t *testing.T) {
	t.Parallel()
	a, b, c := fakeRun(t, "a", 1), fakeRun(t, "b", 0.9), fakeRun(t, "c", 1.2)
	for _, r := range []*Run{a, b, c} {
		r.Summary.AllSLAsMet = true
	}
	b.Summary.AllSLAsMet = false // cheapest, but misses an SLA
	if got := Cheapest([]*Run{a, b, c}); got != 0 {
		t.Errorf("Cheapest = %d, want 0 (b misses an SLA, c costs more)", got)
	}
	a.Summary.AllSLAsMet, c.Summary.AllSLAsMet = false, false
	if got := Cheapest([]*Run{a, b, c}); got != -1 {
		t.Errorf("Cheapest = %d, want -1", got)
	}
}

func TestFormats(t *testing.T) {
	t.Parallel()
	for in, want := range map[float64]string{20: "20s", 240: "4m", 4 * 3600: "4h", 5400: "1h30m", 86400: "1d", 90: "1m30s"} {
		if got := fmtTarget(in); got != want {
			t.Errorf("fmtTarget(%v) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[float64]string{12345.6: "12\u202f345.60", 999: "999.00", -1234: "-1\u202f234.00"} {
		if got := money(in); got != want {
			t.Errorf("money(%v) = %q, want %q", in, got, want)
		}
	}
	if got := pct(0.8); got != "80%" {
		t.Errorf("pct(0.8) = %q", got)
	}
}

// writeReport renders a report page into dir and returns its path.
func writeReport(t *testing.T, dir string, p *Page) string {
	t.Helper()
	path := filepath.Join(dir, "report.html")
	var buf bytes.Buffer
	if err := WriteHTML(&buf, p); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestHTMLIsSelfContained(t *testing.T) {
	t.Parallel()
	r := fakeRun(t, "baseline", 1)
	charts, err := Charts(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(charts) != 6 { // agents, 2 × service level, backlog, waits, occupancy
		t.Errorf("got %d charts, want 6", len(charts))
	}
	if dir := os.Getenv("STAFFSIM_REPORT_DIR"); dir != "" { // to look at them
		for _, c := range charts {
			var b bytes.Buffer
			if err := c.Render(&b, "png"); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, c.Name+".png"), b.Bytes(), 0o644)
		}
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, &Page{Title: "Scenario baseline", Runs: []*Run{r}, Names: []string{"baseline"}, Cheapest: -1, Charts: charts}); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, bad := range []string{"http://", "https://", "<script", "<link"} {
		if strings.Contains(html, bad) {
			t.Errorf("report contains %q: it must be self-contained", bad)
		}
	}
	if n := strings.Count(html, `src="data:image/png;base64,`); n != len(charts) {
		t.Errorf("%d embedded images, want %d", n, len(charts))
	}
	for _, want := range []string{"SLA missed for: email", "phone service level", "83%", "met in 90% of runs"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func TestCompareHTML(t *testing.T) {
	t.Parallel()
	a, b := fakeRun(t, "baseline", 1), fakeRun(t, "lean", 0.8)
	a.Summary.AllSLAsMet, b.Summary.AllSLAsMet = true, true
	runs := []*Run{a, b}
	cc, err := CompareCharts(runs, []string{"baseline", "lean"})
	if err != nil {
		t.Fatal(err)
	}
	if len(cc) != 4 { // agents, 2 × service level, backlog
		t.Errorf("%d compare charts, want 4", len(cc))
	}
	p := &Page{Title: "Comparison", Runs: runs, Names: []string{"baseline", "lean"}, Cheapest: Cheapest(runs), Charts: cc}
	dir := t.TempDir()
	if d := os.Getenv("STAFFSIM_REPORT_DIR"); d != "" {
		dir = d
	}
	html, err := os.ReadFile(writeReport(t, dir, p))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<th class="best">lean<br><small>cheapest meeting every SLA</small>`, "Cheapest scenario that meets every SLA: lean.", "phone service level"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("comparison lacks %q", want)
		}
	}
}

func ptr(x float64) *float64 { return &x }

// TestCostCardAndCheapestWithoutCost: a scenario without a cost section
// shows no 0.00 cost, and a run without cost is never the cheapest.
func TestCostCardAndCheapestWithoutCost(t *testing.T) {
	t.Parallel()
	noCost := func(r *Run) *Run {
		r.Summary.HourlyCost, r.Summary.Cost, r.Summary.CostPerContact = nil, Estimate{}, Estimate{}
		return r
	}
	for _, c := range []struct {
		name       string
		run        *Run
		want, lack []string
		json       string
	}{
		{"with cost", fakeRun(t, "a", 1), []string{"at 32.50 per paid hour", "per answered contact"}, []string{"no cost given"}, `"hourly_cost": 32.5`},
		{"without cost", noCost(fakeRun(t, "a", 1)), []string{"no cost given"}, []string{"per paid hour", "0.00"}, `"hourly_cost": null`},
	} {
		var buf bytes.Buffer
		if err := WriteHTML(&buf, &Page{Title: "x", Runs: []*Run{c.run}, Names: []string{"a"}, Cheapest: -1}); err != nil {
			t.Fatal(err)
		}
		html := buf.String()
		for _, w := range c.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s: report lacks %q", c.name, w)
			}
		}
		for _, l := range c.lack {
			if strings.Contains(html, l) {
				t.Errorf("%s: report has %q", c.name, l)
			}
		}
		js, err := json.MarshalIndent(&c.run.Summary, "", " ")
		if err != nil || !strings.Contains(string(js), c.json) {
			t.Errorf("%s: summary JSON lacks %s (%v)", c.name, c.json, err)
		}
		if c.run.Summary.HasCost() != (c.name == "with cost") {
			t.Errorf("%s: HasCost %v", c.name, c.run.Summary.HasCost())
		}
	}
	a, b := noCost(fakeRun(t, "a", 0.5)), fakeRun(t, "b", 1)
	a.Summary.AllSLAsMet, b.Summary.AllSLAsMet = true, true
	if got := Cheapest([]*Run{a, b}); got != 1 {
		t.Errorf("Cheapest = %d, want 1 (a has no cost)", got)
	}
	if got := Cheapest([]*Run{a}); got != -1 {
		t.Errorf("Cheapest of a run without cost = %d, want -1", got)
	}
}
