package content

import (
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/config"
)

func TestResolve(t *testing.T) {
	tests := []struct {
		from, ref, want string
		err             error
	}{
		{"berita/a.md", "foto.jpg", "berita/foto.jpg", nil},
		{"berita/a/index.md", "foto.jpg", "berita/a/foto.jpg", nil},
		{"berita/a.md", "../umkm/b.md", "umkm/b.md", nil},
		{"berita/a.md", "/dokumen/rab.pdf", "static/dokumen/rab.pdf", nil},
		{"berita/a.md", "foto%20saya.jpg", "berita/foto saya.jpg", nil},
		{"berita/a.md", "./x/../foto.jpg", "berita/foto.jpg", nil},
		{"berita/a.md", "../../sites.yaml", "", ErrOutside},
		{"berita/a.md", "/../../x", "", ErrOutside},
		{"berita/a.md", "..", "static/..", ErrOutside},
		{"a.md", "..", "", ErrOutside},
		{"berita/a.md", `..\..\x`, "", ErrBackslash},
		{"berita/a.md", "%zz", "", ErrEscape},
	}
	for _, tt := range tests {
		got, err := Resolve(tt.from, tt.ref)
		if err != tt.err || (err == nil && got != tt.want) {
			t.Errorf("Resolve(%q, %q) = %q, %v; want %q, %v", tt.from, tt.ref, got, err, tt.want, tt.err)
		}
	}
}

func TestAssetURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"static/dokumen/RAB 2026.pdf", "dokumen/RAB 2026.pdf"},
		{"berita/Kerja Bakti/Foto Warga.JPG", "berita/kerja-bakti/foto-warga.jpg"},
		{"berita/café/ñoño.png", "berita/cafe/nono.png"},
		{"berita/!!!.png", ""},
	}
	for _, tt := range tests {
		got, ok := assetURL(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("assetURL(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestLoadPagesAndURLs(t *testing.T) {
	fsys := fstest.MapFS{
		"content/kauman/_index.md":                     {Data: []byte("---\ntitle: Beranda\n---\n")},
		"content/kauman/Profil Kelurahan.md":           {Data: []byte("---\ntitle: Profil\n---\n")},
		"content/kauman/berita/_index.md":              {Data: []byte("---\ntitle: Berita\n---\nKabar warga.\n")},
		"content/kauman/berita/lama.md":                {Data: []byte("---\ntitle: Lama\ndate: 2025-01-01\n---\n")},
		"content/kauman/berita/Baru Sekali/index.md":   {Data: []byte("---\ntitle: Baru\ndate: 2026-01-01\nimage: Foto 1.JPG\nimage_alt: Foto\n---\n")},
		"content/kauman/berita/Baru Sekali/Foto 1.JPG": {Data: []byte("x")},
		"content/kauman/berita/draf.md":                {Data: []byte("---\ntitle: Draf\ndate: 2026-02-01\ndraft: true\n---\n")},
		"content/kauman/berita/.DS_Store":              {Data: []byte("x")},
	}
	site := &config.Site{ID: "kauman", Path: "/kauman/"}
	s, problems := Load(fsys, site, false)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	berita := s.Section("berita")
	if len(berita.Pages) != 2 || berita.Pages[0].URL != "berita/baru-sekali/" || berita.Pages[1].URL != "berita/lama/" {
		t.Fatalf("berita pages (newest first, draft left out): %+v", berita.Pages)
	}
	if berita.Intro == nil || s.Home == nil || len(s.Plain) != 1 || s.Plain[0].URL != "profil-kelurahan/" {
		t.Errorf("intro %v home %v plain %v", berita.Intro, s.Home, s.Plain)
	}
	if img := berita.Pages[0].Image; img == nil || img.URL != "berita/baru-sekali/foto-1.jpg" {
		t.Errorf("bundle image: %+v", img)
	}
	withDrafts, _ := Load(fsys, site, true)
	if len(withDrafts.Section("berita").Pages) != 3 {
		t.Error("--drafts did not include the draft")
	}
}
