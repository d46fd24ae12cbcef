package render

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
)

// hostileText is written into every text field of hostileArticles: it
// closes the elements and attributes text lands in, opens a script, holds
// a template action, a javascript: URL, a "+" (which the engines could
// write differently) and the line separators JSON text allows but
// JavaScript did not.
const hostileText = `"'></title></style></script><script>alert("x")</script><img src=x onerror=alert(1)>{{.}}` +
	"`javascript:alert(1) 1+1 \u2028\u2029 &amp; \x00"

// hostileArticles is a site whose news page carries hostileText in its
// title, summary, author, tags and photo text, and in the site's name.
func hostileArticles() fstest.MapFS {
	q := func(s string) string {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\x00", `\0`).Replace(s) + `"`
	}
	p := q(hostileText)
	files := map[string]string{
		"sites.yaml": "city: Kota Contoh\nbase_url: https://kim.example.id/\nrepo: https://github.com/example/kim\nsites:\n" +
			"  - id: kauman\n    name: " + p + "\n    kecamatan: " + p + "\n    kim: " + p + "\n",
		"content/kauman/_index.md": "---\ntitle: Kauman\n---\nSelamat datang.\n",
		"content/kauman/berita/a.md": "---\ntitle: " + p + "\ndate: 2026-11-05\nsummary: " + p + "\ntags: [" + p + ", \"c++\"]\n" +
			"image: foto.jpg\nimage_alt: " + p + "\nauthor: " + p + "\n---\nTeks biasa dengan " + hostileText + "\n",
		"content/kauman/berita/b.md":     "---\ntitle: \"Harga cabai naik 20%+\"\ndate: 2026-11-04T08:30:00+07:00\ntags: [\"c++\"]\n---\nTeks.\n",
		"content/kauman/berita/foto.jpg": string(tinyJPEG()),
	}
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// TestArticleEnginesAgree renders news pages through the html/template
// layout and through article.templ. From the golden city it wants the
// same bytes. From a site whose text is hostile it wants the same document
// as a browser parses it: the engines escape "+" differently (&#43; and
// +), and html/template writes NUL as U+FFFD where templ leaves it, which
// HTML parsers drop from text.
func TestArticleEnginesAgree(t *testing.T) {
	golden, err := goldenFS()
	if err != nil {
		t.Fatal(err)
	}
	for name, fsys := range map[string]fstest.MapFS{"golden": golden.(fstest.MapFS), "hostile": hostileArticles()} {
		t.Run(name, func(t *testing.T) {
			r, all := pageViews(t, fsys)
			views := beritaViews(t, r, all)
			for _, v := range views {
				var h, tm bytes.Buffer
				if err := r.Theme.Execute(&h, "single", v); err != nil {
					t.Fatal(err)
				}
				if err := articleBase(v).Render(context.Background(), &tm); err != nil {
					t.Fatal(err)
				}
				if name == "hostile" {
					if hd, td := parsed(t, h.Bytes()), parsed(t, tm.Bytes()); hd != td {
						t.Errorf("%s: the engines' documents differ:\n%s", v.Path, firstDiff([]byte(td), []byte(hd)))
					}
					continue
				}
				if !bytes.Equal(h.Bytes(), tm.Bytes()) {
					t.Errorf("%s: the engines differ:\n%s", v.Path, firstDiff(bytes.ReplaceAll(tm.Bytes(), []byte("><"), []byte(">\n<")), bytes.ReplaceAll(h.Bytes(), []byte("><"), []byte(">\n<"))))
				}
			}
			if name == "hostile" && !strings.Contains(views[0].Title+views[1].Title, "</script>") {
				t.Fatal("the hostile text did not reach the page's title")
			}
		})
	}
}

// parsed is page as an HTML parser reads it, written back one node a line,
// with NUL and U+FFFD (what html/template writes for NUL) left out.
func parsed(t *testing.T, page []byte) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := html.Render(&b, doc); err != nil {
		t.Fatal(err)
	}
	return strings.NewReplacer("\x00", "", "\uFFFD", "", "><", ">\n<").Replace(b.String())
}
