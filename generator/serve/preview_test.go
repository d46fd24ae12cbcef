package serve

import (
	"bytes"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

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
	_, problems, err := pipeline.Run(pipeline.Options{
		Root: root, Sink: built, ImageCache: t.TempDir(),
		Drafts: true, Address: base, // what the preview shows, and where
	})
	if err != nil || problems.Errors() > 0 {
		t.Fatal(err, problems)
	}
	srv, err := New(Options{Root: root, BaseURL: base, ImageCache: t.TempDir()})
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
