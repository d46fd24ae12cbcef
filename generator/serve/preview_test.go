package serve

import (
	"bytes"
	"image"
	_ "image/jpeg"
	"image/png"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/cms"
	"github.com/kotamalang/kimsite/generator/pipeline"
)

// reloadTag is what pipeline.Options.LiveReload adds to every page: the
// one difference between a previewed page and a built one that this test
// removes (the others, Drafts and Address, the build below chooses too).
var reloadTag = []byte(`<script src="/_kimsite/reload.js"></script>`)

// sink keeps a build's files in memory.
type sink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (s *sink) WriteFile(name string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[name] = bytes.Clone(data)
	return nil
}

// TestPreviewIsBuild builds the repository's sample sites as kimsite build
// does, with the preview's named choices, and checks that every file the
// build writes is served, byte for byte, by the preview server: pages with
// only the reload script taken out, every other file (photos, feeds, open
// data, the web editor) as it is.
func TestPreviewIsBuild(t *testing.T) {
	const root, base = "../..", "http://127.0.0.1:1313/"
	built := &sink{files: map[string][]byte{}}
	// The preview reads its clock when it renders, and holds no page back.
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	_, problems, err := pipeline.Run(pipeline.Options{
		Root: root, Sink: built, ImageCache: t.TempDir(),
		Drafts: true, Address: base, // what the preview shows, and where
		Now: now, Future: true,
	})
	if err != nil || problems.Errors() > 0 {
		t.Fatal(err, problems)
	}
	srv, err := New(Options{Root: root, BaseURL: base, ImageCache: t.TempDir(), Clock: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	if srv.Problems().Errors() > 0 {
		t.Fatal(srv.Problems())
	}
	pages := 0
	for _, name := range slices.Sorted(maps.Keys(built.files)) {
		want := built.files[name]
		rec := get(t, srv, (&url.URL{Path: "/" + name}).EscapedPath())
		if rec.Code != http.StatusOK {
			t.Errorf("%s: status %d, want 200", name, rec.Code)
			continue
		}
		got := rec.Body.Bytes()
		// Every page of the theme loads the reload script; the web
		// editor's pages are not the theme's.
		if strings.HasSuffix(name, ".html") && !strings.HasPrefix(name, cms.Dir+"/") {
			pages++
			if n := bytes.Count(got, reloadTag); n != 1 {
				t.Errorf("%s: the preview page loads the reload script %d times, want once", name, n)
			}
			got = bytes.Replace(got, reloadTag, nil, 1)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the preview differs from the build:\n%s", name, firstDifference(got, want))
		}
	}
	if pages < 50 {
		t.Fatalf("only %d pages built; the sample sites should give many more", pages)
	}
	t.Logf("%d files compared, %d of them pages", len(built.files), pages)
}

// firstDifference shows where got and want part, with some context.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "  preview: …" + string(got[from:min(len(got), i+120)]) + "…\n  build:   …" + string(want[from:min(len(want), i+120)]) + "…"
}

// TestReplacedPhoto opens a page with a photo, replaces the photo by one
// of another size under the same name, and expects the rebuilt page to
// show the new one: the preview's lazily rendered pages must not keep an
// old photo alive in the stages.
func TestReplacedPhoto(t *testing.T) {
	files := smallTree()
	files["content/mawar/berita/kerja.md"] = "---\ntitle: Kerja bakti pertama\ndate: 2026-01-05\nimage: foto.png\nimage_alt: Warga membersihkan got\n---\nWarga membersihkan got.\n"
	files["content/mawar/berita/foto.png"] = string(pngOf(t, 40, 30))
	root := writeTree(t, files)
	s := newServer(t, root)
	page := "/mawar/berita/kerja/"
	if body := get(t, s, page).Body.String(); !strings.Contains(body, `width="40" height="30"`) {
		t.Fatalf("the page does not show the 40×30 photo:\n%s", body)
	}
	if err := os.WriteFile(filepath.Join(root, "content/mawar/berita/foto.png"), pngOf(t, 50, 20), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild([]string{"content/mawar/berita/foto.png"}); err != nil {
		t.Fatal(err)
	}
	body := get(t, s, page).Body.String()
	if !strings.Contains(body, `width="50" height="20"`) {
		t.Fatalf("after the photo was replaced, the page does not show the 50×20 one:\n%s", body)
	}
	// The resized files the page names are served, and are the new photo's.
	srcs := imgSrc.FindAllStringSubmatch(body, -1)
	if len(srcs) == 0 {
		t.Fatalf("no photo on the page:\n%s", body)
	}
	for _, m := range srcs {
		rec := get(t, s, m[1])
		if rec.Code != http.StatusOK {
			t.Errorf("%s: status %d, want 200", m[1], rec.Code)
			continue
		}
		img, _, err := image.Decode(rec.Body)
		if err != nil || img.Bounds().Dx() != 50 {
			t.Errorf("%s is not the new 50-pixel-wide photo (%v, %v)", m[1], img, err)
		}
	}
}

var imgSrc = regexp.MustCompile(`<img src="([^"]+)"`)

// pngOf is a real PNG of w×h pixels.
func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
