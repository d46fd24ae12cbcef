package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// errNoExchange is returned by exchange on a system or file system that
// cannot exchange two names atomically.
var errNoExchange = errors.New("sistem berkas tidak dapat menukar folder sekaligus")

// exchange swaps the names a and b in one atomic step (renameat2 with
// RENAME_EXCHANGE). It returns fs.ErrNotExist when either does not exist.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case errors.Is(err, unix.ENOENT):
		return fs.ErrNotExist
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return errNoExchange
	}
	return err
}

// swap exchanges staging and target in one atomic step, then removes the
// previous output. When there is no target yet, a plain rename is atomic
// already.
func swap(staging, target string) error {
	switch err := exchange(staging, target); {
	case err == nil:
		return os.RemoveAll(staging) // staging now holds the previous output
	case errors.Is(err, fs.ErrNotExist):
		return os.Rename(staging, target)
	case errors.Is(err, errNoExchange):
		return swapByRename(staging, target) // a file system without exchange
	default:
		return err
	}
}

// identity names the file system object at p: device, inode and change
// time. A folder that another build replaced has another identity, even at
// the same path.
func identity(p string) string {
	var st unix.Stat_t
	if err := unix.Lstat(p, &st); err != nil {
		return ""
	}
	return fmt.Sprintf("%d:%d:%d.%d", st.Dev, st.Ino, st.Ctim.Sec, st.Ctim.Nsec)
}
