package yamlwalk

import (
	"errors"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// walkMap parses src and walks its root as a mapping of the known keys,
// returning the fields' scalar values and the error.
func walkMap(src string, known ...string) (map[string]string, error) {
	w := New("test file", "t.yaml")
	got := map[string]string{}
	err := w.Parse([]byte(src), "write something", func(root *yaml.Node) {
		f, ok := w.Mapping(root, "", "a mapping", known...)
		if !ok {
			return
		}
		for k, v := range f.Vals {
			got[k], _ = w.Str(v, k, "text")
		}
	})
	return got, err
}

func TestMergePrecedence(t *testing.T) {
	t.Parallel()
	// YAML merge key (yaml.org/type/merge.html): keys of the mapping win
	// over merged ones; of a list of merged mappings, the first wins.
	src := "a: &a {x: a1, y: a2}\nb: &b {x: b1, y: b2, z: b3}\nc: {<<: [*a, *b], y: c2}\n"
	w := New("test file", "t.yaml")
	var got map[string]string
	err := w.Parse([]byte(src), "", func(root *yaml.Node) {
		top, _ := w.Mapping(root, "", "a mapping", "a", "b", "c")
		f, _ := w.Mapping(top.Vals["c"], "c", "a mapping", "x", "y", "z")
		got = map[string]string{}
		for k, v := range f.Vals {
			got[k] = v.Value
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"x": "a1", "y": "c2", "z": "b3"}; len(got) != 3 || got["x"] != want["x"] || got["y"] != want["y"] || got["z"] != want["z"] {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestParseProblems(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, src, want string }{
		{"empty", "# nothing\n", `test file "t.yaml": the file is empty; write something`},
		{"syntax", "x: [\n", `test file "t.yaml": line 1: not valid YAML: did not find expected node content`},
		{"second document", "x: 1\n---\nx: 2\n", `line 2: a second YAML document starts here (after ---), and it would be ignored`},
		{"unknown key", "x: 1\nyy: 2\n", `line 2: yy: unknown key "yy"; did you mean "y"?`},
		{"repeated key", "x: 1\nx: 2\n", `line 2: x: key "x" repeated (first on line 1)`},
		{"merge loop", "x: &m {<<: *m}\n", `line 1: x: merge key (<<) loops back to this mapping`},
		{"merge scalar", "<<: 3\n", `line 1: <<: want a mapping to merge, got "3"`},
		{"alias bomb", "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
			"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nx: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
			`the file expands to more than 200000 values`},
	}
	for _, c := range cases {
		w := New("test file", "t.yaml")
		err := w.Parse([]byte(c.src), "write something", func(root *yaml.Node) {
			f, ok := w.Mapping(root, "", "a mapping", "x", "y", "a", "b", "c", "d", "e")
			if !ok {
				return
			}
			if v := f.Vals["x"]; v != nil {
				if v.Kind == yaml.MappingNode {
					w.Mapping(v, "x", "a mapping", "y")
				}
				var walk func(n *yaml.Node)
				walk = func(n *yaml.Node) {
					if items, ok := w.Seq(n, "x", "a list"); ok {
						for _, it := range items {
							if it.Kind == yaml.SequenceNode {
								walk(it)
							}
						}
					}
				}
				if v.Kind == yaml.SequenceNode {
					walk(v)
				}
			}
		})
		var es Errors
		if !errors.As(err, &es) || len(es) == 0 || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want Errors containing %q", c.name, err, c.want)
		}
	}
}

func TestErrorCap(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for i := 0; i < MaxErrors+5; i++ {
		b.WriteString("k" + strings.Repeat("z", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ": 1\n")
	}
	_, err := walkMap(b.String(), "x")
	var es Errors
	if !errors.As(err, &es) || len(es) != MaxErrors+1 || !strings.HasSuffix(err.Error(), "5 more problems not listed; fix the problems above first") {
		t.Errorf("%d errors, last %q; want %d and a count of the rest", len(es), es[len(es)-1], MaxErrors+1)
	}
}

func TestScalars(t *testing.T) {
	t.Parallel()
	cases := []struct {
		src  string
		walk func(w *Walker, n *yaml.Node) any
		want any // nil: a problem expected
	}{
		{"true", func(w *Walker, n *yaml.Node) any { v, _ := w.Boolean(n, "k"); return v }, true},
		{"yes", func(w *Walker, n *yaml.Node) any { v, _ := w.Boolean(n, "k"); return v }, nil},
		{"off", func(w *Walker, n *yaml.Node) any { v, _ := w.Boolean(n, "k"); return v }, nil},
		{`"07:30"`, func(w *Walker, n *yaml.Node) any { v, _ := w.Clock(n, "k"); return v }, 7*time.Hour + 30*time.Minute},
		{`"24:00"`, func(w *Walker, n *yaml.Node) any { v, _ := w.Clock(n, "k"); return v }, nil},
		{"1h30m", func(w *Walker, n *yaml.Node) any { v, _ := w.Duration(n, "k"); return v }, 90 * time.Minute},
		{"2d", func(w *Walker, n *yaml.Node) any { v, _ := w.Duration(n, "k"); return v }, 48 * time.Hour},
		{"0s", func(w *Walker, n *yaml.Node) any { v, _ := w.PositiveDuration(n, "k"); return v }, nil},
		{"80%", func(w *Walker, n *yaml.Node) any { v, _ := w.Fraction(n, "k"); return v }, 0.8},
		{"-2", func(w *Walker, n *yaml.Node) any { v, _ := w.Integer(n, "k", 0, ""); return v }, nil},
		{"[Monday, sun, WED]", func(w *Walker, n *yaml.Node) any {
			v, _ := w.Weekdays(n, "k")
			return strings.Join(weekdayNames(v), ",")
		}, "Monday,Wednesday,Sunday"},
		{"[mon, mon]", func(w *Walker, n *yaml.Node) any { v, _ := w.Weekdays(n, "k"); return len(v) }, nil},
	}
	for _, c := range cases {
		w := New("test file", "t.yaml")
		var got any
		err := w.Parse([]byte("k: "+c.src+"\n"), "", func(root *yaml.Node) {
			f, _ := w.Mapping(root, "", "a mapping", "k")
			got = c.walk(w, f.Vals["k"])
		})
		switch {
		case c.want == nil && err == nil:
			t.Errorf("%s: no problem, want one", c.src)
		case c.want != nil && (err != nil || got != c.want):
			t.Errorf("%s: got %v (%v), want %v", c.src, got, err, c.want)
		}
	}
}

func weekdayNames(ds []time.Weekday) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	known := []string{"name", "start", "length", "created_at", "resolved_at"}
	for _, c := range []struct{ in, want string }{
		{"lenght", "length"}, {"Name", "name"}, {"strat", "start"}, {"created", "created_at"}, {"cre", ""}, {"zzz", ""},
	} {
		if got := Suggest(c.in, known); got != c.want {
			t.Errorf("Suggest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
