package pagecheck

import (
	"strings"
	"testing"
)

const head = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'"><style>p{}</style></head><body>`

// TestPageRefuses checks that each kind of live markup is reported.
func TestPageRefuses(t *testing.T) {
	for _, body := range []string{
		`<script>alert(1)</script>`,
		`<script type="text/javascript">x</script>`,
		`<script type="module">x</script>`,
		`<script src="https://evil.example/x.js"></script>`,
		`<script src="//evil.example/x.js"></script>`,
		`<script type="application/ld+json">{"a":"</script><script>x</script>`,
		`<script type="application/ld+json">{"a":1</script>`,
		`<img src=x onerror=alert(1)>`,
		`<svg><a onclick="x">y</a></svg>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="  JAVASCRIPT:alert(1)">x</a>`,
		`<a href="java&#x09;script:alert(1)">x</a>`,
		`<a href="data:text/html,x">x</a>`,
		`<a href="//evil.example/">x</a>`,
		`<a href="/\evil.example/">x</a>`,
		`<img srcset="a.jpg 1x, javascript:x 2x">`,
		`<form action="javascript:x"><button formaction="data:x">b</button></form>`,
		`<iframe src="https://evil.example/"></iframe>`,
		`<iframe srcdoc="<script>x</script>"></iframe>`,
		`<object data="x.swf"></object>`, `<embed src="x.swf">`, `<base href="https://evil.example/">`,
		`<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
		`<style>body{}</style>`,
		`<math><mi xlink:href="javascript:x">y</mi></math>`,
	} {
		if bad := Page([]byte(head + body + "</body></html>")); len(bad) == 0 {
			t.Errorf("Page accepts %s", body)
		}
	}
	for _, policy := range []string{"", "default-src *", "script-src 'self' 'unsafe-inline'", "script-src https://cdn.example"} {
		page := strings.Replace(head, "default-src 'none'; script-src 'self'", policy, 1) + "</body></html>"
		if policy == "" {
			page = "<!doctype html><html><head></head><body></body></html>"
		}
		if bad := Page([]byte(page)); len(bad) == 0 {
			t.Errorf("Page accepts policy %q", policy)
		}
	}
}

// TestPageAccepts checks that what the theme writes passes.
func TestPageAccepts(t *testing.T) {
	body := `<a href="/kauman/berita/">b</a><a href="https://wa.me/628123">w</a><a href="mailto:a@b.id">m</a>` +
		`<a href="tel:+62341">t</a><a href="#isi">i</a><img src="foto.jpg" alt="">` +
		`<script type="application/ld+json">{"@context":"https://schema.org","name":"\u003c/script\u003e"}</script>` +
		`<script src="/_kimsite/reload.js"></script><iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>`
	if bad := Page([]byte(head + body + "</body></html>")); len(bad) > 0 {
		t.Errorf("Page refuses the theme's markup: %v", bad)
	}
}

// TestFragmentRefuses checks that a body fragment may hold no script,
// style, link, meta or style attribute at all, and frames only from
// EmbedHost.
func TestFragmentRefuses(t *testing.T) {
	for _, frag := range []string{
		`<script src="/x.js"></script>`, `<style>p{}</style>`, `<p style="display:none">x</p>`,
		`<iframe src="https://www.youtube.com/embed/abc"></iframe>`, `<link rel=stylesheet href=/x.css>`,
		`<meta name=x content=y>`,
	} {
		if bad := Fragment([]byte(frag)); len(bad) == 0 {
			t.Errorf("Fragment accepts %s", frag)
		}
	}
	if bad := Fragment([]byte(`<p><a href="/kauman/">x</a> <input type="checkbox" disabled checked></p>`)); len(bad) > 0 {
		t.Errorf("Fragment refuses plain Markdown output: %v", bad)
	}
}
