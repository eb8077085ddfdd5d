package synth

import (
	"context"
	"io"
	"testing"
	"time"
)

// BenchmarkWriteCSV measures ticket generation with CSV output to
// io.Discard, in tickets (rows) per second.
func BenchmarkWriteCSV(b *testing.B) {
	cfg := Sample()
	rows := 0
	for b.Loop() {
		sum, err := WriteCSV(context.Background(), io.Discard, cfg)
		if err != nil {
			b.Fatal(err)
		}
		rows += sum.Tickets
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkSampleSeries measures what `staffsim plan` pays for its built-in
// history: the Sample (26 weeks × 400/day) aggregated to 30-minute
// intervals.
func BenchmarkSampleSeries(b *testing.B) {
	cfg := Sample()
	rows := 0
	for b.Loop() {
		s, err := Series(context.Background(), cfg, 30*time.Minute)
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range s.Arrivals {
			rows += int(a)
		}
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(b.Elapsed().Seconds()*1e3/float64(b.N), "ms/sample")
}
