package staffing

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"
)

func TestReadAndMean(t *testing.T) {
	t.Parallel()
	in := "\ufeffagents,interval_start,note\n10,2026-12-07T09:00:00+01:00,x\n12.5,2026-12-07T09:15:00+01:00,\n11,2026-12-07T09:30:00+01:00,\n0,2026-12-07T09:45:00+01:00,\n"
	cs, err := Read("s.csv", strings.NewReader(in), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].Interval != 15*time.Minute || len(cs[0].Agents) != 4 || !cs[0].Start.Equal(time.Date(2026, 12, 7, 8, 0, 0, 0, time.UTC)) {
		t.Fatalf("got %+v", cs)
	}
	c := cs[0]
	for _, m := range []struct {
		from, to time.Duration // after 08:00 UTC
		want     float64
		ok       bool
	}{
		{0, 30 * time.Minute, (10 + 12.5) / 2, true},                     // two quarters into a half hour
		{5 * time.Minute, 20 * time.Minute, (10*10 + 12.5*5) / 15, true}, // a window across a step
		{30 * time.Minute, time.Hour, 5.5, true},
		{0, time.Hour, (10 + 12.5 + 11 + 0) / 4, true},
		{-time.Minute, 10 * time.Minute, 0, false}, // before the curve
		{50 * time.Minute, 70 * time.Minute, 0, false},
	} {
		got, ok := c.Mean(c.Start.Add(m.from), c.Start.Add(m.to))
		if ok != m.ok || math.Abs(got-m.want) > 1e-12 {
			t.Errorf("Mean(+%v, +%v) = %v, %v; want %v, %v", m.from, m.to, got, ok, m.want, m.ok)
		}
	}
	if h := c.AgentHours(); math.Abs(h-33.5/4) > 1e-12 {
		t.Errorf("agent-hours %v, want 33.5 × 15 min = 8.375", h)
	}
}

func TestReadQueuesAndWrite(t *testing.T) {
	t.Parallel()
	in := "interval_start,agents,queue\n2026-12-07T09:00:00Z,3,phone\n2026-12-07T09:00:00Z,1,chat\n2026-12-07T09:30:00Z,4,phone\n2026-12-07T10:00:00Z,2.5,phone\n"
	cs, err := Read("q.csv", strings.NewReader(in), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].Queue != "phone" || len(cs[0].Agents) != 3 || cs[1].Queue != "chat" || cs[1].Interval != 30*time.Minute {
		t.Fatalf("got %+v %+v", cs[0], cs[1])
	}
	var b bytes.Buffer
	if err := Write(&b, cs[0]); err != nil {
		t.Fatal(err)
	}
	want := "interval_start,agents,queue\n2026-12-07T09:00:00Z,3,phone\n2026-12-07T09:30:00Z,4,phone\n2026-12-07T10:00:00Z,2.5,phone\n"
	if b.String() != want {
		t.Errorf("wrote\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := Write(&b, &Curve{Start: cs[0].Start, Interval: time.Hour, Agents: []float64{1.25}}); err != nil || b.String() != "interval_start,agents\n2026-12-07T09:00:00Z,1.25\n" {
		t.Errorf("without a queue: %q, %v", b.String(), err)
	}
}

func TestReadErrors(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, in, want string }{
		{"empty", "", "empty file"},
		{"no agents", "interval_start,staff\n2026-12-07T09:00:00Z,1\n", `line 1: missing column "agents"`},
		{"bad time", "interval_start,agents\n2026-12-07 09:00,1\n", "line 2: interval_start"},
		{"bad number", "interval_start,agents\n2026-12-07T09:00:00Z,lots\n", "line 2: agents"},
		{"negative", "interval_start,agents\n2026-12-07T09:00:00Z,-2\n", "line 2: agents -2 must be from 0"},
		{"too many", "interval_start,agents\n2026-12-07T09:00:00Z,1e9\n", "must be from 0 to 100000"},
		{"backwards", "interval_start,agents\n2026-12-07T09:30:00Z,1\n2026-12-07T09:00:00Z,1\n", "line 3: interval_start 2026-12-07T09:00:00Z is -30m0s after the previous row"},
		{"odd spacing", "interval_start,agents\n2026-12-07T09:00:00Z,1\n2026-12-07T09:07:00Z,1\n", "want rows 15m, 30m or 60m apart"},
		{"gap", "interval_start,agents\n2026-12-07T09:00:00Z,1\n2026-12-07T09:30:00Z,1\n2026-12-07T10:30:00Z,1\n", "line 4: interval_start 2026-12-07T10:30:00Z is 1h0m0s after the previous row, want 30m0s"},
		{"duplicate", "interval_start,agents,queue\n2026-12-07T09:00:00Z,1,a\n2026-12-07T09:30:00Z,1,a\n2026-12-07T09:30:00Z,1,a\n", `line 4: interval_start 2026-12-07T09:30:00Z is 0s after the previous row of queue "a"`},
		{"header only", "interval_start,agents\n", "no intervals"},
		{"quote", "interval_start,agents\n\"2026,1\n", "line 2"},
	} {
		_, err := Read("s.csv", strings.NewReader(c.in), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "s.csv") {
			t.Errorf("%s: got %v, want an error naming s.csv with %q", c.name, err, c.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("interval_start,agents\n2026-12-07T09:00:00Z,1\n2026-12-07T09:30:00Z,2.5\n")
	f.Add("interval_start,agents,queue\n2026-12-07T09:00:00Z,1,a\n2026-12-07T09:00:00Z,1,b\n")
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := Read("f.csv", strings.NewReader(in), nil)
		if err != nil {
			return
		}
		for _, c := range cs {
			if c.Interval <= 0 || len(c.Agents) == 0 {
				t.Fatalf("curve %+v", c)
			}
			for _, a := range c.Agents {
				if !(a >= 0 && a <= MaxAgents) {
					t.Fatalf("agents %v", a)
				}
			}
		}
	})
}
