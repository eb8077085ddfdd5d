package history

import (
	"fmt"
	"time"
	"unicode/utf8"
)

// Reject is one bad row: where it is and why it was refused.
type Reject struct {
	File   string `json:"file"`
	Line   int    `json:"line"`             // 1-based line of the row in the file
	Column string `json:"column,omitempty"` // header name of the bad field, "" for the whole row
	Reason string `json:"reason"`
}

// String formats the reject as "file:line: column "c": reason".
func (r Reject) String() string {
	if r.Column == "" {
		return fmt.Sprintf("%s:%d: %s", r.File, r.Line, r.Reason)
	}
	return fmt.Sprintf("%s:%d: column %q: %s", r.File, r.Line, r.Column, r.Reason)
}

// RowError is the error a strict read returns for its first bad row.
type RowError struct{ Reject }

func (e *RowError) Error() string { return e.Reject.String() }

// FileError is a file that cannot be read as history at all: missing,
// empty, binary, without a usable time column, a quote never closed, or no
// usable row.
type FileError struct {
	File string
	Line int // 0 when the problem is not on one line
	Msg  string
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Report says what a read did: the shape and columns it found, how many
// rows it read, kept and rejected and why.
type Report struct {
	File  string `json:"file"`
	Shape string `json:"shape"` // "tickets" or "volumes"
	// Columns maps each field read to the header it came from.
	Columns map[string]string `json:"columns"`
	// Layouts maps each time field to the Go layout detected or forced.
	Layouts   map[string]string `json:"time_layouts"`
	Delimiter string            `json:"delimiter"`
	Location  string            `json:"time_zone"`
	// Rows is the number of data rows read (the header excluded).
	Rows int `json:"rows"`
	// Rejected counts the rows refused (a malformed row, or a creation
	// time that is missing, unreadable, out of range or in the future);
	// Rejects details the first of them. Rows − Rejected rows were kept
	// (for an event log, merged into Records tickets). A caller refusing
	// a history with too many rejects compares Rejected with Rows.
	Rejected int      `json:"rejected"`
	Rejects  []Reject `json:"rejects"`
	// Dropped counts, per field (FieldResolvedAt, FieldHandleSeconds, …),
	// the values of an optional column that were left out of a row kept
	// for its arrival: a value that does not parse, is out of range, or
	// lies before the creation. A bad optional value never costs a row.
	// Drops details the first of them (as many as Rejects keeps). Nil
	// when nothing was dropped.
	Dropped map[string]int `json:"dropped_fields,omitempty"`
	Drops   []Reject       `json:"drops,omitempty"`
	// Encoding is the text encoding read: "UTF-8", or "Windows-1252" for
	// a file that is not valid UTF-8 and was transcoded.
	Encoding string `json:"encoding"`
	// IDColumn, Collapsed: with an event log, the id column and how many
	// rows merged into an earlier row of the same ticket.
	IDColumn  string `json:"id_column,omitempty"`
	Collapsed int    `json:"collapsed_rows,omitempty"`
	// Records is the number of tickets (or interval rows) delivered.
	Records int `json:"records"`
	// First and Last are the earliest and latest creation (or interval
	// start) delivered, in the desk's time zone.
	First time.Time `json:"first"`
	Last  time.Time `json:"last"`
	// Interval is the spacing of a volumes file (the smallest gap between
	// consecutive rows); 0 for tickets.
	Interval        time.Duration `json:"-"`
	IntervalSeconds float64       `json:"interval_seconds,omitempty"` // Interval in seconds
	// Notes are hints for the user (a repeated id suggesting an event log).
	Notes []string `json:"notes,omitempty"`

	maxRejects int
}

// maxReason bounds the length of a reject's reason, which quotes the bad
// value: a field can be up to MaxField long.
const maxReason = 300

// shorten cuts a reason to maxReason bytes (at a rune boundary).
func shorten(rej Reject) Reject {
	if len(rej.Reason) > maxReason {
		cut := maxReason
		for cut > 0 && !utf8.RuneStart(rej.Reason[cut]) {
			cut--
		}
		rej.Reason = rej.Reason[:cut] + "…"
	}
	return rej
}

func (r *Report) reject(rej Reject) {
	rej = shorten(rej)
	r.Rejected++
	if len(r.Rejects) < r.maxRejects {
		r.Rejects = append(r.Rejects, rej)
	}
}

// drop counts a value of field left out of a kept row.
func (r *Report) drop(field string, rej Reject) {
	if r.Dropped == nil {
		r.Dropped = map[string]int{}
	}
	r.Dropped[field]++
	if len(r.Drops) < r.maxRejects {
		r.Drops = append(r.Drops, shorten(rej))
	}
}

// DroppedTotal is the number of values dropped over all fields.
func (r *Report) DroppedTotal() int {
	n := 0
	for _, v := range r.Dropped {
		n += v
	}
	return n
}

func (r *Report) see(t time.Time) {
	if r.Records == 0 || t.Before(r.First) {
		r.First = t
	}
	if r.Records == 0 || t.After(r.Last) {
		r.Last = t
	}
	r.Records++
}
