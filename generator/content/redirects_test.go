package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/config"
)

// TestRedirects checks that good lines of redirects.yaml become redirects
// to the page's address, and that every line a static host cannot serve,
// that would overwrite a page or a list, or that leads nowhere, is an
// error at its own line.
func TestRedirects(t *testing.T) {
	page := func(extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: X\ndate: 2026-01-01\n" + extra + "---\nIsi.\n")}
	}
	fsys := fstest.MapFS{
		"content/a/berita/kerja-bakti.md": page("tags: [Kesehatan]\n"),
		"content/a/berita/konsep.md":      page("draft: true\n"),
		"content/a/profil/index.md":       page(""),
		"content/a/profil/foto.jpg":       &fstest.MapFile{Data: []byte("x")},
		"content/a/redirects.yaml": &fstest.MapFile{Data: []byte(`# lama
/2020/11/05/kerja-bakti/: berita/kerja-bakti.md
/kerja-bakti-–-senam/: berita/kerja-bakti.md
/category/kesehatan/: tags/kesehatan/
/tentang-kami: profil/index.md
/?p=123: berita/kerja-bakti.md
/profil/: profil/index.md
/berita/: berita/kerja-bakti.md
/berita/halaman/2/: berita/kerja-bakti.md
/tags/lama/: berita/kerja-bakti.md
/lama/: berita/tidak-ada.md
/tag/x/: tags/tidak-ada/
/2020/11/05/kerja-bakti/: profil/index.md
/../naik/: profil/index.md
/konsep-lama/: berita/konsep.md
/profil/foto.jpg/: profil/index.md
/index.xml/: profil/index.md
`)},
	}
	site, problems := Load(fsys, &config.Site{ID: "a", Name: "A"}, false)
	var got []string
	for _, r := range site.Redirects {
		got = append(got, fmt.Sprintf("%d %s -> %s", r.Line, r.From, r.To))
	}
	want := []string{
		"2 2020/11/05/kerja-bakti/ -> berita/kerja-bakti/",
		"3 kerja-bakti-–-senam/ -> berita/kerja-bakti/",
		"4 category/kesehatan/ -> tags/kesehatan/",
		"5 tentang-kami/ -> profil/",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("redirects:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var lines []string
	for _, p := range problems {
		if p.Path != "content/a/redirects.yaml" {
			t.Errorf("problem outside redirects.yaml: %v", p)
		}
		lines = append(lines, fmt.Sprint(p.Line))
	}
	if strings.Join(lines, " ") != "6 7 8 9 10 11 12 13 14 16 17" {
		t.Errorf("problems at lines %v, want 6 7 8 9 10 11 12 13 14 16 17:\n%s", lines, problems)
	}
	for _, a := range site.Assets {
		if a.Src == RedirectsFile {
			t.Error("redirects.yaml is published as a file")
		}
	}
}
