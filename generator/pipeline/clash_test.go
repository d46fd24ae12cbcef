package pipeline_test

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/pipeline"
)

// TestGeneratedNameClash puts a file where the build writes one of its
// own, and expects check and build to name the file, in Bahasa Indonesia,
// before anything is written.
func TestGeneratedNameClash(t *testing.T) {
	jpeg := photo()
	var pngFile bytes.Buffer
	if err := pngEncode(&pngFile); err != nil {
		t.Fatal(err)
	}
	png := pngFile.String()
	const page = "---\ntitle: A\ndate: 2026-11-05\n---\nIsi.\n"
	tests := []struct {
		name  string
		files map[string]string
		at    string
	}{
		{"script", map[string]string{"content/kauman/static/kimsite.js": "x"}, "content/kauman/static/kimsite.js"},
		{"home page", map[string]string{"content/kauman/static/index.html": "x"}, "content/kauman/static/index.html"},
		{"home page, capitals", map[string]string{"content/kauman/static/Index.HTML": "x"}, "content/kauman/static/Index.HTML"},
		{"search index", map[string]string{"content/kauman/static/search.json": "{}"}, "content/kauman/static/search.json"},
		{"icon", map[string]string{"content/kauman/static/favicon.svg": "<svg/>"}, "content/kauman/static/favicon.svg"},
		{"share image that is not one", map[string]string{"content/kauman/static/og.png": "x"}, "content/kauman/static/og.png"},
		{"a page's folder", map[string]string{"content/kauman/profil.md": "---\ntitle: P\n---\n", "content/kauman/static/profil/index.html": "x"}, "content/kauman/static/profil/index.html"},
		{"a section feed", map[string]string{"content/kauman/static/berita/index.xml": "x"}, "content/kauman/static/berita/index.xml"},
		{"photo variant in static", map[string]string{"content/kauman/static/foto.jpg": jpeg, "content/kauman/static/foto-480.jpg": jpeg}, "content/kauman/static/foto-480.jpg"},
		{"share card in a bundle", map[string]string{"content/kauman/berita/a/index.md": page, "content/kauman/berita/a/OG.png": png}, "content/kauman/berita/a/OG.png"},
		{"share card in a page's static folder", map[string]string{"content/kauman/profil.md": "---\ntitle: P\n---\n", "content/kauman/static/profil/og.png": png}, "content/kauman/static/profil/og.png"},
		{"share card of a list", map[string]string{"content/kauman/static/umkm/kategori/kuliner/og.png": png}, "content/kauman/static/umkm/kategori/kuliner/og.png"},
		{"photo variant in a bundle", map[string]string{"content/kauman/berita/a/index.md": page, "content/kauman/berita/a/foto.png": jpeg, "content/kauman/berita/a/foto-share.jpg": jpeg}, "content/kauman/berita/a/foto-share.jpg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"sites.yaml": okSites, "content/kauman/_index.md": "---\ntitle: K\n---\n"}
			for name, data := range tt.files {
				files[name] = data
			}
			for _, out := range []string{"", filepath.Join(t.TempDir(), "public")} {
				_, problems, err := pipeline.Run(pipeline.Options{FS: tree(files), Out: out})
				if err != nil {
					t.Fatalf("out %q: %v", out, err)
				}
				// The file is named either as a clash with kimsite's own
				// file or, for a script or a page, as a file that may not be
				// published at all: one message is enough to act on.
				var got []string
				for _, p := range problems {
					if strings.HasPrefix(p.Position(), tt.at) {
						got = append(got, p.Position()+": "+p.Message)
					}
				}
				if len(got) != 1 {
					t.Errorf("out %q: got %q, want one problem at %s", out, got, tt.at)
				}
			}
		})
	}
}

// TestReservedFilesComplete builds a site with every kind of page and
// checks that each file the build writes at the site's root is in
// content.ReservedFiles, so that a static file of that name is refused
// before the build.
func TestReservedFilesComplete(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	_, problems, err := pipeline.Run(pipeline.Options{Root: "../..", Out: out, Sites: []string{"kauman"}})
	if err != nil || problems.Errors() > 0 {
		t.Fatalf("build: %v\n%v", err, problems)
	}
	entries, err := os.ReadDir(filepath.Join(out, "kauman"))
	if err != nil {
		t.Fatal(err)
	}
	static, _ := os.ReadDir("../../content/kauman/static")
	for _, e := range entries {
		name := e.Name()
		// og.png is drawn only when the site has none of its own: a KIM may
		// put its own static/og.png (or og.jpg) there on purpose.
		if e.IsDir() || name == "og.png" || slices.Contains(content.ReservedFiles, name) || slices.ContainsFunc(static, func(s os.DirEntry) bool { return s.Name() == name }) {
			continue
		}
		t.Errorf("the build writes %s at the site's root; add it to content.ReservedFiles", path.Join("kauman", name))
	}
}

// TestOwnShareImage: a kelurahan's own static/og.png is not a clash with
// the share image kimsite draws; it is published and used instead. Nor is
// an og.png in a folder where kimsite draws none.
func TestOwnShareImage(t *testing.T) {
	var png bytes.Buffer
	if err := pngEncode(&png); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"sites.yaml": okSites, "content/kauman/_index.md": "---\ntitle: K\n---\n",
		"content/kauman/static/og.png": png.String(),
		// og.png outside a page's folder or a section is no clash.
		"content/kauman/static/gambar/og.png": png.String()}
	out := filepath.Join(t.TempDir(), "public")
	_, problems, err := pipeline.Run(pipeline.Options{FS: tree(files), Out: out})
	if err != nil || len(problems) > 0 {
		t.Fatalf("build: %v %v", err, problems)
	}
	home, err := os.ReadFile(filepath.Join(out, "kauman", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(home, []byte(`og.png">`)) {
		t.Errorf("home page does not share og.png")
	}
	got, err := os.ReadFile(filepath.Join(out, "kauman", "og.png"))
	if err != nil || !bytes.HasPrefix(got, []byte("\x89PNG")) {
		t.Errorf("og.png not published: %v", err)
	}
}

func pngEncode(w *bytes.Buffer) error {
	return png.Encode(w, image.NewRGBA(image.Rect(0, 0, 120, 63)))
}
