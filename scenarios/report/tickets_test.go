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

func TestTicketChartsDeterministic(t *testing.T) {
	t.Parallel()
	res, desk, loc := itDesk(t, 7, 3, 30*time.Minute)
	render := func() [][]byte {
		charts, err := TicketCharts(NewTickets(res.Tickets, desk, loc))
		if err != nil {
			t.Fatal(err)
		}
		var out [][]byte
		for _, c := range charts {
			var buf bytes.Buffer
			if err := c.Render(&buf, "png"); err != nil {
				t.Fatal(err)
			}
			out = append(out, buf.Bytes())
		}
		return out
	}
	a, b := render(), render()
	if len(a) != len(b) || len(a) == 0 {
		t.Fatalf("%d and %d charts", len(a), len(b))
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Errorf("chart %d: two renderings of the same data differ", i)
		}
	}
}

// TestTicketPageEdgeCases renders a priority that never has a ticket, a
// run of a single interval, and one replication: no NaN, no Inf, no
// template hole, and the empty priority says it had nothing due.
func TestTicketPageEdgeCases(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name               string
		days, replications int
		interval           time.Duration
	}{
		{"one interval", 1, 3, 24 * time.Hour},
		{"one replication", 2, 1, time.Hour},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, desk, loc := itDesk(t, c.days, 1, c.interval)
			// P4 with no tickets at all: run again with its arrivals zeroed.
			for i := range desk.Priorities[3].Arrivals.Counts {
				desk.Priorities[3].Arrivals.Counts[i] = 0
			}
			cfg := sim.Config{Start: res.Start, Horizon: time.Duration(c.days) * 24 * time.Hour, Interval: c.interval, Seed: 1,
				Replications: c.replications, Tickets: desk, Shifts: []sim.Shift{{Name: "all", Start: 8 * time.Hour, Length: 9 * time.Hour, Agents: 40}}}
			res, err := sim.Run(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			tk := NewTickets(res.Tickets, desk, loc)
			if got := len(tk.Intervals); c.interval == 24*time.Hour && got != 1 {
				t.Fatalf("%d intervals, want 1", got)
			}
			r := &Run{Loc: loc, Interval: c.interval, Tickets: tk, Summary: Summary{Scenario: "edge", Start: res.Start, End: res.Start.AddDate(0, 0, c.days),
				Timezone: loc.String(), IntervalSeconds: c.interval.Seconds(), Replications: c.replications, AllSLAsMet: tk.Met()}}
			html := withoutImages(string(ticketPage(t, r)))
			for _, bad := range []string{"NaN", "Inf", "<no value>", "%!"} {
				if strings.Contains(html, bad) {
					t.Errorf("page contains %q", bad)
				}
			}
			if !strings.Contains(html, "P4: no ticket fell due for its resolution target") {
				t.Errorf("the empty priority's reading is missing")
			}
			charts, err := TicketCharts(tk)
			if err != nil {
				t.Fatal(err)
			}
			saveCharts(t, strings.ReplaceAll(c.name, " ", "-")+"-", charts)
		})
	}
}

func TestTicketWords(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		t    TicketTarget
		want string
	}{
		{TicketTarget{Target: 15 * time.Minute, Goal: 0.95}, "95% within 15 minutes"},
		{TicketTarget{Target: time.Hour, Goal: 0.9}, "90% within 1 hour"},
		{TicketTarget{Target: 8 * time.Hour, Goal: 0.95, Business: true}, "95% within 8 business hours"},
		{TicketTarget{Target: 90 * time.Minute, Goal: 0.8, Business: true}, "80% within 1.5 business hours"},
		{TicketTarget{Target: time.Minute, Goal: 1}, "100% within 1 minute"},
	} {
		if got := GoalWords(c.t); got != c.want {
			t.Errorf("GoalWords(%+v) = %q, want %q", c.t, got, c.want)
		}
	}
	h, err := calendar.ParseHours("mon-fri=09:00-12:00,13:00-17:30;sat=10:00-14:00")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := HoursWords(h), "Mon–Fri 09:00–12:00, 13:00–17:30; Sat 10:00–14:00"; got != want {
		t.Errorf("HoursWords = %q, want %q", got, want)
	}
	if got := HoursWords(calendar.Hours{}); got != "closed" {
		t.Errorf("HoursWords(no hours) = %q, want closed", got)
	}
}

// TestTicketReading checks the plain-language lines on made-up figures:
// the brief's example sentence, a met target, a target with tickets due
// in only some replications, and one with none due.
func TestTicketReading(t *testing.T) {
	t.Parallel()
	est := func(m, lo, hi float64, n int) Estimate { return Estimate{Mean: m, Low: lo, High: hi, N: n} }
	tk := &Tickets{Replications: 10, Priorities: []TicketPriority{
		{Name: "P2",
			Response:   TicketTarget{Target: time.Hour, Goal: 0.95, Judged: 10},
			Resolution: TicketTarget{Target: 8 * time.Hour, Goal: 0.95, Business: true, Hours: "Mon–Fri 08:00–18:00", Missed: 7, Judged: 10},
			TicketFigures: TicketFigures{
				Response:   TicketSLA{Attainment: est(0.97, 0.96, 0.98, 10)},
				Resolution: TicketSLA{Attainment: est(0.93, 0.91, 0.95, 10)},
			}},
		{Name: "P1",
			Response:   TicketTarget{Target: 15 * time.Minute, Goal: 0.95, Missed: 2, Judged: 4},
			Resolution: TicketTarget{Target: 4 * time.Hour, Goal: 0.9},
			TicketFigures: TicketFigures{
				Response: TicketSLA{Attainment: est(0.9, 0.7, 1, 4)},
			}},
	}}
	want := []string{
		"P2: 97% responded to within 1 hour (95% CI 96%–98%) against a goal of 95% — met in all 10 replications.",
		"P2: 93% resolved within 8 business hours (95% CI 91%–95%) against a goal of 95% — missed in 7 of 10 replications.",
		"P1: 90% responded to within 15 minutes (95% CI 70%–100%) against a goal of 95% — missed in 2 of 4 replications with tickets due.",
		"P1: no ticket fell due for its resolution target (90% within 4 hours) in any replication; nothing to judge.",
		"P2 resolution counts business hours only (Mon–Fri 08:00–18:00): the clock stops while the desk is closed; P2 response and P1 count every hour, round the clock (24×7).",
	}
	got := tk.Reading()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("reading:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if m := strings.Join(tk.Missed(), ", "); m != "P2 resolution, P1 response" {
		t.Errorf("Missed = %q", m)
	}
}
