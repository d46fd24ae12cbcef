package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotReusable is returned by Keep when a folder or one of its files is
// not in the current output; nothing was kept.
var ErrNotReusable = errors.New("berkas tidak ada di hasil build sebelumnya")

// Identity names the top-level folder dir of the output folder as it is
// on disk (device, inode, change time), or "" when there is none: recorded
// after a build, it tells a later build whether the folder is still the one
// that build wrote, and not, say, another checkout's build into the same
// output folder.
func (d *Dir) Identity(dir string) string {
	if !fs.ValidPath(dir) || dir == "." || strings.Contains(dir, "/") {
		return ""
	}
	return identity(filepath.Join(d.target, dir))
}

// Keep leaves the top-level folder dir of the current output as it is: the
// build reuses it unchanged instead of writing it again, so an unchanged
// site costs no write, link or removal. id is the folder's Identity when
// it was written, and names the files it must hold; when the folder was
// replaced since, or a file is missing, Keep keeps nothing and returns
// ErrNotReusable, so that the caller renders those files instead. Nothing
// may be written under a kept folder.
func (d *Dir) Keep(dir, id string, names []string) error {
	if !fs.ValidPath(dir) || dir == "." || strings.Contains(dir, "/") {
		return fmt.Errorf("%w: %q", ErrPath, dir)
	}
	if info, err := os.Lstat(filepath.Join(d.target, dir)); err != nil || !info.IsDir() || id == "" || d.Identity(dir) != id {
		return fmt.Errorf("%w: %q", ErrNotReusable, dir)
	}
	for _, name := range names {
		if !fs.ValidPath(name) || !strings.HasPrefix(name, dir+"/") {
			return fmt.Errorf("%w: %q", ErrPath, name)
		}
		if info, err := os.Lstat(filepath.Join(d.target, filepath.FromSlash(name))); err != nil || !info.Mode().IsRegular() {
			return fmt.Errorf("%w: %q", ErrNotReusable, name)
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.dirs[dir] || d.kept[dir] {
		return fmt.Errorf("%w: %q", ErrTwice, dir)
	}
	d.kept[dir] = true
	return nil
}

// commitEntries puts the staged build in place of the target one top-level
// entry at a time, leaving kept folders alone: each entry is swapped
// atomically (a site is never half old, half new), folders first and the
// portal's top-level files last. Entries of the previous build that this
// one neither wrote nor kept are moved out. If a step fails, the steps
// done are undone, so the target is the previous build again.
func (d *Dir) commitEntries() error {
	staged, err := os.ReadDir(d.staging)
	if err != nil {
		return err
	}
	current, err := os.ReadDir(d.target)
	if err != nil {
		return err
	}
	trash, err := os.MkdirTemp(filepath.Dir(d.target), "."+filepath.Base(d.target)+oldMark)
	if err != nil {
		return err
	}
	defer os.RemoveAll(trash)
	// Folders first, so that the portal's pages never link to a site folder
	// that is not in place yet.
	var order []string
	for _, wantDir := range []bool{true, false} {
		for _, e := range staged {
			if e.IsDir() == wantDir {
				order = append(order, e.Name())
			}
		}
	}
	var undo []func() error
	rollback := func(err error) error {
		for i := len(undo) - 1; i >= 0; i-- {
			err = errors.Join(err, undo[i]())
		}
		return err
	}
	for _, name := range order {
		src, dst, old := filepath.Join(d.staging, name), filepath.Join(d.target, name), filepath.Join(trash, name)
		step, err := replace(src, dst, old)
		if err != nil {
			return rollback(err)
		}
		undo = append(undo, step)
	}
	for _, e := range current {
		name := e.Name()
		if d.kept[name] || d.dirs[name] || d.files[name] {
			continue
		}
		dst, old := filepath.Join(d.target, name), filepath.Join(trash, name)
		if err := os.Rename(dst, old); err != nil {
			return rollback(err)
		}
		undo = append(undo, func() error { return os.Rename(old, dst) })
	}
	_ = os.RemoveAll(d.staging) // the previous entries; the next Open removes what is left
	return nil
}

// replace puts src at dst, atomically where the system can exchange two
// names, and the previous dst (if any) at old or src. It returns the step
// that undoes it.
func replace(src, dst, old string) (undo func() error, err error) {
	switch err := exchange(src, dst); {
	case err == nil:
		return func() error { return exchange(src, dst) }, nil
	case errors.Is(err, fs.ErrNotExist):
		if err := os.Rename(src, dst); err != nil {
			return nil, err
		}
		return func() error { return os.Rename(dst, src) }, nil
	case !errors.Is(err, errNoExchange):
		return nil, err
	}
	// No exchange on this system: dst is briefly missing, never mixed.
	if err := os.Rename(dst, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err := os.Rename(src, dst); err != nil {
		return nil, errors.Join(err, os.Rename(old, dst))
	}
	return func() error {
		if err := os.Rename(dst, src); err != nil {
			return err
		}
		if err := os.Rename(old, dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}, nil
}
