package atomicdir

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Prefix starts the name of every staging directory and lock file.
const Prefix = ".staffsim-"

// lockSuffix ends a staging directory's lock file name.
const lockSuffix = ".lock"

// StaleAge is how old an unlocked .staffsim-* directory with no lock file
// must be before Create removes it (see the package doc).
const StaleAge = time.Hour

// MaxName is the longest file name, in bytes, that WriteFile accepts: the
// NAME_MAX of Linux, macOS and Windows file systems.
const MaxName = 255

// Dir is an output directory being written: its files go into a staging
// directory until Commit. Not safe for concurrent use.
type Dir struct {
	dst    string   // the output directory, absolute
	stage  string   // the staging directory, absolute
	inside bool     // stage is inside dst (merge by renames)
	lock   *os.File // held flock on stage+lockSuffix; nil when unsupported
	names  []string // files written, in order
	done   bool     // committed or aborted
}

// Create starts writing the output directory dst: it checks that dst is a
// directory or does not exist yet (a symbolic link is followed: the files
// go to its target, and the link stays), creates its parent, removes stale
// staging directories of killed runs and creates this run's. Call it
// before the long work so that an unwritable place fails at once, and
// defer Abort.
func Create(dst string) (*Dir, error) {
	real, err := Resolve(dst)
	if err != nil {
		return nil, fmt.Errorf("--out %w", err)
	}
	abs, err := filepath.Abs(real)
	if err != nil {
		return nil, fmt.Errorf("--out %s: %w", dst, err)
	}
	parent := filepath.Dir(abs)
	if abs == parent {
		return nil, fmt.Errorf("--out %s is the root directory: give a directory for the files, e.g. %s", dst, filepath.Join(dst, "report"))
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("--out %s: %w", dst, err)
	}
	d := &Dir{dst: abs}
	where := parent
	switch fi, err := os.Stat(abs); {
	case err == nil && !fi.IsDir():
		return nil, fmt.Errorf("--out %s is a file, not a directory: give a directory name", dst)
	case err == nil && mustMerge(abs, parent):
		where, d.inside = abs, true
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("--out %s: %w", dst, err)
	}
	Clean(where)
	if d.stage, err = os.MkdirTemp(where, Prefix+"*"); err != nil && !d.inside && errors.Is(err, fs.ErrPermission) {
		// A directory of one's own in a parent one may not write:
		// stage inside it, as for a mount point.
		if fi, serr := os.Stat(abs); serr == nil && fi.IsDir() {
			where, d.inside = abs, true
			Clean(where)
			d.stage, err = os.MkdirTemp(where, Prefix+"*")
		}
	}
	if err != nil {
		return nil, fmt.Errorf("--out %s: cannot create files in %s: %w", dst, where, unwrapPath(err))
	}
	if d.lock, err = lockNew(d.stage + lockSuffix); err != nil {
		os.Remove(d.stage)
		return nil, fmt.Errorf("--out %s: %w", dst, err)
	}
	return d, nil
}

// mustMerge reports whether the existing directory dst cannot be swapped
// whole: it is a mount point, the working directory or an ancestor of it,
// or it holds a sub-directory (which cannot be hard-linked).
func mustMerge(dst, parent string) bool {
	if !sameDevice(dst, parent) {
		return true
	}
	if wd, err := os.Getwd(); err == nil && (wd == dst || strings.HasPrefix(wd, dst+string(filepath.Separator))) {
		return true
	}
	entries, err := os.ReadDir(dst)
	if err != nil {
		return true
	}
	for _, e := range entries {
		if e.IsDir() {
			return true
		}
	}
	return false
}

// Path is the staging directory, where the files are until Commit.
func (d *Dir) Path() string { return d.stage }

// Files are the names of the files written, in order.
func (d *Dir) Files() []string { return slices.Clone(d.names) }

// WriteFile writes the file name (no directory) into the staging
// directory through write, buffered, and syncs it to disk. Its errors (a
// full disk, a name too long) name the output path.
func (d *Dir) WriteFile(name string, write func(io.Writer) error) (err error) {
	out := filepath.Join(d.dst, name)
	if d.done {
		panic("atomicdir: WriteFile after Commit or Abort")
	}
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, Prefix) {
		return fmt.Errorf("write %s: %q is not a plain file name (a bug)", out, name)
	}
	if len(name) > MaxName {
		return fmt.Errorf("write %s: the file name has %d bytes, over the %d a file system takes", out, len(name), MaxName)
	}
	if slices.Contains(d.names, name) {
		return fmt.Errorf("write %s: written twice: two outputs have the same file name (a bug)", out)
	}
	f, err := os.OpenFile(filepath.Join(d.stage, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", out, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	bw := bufio.NewWriterSize(f, 64<<10)
	if err = write(bw); err != nil {
		return fmt.Errorf("write %s: %w", out, unwrapPath(err))
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", out, unwrapPath(err))
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", out, unwrapPath(err))
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", out, unwrapPath(err))
	}
	d.names = append(d.names, name)
	return nil
}

// Commit puts the written files in place (see the package doc) and
// removes the staging directory. On an error before the files are in
// place, dst is as it was.
func (d *Dir) Commit() error {
	if d.done {
		panic("atomicdir: Commit after Commit or Abort")
	}
	defer d.Abort()
	if d.inside {
		return d.merge()
	}
	fi, err := os.Stat(d.dst)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.Chmod(d.stage, 0o777&^umask()); err != nil {
			return fmt.Errorf("--out %s: %w", d.dst, err)
		}
		if err := os.Rename(d.stage, d.dst); err != nil {
			return fmt.Errorf("--out %s: %w", d.dst, unwrapPath(err))
		}
		syncDir(filepath.Dir(d.dst))
		return nil
	}
	if err != nil {
		return fmt.Errorf("--out %s: %w", d.dst, err)
	}
	// Keep what the run does not replace, as hard links: the same files.
	entries, err := os.ReadDir(d.dst)
	if err != nil {
		return fmt.Errorf("--out %s: %w", d.dst, err)
	}
	for _, e := range entries {
		if slices.Contains(d.names, e.Name()) || isTempOf(e.Name(), d.names) {
			continue
		}
		if e.IsDir() {
			return d.merge() // a directory was made in dst while we ran
		}
		if err := os.Link(filepath.Join(d.dst, e.Name()), filepath.Join(d.stage, e.Name())); err != nil {
			return d.merge() // a file system without hard links
		}
	}
	if err := os.Chmod(d.stage, fi.Mode().Perm()); err != nil {
		return fmt.Errorf("--out %s: %w", d.dst, err)
	}
	if err := exchange(d.stage, d.dst); err != nil {
		if errors.Is(err, errNoExchange) {
			return d.merge()
		}
		return fmt.Errorf("--out %s: %w", d.dst, unwrapPath(err))
	}
	syncDir(filepath.Dir(d.dst))
	// The staging path now holds the old directory; Abort removes it.
	return nil
}

// isTempOf reports whether name is the temporary file of one of names
// left by a killed run of older versions (".summary.json.tmp-123").
func isTempOf(name string, names []string) bool {
	for _, n := range names {
		if strings.HasPrefix(name, "."+n+".tmp-") {
			return true
		}
	}
	return false
}

// merge moves each staged file into dst with one rename, creating dst when
// missing: used where the directory cannot be swapped whole.
func (d *Dir) merge() error {
	if err := os.MkdirAll(d.dst, 0o777); err != nil {
		return fmt.Errorf("--out %s: %w", d.dst, err)
	}
	for _, name := range d.names {
		if err := os.Rename(filepath.Join(d.stage, name), filepath.Join(d.dst, name)); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(d.dst, name), unwrapPath(err))
		}
	}
	syncDir(d.dst)
	return nil
}

// Abort removes the staging directory (after Commit: the old directory it
// holds) and releases its lock; dst is left as it is. Calling it again, or
// after Commit, does nothing more.
func (d *Dir) Abort() {
	if d.done {
		return
	}
	d.done = true
	os.RemoveAll(d.stage)
	if d.lock != nil {
		os.Remove(d.lock.Name())
		d.lock.Close()
	}
}

// Clean removes the staging directories of killed runs in dir, by the rule
// of the package doc; errors are ignored (a leftover is not worth failing
// a run for).
func Clean(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, Prefix) || !e.IsDir() {
			continue
		}
		path := filepath.Join(dir, name)
		switch ownerGone(path + lockSuffix) {
		case gone:
			os.RemoveAll(path)
			os.Remove(path + lockSuffix)
		case noLock:
			if fi, err := os.Lstat(path); err == nil && time.Since(fi.ModTime()) > StaleAge {
				os.RemoveAll(path)
			}
		}
	}
	// Lock files whose directory is gone (killed between the two removals).
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, Prefix) || !strings.HasSuffix(name, lockSuffix) || e.IsDir() {
			continue
		}
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(strings.TrimSuffix(path, lockSuffix)); errors.Is(err, fs.ErrNotExist) && ownerGone(path) == gone {
			os.Remove(path)
		}
	}
}

// owner is what a lock file says of its staging directory's owner.
type owner int

const (
	alive  owner = iota // locked by a running process
	gone                // the lock could be taken: its owner has exited
	noLock              // no lock file, or a file system without flock
)

// unwrapPath drops the *os.PathError wrapper (whose path is the staging
// one nobody asked for) so that messages name the output path only.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// maxLinks is the most symbolic links Resolve follows, as Linux's
// MAXSYMLINKS (40).
const maxLinks = 40

// Resolve follows path while it is a symbolic link (to a file or a
// directory, existing or not) and returns the path it ends at, so that
// writing there replaces the link's target and keeps the link; a path that
// is not a link comes back as it is. A relative link is read from the
// link's directory.
func Resolve(path string) (string, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		target, err := os.Readlink(path)
		if err != nil {
			return "", fmt.Errorf("%s: %w", path, unwrapPath(err))
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return "", fmt.Errorf("%s: more than %d symbolic links in a row (a loop?)", path, maxLinks)
}
