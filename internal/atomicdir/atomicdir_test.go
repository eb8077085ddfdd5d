package atomicdir

import (
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// put writes files name → content into d.
func put(t *testing.T, d *Dir, files map[string]string) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := d.WriteFile(name, func(w io.Writer) error { _, err := io.WriteString(w, files[name]); return err }); err != nil {
			t.Fatal(err)
		}
	}
}

// listing is the directory's entries as name → content ("<dir>" for a
// directory).
func listing(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		if e.IsDir() {
			out[e.Name()] = "<dir>"
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

// noStaging fails when a .staffsim-* entry is left in dir.
func noStaging(t *testing.T, dir string) {
	t.Helper()
	if left, _ := filepath.Glob(filepath.Join(dir, Prefix+"*")); len(left) > 0 {
		t.Errorf("staging left behind: %v", left)
	}
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestCommit(t *testing.T) {
	t.Parallel()
	newFiles := map[string]string{"summary.json": "new", "report.html": "new page"}
	for _, tc := range []struct {
		name   string
		before map[string]string // nil: the directory does not exist
		subdir bool              // D holds a sub-directory (merge by renames)
		want   map[string]string
	}{
		{"new directory", nil, false, newFiles},
		{"replaced whole", map[string]string{"summary.json": "old", "report.html": "old page", ".summary.json.tmp-123": "half"},
			false, newFiles},
		{"user file kept", map[string]string{"summary.json": "old", "notes.txt": "mine"},
			false, map[string]string{"summary.json": "new", "report.html": "new page", "notes.txt": "mine"}},
		{"sub-directory kept", map[string]string{"summary.json": "old"},
			true, map[string]string{"summary.json": "new", "report.html": "new page", "keep": "<dir>"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			parent := t.TempDir()
			dst := filepath.Join(parent, "out")
			var inode uint64
			if tc.before != nil {
				os.Mkdir(dst, 0o750)
				for n, c := range tc.before {
					os.WriteFile(filepath.Join(dst, n), []byte(c), 0o644)
				}
				if tc.subdir {
					os.Mkdir(filepath.Join(dst, "keep"), 0o755)
				}
				if fi, err := os.Stat(filepath.Join(dst, "notes.txt")); err == nil {
					inode = fi.Sys().(*syscall.Stat_t).Ino
				}
			}
			d, err := Create(dst)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Abort()
			put(t, d, newFiles)
			if tc.before != nil && !equal(listing(t, dst), tc.before) && !tc.subdir {
				t.Errorf("before Commit: %v, want the old %v", listing(t, dst), tc.before)
			}
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			if got := listing(t, dst); !equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
			noStaging(t, parent)
			noStaging(t, dst)
			fi, _ := os.Stat(dst)
			if tc.before != nil && fi.Mode().Perm() != 0o750 {
				t.Errorf("directory mode %v, want the old 0750", fi.Mode().Perm())
			}
			if inode != 0 {
				fi, _ := os.Stat(filepath.Join(dst, "notes.txt"))
				if got := fi.Sys().(*syscall.Stat_t).Ino; got != inode {
					t.Errorf("notes.txt inode %d, want the same file %d", got, inode)
				}
			}
		})
	}
}

// A failed write (here: the writer's error, as a full disk gives) and
// Abort leave the directory as it was and no staging.
func TestAbort(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	dst := filepath.Join(parent, "out")
	os.Mkdir(dst, 0o755)
	os.WriteFile(filepath.Join(dst, "summary.json"), []byte("old"), 0o644)
	d, err := Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	put(t, d, map[string]string{"intervals.csv": "new"})
	full := errors.New("no space left on device")
	err = d.WriteFile("summary.json", func(w io.Writer) error { io.WriteString(w, "ne"); return full })
	if !errors.Is(err, full) || !strings.Contains(err.Error(), filepath.Join(dst, "summary.json")) {
		t.Errorf("error %v, want it to wrap %v and name the output file", err, full)
	}
	d.Abort()
	d.Abort()
	if got := listing(t, dst); !equal(got, map[string]string{"summary.json": "old"}) {
		t.Errorf("after Abort: %v", got)
	}
	noStaging(t, parent)
}

func TestWriteFileNames(t *testing.T) {
	t.Parallel()
	d, err := Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, tc := range []struct{ name, want string }{
		{strings.Repeat("q", 252) + ".png", "256 bytes, over the 255"},
		{"a/b.png", "not a plain file name"},
		{"..", "not a plain file name"},
		{Prefix + "x", "not a plain file name"},
	} {
		err := d.WriteFile(tc.name, func(io.Writer) error { return nil })
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("WriteFile(%.20q…): %v, want %q", tc.name, err, tc.want)
		}
	}
	put(t, d, map[string]string{strings.Repeat("q", 251) + ".png": "x"})
	if err := d.WriteFile(strings.Repeat("q", 251)+".png", func(io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), "written twice") {
		t.Errorf("a name written twice: %v", err)
	}
}

// Clean removes what a killed run left and never a live run's staging.
func TestClean(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	mk := func(name string, lock bool, age time.Duration) string {
		p := filepath.Join(parent, name)
		os.Mkdir(p, 0o700)
		os.WriteFile(filepath.Join(p, "summary.json"), []byte("x"), 0o644)
		if lock {
			os.WriteFile(p+lockSuffix, nil, 0o600)
		}
		old := time.Now().Add(-age)
		os.Chtimes(p, old, old)
		return p
	}
	deadOwner := mk(Prefix+"dead", true, 0)
	legacy := mk(Prefix+"plan-123", false, 2*StaleAge)
	fresh := mk(Prefix+"fresh", false, StaleAge/2)
	other := mk("staffsim-plan", false, 2*StaleAge) // the user's own output directory
	live, err := Create(filepath.Join(parent, "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer live.Abort()
	// An old live run: its lock is held, whatever its age.
	old := time.Now().Add(-10 * StaleAge)
	os.Chtimes(live.Path(), old, old)
	os.WriteFile(filepath.Join(parent, Prefix+"orphan"+lockSuffix), nil, 0o600)

	Clean(parent)
	for _, tc := range []struct {
		path string
		kept bool
	}{
		{deadOwner, false}, {deadOwner + lockSuffix, false}, {legacy, false}, {fresh, true}, {other, true},
		{live.Path(), true}, {live.Path() + lockSuffix, true}, {filepath.Join(parent, Prefix+"orphan"+lockSuffix), false},
	} {
		_, err := os.Lstat(tc.path)
		if kept := err == nil; kept != tc.kept {
			t.Errorf("%s: kept %v, want %v", filepath.Base(tc.path), kept, tc.kept)
		}
	}
}

func TestResolve(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "target.csv")
	os.Mkdir(filepath.Dir(real), 0o755)
	os.Symlink(real, filepath.Join(dir, "abs.csv"))              // dangling: target not written yet
	os.Symlink("real/target.csv", filepath.Join(dir, "rel.csv")) // relative to the link's directory
	os.Symlink("rel.csv", filepath.Join(dir, "chain.csv"))
	os.Symlink("loop.csv", filepath.Join(dir, "loop.csv"))
	for _, tc := range []struct{ in, want, err string }{
		{filepath.Join(dir, "abs.csv"), real, ""},
		{filepath.Join(dir, "rel.csv"), real, ""},
		{filepath.Join(dir, "chain.csv"), real, ""},
		{filepath.Join(dir, "plain.csv"), filepath.Join(dir, "plain.csv"), ""},
		{filepath.Join(dir, "loop.csv"), "", "more than 40 symbolic links"},
	} {
		got, err := Resolve(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Resolve(%s): %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || filepath.Clean(got) != tc.want {
			t.Errorf("Resolve(%s) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
	}
}

// An output directory that is a symbolic link stays one: its target gets
// the files.
func TestCommitThroughLink(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	real := filepath.Join(parent, "real")
	os.Mkdir(real, 0o755)
	os.WriteFile(filepath.Join(real, "summary.json"), []byte("old"), 0o644)
	link := filepath.Join(parent, "link")
	os.Symlink("real", link)
	d, err := Create(link)
	if err != nil {
		t.Fatal(err)
	}
	put(t, d, map[string]string{"summary.json": "new"})
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a link: %v %v", link, fi, err)
	}
	if got := listing(t, real); !equal(got, map[string]string{"summary.json": "new"}) {
		t.Errorf("target holds %v", got)
	}
	noStaging(t, parent)
}
