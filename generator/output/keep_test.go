package output

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"github.com/kotamalang/kimsite/generator/internal/filetree"
)

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return info.Sys().(*syscall.Stat_t).Ino
}

// TestKeepCommitsEntryByEntry keeps one site of the previous output,
// rewrites another and the portal, and checks that the kept site's files
// are the very same files (not rewritten), that the rewritten entries hold
// only the new build's files, and that entries the build no longer makes
// are gone.
func TestKeepCommitsEntryByEntry(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "public")
	filetree.Write(t, target, map[string]string{
		"index.html":          "portal lama",
		"umkm/index.html":     "umkm lama",
		"kauman/index.html":   "kauman",
		"kauman/berita/a.txt": "a",
		"sukun/index.html":    "sukun lama",
		"sukun/hapus.html":    "dihapus",
		"dihapus/index.html":  "situs yang dihapus",
		"lama.xml":            "berkas lama",
		Marker:                "penanda lama",
	})
	keptInode := inode(t, filepath.Join(target, "kauman/berita/a.txt"))

	d, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Keep("kauman", d.Identity("kauman"), []string{"kauman/index.html", "kauman/berita/a.txt"}); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("kauman/baru.html", nil); !errors.Is(err, ErrTwice) {
		t.Errorf("writing into a kept folder = %v, want ErrTwice", err)
	}
	for name, data := range map[string]string{"index.html": "portal baru", "umkm/index.html": "umkm baru", "sukun/index.html": "sukun baru"} {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	got := filetree.Read(t, target)
	want := map[string]string{
		"index.html":          "portal baru",
		"umkm/index.html":     "umkm baru",
		"kauman/index.html":   "kauman",
		"kauman/berita/a.txt": "a",
		"sukun/index.html":    "sukun baru",
		Marker:                markerText,
	}
	if len(got) != len(want) {
		t.Errorf("output = %v, want %v", got, want)
	}
	for name, data := range want {
		if got[name] != data {
			t.Errorf("%s = %q, want %q", name, got[name], data)
		}
	}
	if inode(t, filepath.Join(target, "kauman/berita/a.txt")) != keptInode {
		t.Error("the kept site's file was rewritten")
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 2 || entries[0].Name() != ".public"+lockMark {
		t.Errorf("left beside the output: %v, want the lock file and the output", entries)
	}
}

// TestKeepRefuses checks that Keep keeps nothing when a file is missing,
// when the folder is not a real folder or not the one that was written (a
// build of another checkout replaced it), or when a name is outside it.
func TestKeepRefuses(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "public")
	filetree.Write(t, target, map[string]string{"sukun/index.html": "s", Marker: ""})
	before := identity(filepath.Join(target, "sukun"))
	if err := os.RemoveAll(filepath.Join(target, "sukun")); err != nil {
		t.Fatal(err)
	}
	filetree.Write(t, target, map[string]string{"kauman/index.html": "k", "elsewhere/x": "x", "sukun/index.html": "s2"})
	if err := os.Symlink("elsewhere", filepath.Join(target, "link")); err != nil {
		t.Fatal(err)
	}
	d, err := Open(target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, tc := range []struct {
		dir   string
		names []string
		want  error
	}{
		{"kauman", []string{"kauman/index.html", "kauman/hilang.html"}, ErrNotReusable},
		{"sukun", []string{"sukun/index.html"}, ErrNotReusable},
		{"link", []string{"link/x"}, ErrNotReusable},
		{"tidakada", nil, ErrNotReusable},
		{"kauman", []string{"elsewhere/x"}, ErrPath},
		{"kauman/berita", nil, ErrPath},
		{"..", nil, ErrPath},
	} {
		id := d.Identity(tc.dir)
		if tc.dir == "sukun" {
			id = before // the folder written then was replaced since
		}
		if err := d.Keep(tc.dir, id, tc.names); !errors.Is(err, tc.want) {
			t.Errorf("Keep(%q, %v) = %v, want %v", tc.dir, tc.names, err, tc.want)
		}
	}
	// Nothing was kept: the folder can still be written.
	if err := d.WriteFile("kauman/index.html", []byte("baru")); err != nil {
		t.Errorf("after refused Keeps: %v", err)
	}
}

// TestReplaceUndo checks that each commit step's undo puts both names back,
// for a replaced entry and a new one, so that a failed commit leaves the
// previous output.
func TestReplaceUndo(t *testing.T) {
	dir := t.TempDir()
	filetree.Write(t, dir, map[string]string{"new/a": "baru", "cur/a": "lama", "fresh/b": "b"})
	before := filetree.Read(t, dir)
	undoReplace, err := replace(filepath.Join(dir, "new"), filepath.Join(dir, "cur"), filepath.Join(dir, "old"))
	if err != nil {
		t.Fatal(err)
	}
	undoNew, err := replace(filepath.Join(dir, "fresh"), filepath.Join(dir, "added"), filepath.Join(dir, "old2"))
	if err != nil {
		t.Fatal(err)
	}
	if got := filetree.Read(t, dir); got["cur/a"] != "baru" || got["added/b"] != "b" {
		t.Fatalf("after replace: %v", got)
	}
	if err := errors.Join(undoNew(), undoReplace()); err != nil {
		t.Fatal(err)
	}
	after := filetree.Read(t, dir)
	if !slices.Equal(slices.Sorted(maps.Keys(after)), slices.Sorted(maps.Keys(before))) || after["cur/a"] != "lama" {
		t.Errorf("after undo: %v, want %v", after, before)
	}
}
