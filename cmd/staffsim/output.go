package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/staffsim/staffsim/internal/atomicdir"
)

// format is the --format flag: how results are printed on stdout.
type format string

const (
	formatTable format = "table" // aligned columns, for people
	formatJSON  format = "json"  // full precision, RFC 3339 times, for machines
	formatCSV   format = "csv"   // full precision, RFC 3339 times, for machines
)

var _ pflag.Value = (*format)(nil)

func (f *format) String() string { return string(*f) }
func (f *format) Type() string   { return "table|json|csv" }
func (f *format) Set(s string) error {
	switch v := format(strings.ToLower(strings.TrimSpace(s))); v {
	case formatTable, formatJSON, formatCSV:
		*f = v
		return nil
	}
	return fmt.Errorf("unknown format %q: use table, json or csv", s)
}

// addFormatFlag registers --format on flags with the table default.
func addFormatFlag(flags *pflag.FlagSet, f *format) {
	*f = formatTable
	flags.Var(f, "format", "output format: table (for people), json or csv (for machines)")
}

// writeJSON writes v as indented JSON followed by a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeFileAtomic writes a file through write into a temporary file in the
// same directory and renames it over path only when write succeeded, so an
// interrupted or failed run never leaves a half-written output. The
// directory is created when missing. A path that is a symbolic link is
// written through: the link's target gets the new content (atomically,
// beside the target) and the link stays a link. An existing file keeps its
// permissions.
func writeFileAtomic(path string, write func(w io.Writer) error) (err error) {
	asked := path
	if path, err = atomicdir.Resolve(path); err != nil {
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
	if err = write(tmp); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
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
