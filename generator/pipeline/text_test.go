package pipeline_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/pipeline"
)

// TestPageText checks how a page's bytes are read: lines ending in CR
// alone (an old Mac, some paste buffers) or CR LF count as an editor counts
// them, and a page that is not UTF-8, in its front matter or its body, is
// an error at the line of the first bad byte and is never published.
func TestPageText(t *testing.T) {
	tests := []struct {
		name, page string
		want       string // the one problem expected, "" for none
	}{
		{"CR alone", "---\rtitle: A\rdate: 2026-11-05\rimage_alt: x\r---\rIsi.\r\rParagraf [rusak](tidak-ada.md).\r", "content/kauman/berita/a.md:8: "},
		{"CR LF", "---\r\ntitle: A\r\ndate: 2026-11-05\r\n---\r\nIsi.\r\n\r\n[rusak](tidak-ada.md)\r\n", "content/kauman/berita/a.md:7: "},
		{"CR alone, clean", "---\rtitle: A\rdate: 2026-11-05\r---\rIsi.\r", ""},
		{"bad byte in body", "---\ntitle: A\ndate: 2026-11-05\n---\nIsi.\n\nLatin-1: caf\xe9\n", "content/kauman/berita/a.md:7: berkas bukan teks UTF-8"},
		{"bad byte in front matter", "---\ntitle: caf\xe9\ndate: 2026-11-05\n---\nIsi.\n", "content/kauman/berita/a.md:2: berkas bukan teks UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"sites.yaml": okSites, "content/kauman/_index.md": "---\ntitle: K\n---\n", "content/kauman/berita/a.md": tt.page}
			out := filepath.Join(t.TempDir(), "public")
			_, problems, err := pipeline.Run(pipeline.Options{FS: tree(files), Out: out})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range problems {
				got = append(got, p.Position()+": "+p.Message)
			}
			if tt.want == "" {
				if len(got) > 0 {
					t.Fatalf("got %q", got)
				}
				if _, err := os.Stat(filepath.Join(out, "kauman/berita/a/index.html")); err != nil {
					t.Fatal(err)
				}
				return
			}
			if len(got) != 1 || !strings.HasPrefix(got[0], tt.want) {
				t.Fatalf("got %q, want one problem starting %q", got, tt.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("build wrote %s despite the problem", out)
			}
		})
	}
}
