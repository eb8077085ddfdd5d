package synth

import (
	"bufio"
	"context"
	"io"
	"strconv"
	"time"
)

// Header is the header row of the tickets CSV that WriteCSV writes.
const Header = "ticket_id,created_at,priority,channel,category,handle_seconds,first_response_at,resolved_at"

// Summary describes a generated history.
type Summary struct {
	Tickets    int       // rows written
	First      time.Time // local midnight of the first day
	End        time.Time // local midnight after the last day
	Unanswered int       // tickets with no first response before End
	Open       int       // tickets not resolved before End
}

// WriteCSV generates the history of cfg and writes it to w as CSV: the
// Header row, then one row per ticket in creation order. Times are RFC 3339
// with the offset of the desk's location (time.RFC3339, so UTC is written
// "Z"); handle_seconds is a whole number; first_response_at and
// resolved_at are empty when they fall after the end of the history. No
// field needs quoting. Bytes are identical for identical configurations.
func WriteCSV(ctx context.Context, w io.Writer, cfg Config) (Summary, error) {
	sum := Summary{First: cfg.FirstDay(), End: cfg.End()}
	bw := bufio.NewWriterSize(w, 64<<10)
	buf := make([]byte, 0, 160)
	if _, err := bw.WriteString(Header + "\n"); err != nil {
		return sum, err
	}
	err := Generate(ctx, cfg, func(t Ticket) error {
		buf = AppendCSV(buf[:0], &t)
		sum.Tickets++
		if t.FirstResponseAt.IsZero() {
			sum.Unanswered++
		}
		if t.ResolvedAt.IsZero() {
			sum.Open++
		}
		_, err := bw.Write(buf)
		return err
	})
	if err != nil {
		return sum, err
	}
	return sum, bw.Flush()
}

// AppendCSV appends the CSV row of t, with its newline, to b.
func AppendCSV(b []byte, t *Ticket) []byte {
	b = append(b, t.ID...)
	b = append(b, ',')
	b = t.CreatedAt.AppendFormat(b, time.RFC3339)
	b = append(b, ',')
	b = append(b, t.Priority...)
	b = append(b, ',')
	b = append(b, t.Channel...)
	b = append(b, ',')
	b = append(b, t.Category...)
	b = append(b, ',')
	b = strconv.AppendFloat(b, t.HandleSeconds, 'f', -1, 64)
	b = append(b, ',')
	if !t.FirstResponseAt.IsZero() {
		b = t.FirstResponseAt.AppendFormat(b, time.RFC3339)
	}
	b = append(b, ',')
	if !t.ResolvedAt.IsZero() {
		b = t.ResolvedAt.AppendFormat(b, time.RFC3339)
	}
	return append(b, '\n')
}
