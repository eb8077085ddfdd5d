package scenarios

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzScenario checks that Parse never panics, that every failure is an
// Errors of located *Error values, and that parse → write → parse is the
// identity for whatever parses.
func FuzzScenario(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	broken, _ := filepath.Glob(filepath.Join("testdata", "broken", "*.yaml"))
	for _, p := range append(seeds, broken...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Add([]byte("start: 2026-12-07\nqueues: &q [{name: x, arrivals: {rate: 1/h}, handle_time: {mean: 1m}, sla: 80/20s}]\nroster: {shifts: [{name: d, start: '00:00', length: 24h, agents: 1}]}\n"))
	// Merge keys (and one that loops), a second document, scale 0, a
	// history's column mapping.
	f.Add([]byte("start: 2026-12-07\nqueues: [&q {name: x, arrivals: {rate: 1/h}, handle_time: {mean: 1m}, sla: 80/20s}, {<<: *q, name: y}]\nroster: {shifts: [{name: d, start: '00:00', length: 24h, agents: 1}]}\n"))
	f.Add([]byte("start: 2026-12-07\nqueues: [&q {<<: *q, name: x}]\n"))
	f.Add([]byte("start: 2026-12-07\n---\nstart: 2026-12-08\n"))
	f.Add([]byte(strings.Replace(minimal, "%s", "{rate: 60/h, scale: 0}", 1)))
	f.Add([]byte(strings.Replace(minimal, "%s", "{history: good.yaml, columns: {created_at: Opened, resolved_at: date+time}}", 1)))
	// A ticket desk without queues, with defaults a priority overrides,
	// 24×7 and office targets, and an escalation to a tier without a
	// touch time.
	tickets := "start: 2026-12-07\ncalendars: {office: {hours: {mon-fri: '09:00-17:00'}}}\n" +
		"tickets: {tiers: [L1, L2], defaults: {touch_time: {L1: {mean: 20m}}, escalate: {L1: 30%%}, calendar: office}, " +
		"priorities: [{name: P1, arrivals: {rate: 1/h}, touch_time: {L2: {mean: 1h}}, preempt: true, calendar: none, response: 95/15m, resolution: {target: 4h, goal: 90%%, calendar: office}}, " +
		"{name: P2, arrivals: {rate: 2/h}, escalate: {L1: %s}, pending: {probability: 10%%, time: {mean: 4h}}, reopen: {probability: 5%%, delay: {mean: 1d}}, resolution: 90/8h}]}\n" +
		"roster: {shifts: [{name: d, start: '08:00', length: 9h, agents: 3, skills: [L1, L2]}]}\n"
	f.Add([]byte(fmt.Sprintf(tickets, "0")))
	f.Add([]byte(fmt.Sprintf(tickets, "40%")))
	f.Add([]byte("{}"))
	f.Add([]byte("- [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.yaml", data, "testdata")
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %T %v is not a non-empty Errors", err, err)
			}
			return
		}
		roundTrip(t, "fuzz", s)
	})
}
