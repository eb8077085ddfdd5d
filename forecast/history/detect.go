package history

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// headerTest returns the test openCSV uses to find a header below a
// preamble: a line naming a creation-time or interval-start column, a
// column mapped with opt.Columns, or opt.IDColumn.
func headerTest(opt *Options) func([]string) bool {
	names := map[string]bool{}
	for _, f := range []string{FieldCreatedAt, FieldIntervalStart} {
		for _, a := range aliases[f] {
			names[a] = true
		}
	}
	for _, v := range opt.Columns {
		names[normName(v)] = true
		for _, part := range strings.Split(v, "+") {
			if _, pos := columnNumber(strings.TrimSpace(part)); !pos && !looksLiteral(strings.TrimSpace(part)) {
				names[normName(part)] = true
			}
		}
	}
	if opt.IDColumn != "" {
		names[normName(opt.IDColumn)] = true
	}
	return func(rec []string) bool {
		for _, h := range rec {
			if names[normName(h)] {
				return true
			}
		}
		return false
	}
}

// timeColumns returns the time fields of the shape that the file has.
func (rd *Reader) timeColumns() []*column {
	var out []*column
	for _, c := range []*column{rd.created, rd.firstResp, rd.resolved, rd.start} {
		if c != nil {
			out = append(out, c)
		}
	}
	return out
}

// giveUp is how many values of a time column that parse in no layout
// detection reads, when none has parsed yet, before it counts the column
// out (a column of minutes named "Resolution time").
const giveUp = 100

// member is a column detection weighs for a time field: the field's column
// or one of its alternates.
type member struct {
	col *column
	det *layoutDetector
}

// settled reports whether detection can stop for a field's members: the
// first member not counted out has settled its layout (or all are out).
func settled(ms []member) bool {
	for _, m := range ms {
		if m.det.done() {
			return true
		}
		if !m.det.hopeless() {
			return false
		}
	}
	return true
}

// detect settles the layout of each time column (the first pass) and, for
// volumes, the spacing of the intervals. A time field named by more than
// one column (alternates) reads from the first whose values are times; an
// optional time field whose column holds no time is left out, with a note.
func (rd *Reader) detect(c *csvFile) error {
	tcs := rd.timeColumns()
	groups := make([][]member, len(tcs))
	for i, tc := range tcs {
		for _, col := range append([]*column{tc}, tc.alts...) {
			groups[i] = append(groups[i], member{col, newLayoutDetector()})
		}
	}
	if rd.opt.TimeFormat != "" {
		for _, tc := range tcs {
			rd.layouts[tc.field], tc.layout = rd.opt.TimeFormat, rd.opt.TimeFormat
		}
	}
	var starts []string // first values of interval_start, to find the spacing
	const maxStarts = 500
	// A ticket id that repeats hints at an event log read without --id-column.
	hint, ids := -1, map[string]bool{}
	good, bad := 0, (*Reject)(nil) // rows seen whole, and the first malformed
	if rd.shape == ShapeTickets && rd.idx < 0 {
		hint = findHeaderAny(rd.header, "number", "ticketid", "id", "caseid", "incidentid", "issuekey", "key")
	}
	for {
		done := rd.opt.TimeFormat != ""
		if !done {
			done = true
			for _, g := range groups {
				done = done && settled(g)
			}
		}
		if good > 0 && done && (rd.start == nil || len(starts) >= maxStarts) && (hint < 0 || len(ids) >= 1000) {
			break
		}
		if good > 0 && rd.src.over() {
			if !done {
				rd.rep.Notes = append(rd.rep.Notes, fmt.Sprintf("%s cannot seek, so only its first %d MiB were read to settle the time layouts: a time column still empty or ambiguous there is settled on them (give --time-format if later rows are rejected)",
					rd.rep.File, replayLimit>>20))
			}
			break
		}
		rec, _, rej, err := c.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if rej != nil {
			if bad == nil {
				bad = rej
			}
			continue
		}
		good++
		if good == 1 {
			rd.dateAndClock(rec)
		}
		if !done {
			for _, g := range groups {
				for _, m := range g {
					m.det.add(m.col.value(rec))
				}
			}
		}
		if rd.start != nil && len(starts) < maxStarts {
			starts = append(starts, strings.Clone(rd.start.value(rec)))
		}
		if hint >= 0 && len(ids) < 1000 {
			v := strings.TrimSpace(rec[hint])
			if ids[v] && v != "" {
				rd.rep.Notes = append(rd.rep.Notes, fmt.Sprintf("column %q repeats ticket ids (%q): if the file is an event log (one row per update), add --id-column %s to count each ticket once", rd.header[hint], v, rd.header[hint]))
				hint = -1
				continue
			}
			ids[strings.Clone(v)] = true
		}
	}
	if good == 0 {
		if bad != nil {
			return &FileError{File: rd.rep.File, Msg: "no usable row: every row is malformed; the first: " + bad.String()}
		}
		return &FileError{File: rd.rep.File, Msg: "has a header but no rows"}
	}
	if rd.opt.TimeFormat == "" {
		// Settle day/month order across columns: one file, one convention.
		order := 0
		for _, g := range groups {
			for _, m := range g {
				if l, ok, _ := m.det.choose(0); ok && dayOrder(l) != 0 {
					order = dayOrder(l)
				}
			}
		}
		for i, tc := range tcs {
			var chosen *column
			var firstErr error
			for _, m := range groups[i] {
				l, ok, err := m.det.choose(order)
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("column %q: %v", m.col.header, err)
				}
				if ok && (m.det.mostlyTimes() || tc == rd.created || tc == rd.start) {
					chosen, m.col.layout = m.col, l
					break
				}
			}
			if chosen == nil && firstErr != nil {
				return &FileError{File: rd.rep.File, Msg: firstErr.Error()}
			}
			if chosen == nil {
				if tc == rd.created || tc == rd.start {
					return &FileError{File: rd.rep.File, Msg: fmt.Sprintf("column %q: no value is a timestamp in a known layout (RFC 3339, 2006-01-02 15:04:05, 02-01-2006 15:04, 01/02/2006 3:04 PM, …): "+
						"give the layout with --time-format (Go layout, e.g. --time-format '02.01.2006 15:04'), or map another column with --column %s=NAME", tc.header, tc.field)}
				}
				if _, mapped := rd.opt.Columns[tc.field]; !mapped && groups[i][0].det.miss > 0 {
					// A column named like a time that holds none (minutes,
					// text): leave it out rather than drop every value.
					rd.rep.Notes = append(rd.rep.Notes, fmt.Sprintf("column %q is named like %s but its values are not times (e.g. a duration): it is not read; map a time column with --column %s=NAME",
						tc.header, tc.field, tc.field))
					rd.setColumn(tc.field, nil)
				}
				continue // an optional time column with no usable value
			}
			if chosen != tc {
				rd.rep.Notes = append(rd.rep.Notes, fmt.Sprintf("%s is read from column %q: column %q, also named like it, holds no times", tc.field, chosen.header, tc.header))
				rd.setColumn(tc.field, chosen)
			}
			rd.layouts[tc.field] = chosen.layout
		}
	}
	rd.rep.Layouts = rd.layouts
	if rd.shape == ShapeVolumes {
		rd.rep.Interval = spacing(starts, rd.layouts[FieldIntervalStart], rd.loc)
		rd.rep.IntervalSeconds = rd.rep.Interval.Seconds()
	}
	return nil
}

// dateColumns are the names of a date column beside a clock-only interval
// column (phone systems' interval reports: Date, Interval 08:00-08:30).
var dateColumns = []string{"date", "day", "reportdate", "calldate", "intervaldate", "perioddate"}

// dateAndClock reads the interval start from a date column and a clock
// column when the interval column found by its name holds only a clock
// time or a range of them ("08:00-08:30") and a date column sits beside
// it: as if mapped --column interval_start=DATE+INTERVAL. rec is the first
// row.
func (rd *Reader) dateAndClock(rec []string) {
	c := rd.start
	if c == nil || c.split || c.idx < 0 || rd.opt.Columns[FieldIntervalStart] != "" {
		return
	}
	v := strings.TrimSpace(c.value(rec))
	if start, ok := rangeStart(v); ok {
		v = start
	}
	if !isClock(v) {
		return
	}
	d := findHeaderAny(rd.header, dateColumns...)
	if d < 0 || d == c.idx {
		return
	}
	c.idx2, c.split = c.idx, true
	c.idx, c.lit2 = d, ""
	c.header = rd.header[d] + "+" + rd.header[c.idx2]
	rd.rep.Columns[FieldIntervalStart] = c.header
	rd.rep.Notes = append(rd.rep.Notes, fmt.Sprintf("interval_start is the date of column %q and the clock time of column %q", rd.header[d], rd.header[c.idx2]))
}

// findHeaderAny returns the first column whose normalised name is one of names.
func findHeaderAny(header []string, names ...string) int {
	for _, n := range names {
		for i, h := range header {
			if normName(h) == n {
				return i
			}
		}
	}
	return -1
}

// spacing returns the smallest positive gap between consecutive interval
// starts, or 0 when there are fewer than two.
func spacing(starts []string, layout string, loc *time.Location) time.Duration {
	var prev time.Time
	var best time.Duration
	for _, s := range starts {
		t, err := parseValue(layout, s, loc)
		if err != nil {
			continue
		}
		if !prev.IsZero() {
			if d := t.Sub(prev); d > 0 && (best == 0 || d < best) {
				best = d
			}
		}
		prev = t
	}
	return best
}
