package render_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/pipeline"
)

// TestEditLinks builds a site with and without a repo and looks for the
// "Sunting halaman ini" and "Riwayat" links of each page's source file.
func TestEditLinks(t *testing.T) {
	for _, tc := range []struct {
		name, repo string
		want       []string
	}{
		{"github", "repo: https://github.com/kota/kim/\nbranch: utama\n", []string{
			`href="https://github.com/kota/kim/edit/utama/content/desa/berita/kerja%20bakti.md">Sunting halaman ini</a>`,
			`href="https://github.com/kota/kim/commits/utama/content/desa/berita/kerja%20bakti.md">Riwayat</a>`,
		}},
		{"no repo", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"sites.yaml":                         {Data: []byte("city: Kota\nbase_url: https://kota.example/\n" + tc.repo + "sites:\n  - id: desa\n    name: Kelurahan Desa\n    kecamatan: Klojen\n")},
				"content/desa/_index.md":             {Data: []byte("---\ntitle: Beranda\n---\n")},
				"content/desa/profil.md":             {Data: []byte("---\ntitle: Profil\n---\nTentang kami.\n")},
				"content/desa/berita/kerja bakti.md": {Data: []byte("---\ntitle: Kerja bakti\ndate: 2026-01-02\n---\nGot.\n")},
			}
			out := filepath.Join(t.TempDir(), "public")
			_, problems, err := pipeline.Run(pipeline.Options{FS: fsys, Root: ".", Out: out})
			if err != nil || len(problems) > 0 {
				t.Fatalf("build: %v %v", err, problems)
			}
			page, err := os.ReadFile(filepath.Join(out, "desa/berita/kerja-bakti/index.html"))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(string(page), w) {
					t.Errorf("page lacks %s", w)
				}
			}
			if tc.want == nil && strings.Contains(string(page), "Sunting halaman ini") {
				t.Error("edit link without a repo")
			}
			plain, _ := os.ReadFile(filepath.Join(out, "desa/profil/index.html"))
			if (tc.want != nil) != strings.Contains(string(plain), "/edit/utama/content/desa/profil.md") {
				t.Errorf("plain page edit link wrong")
			}
		})
	}
}
