package main

import (
	"os"
	"path/filepath"
	"strings"
)

// outFile checks the value of an output-file flag (--out, --plot) before
// any work is done, so that a run does not compute for minutes and then
// fail on its last step. "" and "-" mean stdout and come back as "". A
// path naming a directory is a usage error that suggests a file inside
// it. Other failures (no permission, a read-only disk) surface when the
// file is written, atomically.
func outFile(flag, path, example string) (string, error) {
	if path == "" || path == "-" {
		return "", nil
	}
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return "", usagef("--%s %s names a directory: give a file name, e.g. %s", flag, path, filepath.Join(path, example))
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return "", usagef("--%s %s is a directory: give a file name, e.g. %s", flag, path, filepath.Join(path, example))
	}
	return path, nil
}

// sameFile reports whether two output paths name the same file.
func sameFile(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// outDir checks the value of an output-directory flag (--out DIR) before
// any work is done: a path that exists, or has an existing ancestor, that
// is not a directory is a usage error naming it. A directory that does not
// exist yet is fine (it is created when the files are written).
func outDir(flag, path, example string) error {
	if path == "" {
		return nil
	}
	for p := filepath.Clean(path); ; {
		fi, err := os.Stat(p)
		if err == nil {
			if fi.IsDir() {
				return nil
			}
			if p == filepath.Clean(path) {
				return usagef("--%s %s is a file, not a directory: give a directory for the report files, e.g. --%s %s", flag, path, flag, example)
			}
			return usagef("--%s %s: %s is a file, not a directory: give a directory for the report files, e.g. --%s %s", flag, path, p, flag, example)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return nil
		}
		p = parent
	}
}
