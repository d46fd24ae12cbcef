// Package output writes a build to disk all at once, or not at all.
//
// Open creates a staging folder beside the target; the stages write every
// file into it; Commit swaps it with the target in one step, so that the
// target is always either the previous complete build or the new one, even
// when the process is killed half way. Abort, or a crash, leaves the target
// untouched; the next Open removes what an interrupted build left behind.
//
// A build may Keep top-level folders of the previous output (the sites the
// build cache found unchanged). Commit then swaps the other top-level
// entries one by one, each atomically, so that a rebuild costs what
// changed rather than the size of the whole output.
//
// Only kimsite's own output is ever replaced. Every build writes the file
// Marker at the top of the output; Open refuses an existing folder that is
// not empty and holds no Marker (ErrForeign), unless Options.Owned proves
// it a build all the same (one written by a kimsite older than the
// marker), and refuses a target that is not a folder (ErrNotDir). To start
// over in a refused folder, empty or remove it by hand, or choose a new one.
//
// One build at a time per output folder: Open takes a lock on the file
// ".<name>.kimsite-lock" beside the target (flock; LockFileEx on Windows)
// and holds it until Abort. A second build into the same folder waits for
// it (Options.Waiting says so) or gives up after Options.Timeout with
// ErrBusy. Staging and old folders are removed as leftovers only under the
// lock, when the build that made them is provably gone; where the system
// has no lock, they are left alone. The lock file itself stays: removing
// it would let two builds lock two different files of the same name.
package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Dir is a staging folder that becomes the output folder on Commit. Its
// WriteFile is safe for concurrent use.
type Dir struct {
	target  string
	staging string
	mu      sync.Mutex
	dirs    map[string]bool    // top-level folders written
	files   map[string]bool    // top-level files written
	made    map[string]*folder // folders made in the staging folder, forgotten past maxMade
	maxMade int
	kept    map[string]bool // top-level folders of the target left as they are
	done    bool
	lock    *lock
}

const (
	stagingMark = ".kimsite-staging-"
	oldMark     = ".kimsite-old-"
	lockMark    = ".kimsite-lock"
)

// Marker is the file every build writes at the top of its output: the
// proof that a folder is kimsite's to replace.
const Marker = ".kimsite-output"

// markerText tells a person who opens the marker what the folder is.
const markerText = "Folder ini ditulis oleh kimsite build dan diganti utuh pada setiap build.\nJangan simpan berkas lain di sini: berkas itu akan terhapus.\n"

// Options say how Open treats what it finds at the target.
type Options struct {
	// Owned, when set, reports whether an existing folder without Marker
	// is a build all the same, e.g. one by a kimsite older than Marker.
	Owned func(dir string) bool
	// Waiting, when set, is called once when another build holds the
	// target; pid is that build's process id, 0 when unknown.
	Waiting func(pid int)
	// Timeout is how long Open waits for another build; DefaultTimeout
	// when zero.
	Timeout time.Duration
}

// DefaultTimeout is how long Open waits for another build into the same
// folder before it gives up.
const DefaultTimeout = 30 * time.Minute

var (
	// ErrForeign is returned by Open for a folder that is not empty and
	// holds no Marker: kimsite did not write it, so it is not replaced.
	ErrForeign = errors.New("output: folder not written by kimsite")
	// ErrNotDir is returned by Open for a target that exists and is not a
	// folder.
	ErrNotDir = errors.New("output: not a folder")
	// ErrBusy is returned by Open when another build held the target for
	// longer than the timeout.
	ErrBusy = errors.New("output: another build is writing the folder")
)

// Open prepares a staging folder for target: it takes the target's lock,
// checks that the target is kimsite's own output or absent or empty, and
// removes any staging or old folders that an interrupted build left beside
// it. The lock is held until Abort.
func Open(target string, opts Options) (*Dir, error) {
	target = filepath.Clean(target)
	parent, base := filepath.Split(target)
	if parent == "" {
		parent = "."
	}
	// Checked before the lock too, so that a refused folder gets no lock
	// file beside it; and again under the lock, which is what counts.
	if err := owned(target, opts.Owned); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	l, err := acquire(filepath.Join(parent, "."+base+lockMark), opts)
	if err != nil {
		return nil, err
	}
	d, err := open(parent, base, target, l, opts)
	if err != nil {
		l.release()
		return nil, err
	}
	return d, nil
}

// open does Open's work under the lock l.
func open(parent, base, target string, l *lock, opts Options) (*Dir, error) {
	if err := owned(target, opts.Owned); err != nil {
		return nil, err
	}
	if l.held {
		cleanLeftovers(parent, base)
	}
	staging, err := os.MkdirTemp(parent, "."+base+stagingMark)
	if err != nil {
		return nil, err
	}
	d := &Dir{target: target, staging: staging, dirs: map[string]bool{}, files: map[string]bool{Marker: true},
		made: map[string]*folder{}, maxMade: maxMade, kept: map[string]bool{}, lock: l}
	err = os.Chmod(staging, 0o755)
	if err == nil {
		err = os.WriteFile(filepath.Join(staging, Marker), []byte(markerText), 0o644)
	}
	if err != nil {
		_ = os.RemoveAll(staging)
		return nil, err
	}
	return d, nil
}

// owned returns nil when target may be replaced: it does not exist, or is
// an empty folder, or holds Marker, or ownedByAge says it is a build.
func owned(target string, ownedByAge func(string) bool) error {
	info, err := os.Lstat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%w: %s", ErrNotDir, target)
	}
	if m, err := os.Lstat(filepath.Join(target, Marker)); err == nil && m.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(target)
	if err != nil {
		return err
	}
	names, err := f.Readdirnames(1)
	f.Close()
	if len(names) == 0 && errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return err
	}
	if ownedByAge != nil && ownedByAge(target) {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrForeign, target)
}

func cleanLeftovers(parent, base string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, "."+base+stagingMark) || strings.HasPrefix(n, "."+base+oldMark) {
			_ = os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

// ErrPath is returned for a name that is not a clean relative path inside
// the output folder.
var ErrPath = errors.New("output: path outside the output folder")

// ErrTwice is returned when two stages write the same file.
var ErrTwice = errors.New("output: file written twice")

// WriteFile writes one file; name is slash-separated and relative to the
// output folder.
func (d *Dir) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, `\`) {
		return fmt.Errorf("%w: %q", ErrPath, name)
	}
	f, err := d.create(name)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}

// WriteFrom writes one file from r, as WriteFile does, without holding it
// in memory.
func (d *Dir) WriteFrom(name string, r io.Reader) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, `\`) {
		return fmt.Errorf("%w: %q", ErrPath, name)
	}
	f, err := d.create(name)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, r)
	return errors.Join(err, f.Close())
}

// create claims name and creates its file in the staging folder. A second
// writer of the same file is refused by the file system itself (O_EXCL),
// so that Dir need not remember every file it wrote: its memory stays the
// same however many sites a build has.
func (d *Dir) create(name string) (*os.File, error) {
	if err := d.claim(name); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(d.staging, filepath.FromSlash(name)), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("%w: %q", ErrTwice, name)
	}
	return f, err
}

// claim refuses a file in a kept folder, notes the top-level entry for
// Commit, and makes the file's folder in the staging folder.
func (d *Dir) claim(name string) error {
	d.mu.Lock()
	top, _, nested := strings.Cut(name, "/")
	if d.kept[top] {
		d.mu.Unlock()
		return fmt.Errorf("%w: %q", ErrTwice, name)
	}
	if nested {
		d.dirs[top] = true
	} else {
		d.files[top] = true
	}
	d.mu.Unlock()
	return d.mkdir(filepath.Dir(filepath.FromSlash(name)))
}

// maxMade is how many folders mkdir remembers before it forgets them all;
// a folder it forgot is found again by one mkdir call that fails with
// ErrExist.
const maxMade = 4096

// folder is one folder of the staging folder, made once.
type folder struct {
	once sync.Once
	err  error
}

// mkdir creates dir and its missing parents in the staging folder, one
// mkdir call each: the folders made so far are known, so there is no need
// for MkdirAll's stat of every file's folder. Each folder is made once,
// outside d.mu, so that a slow mkdir holds up only the files that go into
// that folder, and no file is written into a folder still being made.
func (d *Dir) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	d.mu.Lock()
	f := d.made[dir]
	if f == nil {
		if len(d.made) >= d.maxMade {
			clear(d.made)
		}
		f = &folder{}
		d.made[dir] = f
	}
	d.mu.Unlock()
	f.once.Do(func() {
		if f.err = d.mkdir(filepath.Dir(dir)); f.err != nil {
			return
		}
		if err := os.Mkdir(filepath.Join(d.staging, dir), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			f.err = err
		}
	})
	return f.err
}

// Has reports whether name has been written.
func (d *Dir) Has(name string) bool {
	_, err := os.Lstat(filepath.Join(d.staging, filepath.FromSlash(name)))
	return fs.ValidPath(name) && err == nil
}

// Commit puts the staged files in place of the target: the whole folder in
// one step, or, when the build kept folders of the previous one, one
// top-level entry at a time (see commitEntries).
func (d *Dir) Commit() error {
	if d.done {
		return errors.New("output: already committed or aborted")
	}
	d.done = true
	if len(d.kept) > 0 {
		if err := d.commitEntries(); err != nil {
			_ = os.RemoveAll(d.staging)
			return err
		}
		return nil
	}
	if err := swap(d.staging, d.target); err != nil {
		_ = os.RemoveAll(d.staging)
		return err
	}
	return nil
}

// Abort throws the staged files away, unless they were committed, and
// leaves the target as it was; it then lets the next build in. Call it
// after Commit too, once nothing more is to be done under the lock.
func (d *Dir) Abort() {
	if !d.done {
		d.done = true
		_ = os.RemoveAll(d.staging)
	}
	d.lock.release()
}

// swapByRename replaces target with staging by two renames. Between them
// the target is briefly missing (never mixed); swap uses an atomic exchange
// where the system has one.
func swapByRename(staging, target string) error {
	parent, base := filepath.Split(target)
	old := filepath.Join(parent, "."+base+oldMark+filepath.Base(staging)[len("."+base+stagingMark):])
	if err := os.Rename(target, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(staging, target); err != nil {
		return err
	}
	return os.RemoveAll(old)
}
