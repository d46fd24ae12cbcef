package markdown

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/internal/pagecheck"
)

// fuzzSite is a small site whose berita/fuzz.md has the given body.
func fuzzSite(t testing.TB, body []byte) (*content.Site, *content.Page) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys := fstest.MapFS{
		"content/kauman/_index.md":           file("---\ntitle: Kauman\n---\nSelamat datang.\n"),
		"content/kauman/profil.md":           file("---\ntitle: Profil\n---\nProfil.\n"),
		"content/kauman/umkm/warung.md":      file("---\ntitle: Warung\ncategory: kuliner\n---\nWarung.\n"),
		"content/kauman/berita/foto.jpg":     file("jpg"),
		"content/kauman/static/logo.png":     file("png"),
		"content/kauman/static/rab.pdf":      file("pdf"),
		"content/kauman/berita/fuzz.md":      &fstest.MapFile{Data: append([]byte("---\ntitle: Fuzz\ndate: 2026-11-05\n---\n"), body...)},
		"content/kauman/berita/lain.md":      file("---\ntitle: Lain\ndate: 2026-11-04\n---\nLain.\n"),
		"content/kauman/cek-fakta/_index.md": file("---\ntitle: Cek\n---\n"),
	}
	site, _ := content.Load(fsys, &config.Site{ID: "kauman", Name: "Kauman", Path: "/kauman/"}, false)
	page := site.PageAt("berita/fuzz.md")
	if page == nil {
		t.Skip("the body made the file unreadable as a page") // e.g. an identity number in it
	}
	return site, page
}

var markdownSeeds = []string{
	"Teks **tebal**, _miring_, ~~coret~~, `kode`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] selesai\n",
	"[warung](../umkm/warung.md#jam) [profil](../profil.md) ![Foto](foto.jpg) ![Logo](/logo.png) [RAB](/rab.pdf)\n",
	"<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nteks <b onclick=x>inline</b>\n",
	"[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,<script>x</script>) [d](vbscript:x)\n",
	"[e](java\tscript:x) [f](//evil.example/) [g](\\\\evil\\x) [h](/\\evil.example) ![i](data:image/png;base64,AA==)\n",
	"<javascript:alert(1)> <https://malangkota.go.id/> www.example.com mail@example.com\n",
	"[a][ref]\n\n[ref]: javascript:alert(1) \"t\"\n",
	"[x](../../../../etc/passwd) [y](%2e%2e/%2e%2e/x.md) [z](..%2f..%2fx.md) [w](/%2e%2e/%2e%2e/sites.yaml)\n",
	"```html\n<script>x</script>\n```\n\n    <iframe src=x>\n",
	"# Judul {#id}\n\n## Judul\n\n## Judul\n",
	strings.Repeat("> ", 50) + "dalam\n",
	strings.Repeat("- ", 50) + "dalam\n",
	strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n",
	strings.Repeat("*", 300) + "a" + strings.Repeat("*", 300) + "\n",
	"<!-- komentar --> <?php x ?> <![CDATA[x]]> <svg onload=x>\n",
	"&lt;script&gt; &#x3C;script&#x3E; &amp;\n",
	"[t](<javascript:alert(1)>) [u](https://example.com/\"onmouseover=\"x)\n",
	"![](foto.jpg)\n\n[kosong]()\n",
	// Embeds: a link alone in a paragraph.
	"https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n[Kerja bakti \"RW\" <05>](https://youtu.be/dQw4w9WgXcQ?t=1)\n",
	"[![Sampul](foto.jpg)](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n\nhttps://www.instagram.com/p/C0ABCDEFGhi/\n",
	"https://www.openstreetmap.org/?mlat=-7.98&mlon=112.63#map=18/-7.98/112.63\n\nhttps://www.youtube.com/watch?v=\"><script>x</script>\n",
}

// FuzzRender renders any body, embeds included, in a small site and checks that the HTML
// carries no live markup (scripts, event handlers, frames, URLs that run
// code), that every link problem points at a line of the file, and that a
// body rendered without problems links only to the site's own paths or to
// allowed absolute URLs.
func FuzzRender(f *testing.F) {
	for _, s := range markdownSeeds {
		f.Add([]byte(s))
	}
	r := New()
	f.Fuzz(func(t *testing.T, body []byte) {
		site, page := fuzzSite(t, body)
		problems := r.Render(site, page)
		if bad := pagecheck.Fragment([]byte(page.Content)); len(bad) > 0 {
			t.Fatalf("Render(%q) = %q: %v", body, page.Content, bad)
		}
		last := page.BodyLine + bytes.Count(body, []byte("\n"))
		for _, p := range problems {
			if p.Path != page.Path || p.Line < page.BodyLine || p.Line > last {
				t.Fatalf("Render(%q): problem at %s, body is lines %d-%d", body, p.Position(), page.BodyLine, last)
			}
		}
	})
}
