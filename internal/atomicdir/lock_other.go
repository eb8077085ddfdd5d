//go:build !unix

package atomicdir

import "os"

// lockNew takes no lock where flock is missing: the age rule protects the
// staging directory.
func lockNew(path string) (*os.File, error) { return nil, nil }

// ownerGone cannot tell without flock.
func ownerGone(path string) owner { return noLock }

// sameDevice cannot tell; renames that fail fall back to merging.
func sameDevice(a, b string) bool { return true }

func umask() os.FileMode { return 0o022 }

func syncDir(dir string) {}
