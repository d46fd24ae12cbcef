package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
)

// Quiet is how long the watcher waits after the last file event before it
// rebuilds: editors save in bursts (write a temporary file, rename it over
// the original, touch the folder), and one save should give one rebuild.
const Quiet = 10 * time.Millisecond

// Watcher watches a Server's files and rebuilds after each burst of
// changes.
type Watcher struct {
	s   *Server
	fsw *fsnotify.Watcher
}

// Watch starts watching sites.yaml, content/ and themes/ under the root,
// and returns once every folder that exists is watched; folders created
// later are added as they appear. Call Run to rebuild on changes.
func (s *Server) Watch() (*Watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := fsw.Add(s.opts.Root); err != nil { // sites.yaml, and content/ or themes/ appearing
		fsw.Close()
		return nil, err
	}
	for _, dir := range []string{"content", "themes"} {
		addTree(fsw, filepath.Join(s.opts.Root, dir))
	}
	return &Watcher{s: s, fsw: fsw}, nil
}

// Run rebuilds after each burst of changes until ctx ends, then stops
// watching. report, when set, is called after every rebuild with the paths
// that changed and how long the rebuild took, or with a watching error.
func (w *Watcher) Run(ctx context.Context, report func(changed []string, took time.Duration, err error)) {
	defer w.fsw.Close()
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case err := <-w.fsw.Errors:
			if report != nil {
				report(nil, 0, err)
			}
		case ev := <-w.fsw.Events:
			rel, ok := w.s.relevant(ev.Name)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					addTree(w.fsw, ev.Name)
				}
			}
			pending[rel] = true
			timer.Reset(Quiet)
		case <-timer.C:
			changed := make([]string, 0, len(pending))
			for p := range pending {
				changed = append(changed, p)
			}
			clear(pending)
			start := time.Now()
			err := w.s.Rebuild(changed)
			if report != nil {
				report(changed, time.Since(start), err)
			}
		}
	}
}

// addTree watches dir and every folder below it. Files are watched through
// their folder, which also sees files renamed over one another.
func addTree(w *fsnotify.Watcher, dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && temporary(d.Name()) {
				return filepath.SkipDir
			}
			_ = w.Add(p)
		}
		return nil
	})
}

// relevant turns an event's path into a path relative to the root, and
// says whether the build reads it.
func (s *Server) relevant(name string) (string, bool) {
	rel, err := filepath.Rel(s.opts.Root, name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if temporary(filepath.Base(name)) {
		return "", false
	}
	return rel, rel == config.File || strings.HasPrefix(rel, "content/") || strings.HasPrefix(rel, "themes/") ||
		rel == "content" || rel == "themes"
}

// temporary is content.Temporary: what the build ignores, the preview
// does not rebuild for nor name in its messages.
func temporary(name string) bool { return content.Temporary(name) }
