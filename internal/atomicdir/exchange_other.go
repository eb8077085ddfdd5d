//go:build !linux

package atomicdir

import "errors"

// errNoExchange: the file system cannot exchange two paths atomically.
var errNoExchange = errors.New("no atomic exchange")

// exchange is Linux's renameat2(RENAME_EXCHANGE); elsewhere the files are
// merged by renames.
func exchange(a, b string) error { return errNoExchange }
