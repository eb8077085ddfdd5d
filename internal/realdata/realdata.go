// Package realdata finds the public exports that tests try the readers and
// forecasts on. They live outside the repository, in a shared/data folder
// beside the clone (../shared/data from the repository root), and are never
// copied into it; a test that needs one skips when it is absent.
package realdata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// EnvDir names an environment variable that, when set, is the data folder.
const EnvDir = "STAFFSIM_DATA"

// Path returns the path of rel (e.g. "bpi13-incidents/bpi_13_incidents.csv")
// in the shared data folder, or skips the test when the file is not found.
// It looks in $STAFFSIM_DATA, then in shared/data in each ancestor of the
// working directory (a package directory under test), which finds
// ../shared/data beside the clone wherever the clone is.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	var dirs []string
	if d := os.Getenv(EnvDir); d != "" {
		dirs = append(dirs, d)
	}
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; d = filepath.Dir(d) {
			dirs = append(dirs, filepath.Join(d, "shared", "data"))
			if d == filepath.Dir(d) {
				break
			}
		}
	}
	for _, d := range dirs {
		p := filepath.Join(d, rel)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	tb.Skipf("real data %s not found (looked in %s); it lives in shared/data beside the clone", rel, strings.Join(dirs, ", "))
	return ""
}
