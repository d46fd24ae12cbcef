package output

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// errNoLock is returned by tryLock where the file system cannot lock.
var errNoLock = errors.New("output: no file lock")

// tryLock takes an exclusive lock on f's first byte without waiting; ok is
// false while another process holds it. Windows drops the lock when its
// holder exits.
func tryLock(f *os.File) (ok bool, err error) {
	var ol windows.Overlapped
	err = windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, windows.ERROR_LOCK_VIOLATION), errors.Is(err, windows.ERROR_IO_PENDING):
		return false, nil
	}
	return false, err
}

func unlock(f *os.File) error {
	var ol windows.Overlapped
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
}

// noFollow makes opening the lock file fail on a symbolic link (Lstat checks it here).
const noFollow = 0
