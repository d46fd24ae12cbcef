package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges staging and target in one atomic step (renameat2 with
// RENAME_EXCHANGE), then removes the previous output. When there is no
// target yet, a plain rename is atomic already.
func swap(staging, target string) error {
	err := unix.Renameat2(unix.AT_FDCWD, staging, unix.AT_FDCWD, target, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return os.RemoveAll(staging) // staging now holds the previous output
	case errors.Is(err, unix.ENOENT):
		return os.Rename(staging, target)
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return swapByRename(staging, target) // a file system without exchange
	}
	return err
}
