package synth

import (
	"bytes"
	"context"
	"testing"

	"github.com/gocarina/gocsv"
)

// TestRowsRoundTrip writes three weeks of tickets and reads the CSV back
// through Row: every ticket comes back as Generate made it.
func TestRowsRoundTrip(t *testing.T) {
	t.Parallel()
	cfg := Sample()
	cfg.Days = 21 // more than batchRows tickets: two batches and a rest
	var want []Row
	if err := Generate(context.Background(), cfg, func(tk Ticket) error { want = append(want, tk.Row()); return nil }); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	sum, err := WriteCSV(context.Background(), &b, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []Row
	if err := gocsv.Unmarshal(&b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || sum.Tickets != len(want) || len(want) <= batchRows {
		t.Fatalf("read %d rows, summary %d, generated %d", len(got), sum.Tickets, len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.TicketID != w.TicketID || !g.CreatedAt.Equal(w.CreatedAt.Time) || g.Priority != w.Priority || g.Channel != w.Channel ||
			g.Category != w.Category || g.HandleSeconds != w.HandleSeconds ||
			!g.FirstResponseAt.Equal(w.FirstResponseAt.Time) || !g.ResolvedAt.Equal(w.ResolvedAt.Time) {
			t.Fatalf("row %d: read %+v, wrote %+v", i, g, w)
		}
	}
}
