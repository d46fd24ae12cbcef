package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVolunteerPaste runs the binary on a page as a volunteer writes it:
// pasted from WhatsApp with an Indonesian key, a link copied from the
// browser, and a scratch file sed -i left beside it. check names the line
// and the exact fix; once it is applied the page builds with the pasted
// paragraphs apart and the link pointing at the page.
func TestVolunteerPaste(t *testing.T) {
	root := copyTree(t)
	page := filepath.Join(root, "content/kauman/berita/pengumuman.md")
	text := "---\njudul: Pengumuman Kerja Bakti\ndate: 2026-11-20\n---\n*PENGUMUMAN*\nKerja bakti hari Minggu pukul 07.00 WIB.\nTitik kumpul di [Warung Bu Sri](/kauman/umkm/warung-bu-sri/).\n"
	if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "content/kauman/berita/sedzGuPP7"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runCached(t, "check", "--root", root)
	want := "content/kauman/berita/pengumuman.md:2: kunci \"judul\" tidak dikenal; kunci front matter ditulis dalam bahasa Inggris: \"title\"\n    Ganti `judul:` dengan `title:`."
	if code != 1 || !strings.Contains(errOut, want) || strings.Contains(errOut, "wajib diisi") || strings.Contains(errOut, "sedzGuPP7") {
		t.Fatalf("check: exit %d, want 1 and\n%s\ngot\n%s", code, want, errOut)
	}
	if err := os.WriteFile(page, []byte(strings.Replace(text, "judul:", "title:", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, errOut, code := runCached(t, "build", "--root", root, "--out", out); code != 0 {
		t.Fatalf("build after the fix: exit %d\n%s", code, errOut)
	}
	html, err := os.ReadFile(filepath.Join(out, "kauman/berita/pengumuman/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<strong>PENGUMUMAN</strong><br>", `<p>Titik kumpul di <a href="/kauman/umkm/warung-bu-sri/">`} {
		if !strings.Contains(string(html), want) {
			t.Errorf("built page lacks %s:\n%s", want, html)
		}
	}
}
