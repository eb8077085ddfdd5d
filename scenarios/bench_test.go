package scenarios

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/staffsim/staffsim/scenarios/report"
)

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "mixed-desk.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join("..", "testdata")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("mixed-desk.yaml", data, dir); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "scenarios/s")
}

// BenchmarkSimulateMixed runs the mixed example as `staffsim simulate`
// does: 7 days, 30 replications, three queues, Erlang requirements and the
// report data included.
func BenchmarkSimulateMixed(b *testing.B) {
	s, err := Load(filepath.Join("..", "testdata", "mixed-desk.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	var contacts, events float64
	for b.Loop() {
		out, err := Run(context.Background(), s, Options{Replications: 30})
		if err != nil {
			b.Fatal(err)
		}
		contacts += out.Report.Summary.Offered.Mean * 30
		events += float64(out.Result.Events)
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/run")
	b.ReportMetric(contacts/b.Elapsed().Seconds(), "contacts/s")
	b.ReportMetric(events/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkReport draws every chart and writes the HTML report of the
// mixed example.
func BenchmarkReport(b *testing.B) {
	s, err := Load(filepath.Join("..", "testdata", "mixed-desk.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	out, err := Run(context.Background(), s, Options{Replications: 5})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		charts, err := report.Charts(out.Report)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := report.WriteHTML(&buf, &report.Page{Title: "x", Runs: []*report.Run{out.Report}, Names: []string{"x"}, Cheapest: -1, Charts: charts}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/report")
}
