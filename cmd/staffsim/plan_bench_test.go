package main

import (
	"path/filepath"
	"testing"
)

// BenchmarkPlanSample runs staffsim plan on the built-in sample with its
// defaults (28 days, 20 replications, 11 headcounts × 3 cases), the
// README's first command: seconds per plan.
func BenchmarkPlanSample(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "plan")
	for b.Loop() {
		var out, errb nopWriter
		if code := run(b.Context(), []string{"plan", "--out", dir}, streams{out: &out, err: &errb}); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/plan")
}

type nopWriter struct{}

func (*nopWriter) Write(p []byte) (int, error) { return len(p), nil }
