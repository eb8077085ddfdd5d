package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/staffsim/staffsim/sim"
)

// ShiftRow is one line of a roster as the report's roster table shows it:
// Agents people working the shift Name from Start for Length on Days, with
// its breaks (paid or not).
type ShiftRow struct {
	Name   string
	Start  time.Duration  // wall clock since local midnight
	Length time.Duration  // including breaks
	Days   []time.Weekday // nil: every day
	Agents int
	Breaks []sim.Break
	// Contract is "full-time" or "part-time" when the roster was built
	// from shift templates (roster.Template.PartTime), "" when not known.
	Contract string
}

// PaidHours is one agent's paid hours a week on the shift: (length less
// unpaid breaks) × days worked a week (sim.PaidTime).
func (r ShiftRow) PaidHours() float64 {
	days := len(r.Days)
	if r.Days == nil {
		days = 7
	}
	return sim.PaidTime(r.Length, r.Breaks).Hours() * float64(days)
}

// Roster is the roster table of a report: the shifts, and what the page
// calls the people on them.
type Roster struct {
	// Title says which roster it is ("The recommended roster (scenario.yaml)").
	Title string
	Rows  []ShiftRow
	Words Words
}

// Contracts reports whether any row knows its contract (the column is
// shown only then).
func (r *Roster) Contracts() bool {
	for _, x := range r.Rows {
		if x.Contract != "" {
			return true
		}
	}
	return false
}

// Agents is the roster's headcount: the people on it.
func (r *Roster) Agents() int {
	n := 0
	for _, x := range r.Rows {
		n += x.Agents
	}
	return n
}

// People counts the roster's people by contract: full-time, part-time and
// not known.
func (r *Roster) People() (full, part, unknown int) {
	for _, x := range r.Rows {
		switch x.Contract {
		case "full-time":
			full += x.Agents
		case "part-time":
			part += x.Agents
		default:
			unknown += x.Agents
		}
	}
	return full, part, unknown
}

// clock writes a time of day as 07:30.
func clock(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

// lengthWords writes a shift or break length as 8 h 30 min, 15 min.
func lengthWords(d time.Duration) string { return Seconds(d.Seconds()) }

// daysWords writes working days as "every day", "Mon–Fri", "Sat, Sun".
func daysWords(days []time.Weekday) string {
	if days == nil || len(days) == 7 {
		return "every day"
	}
	var on [7]bool
	for _, d := range days {
		on[d] = true
	}
	// Runs in Monday-first order, so that Mon–Fri reads as one run.
	order := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
	var parts []string
	for i := 0; i < 7; {
		if !on[order[i]] {
			i++
			continue
		}
		j := i
		for j+1 < 7 && on[order[j+1]] {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, order[i].String()[:3]+"–"+order[j].String()[:3])
		case j == i+1:
			parts = append(parts, order[i].String()[:3], order[j].String()[:3])
		default:
			parts = append(parts, order[i].String()[:3])
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// breaksWords writes the breaks of a shift starting at start at their
// wall-clock times: "15 min at 09:00 (paid); 30 min at 11:00 (unpaid)",
// "none" without breaks.
func breaksWords(start time.Duration, bs []sim.Break) string {
	if len(bs) == 0 {
		return "none"
	}
	parts := make([]string, len(bs))
	for i, b := range bs {
		paid := "paid"
		if b.Unpaid {
			paid = "unpaid"
		}
		parts[i] = fmt.Sprintf("%s at %s (%s)", lengthWords(b.Length), clock((start+b.After)%(24*time.Hour)), paid)
	}
	return strings.Join(parts, "; ")
}

func init() {
	funcs["clock"] = clock
	funcs["length"] = lengthWords
	funcs["daysWords"] = daysWords
	funcs["breaks"] = breaksWords
	funcs["hoursv"] = func(x float64) string { return thousands(x, 1) + " h" }
	funcs["peopleWords"] = func(r *Roster) string { return PeopleWords(r) }
}

// PeopleWords splits a roster's people by contract: "30 full-time, 5
// part-time", "12 full-time" (no zero count); "" when no row knows its
// contract.
func PeopleWords(r *Roster) string {
	full, part, unknown := r.People()
	if full+part == 0 {
		return ""
	}
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{full, "full-time"}, {part, "part-time"}, {unknown, "contract not known"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	return strings.Join(parts, ", ")
}
