package roster

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/erlang"
)

var update = flag.Bool("update", false, "rewrite testdata/roster/requirements.csv")

// TestRequirementsFixture rewrites (with -update) and reads back the
// example requirements.csv of the CLI tests and README: the week of
// weekDemand(t, 250), as erlang.Requirements computes it.
func TestRequirementsFixture(t *testing.T) {
	path := filepath.Join("..", "..", "testdata", "roster", "requirements.csv")
	if *update {
		p, c := weekDemand(t, 250)
		arr := c.Desk.Queues[0].Arrivals.Counts
		d := make([]erlang.Demand, len(arr))
		for i, a := range arr {
			d[i] = erlang.Demand{Arrivals: a, AHT: 300}
		}
		reqs, err := erlang.Requirements(d, erlang.Targets{ServiceLevel: 0.8, Within: 20},
			erlang.Options{Model: erlang.ModelC, Interval: 30 * time.Minute, Shrinkage: 0.1})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		b.WriteString("interval_start,arrivals,aht_seconds,traffic_erlangs,agents,scheduled_agents,service_level,asa_seconds,occupancy,abandon_rate\n")
		for i, r := range reqs {
			fmt.Fprintf(&b, "%s,%g,%g,%g,%d,%d,%g,%g,%g,\n", p.Time(i).Format(time.RFC3339), r.Arrivals, r.AHT,
				r.Arrivals*r.AHT/1800, r.Agents, r.Scheduled, r.ServiceLevel, r.ASA, r.Occupancy)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	loc, _ := time.LoadLocation("Europe/London")
	r, err := ReadRequirements(path, loc)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Arrivals) != 336 || r.Interval != 30*time.Minute || r.Start.Weekday() != time.Monday {
		t.Errorf("got %d intervals of %v from %v; want 336 × 30m from a Monday", len(r.Arrivals), r.Interval, r.Start)
	}
	if s := r.Shrinkage(); s < 0.1 || s > 0.15 {
		t.Errorf("implied shrinkage %v, want a little over 10 %% (scheduled agents are rounded up)", s)
	}
}

func TestParseRequirementsErrors(t *testing.T) {
	t.Parallel()
	head := "interval_start,arrivals,aht_seconds,agents,scheduled_agents\n"
	cases := []struct{ name, csv, want string }{
		{"empty", "", "empty file"},
		{"missing column", "interval_start,arrivals\n", `missing column "aht_seconds"`},
		{"bad time", head + "yesterday,1,2,3,4\n", `line 2: interval_start "yesterday"`},
		{"negative", head + "2026-12-07T00:00:00Z,1,2,-3,4\n", `line 2: agents "-3"`},
		{"gap", head + "2026-12-07T00:00:00Z,1,2,3,4\n2026-12-07T00:30:00Z,1,2,3,4\n2026-12-07T01:30:00Z,1,2,3,4\n", "line 4: interval_start 2026-12-07T01:30:00Z is 1h0m0s after"},
		{"no rows", head, "no intervals"},
		{"empty agents", head + "2026-12-07T00:00:00Z,0,,,0\n", `line 2: agents ""`},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00", "req.csv: is a binary file, not CSV text"},
		{"gzip", "\x1f\x8b\x08\x00interval_start", "req.csv: is gzip-compressed"},
		{"absurd scheduled", head + "2026-12-07T00:00:00Z,1,2,3,1e9\n", `req.csv: line 2: scheduled_agents 1e9 is more than 100000`},
		{"absurd agents", head + "2026-12-07T00:00:00Z,1,2,3e5,4\n", `req.csv: line 2: agents 3e5 is more than 100000`},
	}
	for _, c := range cases {
		_, err := ParseRequirements("req.csv", strings.NewReader(c.csv), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

func TestParseRequirementsOffsetChange(t *testing.T) {
	t.Parallel()
	// Europe/London leaves summer time at 02:00 BST on 25 Oct 2026: the
	// rows go from +01:00 to Z, 30 minutes apart in absolute time.
	csv := "interval_start,arrivals,aht_seconds,agents,scheduled_agents\n" +
		"2026-10-25T01:00:00+01:00,1,2,3,4\n2026-10-25T01:30:00+01:00,1,2,3,4\n2026-10-25T01:00:00Z,1,2,3,4\n"
	r, err := ParseRequirements("req.csv", strings.NewReader(csv), nil)
	if err != nil || r.OffsetChange != "line 4: offset +00:00, the first row's +01:00" {
		t.Errorf("without a zone: %v, OffsetChange %q; want line 4 named", err, r.OffsetChange)
	}
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip(err)
	}
	if r, err = ParseRequirements("req.csv", strings.NewReader(csv), london); err != nil || r.OffsetChange != "" {
		t.Errorf("in Europe/London: %v, OffsetChange %q; want none", err, r.OffsetChange)
	}
}

func FuzzParseRequirements(f *testing.F) {
	f.Add("interval_start,arrivals,aht_seconds,agents,scheduled_agents\n2026-12-07T00:00:00Z,1,300,1,2\n2026-12-07T00:30:00Z,0,0,0,0\n")
	f.Add("interval_start,arrivals,aht_seconds,traffic_erlangs,agents,scheduled_agents\n2026-12-07T09:00:00+01:00,5,200,1,3,4\n")
	f.Add("agents\n1\n")
	f.Add("interval_start,arrivals,aht_seconds,agents,scheduled_agents\n0000-01-01T0:00:00Z,0,0,0,1")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRequirements("fuzz.csv", strings.NewReader(s), nil)
		if err != nil {
			return
		}
		if len(r.Arrivals) == 0 || r.Interval <= 0 || len(r.Scheduled) != len(r.Arrivals) {
			t.Fatalf("accepted %q as %+v", s, r)
		}
		if sh := r.Shrinkage(); !(sh >= 0 && sh < 1) {
			t.Fatalf("shrinkage %v", sh)
		}
	})
}
