package history

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"time"
)

// Ticket is one ticket or call of a history. Times are in the desk's time
// zone (Options.Location); a zero FirstResponse or Resolved is unknown.
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
	// Extra holds the values of Options.Extra's columns, in that order
	// ("" for an absent column or an empty cell); like the Ticket, the
	// slice is only valid during the Sink's call.
	Extra []string
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

// Read streams the history r (called name in reports and errors) into
// sink and reports what it read. Tickets and volumes are delivered one at
// a time, so memory does not grow with the number of rows (except with
// IDColumn: an event log keeps one small record per distinct ticket until
// the end of the file).
//
// The history is read twice: a first pass settles each time column's
// layout (it stops as soon as every column has one layout left, usually
// after a row; a file whose dates never show a day above 12 is read to the
// end before it is refused as ambiguous) and the second pass reads the
// rows. When r is an io.Seeker that can seek (a regular file), the second
// pass seeks back to where the first began; otherwise (a pipe, standard
// input) the bytes of the first pass are kept in memory and replayed, at
// most MaxReplay of them: a first pass that has not settled by then
// settles on what it saw, and says so in the report's notes.
//
// Errors: *OptionError when the options do not fit the file (a mapped
// column that is absent), *FileError when the file cannot be read as
// history, *RowError for the first bad row when opt.Strict.
func Read(name string, r io.Reader, opt Options, sink Sink) (*Report, error) {
	rd, err := NewReader(name, r, opt)
	if err != nil {
		return nil, err
	}
	return rd.Read(sink)
}

// ReadFile reads the history file at path (its name in messages) as Read
// does, under opt.Context (see OpenFileContext).
func ReadFile(path string, opt Options, sink Sink) (*Report, error) {
	f, err := openFile(cmp.Or(opt.Context, context.Background()), path, opt.Context != nil)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(path, f, opt, sink)
}

// OpenFile opens the history file at path, with the *FileError Read gives
// for a file that is missing, unreadable, a directory, or not a regular
// file: a named pipe (FIFO) or a device could block without end, and
// without a context nothing could interrupt it (OpenFileContext reads them).
func OpenFile(path string) (*os.File, error) { return openFile(context.Background(), path, false) }

// OpenFileContext is OpenFile under ctx, which also opens a named pipe
// (FIFO, a shell's <(…)) or a device: opening a FIFO waits for a writer,
// and when ctx is done first the wait ends with ctx's error. Read the file
// with Options.Context set to the same ctx, so that a read waiting on the
// pipe stops too.
func OpenFileContext(ctx context.Context, path string) (*os.File, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	return openFile(ctx, path, true)
}

// openFile opens path; a FIFO or device only when canWait (a context can
// end the wait).
func openFile(ctx context.Context, path string, canWait bool) (*os.File, error) {
	cannot := func(err error) error {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &FileError{File: path, Msg: fmt.Sprintf("cannot open: %v", err)}
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, cannot(err)
	}
	switch m := st.Mode(); {
	case m.IsDir():
		return nil, &FileError{File: path, Msg: "is a directory, not a CSV file"}
	case m.IsRegular():
	case !canWait:
		return nil, &FileError{File: path, Msg: fmt.Sprintf("is not a regular file (%s), and reading it could wait without end: save it to a file, or give it as standard input", fileKind(m))}
	case m&os.ModeNamedPipe != 0:
		return openFIFO(ctx, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, cannot(err)
	}
	return f, nil
}

// fileKind names the kind of a file that is not regular, for messages.
func fileKind(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// openFIFO opens a named pipe, which blocks until a writer opens it, in
// a goroutine, and returns when it is open or when ctx is done. Then a
// writer's open (which does not block when a reader waits) wakes the
// waiting open, so no goroutine is left behind.
func openFIFO(ctx context.Context, path string) (*os.File, error) {
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := os.Open(path)
		ch <- opened{f, err}
	}()
	select {
	case o := <-ch:
		if o.err != nil {
			var pe *os.PathError
			if errors.As(o.err, &pe) {
				o.err = pe.Err
			}
			return nil, &FileError{File: path, Msg: fmt.Sprintf("cannot open: %v", o.err)}
		}
		return o.f, nil
	case <-ctx.Done():
		if w, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		go func() {
			if o := <-ch; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, fmt.Errorf("%s: a named pipe no writer opened: %w", path, ctx.Err())
	}
}

// Reader is a history whose header and time layouts are settled (the
// first pass of Read) and whose rows are still to be read: NewReader,
// then look at Shape and Report to decide how to take the rows, then
// Read them once.
type Reader struct {
	src     *source
	opt     Options
	loc     *time.Location
	now     time.Time
	shape   Shape
	header  []string
	cols    map[string]*column
	layouts map[string]string
	rep     *Report
	done    bool

	// the columns of the shape, nil when absent
	created, firstResp, resolved, handle, priority, channel, category *column
	start, arrivals, aht                                              *column
	idx                                                               int   // id column for event logs, −1 if none
	extra                                                             []int // Options.Extra's columns, −1 if absent

	prevStart time.Time
	events    map[string]*event
	pending   []pendingDrop // values dropped from the row being read
}

// NewReader runs the first pass of Read over r (called name in reports
// and errors): it reads the header, settles the shape, the columns and
// each time column's layout, and for volumes the spacing of the rows.
// Errors are those of Read.
func NewReader(name string, r io.Reader, opt Options) (rd *Reader, err error) {
	if err := checkTimeFormat(name, opt.TimeFormat); err != nil {
		return nil, err
	}
	src := newSource(opt.context(), r)
	defer func() {
		if err != nil {
			src.close()
		}
	}()
	c, err := openCSV(src.first(), name, headerTest(&opt))
	if err != nil {
		return nil, err
	}
	rd = &Reader{src: src, opt: opt, loc: opt.location(), now: opt.now(), header: c.header, idx: -1, layouts: map[string]string{}}
	rd.rep = &Report{File: name, Columns: map[string]string{}, Layouts: map[string]string{},
		Delimiter: string(c.delim), Location: rd.loc.String(), Encoding: c.text.encoding(), maxRejects: opt.maxRejects()}
	rd.shape = opt.Shape
	if rd.shape == ShapeAuto {
		rd.shape = ShapeTickets
		vc, err := resolveColumns(name, c.header, ShapeVolumes, &opt)
		if err == nil && vc[FieldIntervalStart] != nil && vc[FieldArrivals] != nil {
			rd.shape = ShapeVolumes
		}
	}
	rd.rep.Shape = rd.shape.String()
	if c.skipped > 0 {
		rd.rep.Notes = append(rd.rep.Notes, fmt.Sprintf("skipped %d line(s) before the header on line %d", c.skipped, c.headerLine))
	}
	for _, f := range sortedKeys(opt.Columns) {
		if !containsField(shapeFields[rd.shape], f) {
			return nil, &OptionError{fmt.Sprintf("%s: --column %s=%s: %s is not a field of %s (its fields: %s); use --shape, or map every field the other shape needs",
				name, f, opt.Columns[f], f, rd.shape, strings.Join(shapeFields[rd.shape], ", "))}
		}
	}
	if rd.cols, err = resolveColumns(name, c.header, rd.shape, &opt); err != nil {
		return nil, err
	}
	for f, col := range rd.cols {
		rd.setColumn(f, col)
	}
	rd.rep.Notes = append(rd.rep.Notes, duplicates(c.header, rd.cols)...)
	cols := strings.Join(c.header, ", ")
	switch rd.shape {
	case ShapeTickets:
		if rd.created == nil {
			for _, h := range c.header {
				d := newLayoutDetector()
				if d.add(h); d.n > 0 {
					return nil, &FileError{File: name, Line: 1, Msg: fmt.Sprintf("the first line looks like data (%q is a time), not a header: add a header line naming the columns, e.g. created_at,priority", h)}
				}
			}
			if opt.Shape == ShapeTickets {
				// Forced: the option does not fit the file.
				if vc, err := resolveColumns(name, c.header, ShapeVolumes, &opt); err == nil && vc[FieldIntervalStart] != nil && vc[FieldArrivals] != nil {
					return nil, &OptionError{fmt.Sprintf("%s: --shape tickets: the file looks like volumes (%s, %s): use --shape volumes or auto",
						name, vc[FieldIntervalStart].header, vc[FieldArrivals].header)}
				}
				return nil, &OptionError{fmt.Sprintf("%s: --shape tickets: no creation-time column among %s: name it with --column created_at=NAME", name, cols)}
			}
			return nil, &FileError{File: name, Msg: fmt.Sprintf("no creation-time column: none of the columns (%s) is a known name such as created_at, opened_at, Created or timestamp; "+
				"name it with --column created_at=NAME (or --column created_at=DATE+TIME for a date and a time column)", cols)}
		}
	case ShapeVolumes:
		if (rd.start == nil || rd.arrivals == nil) && opt.Shape == ShapeVolumes {
			// Forced (auto picks volumes only when both are there): the option does not fit the file.
			return nil, &OptionError{fmt.Sprintf("%s: --shape volumes: volumes need an interval_start and an arrivals column; the header has %s: "+
				"map them with --column interval_start=NAME --column arrivals=NAME, or use --shape tickets or auto", name, cols)}
		}
		if rd.start == nil || rd.arrivals == nil {
			return nil, &FileError{File: name, Msg: fmt.Sprintf("volumes need an interval_start and an arrivals column; the header has %s: "+
				"name them with --column interval_start=NAME --column arrivals=NAME", cols)}
		}
	}
	if opt.IDColumn != "" {
		if rd.shape != ShapeTickets {
			return nil, &OptionError{fmt.Sprintf("%s: --id-column applies to tickets (event logs), but this file is %s", name, rd.shape)}
		}
		if rd.idx = findHeader(c.header, opt.IDColumn); rd.idx < 0 {
			return nil, &OptionError{fmt.Sprintf("%s: --id-column %s: no such column in the header (columns: %s)", name, opt.IDColumn, cols)}
		}
		rd.rep.IDColumn = c.header[rd.idx]
		rd.events = map[string]*event{}
	}
	rd.findExtra()
	if err := rd.detect(c); err != nil {
		return nil, err
	}
	return rd, nil
}

// checkTimeFormat refuses a forced layout that names the time of day twice
// ("02/01/2006 15:04-15:04", written for an interval range): Go's parser
// would keep the later, the interval's end. A range is read by its start
// with the start's layout.
func checkTimeFormat(name, layout string) error {
	if strings.Count(layout, ":04") < 2 {
		return nil
	}
	hint := layout
	if start, ok := rangeStart(layout); ok {
		hint = start
	}
	return &OptionError{fmt.Sprintf("%s: --time-format %q names the time of day twice (an interval range?): the later, the interval's end, would be read; "+
		"give the layout of the start, e.g. --time-format %q (a range such as 08:00-08:30 is read by its start)", name, layout, hint)}
}

// setColumn makes col the column of field (nil: the field is not read).
func (rd *Reader) setColumn(field string, col *column) {
	if col == nil {
		delete(rd.cols, field)
		delete(rd.rep.Columns, field)
	} else {
		rd.cols[field] = col
		rd.rep.Columns[field] = col.header
	}
	p := map[string]**column{
		FieldCreatedAt: &rd.created, FieldFirstResponseAt: &rd.firstResp, FieldResolvedAt: &rd.resolved, FieldHandleSeconds: &rd.handle,
		FieldPriority: &rd.priority, FieldChannel: &rd.channel, FieldCategory: &rd.category,
		FieldIntervalStart: &rd.start, FieldArrivals: &rd.arrivals, FieldAHTSeconds: &rd.aht,
	}[field]
	*p = col
}

// Shape returns the shape of the history, detected or forced.
func (rd *Reader) Shape() Shape { return rd.shape }

// Location returns the desk's time zone the history is read in.
func (rd *Reader) Location() *time.Location { return rd.loc }

// Report returns what the first pass found: the file, shape, columns,
// time layouts, delimiter and, for volumes, the spacing of the rows. Read
// completes it with the rows and returns the same Report.
func (rd *Reader) Report() *Report { return rd.rep }

// Read is the second pass: it streams every row into sink and returns the
// completed report. A Reader reads once; a second call panics.
func (rd *Reader) Read(sink Sink) (*Report, error) {
	if rd.done {
		panic("history: Reader.Read called twice")
	}
	rd.done = true
	defer rd.src.close()
	if err := rd.run(sink); err != nil {
		return nil, err
	}
	return rd.rep, nil
}

// run reads every row into sink.
func (rd *Reader) run(sink Sink) error {
	r, err := rd.src.second()
	if err != nil {
		return &FileError{File: rd.rep.File, Msg: fmt.Sprintf("cannot read it a second time: %v", err)}
	}
	c, err := openCSV(r, rd.rep.File, headerTest(&rd.opt))
	if err != nil {
		return err
	}
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
		if err := rd.settleDrops(rej == nil); err != nil {
			return err
		}
		if rej != nil {
			if rd.opt.Strict {
				return &RowError{*rej}
			}
			rd.rep.reject(*rej)
		}
	}
	if rd.rep.Encoding = c.text.encoding(); rd.rep.Encoding != EncodingUTF8 {
		rd.rep.Notes = append(rd.rep.Notes, fmt.Sprintf("%s is not UTF-8: it was read as %s (the encoding Excel on Windows saves CSV in)", rd.rep.File, rd.rep.Encoding))
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

func (rd *Reader) reject(line int, c *column, format string, args ...any) *Reject {
	r := &Reject{File: rd.rep.File, Line: line, Reason: fmt.Sprintf(format, args...)}
	if c != nil {
		r.Column = c.header
	}
	return r
}
