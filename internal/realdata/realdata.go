// Package realdata finds the public exports that tests try the readers and
// forecasts on. They live outside the repository, in a shared/data folder
// beside the clone (../shared/data from the repository root), and are never
// copied into it; a test that needs one skips when it is absent, and fails
// instead when $STAFFSIM_REQUIRE_DATA is set (CI sets it in .ci/run, so that
// a missing folder is never a silent pass).
package realdata

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// EnvDir names an environment variable that, when set, is the data folder.
const EnvDir = "STAFFSIM_DATA"

// EnvRequire names an environment variable that, when set to anything but
// "" or "0", makes a missing file fail the test instead of skipping it.
const EnvRequire = "STAFFSIM_REQUIRE_DATA"

// required reports whether $STAFFSIM_REQUIRE_DATA asks missing data to fail.
func required() bool {
	v := os.Getenv(EnvRequire)
	return v != "" && v != "0"
}

// Path returns the path of rel (e.g. "bpi13-incidents/bpi_13_incidents.csv")
// in the shared data folder, or skips the test when the file is not found
// (fails it when $STAFFSIM_REQUIRE_DATA is set).
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
	msg := fmt.Sprintf("real data %s not found (looked in %s); it lives in shared/data beside the clone", rel, strings.Join(dirs, ", "))
	if required() {
		tb.Fatalf("%s, and $%s is set: copy the data there or set $%s", msg, EnvRequire, EnvDir)
		return ""
	}
	tb.Skip(msg)
	return ""
}
