//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// errNoLock is returned by tryLock where the file system cannot lock.
var errNoLock = errors.New("output: no file lock")

// tryLock takes an exclusive flock on f without waiting; ok is false while
// another process holds it. The kernel drops the lock when its holder
// exits, however it exits, so a killed build never blocks the next one.
func tryLock(f *os.File) (ok bool, err error) {
	err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, unix.EWOULDBLOCK), errors.Is(err, unix.EAGAIN), errors.Is(err, unix.EINTR):
		return false, nil
	case errors.Is(err, unix.ENOLCK), errors.Is(err, unix.EOPNOTSUPP), errors.Is(err, unix.ENOSYS):
		return false, errNoLock
	}
	return false, err
}

func unlock(f *os.File) error { return unix.Flock(int(f.Fd()), unix.LOCK_UN) }

// noFollow makes opening the lock file fail on a symbolic link.
const noFollow = unix.O_NOFOLLOW
