package scenarios

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// minimal is a valid scenario with one queue whose arrivals are %s.
const minimal = `start: 2025-03-03
days: 1
queues:
  - name: q
    arrivals: %s
    handle_time: {mean: 5m}
    sla: 80/20s
roster:
  shifts:
    - {name: day, start: "08:00", length: 8h, agents: 3}
`

func scenarioWith(arrivals string) string { return strings.Replace(minimal, "%s", arrivals, 1) }

// TestScaleZero: scale: 0 is a what-if of no contacts, not the full volume
// (the simulator reads Scale 0 as 1, so it used to simulate 60/h).
func TestScaleZero(t *testing.T) {
	t.Parallel()
	s, err := Parse("zero.yaml", []byte(scenarioWith("{rate: 60/h, scale: 0}")), "")
	if err != nil {
		t.Fatal(err)
	}
	if v := s.Queues[0].Arrivals.Volume(); v != 0 {
		t.Errorf("volume %v, want 0", v)
	}
	cfg, err := s.SimConfig()
	if err != nil {
		t.Fatal(err)
	}
	if a := cfg.Queues[0].Arrivals; a.PerHour != 0 || a.Counts != nil || a.Times != nil {
		t.Errorf("simulator arrivals %+v, want none", a)
	}
	roundTrip(t, "zero", s)
	// Built in Go, the zero Scale keeps meaning the full volume.
	g := *s
	g.Queues = []Queue{s.Queues[0]}
	g.Queues[0].Arrivals = Arrivals{Rate: 60}
	if cfg, err := g.SimConfig(); err != nil || cfg.Queues[0].Arrivals.PerHour != 60 || cfg.Queues[0].Arrivals.Scale != 1 {
		t.Errorf("zero Arrivals in Go: %+v, %v; want 60/h at scale 1", cfg.Queues, err)
	}
}

// TestMergeKeys: YAML merge keys share parts of a scenario; a key written
// beside the merge wins (YAML merge key spec, yaml.org/type/merge.html).
func TestMergeKeys(t *testing.T) {
	t.Parallel()
	merged := `start: 2025-03-03
days: 1
queues:
  - &phone
    name: phone
    arrivals: {rate: 60/h}
    handle_time: &aht {distribution: lognormal, mean: 4m, cv: 0.8}
    sla: 80/20s
  - <<: *phone
    name: chat
    arrivals: {rate: 30/h}
roster:
  shifts:
    - &early
      name: early
      start: "07:00"
      length: 8h
      agents: 3
      breaks: [{after: 4h, length: 30m, unpaid: true}]
    - {<<: [*early], name: late, start: "13:00"}
`
	plain := `start: 2025-03-03
days: 1
queues:
  - {name: phone, arrivals: {rate: 60/h}, handle_time: {distribution: lognormal, mean: 4m, cv: 0.8}, sla: 80/20s}
  - {name: chat, arrivals: {rate: 30/h}, handle_time: {distribution: lognormal, mean: 4m, cv: 0.8}, sla: 80/20s}
roster:
  shifts:
    - {name: early, start: "07:00", length: 8h, agents: 3, breaks: [{after: 4h, length: 30m, unpaid: true}]}
    - {name: late, start: "13:00", length: 8h, agents: 3, breaks: [{after: 4h, length: 30m, unpaid: true}]}
`
	a, err := Parse("s.yaml", []byte(merged), "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("s.yaml", []byte(plain), "")
	if err != nil {
		t.Fatal(err)
	}
	if !equal(a, b) {
		t.Errorf("merged scenario\n%+v\nwant\n%+v", a, b)
	}
}

// TestMarshalFixedZone: a scenario whose zone is a fixed offset (roster
// --out without --tz reads the requirements' "+00:00") is written with a
// zone name that Parse accepts (it used to write timezone: +00:00).
func TestMarshalFixedZone(t *testing.T) {
	t.Parallel()
	base, err := Parse("s.yaml", []byte(scenarioWith("{rate: 60/h}")), "")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		offset int
		want   string // the zone written; "" for an error
	}{
		{0, "UTC"},
		{2 * 3600, "Etc/GMT-2"}, // IANA's Etc zones invert the sign (tzdata "etcetera")
		{-5 * 3600, "Etc/GMT+5"},
		{5*3600 + 1800, ""}, // India's +05:30 has no Etc zone
	}
	for _, c := range cases {
		s := *base
		loc := time.FixedZone(time.Date(2025, 3, 3, 0, 0, 0, 0, time.FixedZone("", c.offset)).Format("-07:00"), c.offset)
		s.Location, s.Start = loc, time.Date(2025, 3, 3, 0, 0, 0, 0, loc)
		out, err := s.Marshal()
		if c.want == "" {
			if err == nil || !strings.Contains(err.Error(), "timezone: the fixed offset +05:30 has no IANA name") {
				t.Errorf("offset %d: error %v, want one naming the offset", c.offset, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("offset %d: %v", c.offset, err)
			continue
		}
		if !strings.Contains(string(out), "timezone: "+c.want+"\n") {
			t.Errorf("offset %d: wrote\n%s\nwant timezone: %s", c.offset, out, c.want)
		}
		back, err := Parse("s.yaml", out, "")
		if err != nil {
			t.Errorf("offset %d: written scenario does not parse: %v", c.offset, err)
			continue
		}
		if !back.Start.Equal(s.Start) {
			t.Errorf("offset %d: start %v, want %v", c.offset, back.Start, s.Start)
		}
	}
}

// TestHistoryColumns: a history whose header the reader cannot map by
// itself is replayed through columns: under arrivals (simulate has no
// --column flag).
func TestHistoryColumns(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	csv := "Logged,Opened\n2025-03-01T10:00:00Z,2025-03-03T09:00:00Z\n2025-03-01T11:00:00Z,2025-03-03T09:30:00Z\n2025-03-01T12:00:00Z,2025-03-03T10:15:00Z\n"
	if err := os.WriteFile(filepath.Join(dir, "h.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Parse("s.yaml", []byte(scenarioWith("{history: h.csv, columns: {created_at: Opened}}")), dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"created_at": "Opened"}; !reflect.DeepEqual(s.Queues[0].Arrivals.Columns, want) {
		t.Errorf("columns %v, want %v", s.Queues[0].Arrivals.Columns, want)
	}
	cfg, err := s.SimConfig()
	if err != nil {
		t.Fatal(err)
	}
	want := []time.Duration{9 * time.Hour, 9*time.Hour + 30*time.Minute, 10*time.Hour + 15*time.Minute}
	if got := cfg.Queues[0].Arrivals.Times; !reflect.DeepEqual(got, want) {
		t.Errorf("replayed %v, want the Opened times %v", got, want)
	}
	roundTrip(t, "columns", s)

	// A column the file lacks is the history reader's error, on the key.
	s, err = Parse("s.yaml", []byte(scenarioWith("{history: h.csv, columns: {created_at: Created}}")), dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SimConfig(); err == nil || !strings.Contains(err.Error(), `queues[0] "q": arrivals.history: h.csv: `) || !strings.Contains(err.Error(), "Created") {
		t.Errorf("missing column: error %v", err)
	}
}
