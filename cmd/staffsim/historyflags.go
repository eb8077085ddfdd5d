package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/staffsim/staffsim/forecast/history"
)

// historyFlags are the flags that say how to read a history file, shared by
// every command that reads one (inspect, forecast, requirements, plan), so
// that they mean the same everywhere. Each maps 1:1 onto a field of
// history.Options:
//
//	--shape tickets|volumes|auto   Shape
//	--column FIELD=HEADER          Columns (repeatable; FIELD=DATE+TIME splits a time)
//	--id-column NAME               IDColumn (event logs: collapse rows per ticket)
//	--time-format LAYOUT           TimeFormat (Go layout)
//	--tz ZONE                      Location (IANA; default UTC)
//	--strict                       Strict
//
// Use: var h historyFlags; h.register(cmd.Flags()); … opt, err := h.options().
type historyFlags struct {
	shape      string
	columns    []string
	idColumn   string
	timeFormat string
	tz         string
	strict     bool
}

// register adds the history flags to flags.
func (h *historyFlags) register(flags *pflag.FlagSet) {
	flags.StringVar(&h.shape, "shape", "auto", "history shape: tickets (one row per ticket or call), volumes (one row per interval) or auto (from the header)")
	flags.StringArrayVar(&h.columns, "column", nil, "map a field to a header name, FIELD=HEADER (repeatable): fields "+strings.Join(history.Fields(), ", ")+
		"; a time may be split: created_at=DATE+TIME, either part a column or a literal (created_at=1999-08-01+vru_entry); #N is the Nth column (created_at=#3)")
	flags.StringVar(&h.idColumn, "id-column", "", "event log: the ticket-id column; rows with the same id collapse into one ticket (earliest creation, latest resolution)")
	flags.StringVar(&h.timeFormat, "time-format", "", "force a Go time layout for every time column, e.g. '02-01-2006 15:04', or unix / unixms for epoch times, excel for Excel serial dates (default: detected per column)")
	flags.StringVar(&h.tz, "tz", "UTC", "the desk's time zone (IANA name, e.g. Europe/London): times without an offset are read in it and intervals are its wall-clock slots")
	flags.BoolVar(&h.strict, "strict", false, "fail on the first bad row instead of rejecting and counting it")
}

// options returns the read options the flags describe, or a usage error.
func (h *historyFlags) options() (history.Options, error) {
	var opt history.Options
	var err error
	if opt.Shape, err = history.ParseShape(h.shape); err != nil {
		return opt, usagef("--shape: %v", err)
	}
	if len(h.columns) > 0 {
		opt.Columns = map[string]string{}
		for _, c := range h.columns {
			if err := history.ParseColumn(opt.Columns, c); err != nil {
				return opt, usagef("--column: %v", err)
			}
		}
	}
	opt.IDColumn = strings.TrimSpace(h.idColumn)
	opt.TimeFormat = h.timeFormat
	if h.timeFormat != "" && h.timeFormat != history.LayoutUnix && h.timeFormat != history.LayoutUnixMilli && h.timeFormat != history.LayoutExcel && !strings.ContainsAny(h.timeFormat, "0123456789") {
		return opt, usagef("--time-format %q: write a Go layout of the reference time Mon Jan 2 15:04:05 2006, e.g. '02-01-2006 15:04', or unix / unixms for epoch seconds / milliseconds", h.timeFormat)
	}
	if opt.Location, err = loadZone(h.tz); err != nil {
		return opt, usagef("--tz %v", err)
	}
	opt.Strict = h.strict
	return opt, nil
}

// loadZone loads the IANA time zone of a --tz flag ("" and any case of
// "UTC" are UTC). "Local" is refused: it is the zone of the machine that
// runs staffsim, so the same command would read and write different times
// on a laptop and on a server. Every --tz (history commands and generate)
// goes through here, so all refuse the same names with the same words.
func loadZone(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	if name == "" || strings.EqualFold(name, "UTC") {
		return time.UTC, nil
	}
	if strings.EqualFold(name, "Local") {
		return nil, fmt.Errorf("%q is the machine's zone, not the desk's: name the desk's IANA zone, e.g. Europe/London (or UTC)", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%q is not an IANA time zone: use a name such as UTC, Europe/London or America/New_York", name)
	}
	return loc, nil
}

// historyError turns an error of the history reader into the command's
// error: options that do not fit the file are usage errors (exit 2); an
// unreadable file or a strict-mode bad row is a failure (exit 1).
func historyError(err error) error { return asUsage(err) }

// noteRead writes a one-line account of a read to w (stderr): rows, rejects
// with the first reason, collapsed event-log rows, and the reader's hints.
func noteRead(w io.Writer, rep *history.Report) {
	fmt.Fprintf(w, "%s: %d rows read as %s", rep.File, rep.Rows, rep.Shape)
	if rep.Collapsed > 0 {
		fmt.Fprintf(w, ", %d rows collapsed into %d tickets by %s", rep.Collapsed, rep.Records, rep.IDColumn)
	}
	if rep.Rejected > 0 {
		fmt.Fprintf(w, ", %d rejected (first: %s; run staffsim inspect for the list)", rep.Rejected, rep.Rejects[0])
	}
	if n := rep.DroppedTotal(); n > 0 {
		fmt.Fprintf(w, ", %d bad optional values dropped, rows kept (first: %s)", n, rep.Drops[0])
	}
	fmt.Fprintln(w)
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
}

// historyInput opens a history argument for the reader under ctx, and
// sets opt.Context to ctx so that the read stops when ctx is done (Ctrl-C,
// SIGTERM): "-" is standard input (in), called "stdin" in messages; any
// other path is a file, a pipe given by name (/dev/stdin, a shell's <(…),
// a named pipe, whose open waits for a writer until ctx is done)
// included. The reader reads a history twice; what cannot seek back
// (standard input, a pipe) it replays from memory, at most
// history.MaxReplay bytes of it, so nothing is copied to a temporary
// file. Call done when the read is over (it closes the file); done is
// never nil.
func historyInput(ctx context.Context, in io.Reader, path string, opt *history.Options) (name string, r io.Reader, done func(), err error) {
	opt.Context = ctx
	if path == "-" {
		return "stdin", in, func() {}, nil
	}
	f, err := history.OpenFileContext(ctx, path)
	if err != nil {
		return "", nil, func() {}, err
	}
	// A file is read against the time it was last written, not the
	// clock: the same file reads the same on any day.
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && opt.Now == nil {
		written := st.ModTime()
		opt.Now, opt.NowIs = func() time.Time { return written }, "the file was last written"
	}
	return path, f, func() { f.Close() }, nil
}
