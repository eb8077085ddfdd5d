package main

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkRequirementsYearCLI runs `staffsim requirements` end to end on a
// year of 15-minute intervals (35,040 rows of forecast.csv): read, solve
// every interval, write requirements.csv. Target: ≤ 0.5 s in all.
func BenchmarkRequirementsYearCLI(b *testing.B) {
	dir := b.TempDir()
	in := filepath.Join(dir, "forecast.csv")
	var sb strings.Builder
	sb.WriteString("interval_start,arrivals,lower,upper,aht_seconds\n")
	start := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	for i := range 365 * 96 {
		slot := float64(i % 96)
		a := math.Round(400*math.Max(0, math.Sin(math.Pi*(slot-28)/64))*10) / 10
		fmt.Fprintf(&sb, "%s,%g,%g,%g,%d\n", start.Add(time.Duration(i)*15*time.Minute).Format(time.RFC3339), a, a*0.8, a*1.2, 220+i%40)
	}
	if err := os.WriteFile(in, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, extra := range [][]string{nil, {"--patience", "3m"}} {
		name := "erlang-c"
		if extra != nil {
			name = "erlang-a"
		}
		b.Run(name, func(b *testing.B) {
			args := append([]string{"requirements", "--forecast", in, "--sl", "80/20s", "--shrinkage", "30%",
				"--max-occupancy", "90%", "--out", filepath.Join(dir, "requirements.csv"), "--format", "json"}, extra...)
			for b.Loop() {
				var out, errb bytes.Buffer
				if code := run(context.Background(), args, streams{in: strings.NewReader(""), out: &out, err: &errb}); code != exitOK {
					b.Fatalf("exit %d: %s", code, errb.String())
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/year")
		})
	}
}
