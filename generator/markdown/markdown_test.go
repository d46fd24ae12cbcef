package markdown

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
)

func loadSite(t *testing.T, files map[string]string) *content.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys["content/kauman/"+name] = &fstest.MapFile{Data: []byte(data)}
	}
	s, problems := content.Load(fsys, &config.Site{ID: "kauman", Path: "/kauman/"}, false)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return s
}

func TestRender(t *testing.T) {
	body := `Halo **warga**, ini ~~lama~~ baru.

## Jadwal Kerja Bakti

| Hari | Jam |
|------|-----|
| Minggu | 07.00 |

Lihat [warung](../umkm/warung.md#menu), [dokumen](/rab.pdf), www.malangkota.go.id dan [bawah](#jadwal-kerja-bakti).

![Warga kerja bakti](foto.jpg)

<script>alert(1)</script>
<b onclick="x()">tebal</b>
`
	s := loadSite(t, map[string]string{
		"berita/a.md":     "---\ntitle: A\ndate: 2026-01-01\n---\n" + body,
		"berita/foto.jpg": "x",
		"umkm/warung.md":  "---\ntitle: Warung\ncategory: kuliner\n---\n",
		"static/rab.pdf":  "x",
	})
	page := s.PageAt("berita/a.md")
	if problems := New().Render(s, page); len(problems) > 0 {
		t.Fatal(problems)
	}
	html := string(page.Content)
	for _, want := range []string{
		`<strong>warga</strong>`, `<del>lama</del>`, `<h2 id="jadwal-kerja-bakti">`, `<table>`,
		`href="/kauman/umkm/warung/#menu"`, `href="/kauman/rab.pdf"`, `href="http://www.malangkota.go.id"`,
		`href="#jadwal-kerja-bakti"`, `<img src="/kauman/berita/foto.jpg" alt="Warga kerja bakti">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("rendered HTML lacks %s:\n%s", want, html)
		}
	}
	for _, banned := range []string{"<script", "onclick", "<b "} {
		if strings.Contains(html, banned) {
			t.Errorf("raw HTML %q passed through:\n%s", banned, html)
		}
	}
	if page.Excerpt != "Halo warga, ini lama baru." {
		t.Errorf("excerpt %q", page.Excerpt)
	}
}

func TestRenderProblems(t *testing.T) {
	s := loadSite(t, map[string]string{
		"berita/a.md":     "---\ntitle: A\ndate: 2026-01-01\n---\nBaris lima.\n\n[x](../tidak/ada.md) dan [y](javascript:alert(1))\n\n![](foto.jpg)\n\n![Peta](peta.png)\n\n[z](data:text/html;base64,AAAA) [w](vbscript:x)\n",
		"berita/foto.jpg": "x",
	})
	problems := New().Render(s, s.PageAt("berita/a.md"))
	var got []string
	for _, p := range problems {
		got = append(got, p.Position()+": "+p.Message)
	}
	want := []string{
		`content/kauman/berita/a.md:7: tautan ke halaman "../tidak/ada.md" yang tidak ada (dicari di content/kauman/tidak/ada.md)`,
		`content/kauman/berita/a.md:7: tautan "javascript:alert(1)" ditolak: tautan harus diawali https://, http://, mailto: atau tel:`,
		`content/kauman/berita/a.md:9: gambar "foto.jpg" belum punya teks alternatif`,
		`content/kauman/berita/a.md:11: gambar "peta.png" tidak ditemukan (dicari di content/kauman/berita/peta.png)`,
		`content/kauman/berita/a.md:13: tautan "data:text/html;base64,AAAA" ditolak: tautan harus diawali https://, http://, mailto: atau tel:`,
		`content/kauman/berita/a.md:13: tautan "vbscript:x" ditolak: tautan harus diawali https://, http://, mailto: atau tel:`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
