package yamlwalk

import (
	"go.yaml.in/yaml/v3"
)

// Pair is one entry of a mapping whose keys are names the file chooses
// (calendar names, ticket priorities, day ranges) rather than a fixed set.
type Pair struct {
	Key     string
	KeyNode *yaml.Node
	Val     *yaml.Node
}

// Pairs checks that n is a mapping with non-empty scalar keys, none
// repeated, and returns its entries in file order (aliases resolved); what
// describes the mapping wanted. Merge keys are refused here: with keys
// that are names, a merged entry would silently add a name. It returns ok
// false when n is not a mapping at all.
func (w *Walker) Pairs(n *yaml.Node, path, what string) ([]Pair, bool) {
	if n.Kind != yaml.MappingNode {
		w.Errorf(n, path, "", "want %s, got %s", what, KindName(n))
		return nil, false
	}
	var out []Pair
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := w.Resolve(n.Content[i]), w.Resolve(n.Content[i+1])
		if kn == nil || vn == nil {
			continue
		}
		if kn.Kind == yaml.ScalarNode && kn.Tag == "!!merge" {
			w.Errorf(kn, path, "write the entries out (anchors and aliases of the values work)", "a merge key (<<) cannot add names here")
			continue
		}
		if kn.Kind != yaml.ScalarNode || kn.Value == "" {
			w.Errorf(kn, path, "", "a key must be a name, got %s", KindName(kn))
			continue
		}
		if line, dup := seen[kn.Value]; dup {
			w.Errorf(kn, Sub(path, kn.Value), "remove one of them", "key %q repeated (first on line %d)", kn.Value, line)
			continue
		}
		seen[kn.Value] = kn.Line
		out = append(out, Pair{Key: kn.Value, KeyNode: kn, Val: vn})
	}
	return out, true
}
