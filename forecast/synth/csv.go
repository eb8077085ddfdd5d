package synth

import (
	"context"
	"encoding/csv"
	"io"
	"time"

	"github.com/gocarina/gocsv"

	"github.com/staffsim/staffsim/internal/csvfield"
)

// Row is one row of the tickets CSV that WriteCSV writes; the struct tags
// are its columns, in order. Times are RFC 3339 with the offset of the
// desk's location; first_response_at and resolved_at are empty when they
// fall after the end of the history.
type Row struct {
	TicketID        string         `csv:"ticket_id"`
	CreatedAt       csvfield.Time  `csv:"created_at"`
	Priority        string         `csv:"priority"`
	Channel         string         `csv:"channel"`
	Category        string         `csv:"category"`
	HandleSeconds   csvfield.Float `csv:"handle_seconds"` // whole seconds
	FirstResponseAt csvfield.Time  `csv:"first_response_at"`
	ResolvedAt      csvfield.Time  `csv:"resolved_at"`
}

// Row returns the ticket as a row of the tickets CSV.
func (t *Ticket) Row() Row {
	return Row{TicketID: t.ID, CreatedAt: csvfield.At(t.CreatedAt), Priority: t.Priority, Channel: t.Channel,
		Category: t.Category, HandleSeconds: csvfield.Float(t.HandleSeconds),
		FirstResponseAt: csvfield.At(t.FirstResponseAt), ResolvedAt: csvfield.At(t.ResolvedAt)}
}

// batchRows is how many rows WriteCSV hands gocsv at once: memory stays
// bounded (a few hundred kB) whatever the length of the history.
const batchRows = 4096

// Summary describes a generated history.
type Summary struct {
	Tickets    int       // rows written
	First      time.Time // local midnight of the first day
	End        time.Time // local midnight after the last day
	Unanswered int       // tickets with no first response before End
	Open       int       // tickets not resolved before End
}

// WriteCSV generates the history of cfg and writes it to w as CSV: the
// header row, then one Row per ticket in creation order, written by gocsv
// in batches of batchRows. Times are RFC 3339
// with the offset of the desk's location (time.RFC3339, so UTC is written
// "Z"); handle_seconds is a whole number; first_response_at and
// resolved_at are empty when they fall after the end of the history. No
// field needs quoting. Bytes are identical for identical configurations.
func WriteCSV(ctx context.Context, w io.Writer, cfg Config) (Summary, error) {
	sum := Summary{First: cfg.FirstDay(), End: cfg.End()}
	cw := gocsv.NewSafeCSVWriter(csv.NewWriter(w))
	batch := make([]Row, 0, batchRows)
	if err := gocsv.MarshalCSV(batch, cw); err != nil { // the header
		return sum, err
	}
	err := Generate(ctx, cfg, func(t Ticket) error {
		batch = append(batch, t.Row())
		sum.Tickets++
		if t.FirstResponseAt.IsZero() {
			sum.Unanswered++
		}
		if t.ResolvedAt.IsZero() {
			sum.Open++
		}
		if len(batch) < batchRows {
			return nil
		}
		err := gocsv.MarshalCSVWithoutHeaders(batch, cw)
		batch = batch[:0]
		return err
	})
	if err == nil && len(batch) > 0 {
		err = gocsv.MarshalCSVWithoutHeaders(batch, cw)
	}
	if err != nil {
		return sum, err
	}
	cw.Flush()
	return sum, cw.Error()
}
