//go:build unix

package atomicdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// lockNew creates the lock file path and takes an exclusive flock on it;
// it returns a nil file when the file system has no flock (the age rule
// then protects the staging directory).
func lockNew(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, unwrapPath(err))
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		os.Remove(path)
		return nil, nil
	}
	return f, nil
}

// ownerGone tells whether the owner of the lock file path has exited: it
// has when the lock can be taken (the lock is released at once).
func ownerGone(path string) owner {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return noLock
	}
	if err != nil {
		return alive // cannot tell: leave it
	}
	defer f.Close()
	switch err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); {
	case err == nil:
		return gone
	case errors.Is(err, syscall.EWOULDBLOCK):
		return alive
	default:
		return noLock
	}
}

// sameDevice reports whether a and b are on one file system.
func sameDevice(a, b string) bool {
	var sa, sb syscall.Stat_t
	if syscall.Stat(a, &sa) != nil || syscall.Stat(b, &sb) != nil {
		return false
	}
	return sa.Dev == sb.Dev
}

// umask is the process's file mode creation mask.
func umask() os.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return os.FileMode(m)
}

// syncDir flushes a directory's entries (the renames) to disk; errors are
// ignored (not every file system syncs directories).
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
