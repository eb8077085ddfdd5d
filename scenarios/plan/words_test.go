package plan

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/erlang"
	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/quantity"
	"github.com/staffsim/staffsim/scenarios/report"
	"github.com/staffsim/staffsim/scenarios/roster"
)

// TestWordsFor: the vocabulary rule of WordsFor, one case per clause.
func TestWordsFor(t *testing.T) {
	withAHT := &forecast.Series{Interval: time.Hour, Arrivals: []float64{1}, HandleSeconds: []float64{200}, Handled: []float64{1}}
	noAHT := &forecast.Series{Interval: time.Hour, Arrivals: []float64{1}}
	sl := func(within time.Duration) Options { return Options{SL: quantity.Target{Goal: 0.9, Within: within}} }
	for _, tc := range []struct {
		name string
		in   Input
		opt  Options
		want report.Words
	}{
		{"call volumes, 20 s SLA", Input{Series: withAHT, Read: &history.Report{Shape: "volumes"}}, sl(20 * time.Second), report.ContactWords},
		{"built-in sample", Input{Series: withAHT}, sl(20 * time.Second), report.ContactWords},
		{"90/4h SLA", Input{Series: withAHT}, sl(4 * time.Hour), report.TicketWords},
		{"priority column", Input{Series: withAHT, Read: &history.Report{Shape: "tickets", Columns: map[string]string{history.FieldPriority: "Priority"}}}, sl(20 * time.Second), report.TicketWords},
		{"channel column", Input{Series: withAHT, Read: &history.Report{Shape: "tickets", Columns: map[string]string{history.FieldChannel: "Via"}}}, sl(20 * time.Second), report.TicketWords},
		{"tickets without handle times", Input{Series: noAHT, Read: &history.Report{Shape: "tickets"}}, sl(20 * time.Second), report.TicketWords},
		{"volumes without handle times", Input{Series: noAHT, Read: &history.Report{Shape: "volumes"}}, sl(20 * time.Second), report.ContactWords},
	} {
		if got := WordsFor(tc.in, tc.opt); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got.Agents, tc.want.Agents)
		}
	}
}

// TestHireWords: people first, FTE beside them, and why they can move
// apart (issue 12: "adds 2.1 FTE" beside "9 more agents").
func TestHireWords(t *testing.T) {
	money := func(x float64) string { return report.Money("£", x) }
	for _, tc := range []struct {
		people    int
		fte, cost float64
		want      string
	}{
		{8, 2.8, 136e3, "the plan hires 8 more agents, adding 2.8 FTE (£136 k a year)"},
		{-2, -1.5, -70e3, "the plan needs 2 fewer agents, 1.5 FTE fewer (£70 k a year less)"},
		{0, 0, 0, "the plan keeps the number of agents, at the same FTE"},
		{3, -0.5, -20e3, "the plan hires 3 more agents, 0.5 FTE fewer (£20 k a year less) (more agents on shorter or part-time contracts, or fewer on longer ones)"},
	} {
		if got := hireWords(tc.people, tc.fte, tc.cost, report.ContactWords, money); got != tc.want {
			t.Errorf("hireWords(%d, %v): %q, want %q", tc.people, tc.fte, got, tc.want)
		}
	}
}

// TestRunNoAHTUpFront: a history without handle times and no --aht is
// refused before the forecast runs (issue 12: it failed only after reading
// and forecasting).
func TestRunNoAHTUpFront(t *testing.T) {
	s := &forecast.Series{Start: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Interval: time.Hour, Arrivals: make([]float64, 24*7*8)}
	for i := range s.Arrivals {
		s.Arrivals[i] = 5
	}
	sh, err := roster.ParseShifts("shifts.yaml", []byte("templates:\n  - name: day\n    start: \"08:00\"\n    length: 8h\n    days_per_week: 5\n"))
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	_, err = Run(context.Background(), Input{Series: s, Source: "h.csv"}, Options{Horizon: 7 * 24 * time.Hour, Model: erlang.ModelC,
		Targets: erlang.Targets{ServiceLevel: 0.8, Within: 20}, SL: quantity.Target{Goal: 0.8, Within: 20 * time.Second},
		Templates: sh, HoursPerFTE: 37.5, Replications: 2, Confidence: 0.9, Log: &log})
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "--aht") {
		t.Fatalf("err %v, want an InputError asking for --aht", err)
	}
	if log.Len() > 0 {
		t.Errorf("stages ran before the refusal:\n%s", log.String())
	}
}
