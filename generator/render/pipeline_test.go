package render

import (
	"io/fs"
	"maps"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/output"
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

// renderAll runs the whole pipeline over fsys as the build does, and
// returns every file written. today is passed to Options.
func renderAll(t *testing.T, fsys fs.FS, today time.Time) *memOutput {
	t.Helper()
	out, err := renderFS(fsys, today)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The tests take their stages from package pipeline, as the build and the
// preview do. This package's own tests cannot import it (it imports
// render), so link_test.go, an external test of this folder, sets these.
var (
	// Build runs pipeline.Run over fsys, writing to out.
	Build func(fsys fs.FS, today time.Time, out Output) error
	// NewStages returns pipeline.NewStages' renderer for fsys's city, and
	// its Stages.Load.
	NewStages func(fsys fs.FS) (*Renderer, func(*config.Site) (*content.Site, diag.List), error)
)

// newTemp is the temporary storage the build gives CityData.
func newTemp() (Temp, error) { return output.NewTemp() }

func renderFS(fsys fs.FS, today time.Time) (*memOutput, error) {
	out := &memOutput{}
	return out, Build(fsys, today, out)
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
