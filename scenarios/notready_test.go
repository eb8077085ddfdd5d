package scenarios

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// not_ready and not_ready_spell: the roster's apply to every shift without
// its own, and to staffing curves; a shift's own win; WriteYAML writes
// them back; a share of 100 % is an error naming the key.
func TestNotReadyKeys(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	yml := `start: 2026-12-07
days: 1
queues:
  - name: q
    arrivals: {rate: 10/h}
    handle_time: {distribution: fixed, mean: 2m}
    sla: {target: 20s, goal: 80%}
roster:
  not_ready: 12%
  not_ready_spell: 90s
  shifts:
    - {name: a, start: "08:00", length: 8h, agents: 4}
    - {name: b, start: "08:00", length: 8h, agents: 4, not_ready: 0%}
    - {name: c, start: "08:00", length: 8h, agents: 4, not_ready: 25%, not_ready_spell: 5m}
`
	check := func(sc *Scenario, when string) {
		t.Helper()
		want := []struct {
			share float64
			spell time.Duration
		}{{0.12, 90 * time.Second}, {0, 90 * time.Second}, {0.25, 5 * time.Minute}}
		for i, sh := range sc.Roster.SimShifts() {
			if sh.NotReady != want[i].share || sh.NotReadySpell != want[i].spell {
				t.Errorf("%s: shift %s: not ready %v in spells of %v, want %v in %v", when, sh.Name, sh.NotReady, sh.NotReadySpell, want[i].share, want[i].spell)
			}
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

	_, err = Parse(filepath.Join(dir, "bad.yaml"), []byte(strings.Replace(yml, "not_ready: 12%", "not_ready: 100%", 1)), dir)
	if err == nil || !strings.Contains(err.Error(), "roster.not_ready") {
		t.Errorf("not_ready: 100%%: got %v, want an error naming roster.not_ready", err)
	}
}
