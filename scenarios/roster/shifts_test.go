package roster

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/staffsim/staffsim/internal/yamlwalk"
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

// TestParseShiftsErrors checks the message of each kind of mistake: the
// line, the key path (`templates[0] "a": length`, as scenario errors write
// it) and what is wrong.
func TestParseShiftsErrors(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, yaml, want string }{
		{"unknown top key", "templates: []\ncosts: {}\n", `line 2: costs: unknown key "costs"; did you mean "cost"?`},
		{"unknown template key", "templates:\n  - name: a\n    start: \"07:00\"\n    lenght: 8h\n", `line 4: templates[0].lenght: unknown key "lenght"; did you mean "length"?`},
		{"missing length", "templates:\n  - name: a\n    start: \"07:00\"\n", `line 2: templates[0] "a": length: missing`},
		{"bad clock", "templates:\n  - name: a\n    start: \"7h\"\n    length: 8h\n", `line 3: templates[0] "a": start: want a time of day, got "7h"`},
		{"bad duration", "templates:\n  - name: a\n    start: \"07:00\"\n    length: eight\n", `line 4: templates[0] "a": length: want a duration, got "eight"`},
		{"both starts", "templates:\n  - name: a\n    start: \"07:00\"\n    starts: [\"08:00\"]\n    length: 8h\n", `line 4: templates[0] "a": starts: give start or starts, not both`},
		{"bad day", "templates:\n  - name: a\n    start: \"07:00\"\n    length: 8h\n    days: [mon, funday]\n", `line 5: templates[0] "a": days[1]: unknown day "funday"`},
		{"days per week", "templates:\n  - name: a\n    start: \"07:00\"\n    length: 8h\n    days_per_week: 9\n", `line 5: templates[0] "a": days_per_week: 9 is above the maximum 7`},
		{"break outside", "templates:\n  - name: a\n    start: \"07:00\"\n    length: 4h\n    breaks: [{after: 4h, length: 15m}]\n", `line 5: templates[0] "a": breaks[0]: the break ends 4h15m after the shift starts, after the 4h shift ends`},
		{"part-time share", "limits: {part_time: 150%}\ntemplates: []\n", `line 1: limits.part_time: invalid percentage "150%": must be between 0% and 100%`},
		{"no templates", "cost: {hourly: 3}\n", `line 1: templates: missing`},
		{"empty templates", "templates: []\n", `line 1: templates: empty`},
		{"not yaml", "templates: [\n", `shift templates "shifts.yaml": line 1: not valid YAML`},
		{"empty", "", `shift templates "shifts.yaml": the file is empty`},
		{"range backwards", "templates:\n  - name: a\n    starts: {from: \"10:00\", to: \"08:00\", every: 30m}\n    length: 8h\n", `line 3: templates[0] "a": starts.to: to 08:00 is before from 10:00`},
		// Before the shared walker, yes/no were read as booleans (YAML 1.1);
		// scenarios refuse them, and so do shift templates now.
		{"yes for true", "templates:\n  - {name: a, start: \"07:00\", length: 4h, part_time: yes}\n", `line 2: templates[0] "a": part_time: want true or false, got "yes"; write true or false`},
		{"second document", "templates:\n  - {name: a, start: \"07:00\", length: 4h}\n---\ntemplates: []\n", `line 3: a second YAML document starts here`},
		{"bad merge", "templates:\n  - {<<: [1], name: a, start: \"07:00\", length: 4h}\n", `line 2: templates[0].<<: want a mapping to merge, got "1"`},
	}
	for _, c := range cases {
		_, err := ParseShifts("shifts.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

// TestParseShiftsEveryProblem checks that one read lists every problem of
// the file, in file order, each located (the parser used to stop at the
// first).
func TestParseShiftsEveryProblem(t *testing.T) {
	t.Parallel()
	src := `cost: {hourly: -3}
templates:
  - name: a
    start: "25:00"
    length: 8h
  - name: b
    start: "07:00"
    lenght: 8h
    breaks: [{after: 2h, length: 15m, unpaid: no}]
`
	_, err := ParseShifts("shifts.yaml", []byte(src))
	var es yamlwalk.Errors
	if !errors.As(err, &es) {
		t.Fatalf("error %T %v, want yamlwalk.Errors", err, err)
	}
	want := []string{
		`line 1: cost.hourly: -3 is not a cost per hour from 0 to 1e9`,
		`line 4: templates[0] "a": start: want a time of day, got "25:00"`,
		`line 8: templates[1].lenght: unknown key "lenght"; did you mean "length"?`,
		`line 9: templates[1] "b": breaks[0].unpaid: want true or false, got "no"`,
	}
	if len(es) != len(want) {
		t.Fatalf("%d problems, want %d:\n%v", len(es), len(want), err)
	}
	for i, w := range want {
		if got := es[i].Error(); !strings.Contains(got, w) || !strings.HasPrefix(got, `shift templates "shifts.yaml": `) {
			t.Errorf("problem %d: got %s, want %s", i, got, w)
		}
	}
}

// TestParseShiftsMerge reads templates that share their breaks and days
// through an anchor and merge keys (YAML merge key: a key written in the
// mapping wins over a merged one).
func TestParseShiftsMerge(t *testing.T) {
	t.Parallel()
	src := `templates:
  - &full
    name: full
    start: "07:00"
    length: 8h
    days: [mon, tue, wed, thu, fri]
    breaks: [{after: 4h, length: 30m, unpaid: true}]
  - <<: *full
    name: late
    start: "12:00"
`
	sh, err := ParseShifts("shifts.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(sh.Templates) != 2 {
		t.Fatalf("%d templates, want 2", len(sh.Templates))
	}
	late := sh.Templates[1]
	want := Template{Name: "late", Start: 12 * time.Hour, Length: 8 * time.Hour, Weeks: []Week{WeekOf(1, 2, 3, 4, 5)},
		Breaks: []Break{{After: 4 * time.Hour, Length: 30 * time.Minute, Unpaid: true}}}
	if !reflect.DeepEqual(late, want) {
		t.Errorf("merged template %+v, want %+v", late, want)
	}
}

// TestShiftsBrokenCorpus parses every file of testdata/broken-shifts; the
// first line of each says what its error must contain: "# want: …".
func TestShiftsBrokenCorpus(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("testdata", "broken-shifts", "*.yaml"))
	if err != nil || len(files) < 10 {
		t.Fatalf("broken corpus: %d files, %v", len(files), err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		want, ok := strings.CutPrefix(first, "# want: ")
		if !ok {
			t.Errorf("%s: first line must be # want: …", f)
			continue
		}
		_, err = ReadShifts(f)
		if err == nil {
			t.Errorf("%s: no error, want %q", f, want)
			continue
		}
		var e *yamlwalk.Error
		if !errors.As(err, &e) {
			t.Errorf("%s: error %T is not a *yamlwalk.Error", f, err)
		}
		if got := err.Error(); !strings.Contains(got, want) || !strings.HasPrefix(got, "shift templates \""+f+"\": ") {
			t.Errorf("%s:\n got: %s\nwant: %s", f, got, want)
		}
	}
}

// FuzzParseShifts checks that ParseShifts never panics, that every
// failure is a non-empty yamlwalk.Errors of located errors, and that
// whatever parses is a valid set of templates.
func FuzzParseShifts(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "roster", "shifts.yaml")); err == nil {
		f.Add(string(data))
	}
	broken, _ := filepath.Glob(filepath.Join("testdata", "broken-shifts", "*.yaml"))
	for _, p := range broken {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("templates:\n  - name: a\n    start: \"07:00\"\n    length: 8h\n    days: [mon]\n")
	f.Add("templates:\n  - {name: b, starts: [\"23:00\"], lengths: [9h], days_per_week: 3, days_off: any}\n")
	f.Add("limits: {agents: 3, part_time: 0.5}\ntemplates: [{name: c, start: \"00:00\", length: 24h}]\n")
	// Merge keys, a merge that loops, a second document, YAML 1.1 booleans.
	f.Add("templates:\n  - &a {name: a, start: \"07:00\", length: 8h, breaks: [{after: 4h, length: 30m, unpaid: true}]}\n  - {<<: *a, name: b}\n")
	f.Add("templates:\n  - &a {name: a, start: \"07:00\", length: 8h, <<: *a}\n")
	f.Add("templates: [{name: a, start: \"07:00\", length: 8h}]\n---\ntemplates: []\n")
	f.Add("templates: [{name: a, start: \"07:00\", length: 8h, part_time: yes}]\n")
	f.Fuzz(func(t *testing.T, s string) {
		sh, err := ParseShifts("fuzz.yaml", []byte(s))
		if err != nil {
			var es yamlwalk.Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %T %v is not a non-empty Errors", err, err)
			}
			return
		}
		for _, tm := range sh.Templates {
			if err := tm.validate(); err != nil {
				t.Fatalf("parsed an invalid template %+v: %v", tm, err)
			}
		}
	})
}
