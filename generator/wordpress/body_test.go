package wordpress

import (
	"os"
	"strings"
	"testing"
)

// post imports one published post with the given body and gives its
// Markdown body and the problems reported for it.
func post(t *testing.T, body string) (md string, draft bool, problems []string) {
	t.Helper()
	wxr := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Uji</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://lama.example.id</wp:base_site_url><wp:base_blog_url>https://lama.example.id</wp:base_blog_url>
<item><title>Uji</title><link>https://lama.example.id/uji/</link><content:encoded><![CDATA[` + body + `]]></content:encoded>
<wp:post_id>1</wp:post_id><wp:post_date>2021-01-01 08:00:00</wp:post_date><wp:post_date_gmt>2021-01-01 01:00:00</wp:post_date_gmt>
<wp:post_name>uji</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>`
	res, err := Import(strings.NewReader(wxr), Options{Uploads: os.DirFS("testdata/uploads")})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range res.Files {
		if strings.HasPrefix(name, "berita/uji") && strings.HasSuffix(name, ".md") {
			front, rest, _ := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "---\n\n")
			md, draft = rest, strings.Contains(front, "draft: true")
		}
	}
	for _, p := range res.Report.Problems {
		problems = append(problems, p.Message)
	}
	return md, draft, problems
}

// TestBody converts bodies one convention or one attack at a time.
func TestBody(t *testing.T) {
	for _, c := range []struct {
		name, body, want string
		draft            bool
		problem          string // a substring of one reported problem; "" for none
	}{
		{"autop", "Baris satu\nbaris dua\n\nParagraf dua", "Baris satu\\\nbaris dua\n\nParagraf dua\n", false, ""},
		{"autop keeps pre", "<pre>a\n\nb</pre>\nteks", "```\na\n\nb\n```\n\nteks\n", false, ""},
		{"block editor is not autop'd", "<!-- wp:paragraph -->\n<p>satu\ndua</p>\n<!-- /wp:paragraph -->", "satu dua\n", false, ""},
		{"more", "Awal<!--more-->Lanjut", "Awal\n\nLanjut\n", false, ""},
		{"bare youtube", "Lihat:\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nSelesai", "Lihat:\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nSelesai\n", false, ""},
		{"bare link with underscores", "https://www.instagram.com/p/Ab_c-1_2x/", "https://www.instagram.com/p/Ab_c-1_2x/\n", false, ""},
		{"youtube iframe", `<iframe src="//www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"></iframe>`, "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n", false, ""},
		{"unknown iframe", `<iframe src="https://www.facebook.com/plugins/video.php?href=x"></iframe>`, "[Lihat konten dari www.facebook.com](https://www.facebook.com/plugins/video.php?href=x)\n", false, "tidak didukung"},
		{"unsafe iframe", `<iframe src="javascript:alert(1)"></iframe>Teks`, "Teks\n", true, "tidak aman"},
		{"script", "Teks<script>alert(1)</script>", "Teks\n", true, "skrip"},
		{"object", `<object data="https://x.example/a.swf"></object>Teks`, "[Lihat konten dari x.example](https://x.example/a.swf)\n\nTeks\n", false, "tidak didukung"},
		{"javascript link", `<a href="javascript:alert(1)">klik</a>`, "klik\n", false, "dihapus"},
		{"data link", `<a href=" data:text/html,x">klik</a>`, "klik\n", false, "dihapus"},
		{"javascript image", `<img src="javascript:alert(1)" alt="x">`, "", true, "tidak aman"},
		{"handler", `<p onclick="alert(1)">Teks</p>`, "Teks\n", false, "onclick"},
		{"markdown in text stays text", "[klik](javascript:alert(1)) dan ![x](https://evil.example/a.png)", "\\[klik](javascript:alert(1)) dan !\\[x](https://evil.example/a.png)\n", false, ""},
		{"nik in alt text", `<img src="https://lama.example.id/wp-content/uploads/2021/03/jalan-paving.jpg" alt="KTP 3573014506900001">`, "![KTP 3573xxxxxxxxxx01](jalan-paving.jpg)\n", true, "NIK"},
		{"resized photo", `<img src="https://lama.example.id/wp-content/uploads/2020/11/kerja-bakti-300x200.jpg" alt="Kerja bakti">`, "![Kerja bakti](kerja-bakti.jpg)\n", false, ""},
		{"missing photo", `<a href="https://lama.example.id/wp-content/uploads/2019/01/x.jpg"><img src="https://lama.example.id/wp-content/uploads/2019/01/x-150x150.jpg" alt="Rapat"></a>`, "[Foto: Rapat](https://lama.example.id/wp-content/uploads/2019/01/x-150x150.jpg)\n", false, "tidak ada di folder unggahan"},
		{"photo without alt", `<img src="https://lama.example.id/wp-content/uploads/2021/03/jalan-paving.jpg">`, "![Foto Uji](jalan-paving.jpg)\n", false, "tanpa teks alternatif"},
		{"caption", `[caption id="a" width="300"]<img src="https://lama.example.id/wp-content/uploads/2021/03/jalan-paving.jpg" /> Jalan baru RW 2[/caption]`, "![Jalan baru RW 2](jalan-paving.jpg)\n\n*Jalan baru RW 2*\n", false, ""},
		{"old caption attribute", `[caption caption="Jalan RW 2"]<img src="https://lama.example.id/wp-content/uploads/2021/03/jalan-paving.jpg" />[/caption]`, "![Jalan RW 2](jalan-paving.jpg)\n\n*Jalan RW 2*\n", false, ""},
		{"jetpack youtube", "[youtube=https://www.youtube.com/watch?v=dQw4w9WgXcQ]", "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n", false, ""},
		{"video shortcode", `[video mp4="https://lama.example.id/v.mp4"][/video]`, "[Tonton video](https://lama.example.id/v.mp4)\n", false, "situs lama"},
		{"unknown shortcode", `[wpforms id="9"]`, "\\[wpforms id=\"9\"]\n", false, "tidak dikenal"},
		{"table with paragraphs", "<table><tr><th>A</th><th>B</th></tr><tr><td><p>x</p><p>y</p></td><td>1<br>2</td></tr></table>", "| A | B |\n|---|---|\n| x y | 1 2 |\n", false, ""},
		{"link to old page kept absolute", `<a href="https://lama.example.id/tidak-ada/">lama</a>`, "[lama](https://lama.example.id/tidak-ada/)\n", false, "situs lama"},
		{"link to itself", `<a href="/uji/">ini</a>`, "[ini](uji.md)\n", false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			md, draft, problems := post(t, c.body)
			if md != c.want {
				t.Errorf("body %q\n got %q\nwant %q", c.body, md, c.want)
			}
			if draft != c.draft {
				t.Errorf("draft = %v, want %v (problems %q)", draft, c.draft, problems)
			}
			found := c.problem == "" && len(problems) == 0
			for _, p := range problems {
				found = found || (c.problem != "" && strings.Contains(p, c.problem))
			}
			if !found {
				t.Errorf("problems %q, want one with %q", problems, c.problem)
			}
		})
	}
}

// TestRawHTMLReported checks the last guard: HTML the converter left in
// the Markdown would vanish from the page, so it is reported.
func TestRawHTMLReported(t *testing.T) {
	im := &importer{gm: newGoldmark()}
	c := &conv{imp: im, item: &Item{}}
	c.rawHTML("Teks <span>tersembunyi</span>\n\n<div>\nblok\n</div>\n\nBiasa dengan \\<b\\>.\n")
	if len(c.problems) != 3 || !strings.Contains(c.problems[0].Message, "<span>") || !strings.Contains(c.problems[2].Message, "<div>") {
		t.Errorf("problems: %+v", c.problems)
	}
}
