package realdata

import (
	"testing"
)

// fakeTB records whether Path skipped or failed.
type fakeTB struct {
	testing.TB
	skipped, failed bool
}

func (f *fakeTB) Helper()                        {}
func (f *fakeTB) Skip(args ...any)               { f.skipped = true }
func (f *fakeTB) Fatalf(format string, a ...any) { f.failed = true }

// TestPathMissing: a missing file skips, or fails when CI asks for the data.
func TestPathMissing(t *testing.T) {
	for _, tc := range []struct {
		require      string
		skip, failed bool
	}{
		{"", true, false},
		{"0", true, false},
		{"1", false, true},
	} {
		t.Run("require="+tc.require, func(t *testing.T) {
			t.Setenv(EnvDir, t.TempDir())
			t.Setenv(EnvRequire, tc.require)
			tb := &fakeTB{TB: t}
			Path(tb, "no-such-dir/no-such-file.csv")
			if tb.skipped != tc.skip || tb.failed != tc.failed {
				t.Errorf("skipped %v, failed %v; want %v, %v", tb.skipped, tb.failed, tc.skip, tc.failed)
			}
		})
	}
}
