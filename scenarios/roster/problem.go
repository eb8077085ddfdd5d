package roster

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/staffsim/staffsim/sim"
)

// Break is a rest within a shift, at a fixed offset (After ≥ 0) from the
// shift start, Length > 0 long; while on a break an agent does not staff
// the desk, and an Unpaid break is not paid time. It is the simulator's
// break, so a roster is simulated and written with its breaks as they are.
type Break = sim.Break

// Template is a shift an agent may work: it starts at Start (wall clock,
// since local midnight) and lasts Length, on the working days of one of
// Weeks. Each Week is a separate column of the covering problem; an agent
// works the same shift on all working days of his Week.
type Template struct {
	Name     string
	Start    time.Duration // since local midnight, in [0, 24h)
	Length   time.Duration // in (0, 24h]
	Breaks   []Break
	Weeks    []Week // allowed working-day patterns; at least one
	PartTime bool   // counts towards Limits.PartTime
	// Min and Max bound the agents on this template, all of its Weeks
	// together. Max 0 means no bound.
	Min, Max int
}

// PaidPerShift returns the paid time of one occurrence of the shift: its
// length less its unpaid breaks (sim.PaidTime).
func (t *Template) PaidPerShift() time.Duration { return sim.PaidTime(t.Length, t.Breaks) }

// Shift returns agents agents working the template on the days of w, as
// the simulator takes them: the one conversion of a roster line into a
// shift, breaks (paid or not) included.
func (t *Template) Shift(w Week, agents int) sim.Shift {
	sh := sim.Shift{Name: ShiftName(t.Name, t.Start, w), Start: t.Start, Length: t.Length, Days: w.Days(), Agents: agents,
		Breaks: append([]Break(nil), t.Breaks...)}
	if w == EveryDay {
		sh.Days = nil
	}
	return sh
}

// Limits restrict the roster. The zero value restricts nothing.
type Limits struct {
	// Agents is the headcount available: the most agents the roster may
	// use (one agent works one column). 0 means no bound.
	Agents int
	// PartTime is the largest share of the roster's agents that may work
	// part-time templates, in [0, 1]. 0 means no bound (to forbid
	// part-time work, leave part-time templates out).
	PartTime float64
}

// Problem is a covering problem: a requirement per interval and the
// templates and limits the roster must use.
type Problem struct {
	Start     time.Time     // start of interval 0, in the desk's location
	Interval  time.Duration // length of every interval; divides 24h
	Required  []float64     // agents needed per interval, ≥ 0
	Templates []Template
	Limits    Limits
}

// Validate checks the problem's invariants and returns the first violation.
func (p *Problem) Validate() error {
	if p.Interval <= 0 || (24*time.Hour)%p.Interval != 0 {
		return fmt.Errorf("interval %v must be positive and divide 24h (15m, 30m and 60m do)", p.Interval)
	}
	if len(p.Required) == 0 {
		return errors.New("the requirement has no intervals")
	}
	for i, r := range p.Required {
		if math.IsNaN(r) || math.IsInf(r, 0) || r < 0 {
			return fmt.Errorf("interval %s: required agents %v must be a finite number ≥ 0",
				p.Start.Add(time.Duration(i)*p.Interval).Format(time.RFC3339), r)
		}
	}
	if len(p.Templates) == 0 {
		return errors.New("no shift templates: give at least one")
	}
	for k := range p.Templates {
		if err := p.Templates[k].validate(); err != nil {
			return fmt.Errorf("template %q: %w", p.Templates[k].Name, err)
		}
	}
	if p.Limits.Agents < 0 {
		return fmt.Errorf("limits: agents %d must be ≥ 0 (0: no limit)", p.Limits.Agents)
	}
	if !(p.Limits.PartTime >= 0 && p.Limits.PartTime <= 1) {
		return fmt.Errorf("limits: part-time share %v must lie in [0, 1]", p.Limits.PartTime)
	}
	return nil
}

func (t *Template) validate() error {
	switch {
	case t.Start < 0 || t.Start >= 24*time.Hour:
		return fmt.Errorf("start %v must lie in [00:00, 24:00)", t.Start)
	case t.Length <= 0 || t.Length > 24*time.Hour:
		return fmt.Errorf("length %v must lie in (0, 24h]", t.Length)
	case len(t.Weeks) == 0:
		return errors.New("no working-day pattern")
	case t.Min < 0 || t.Max < 0:
		return fmt.Errorf("min %d and max %d must be ≥ 0", t.Min, t.Max)
	case t.Max > 0 && t.Min > t.Max:
		return fmt.Errorf("min %d exceeds max %d", t.Min, t.Max)
	}
	for _, w := range t.Weeks {
		if w&EveryDay == 0 {
			return errors.New("a working-day pattern has no day")
		}
	}
	for i, b := range t.Breaks {
		if b.After < 0 || b.Length <= 0 || b.After+b.Length > t.Length {
			return fmt.Errorf("break %d (after %v, length %v) must lie inside the %v shift", i+1, b.After, b.Length, t.Length)
		}
		if i > 0 && b.After < t.Breaks[i-1].After+t.Breaks[i-1].Length {
			return fmt.Errorf("break %d (after %v) overlaps break %d: list breaks in order, apart", i+1, b.After, i)
		}
	}
	return nil
}

// Time returns the start of interval i.
func (p *Problem) Time(i int) time.Time { return p.Start.Add(time.Duration(i) * p.Interval) }

// SimShifts returns the roster's lines as the simulator's shifts
// (Template.Shift), in the roster's order.
func (r *Roster) SimShifts(p *Problem) []sim.Shift {
	out := make([]sim.Shift, 0, len(r.Shifts))
	for _, s := range r.Shifts {
		out = append(out, p.Templates[s.Template].Shift(s.Week, s.Agents))
	}
	return out
}
