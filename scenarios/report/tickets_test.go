package report

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/sim"
	"github.com/staffsim/staffsim/sim/calendar"
)

// itDesk is sim's benchmark desk (sim/bench_test.go) in the desk's zone,
// shortened to days days: three tiers, four priorities (5/15/40/40 %) made
// mostly in office hours, 50 analysts on weekday shifts, pending, 20 % and
// 10 % escalation, 5 % reopened; P1 and P2 judged 24×7, P3 and P4 on a
// 08:00–18:00 weekday calendar. Its figures test the section's rendering,
// not the simulator.
func itDesk(t testing.TB, days, replications int, interval time.Duration) (*sim.Result, *sim.Tickets, *time.Location) {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	h, err := calendar.ParseHours("mon-fri=08:00-18:00")
	if err != nil {
		t.Fatal(err)
	}
	office, err := calendar.New(loc, h, nil)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, loc) // a Monday; BST starts on 29 March
	total := 20_000.0 * float64(days) / 28
	var w []float64
	for d := range days {
		for h := range 24 {
			x := 0.15
			if wd := d % 7; wd < 5 && h >= 8 && h < 18 {
				x = 4
			}
			w = append(w, x)
		}
	}
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	tk := &sim.Tickets{Tiers: []string{"L1", "L2", "L3"}}
	targets := [][2]time.Duration{{15 * time.Minute, 4 * time.Hour}, {time.Hour, 8 * time.Hour}, {4 * time.Hour, 24 * time.Hour}, {8 * time.Hour, 40 * time.Hour}}
	for i, share := range []float64{0.05, 0.15, 0.40, 0.40} {
		counts := make([]float64, len(w))
		for k, x := range w {
			counts[k] = total * share * x / sum
		}
		var cal *calendar.Calendar
		if i >= 2 {
			cal = office
		}
		tk.Priorities = append(tk.Priorities, sim.Priority{
			Name:     fmt.Sprintf("P%d", i+1),
			Arrivals: sim.Arrivals{Counts: counts, Step: time.Hour},
			Touch:    []sim.Dist{sim.LogNormal(10*time.Minute, 1), sim.LogNormal(25*time.Minute, 1), sim.LogNormal(time.Hour, 1)},
			Pending:  0.2, PendingTime: sim.Exponential(8 * time.Hour),
			Escalate: []float64{0.2, 0.1},
			Reopen:   0.05, ReopenDelay: sim.Exponential(48 * time.Hour),
			Preempt:    i == 0,
			Response:   sim.TicketTarget{Target: targets[i][0], Goal: 0.95, Calendar: cal},
			Resolution: sim.TicketTarget{Target: targets[i][1], Goal: 0.9, Calendar: cal},
		})
	}
	weekdays := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	lunch := []sim.Break{{After: 4 * time.Hour, Length: 30 * time.Minute, Unpaid: true}}
	cfg := sim.Config{
		Start: start, Horizon: time.Duration(days) * 24 * time.Hour, Interval: interval, Seed: 1, Replications: replications,
		Tickets: tk,
		Shifts: []sim.Shift{
			{Name: "l1-early", Start: 7 * time.Hour, Length: 8*time.Hour + 30*time.Minute, Days: weekdays, Agents: 15, Skills: []string{"L1"}, Breaks: lunch},
			{Name: "l1-late", Start: 10 * time.Hour, Length: 8*time.Hour + 30*time.Minute, Days: weekdays, Agents: 15, Skills: []string{"L1"}, Breaks: lunch},
			{Name: "l2", Start: 8 * time.Hour, Length: 8*time.Hour + 30*time.Minute, Days: weekdays, Agents: 15, Skills: []string{"L2"}, Breaks: lunch},
			{Name: "l3", Start: 9 * time.Hour, Length: 8*time.Hour + 30*time.Minute, Days: weekdays, Agents: 5, Skills: []string{"L2", "L3"}, Breaks: lunch},
		},
	}
	res, err := sim.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Tickets == nil {
		t.Fatal("no ticket result")
	}
	return res, tk, loc
}

// saveCharts writes the charts to STAFFSIM_CHART_DIR, when set, to look at.
func saveCharts(t *testing.T, prefix string, charts []Chart) {
	dir := os.Getenv("STAFFSIM_CHART_DIR")
	if dir == "" {
		return
	}
	for _, c := range charts {
		var buf bytes.Buffer
		if err := c.Render(&buf, "png"); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, prefix+c.Name+".png"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTicketChartsRender(t *testing.T) {
	t.Parallel()
	res, desk, loc := itDesk(t, 28, 10, time.Hour)
	tk := NewTickets(res.Tickets, desk, loc)
	charts, err := TicketCharts(tk)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range charts {
		names = append(names, c.Name)
		var buf bytes.Buffer
		if err := c.Render(&buf, "png"); err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if _, err := png.Decode(bytes.NewReader(buf.Bytes())); err != nil {
			t.Fatalf("%s: not a PNG: %v", c.Name, err)
		}
	}
	if got, want := strings.Join(names, " "), "ticket-attainment ticket-backlog ticket-oldest tier-analysts tier-occupancy tier-escalations"; got != want {
		t.Errorf("charts %q, want %q", got, want)
	}
	saveCharts(t, "", charts)
}

// ticketRun is a run of a desk of tickets only, as scenarios.Run builds
// it, for the page tests.
func ticketRun(t testing.TB, days, replications int, interval time.Duration) *Run {
	res, desk, loc := itDesk(t, days, replications, interval)
	r := &Run{Loc: loc, Interval: res.Interval, Tickets: NewTickets(res.Tickets, desk, loc)}
	r.Summary = Summary{Scenario: "it-desk", Start: res.Start, End: res.Start.AddDate(0, 0, days), Timezone: loc.String(),
		IntervalSeconds: interval.Seconds(), Replications: replications, Seed: 1, AllSLAsMet: r.Tickets.Met(),
		Occupancy: est(res.Summary.Total.Occupancy), PaidHours: est(res.Summary.Total.PaidHours), OvertimeHours: est(res.Summary.Total.OvertimeHours)}
	for _, p := range res.Intervals {
		r.Intervals = append(r.Intervals, Interval{Start: p.Start, AgentsAvailable: est(p.Total.AgentsAvailable)})
	}
	return r
}

func ticketPage(t *testing.T, r *Run) []byte {
	t.Helper()
	charts, err := Charts(r)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, &Page{Title: "Scenario it-desk", Runs: []*Run{r}, Names: []string{"it-desk"}, Cheapest: -1, Charts: charts}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withoutImages drops the base64 images of a page, whose letters may
// spell anything.
func withoutImages(html string) string {
	var b strings.Builder
	for {
		i := strings.Index(html, `src="data:`)
		if i < 0 {
			return b.String() + html
		}
		b.WriteString(html[:i])
		html = html[i+len(`src="data:`):]
		html = html[strings.Index(html, `"`)+1:]
	}
}

func TestTicketPage(t *testing.T) {
	t.Parallel()
	r := ticketRun(t, 28, 10, time.Hour)
	page := ticketPage(t, r)
	if dir := os.Getenv("STAFFSIM_REPORT_DIR"); dir != "" {
		os.WriteFile(filepath.Join(dir, "tickets.html"), page, 0o644)
	}
	html := withoutImages(string(page))
	for _, bad := range []string{"NaN", "Inf", "<no value>", "%!"} {
		if strings.Contains(html, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, want := range []string{"analysts", "tickets", "P2 resolved within 8 hours", "Support tiers", `data-chart="ticket-attainment"`, `data-chart="tier-escalations"`} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, phone := range []string{"<h2>Queues</h2>", "answered contact", "ASA"} {
		if strings.Contains(html, phone) {
			t.Errorf("a desk of tickets only shows the phone queues' %q", phone)
		}
	}
}
