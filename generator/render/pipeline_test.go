package render

import (
	"io/fs"
	"maps"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/markdown"
	"github.com/kotamalang/kimsite/generator/minify"
	"github.com/kotamalang/kimsite/generator/theme"
	"github.com/kotamalang/kimsite/themes"
)

// memOutput keeps rendered files in memory.
type memOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memOutput) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[name] = slices.Clone(data)
	return nil
}

// names returns the written file names, sorted.
func (m *memOutput) names() []string { return slices.Sorted(maps.Keys(m.files)) }

// renderAll runs config, content, markdown and render over fsys as the
// build does, and returns every file written. today is passed to Options.
func renderAll(t *testing.T, fsys fs.FS, today time.Time) *memOutput {
	t.Helper()
	city, problems := config.Load(fsys)
	if problems.Errors() > 0 {
		t.Fatalf("sites.yaml: %v", problems)
	}
	min := minify.New()
	th, err := theme.Load(themes.Default(), Funcs(), min)
	if err != nil {
		t.Fatal(err)
	}
	r := New(Options{City: city, Theme: th, Minify: min, Root: fsys, Today: today})
	md := markdown.New()
	out := &memOutput{}
	var digests []Digest
	for _, sc := range city.Sites {
		site, problems := content.Load(fsys, sc, false)
		for _, p := range site.Pages() {
			problems.Append(md.Render(site, p))
		}
		if problems.Errors() > 0 {
			t.Fatalf("content/%s: %v", sc.ID, problems)
		}
		d, err := r.Site(site, out)
		if err != nil {
			t.Fatal(err)
		}
		digests = append(digests, d)
	}
	if err := r.Portal(digests, out); err != nil {
		t.Fatal(err)
	}
	return out
}
