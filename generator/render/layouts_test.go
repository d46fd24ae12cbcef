package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

// hostileValues are the texts the layouts' escaping helpers are attacked
// with: markup, quotes, a template action, scripts' URLs, the line
// separators JSON allows in strings, "+", NUL, non-ASCII and escapes.
var hostileValues = []string{
	`"'></title></style></script><script>alert("x")</script><img src=x onerror=alert(1)>{{.}}` + "`",
	"javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "tel:+62 812-3456-7890",
	"mailto:kim+rt@example.id?subject=a b", "https://contoh.id/a b/é?q=1&r=<2>#x", "/dokumen/RAB 2026 (final).pdf",
	"\u2028\u2029 </script> <!-- --> \x00 %zz %41 100% +1",
}

// TestHelpersEscapeAsHTMLTemplate checks the helpers that keep the pages'
// bytes as html/template wrote them against html/template itself, in the
// context each stands in for: a URL attribute (NormalizeURL), a query
// (QueryEscape), and a JSON-LD block (JSONText).
func TestHelpersEscapeAsHTMLTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<a href="{{.URL}}">` + `<a href="https://wa.me/?text={{.Query}}">` +
		`<script type="application/ld+json">{{.Data}}</script>`))
	for _, s := range hostileValues {
		var b bytes.Buffer
		data := map[string]any{"URL": template.URL(s), "Query": s, "Data": map[string]any{"name": s, "list": []string{s}}}
		if err := tmpl.Execute(&b, data); err != nil {
			t.Fatal(err)
		}
		want := b.String()
		// html/template writes "+" in attributes as &#43;, which
		// HTMLEscapeString leaves; the layouts' escaper writes it so.
		attr := func(s string) string { return strings.ReplaceAll(template.HTMLEscapeString(s), "+", "&#43;") }
		got := `<a href="` + attr(NormalizeURL(s)) + `">` +
			`<a href="https://wa.me/?text=` + attr(QueryEscape(s)) + `">` +
			`<script type="application/ld+json">` + JSONText(data["Data"]) + `</script>`
		if got != want {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want)
		}
	}
}
