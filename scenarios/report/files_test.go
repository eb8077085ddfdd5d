package report

import (
	"bytes"
	"testing"

	"github.com/gocarina/gocsv"
)

// TestIntervalRowsRoundTrip writes intervals.csv and reads it back through
// IntervalRow: every cell comes back, empty ones as nil.
func TestIntervalRowsRoundTrip(t *testing.T) {
	t.Parallel()
	r := fakeRun(t, "x", 1)
	var buf bytes.Buffer
	if err := WriteIntervalsCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	var got []IntervalRow
	if err := gocsv.Unmarshal(&buf, &got); err != nil {
		t.Fatal(err)
	}
	want := IntervalRows(r)
	if len(got) != len(want) {
		t.Fatalf("read %d rows, wrote %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		same := func(a, b interface{ Value() (float64, bool) }) bool {
			av, aok := a.Value()
			bv, bok := b.Value()
			return av == bv && aok == bok
		}
		if !g.IntervalStart.Equal(w.IntervalStart.Time) || g.Queue != w.Queue || !same(g.Offered, w.Offered) ||
			!same(g.Answered, w.Answered) || !same(g.Abandoned, w.Abandoned) || !same(g.ServiceLevel, w.ServiceLevel) ||
			!same(g.ServiceLevelLow, w.ServiceLevelLow) || !same(g.ServiceLevelHigh, w.ServiceLevelHigh) ||
			!same(g.ASASeconds, w.ASASeconds) || !same(g.AbandonRate, w.AbandonRate) || !same(g.Occupancy, w.Occupancy) ||
			!same(g.AgentsAvailable, w.AgentsAvailable) || !same(g.Backlog, w.Backlog) {
			t.Fatalf("row %d: read %+v, wrote %+v", i, g, w)
		}
	}
}
