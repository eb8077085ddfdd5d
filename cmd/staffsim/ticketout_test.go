package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gocarina/gocsv"

	"github.com/staffsim/staffsim/internal/csvfield"
	"github.com/staffsim/staffsim/scenarios"
	"github.com/staffsim/staffsim/sim"
)

// itDesk simulates testdata/it-desk.yaml with 5 replications through the
// library: the reference the command's outputs must agree with.
func itDesk(t *testing.T) *scenarios.Outcome {
	t.Helper()
	sc, err := scenarios.Load(example("it-desk.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	o, err := scenarios.Run(context.Background(), sc, scenarios.Options{Replications: 5})
	if err != nil {
		t.Fatal(err)
	}
	if o.Result.Tickets == nil {
		t.Fatal("no ticket result")
	}
	return o
}

type jsonEst struct {
	Mean, Low, High float64
	N               int `json:"replications"`
}

func sameEst(t *testing.T, what string, got *jsonEst, want sim.Estimate) {
	t.Helper()
	if !want.Defined() {
		if got != nil {
			t.Errorf("%s: got %+v, want null", what, got)
		}
		return
	}
	if got == nil || got.Mean != want.Mean || got.Low != want.Low || got.High != want.High || got.N != want.N {
		t.Errorf("%s: got %+v, want %+v", what, got, want)
	}
}

// TestSimulateTicketDesk runs testdata/it-desk.yaml through simulate in
// each format and checks that the JSON, the CSV and the table carry the
// simulator's figures (JSON and CSV exactly, the table rounded) and that
// the interval files add up to the summary.
func TestSimulateTicketDesk(t *testing.T) {
	t.Parallel()
	ref := itDesk(t)
	tr, tk := ref.Result.Tickets, ref.Scenario.Tickets
	args := []string{"simulate", example("it-desk.yaml"), "--replications", "5"}

	// JSON: every figure as the simulator gave it.
	code, out, errOut := runCLI(t, append(args, "--format", "json")...)
	if code != exitOK {
		t.Fatalf("json: exit %d, stderr %s", code, errOut)
	}
	type target struct {
		TargetSeconds *float64 `json:"target_seconds"`
		Goal          *float64
		Calendar      *string
		Met           *bool    `json:"sla_met"`
		Attainment    *jsonEst `json:"attainment"`
		Breached      *jsonEst
		MeanHours     *jsonEst `json:"mean_hours"`
	}
	type counts struct {
		Priority   string
		Created    *jsonEst
		Resolved   *jsonEst
		Response   target
		Resolution target
		Backlog    *jsonEst
		Oldest     *jsonEst `json:"oldest_age_hours"`
		MetShare   *jsonEst `json:"sla_met_share"`
	}
	var sum struct {
		AllSLAsMet bool     `json:"all_slas_met"`
		PaidHours  *jsonEst `json:"paid_hours"`
		Tickets    struct {
			Priorities []counts
			Total      counts
			Tiers      []struct {
				Tier                                   string
				Entered, Touches, Escalated, Occupancy *jsonEst
				WaitHours                              *jsonEst `json:"wait_hours"`
			}
			AllSLAsMet   bool `json:"all_slas_met"`
			Replications []struct {
				Replication int
				Priorities  []struct {
					Priority           string
					Created            float64
					ResponseAttainment *float64 `json:"response_attainment"`
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	js := sum.Tickets
	if len(js.Priorities) != 4 || len(js.Tiers) != 3 || len(js.Replications) != 5 {
		t.Fatalf("tickets: %d priorities, %d tiers, %d replications; want 4, 3, 5", len(js.Priorities), len(js.Tiers), len(js.Replications))
	}
	for i, p := range js.Priorities {
		m, sp := tr.Summary.Priorities[i], tk.Priorities[i]
		if p.Priority != sp.Name {
			t.Errorf("priority %d: %q, want %q", i, p.Priority, sp.Name)
		}
		sameEst(t, p.Priority+" created", p.Created, m.Created)
		sameEst(t, p.Priority+" resolved", p.Resolved, m.Resolved)
		sameEst(t, p.Priority+" response", p.Response.Attainment, m.Response.Attainment)
		sameEst(t, p.Priority+" resolution", p.Resolution.Attainment, m.Resolution.Attainment)
		sameEst(t, p.Priority+" resolution breached", p.Resolution.Breached, m.Resolution.Breached)
		sameEst(t, p.Priority+" backlog", p.Backlog, m.Backlog)
		sameEst(t, p.Priority+" oldest", p.Oldest, m.OldestAge)
		sameEst(t, p.Priority+" P(meet)", p.MetShare, m.MetGoal)
		if p.Resolution.TargetSeconds == nil || *p.Resolution.TargetSeconds != sp.Resolution.Target.Seconds() || *p.Resolution.Goal != sp.Resolution.Goal ||
			p.Resolution.Met == nil || *p.Resolution.Met != scenarios.TargetMet(sp.Resolution, m.Resolution) {
			t.Errorf("%s resolution target: %+v, want %+v", p.Priority, p.Resolution, sp.Resolution)
		}
		if cal := p.Response.Calendar; (sp.Response.Calendar == "") != (cal == nil) || (cal != nil && *cal != sp.Response.Calendar) {
			t.Errorf("%s response calendar %v, want %q", p.Priority, cal, sp.Response.Calendar)
		}
	}
	sameEst(t, "total created", js.Total.Created, tr.Summary.Total.Created)
	for i, tier := range js.Tiers {
		m := tr.Summary.Tiers[i]
		sameEst(t, tier.Tier+" touches", tier.Touches, m.Touches)
		sameEst(t, tier.Tier+" occupancy", tier.Occupancy, m.Occupancy)
		sameEst(t, tier.Tier+" wait", tier.WaitHours, m.WaitHours)
	}
	for r, run := range js.Replications {
		for p, v := range run.Priorities {
			want := tr.Runs[r].Priorities[p]
			if v.Created != want.Created || (want.ResponseDue > 0) != (v.ResponseAttainment != nil) ||
				(v.ResponseAttainment != nil && *v.ResponseAttainment != want.ResponseAttainment) {
				t.Errorf("replication %d %s: %+v, want %+v", r, v.Priority, v, want)
			}
		}
	}
	if sum.AllSLAsMet != ref.TicketSLAsMet() || js.AllSLAsMet != ref.TicketSLAsMet() {
		t.Errorf("all_slas_met %v / tickets %v, want %v", sum.AllSLAsMet, js.AllSLAsMet, ref.TicketSLAsMet())
	}

	// CSV: the same figures, in long form, at full precision.
	code, out, errOut = runCLI(t, append(args, "--format", "csv")...)
	if code != exitOK {
		t.Fatalf("csv: exit %d, stderr %s", code, errOut)
	}
	var rows []SummaryRow
	if err := gocsv.UnmarshalString(out, &rows); err != nil {
		t.Fatalf("csv: %v\n%s", err, out)
	}
	cell := map[string]SummaryRow{}
	for _, r := range rows {
		cell[r.Section+"/"+r.Name+"/"+r.Metric] = r
	}
	csvEst := func(key string, want sim.Estimate) {
		t.Helper()
		r, ok := cell[key]
		if !ok {
			t.Errorf("csv has no row %s", key)
			return
		}
		mean, ok1 := r.Mean.Value()
		low, _ := r.Low.Value()
		high, _ := r.High.Value()
		if ok1 != want.Defined() || (ok1 && (mean != want.Mean || low != want.Low || high != want.High || r.Replications != want.N)) {
			t.Errorf("csv %s: %+v, want %+v", key, r, want)
		}
	}
	for i, p := range tk.Priorities {
		m := tr.Summary.Priorities[i]
		csvEst("priority/"+p.Name+"/created", m.Created)
		csvEst("priority/"+p.Name+"/response_attainment", m.Response.Attainment)
		csvEst("priority/"+p.Name+"/resolution_attainment", m.Resolution.Attainment)
		csvEst("priority/"+p.Name+"/oldest_age_hours", m.OldestAge)
		csvEst("priority/"+p.Name+"/sla_met_share", m.MetGoal)
	}
	csvEst("total//resolved", tr.Summary.Total.Resolved)
	for i, name := range tr.Tiers {
		csvEst("tier/"+name+"/occupancy", tr.Summary.Tiers[i].Occupancy)
		csvEst("tier/"+name+"/escalated", tr.Summary.Tiers[i].Escalated)
	}
	csvEst("desk//paid_hours", ref.Result.Summary.Total.PaidHours)

	// Table: the same figures, rounded for people, in the words of a
	// ticket desk.
	code, out, errOut = runCLI(t, args...)
	if code != exitOK {
		t.Fatalf("table: exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"Tickets per priority", "Analysts per tier", "ANALYSTS AVAILABLE", "FTE", "Paid hours"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "QUEUE") || strings.Contains(out, "Cost per contact") {
		t.Errorf("a desk without queues shows a queue table or cost per contact:\n%s", out)
	}
	lines := strings.Split(out, "\n")
	line := func(prefix string) string {
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				return l
			}
		}
		t.Errorf("table has no line %q:\n%s", prefix, out)
		return ""
	}
	for i, p := range tk.Priorities {
		m := tr.Summary.Priorities[i]
		l := line(p.Name + " ")
		f := strings.Fields(l)
		if len(f) < 3 || f[1] != fmt.Sprintf("%.0f", m.Created.Mean) || f[2] != fmt.Sprintf("%.0f", m.Resolved.Mean) {
			t.Errorf("%s: table line %q, want created %.0f, resolved %.0f", p.Name, l, m.Created.Mean, m.Resolved.Mean)
		}
		for _, a := range []sim.Estimate{m.Response.Attainment, m.Resolution.Attainment} {
			if want := fmt.Sprintf("%.1f%% (%.1f–%.1f)", a.Mean*100, a.Low*100, a.High*100); !strings.Contains(l, want) {
				t.Errorf("%s: table line %q lacks %q", p.Name, l, want)
			}
		}
		if want := pctText(m.MetGoal.Mean); !strings.HasSuffix(l, want) {
			t.Errorf("%s: table line %q does not end with P(meet) %s", p.Name, l, want)
		}
	}
	for i, name := range tr.Tiers {
		o := tr.Summary.Tiers[i].Occupancy
		if l, want := line(name+" "), fmt.Sprintf("%.1f%% (%.1f–%.1f)", o.Mean*100, o.Low*100, o.High*100); !strings.Contains(l, want) {
			t.Errorf("%s: table line %q lacks occupancy %q", name, l, want)
		}
	}
	verdict := "Every SLA met."
	if misses := wantMisses(tk.Priorities, tr); len(misses) > 0 {
		verdict = "SLA missed: " + strings.Join(misses, ", ") + "."
	}
	if !strings.Contains(out, verdict) {
		t.Errorf("table lacks the verdict %q:\n%s", verdict, out)
	}
}

// wantMisses is the test's own list of missed targets.
func wantMisses(ps []scenarios.TicketPriority, tr *sim.TicketResult) []string {
	var out []string
	for i, p := range ps {
		for _, x := range []struct {
			what string
			t    scenarios.TicketTarget
			m    sim.SLAMetrics
		}{{"response", p.Response, tr.Summary.Priorities[i].Response}, {"resolution", p.Resolution, tr.Summary.Priorities[i].Resolution}} {
			if x.t.Set() && x.m.Attainment.Defined() && x.m.Attainment.Mean < x.t.Goal {
				out = append(out, p.Name+" "+x.what)
			}
		}
	}
	return out
}

// TestSimulateTicketDeskOut checks the interval files of --out: one row
// per interval and priority (tier), whose counts add up to the summary's,
// and that they read back as written.
func TestSimulateTicketDeskOut(t *testing.T) {
	t.Parallel()
	ref := itDesk(t)
	tr := ref.Result.Tickets
	dir := filepath.Join(t.TempDir(), "out")
	if code, _, errOut := runCLI(t, "simulate", example("it-desk.yaml"), "--replications", "5", "--out", dir); code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, "ticket_intervals.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if head, _, _ := strings.Cut(string(data), "\n"); head != "interval_start,priority,created,resolved,response_attainment,response_attainment_low,response_attainment_high,resolution_attainment,resolution_attainment_low,resolution_attainment_high,backlog,oldest_age_hours" {
		t.Errorf("ticket_intervals.csv header %q", head)
	}
	var trows []TicketIntervalRow
	if err := gocsv.UnmarshalBytes(data, &trows); err != nil {
		t.Fatal(err)
	}
	if want := len(tr.Intervals) * len(tr.Priorities); len(trows) != want {
		t.Fatalf("ticket_intervals.csv: %d rows, want %d", len(trows), want)
	}
	created := map[string]float64{}
	for _, r := range trows {
		v, _ := r.Created.Value()
		created[r.Priority] += v
	}
	for i, p := range tr.Priorities {
		// Each replication's created count is the sum of its intervals',
		// so the means add up too.
		if want := tr.Summary.Priorities[i].Created.Mean; math.Abs(created[p]-want) > 1e-9*want {
			t.Errorf("%s: intervals create %v tickets, the summary %v", p, created[p], want)
		}
	}
	last := trows[len(trows)-len(tr.Priorities):]
	for i, r := range last {
		if v, _ := r.Backlog.Value(); v != tr.Summary.Priorities[i].Backlog.Mean {
			t.Errorf("%s: backlog at the last interval's end %v, the summary's %v", r.Priority, v, tr.Summary.Priorities[i].Backlog.Mean)
		}
	}
	data, err = os.ReadFile(filepath.Join(dir, "tier_intervals.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var krows []TierIntervalRow
	if err := gocsv.UnmarshalBytes(data, &krows); err != nil {
		t.Fatal(err)
	}
	if want := len(tr.Intervals) * len(tr.Tiers); len(krows) != want {
		t.Fatalf("tier_intervals.csv: %d rows, want %d", len(krows), want)
	}
	touches := map[string]float64{}
	for _, r := range krows {
		v, _ := r.Touches.Value()
		touches[r.Tier] += v
	}
	for i, name := range tr.Tiers {
		if want := tr.Summary.Tiers[i].Touches.Mean; math.Abs(touches[name]-want) > 1e-9*want {
			t.Errorf("%s: intervals count %v touches, the summary %v", name, touches[name], want)
		}
	}
	var sum map[string]json.RawMessage
	if data, err = os.ReadFile(filepath.Join(dir, "summary.json")); err != nil || json.Unmarshal(data, &sum) != nil || sum["tickets"] == nil {
		t.Errorf("summary.json has no tickets object (%v)", err)
	}
}

// TestTicketCSVRoundTrip writes the interval records and reads them back
// (times by instant: read back, a time has a fixed zone).
func TestTicketCSVRoundTrip(t *testing.T) {
	t.Parallel()
	ref := itDesk(t)
	roundTripRows(t, ticketIntervalRows(ref.Scenario, ref.Result.Tickets), func(r *TicketIntervalRow) *csvfield.Time { return &r.IntervalStart })
	roundTripRows(t, tierIntervalRows(ref.Scenario, ref.Result.Tickets), func(r *TierIntervalRow) *csvfield.Time { return &r.IntervalStart })
}

func roundTripRows[T any](t *testing.T, rows []T, at func(*T) *csvfield.Time) {
	t.Helper()
	var buf bytes.Buffer
	if err := gocsv.Marshal(rows, &buf); err != nil {
		t.Fatal(err)
	}
	var back []T
	if err := gocsv.UnmarshalBytes(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if len(back) != len(rows) || len(rows) == 0 {
		t.Fatalf("%d rows back, wrote %d", len(back), len(rows))
	}
	for i := range rows {
		a, b := rows[i], back[i]
		if !at(&a).Equal(at(&b).Time) {
			t.Fatalf("row %d: time %v, read %v", i, at(&a), at(&b))
		}
		*at(&a) = *at(&b)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("row %d: wrote %+v, read %+v", i, rows[i], back[i])
		}
	}
}

// TestSimulatePhoneJSONHasNoTickets: a phone desk's JSON is unchanged.
func TestSimulatePhoneJSONHasNoTickets(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "simulate", example("phone-desk.yaml"), "--replications", "2", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	if strings.Contains(out, `"tickets"`) {
		t.Errorf("phone desk JSON has a tickets key:\n%s", out)
	}
}

// TestCompareTicketDesks compares the IT desk with itself: the ticket
// rows are there, with the same figures for both.
func TestCompareTicketDesks(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCLI(t, "compare", example("it-desk.yaml"), example("it-desk.yaml"), "--replications", "3")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"P1 response", "P2 resolution", "P4 P(meet)", "L3 occupancy"} {
		if !strings.Contains(out, want) {
			t.Errorf("compare table lacks %q:\n%s", want, out)
		}
	}
}

// TestSimulateTicketDeskHostile: hostile values in testdata/it-desk.yaml
// end in a located error (exit 1) and no --out directory, or in a result
// without NaN — never a panic or a run without end (a billion tickets an
// hour ran for ever).
func TestSimulateTicketDeskHostile(t *testing.T) {
	t.Parallel()
	base, err := os.ReadFile(example("it-desk.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, old, new, want string }{
		{"a billion an hour", "rate: 0.08/h", "rate: 1e9/h", `priority "P1": arrivals: about 3.36e+11 arrivals a replication`},
		{"negative rate", "rate: 0.08/h", "rate: -1/h", `line 32: tickets.priorities[0] "P1": arrivals.rate`},
		{"escalate above 100%", "escalate: {L1: 60%, L2: 20%}", "escalate: {L1: 600%, L2: 20%}", `line 36: tickets.priorities[0] "P1": escalate.L1`},
		{"always pending", "pending: {probability: 0}", "pending: {probability: 100%, time: {mean: 1h}}", "a ticket that always waits on the user is never resolved"},
		{"zero touch", "L1: {distribution: lognormal, mean: 15m, cv: 0.8}", "L1: {distribution: lognormal, mean: 0s, cv: 0.8}", "touch_time.L1.mean: 0s is not a positive duration"},
		{"zero response", "response: 95/15m", "response: 95/0s", "the target time must be positive"},
		{"rate zero", "rate: 0.08/h", "rate: 0/h", ""},
		{"almost always pending", "pending: {probability: 0}", "pending: {probability: 99%, time: {mean: 1h}}", ""},
		{"a touch of a million hours", "L1: {distribution: lognormal, mean: 15m, cv: 0.8}", "L1: {distribution: lognormal, mean: 1000000h, cv: 0.8}", ""},
	} {
		if !bytes.Contains(base, []byte(tc.old)) {
			t.Fatalf("%s: %q not in it-desk.yaml", tc.name, tc.old)
		}
		dir := t.TempDir()
		path := filepath.Join(dir, "desk.yaml")
		data := strings.Replace(string(base), tc.old, tc.new, 1)
		abs, err := filepath.Abs(example("calendars"))
		if err != nil {
			t.Fatal(err)
		}
		data = strings.ReplaceAll(data, "calendars/uk-holidays.txt", filepath.Join(abs, "uk-holidays.txt"))
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "out")
		code, stdout, errOut := runCLI(t, "simulate", path, "--replications", "2", "--format", "json", "--out", out)
		if tc.want == "" {
			if code != exitOK || strings.Contains(stdout, "NaN") {
				t.Errorf("%s: exit %d, stderr %q; want a result without NaN", tc.name, code, errOut)
			}
			continue
		}
		if code != exitFailure || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: exit %d, stderr %q; want exit 1 with %q", tc.name, code, errOut, tc.want)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s: --out directory exists after the error (%v)", tc.name, err)
		}
	}
}

// TestSimulateTicketDeskCostPerTicket checks the cost per resolved ticket
// of simulate's JSON, CSV and table against the simulator's replications:
// the mean over them of paid hours × the hourly cost ÷ tickets resolved.
func TestSimulateTicketDeskCostPerTicket(t *testing.T) {
	t.Parallel()
	ref := itDesk(t)
	res := ref.Result
	hourly := ref.Scenario.Cost.Hourly
	if hourly <= 0 || len(res.Runs) != 5 || len(res.Tickets.Runs) != 5 {
		t.Fatalf("hourly %v, %d runs, %d ticket runs", hourly, len(res.Runs), len(res.Tickets.Runs))
	}
	var want float64
	for i := range res.Runs {
		want += res.Runs[i].Total.PaidHours * hourly / res.Tickets.Runs[i].Total.Resolved / 5
	}
	code, out, errOut := runCLI(t, "simulate", example("it-desk.yaml"), "--replications", "5", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var sum struct {
		CostPerTicket *jsonEst `json:"cost_per_ticket"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatal(err)
	}
	c := sum.CostPerTicket
	if c == nil || math.Abs(c.Mean-want) > 1e-9*want || c.N != 5 || !(c.Low < c.Mean && c.Mean < c.High) {
		t.Fatalf("cost_per_ticket %+v, want mean %v over 5 replications inside its interval", c, want)
	}
	code, out, _ = runCLI(t, "simulate", example("it-desk.yaml"), "--replications", "5")
	if line := fmt.Sprintf("£%.2f (£%.2f–£%.2f) per resolved ticket", c.Mean, c.Low, c.High); code != exitOK || !strings.Contains(out, line) {
		t.Errorf("table lacks %q:\n%s", line, out)
	}
	code, out, _ = runCLI(t, "simulate", example("it-desk.yaml"), "--replications", "5", "--format", "csv")
	if code != exitOK || !strings.Contains(out, "desk,,cost_per_ticket,") {
		t.Errorf("CSV has no cost_per_ticket row:\n%s", out)
	}
	dir := t.TempDir()
	if code, _, errOut = runCLI(t, "simulate", example("it-desk.yaml"), "--replications", "5", "--out", dir); code != exitOK {
		t.Fatalf("--out: exit %d, stderr %s", code, errOut)
	}
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if card := fmt.Sprintf("£%.2f per resolved ticket, at £28.00 per paid hour", c.Mean); err != nil || !strings.Contains(string(html), card) {
		t.Errorf("report.html's cost card lacks %q (%v)", card, err)
	}
	// A phone desk has none.
	code, out, _ = runCLI(t, "simulate", example("phone-desk.yaml"), "--replications", "2", "--format", "json")
	if code != exitOK || strings.Contains(out, "cost_per_ticket") {
		t.Errorf("phone desk JSON has a cost_per_ticket (exit %d)", code)
	}
}
