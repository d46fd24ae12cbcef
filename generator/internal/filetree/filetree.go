// Package filetree writes, reads and compares small trees of files for
// tests: a tree is a map from slash paths to contents.
package filetree

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Write writes files under dir, making the folders they need.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Read returns every file under dir.
func Read(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// Same reports every file of want that got lacks or holds different
// bytes, and every file of got that want lacks; against names what got
// is compared with, for the messages.
func Same(t testing.TB, got, want map[string]string, against string) {
	t.Helper()
	for name, data := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: missing (it is in %s)", name, against)
		} else if g != data {
			t.Errorf("%s: differs from %s", name, against)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: not in %s", name, against)
		}
	}
}
