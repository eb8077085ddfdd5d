package atomicdir

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// WriteFile writes a file through write into a temporary file in the
// same directory and renames it over path only when write succeeded, so an
// interrupted or failed run never leaves a half-written output. The
// directory is created when missing. A path that is a symbolic link is
// written through: the link's target gets the new content (atomically,
// beside the target) and the link stays a link. An existing file keeps its
// permissions. Temporary files (".NAME.tmp-*") of NAME that killed runs
// left, and that are older than StaleAge, are removed.
func WriteFile(path string, write func(w io.Writer) error) (err error) {
	asked := path
	if path, err = Resolve(path); err != nil {
		return fmt.Errorf("write %w", err)
	}
	if path != asked {
		defer func() {
			if err != nil {
				err = fmt.Errorf("%s (a link to %s): %w", asked, path, err)
			}
		}()
	}
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return fmt.Errorf("write %s: that names a directory: give a file name", path)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("write %s: is a directory: give a file name", path)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create directory for %s: %w", path, err)
	}
	cleanTemps(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		// Name the directory, not the temporary file nobody asked for.
		var pe *os.PathError
		if errors.As(err, &pe) {
			return fmt.Errorf("write %s: cannot create files in %s: %w", path, dir, pe.Err)
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// cleanTemps removes the temporary files of path that killed runs left
// (older than StaleAge: a live run's is younger, as it is being written).
func cleanTemps(path string) {
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+globEscape(filepath.Base(path))+".tmp-*"))
	for _, p := range left {
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > StaleAge {
			os.Remove(p)
		}
	}
}

// globEscape escapes the pattern characters of filepath.Match in s.
func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`)
	return r.Replace(s)
}
