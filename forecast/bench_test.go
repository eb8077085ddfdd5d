package forecast

import (
	"sync"
	"testing"
	"time"
)

var (
	benchOnce sync.Once
	benchIn   *Input
)

// benchInput is two years of 15-minute history (104 weeks, 69,888
// intervals) with a 4-week horizon.
func benchInput(b *testing.B) *Input {
	benchOnce.Do(func() {
		s := synth(synthSpec{weeks: 104, interval: 15 * time.Minute, base: 15, growth: 0.002, seed: 9})
		in, err := Prepare(s, 28*96, nil)
		if err != nil {
			panic(err)
		}
		benchIn = in
	})
	return benchIn
}

// BenchmarkMethod measures each method's fit and 4-week forecast on two
// years of 15-minute history.
func BenchmarkMethod(b *testing.B) {
	in := benchInput(b)
	for _, m := range Methods() {
		b.Run(m.Name(), func(b *testing.B) {
			for b.Loop() {
				if _, err := m.Forecast(in, in.Len(), in.Horizon()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(in.Len())*float64(b.N)/b.Elapsed().Seconds(), "intervals/s")
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/fit")
		})
	}
}

// BenchmarkAuto measures the full auto run: backtest of every method on
// the default origins, then the final fit and 4-week forecast with
// intervals. Each run prepares a fresh Input (BenchmarkPrepare: a few ms)
// so that no fit is served from the previous run's cache. The target is
// ≤ 2 s on one core (go test -bench Auto -cpu 1).
func BenchmarkAuto(b *testing.B) {
	s := benchInput(b).Series
	for b.Loop() {
		in, err := Prepare(s, 28*96, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := Auto(in, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/run")
}

// BenchmarkPrepare measures building the calendar of the history.
func BenchmarkPrepare(b *testing.B) {
	in := benchInput(b)
	for b.Loop() {
		if _, err := Prepare(in.Series, 28*96, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(in.Len()+28*96)*float64(b.N)/b.Elapsed().Seconds(), "intervals/s")
}
