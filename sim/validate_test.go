package sim

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestValidate(t *testing.T) {
	t.Parallel()
	ok := func() Config { return lunchDesk() }
	tests := []struct {
		name  string
		edit  func(*Config)
		wants []string
	}{
		{"no horizon", func(c *Config) { c.Horizon = 0 }, []string{"horizon: 0s must be positive"}},
		{"odd warmup", func(c *Config) { c.Warmup = 10 * time.Minute }, []string{"warmup: 10m0s must be a multiple of the interval 30m0s"}},
		{"shrinkage 30", func(c *Config) { c.Shrinkage = 30 }, []string{"shrinkage: 30 must be in [0, 1)"}},
		{"no queues", func(c *Config) { c.Queues = nil; c.Shifts[0].Skills = nil }, []string{"queues: at least one queue is needed"}},
		{"no handle time", func(c *Config) { c.Queues[0].HandleTime = Dist{} }, []string{`queue "phone": handle time: a handle-time distribution is required`}},
		{"zero mean", func(c *Config) { c.Queues[0].HandleTime = LogNormal(0, 1) }, []string{`queue "phone": handle time: lognormal: mean 0s must be positive`}},
		{"bad cv", func(c *Config) { c.Queues[0].HandleTime = Gamma(time.Minute, 0) }, []string{`queue "phone": handle time: gamma: cv 0 must be a number in (0, 100]`}},
		{"empty empirical", func(c *Config) { c.Queues[0].Patience = Empirical(nil) }, []string{`queue "phone": patience: empirical: needs at least one sample`}},
		{"negative sample", func(c *Config) { c.Queues[0].HandleTime = Empirical([]time.Duration{time.Minute, -time.Second}) }, []string{`sample 2 is -1s`}},
		{"two demands", func(c *Config) { c.Queues[0].Arrivals.PerHour = 5 }, []string{`queue "phone": arrivals: set exactly one of`}},
		{"short counts", func(c *Config) { c.Horizon = 48 * time.Hour }, []string{`48 counts of 30m0s from 2026-12-07T00:00:00Z end before the horizon does (2026-12-09T00:00:00Z)`}},
		{"late counts", func(c *Config) { c.Queues[0].Arrivals.CountsStart = testStart.Add(time.Hour) }, []string{`the counts start at 2026-12-07T01:00:00Z, after the simulation starts`}},
		{"negative count", func(c *Config) { c.Queues[0].Arrivals.Counts[3] = -1 }, []string{`count 4 is -1`}},
		{"negative rate", func(c *Config) { c.Queues[0].Arrivals = Arrivals{PerHour: -3} }, []string{`rate -3 per hour must be a number ≥ 0`}},
		{"duplicate queue", func(c *Config) { c.Queues = append(c.Queues, c.Queues[0]) }, []string{`queue "phone": name: the name is used by another queue`}},
		{"sla goal 80", func(c *Config) { c.Queues[0].SLAGoal = 80 }, []string{`queue "phone": sla goal: 80 must be in [0, 1]`}},
		{"unknown skill", func(c *Config) { c.Shifts[0].Skills = []string{"chat"} }, []string{`shift "day": skills: no queue is named "chat"`}},
		{"shift at 25h", func(c *Config) { c.Shifts[0].Start = 25 * time.Hour }, []string{`shift "day": start: 25h0m0s must be a time of day`}},
		{"no length", func(c *Config) { c.Shifts[0].Length = 0 }, []string{`shift "day": length: 0s must be positive`}},
		{"break outside", func(c *Config) { c.Shifts[0].Breaks[0].After = 9 * time.Hour }, []string{`shift "day": breaks: break 1 (after 9h0m0s, length 30m0s) must`}},
		{"overlapping breaks", func(c *Config) {
			c.Shifts[0].Breaks = append(c.Shifts[0].Breaks, Break{After: 4*time.Hour + 10*time.Minute, Length: time.Minute})
		}, []string{`break 2 (after 4h10m0s`}},
		{"bad weekday", func(c *Config) { c.Shifts[0].Days = []time.Weekday{9} }, []string{`shift "day": days: 9 is not a weekday`}},
		{"always with start", func(c *Config) { c.Shifts[0].Always = true }, []string{`shift "day": always: an always-on shift has no start time or days`}},
		{"several at once", func(c *Config) { c.Horizon = -1; c.Shifts[0].Agents = -2 }, []string{"horizon", `shift "day": agents: -2`}},
	}
	if err := ok().Validate(); err != nil {
		t.Fatalf("valid config: %v", err)
	}
	for _, tt := range tests {
		cfg := ok()
		tt.edit(&cfg)
		err := cfg.Validate()
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		for _, w := range tt.wants {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not contain %q", tt.name, err, w)
			}
		}
		var fe *FieldError
		if !errors.As(err, &fe) {
			t.Errorf("%s: error %v is not a *FieldError", tt.name, err)
		}
	}
	// Run refuses an invalid config with the same error.
	cfg := ok()
	cfg.Horizon = 0
	if _, err := Run(t.Context(), cfg); err == nil || !strings.Contains(err.Error(), "horizon") {
		t.Errorf("Run with an invalid config: err = %v", err)
	}
}

// TestRosterTooLarge: 200 shifts of 100,000 agents (20 million) ran out of
// memory mid-run; it is refused up front with the figure.
func TestRosterTooLarge(t *testing.T) {
	t.Parallel()
	cfg := Config{Start: testStart, Horizon: time.Hour,
		Queues: []Queue{{Name: "q", Arrivals: Arrivals{PerHour: 10}, HandleTime: Exponential(time.Minute)}}}
	for i := range 200 {
		cfg.Shifts = append(cfg.Shifts, Shift{Name: fmt.Sprint("s", i), Length: time.Hour, Agents: 100_000})
	}
	err := cfg.Validate()
	if err == nil || !strings.Contains(err.Error(), "20000000 agents in all, more than the 1000000") || !strings.Contains(err.Error(), "GB per worker") {
		t.Errorf("got %v; want a refusal naming 20000000 agents and the memory", err)
	}
}
