package scenarios

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// reserved (a shift) and overflow_after (a queue) reach the simulator and
// are written back; reserved with skills is an error naming the key.
func TestRoutingKeys(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	yml := `start: 2026-12-07
days: 1
queues:
  - name: vip
    arrivals: {rate: 10/h}
    handle_time: {distribution: exponential, mean: 3m}
    sla: {target: 20s, goal: 80%}
  - name: rest
    arrivals: {rate: 30/h}
    handle_time: {distribution: exponential, mean: 3m}
    sla: {target: 20s, goal: 80%}
    overflow_after: 30s
roster:
  shifts:
    - {name: vip desk, start: "08:00", length: 8h, agents: 2, reserved: [vip]}
    - {name: rest desk, start: "08:00", length: 8h, agents: 4, skills: [rest]}
    - {name: helpers, start: "08:00", length: 8h, agents: 2}
`
	check := func(sc *Scenario, when string) {
		t.Helper()
		cfg, err := sc.SimConfig()
		if err != nil {
			t.Fatal(err)
		}
		if got := cfg.Queues[1].OverflowAfter; got != 30*time.Second {
			t.Errorf("%s: overflow after %v, want 30s", when, got)
		}
		if got := cfg.Shifts[0].Reserved; !slices.Equal(got, []string{"vip"}) || cfg.Shifts[0].Skills != nil {
			t.Errorf("%s: vip desk reserved %v skills %v, want reserved [vip]", when, got, cfg.Shifts[0].Skills)
		}
	}
	sc, err := Parse(filepath.Join(dir, "s.yaml"), []byte(yml), dir)
	if err != nil {
		t.Fatal(err)
	}
	check(sc, "parsed")
	var buf strings.Builder
	if err := sc.WriteYAML(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Parse(filepath.Join(dir, "back.yaml"), []byte(buf.String()), dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	check(back, "written and read back")
	_, err = Parse(filepath.Join(dir, "bad.yaml"), []byte(strings.Replace(yml, "reserved: [vip]", "reserved: [vip], skills: [vip]", 1)), dir)
	if err == nil || !strings.Contains(err.Error(), "reserved") {
		t.Errorf("reserved and skills: got %v, want an error naming reserved", err)
	}
}
