package render

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
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
	out, err := renderFS(fsys, today)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func renderFS(fsys fs.FS, today time.Time) (*memOutput, error) {
	city, problems := config.Load(fsys)
	if problems.Errors() > 0 {
		return nil, fmt.Errorf("sites.yaml: %v", problems)
	}
	min := minify.New()
	th, err := theme.Load(themes.Default(), Funcs(), min)
	if err != nil {
		return nil, err
	}
	r := New(Options{City: city, Theme: th, Minify: min, Root: fsys, Now: today})
	md := markdown.New()
	out := &memOutput{}
	data, err := NewCityData()
	if err != nil {
		return nil, err
	}
	defer data.Close()
	var digests []Digest
	for _, sc := range city.Sites {
		site, problems := content.Load(fsys, sc, false)
		for _, p := range site.Pages() {
			problems.Append(md.Render(site, p))
		}
		if problems.Errors() > 0 {
			return nil, fmt.Errorf("content/%s: %v", sc.ID, problems)
		}
		d, err := r.Site(site, out)
		if err != nil {
			return nil, err
		}
		if err := data.Add(&d); err != nil {
			return nil, err
		}
		digests = append(digests, d)
	}
	return out, r.Portal(digests, data, out)
}

// shared holds the builds several tests check, made once per test binary.
var shared struct {
	once           sync.Once
	sample, golden *memOutput
	err            error
}

// sharedBuilds returns the sample sites' and the golden city's output,
// built with no Options.Now.
func sharedBuilds(t *testing.T) (sample, golden *memOutput) {
	t.Helper()
	shared.once.Do(func() {
		if shared.sample, shared.err = renderFS(os.DirFS("../.."), time.Time{}); shared.err != nil {
			return
		}
		var fsys fs.FS
		if fsys, shared.err = goldenFS(); shared.err == nil {
			shared.golden, shared.err = renderFS(fsys, time.Time{})
		}
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.sample, shared.golden
}
