package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotReusable is returned by Reuse when a file is not in the current
// output folder; nothing was staged.
var ErrNotReusable = errors.New("output: file not in the previous build")

// Reuse puts files of the current output folder, unchanged, into the
// staging folder, as hard links: the staged build shares them with the
// output it replaces, costs no copy, and stays atomic because a build
// never writes into a file it reused. It checks every file first and
// stages nothing when one is missing, so that the caller can render those
// files instead.
func (d *Dir) Reuse(names []string) error {
	for _, name := range names {
		if !fs.ValidPath(name) || name == "." {
			return fmt.Errorf("%w: %q", ErrPath, name)
		}
		if info, err := os.Lstat(filepath.Join(d.target, filepath.FromSlash(name))); err != nil || !info.Mode().IsRegular() {
			return fmt.Errorf("%w: %q", ErrNotReusable, name)
		}
	}
	for _, name := range names {
		if err := d.claim(name); err != nil {
			return err
		}
		rel := filepath.FromSlash(name)
		if err := os.Link(filepath.Join(d.target, rel), filepath.Join(d.staging, rel)); err != nil {
			return err
		}
	}
	return nil
}
