package output

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// lock is an output folder's lock, held from Open until Abort. held is
// false where the system offers no lock: the build then goes ahead alone,
// but removes no leftovers, since it cannot tell whose they are.
type lock struct {
	f    *os.File
	held bool
	once sync.Once
}

// pollEvery is how often a waiting build tries the lock again.
const pollEvery = 50 * time.Millisecond

// acquire takes the lock file at path, waiting for the build that holds it
// for up to opts.Timeout, and records this process's id in it so that the
// next build can say whom it waits for.
func acquire(path string, opts Options) (*lock, error) {
	f, err := openLock(path)
	if err != nil {
		return nil, err
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	deadline := time.Now().Add(timeout)
	waited := false
	for {
		ok, err := tryLock(f)
		if err == errNoLock {
			return &lock{f: f}, nil
		}
		if err != nil {
			f.Close()
			return nil, err
		}
		if ok {
			break
		}
		if !waited && opts.Waiting != nil {
			opts.Waiting(holder(f))
		}
		waited = true
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("%w (%s)", ErrBusy, timeout)
		}
		time.Sleep(pollEvery)
	}
	// The id is only for the message of a build that waits: failing to
	// write it costs nothing else.
	if f.Truncate(0) == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &lock{f: f, held: true}, nil
}

// ErrLockFile is returned when the lock file's name is taken by something
// that is not a regular file: a symbolic link planted there (say, in a
// repository) must not make a build write the file it points to.
var ErrLockFile = errors.New("output: lock file is not a regular file")

// openLock opens or creates the lock file at path, never through a
// symbolic link.
func openLock(path string) (*os.File, error) {
	if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s", ErrLockFile, path)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|noFollow, 0o644)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%w: %s", ErrLockFile, path)
	}
	return f, nil
}

// holder reads the process id the lock's holder wrote, or 0.
func holder(f *os.File) int {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	if err != nil {
		return 0
	}
	return pid
}

// release lets the next build in. It is safe to call more than once and on
// a nil lock.
func (l *lock) release() {
	if l == nil {
		return
	}
	l.once.Do(func() {
		if l.held {
			_ = unlock(l.f)
		}
		l.f.Close()
	})
}
