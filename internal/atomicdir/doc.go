// Package atomicdir writes output files and directories so that a reader,
// a crash or a full disk never sees a half-written file or a mix of old
// and new files. It is the one place where staffsim writes its outputs.
//
// WriteFile writes one file: a temporary file beside it, renamed over it.
//
// A directory (simulate, compare and plan --out):
//
// Create makes a staging directory beside the output directory D (in D's
// parent, so on D's file system and a move is a rename); the files are
// written there; Commit puts them in place:
//
//   - D does not exist: the staging directory is renamed to D.
//   - D exists: the staging directory is completed with hard links to
//     every entry of D that the run does not replace (a user's notes.txt
//     stays, the very same file), and then exchanged with D in one
//     renameat2(RENAME_EXCHANGE) (Linux 3.15+); the old directory, now at
//     the staging path, is removed. D is at every instant entirely old or
//     entirely new.
//   - Where that cannot be done — D holds a sub-directory, D is the
//     working directory or one of its ancestors, or the file system has
//     no exchange or hard links — each file is renamed into D; where D is
//     a mount point (its parent is another file system) or D's parent is
//     not writable, the staging directory is made inside D for that.
//     Every file is whole, old or new, but a kill during those renames
//     (microseconds) can leave some files old and some new.
//
// Abort (or a failed write: a full disk, Ctrl-C) removes the staging
// directory and leaves D as it was.
//
// # Leftovers of killed runs
//
// A staging directory is named .staffsim-XXXX (XXXX random) and is locked
// by its owner through flock(2) on the file .staffsim-XXXX.lock beside it,
// held until Commit or Abort. The kernel releases that lock when the owner
// dies, even by SIGKILL. Create removes, in the directory where it stages,
// every .staffsim-* directory
//
//   - whose .lock it can lock: its owner is gone, or
//   - that has no .lock (a run killed between making the directory and its
//     lock, the swapped-out old directory of a run killed before removing
//     it, or the .staffsim-plan-* of older versions) and was last modified
//     more than StaleAge ago,
//
// and leaves every other one, so that a concurrent run's staging directory
// (locked) is never touched. Lock files on a file system without flock
// (some network mounts) fall back to the age rule.
//
// # Symbolic links
//
// An output path that is a symbolic link (to a file or a directory) is
// written through: the link's target gets the new content, staged beside
// the target, and the link stays a link (Resolve).
package atomicdir
