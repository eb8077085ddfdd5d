package scenarios

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A forecast's aht_seconds sets each interval's mean handle time (the
// handle_time family kept, its mean scaled), the handle_time mean where
// the forecast has none; interval_aht: false keeps the handle_time mean.
// With fixed handle times the busy time of each replication is exactly
// Σ offered × that interval's handle time.
func TestIntervalAHT(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var fc strings.Builder
	fc.WriteString("interval_start,arrivals,aht_seconds\n")
	for h := range 24 {
		arr, aht := 0.0, ""
		switch h {
		case 9:
			arr, aht = 12, "600"
		case 10:
			arr = 30 // no AHT: the handle_time mean
		case 11:
			arr, aht = 20, "30"
		}
		fmt.Fprintf(&fc, "2026-12-07T%02d:00:00Z,%v,%s\n", h, arr, aht)
	}
	if err := os.WriteFile(filepath.Join(dir, "f.csv"), []byte(fc.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	scenario := func(key string) *Scenario {
		yml := `start: 2026-12-07
days: 1
interval: 1h
replications: 8
queues:
  - name: q
    arrivals: {forecast: f.csv` + key + `}
    handle_time: {distribution: fixed, mean: 2m}
    sla: {target: 20s, goal: 80%}
roster:
  shifts:
    - {name: day, start: "00:00", length: 24h, agents: 40}
`
		sc, err := Parse(filepath.Join(dir, "s.yaml"), []byte(yml), dir)
		if err != nil {
			t.Fatal(err)
		}
		return sc
	}
	for _, tc := range []struct {
		key  string
		aht  map[int]time.Duration // per hour with contacts
		flat bool
	}{
		{"", map[int]time.Duration{9: 10 * time.Minute, 10: 2 * time.Minute, 11: 30 * time.Second}, false},
		{", interval_aht: true", map[int]time.Duration{9: 10 * time.Minute, 10: 2 * time.Minute, 11: 30 * time.Second}, false},
		{", interval_aht: false", map[int]time.Duration{9: 2 * time.Minute, 10: 2 * time.Minute, 11: 2 * time.Minute}, true},
	} {
		sc := scenario(tc.key)
		if sc.Queues[0].Arrivals.FlatAHT != tc.flat {
			t.Errorf("%q: FlatAHT %v, want %v", tc.key, sc.Queues[0].Arrivals.FlatAHT, tc.flat)
		}
		out, err := Run(context.Background(), sc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var want float64 // expected busy agent-hours, replication mean
		for h, aht := range tc.aht {
			want += out.Result.Intervals[h].Queues[0].Offered.Mean * aht.Hours()
		}
		s := out.Result.Summary.Total
		if got := s.Occupancy.Mean * s.AgentsAvailable.Mean * 24; math.Abs(got-want) > 1e-9*want {
			t.Errorf("%q: busy agent-hours %v, want %v (Σ offered × the interval's handle time)", tc.key, got, want)
		}
		// What simulate writes back reads the same.
		var buf strings.Builder
		if err := sc.WriteYAML(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := Parse(filepath.Join(dir, "back.yaml"), []byte(buf.String()), dir)
		if err != nil {
			t.Fatalf("%v\n%s", err, buf.String())
		}
		if back.Queues[0].Arrivals.FlatAHT != tc.flat {
			t.Errorf("%q: written and read back, FlatAHT %v, want %v:\n%s", tc.key, back.Queues[0].Arrivals.FlatAHT, tc.flat, buf.String())
		}
	}
	// interval_aht needs a forecast.
	_, err := Parse(filepath.Join(dir, "bad.yaml"), []byte(`start: 2026-12-07
days: 1
queues:
  - name: q
    arrivals: {rate: 10/h, interval_aht: true}
    handle_time: {distribution: fixed, mean: 2m}
    sla: {target: 20s, goal: 80%}
roster:
  shifts:
    - {name: day, start: "00:00", length: 24h, agents: 4}
`), dir)
	if err == nil || !strings.Contains(err.Error(), "interval_aht") {
		t.Errorf("interval_aht with a rate: got %v, want an error naming interval_aht", err)
	}
}
