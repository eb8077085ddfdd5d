package staffing

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/gocarina/gocsv"

	"github.com/staffsim/staffsim/internal/csvfield"
)

// MaxAgents is the most agents one interval of a staffing file may hold:
// far beyond any one desk, it catches a wrong column (a count of calls,
// an agent id) before a queueing formula grinds on it.
const MaxAgents = 100_000

// Curve is the staffing of one queue: Agents[i] agents, on average, in
// the interval [Start + i·Interval, Start + (i+1)·Interval).
type Curve struct {
	Queue    string // "" when the file has no queue column
	Start    time.Time
	Interval time.Duration
	Agents   []float64
}

// End returns the end of the last interval.
func (c *Curve) End() time.Time { return c.Start.Add(time.Duration(len(c.Agents)) * c.Interval) }

// Mean returns the time-average number of agents over [from, to): the
// step function Agents integrated over the window and divided by its
// length. It is how a curve in 15-minute intervals staffs a 30-minute
// forecast, or a 60-minute curve a 15-minute one. The window must lie in
// the curve; otherwise ok is false.
func (c *Curve) Mean(from, to time.Time) (mean float64, ok bool) {
	if !to.After(from) || from.Before(c.Start) || to.After(c.End()) {
		return 0, false
	}
	var area float64 // agent-nanoseconds
	for t := from; t.Before(to); {
		i := int(t.Sub(c.Start) / c.Interval)
		end := c.Start.Add(time.Duration(i+1) * c.Interval)
		if end.After(to) {
			end = to
		}
		area += c.Agents[i] * float64(end.Sub(t))
		t = end
	}
	return area / float64(to.Sub(from)), true
}

// AgentHours returns Σ Agents × interval length, in hours.
func (c *Curve) AgentHours() float64 {
	var s float64
	for _, a := range c.Agents {
		s += a
	}
	return s * c.Interval.Hours()
}

// Row is one row of a staffing file; the struct tags are its columns.
type Row struct {
	IntervalStart csvfield.Time  `csv:"interval_start" json:"interval_start"`
	Agents        csvfield.Float `csv:"agents" json:"agents"`
	Queue         string         `csv:"queue" json:"queue,omitempty"`
}

// rowNoQueue is a Row of a file without a queue column.
type rowNoQueue struct {
	IntervalStart csvfield.Time  `csv:"interval_start"`
	Agents        csvfield.Float `csv:"agents"`
}

// ReadFile reads the staffing file at path (its name in errors) as Read does.
func ReadFile(path string, loc *time.Location) ([]*Curve, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("staffing: %w", err)
	}
	defer f.Close()
	return Read(path, f, loc)
}

// Read reads a staffing file (name is used in errors): a header with
// interval_start and agents, and optionally queue, in any order (other
// columns are ignored), then one row per interval and queue. It returns
// one Curve per queue, in the order the queues first appear. Each
// queue's rows must be in time order, evenly spaced by 15m, 30m or 60m
// (any whole number of minutes that divides a day), without gaps or
// duplicates; agents must be a number from 0 to MaxAgents. Times are
// shown in loc (nil: as written).
func Read(name string, r io.Reader, loc *time.Location) ([]*Curve, error) {
	rows, err := csv.NewReader(bufio.NewReader(r)).ReadAll()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: line %d: %v", name, pe.Line, pe.Err)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty file: want a header interval_start,agents[,queue]", name)
	}
	header := rows[0]
	known := []string{"interval_start", "agents", "queue"}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		header[i] = ""
		if slices.Contains(known, h) {
			header[i] = h
			col[h] = i
		}
	}
	for _, n := range known[:2] {
		if _, ok := col[n]; !ok {
			return nil, fmt.Errorf("%s: line 1: missing column %q: a staffing file is interval_start,agents[,queue], e.g. 2026-12-07T09:00:00Z,12.5", name, n)
		}
	}
	var recs []Row
	if _, hasQueue := col["queue"]; hasQueue {
		err = gocsv.UnmarshalDecoder(table(rows), &recs)
	} else {
		var nq []rowNoQueue
		err = gocsv.UnmarshalDecoder(table(rows), &nq)
		recs = make([]Row, len(nq))
		for i, x := range nq {
			recs[i] = Row{IntervalStart: x.IntervalStart, Agents: x.Agents}
		}
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) && pe.Column >= 1 && pe.Column <= len(header) {
			return nil, fmt.Errorf("%s: line %d: %s %v", name, pe.Line, header[pe.Column-1], pe.Err)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var curves []*Curve
	byQueue := map[string]*Curve{}
	prev := map[string]time.Time{}
	for i, rec := range recs {
		line := i + 2
		t := rec.IntervalStart.Time
		if t.IsZero() {
			return nil, fmt.Errorf("%s: line %d: interval_start \"\" is not an RFC 3339 time such as 2026-12-07T09:00:00Z", name, line)
		}
		if loc != nil {
			t = t.In(loc)
		}
		a := float64(rec.Agents)
		if a < 0 || a > MaxAgents || math.IsNaN(a) {
			return nil, fmt.Errorf("%s: line %d: agents %v must be from 0 to %d (a time-average of the agents present)", name, line, a, MaxAgents)
		}
		q := strings.TrimSpace(rec.Queue)
		c := byQueue[q]
		if c == nil {
			c = &Curve{Queue: q, Start: t}
			byQueue[q] = c
			curves = append(curves, c)
		} else {
			d := t.Sub(prev[q])
			switch {
			case c.Interval == 0:
				if d <= 0 || d%time.Minute != 0 || (24*time.Hour)%d != 0 {
					return nil, fmt.Errorf("%s: line %d: interval_start %s is %v after the previous row%s: want rows 15m, 30m or 60m apart, in time order",
						name, line, t.Format(time.RFC3339), d, queueNote(q))
				}
				c.Interval = d
			case d != c.Interval:
				return nil, fmt.Errorf("%s: line %d: interval_start %s is %v after the previous row%s, want %v (a gap or a duplicate: write 0 agents for an interval nobody staffed)",
					name, line, t.Format(time.RFC3339), d, queueNote(q), c.Interval)
			}
		}
		prev[q] = t
		c.Agents = append(c.Agents, a)
	}
	if len(curves) == 0 {
		return nil, fmt.Errorf("%s: no intervals after the header", name)
	}
	for _, c := range curves {
		if c.Interval == 0 {
			c.Interval = 30 * time.Minute // one row: the default interval
		}
	}
	return curves, nil
}

func queueNote(q string) string {
	if q == "" {
		return ""
	}
	return fmt.Sprintf(" of queue %q", q)
}

// Rows returns the rows of c, for writing or JSON.
func (c *Curve) Rows() []Row {
	out := make([]Row, len(c.Agents))
	for i, a := range c.Agents {
		out[i] = Row{IntervalStart: csvfield.At(c.Start.Add(time.Duration(i) * c.Interval)), Agents: csvfield.Float(a), Queue: c.Queue}
	}
	return out
}

// Write writes curves as a staffing file: interval_start,agents, and a
// queue column when any curve names a queue.
func Write(w io.Writer, curves ...*Curve) error {
	var rows []Row
	queue := false
	for _, c := range curves {
		rows = append(rows, c.Rows()...)
		queue = queue || c.Queue != ""
	}
	var err error
	if queue {
		err = gocsv.Marshal(rows, w)
	} else {
		nq := make([]rowNoQueue, len(rows))
		for i, r := range rows {
			nq[i] = rowNoQueue{r.IntervalStart, r.Agents}
		}
		err = gocsv.Marshal(nq, w)
	}
	if err != nil {
		return fmt.Errorf("write staffing CSV: %w", err)
	}
	return nil
}

// table hands rows already read (header first) to gocsv.
type table [][]string

func (t table) GetCSVRows() ([][]string, error) { return t, nil }
