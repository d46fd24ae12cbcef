package content

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"
)

// TestResolveStaysInside checks that no reference reaches outside the site
// folder, however it is spelled.
func TestResolveStaysInside(t *testing.T) {
	tests := []struct {
		from, ref string
		want      string // "" when refused
		err       error
	}{
		{"berita/a.md", "foto.jpg", "berita/foto.jpg", nil},
		{"berita/a.md", "../umkm/w.md", "umkm/w.md", nil},
		{"berita/a/index.md", "foto kegiatan.jpg", "berita/a/foto kegiatan.jpg", nil},
		{"berita/a.md", "/dokumen/rab.pdf", "static/dokumen/rab.pdf", nil},
		{"berita/a.md", "/etc/passwd", "static/etc/passwd", nil}, // absolute means the site's static/
		{"berita/a.md", "foto%20kegiatan.jpg", "berita/foto kegiatan.jpg", nil},

		{"berita/a.md", "../../kauman2/static/x.jpg", "", ErrOutside},
		{"berita/a.md", "../../../../etc/passwd", "", ErrOutside},
		{"a.md", "..", "", ErrOutside},
		{"a.md", ".", "", ErrOutside},
		{"berita/a.md", "x/../../../y", "", ErrOutside},
		{"berita/a.md", "/../../sites.yaml", "", ErrOutside},
		{"berita/a.md", "/../../../sites.yaml", "", ErrOutside},
		{"berita/a.md", "%2e%2e/%2e%2e/x", "", ErrOutside},
		{"berita/a.md", "..%2f..%2fx", "", ErrOutside},
		{"berita/a.md", "%2E%2E%2F%2E%2E%2Fx", "", ErrOutside},
		{"berita/a.md", `..\..\x`, "", ErrBackslash},
		{"berita/a.md", `..%5c..%5cx`, "", ErrBackslash},
		{"berita/a.md", `C:\Windows\x`, "", ErrBackslash},
		{"berita/a.md", "%zz", "", ErrEscape},
		{"berita/a.md", "%", "", ErrEscape},
	}
	for _, tt := range tests {
		got, err := Resolve(tt.from, tt.ref)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("Resolve(%q, %q) = %q, %v; want %q, %v", tt.from, tt.ref, got, err, tt.want, tt.err)
		}
	}
}

// FuzzResolve checks that whatever a page names, the result is a clean
// path inside the site folder, or an error.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"foto.jpg", "../umkm/w.md", "/rab.pdf", "../../x", "%2e%2e/x", `..\x`, "a/./b/../c", "//x", "%00", ""} {
		f.Add("berita/a.md", s)
	}
	f.Add("berita/a/index.md", "../../../x")
	f.Fuzz(func(t *testing.T, from, ref string) {
		if !fs.ValidPath(from) || strings.Contains(from, `\`) {
			return // files beside a page in a folder named with a backslash are refused anyway
		}
		got, err := Resolve(from, ref)
		if err != nil {
			return
		}
		if got == "." || path.Clean(got) != got || strings.HasPrefix(got, "/") || strings.Contains(got, `\`) ||
			slices.Contains(strings.Split(got, "/"), "..") {
			t.Fatalf("Resolve(%q, %q) = %q leaves the site folder", from, ref, got)
		}
	})
}
