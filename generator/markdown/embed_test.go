package markdown

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
)

func TestParseEmbed(t *testing.T) {
	for _, tc := range []struct{ link, want string }{
		{"https://www.youtube.com/watch?v=M7lc1UVf-VE", "youtube M7lc1UVf-VE https://www.youtube.com/watch?v=M7lc1UVf-VE"},
		{"https://youtu.be/M7lc1UVf-VE?si=abc", "youtube M7lc1UVf-VE https://www.youtube.com/watch?v=M7lc1UVf-VE"},
		{"https://m.youtube.com/shorts/M7lc1UVf-VE", "youtube M7lc1UVf-VE https://www.youtube.com/watch?v=M7lc1UVf-VE"},
		{"https://www.youtube.com/watch?v=short", ""},
		{"https://www.youtube.com/watch?v=M7lc1UVf-VE\"><script>", ""},
		{"https://www.youtube.com/@kimkauman", ""},
		{"https://www.instagram.com/p/C8kxQ2bS1aB/", "instagram C8kxQ2bS1aB https://www.instagram.com/p/C8kxQ2bS1aB/"},
		{"https://instagram.com/reel/C8kxQ2bS1aB?igsh=x", "instagram C8kxQ2bS1aB https://www.instagram.com/reel/C8kxQ2bS1aB/"},
		{"https://www.instagram.com/kimkauman", ""},
		{"https://www.openstreetmap.org/#map=19/-7.9826/112.6293", "map  https://www.openstreetmap.org/?mlat=-7.9826&mlon=112.6293#map=18/-7.9826/112.6293"},
		{"https://www.openstreetmap.org/?mlat=-7.98&mlon=112.63", "map  https://www.openstreetmap.org/?mlat=-7.98&mlon=112.63#map=18/-7.98/112.63"},
		{"https://example.com/watch?v=M7lc1UVf-VE", ""},
		{"javascript:alert(1)", ""},
	} {
		got := ""
		if e := parseEmbed(tc.link); e != nil {
			got = e.Service + " " + e.ID + " " + e.URL
		}
		if got != tc.want {
			t.Errorf("parseEmbed(%q) = %q, want %q", tc.link, got, tc.want)
		}
	}
}

func TestEmbedHTML(t *testing.T) {
	body := `Teks biasa dengan https://youtu.be/M7lc1UVf-VE di tengah kalimat.

https://youtu.be/M7lc1UVf-VE

[Kerja bakti RW 05](https://www.youtube.com/watch?v=M7lc1UVf-VE)

https://www.instagram.com/p/C8kxQ2bS1aB/

[Balai RW 05](https://www.openstreetmap.org/?mlat=-7.98&mlon=112.63)
`
	fsys := fstest.MapFS{"content/kauman/berita/a.md": {Data: []byte("---\ntitle: A\ndate: 2026-01-01\n---\n" + body)}}
	s, problems := content.Load(fsys, &config.Site{ID: "kauman", Path: "/kauman/"}, false)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	p := s.PageAt("berita/a.md")
	ui := map[string]string{"embed.youtube.play": "Putar video", "embed.youtube.title": "Video YouTube", "embed.youtube.note": "Catatan.",
		"embed.instagram": "Instagram", "embed.instagram.title": "Lihat unggahan", "embed.map": "Peta", "embed.map.title": "Lihat peta"}
	if problems := New(WithStrings(func(k string) string { return ui[k] })).Render(s, p); len(problems) > 0 {
		t.Fatal(problems)
	}
	got := strings.Split(strings.TrimSpace(string(p.Content)), "\n")
	want := []string{
		`<p>Teks biasa dengan <a href="https://youtu.be/M7lc1UVf-VE">https://youtu.be/M7lc1UVf-VE</a> di tengah kalimat.</p>`,
		`<figure class="yt"><a class="yt-play" href="https://www.youtube.com/watch?v=M7lc1UVf-VE" data-yt="M7lc1UVf-VE" data-title="Video YouTube"><span class="yt-bar"><span class="yt-icon" aria-hidden="true"></span><span class="yt-text"><span class="yt-label">Putar video</span> <span class="yt-title">Video YouTube</span></span></span></a><figcaption>Catatan.</figcaption></figure>`,
		`<figure class="yt"><a class="yt-play" href="https://www.youtube.com/watch?v=M7lc1UVf-VE" data-yt="M7lc1UVf-VE" data-title="Kerja bakti RW 05"><span class="yt-bar"><span class="yt-icon" aria-hidden="true"></span><span class="yt-text"><span class="yt-label">Putar video</span> <span class="yt-title">Kerja bakti RW 05</span></span></span></a><figcaption>Catatan.</figcaption></figure>`,
		`<p class="card-link instagram"><a href="https://www.instagram.com/p/C8kxQ2bS1aB/"><span class="card-kind">Instagram</span> <span class="card-title">Lihat unggahan</span></a></p>`,
		`<p class="card-link map"><a href="https://www.openstreetmap.org/?mlat=-7.98&amp;mlon=112.63#map=18/-7.98/112.63"><span class="card-kind">Peta</span> <span class="card-title">Balai RW 05</span> <span class="card-place">-7.98, 112.63</span></a></p>`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestVideoCoverNotRepeated: a video whose cover is a photo the page
// already shows gets no second copy of it; a cover of its own stays.
func TestVideoCoverNotRepeated(t *testing.T) {
	body := "![Tenda bazar](foto.jpg)\n\n[![Tenda bazar menjelang magrib](./foto.jpg)](https://youtu.be/M7lc1UVf-VE)\n\n" +
		"[![Panggung](panggung.jpg)](https://youtu.be/M7lc1UVf-VE)\n"
	fsys := fstest.MapFS{
		"content/kauman/berita/a/index.md":     {Data: []byte("---\ntitle: A\ndate: 2026-01-01\n---\n" + body)},
		"content/kauman/berita/a/foto.jpg":     {Data: []byte("x")},
		"content/kauman/berita/a/panggung.jpg": {Data: []byte("x")},
	}
	s, problems := content.Load(fsys, &config.Site{ID: "kauman", Path: "/kauman/"}, false)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	p := s.PageAt("berita/a/index.md")
	if problems := New().Render(s, p); len(problems) > 0 {
		t.Fatal(problems)
	}
	html := string(p.Content)
	if n := strings.Count(html, "foto.jpg"); n != 1 {
		t.Errorf("the page's photo appears %d times, want once:\n%s", n, html)
	}
	if !strings.Contains(html, "Tenda bazar menjelang magrib</span>") {
		t.Errorf("the video without its repeated cover lost its title (the cover's text):\n%s", html)
	}
	if !strings.Contains(html, `class="yt yt-cover"`) || !strings.Contains(html, "panggung.jpg") {
		t.Errorf("a video's own cover was dropped:\n%s", html)
	}
}
