package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/config"
)

func TestReservedNames(t *testing.T) {
	page := func(extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: X\ndate: 2026-01-01\n" + extra + "---\nIsi.\n")}
	}
	fsys := fstest.MapFS{
		"content/a/berita/arsip.md":          page(""),
		"content/a/berita/arsip-rapat.md":    page(""),
		"content/a/perencanaan/2026.md":      page("year: 2026\nstage: usulan\n"),
		"content/a/perencanaan/rw-2026.md":   page("year: 2026\nstage: usulan\n"),
		"content/a/umkm/kategori.md":         page("category: jasa\n"),
		"content/a/static/umkm.json":         &fstest.MapFile{Data: []byte("[]")},
		"content/a/static/data/umkm.json":    &fstest.MapFile{Data: []byte("[]")},
		"content/a/static/perencanaan.csv":   &fstest.MapFile{Data: []byte("a")},
		"content/a/cek-fakta/halaman-dua.md": page("claim: X\nverdict: benar\n"),
	}
	_, problems := Load(fsys, &config.Site{ID: "a", Name: "A"}, false)
	var got []string
	for _, p := range problems {
		got = append(got, p.Path)
	}
	want := []string{"content/a/berita/arsip.md", "content/a/perencanaan/2026.md", "content/a/umkm/kategori.md",
		"content/a/static/perencanaan.csv", "content/a/static/umkm.json"}
	joined := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("no problem for %s; got:\n%s", w, joined)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d problems, want %d:\n%s", len(got), len(want), problems)
	}
}
