//go:build unix

package pipeline_test

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/internal/filetree"
	"github.com/kotamalang/kimsite/generator/pipeline"
)

// TestFIFOsNeverOpened puts FIFOs (a reader waits for a writer for ever)
// where the build reads files: sites.yaml, CODEOWNERS, pages, published
// files. Check and build (with the build cache, which hashes site folders)
// must end with an error at each FIFO's path, without opening any.
func TestFIFOsNeverOpened(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fifos []string
		build bool
		want  []string
	}{
		{"sites.yaml", []string{"sites.yaml"}, false, []string{"sites.yaml"}},
		{"check", []string{".github/CODEOWNERS", "content/kauman/berita/pipa.md", "content/kauman/static/pipa.pdf"}, false,
			[]string{".github/CODEOWNERS", "content/kauman/berita/pipa.md", "content/kauman/static/pipa.pdf"}},
		{"build", []string{"content/kauman/berita/pipa.md", "content/kauman/static/pipa.pdf"}, true,
			[]string{"content/kauman/berita/pipa.md", "content/kauman/static/pipa.pdf"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			files := map[string]string{
				"sites.yaml":               okSites,
				"content/kauman/_index.md": "---\ntitle: Kauman\n---\nHalo.\n",
				"content/kauman/static/a":  "",
				".github/x":                "",
			}
			for _, f := range tc.fifos {
				delete(files, f)
			}
			filetree.Write(t, root, files)
			for _, f := range tc.fifos {
				if err := syscall.Mkfifo(filepath.Join(root, f), 0o644); err != nil {
					t.Skip("no FIFOs here:", err)
				}
			}
			opts := pipeline.Options{Root: root, ImageCache: "-"}
			if tc.build {
				opts.Out = filepath.Join(t.TempDir(), "public")
				opts.Cache = filepath.Join(t.TempDir(), "cache")
			}
			done := make(chan []string, 1)
			go func() {
				_, problems, _ := pipeline.Run(opts)
				var paths []string
				for _, p := range problems {
					paths = append(paths, p.Path)
				}
				done <- paths
			}()
			select {
			case paths := <-done:
				for _, want := range tc.want {
					found := false
					for _, p := range paths {
						found = found || p == want
					}
					if !found {
						t.Errorf("no problem at %s; got %v", want, paths)
					}
				}
			case <-time.After(20 * time.Second):
				t.Fatal("the build hangs on a FIFO")
			}
		})
	}
}
