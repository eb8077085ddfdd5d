package scenarios

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/staffsim/staffsim/internal/quantity"
	"go.yaml.in/yaml/v3"
)

// maxNodes bounds the YAML nodes one scenario may visit, aliases included,
// so that a "billion laughs" file fails fast instead of exhausting memory.
const maxNodes = 200_000

// walker walks a yaml.Node tree, converting values and collecting errors
// with their line and key path.
type walker struct {
	file   string
	dir    string // relative paths are resolved against it
	errs   Errors
	budget int
	// queueNodes are the name nodes of the queues, for later checks;
	// queuesOK says the queues section parsed as a list, so that skills
	// can be checked against it without a cascade of errors.
	queueNodes map[string]*yaml.Node
	// agentNodes are the agents nodes of the shifts, in roster order (nil
	// where a shift had none), for the cross-check.
	agentNodes []*yaml.Node
	queuesOK   bool
}

// errAt records an error at node n (n may be nil) for the key path.
func (w *walker) errAt(n *yaml.Node, path, hint, format string, args ...any) {
	e := &Error{File: w.file, Key: path, Msg: fmt.Sprintf(format, args...), Hint: hint}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	w.errs = append(w.errs, e)
}

// sorted returns the errors in file order (stable for equal lines).
func (w *walker) sorted() Errors {
	sort.SliceStable(w.errs, func(i, j int) bool { return w.errs[i].Line < w.errs[j].Line })
	return w.errs
}

// resolve follows aliases and charges the node budget.
func (w *walker) resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	w.budget--
	if w.budget == 0 {
		w.errAt(n, "", "remove the anchors and aliases that repeat large parts of the file", "the file expands to more than %d values", maxNodes)
	}
	return n
}

// sub joins a key to a path: `a.b`, or `x[1] "name": b` after a named element.
func sub(path, key string) string {
	switch {
	case path == "":
		return key
	case strings.HasSuffix(path, `"`):
		return path + ": " + key
	}
	return path + "." + key
}

// index returns the path of element i of a list: `path[i]`.
func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// named returns the path of a list element with a name: `path[i] "name"`.
func named(path string, i int, name string) string {
	return index(path, i) + " " + strconv.Quote(name)
}

// kindName describes a node kind for "want X, got Y" messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value lines)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// fields is a mapping's values by key, with the key nodes for positions.
type fields struct {
	// misspelt holds known keys that an unknown key looks like a typo of,
	// so that "missing" is not reported on top of "did you mean".
	misspelt map[string]bool
	vals     map[string]*yaml.Node
	keys     map[string]*yaml.Node
	node     *yaml.Node
}

func (f fields) has(k string) bool { return f.vals[k] != nil }

// mapping checks that n is a mapping whose keys are all in known (and not
// repeated) and returns its fields. It returns ok false when n is not a
// mapping at all.
func (w *walker) mapping(n *yaml.Node, path, what string, known ...string) (fields, bool) {
	f := fields{vals: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}, misspelt: map[string]bool{}, node: n}
	if n.Kind != yaml.MappingNode {
		w.errAt(n, path, "", "want %s, got %s", what, kindName(n))
		return f, false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := w.resolve(n.Content[i]), w.resolve(n.Content[i+1])
		if kn == nil || vn == nil {
			continue
		}
		k := kn.Value
		if kn.Kind != yaml.ScalarNode {
			w.errAt(kn, path, "keys are plain words such as "+strings.Join(known, ", "), "a key must be a word, got %s", kindName(kn))
			continue
		}
		if !contains(known, k) {
			hint := "known keys here: " + strings.Join(known, ", ")
			if s := suggest(k, known); s != "" {
				hint = fmt.Sprintf("did you mean %q? (%s)", s, hint)
				f.misspelt[s] = true
			}
			if k == "<<" {
				hint = "YAML merge keys are not supported; write the keys out"
			}
			w.errAt(kn, sub(path, k), hint, "unknown key %q", k)
			continue
		}
		if prev, dup := f.keys[k]; dup {
			w.errAt(kn, sub(path, k), "remove one of them", "key %q repeated (first on line %d)", k, prev.Line)
			continue
		}
		f.keys[k], f.vals[k] = kn, vn
	}
	return f, true
}

// require records an error for each missing required key.
func (w *walker) require(f fields, path string, hint map[string]string, keys ...string) bool {
	ok := true
	for _, k := range keys {
		if !f.has(k) && !f.misspelt[k] {
			w.errAt(f.node, sub(path, k), hint[k], "missing")
			ok = false
		}
	}
	return ok
}

// seq checks that n is a list and returns its resolved items.
func (w *walker) seq(n *yaml.Node, path, what string) ([]*yaml.Node, bool) {
	if n.Kind != yaml.SequenceNode {
		w.errAt(n, path, "write a list as [a, b] or as lines starting with \"- \"", "want %s, got %s", what, kindName(n))
		return nil, false
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		if c = w.resolve(c); c != nil {
			out = append(out, c)
		}
	}
	return out, true
}

// scalar checks that n is a non-empty scalar and returns its text.
func (w *walker) scalar(n *yaml.Node, path, what, hint string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
		w.errAt(n, path, hint, "want %s, got %s", what, kindName(n))
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

func (w *walker) str(n *yaml.Node, path, what string) (string, bool) {
	return w.scalar(n, path, what, "")
}

func (w *walker) integer(n *yaml.Node, path string, min int, hint string) (int, bool) {
	s, ok := w.scalar(n, path, "a whole number", hint)
	if !ok {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		w.errAt(n, path, hint, "want a whole number, got %q", s)
		return 0, false
	}
	if v < min {
		w.errAt(n, path, hint, "%d is below the minimum %d", v, min)
		return 0, false
	}
	return v, true
}

// boolean parses true or false; YAML 1.1's yes/no/on/off are refused, as
// they are easy to write by mistake for a name or a day.
func (w *walker) boolean(n *yaml.Node, path string) (bool, bool) {
	const hint = "write true or false"
	s, ok := w.scalar(n, path, "true or false", hint)
	if !ok {
		return false, false
	}
	switch s {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	w.errAt(n, path, hint, "want true or false, got %q", s)
	return false, false
}

func (w *walker) number(n *yaml.Node, path, hint string) (float64, bool) {
	s, ok := w.scalar(n, path, "a number", hint)
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != v || v > 1e15 || v < -1e15 {
		w.errAt(n, path, hint, "want a number, got %q", s)
		return 0, false
	}
	return v, true
}

const durationHint = "write a duration such as 20s, 4m, 1h30m or 2d"

func (w *walker) duration(n *yaml.Node, path string) (time.Duration, bool) {
	s, ok := w.scalar(n, path, "a duration", durationHint)
	if !ok {
		return 0, false
	}
	if strings.HasPrefix(s, "-") {
		w.errAt(n, path, "durations are never negative", "%s is negative", s)
		return 0, false
	}
	d, err := quantity.ParseDuration(s)
	if err != nil {
		w.errAt(n, path, durationHint, "want a duration, got %q", s)
		return 0, false
	}
	return d, true
}

func (w *walker) positiveDuration(n *yaml.Node, path string) (time.Duration, bool) {
	d, ok := w.duration(n, path)
	if ok && d <= 0 {
		w.errAt(n, path, "it must be longer than zero", "%v is not a positive duration", d)
		return 0, false
	}
	return d, ok
}

func (w *walker) fraction(n *yaml.Node, path string) (float64, bool) {
	s, ok := w.scalar(n, path, "a percentage", "write e.g. 80% or 0.8")
	if !ok {
		return 0, false
	}
	v, err := quantity.ParseFraction(s)
	if err != nil {
		w.errAt(n, path, "", "%v", err)
		return 0, false
	}
	return v, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest returns the candidate closest to s by edit distance when it is
// close enough to be a likely typo, else "".
func suggest(s string, candidates []string) string {
	best, bestD := "", 3
	if len(s) <= 3 {
		bestD = 2
	}
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b (by runes).
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
