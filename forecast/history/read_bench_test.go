package history_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/staffsim/staffsim/forecast"
	"github.com/staffsim/staffsim/forecast/history"
	"github.com/staffsim/staffsim/internal/cputime"
)

// writeTickets writes n synthetic tickets in the generator's format
// (RFC 3339 with offset) to a file in dir and returns its path.
func writeTickets(tb testing.TB, dir string, n int) string {
	tb.Helper()
	p := filepath.Join(dir, "tickets.csv")
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("ticket_id,created_at,priority,channel,category,handle_seconds,first_response_at,resolved_at\n")
	loc := time.FixedZone("", 3600)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, loc)
	prios := []string{"P1", "P2", "P3", "P4"}
	chans := []string{"phone", "email", "chat"}
	var buf []byte
	for i := range n {
		c := start.Add(time.Duration(i) * 31 * time.Second) // ≈ 1 year for 1M rows
		buf = buf[:0]
		buf = strconv.AppendInt(buf, int64(i+1), 10)
		buf = append(buf, ',')
		buf = c.AppendFormat(buf, time.RFC3339)
		buf = append(buf, ',')
		buf = append(buf, prios[i%4]...)
		buf = append(buf, ',')
		buf = append(buf, chans[i%3]...)
		buf = append(buf, ",network,"...)
		buf = strconv.AppendInt(buf, int64(60+i%600), 10)
		buf = append(buf, ',')
		buf = c.Add(time.Duration(i%7200)*time.Second).AppendFormat(buf, time.RFC3339)
		buf = append(buf, ',')
		buf = c.Add(time.Duration(i%86400)*time.Second).AppendFormat(buf, time.RFC3339)
		buf = append(buf, '\n')
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return p
}

// BenchmarkRead streams a 1,000,000-row ticket CSV through the reader
// into a sink that only counts, in Europe/London: the reader's share of
// BenchmarkLoadSeries. It reports rows/s (wall clock), rows/cpu-s and
// bytes allocated per row.
func BenchmarkRead(b *testing.B) {
	const rows = 1_000_000
	p := writeTickets(b, b.TempDir(), rows)
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		b.Skip("no tz database")
	}
	opt := history.Options{Location: loc, Now: func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0 := cputime.Now()
	b.ResetTimer()
	for b.Loop() {
		var n count
		rep, err := history.ReadFile(p, opt, &n)
		if err != nil || rep.Records != rows || int(n) != rows {
			b.Fatalf("records %v (%d counted), err %v", rep, n, err)
		}
	}
	b.StopTimer()
	cpu := cputime.Now() - cpu0
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(rows), "B/row")
	if cpu > 0 {
		b.ReportMetric(float64(rows)*float64(b.N)/cpu.Seconds(), "rows/cpu-s")
	}
	b.ReportMetric(0, "ns/op")
}

// count is a Sink that counts records.
type count int

func (n *count) Ticket(*history.Ticket) { *n++ }
func (n *count) Volume(*history.Volume) { *n++ }

// BenchmarkLoadSeries (forecast.LoadSeries: the reader and the
// aggregation into a Series, which lives with the reader's benchmarks so
// that both share their input) reads and aggregates a 1,000,000-row ticket CSV into
// 30-minute intervals in Europe/London, reporting rows/s (wall clock),
// rows/cpu-s (user+system CPU, fairer on a shared machine), bytes
// allocated per row and the live heap after the read. The 100,000-row case
// shows the memory is flat: the heap after the read does not grow with the
// number of rows (only with the days the series covers).
func BenchmarkLoadSeries(b *testing.B) {
	for _, rows := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) { benchLoadSeries(b, rows) })
	}
}

func benchLoadSeries(b *testing.B, rows int) {
	p := writeTickets(b, b.TempDir(), rows)
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		b.Skip("no tz database")
	}
	opt := history.Options{Location: loc, Now: func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cpu0 := cputime.Now()
	b.ResetTimer()
	var s *forecast.Series
	for b.Loop() {
		var rep *history.Report
		s, rep, err = forecast.LoadSeriesFile(p, opt, 30*time.Minute)
		if err != nil || rep.Records != rows || s.Len() == 0 {
			b.Fatalf("records %v, err %v", rep, err)
		}
	}
	b.StopTimer()
	cpu := cputime.Now() - cpu0
	runtime.GC()
	runtime.ReadMemStats(&after)
	perRow := float64(after.TotalAlloc-before.TotalAlloc) / float64(b.N) / float64(rows)
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(perRow, "B/row")
	if cpu > 0 {
		b.ReportMetric(float64(rows)*float64(b.N)/cpu.Seconds(), "rows/cpu-s")
	}
	// The live heap beyond what was live before, with the series still held.
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "MiB-live")
	b.ReportMetric(float64(s.Len()), "intervals")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkSummarize is inspect's pass over the same file.
func BenchmarkSummarize(b *testing.B) {
	const rows = 1_000_000
	p := writeTickets(b, b.TempDir(), rows)
	opt := history.Options{Now: func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }}
	cpu0 := cputime.Now()
	b.ResetTimer()
	for b.Loop() {
		if _, err := history.SummarizeFile(p, opt, history.SummaryOptions{SLAWithin: time.Hour, SLAGoal: 0.9}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	if cpu := cputime.Now() - cpu0; cpu > 0 {
		b.ReportMetric(float64(rows)*float64(b.N)/cpu.Seconds(), "rows/cpu-s")
	}
	b.ReportMetric(0, "ns/op")
}

// TestWriteTicketsReadBack checks the benchmark's input reads whole.
func TestWriteTicketsReadBack(t *testing.T) {
	t.Parallel()
	p := writeTickets(t, t.TempDir(), 1000)
	s, rep, err := forecast.LoadSeriesFile(p, history.Options{Now: func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }}, time.Hour)
	if err != nil || rep.Records != 1000 || rep.Rejected != 0 {
		t.Fatalf("%v %+v", err, rep)
	}
	sum := 0.0
	for _, a := range s.Arrivals {
		sum += a
	}
	if sum != 1000 || fmt.Sprint(s.Start) != "2023-12-31 00:00:00 +0000 UTC" {
		t.Errorf("sum %v start %v", sum, s.Start)
	}
}
