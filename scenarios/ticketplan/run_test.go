package ticketplan

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/realdata"
	"github.com/staffsim/staffsim/scenarios/plan"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/scenarios/roster"
	"github.com/staffsim/staffsim/scenarios/tickets"
	"github.com/staffsim/staffsim/sim/calendar"
)

// serviceNow is the shared ServiceNow incident event log.
const serviceNow = "servicenow-incidents-2016/incident_event_log_partial.csv"

// loadTickets reads a ticket history into plan's input and the
// per-priority measurement in one pass.
func loadTickets(t testing.TB, path string, opt history.Options, cal *calendar.Calendar) Input {
	t.Helper()
	an := tickets.New(tickets.Options{Calendar: cal})
	opt.Extra = tickets.Columns
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sr, rep, err := forecast.LoadSeriesTo(path, f, opt, 30*time.Minute, an)
	if err != nil {
		t.Fatal(err)
	}
	return Input{Input: plan.Input{Series: sr, Source: filepath.Base(path), Read: rep}, Tickets: an.Result()}
}

func officeHours(t testing.TB) *calendar.Calendar {
	h, err := calendar.ParseHours("mon-fri=08:00-18:00")
	if err != nil {
		t.Fatal(err)
	}
	c, err := calendar.New(time.UTC, h, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func templates(t testing.TB) *roster.Shifts {
	s, err := roster.ReadShifts("../../cmd/staffsim/sample/shifts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestServiceNowPlan plans the shared ServiceNow export as a ticket desk
// and checks what the plan promises: every priority meets its goals with
// the confidence at the recommendation, one analyst fewer in any tier
// does not (the search's trim), the tiers' rostered paid hours add up to
// the simulated total, and the escalation rates are the export's —
// recomputed here from the raw columns.
func TestServiceNowPlan(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole plan: left to the full run")
	}
	path := realdata.Path(t, serviceNow)
	cal := officeHours(t)
	in := loadTickets(t, path, history.Options{IDColumn: "number", Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }}, cal)
	opt := Options{Calendar: cal, TwentyFourSeven: []string{"P1"}, Preempt: true, Templates: templates(t),
		Horizon: 21 * 24 * time.Hour, Confidence: 0.9, Replications: 10, Seed: 1, HoursPerFTE: 37.5, HourlyCost: 30}
	r, err := Run(context.Background(), in, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Met || len(r.Tiers) != 3 {
		t.Fatalf("met %v (%s), tiers %v: want met, L1–L3", r.Met, r.Unmet, r.Tiers)
	}
	k := report.MinWeeks(opt.Confidence, opt.Replications)
	for p, x := range r.Run.Tickets.MetGoal {
		if x*float64(opt.Replications) < float64(k)-1e-9 {
			t.Errorf("%s: P(meet) %v at the recommendation, want ≥ %d of %d", r.Priorities[p].Name, x, k, opt.Replications)
		}
	}
	n := agentsOf(r.Staff)
	for tier := range n {
		if n[tier] <= 1 {
			continue
		}
		fewer := append([]int(nil), n...)
		fewer[tier]--
		ev, err := r.Evaluate(fewer)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Met {
			t.Errorf("%s with %d analysts instead of %d still meets every goal: the search did not trim it", r.Tiers[tier], fewer[tier], n[tier])
		}
	}
	paid := 0.0
	for _, s := range r.Staff {
		paid += s.PaidHoursPerWeek
	}
	if math.Abs(paid-r.PaidHoursPerWeek) > 0.5 {
		t.Errorf("tiers' rostered paid hours %.2f a week, simulated %.2f", paid, r.PaidHoursPerWeek)
	}
	// The escalation rates from the raw columns: each incident's last
	// row; reassignment_count > 0 escalated, ≥ 2 escalated again.
	want := rawEscalation(t, path)
	for _, p := range r.Priorities {
		w := want[p.Name]
		if math.Abs(p.Escalate[0]-w[0]) > 1e-12 || math.Abs(p.Escalate[1]-w[1]) > 1e-12 {
			t.Errorf("%s: escalation %v, raw columns give %v", p.Name, p.Escalate, w)
		}
	}
	s := r.Summary("£", opt)
	if len(s.Lines) < 1+len(r.Priorities) || !strings.Contains(s.Lines[0], fmt.Sprintf("%d analysts", r.Agents)) {
		t.Errorf("lines: %q", s.Lines)
	}
	if !strings.Contains(strings.Join(s.Lines, " "), "resolved within 8 business hours") {
		t.Errorf("lines do not say the P2 target in words: %q", s.Lines)
	}
}

// rawEscalation reads the ServiceNow event log with encoding/csv and
// returns, per priority, the share of incidents (last row of each number)
// with reassignment_count > 0, and the share with ≥ 2 of those.
func rawEscalation(t *testing.T, path string) map[string][2]float64 {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	type last struct {
		prio string
		n    int
	}
	byNum := map[string]last{}
	for _, r := range rows[1:] {
		n, err := strconv.Atoi(r[col["reassignment_count"]])
		if err != nil {
			t.Fatal(err)
		}
		byNum[r[col["number"]]] = last{r[col["priority"]], n}
	}
	count := map[string][3]float64{}
	for _, l := range byNum {
		c := count[l.prio]
		c[0]++
		if l.n > 0 {
			c[1]++
		}
		if l.n > 1 {
			c[2]++
		}
		count[l.prio] = c
	}
	out := map[string][2]float64{}
	for p, c := range count {
		again := 0.0
		if c[1] > 0 {
			again = c[2] / c[1]
		}
		out[p] = [2]float64{c[1] / c[0], again}
	}
	return out
}

// TestTinyHistoryPlan: three tickets in one day still give a small desk,
// staffed in its business hours, that meets every goal.
func TestTinyHistoryPlan(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole plan: left to the full run")
	}
	cal := officeHours(t)
	in := loadTickets(t, "testdata/tiny.csv", history.Options{Now: func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }}, cal)
	opt := Options{Calendar: cal, TwentyFourSeven: []string{"P1"}, Preempt: true, Templates: templates(t),
		Horizon: 21 * 24 * time.Hour, Confidence: 0.9, Replications: 10, Seed: 1, HoursPerFTE: 37.5, HourlyCost: 30}
	r, err := Run(context.Background(), in, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Met || r.Agents > 12 {
		t.Errorf("met %v (%s) with %d analysts: want the goals met by a small desk", r.Met, r.Unmet, r.Agents)
	}
}
