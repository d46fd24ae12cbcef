package render

import "testing"

// TestCheckedURL shows that a layout may link a tel: or mailto: URL from
// front matter, while anything the URL policy refuses becomes "".
func TestCheckedURL(t *testing.T) {
	tests := map[string]string{
		"tel:+62341123456":          "tel:+62341123456",
		"https://contoh.id/a?b=1&c": "https://contoh.id/a?b=1&c",
		"mailto:kim@example.id":     "mailto:kim@example.id",
		"javascript:alert(1)":       "",
		"data:text/html,x":          "",
		"ftp://contoh.id/":          "",
	}
	for in, want := range tests {
		if got := CheckedURL(in); got != want {
			t.Errorf("%s: got %q, want %q", in, got, want)
		}
	}
}
