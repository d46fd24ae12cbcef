package safeurl

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

// browserView returns how a browser reads an href value (the WHATWG URL
// parser's first steps): leading and trailing C0 controls and spaces
// stripped, tabs and newlines removed, backslashes read as slashes; then
// the scheme, lowercased, if the value has one, and whether the rest starts
// with "//" (a host follows).
func browserView(s string) (scheme string, host bool) {
	s = strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return -1
		case '\\':
			return '/'
		}
		return r
	}, s)
	if i := strings.IndexByte(s, ':'); i > 0 && isAlpha(s[0]) &&
		strings.Trim(strings.ToLower(s[:i]), "abcdefghijklmnopqrstuvwxyz0123456789+-.") == "" {
		return strings.ToLower(s[:i]), strings.HasPrefix(s[i+1:], "//")
	}
	return "", strings.HasPrefix(s, "//")
}

func isAlpha(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

var urlSeeds = []string{
	"https://malangkota.go.id/", "http://a.id", "mailto:kim@kauman.id", "tel:+62341551234",
	"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:x",
	"java\nscript:x", "\x01javascript:x", "data:text/html,<script>x</script>", "vbscript:x",
	"//evil.example/", "/\\evil.example/", "\\\\evil\\x", "\\/evil", " //evil", "https:evil",
	"https:///x", "http://[::1]/", "foto.jpg", "../umkm/warung.md#jam", "#atas", "/logo.png",
	"?q=1", "mailto:", "tel:", "file:///etc/passwd", "https://a.id/\u2028", "https://a\u0085.id",
	"%6aavascript:x", "ja%0avascript:x", "https://user:pass@a.id/", "HTTPS://A.ID",
}

// FuzzURL checks CheckAbsolute and IsRelative against the way a browser
// reads a link: an accepted absolute URL has an allowed scheme in the
// browser's eyes too, and html/template keeps it; a relative reference has
// no scheme and no host in the browser's eyes.
func FuzzURL(f *testing.F) {
	for _, s := range urlSeeds {
		f.Add(s)
	}
	tmpl := template.Must(template.New("").Parse(`<a href="{{.}}">`))
	f.Fuzz(func(t *testing.T, s string) {
		scheme, host := browserView(s)
		if CheckAbsolute(s) == nil {
			switch scheme {
			case "http", "https":
				if !host {
					t.Fatalf("CheckAbsolute(%q) accepted a URL without a host", s)
				}
			case "mailto", "tel":
			default:
				t.Fatalf("CheckAbsolute(%q) accepted; a browser reads scheme %q", s, scheme)
			}
			// html/template knows no tel:; layouts mark such links as template.URL.
			var b bytes.Buffer
			if err := tmpl.Execute(&b, s); scheme != "tel" && (err != nil || strings.Contains(b.String(), "ZgotmplZ")) {
				t.Fatalf("CheckAbsolute(%q) accepted what html/template refuses: %s", s, b.String())
			}
		}
		if IsRelative(s) {
			if scheme != "" || host {
				t.Fatalf("IsRelative(%q): a browser reads scheme %q, host %v", s, scheme, host)
			}
			if CheckAbsolute(s) == nil {
				t.Fatalf("%q is both relative and absolute", s)
			}
		}
		if (Check(s) == nil) != (IsRelative(s) || CheckAbsolute(s) == nil) {
			t.Fatalf("Check(%q) disagrees", s)
		}
	})
}
