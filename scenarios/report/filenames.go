package report

import (
	"fmt"
	"hash/fnv"
	"strings"
)

// MaxSlug is the longest FileSlug, in bytes: with the longest prefix
// ("compare-service-level-", 22 bytes) and extension, a chart's file name
// stays far below the 255 bytes a file system takes.
const MaxSlug = 64

// FileSlug makes a name (of a queue, a scenario) safe in a file name:
// lower-case ASCII letters, digits and "_", with each run of other
// characters one "-" ("Mixed desk + 4" → "mixed-desk-4"); "" when nothing
// is left. A slug longer than MaxSlug bytes is cut and ends in "-" and the
// 8 hex digits of the name's 32-bit FNV-1a hash, so that long names that
// share their first 55 characters stay distinct.
func FileSlug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	s := b.String()
	if len(s) <= MaxSlug {
		return s
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return fmt.Sprintf("%s-%08x", strings.TrimRight(s[:MaxSlug-9], "-"), h.Sum32())
}

// FileSlugs returns the FileSlug of each name (fallback where it is
// empty), made distinct: where names share a slug ("a b" and "a-b"), the
// later ones get "-2", "-3" … in the order given, skipping any slug
// already taken, so no file overwrites another. A slug is at most MaxSlug
// bytes before that suffix.
func FileSlugs(names []string, fallback string) []string {
	slugs := make([]string, len(names))
	for i, n := range names {
		if slugs[i] = FileSlug(n); slugs[i] == "" {
			slugs[i] = fallback
		}
	}
	return Distinct(slugs, func(s string, k int) string { return fmt.Sprintf("%s-%d", s, k) })
}

// Distinct makes xs distinct: the k-th repeat (k ≥ 2) of a value becomes
// again(x, k), skipping any value already taken.
func Distinct(xs []string, again func(x string, k int) string) []string {
	out := make([]string, len(xs))
	taken := map[string]bool{}
	for _, x := range xs {
		taken[x] = true
	}
	used := map[string]bool{}
	for i, x := range xs {
		if !used[x] {
			out[i], used[x] = x, true
			continue
		}
		for k := 2; ; k++ {
			if y := again(x, k); !taken[y] && !used[y] {
				out[i], used[y] = y, true
				break
			}
		}
	}
	return out
}
