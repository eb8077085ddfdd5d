package forecast

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Ticket is one ticket or call of a history. Times are in the desk's time
// zone (ReadOptions.Location); a zero FirstResponse or Resolved is unknown.
type Ticket struct {
	Created       time.Time
	FirstResponse time.Time
	Resolved      time.Time
	// HandleSeconds is the handle (work) time in seconds when HasHandle.
	// A recorded 0 counts as unknown: exports write 0 for calls that
	// never reached an agent.
	HandleSeconds float64
	HasHandle     bool
	Priority      string
	Channel       string
	Category      string
}

// Volume is one row of an interval-volumes file (or of forecast.csv).
type Volume struct {
	Start      time.Time // in the desk's time zone
	Arrivals   float64   // contacts in the interval, ≥ 0 (fractional in a forecast)
	AHTSeconds float64   // mean handle time of the interval in seconds, when HasAHT
	HasAHT     bool
}

// Sink receives the records of a history as Read delivers them. The
// pointers are only valid during the call.
type Sink interface {
	Ticket(t *Ticket)
	Volume(v *Volume)
}

// Read streams the history file at path into sink and reports what it
// read. Tickets and volumes are delivered one at a time, so memory does not
// grow with the number of rows (except with IDColumn: an event log keeps
// one small record per distinct ticket until the end of the file).
//
// The file is read twice: a first pass settles each time column's layout
// (it stops as soon as every column has one layout left, usually after a
// row; a file whose dates never show a day above 12 is read to the end
// before it is refused as ambiguous) and the second pass reads the rows.
//
// Errors: *OptionError when the options do not fit the file (a mapped
// column that is absent), *FileError when the file cannot be read as
// history, *RowError for the first bad row when opt.Strict.
func Read(path string, opt ReadOptions, sink Sink) (*Report, error) {
	rd, err := newReader(path, opt)
	if err != nil {
		return nil, err
	}
	if err := rd.run(sink); err != nil {
		return nil, err
	}
	return rd.rep, nil
}

// reader is one Read in progress.
type reader struct {
	opt     ReadOptions
	loc     *time.Location
	now     time.Time
	shape   Shape
	header  []string
	cols    map[string]*column
	layouts map[string]string
	rep     *Report

	// the columns of the shape, nil when absent
	created, firstResp, resolved, handle, priority, channel, category *column
	start, arrivals, aht                                              *column
	idx                                                               int // id column for event logs, −1 if none

	prevStart time.Time
	events    map[string]*event
}

func newReader(path string, opt ReadOptions) (*reader, error) {
	c, err := openCSV(path)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	rd := &reader{opt: opt, loc: opt.location(), now: opt.now(), header: c.header, idx: -1, layouts: map[string]string{}}
	rd.rep = &Report{File: path, Columns: map[string]string{}, Layouts: map[string]string{},
		Delimiter: string(c.delim), Location: rd.loc.String(), maxRejects: opt.maxRejects()}
	rd.shape = opt.Shape
	if rd.shape == ShapeAuto {
		rd.shape = ShapeTickets
		vc, err := resolveColumns(path, c.header, ShapeVolumes, &opt)
		if err == nil && vc[FieldIntervalStart] != nil && vc[FieldArrivals] != nil {
			rd.shape = ShapeVolumes
		}
	}
	rd.rep.Shape = rd.shape.String()
	if rd.cols, err = resolveColumns(path, c.header, rd.shape, &opt); err != nil {
		return nil, err
	}
	for f, col := range rd.cols {
		rd.rep.Columns[f] = col.header
	}
	cl := rd.cols
	rd.created, rd.firstResp, rd.resolved, rd.handle = cl[FieldCreatedAt], cl[FieldFirstResponseAt], cl[FieldResolvedAt], cl[FieldHandleSeconds]
	rd.priority, rd.channel, rd.category = cl[FieldPriority], cl[FieldChannel], cl[FieldCategory]
	rd.start, rd.arrivals, rd.aht = cl[FieldIntervalStart], cl[FieldArrivals], cl[FieldAHTSeconds]
	cols := strings.Join(c.header, ", ")
	switch rd.shape {
	case ShapeTickets:
		if rd.created == nil {
			for _, h := range c.header {
				d := newLayoutDetector()
				if d.add(h); d.n > 0 {
					return nil, &FileError{File: path, Line: 1, Msg: fmt.Sprintf("the first line looks like data (%q is a time), not a header: add a header line naming the columns, e.g. created_at,priority", h)}
				}
			}
			return nil, &FileError{File: path, Msg: fmt.Sprintf("no creation-time column: none of the columns (%s) is a known name such as created_at, opened_at, Created or timestamp; "+
				"name it with --column created_at=NAME (or --column created_at=DATE+TIME for a date and a time column)", cols)}
		}
	case ShapeVolumes:
		if rd.start == nil || rd.arrivals == nil {
			return nil, &FileError{File: path, Msg: fmt.Sprintf("volumes need an interval_start and an arrivals column; the header has %s: "+
				"name them with --column interval_start=NAME --column arrivals=NAME", cols)}
		}
	}
	if opt.IDColumn != "" {
		if rd.shape != ShapeTickets {
			return nil, &OptionError{fmt.Sprintf("%s: --id-column applies to tickets (event logs), but this file is %s", path, rd.shape)}
		}
		if rd.idx = findHeader(c.header, opt.IDColumn); rd.idx < 0 {
			return nil, &OptionError{fmt.Sprintf("%s: --id-column %s: no such column in the header (columns: %s)", path, opt.IDColumn, cols)}
		}
		rd.rep.IDColumn = c.header[rd.idx]
		rd.events = map[string]*event{}
	}
	if err := rd.detect(c); err != nil {
		return nil, err
	}
	return rd, nil
}

// timeColumns returns the time fields of the shape that the file has.
func (rd *reader) timeColumns() []*column {
	var out []*column
	for _, c := range []*column{rd.created, rd.firstResp, rd.resolved, rd.start} {
		if c != nil {
			out = append(out, c)
		}
	}
	return out
}

// detect settles the layout of each time column (the first pass) and, for
// volumes, the spacing of the intervals.
func (rd *reader) detect(c *csvFile) error {
	tcs := rd.timeColumns()
	if rd.opt.TimeFormat != "" {
		for _, tc := range tcs {
			rd.layouts[tc.field] = rd.opt.TimeFormat
		}
	}
	dets := make([]*layoutDetector, len(tcs))
	for i := range dets {
		dets[i] = newLayoutDetector()
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
		settled := rd.opt.TimeFormat != ""
		if !settled {
			settled = true
			for _, d := range dets {
				settled = settled && d.done()
			}
		}
		if settled && (rd.start == nil || len(starts) >= maxStarts) && (hint < 0 || len(ids) >= 1000) {
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
		if !settled {
			for i, tc := range tcs {
				dets[i].add(tc.value(rec))
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
		for i := range tcs {
			if l, ok, _ := dets[i].choose(0); ok && dayOrder(l) != 0 {
				order = dayOrder(l)
			}
		}
		for i, tc := range tcs {
			l, ok, err := dets[i].choose(order)
			if err != nil {
				return &FileError{File: rd.rep.File, Msg: fmt.Sprintf("column %q: %v", tc.header, err)}
			}
			if !ok {
				if tc == rd.created || tc == rd.start {
					return &FileError{File: rd.rep.File, Msg: fmt.Sprintf("column %q: no value is a timestamp in a known layout (RFC 3339, 2006-01-02 15:04:05, 02-01-2006 15:04, 01/02/2006 3:04 PM, …): "+
						"give the layout with --time-format (Go layout, e.g. --time-format '02.01.2006 15:04'), or map another column with --column %s=NAME", tc.header, tc.field)}
				}
				continue // an optional time column with no usable value
			}
			rd.layouts[tc.field] = l
		}
	}
	rd.rep.Layouts = rd.layouts
	if rd.shape == ShapeVolumes {
		rd.rep.Interval = spacing(starts, rd.layouts[FieldIntervalStart], rd.loc)
	}
	return nil
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
		t, err := parseTime(layout, s, loc)
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

// run is the second pass: it reads every row into sink.
func (rd *reader) run(sink Sink) error {
	c, err := openCSV(rd.rep.File)
	if err != nil {
		return err
	}
	defer c.Close()
	var tk Ticket
	var vol Volume
	for {
		rec, line, rej, err := c.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		rd.rep.Rows++
		if rej == nil {
			switch {
			case rd.shape == ShapeVolumes:
				if rej = rd.volumeRow(rec, line, &vol); rej == nil {
					rd.rep.see(vol.Start)
					sink.Volume(&vol)
				}
			case rd.events != nil:
				rej = rd.eventRow(rec, line)
			default:
				if rej = rd.ticketRow(rec, line, &tk); rej == nil {
					if rej = rd.check(&tk, line); rej == nil {
						rd.rep.see(tk.Created)
						sink.Ticket(&tk)
					}
				}
			}
		}
		if rej != nil {
			if rd.opt.Strict {
				return &RowError{*rej}
			}
			rd.rep.reject(*rej)
		}
	}
	if rd.events != nil {
		if err := rd.flushEvents(sink); err != nil {
			return err
		}
	}
	if rd.rep.Records == 0 {
		if rd.rep.Rows == 0 {
			return &FileError{File: rd.rep.File, Msg: "has a header but no rows"}
		}
		msg := fmt.Sprintf("no usable row: all %d rows were rejected", rd.rep.Rows)
		if len(rd.rep.Rejects) > 0 {
			msg += "; the first: " + rd.rep.Rejects[0].String()
		}
		return &FileError{File: rd.rep.File, Msg: msg}
	}
	return nil
}

func (rd *reader) reject(line int, c *column, format string, args ...any) *Reject {
	r := &Reject{File: rd.rep.File, Line: line, Reason: fmt.Sprintf(format, args...)}
	if c != nil {
		r.Column = c.header
	}
	return r
}

// The times accepted, in Unix seconds: 1970-01-01 to 2200-01-01. The
// bounds keep a typo ("0026-01-05") from stretching a series over
// centuries of empty intervals.
const (
	minTime = 0
	maxTime = 7258118400
)

// timeField parses a time column of rec; a missing value is the zero time.
func (rd *reader) timeField(c *column, rec []string, line int) (time.Time, *Reject) {
	if c == nil {
		return time.Time{}, nil
	}
	v := c.value(rec)
	if missing(v) {
		return time.Time{}, nil
	}
	layout := rd.layouts[c.field]
	if layout == "" {
		return time.Time{}, rd.reject(line, c, "%q is not a time in a known layout", v)
	}
	t, err := parseTime(layout, v, rd.loc)
	if err != nil {
		return time.Time{}, rd.reject(line, c, "%q does not match the time layout %q of this column (set it with --time-format)", v, layout)
	}
	if u := t.Unix(); u < minTime || u >= maxTime {
		return time.Time{}, rd.reject(line, c, "%q is out of range (before 1970 or after 2199): a wrong year or layout?", v)
	}
	return t, nil
}

// ticketRow parses one row into tk.
func (rd *reader) ticketRow(rec []string, line int, tk *Ticket) *Reject {
	var rej *Reject
	if tk.Created, rej = rd.timeField(rd.created, rec, line); rej != nil {
		return rej
	}
	if tk.Created.IsZero() && rd.events == nil {
		return rd.reject(line, rd.created, "no creation time")
	}
	if tk.FirstResponse, rej = rd.timeField(rd.firstResp, rec, line); rej != nil {
		return rej
	}
	if tk.Resolved, rej = rd.timeField(rd.resolved, rec, line); rej != nil {
		return rej
	}
	tk.HandleSeconds, tk.HasHandle = 0, false
	if rd.handle != nil {
		v := rec[rd.handle.idx]
		if !missing(v) {
			s, err := parseSeconds(v)
			if err != nil {
				return rd.reject(line, rd.handle, "%v", err)
			}
			tk.HandleSeconds, tk.HasHandle = s, s > 0
		}
	}
	tk.Priority, tk.Channel, tk.Category = text(rd.priority, rec), text(rd.channel, rec), text(rd.category, rec)
	return nil
}

// check applies the rules a whole ticket must meet.
func (rd *reader) check(tk *Ticket, line int) *Reject {
	if tk.Created.After(rd.now) {
		return rd.reject(line, rd.created, "created %s, which is in the future (now is %s): a wrong year, time zone or day/month order?",
			tk.Created.Format(time.RFC3339), rd.now.In(rd.loc).Format(time.RFC3339))
	}
	if !tk.Resolved.IsZero() && tk.Resolved.Before(tk.Created) {
		return rd.reject(line, rd.resolved, "resolved %s before it was created %s", tk.Resolved.Format(time.RFC3339), tk.Created.Format(time.RFC3339))
	}
	if !tk.FirstResponse.IsZero() && tk.FirstResponse.Before(tk.Created) {
		return rd.reject(line, rd.firstResp, "first response %s before it was created %s", tk.FirstResponse.Format(time.RFC3339), tk.Created.Format(time.RFC3339))
	}
	return nil
}

func text(c *column, rec []string) string {
	if c == nil {
		return ""
	}
	v := strings.TrimSpace(c.value(rec))
	if missing(v) {
		return ""
	}
	return v
}

// volumeRow parses one row of a volumes file into v.
func (rd *reader) volumeRow(rec []string, line int, v *Volume) *Reject {
	t, rej := rd.timeField(rd.start, rec, line)
	if rej != nil {
		return rej
	}
	if t.IsZero() {
		return rd.reject(line, rd.start, "no interval start")
	}
	if t.Equal(rd.prevStart) {
		return rd.reject(line, rd.start, "interval %s appears twice in a row", t.Format(time.RFC3339))
	}
	a, err := parseNumber(rec[rd.arrivals.idx])
	if err != nil || a < 0 {
		return rd.reject(line, rd.arrivals, "arrivals %q must be a number ≥ 0", rec[rd.arrivals.idx])
	}
	v.Start, v.Arrivals, v.AHTSeconds, v.HasAHT = t, a, 0, false
	if rd.aht != nil && !missing(rec[rd.aht.idx]) {
		s, err := parseSeconds(rec[rd.aht.idx])
		if err != nil {
			return rd.reject(line, rd.aht, "%v", err)
		}
		v.AHTSeconds, v.HasAHT = s, true
	}
	rd.prevStart = t
	return nil
}

// parseNumber parses a finite decimal number (a decimal comma is accepted
// when the number has no other separator).
func parseNumber(s string) (float64, error) {
	s = strings.TrimSpace(s)
	f, err := parseFloat(s)
	if err != nil && strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		f, err = parseFloat(strings.Replace(s, ",", ".", 1))
	}
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("not a number")
	}
	return f, nil
}

// parseSeconds parses a duration in seconds: a plain number ("245",
// "245.5"), a clock duration ("0:04:05", "4:05") or Go syntax ("4m5s").
func parseSeconds(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if f, err := parseNumber(s); err == nil {
		if f < 0 {
			return 0, fmt.Errorf("duration %q is negative", s)
		}
		return f, nil
	}
	if strings.Contains(s, ":") {
		parts := strings.Split(s, ":")
		if len(parts) <= 3 {
			total := 0.0
			ok := true
			for _, p := range parts {
				f, err := parseFloat(p)
				if err != nil || f < 0 {
					ok = false
					break
				}
				total = total*60 + f
			}
			if ok {
				return total, nil
			}
		}
	}
	if d, err := time.ParseDuration(s); err == nil {
		if d < 0 {
			return 0, fmt.Errorf("duration %q is negative", s)
		}
		return d.Seconds(), nil
	}
	return 0, fmt.Errorf("duration %q is not seconds (245), h:mm:ss (0:04:05) or a Go duration (4m5s)", s)
}

// event accumulates the rows of one ticket of an event log.
type event struct {
	line int // first row
	tk   Ticket
	last time.Time // latest creation-column time
	rows int
}

// eventRow merges one row of an event log into its ticket.
func (rd *reader) eventRow(rec []string, line int) *Reject {
	id := strings.TrimSpace(rec[rd.idx])
	if id == "" {
		return &Reject{File: rd.rep.File, Line: line, Column: rd.header[rd.idx], Reason: "no ticket id"}
	}
	var tk Ticket
	if rej := rd.ticketRow(rec, line, &tk); rej != nil {
		return rej
	}
	e := rd.events[id]
	if e == nil {
		e = &event{line: line}
		rd.events[strings.Clone(id)] = e
	} else {
		rd.rep.Collapsed++
	}
	e.rows++
	m := &e.tk
	if !tk.Created.IsZero() {
		if m.Created.IsZero() || tk.Created.Before(m.Created) {
			m.Created = tk.Created
		}
		if tk.Created.After(e.last) {
			e.last = tk.Created
		}
	}
	if !tk.FirstResponse.IsZero() && (m.FirstResponse.IsZero() || tk.FirstResponse.Before(m.FirstResponse)) {
		m.FirstResponse = tk.FirstResponse
	}
	if tk.Resolved.After(m.Resolved) {
		m.Resolved = tk.Resolved
	}
	if tk.HasHandle {
		m.HandleSeconds, m.HasHandle = tk.HandleSeconds, true
	}
	if tk.Priority != "" && tk.Priority != m.Priority {
		m.Priority = strings.Clone(tk.Priority)
	}
	if tk.Channel != "" && tk.Channel != m.Channel {
		m.Channel = strings.Clone(tk.Channel)
	}
	if tk.Category != "" && tk.Category != m.Category {
		m.Category = strings.Clone(tk.Category)
	}
	return nil
}

// flushEvents delivers the collapsed tickets of an event log in the order
// of their first row.
func (rd *reader) flushEvents(sink Sink) error {
	evs := make([]*event, 0, len(rd.events))
	for _, e := range rd.events {
		evs = append(evs, e)
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].line < evs[j].line })
	for _, e := range evs {
		tk := &e.tk
		if rd.resolved == nil && e.last.After(tk.Created) {
			tk.Resolved = e.last // an event log's last event closes the ticket
		}
		rej := (*Reject)(nil)
		if tk.Created.IsZero() {
			rej = rd.reject(e.line, rd.created, "no row of this ticket has a creation time")
		} else {
			rej = rd.check(tk, e.line)
		}
		if rej != nil {
			if rd.opt.Strict {
				return &RowError{*rej}
			}
			rd.rep.reject(*rej)
			continue
		}
		rd.rep.see(tk.Created)
		sink.Ticket(tk)
	}
	rd.events = nil
	return nil
}

// parseFloat parses a finite number.
func parseFloat(s string) (float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%q is not a finite number", s)
	}
	return f, nil
}
