package roster

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/gocarina/gocsv"

	"github.com/staffsim/staffsim/forecast/history"
)

// MaxAgents is the most agents (and scheduled agents) a requirements.csv
// may ask for in one interval. Far beyond any one desk, it keeps the
// solver's work bounded: at 2 000 000 (erlang.MaxAgents) a week's roster
// ran for over a minute without a word, at 100 000 it takes seconds.
const MaxAgents = 100_000

// Requirements is the content of a requirements.csv (DESIGN.md, "Interval
// CSVs"): per interval, the demand and the agents Erlang asks for.
type Requirements struct {
	Start     time.Time // first interval, in the location given to ReadRequirements
	Interval  time.Duration
	Arrivals  []float64 // contacts per interval
	AHT       []float64 // seconds; 0 where there are no arrivals
	Agents    []float64 // agents needed on the phones (before shrinkage)
	Scheduled []float64 // agents to schedule: Agents / (1 − shrinkage), rounded up

	// OffsetChange, when read without a location, names the first row
	// whose UTC offset differs from the first row's (a daylight-saving
	// change, e.g. "line 50: offset +00:00, the first row's +01:00"), or
	// is "". The fixed offset then puts shift times an hour off on one
	// side of the change: callers should ask for the desk's zone.
	OffsetChange string
}

// Shrinkage returns the shrinkage the requirement was computed with,
// 1 − Σ Agents / Σ Scheduled, or 0 when nothing is scheduled. It is what
// the simulator must apply to a roster that covers Scheduled.
func (r *Requirements) Shrinkage() float64 {
	a, s := 0.0, 0.0
	for i := range r.Agents {
		a += r.Agents[i]
		s += r.Scheduled[i]
	}
	if s <= 0 || a <= 0 || a >= s { // no agents: no evidence of shrinkage
		return 0
	}
	return 1 - a/s
}

// ReadRequirements reads a requirements.csv. The columns interval_start
// (RFC 3339), arrivals, aht_seconds, agents and scheduled_agents are
// required, in any order; others are ignored. An empty aht_seconds (an
// interval without contacts) reads as 0; agents and scheduled_agents
// above MaxAgents are refused. Intervals must be evenly
// spaced. Times are shown in loc (nil: the first row's offset).
func ReadRequirements(path string, loc *time.Location) (*Requirements, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("requirements: %w", err)
	}
	defer f.Close()
	return ParseRequirements(path, f, loc)
}

// ParseRequirements is ReadRequirements on a reader; name is used in errors.
func ParseRequirements(name string, rd io.Reader, loc *time.Location) (*Requirements, error) {
	br := bufio.NewReader(rd)
	head, _ := br.Peek(512)
	if why := history.NotText(head); why != "" {
		return nil, fmt.Errorf("%s: %s: give the requirements.csv written by \"staffsim requirements\"", name, why)
	}
	rows, err := csv.NewReader(br).ReadAll()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: line %d: %v", name, pe.Line, pe.Err)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty file: want a header interval_start,arrivals,aht_seconds,…,agents,scheduled_agents", name)
	}
	// The roster needs these columns; the others are ignored (blanked in
	// the header, so a hand-made file's extra cells are not parsed).
	need := []string{"interval_start", "arrivals", "aht_seconds", "agents", "scheduled_agents"}
	header := rows[0]
	col := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		header[i] = ""
		if slices.Contains(need, h) {
			header[i] = h
			col[h] = i
		}
	}
	for _, n := range need {
		if _, ok := col[n]; !ok {
			return nil, fmt.Errorf("%s: line 1: missing column %q (a requirements.csv from \"staffsim requirements\" has it)", name, n)
		}
	}
	var recs []RequirementRow
	if err := gocsv.UnmarshalDecoder(tableRows(rows), &recs); err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && pe.Column >= 1 && pe.Column <= len(header) {
			return nil, fmt.Errorf("%s: line %d: %s %v", name, pe.Line, header[pe.Column-1], pe.Err)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	r := &Requirements{}
	var prev time.Time
	fixed := false // loc is the first row's fixed offset
	for i, rec := range recs {
		line := i + 2
		t := rec.IntervalStart.Time
		if t.IsZero() {
			return nil, fmt.Errorf("%s: line %d: interval_start \"\" is not an RFC 3339 time such as 2026-12-07T09:00:00Z", name, line)
		}
		if loc == nil {
			_, off := t.Zone()
			loc = time.FixedZone(t.Format("-07:00"), off)
			fixed = true
		} else if _, off := t.Zone(); fixed && r.OffsetChange == "" && off != firstOff(loc) {
			r.OffsetChange = fmt.Sprintf("line %d: offset %s, the first row's %s", line, t.Format("-07:00"), loc.String())
		}
		t = t.In(loc)
		aht, _ := rec.AHTSeconds.Value() // empty: no contacts, no handle time
		vals := []float64{float64(rec.Arrivals), aht, float64(rec.Agents), float64(rec.ScheduledAgents)}
		for k, c := range need[1:] {
			v, cell := vals[k], strings.TrimSpace(rows[i+1][col[c]])
			if v < 0 {
				return nil, fmt.Errorf("%s: line %d: %s %q is not a number ≥ 0", name, line, c, cell)
			}
			if (c == "agents" || c == "scheduled_agents") && v > MaxAgents {
				// Beyond this the solver would grind for minutes without a word.
				return nil, fmt.Errorf("%s: line %d: %s %s is more than %d, the most a roster is built for in one interval: is the column right?", name, line, c, cell, MaxAgents)
			}
		}
		switch n := len(r.Arrivals); {
		case n == 0:
			r.Start = t
		case n == 1:
			r.Interval = t.Sub(prev)
			if r.Interval <= 0 || (24*time.Hour)%r.Interval != 0 {
				return nil, fmt.Errorf("%s: line %d: intervals %v apart: want 15m, 30m or 60m, in time order", name, line, r.Interval)
			}
		default:
			if d := t.Sub(prev); d != r.Interval {
				return nil, fmt.Errorf("%s: line %d: interval_start %s is %v after the previous row, want %v (a gap or a duplicate)", name, line, t.Format(time.RFC3339), d, r.Interval)
			}
		}
		prev = t
		r.Arrivals = append(r.Arrivals, vals[0])
		r.AHT = append(r.AHT, vals[1])
		r.Agents = append(r.Agents, vals[2])
		r.Scheduled = append(r.Scheduled, vals[3])
	}
	if len(r.Arrivals) == 0 {
		return nil, fmt.Errorf("%s: no intervals after the header", name)
	}
	if r.Interval == 0 {
		r.Interval = 30 * time.Minute // one row: take the default interval
	}
	return r, nil
}

// firstOff is the UTC offset in seconds of a fixed zone.
func firstOff(loc *time.Location) int {
	_, off := time.Time{}.In(loc).Zone()
	return off
}

// tableRows hands rows already read (header first) to gocsv.
type tableRows [][]string

func (t tableRows) GetCSVRows() ([][]string, error) { return t, nil }
