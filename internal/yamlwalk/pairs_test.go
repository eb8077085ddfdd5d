package yamlwalk

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestPairs(t *testing.T) {
	t.Parallel()
	walk := func(src string) ([]string, error) {
		w := New("test file", "t.yaml")
		var keys []string
		err := w.Parse([]byte(src), "write something", func(root *yaml.Node) {
			ps, ok := w.Pairs(root, "top", "named things")
			if !ok {
				return
			}
			for _, p := range ps {
				keys = append(keys, p.Key+"="+p.Val.Value)
			}
		})
		return keys, err
	}
	// File order kept; aliases resolved.
	got, err := walk("b: &v 1\na: 2\n\"4 - Low\": *v\n")
	if err != nil || strings.Join(got, ",") != "b=1,a=2,4 - Low=1" {
		t.Errorf("got %v, %v; want b=1,a=2,4 - Low=1 in file order", got, err)
	}
	for _, tc := range []struct{ src, want string }{
		{"a: 1\na: 2\n", `line 2: top.a: key "a" repeated (first on line 1)`},
		{"[a, b]\n", `top: want named things, got a list`},
		{"x: &m {a: 1}\n<<: *m\n", `line 2: top: a merge key (<<) cannot add names here`},
		{"? [a]\n: 1\n", `line 1: top: a key must be a name, got a list`},
	} {
		if _, err := walk(tc.src); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.src, err, tc.want)
		}
	}
}
