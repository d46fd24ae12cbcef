package render

import (
	"bytes"
	"html/template"
	"testing"
)

// TestCheckedURL shows that a tel: link from front matter survives
// html/template, while anything the URL policy refuses is dropped.
func TestCheckedURL(t *testing.T) {
	tmpl := template.Must(template.New("").Funcs(Funcs()).Parse(`<a href="{{checkedURL .}}">x</a>`))
	tests := map[string]string{
		"tel:+62341123456":          `<a href="tel:&#43;62341123456">x</a>`,
		"https://contoh.id/a?b=1&c": `<a href="https://contoh.id/a?b=1&amp;c">x</a>`,
		"mailto:kim@example.id":     `<a href="mailto:kim@example.id">x</a>`,
		"javascript:alert(1)":       `<a href="">x</a>`,
		"data:text/html,x":          `<a href="">x</a>`,
	}
	for in, want := range tests {
		var b bytes.Buffer
		if err := tmpl.Execute(&b, in); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("%s: got %s, want %s", in, b.String(), want)
		}
	}
}
