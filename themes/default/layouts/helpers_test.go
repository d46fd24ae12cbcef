package layouts

import (
	"context"
	"strings"
	"testing"

	"github.com/a-h/templ"
)

// TestHelpersAreInert attacks the helpers that write markup themselves,
// outside templ's escaping; label is the children of those that take some.
func TestHelpersAreInert(t *testing.T) {
	label := templ.Raw("Peta")
	tests := []struct {
		name string
		c    templ.Component
		want string
	}{
		{"text", text(`<script>"x"&'y'+1` + "\x00"), `&lt;script&gt;&#34;x&#34;&amp;&#39;y&#39;&#43;1` + "\uFFFD"},
		{"time", timeTag(`2026-11-05T08:30:00+07:00"><script>`), `<time datetime="2026-11-05T08:30:00&#43;07:00&#34;&gt;&lt;script&gt;">Peta</time>`},
		{"link", linkTo(`btn" onclick="x`, `https://wa.me/62812?text=a+b"><script>`),
			`<a class="btn&#34; onclick=&#34;x" href="https://wa.me/62812?text=a&#43;b&#34;&gt;&lt;script&gt;">Peta</a>`},
		{"script link", linkTo("", "javascript:alert(1)"), `<a href="about:invalid#TemplFailedSanitizationURL">Peta</a>`},
		{"data link", linkTo("", " data:text/html,x"), `<a href="about:invalid#TemplFailedSanitizationURL">Peta</a>`},
		{"policy", cspMeta(`default-src 'none'"><script>`), `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;&#34;&gt;&lt;script&gt;">`},
		{"style", style(`a{}</STYLE><script>alert(1)</script>`), `<style></style>`},
		{"style kept", style(`a{color:#0b6e4f}`), `<style>a{color:#0b6e4f}</style>`},
	}
	for _, tt := range tests {
		ctx := templ.WithChildren(context.Background(), label)
		var b strings.Builder
		if err := tt.c.Render(ctx, &b); err != nil {
			t.Fatal(err)
		}
		if got := b.String(); got != tt.want {
			t.Errorf("%s: got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}
