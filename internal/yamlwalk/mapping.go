package yamlwalk

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Fields is a mapping's values by key, with the key nodes for positions.
type Fields struct {
	Vals map[string]*yaml.Node // value nodes, aliases resolved
	Keys map[string]*yaml.Node // key nodes (for a merged key, in the mapping merged)
	Node *yaml.Node            // the mapping
	// misspelt holds known keys that an unknown key looks like a typo of,
	// so that "missing" is not reported on top of "did you mean".
	misspelt map[string]bool
}

// Has reports whether key k was given.
func (f Fields) Has(k string) bool { return f.Vals[k] != nil }

// Misspelt reports whether an unknown key of the mapping was reported as a
// likely typo of k (so that k missing needs no second message).
func (f Fields) Misspelt(k string) bool { return f.misspelt[k] }

// Mapping checks that n is a mapping whose keys are all in known (and not
// repeated) and returns its fields; what describes the mapping wanted, for
// the message when n is something else. It returns ok false when n is not
// a mapping at all.
//
// Merge keys are followed (YAML's `<<: *base` or `<<: [*a, *b]`): a key
// written in the mapping itself wins over a merged one, and of several
// merged mappings the first that has the key wins. The merged keys are
// checked against known like the others, at their own lines.
func (w *Walker) Mapping(n *yaml.Node, path, what string, known ...string) (Fields, bool) {
	f := Fields{Vals: map[string]*yaml.Node{}, Keys: map[string]*yaml.Node{}, misspelt: map[string]bool{}, Node: n}
	if n.Kind != yaml.MappingNode {
		w.Errorf(n, path, "", "want %s, got %s", what, KindName(n))
		return f, false
	}
	w.fill(&f, n, path, known, map[*yaml.Node]bool{n: true})
	return f, true
}

// fill adds the keys of mapping n to f, then those of the mappings it
// merges (depth first, which is the order of precedence); chain holds the
// mappings being merged, to refuse a mapping that merges itself.
func (w *Walker) fill(f *Fields, n *yaml.Node, path string, known []string, chain map[*yaml.Node]bool) {
	local := map[string]int{} // line of each key written in n
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := w.Resolve(n.Content[i]), w.Resolve(n.Content[i+1])
		if kn == nil || vn == nil {
			continue
		}
		if kn.Kind == yaml.ScalarNode && kn.Tag == "!!merge" {
			merges = append(merges, w.mergeSources(kn, vn, path)...)
			continue
		}
		k := kn.Value
		if kn.Kind != yaml.ScalarNode {
			w.Errorf(kn, path, "keys are plain words such as "+strings.Join(known, ", "), "a key must be a word, got %s", KindName(kn))
			continue
		}
		if !slices.Contains(known, k) {
			hint := "known keys here: " + strings.Join(known, ", ")
			if s := Suggest(k, known); s != "" {
				hint = fmt.Sprintf("did you mean %q? (%s)", s, hint)
				f.misspelt[s] = true
			}
			w.Errorf(kn, Sub(path, k), hint, "unknown key %q", k)
			continue
		}
		if line, dup := local[k]; dup {
			w.Errorf(kn, Sub(path, k), "remove one of them", "key %q repeated (first on line %d)", k, line)
			continue
		}
		local[k] = kn.Line
		if f.Keys[k] != nil { // given nearer: by the mapping that merges this one
			continue
		}
		f.Keys[k], f.Vals[k] = kn, vn
	}
	for _, m := range merges {
		if chain[m] {
			w.Errorf(m, path, "a mapping cannot merge itself", "merge key (<<) loops back to this mapping")
			continue
		}
		chain[m] = true
		w.fill(f, m, path, known, chain)
		delete(chain, m)
	}
}

// mergeSources returns the mappings a merge key's value names: one
// mapping, or a list of them.
func (w *Walker) mergeSources(kn, vn *yaml.Node, path string) []*yaml.Node {
	const hint = "merge a mapping defined with an anchor: <<: *base, or several: <<: [*a, *b]"
	switch vn.Kind {
	case yaml.MappingNode:
		return []*yaml.Node{vn}
	case yaml.SequenceNode:
		var out []*yaml.Node
		for _, c := range vn.Content {
			if c = w.Resolve(c); c == nil {
				continue
			}
			if c.Kind != yaml.MappingNode {
				w.Errorf(c, Sub(path, "<<"), hint, "want a mapping to merge, got %s", KindName(c))
				continue
			}
			out = append(out, c)
		}
		return out
	}
	w.Errorf(kn, Sub(path, "<<"), hint, "want a mapping to merge, got %s", KindName(vn))
	return nil
}

// Require records a "missing" problem for each key of keys that f lacks,
// with hint[key] as its hint, unless an unknown key was a likely typo of
// it (already reported). It reports whether all were there.
func (w *Walker) Require(f Fields, path string, hint map[string]string, keys ...string) bool {
	ok := true
	for _, k := range keys {
		if !f.Has(k) {
			if !f.misspelt[k] {
				w.Errorf(f.Node, Sub(path, k), hint[k], "missing")
			}
			ok = false
		}
	}
	return ok
}

// Seq checks that n is a list and returns its items, aliases resolved.
func (w *Walker) Seq(n *yaml.Node, path, what string) ([]*yaml.Node, bool) {
	if n.Kind != yaml.SequenceNode {
		w.Errorf(n, path, "write a list as [a, b] or as lines starting with \"- \"", "want %s, got %s", what, KindName(n))
		return nil, false
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		if c = w.Resolve(c); c != nil {
			out = append(out, c)
		}
	}
	return out, true
}

// Suggest returns the candidate closest to s by edit distance (ignoring
// case) when it is close enough to be a likely typo, else the one
// candidate that s (4 letters or more) begins ("created" for
// "created_at"), else "".
func Suggest(s string, candidates []string) string {
	best, bestD := "", 3
	if len(s) <= 3 {
		bestD = 2
	}
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(s), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	if best != "" || len(s) < 4 {
		return best
	}
	n := 0
	for _, c := range candidates {
		if strings.HasPrefix(strings.ToLower(c), strings.ToLower(s)) {
			best, n = c, n+1
		}
	}
	if n != 1 {
		return ""
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
