package cache

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

func TestHasherSeparatesParts(t *testing.T) {
	key := func(parts ...string) string {
		h := NewHasher()
		for i := 0; i < len(parts); i += 2 {
			h.Add(parts[i], []byte(parts[i+1]))
		}
		return h.Sum()
	}
	if key("a", "bc") == key("ab", "c") || key("a", "b", "c", "d") == key("a", "bcd") {
		t.Error("different parts give the same key")
	}
	if key("a", "b") != key("a", "b") {
		t.Error("the same parts give different keys")
	}
}

func TestAddTreeSeesEveryChange(t *testing.T) {
	tree := func(files map[string]string) string {
		fsys := fstest.MapFS{}
		for name, data := range files {
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
		h := NewHasher()
		if err := h.AddTree(fsys, "content/a", 1<<20); err != nil {
			t.Fatal(err)
		}
		return h.Sum()
	}
	base := tree(map[string]string{"content/a/x.md": "1", "content/a/y/z.md": "2", "content/b/x.md": "3"})
	for name, files := range map[string]map[string]string{
		"content": {"content/a/x.md": "9", "content/a/y/z.md": "2", "content/b/x.md": "3"},
		"renamed": {"content/a/w.md": "1", "content/a/y/z.md": "2", "content/b/x.md": "3"},
		"added":   {"content/a/x.md": "1", "content/a/y/z.md": "2", "content/a/n.md": "", "content/b/x.md": "3"},
		"removed": {"content/a/x.md": "1", "content/b/x.md": "3"},
	} {
		if tree(files) == base {
			t.Errorf("%s: key unchanged", name)
		}
	}
	if tree(map[string]string{"content/a/x.md": "1", "content/a/y/z.md": "2", "content/b/x.md": "other site"}) != base {
		t.Error("another site's file changed the key")
	}
}

func TestSaveAndOpen(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cache", "public.gob")
	c := Open(file) // missing: empty
	if _, ok := c.Lookup("kauman", "k1"); ok {
		t.Fatal("empty cache has an entry")
	}
	c.Put("kauman", Entry{Key: "k1", Files: []string{"kauman/index.html"}, Digest: []byte("d")})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	c = Open(file)
	if e, ok := c.Lookup("kauman", "k1"); !ok || e.Files[0] != "kauman/index.html" || string(e.Digest) != "d" {
		t.Errorf("Lookup after Save = %+v, %v", e, ok)
	}
	if _, ok := c.Lookup("kauman", "k2"); ok {
		t.Error("a changed key was found")
	}
	// Forget leaves no manifest (a build does it before replacing the
	// output); the entries in memory stay for the Save after.
	if err := c.Forget(); err != nil {
		t.Fatal(err)
	}
	if _, ok := Open(file).Lookup("kauman", "k1"); ok {
		t.Error("a forgotten manifest gave an entry")
	}
	if err := c.Forget(); err != nil {
		t.Errorf("Forget without a manifest: %v", err)
	}
	c.Put("kauman", Entry{Key: "k1"})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if _, ok := Open(file).Lookup("kauman", "k1"); !ok {
		t.Error("Save after Forget wrote no entry")
	}
	c = Open(file)
	// A site not put again is forgotten by the next Save.
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	if _, ok := Open(file).Lookup("kauman", "k1"); ok {
		t.Error("an entry not put again survived Save")
	}
	// A damaged manifest is an empty cache.
	if err := os.WriteFile(file, []byte("not gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := Open(file).Lookup("kauman", "k1"); ok {
		t.Error("a damaged manifest gave an entry")
	}
}
