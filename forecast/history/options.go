package history

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Shape is the layout of a history file.
type Shape int

const (
	// ShapeAuto detects the shape from the header: a file with an
	// interval-start column and an arrivals column is volumes, anything
	// else is tickets.
	ShapeAuto Shape = iota
	// ShapeTickets is one row per ticket or call (or, with
	// Options.IDColumn, one row per update of a ticket).
	ShapeTickets
	// ShapeVolumes is one row per interval:
	// interval_start,arrivals[,aht_seconds]. forecast.csv is read as
	// volumes (its lower and upper columns are ignored).
	ShapeVolumes
)

// String returns the name used by the --shape flag.
func (s Shape) String() string {
	switch s {
	case ShapeTickets:
		return "tickets"
	case ShapeVolumes:
		return "volumes"
	default:
		return "auto"
	}
}

// ParseShape parses "auto", "tickets" or "volumes".
func ParseShape(s string) (Shape, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return ShapeAuto, nil
	case "tickets", "ticket", "calls":
		return ShapeTickets, nil
	case "volumes", "volume", "intervals":
		return ShapeVolumes, nil
	}
	return ShapeAuto, fmt.Errorf("unknown shape %q: use tickets, volumes or auto", s)
}

// Field names: the canonical columns of the two shapes, as DESIGN.md names
// them. Options.Columns maps these to a file's own header names.
const (
	FieldCreatedAt       = "created_at"
	FieldFirstResponseAt = "first_response_at"
	FieldResolvedAt      = "resolved_at"
	FieldHandleSeconds   = "handle_seconds"
	FieldPriority        = "priority"
	FieldChannel         = "channel"
	FieldCategory        = "category"
	FieldIntervalStart   = "interval_start"
	FieldArrivals        = "arrivals"
	FieldAHTSeconds      = "aht_seconds"
)

// timeFields may be written DATE+TIME in a column mapping.
var timeFields = map[string]bool{FieldCreatedAt: true, FieldFirstResponseAt: true, FieldResolvedAt: true, FieldIntervalStart: true}

// Fields lists the canonical field names that a column mapping accepts.
func Fields() []string {
	return []string{FieldCreatedAt, FieldFirstResponseAt, FieldResolvedAt, FieldHandleSeconds,
		FieldPriority, FieldChannel, FieldCategory, FieldIntervalStart, FieldArrivals, FieldAHTSeconds}
}

// Options say how to read a history file. The zero value reads a file
// of either shape with detected columns and timestamp layouts, times
// without an offset in UTC, rejecting (and counting) bad rows.
type Options struct {
	// Shape forces tickets or volumes; ShapeAuto detects it from the header.
	Shape Shape
	// Columns maps a canonical field (FieldCreatedAt, …) to the file's
	// header name for it, overriding detection. A time field may be split
	// over a date and a time column, written "DATE+TIME"
	// ("date+q_start"); either part may instead be a literal date or time
	// ("1999-08-01+vru_entry" for a one-day log whose rows carry only
	// clock times). Header names match exactly first, then ignoring case,
	// spaces and punctuation.
	Columns map[string]string
	// IDColumn names the ticket-id column of an event log (one row per
	// update of a ticket). Rows with the same id collapse into one ticket:
	// the earliest creation and first response, the latest resolution
	// (or, without a resolution column, the latest creation-column time,
	// since an event log's last event closes the ticket) and the last
	// non-empty priority, channel, category and handle time.
	IDColumn string
	// Extra names further columns (header names, matched as --column
	// matches them) whose text each Ticket carries in Ticket.Extra, in
	// this order: ticket attributes the reader does not interpret, such
	// as ServiceNow's reassignment_count. An absent column gives "". In an
	// event log a ticket keeps each column's last non-empty value in file
	// order.
	Extra []string
	// TimeFormat forces a Go time layout ("02-01-2006 15:04") for every
	// time column instead of detecting one per column.
	TimeFormat string
	// Location is the desk's time zone: times without an offset are read
	// in it and series intervals are its wall-clock slots. Nil means UTC.
	Location *time.Location
	// Strict turns the first bad row into an error instead of a reject.
	Strict bool
	// Now is the clock for rejecting tickets created in the future; nil
	// means time.Now. Volumes (forecasts) may lie in the future. NowIs
	// names it in the reject's reason ("" is "now"): the commands read a
	// file against its modification time — no export holds a ticket
	// created after it was written — so that a file reads the same on any
	// day (standard input and pipes against the clock).
	Now   func() time.Time
	NowIs string
	// Future accepts tickets created after Now: a scenario's replayed
	// history may be synthetic or a plan, and its result must not depend
	// on the day it is run.
	Future bool
	// MaxRejects is how many rejects the Report keeps in detail (all are
	// counted); 0 means 20.
	MaxRejects int
	// Context stops a read: once it is done, the read ends with its error
	// (errors.Is(err, ctx.Err())) at the next block of input, even one
	// waiting on a pipe. Nil means a read that cannot be stopped.
	Context context.Context
}

func (o *Options) context() context.Context {
	if o.Context == nil {
		return context.Background()
	}
	return o.Context
}

func (o *Options) location() *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

func (o *Options) now() time.Time {
	if o.Now == nil {
		return time.Now()
	}
	return o.Now()
}

func (o *Options) maxRejects() int {
	if o.MaxRejects <= 0 {
		return 20
	}
	return o.MaxRejects
}

// ParseColumn parses one FIELD=HEADER mapping as the --column flag takes
// it and adds it to m. FIELD must be one of Fields().
func ParseColumn(m map[string]string, s string) error {
	field, header, ok := strings.Cut(s, "=")
	field = strings.ToLower(strings.TrimSpace(field))
	header = strings.TrimSpace(header)
	if !ok || field == "" || header == "" {
		return &OptionError{fmt.Sprintf("invalid column mapping %q: write FIELD=HEADER, e.g. created_at=Opened or created_at=date+time", s)}
	}
	known := false
	for _, f := range Fields() {
		if f == field {
			known = true
		}
	}
	if !known {
		return &OptionError{fmt.Sprintf("invalid column mapping %q: unknown field %q; fields are %s", s, field, strings.Join(Fields(), ", "))}
	}
	m[field] = header
	return nil
}

// OptionError is a problem with the options themselves (an unknown field,
// a mapped column that the file does not have, an impossible layout): the
// caller's mistake, which a command reports as a usage error.
type OptionError struct{ Msg string }

func (e *OptionError) Error() string { return e.Msg }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
