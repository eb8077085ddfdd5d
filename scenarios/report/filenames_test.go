package report

import (
	"strings"
	"testing"
)

func TestFileSlugs(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 300)
	for _, tc := range []struct {
		names []string
		want  []string
	}{
		{[]string{"phone", "Email", "chat"}, []string{"phone", "email", "chat"}},
		// One overwrote the other: both were service-level-a-b.
		{[]string{"a b", "a-b"}, []string{"a-b", "a-b-2"}},
		{[]string{"a-b", "a b", "a-b-2"}, []string{"a-b", "a-b-3", "a-b-2"}},
		{[]string{"Mixed desk + 4", "☎", ""}, []string{"mixed-desk-4", "queue", "queue-2"}},
		{[]string{"L1 / L2", "l1_l2"}, []string{"l1-l2", "l1_l2"}},
	} {
		if got := FileSlugs(tc.names, "queue"); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("FileSlugs(%q) = %q, want %q", tc.names, got, tc.want)
		}
	}
	// Long names: at most MaxSlug bytes, distinct when only their ends differ.
	got := FileSlugs([]string{long + "a", long + "b", long + "a"}, "queue")
	for i, s := range got[:2] {
		if len(s) > MaxSlug || !strings.HasPrefix(s, strings.Repeat("x", MaxSlug-9)+"-") {
			t.Errorf("slug %d of a 301-character name: %q (%d bytes), want %d x's, '-' and a hash, at most %d bytes", i, s, len(s), MaxSlug-9, MaxSlug)
		}
	}
	if got[0] == got[1] || got[2] != got[0]+"-2" {
		t.Errorf("long slugs %q: want the first two distinct and the third the first's -2", got)
	}
}
