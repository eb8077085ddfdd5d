package atomicdir

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWriteFile: the file appears whole or not at all, and a
// directory as the target is named as such (it used to fail with
// "rename …/.x.tmp-123 …: file exists").
func TestWriteFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ok := filepath.Join(dir, "sub", "ok.csv")
	if err := WriteFile(ok, func(w io.Writer) error { _, err := io.WriteString(w, "a,b\n"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(ok); err != nil || string(b) != "a,b\n" {
		t.Errorf("read back %q, %v", b, err)
	}
	failed := filepath.Join(dir, "failed.csv")
	boom := errors.New("boom")
	err := WriteFile(failed, func(w io.Writer) error { io.WriteString(w, "half"); return boom })
	if !errors.Is(err, boom) {
		t.Errorf("failed write: got %v, want boom", err)
	}
	for _, c := range []struct{ path, want string }{
		{dir, "is a directory"},
		{dir + "/", "names a directory"},
		{"/proc/staffsim-audit.csv", "cannot create files in /proc"},
	} {
		if strings.HasPrefix(c.path, "/proc/") {
			if fi, err := os.Stat("/proc/self"); err != nil || !fi.IsDir() {
				continue // not Linux: no /proc to refuse files
			}
		}
		if err := WriteFile(c.path, func(io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("WriteFile(%q): got %v, want an error containing %q", c.path, err, c.want)
		}
	}
	// Nothing but the good file (and its directory) is left.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "sub" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only sub/", names)
	}
}

// A temporary file a killed run left an hour ago is removed; a younger
// one (a live run's) and other files are kept.
func TestWriteFileCleansTemps(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "forecast[1].csv")
	old, young, other := filepath.Join(dir, ".forecast[1].csv.tmp-1"), filepath.Join(dir, ".forecast[1].csv.tmp-2"), filepath.Join(dir, ".other.csv.tmp-3")
	for _, p := range []string{old, young, other} {
		os.WriteFile(p, []byte("half"), 0o644)
	}
	then := time.Now().Add(-2 * StaleAge)
	os.Chtimes(old, then, then)
	os.Chtimes(other, then, then)
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		kept bool
	}{{old, false}, {young, true}, {other, true}, {path, true}} {
		if _, err := os.Stat(c.path); (err == nil) != c.kept {
			t.Errorf("%s: kept %v, want %v", filepath.Base(c.path), err == nil, c.kept)
		}
	}
}
