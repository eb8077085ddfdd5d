package roster

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestReadShiftsExample(t *testing.T) {
	t.Parallel()
	s, err := ReadShifts(filepath.Join("..", "..", "testdata", "roster", "shifts.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Templates) != 98 || s.Hourly != 32.5 || s.Limits.PartTime != 0.4 {
		t.Fatalf("got %d templates, hourly %v, part-time %v; want 98, 32.5, 0.4", len(s.Templates), s.Hourly, s.Limits.PartTime)
	}
	cols := 0
	for _, tm := range s.Templates {
		cols += len(tm.Weeks)
	}
	if cols != 584 {
		t.Errorf("%d weekly patterns, want 584 (17·2·7 + 13·7 + 17·7 + 17 + 17·7)", cols)
	}
	first := s.Templates[0]
	if first.Name != "full-8h" || first.Start != 6*time.Hour || first.Length != 8*time.Hour || len(first.Breaks) != 2 || !first.Breaks[1].Unpaid {
		t.Errorf("first template %+v", first)
	}
	if got := first.PaidPerShift(); got != 7*time.Hour+30*time.Minute {
		t.Errorf("paid per shift %v, want 7h30m", got)
	}
}

func TestParseShiftsErrors(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, yaml, want string }{
		{"unknown top key", "templates: []\ncosts: {}\n", `line 2: costs: unknown key`},
		{"unknown template key", "templates:\n  - name: a\n    start: \"07:00\"\n    lenght: 8h\n", `line 4: templates[0].lenght: unknown key`},
		{"missing length", "templates:\n  - name: a\n    start: \"07:00\"\n", `line 2: templates[0] (a).length: missing`},
		{"bad clock", "templates:\n  - name: a\n    start: \"7h\"\n    length: 8h\n", `line 3: templates[0] (a).start: "7h" is not a time of day`},
		{"bad duration", "templates:\n  - name: a\n    start: \"07:00\"\n    length: eight\n", `line 4: templates[0] (a).length: invalid duration`},
		{"both starts", "templates:\n  - name: a\n    start: \"07:00\"\n    starts: [\"08:00\"]\n    length: 8h\n", `line 4: templates[0] (a).starts: give start or starts, not both`},
		{"bad day", "templates:\n  - name: a\n    start: \"07:00\"\n    length: 8h\n    days: [mon, funday]\n", `line 5: templates[0] (a).days: unknown day "funday"`},
		{"days per week", "templates:\n  - name: a\n    start: \"07:00\"\n    length: 8h\n    days_per_week: 9\n", `line 5: templates[0] (a).days_per_week: 9: write 1 to 7`},
		{"break outside", "templates:\n  - name: a\n    start: \"07:00\"\n    length: 4h\n    breaks: [{after: 4h, length: 15m}]\n", `line 2: templates[0] (a): break 1`},
		{"part-time share", "limits: {part_time: 150%}\ntemplates: []\n", `line 1: limits.part_time: "150%" is not a share`},
		{"no templates", "cost: {hourly: 3}\n", `templates: missing`},
		{"empty templates", "templates: []\n", `templates: empty`},
		{"not yaml", "templates: [\n", `shifts.yaml: `},
		{"empty", "", `empty file`},
		{"range backwards", "templates:\n  - name: a\n    starts: {from: \"10:00\", to: \"08:00\", every: 30m}\n    length: 8h\n", `line 3: templates[0] (a).starts.to: to 08:00 is before from 10:00`},
	}
	for _, c := range cases {
		_, err := ParseShifts("shifts.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

func FuzzParseShifts(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "roster", "shifts.yaml")); err == nil {
		f.Add(string(data))
	}
	f.Add("templates:\n  - name: a\n    start: \"07:00\"\n    length: 8h\n    days: [mon]\n")
	f.Add("templates:\n  - {name: b, starts: [\"23:00\"], lengths: [9h], days_per_week: 3, days_off: any}\n")
	f.Add("limits: {agents: 3, part_time: 0.5}\ntemplates: [{name: c, start: \"00:00\", length: 24h}]\n")
	f.Fuzz(func(t *testing.T, s string) {
		sh, err := ParseShifts("fuzz.yaml", []byte(s))
		if err != nil {
			return
		}
		for _, tm := range sh.Templates {
			if err := tm.validate(); err != nil {
				t.Fatalf("parsed an invalid template %+v: %v", tm, err)
			}
		}
	})
}
