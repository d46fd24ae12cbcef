package markdown

import (
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"testing/fstest"
)

// TestBrowserLinks: an address copied from the browser reaches the page it
// names, however it is written.
func TestBrowserLinks(t *testing.T) {
	fsys := fstest.MapFS{
		"content/kauman/berita/a.md":              {Data: []byte("---\ntitle: A\ndate: 2026-01-01\n---\nx\n")},
		"content/kauman/umkm/warung.md":           {Data: []byte("---\ntitle: Warung\ncategory: kuliner\n---\n")},
		"content/kauman/profil.md":                {Data: []byte("---\ntitle: Profil\n---\n")},
		"content/kauman/static/denah.pdf":         {Data: []byte("x")},
		"content/kauman/umkm/foto/IMG.JPG":        {Data: []byte("x")},
		"content/kauman/berita/Foto Kegiatan.jpg": {Data: []byte("x")},
	}
	site, problems := content.Load(fsys, &config.Site{ID: "kauman", Path: "/kauman/", BaseURL: "https://kim.malangkota.go.id/kauman/"}, false)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	tests := []struct{ dest, want, problem string }{
		{"/kauman/umkm/warung/", `href="/kauman/umkm/warung/"`, ""},
		{"/kauman/umkm/warung", `href="/kauman/umkm/warung/"`, ""},
		{"umkm/warung/", `href="/kauman/umkm/warung/"`, ""},
		{"../umkm/warung/#menu", `href="/kauman/umkm/warung/#menu"`, ""},
		{"https://kim.malangkota.go.id/kauman/umkm/warung/", `href="/kauman/umkm/warung/"`, ""},
		{"https://KIM.malangkota.go.id/kauman/profil/", `href="/kauman/profil/"`, ""},
		{"/kauman/berita/", `href="/kauman/berita/"`, ""},
		{"/kauman/", `href="/kauman/"`, ""},
		{"https://kim.malangkota.go.id/kauman/tags/posyandu/", `href="/kauman/tags/posyandu/"`, ""},
		{"/denah.pdf", `href="/kauman/denah.pdf"`, ""},
		{"https://malangkota.go.id/berita/", `href="https://malangkota.go.id/berita/"`, ""},
		{"/kauman/umkm/warung-bu-ani/", "", "tautan ke halaman \"/kauman/umkm/warung-bu-ani/\" yang tidak ada di situs ini\n    Ganti `/kauman/umkm/warung-bu-ani/` dengan `../umkm/warung.md`."},
		{"https://kim.malangkota.go.id/kauman/umkm/warng/", "", "Ganti `https://kim.malangkota.go.id/kauman/umkm/warng/` dengan `../umkm/warung.md`."},
		{"../umkm/warng.md", "", "Ganti `../umkm/warng.md` dengan `../umkm/warung.md`."},
		{"umkm/warung.md", "", "Ganti `umkm/warung.md` dengan `../umkm/warung.md`."},
		{"../umkm/foto/img.jpg", "", "Ganti `../umkm/foto/img.jpg` dengan `../umkm/foto/IMG.JPG`"},
		{"foto%20kegiatan.jpg", "", "Ganti `foto%20kegiatan.jpg` dengan `Foto%20Kegiatan.jpg`"},
	}
	for _, tt := range tests {
		t.Run(tt.dest, func(t *testing.T) {
			page := site.PageAt("berita/a.md")
			page.Body = []byte("[tautan](" + tt.dest + ")\n")
			problems := New().Render(site, page)
			if tt.problem == "" {
				if len(problems) > 0 || !strings.Contains(string(page.Content), tt.want) {
					t.Errorf("got %s %v, want %s", page.Content, problems, tt.want)
				}
				return
			}
			if len(problems) != 1 || !strings.Contains(problems[0].String(), tt.problem) {
				t.Errorf("got %v, want %s", problems, tt.problem)
			}
		})
	}
}
