//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package output

import (
	"errors"
	"os"
)

// errNoLock is returned by tryLock where the system cannot lock: here,
// always. Builds then go ahead unlocked and leave leftovers alone.
var errNoLock = errors.New("output: no file lock")

func tryLock(f *os.File) (bool, error) { return false, errNoLock }

func unlock(f *os.File) error { return nil }

// noFollow makes opening the lock file fail on a symbolic link (Lstat checks it here).
const noFollow = 0
