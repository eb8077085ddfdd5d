package calllog

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Outcome is how a call left the queue.
type Outcome int

const (
	// Other is a call whose outcome says neither answered nor abandoned
	// (the Anonymous Bank's PHANTOM: a call the ACD lost track of). Brown
	// et al. (2005, §3.1) leave such calls out; so do the estimators.
	Other Outcome = iota
	// Answered is a call that reached an agent.
	Answered
	// Abandoned is a call whose caller hung up before an agent answered.
	Abandoned
)

// String returns "answered", "abandoned" or "other".
func (o Outcome) String() string {
	switch o {
	case Answered:
		return "answered"
	case Abandoned:
		return "abandoned"
	}
	return "other"
}

// outcomes maps an outcome cell (upper case, trimmed) to an Outcome. AGENT,
// HANG and PHANTOM are the Anonymous Bank's words; the others are common
// ACD exports'.
var outcomes = map[string]Outcome{
	"AGENT": Answered, "ANSWERED": Answered, "ANSWER": Answered, "SERVED": Answered, "HANDLED": Answered,
	"CONNECTED": Answered, "COMPLETED": Answered,
	"HANG": Abandoned, "ABANDONED": Abandoned, "ABANDON": Abandoned, "ABN": Abandoned, "HANGUP": Abandoned,
	"PHANTOM": Other, "OTHER": Other, "TRANSFER": Other, "TRANSFERRED": Other,
}

// Call is one row of a call log. Times are in the desk's time zone.
type Call struct {
	Line int // line of the row in the file (the header is line 1)
	// Queued reports whether the call asked for an agent: it entered the
	// queue, or was answered at once. A call that hung up in the VRU
	// (voice menu) without a queue entry is not queued and counts in no
	// estimate.
	Queued  bool
	Outcome Outcome
	// Arrival is when the call entered the queue; for a call answered
	// without queueing (no queue entry recorded) it is the VRU exit, or
	// the service start when there is none.
	Arrival time.Time
	// Wait is the time in queue in seconds, ≥ 0: to the queue exit (or,
	// without one, the service start) for an answered call, to the
	// hang-up for an abandoned one.
	Wait float64
	// ServiceStart and ServiceEnd bound an answered call's service; both
	// are zero when the call was not answered or the log does not say
	// (the Anonymous Bank has answered calls with a queue exit but a
	// service of 0:00:00).
	ServiceStart, ServiceEnd time.Time
	Agent                    string // the agent who answered; "" when unknown
	Class                    string // the call type (the Anonymous Bank's PS, NW, IN …); "" when absent
}

// Handle returns an answered call's handle (service) time in seconds,
// ServiceEnd − ServiceStart, and whether the log records it.
func (c *Call) Handle() (float64, bool) {
	if c.ServiceStart.IsZero() {
		return 0, false
	}
	return c.ServiceEnd.Sub(c.ServiceStart).Seconds(), true
}

// Field names: the canonical columns of a call log. Options.Columns maps
// them to a file's own header names.
const (
	FieldDate         = "date"          // the day of a row whose times are clock times (optional)
	FieldVRUExit      = "vru_exit"      // leaving the voice menu (optional)
	FieldQueueStart   = "queue_start"   // entering the queue
	FieldQueueExit    = "queue_exit"    // leaving the queue: answered or hung up
	FieldOutcome      = "outcome"       // answered / abandoned / other
	FieldServiceStart = "service_start" // an agent answers
	FieldServiceEnd   = "service_end"   // the call ends
	FieldAgent        = "agent"         // who answered (optional)
	FieldClass        = "class"         // call type (optional)
)

// aliases are the header names each field is found under when Columns
// does not map it, compared after normalize. The first are the Anonymous
// Bank's (Brown et al. 2005).
var aliases = map[string][]string{
	FieldDate:         {"date", "calldate", "day"},
	FieldVRUExit:      {"vruexit", "ivrexit"},
	FieldQueueStart:   {"qstart", "queuestart", "queueentry", "enqueuedat", "queuedat", "arrival", "arrivedat"},
	FieldQueueExit:    {"qexit", "queueexit", "queueend", "dequeuedat", "leftqueueat"},
	FieldOutcome:      {"outcome", "result", "disposition", "status"},
	FieldServiceStart: {"serstart", "servicestart", "answeredat", "answertime", "talkstart"},
	FieldServiceEnd:   {"serexit", "serviceend", "serviceexit", "endedat", "talkend", "hangupat"},
	FieldAgent:        {"server", "agent", "agentid", "agentname"},
	FieldClass:        {"type", "calltype", "class", "skill"},
}

// required are the fields without which a log cannot be read.
var required = []string{FieldQueueStart, FieldQueueExit, FieldOutcome, FieldServiceStart, FieldServiceEnd}

// Fields lists the canonical field names that a column mapping accepts.
func Fields() []string {
	return []string{FieldDate, FieldVRUExit, FieldQueueStart, FieldQueueExit, FieldOutcome,
		FieldServiceStart, FieldServiceEnd, FieldAgent, FieldClass}
}

// ParseColumn parses one FIELD=HEADER mapping (the --column flag of
// inspect --calls) into m. FIELD must be one of Fields().
func ParseColumn(m map[string]string, s string) error {
	field, header, ok := strings.Cut(s, "=")
	field = strings.ToLower(strings.TrimSpace(field))
	header = strings.TrimSpace(header)
	if !ok || field == "" || header == "" {
		return &OptionError{fmt.Sprintf("invalid column mapping %q: write FIELD=HEADER, e.g. queue_start=q_start", s)}
	}
	if _, known := aliases[field]; !known {
		return &OptionError{fmt.Sprintf("invalid column mapping %q: unknown call-log field %q; fields are %s", s, field, strings.Join(Fields(), ", "))}
	}
	m[field] = header
	return nil
}

// Options say how to read a call log. The zero value finds the columns by
// their usual names, reads times without an offset in UTC and rejects
// (and counts) bad rows.
type Options struct {
	// Columns maps a field (FieldQueueStart, …) to the file's header name.
	Columns map[string]string
	// Date is the day of a log whose times are clock times (h:mm:ss) and
	// that has no date column, such as a one-day export; only its year,
	// month and day count.
	Date time.Time
	// Location is the desk's time zone; nil means UTC.
	Location *time.Location
	// Strict turns the first bad row into an error instead of a reject.
	Strict bool
	// MaxRejects is how many rejects the Report keeps in detail (all are
	// counted); 0 means 20.
	MaxRejects int
	// Context, when not nil, stops the read when it is done: Read then
	// returns its error. Nil reads to the end.
	Context context.Context
}

// OptionError is a problem with the options themselves (an unknown
// field, a mapped column the file does not have):
// the caller's mistake, which a command reports as a usage error.
type OptionError struct{ Msg string }

func (e *OptionError) Error() string { return e.Msg }

// Reject is a row that was not read, and why.
type Reject struct {
	Line   int    `json:"line"`
	Column string `json:"column"` // header name; "" for the whole row
	Reason string `json:"reason"`
}

// Report says what Read read.
type Report struct {
	File     string            `json:"file"`
	Columns  map[string]string `json:"columns"` // field → header name used
	Rows     int               `json:"rows"`    // data rows, rejected ones included
	Rejected int               `json:"rejected"`
	Rejects  []Reject          `json:"rejects"` // the first Options.MaxRejects rejects
}

// RowError is the first bad row when Options.Strict.
type RowError struct {
	File string
	Reject
}

// String writes the reject as "line 12: column q_exit: reason".
func (r Reject) String() string {
	if r.Column == "" {
		return fmt.Sprintf("line %d: %s", r.Line, r.Reason)
	}
	return fmt.Sprintf("line %d: column %s: %s", r.Line, r.Column, r.Reason)
}

func (e *RowError) Error() string {
	col := ""
	if e.Column != "" {
		col = fmt.Sprintf(": column %s", e.Column)
	}
	return fmt.Sprintf("%s: line %d%s: %s", e.File, e.Line, col, e.Reason)
}

// ReadFile reads the call log at path (its name in messages) as Read does.
func ReadFile(path string, opt Options, fn func(*Call)) (*Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("call log: %w", err)
	}
	defer f.Close()
	return Read(path, f, opt, fn)
}

// Read streams the call log r (called name in messages) to fn, one call
// at a time (the pointer is only valid during the call), and reports what
// it read. It reads r once, keeping no rows.
//
// Each time cell is a clock time (h:mm:ss, on the row's date column or
// Options.Date), "2006-01-02 15:04:05" (or with a T), or RFC 3339 with an
// offset; an empty cell, and a clock time of 0:00:00 (the Anonymous
// Bank's "not applicable"), is missing. A clock time earlier than the
// row's queue entry by more than an hour is on the next day (a call
// across midnight). Dates are 2006-01-02, 20060102 or 060102 (the
// Anonymous Bank's YYMMDD).
//
// A row is rejected (or, with Options.Strict, is a *RowError) when a cell
// does not parse, when the outcome is unknown, when an answered call has
// no service start or ends before it starts, or when a queued call leaves
// the queue before it entered it. Waits a few seconds negative (the
// exports' clocks round to the second, and the Anonymous Bank records the
// service start a second before the queue exit) read as 0.
func Read(name string, r io.Reader, opt Options, fn func(*Call)) (*Report, error) {
	cr := csv.NewReader(bufio.NewReaderSize(r, 64<<10))
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty file: want a header with %s", name, strings.Join(required, ", "))
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	header = append([]string(nil), header...)
	rd, err := newRowReader(name, header, opt)
	if err != nil {
		return nil, err
	}
	maxRej := opt.MaxRejects
	if maxRej <= 0 {
		maxRej = 20
	}
	var c Call
	for {
		if opt.Context != nil && rd.rep.Rows%4096 == 0 {
			if err := opt.Context.Err(); err != nil {
				return rd.rep, err
			}
		}
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		rd.rep.Rows++
		line := 0
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) || pe.Err != csv.ErrQuote && pe.Err != csv.ErrBareQuote {
				return rd.rep, csvError(name, err)
			}
			rec, line = nil, pe.StartLine
		} else {
			line, _ = cr.FieldPos(0)
		}
		var rej *Reject
		if rec == nil {
			rej = &Reject{Line: line, Reason: "unbalanced quotes"}
		} else {
			rej = rd.parse(rec, line, &c)
		}
		if rej != nil {
			if opt.Strict {
				return rd.rep, &RowError{File: name, Reject: *rej}
			}
			rd.rep.Rejected++
			if len(rd.rep.Rejects) < maxRej {
				rd.rep.Rejects = append(rd.rep.Rejects, *rej)
			}
			continue
		}
		fn(&c)
	}
	return rd.rep, nil
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: line %d: %v", name, pe.Line, pe.Err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// rowReader parses the rows of one file.
type rowReader struct {
	rep    *Report
	loc    *time.Location
	date   time.Time // Options.Date at midnight in loc, or zero
	header []string
	// column indexes, −1 when absent
	date_, vruExit, qStart, qExit, outcome, serStart, serEnd, agent, class int
}

// normalize folds a header name for matching: lower case, letters and
// digits only ("Q_Start " and "qstart" match).
func normalize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimPrefix(s, "\ufeff")) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func newRowReader(name string, header []string, opt Options) (*rowReader, error) {
	loc := opt.Location
	if loc == nil {
		loc = time.UTC
	}
	rd := &rowReader{rep: &Report{File: name, Columns: map[string]string{}}, loc: loc, header: header}
	if !opt.Date.IsZero() {
		y, m, d := opt.Date.Date()
		rd.date = time.Date(y, m, d, 0, 0, 0, 0, loc)
	}
	find := func(field string) (int, error) {
		if h, ok := opt.Columns[field]; ok {
			for _, exact := range []bool{true, false} {
				for i, x := range header {
					if exact && strings.TrimSpace(x) == h || !exact && normalize(x) == normalize(h) {
						rd.rep.Columns[field] = x
						return i, nil
					}
				}
			}
			return -1, &OptionError{fmt.Sprintf("%s: --column %s=%s: the header has no column %q (it has %s)", name, field, h, h, strings.Join(header, ", "))}
		}
		for _, a := range aliases[field] {
			for i, x := range header {
				if normalize(x) == a {
					rd.rep.Columns[field] = x
					return i, nil
				}
			}
		}
		return -1, nil
	}
	var missing []string
	for _, f := range []struct {
		field string
		idx   *int
	}{{FieldDate, &rd.date_}, {FieldVRUExit, &rd.vruExit}, {FieldQueueStart, &rd.qStart}, {FieldQueueExit, &rd.qExit},
		{FieldOutcome, &rd.outcome}, {FieldServiceStart, &rd.serStart}, {FieldServiceEnd, &rd.serEnd},
		{FieldAgent, &rd.agent}, {FieldClass, &rd.class}} {
		i, err := find(f.field)
		if err != nil {
			return nil, err
		}
		*f.idx = i
		for _, r := range required {
			if r == f.field && i < 0 {
				missing = append(missing, r)
			}
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: line 1: not a call log: no column for %s (map one with --column FIELD=HEADER, e.g. --column queue_start=enqueued); the header is %s",
			name, strings.Join(missing, ", "), strings.Join(header, ","))
	}
	return rd, nil
}

// cell returns column i of rec, trimmed, or "" when absent.
func cell(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// clockSkew is how far a wait may fall below 0 and still read as 0.
const clockSkew = 5 * time.Second

// parse fills c from rec, or says why the row is rejected.
func (rd *rowReader) parse(rec []string, line int, c *Call) *Reject {
	*c = Call{Line: line}
	day := rd.date
	if rd.date_ >= 0 {
		s := cell(rec, rd.date_)
		d, ok := parseDate(s, rd.loc)
		if !ok {
			return rd.reject(line, rd.date_, fmt.Sprintf("date %q is not 2006-01-02, 20060102 or YYMMDD", s))
		}
		day = d
	}
	var times [5]time.Time // vru exit, queue start, queue exit, service start, service end
	for k, i := range []int{rd.vruExit, rd.qStart, rd.qExit, rd.serStart, rd.serEnd} {
		if i < 0 {
			continue
		}
		s := cell(rec, i)
		t, clock, err := parseTime(s, day, rd.loc)
		if err != "" {
			return rd.reject(line, i, err)
		}
		if clock && day.IsZero() {
			return rd.reject(line, i, fmt.Sprintf("%q is a clock time and the log has no date: give the day (inspect --date 1999-08-01) or map a date column", s))
		}
		times[k] = t
	}
	vruExit, qStart, qExit, serStart, serEnd := times[0], times[1], times[2], times[3], times[4]
	out := strings.ToUpper(cell(rec, rd.outcome))
	o, ok := outcomes[out]
	if !ok {
		return rd.reject(line, rd.outcome, fmt.Sprintf("outcome %q is not answered (AGENT, ANSWERED) or abandoned (HANG, ABANDONED)", cell(rec, rd.outcome)))
	}
	c.Outcome = o
	c.Agent = cell(rec, rd.agent)
	if strings.EqualFold(c.Agent, "NO_SERVER") {
		c.Agent = ""
	}
	c.Class = cell(rec, rd.class)
	// The row's first time is the reference for calls across midnight.
	ref := qStart
	for _, t := range []time.Time{vruExit, qStart, serStart} {
		if ref.IsZero() {
			ref = t
		}
	}
	next := func(t time.Time) time.Time {
		if !t.IsZero() && !ref.IsZero() && t.Before(ref.Add(-time.Hour)) {
			return t.AddDate(0, 0, 1)
		}
		return t
	}
	qExit, serStart, serEnd = next(qExit), next(serStart), next(serEnd)
	switch o {
	case Answered:
		if serStart.IsZero() != serEnd.IsZero() {
			col := rd.serStart
			if serEnd.IsZero() {
				col = rd.serEnd
			}
			return rd.reject(line, col, "an answered call needs both its service start and end, or neither")
		}
		if serStart.IsZero() && (qStart.IsZero() || qExit.IsZero()) {
			return rd.reject(line, rd.serStart, "an answered call needs its service start, or its queue entry and exit")
		}
		if serEnd.Before(serStart) {
			return rd.reject(line, rd.serEnd, fmt.Sprintf("service ends at %s, before it starts at %s", serEnd.Format(time.TimeOnly), serStart.Format(time.TimeOnly)))
		}
		c.Queued = true
		c.ServiceStart, c.ServiceEnd = serStart, serEnd
		switch {
		case !qStart.IsZero():
			c.Arrival = qStart
			end := qExit
			if end.IsZero() {
				end = serStart
			}
			c.Wait = end.Sub(qStart).Seconds()
		case !vruExit.IsZero() && vruExit.Before(serStart.Add(clockSkew)):
			c.Arrival = vruExit
		default:
			c.Arrival = serStart
		}
	case Abandoned:
		if qStart.IsZero() {
			return nil // hung up in the VRU: never asked for an agent
		}
		if qExit.IsZero() {
			return rd.reject(line, rd.qExit, "an abandoned call that entered the queue needs its queue exit (the hang-up)")
		}
		c.Queued = true
		c.Arrival = qStart
		c.Wait = qExit.Sub(qStart).Seconds()
	default:
		c.Arrival = qStart
		if c.Arrival.IsZero() {
			c.Arrival = vruExit
		}
		return nil
	}
	if c.Wait < 0 {
		if c.Wait < -clockSkew.Seconds() {
			col := rd.qExit
			if c.Outcome == Answered && qExit.IsZero() {
				col = rd.serStart
			}
			return rd.reject(line, col, fmt.Sprintf("leaves the queue %s before it enters it", time.Duration(-c.Wait*float64(time.Second))))
		}
		c.Wait = 0
	}
	return nil
}

func (rd *rowReader) reject(line, col int, reason string) *Reject {
	name := ""
	if col >= 0 && col < len(rd.header) {
		name = rd.header[col]
	}
	return &Reject{Line: line, Column: name, Reason: reason}
}

// parseDate reads 2006-01-02, 20060102 or 060102 (YYMMDD: years 70–99
// are 19xx, the rest 20xx) at midnight in loc.
func parseDate(s string, loc *time.Location) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, "20060102", "060102"} {
		if len(s) == len(layout) {
			if t, err := time.ParseInLocation(layout, s, loc); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// parseTime reads a time cell (see Read). clock reports a clock time (read
// on day); an empty cell or a 0:00:00 clock time is the zero time.
func parseTime(s string, day time.Time, loc *time.Location) (t time.Time, clock bool, err string) {
	if s == "" {
		return time.Time{}, false, ""
	}
	if h, m, sec, ok := parseClock(s); ok {
		if h == 0 && m == 0 && sec == 0 {
			return time.Time{}, true, ""
		}
		if day.IsZero() {
			return time.Time{}, true, ""
		}
		y, mo, d := day.Date()
		return time.Date(y, mo, d, h, m, sec, 0, loc), true, ""
	}
	if len(s) >= 19 && (s[10] == ' ' || s[10] == 'T') {
		if t, e := time.Parse(time.RFC3339, s); e == nil {
			return t.In(loc), false, ""
		}
		if t, e := time.ParseInLocation("2006-01-02 15:04:05", strings.Replace(s, "T", " ", 1), loc); e == nil {
			return t, false, ""
		}
	}
	return time.Time{}, false, fmt.Sprintf("%q is not a time: want h:mm:ss, 2006-01-02 15:04:05 or RFC 3339", s)
}

// parseClock reads h:mm:ss or hh:mm:ss (hours 0–23) without allocating:
// the hot path of a month's log.
func parseClock(s string) (h, m, sec int, ok bool) {
	n := len(s)
	if n != 7 && n != 8 || s[n-3] != ':' || s[n-6] != ':' {
		return 0, 0, 0, false
	}
	num := func(b string) (int, bool) {
		v := 0
		for i := 0; i < len(b); i++ {
			if b[i] < '0' || b[i] > '9' {
				return 0, false
			}
			v = v*10 + int(b[i]-'0')
		}
		return v, true
	}
	var ok1, ok2, ok3 bool
	h, ok1 = num(s[:n-6])
	m, ok2 = num(s[n-5 : n-3])
	sec, ok3 = num(s[n-2:])
	if !ok1 || !ok2 || !ok3 || h > 23 || m > 59 || sec > 59 {
		return 0, 0, 0, false
	}
	return h, m, sec, true
}
