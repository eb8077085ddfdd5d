package scenarios

import (
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/sim"
)

// historyCounts counts the rows of testdata/incidents.csv created in
// [from, to) per priority number ("1 - Critical" → "P1"), reading the file
// with encoding/csv rather than package history; outside counts the rest.
func historyCounts(t *testing.T, from, to time.Time) (in map[string]int, outside int) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "incidents.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "number,opened_at,severity_label,short_description" {
		t.Fatalf("header %q", got)
	}
	in = map[string]int{}
	for _, r := range rows[1:] {
		at, err := time.ParseInLocation("2006-01-02 15:04:05", r[1], from.Location())
		if err != nil {
			t.Fatal(err)
		}
		if at.Before(from) || !at.Before(to) {
			outside++
			continue
		}
		num, _, _ := strings.Cut(r[2], " - ")
		in["P"+num]++
	}
	return in, outside
}

// replayCounts returns each priority's replayed tickets, by name.
func replayCounts(t *testing.T, s *Scenario) map[string]int {
	t.Helper()
	cfg, err := s.SimConfig()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, p := range cfg.Tickets.Priorities {
		got[p.Name] = len(p.Arrivals.Times)
	}
	return got
}

func TestTicketHistoryReplay(t *testing.T) {
	t.Parallel()
	s, err := Load(filepath.Join("testdata", "tickets-history.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want, outside := historyCounts(t, s.Start, s.End())
	if outside == 0 || len(want) != 3 {
		t.Fatalf("the history should have tickets outside the week and 3 priorities in it: %d outside, %v", outside, want)
	}
	got := replayCounts(t, s)
	for _, p := range []string{"P1", "P2", "P3"} {
		if got[p] != want[p] || want[p] == 0 {
			t.Errorf("%s: replayed %d tickets, the file has %d in the week", p, got[p], want[p])
		}
	}
	// The simulator creates exactly the replayed tickets, per priority.
	s.Replications = 2
	cfg, err := s.SimConfig()
	if err != nil {
		t.Fatal(err)
	}
	res, err := sim.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range res.Tickets.Priorities {
		if c := res.Tickets.Summary.Priorities[i].Created.Mean; c != float64(want[name]) {
			t.Errorf("%s: the simulation created %v tickets, want %d", name, c, want[name])
		}
	}
	roundTrip(t, s.File, s)
}

// editedHistoryScenario parses tickets-history.yaml with its text changed.
func editedHistoryScenario(t *testing.T, edits ...string) (*Scenario, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "tickets-history.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(text, edits[i]) {
			t.Fatalf("no %q in the scenario", edits[i])
		}
		text = strings.Replace(text, edits[i], edits[i+1], 1)
	}
	return Parse("edited.yaml", []byte(text), "testdata")
}

const p3Entry = `    - name: P3
      response: 90/4h
      resolution: 90/30h
`

func TestTicketHistoryUnmatched(t *testing.T) {
	t.Parallel()
	s, err := editedHistoryScenario(t, p3Entry, "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.SimConfig()
	for _, want := range []string{`scenario "edited.yaml": tickets.arrivals.history: incidents.csv:`, `with priority "3 - Moderate"`, "the priorities are P1, P2", "tickets.arrivals.other: NAME"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want it to contain %q", err, want)
		}
	}
	var se *Error
	if !errors.As(err, &se) || se.Key == "" {
		t.Errorf("error %v is not located by key", err)
	}

	// other: P2 sends them to P2, and is written back.
	s, err = editedHistoryScenario(t, p3Entry, "", "    columns:", "    other: P2\n    columns:")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := historyCounts(t, s.Start, s.End())
	got := replayCounts(t, s)
	if got["P1"] != want["P1"] || got["P2"] != want["P2"]+want["P3"] || len(got) != 2 {
		t.Errorf("with other: P2, replayed %v, want P1 %d and P2 %d+%d", got, want["P1"], want["P2"], want["P3"])
	}
	roundTrip(t, "other", s)
}

func TestTicketHistoryNoPriorityColumn(t *testing.T) {
	t.Parallel()
	s, err := editedHistoryScenario(t, ", priority: severity_label", "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.SimConfig()
	if err == nil || !strings.Contains(err.Error(), "no priority column") || !strings.Contains(err.Error(), "columns: {priority: NAME}") {
		t.Errorf("got %v, want the missing priority column and its fix", err)
	}
}

func TestTicketHistoryOutsideHorizon(t *testing.T) {
	t.Parallel()
	s, err := editedHistoryScenario(t, "start: 2026-03-02", "start: 2027-03-01")
	if err != nil {
		t.Fatal(err)
	}
	if _, err = s.SimConfig(); err == nil || !strings.Contains(err.Error(), "no ticket was created between") {
		t.Errorf("got %v, want no ticket in the horizon", err)
	}
}

func TestTicketRoute(t *testing.T) {
	t.Parallel()
	tk := &Tickets{Priorities: []TicketPriority{{Name: "P1"}, {Name: "High"}, {Name: "3 - Moderate"}}}
	for _, c := range []struct {
		p    string
		want int
	}{
		{"1 - Critical", 0}, {"p1", 0}, {"1", 0}, {" high ", 1}, {"3 - Moderate", 2}, {"P3", 2}, {"2 - High", -1}, {"", -1}, {"Low", -1},
	} {
		if got := tk.Route(c.p); got != c.want {
			t.Errorf("Route(%q) = %d, want %d", c.p, got, c.want)
		}
	}
	tk.Other = "High"
	if got := tk.Route(""); got != 1 {
		t.Errorf("with other High, Route(\"\") = %d, want 1", got)
	}
}
