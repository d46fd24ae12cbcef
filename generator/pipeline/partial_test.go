package pipeline_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/internal/filetree"
	"github.com/kotamalang/kimsite/generator/output"
	"github.com/kotamalang/kimsite/generator/pipeline"
	"github.com/kotamalang/kimsite/generator/shard"
)

// sampleFS is the repository's sample city (sites.yaml and content/) in
// memory, with each kelurahan cloned copies-1 more times under new ids
// (kauman-2, ...), so that a test can shard a city of several sites.
func sampleFS(t *testing.T, copies int) fstest.MapFS {
	t.Helper()
	repo := os.DirFS(filepath.Join("..", ".."))
	fsys := fstest.MapFS{}
	ids := []string{"kauman", "tunggulwulung", "bandungrejosari"}
	for _, id := range ids {
		err := fs.WalkDir(repo, "content/"+id, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(repo, name)
			for c := 1; c <= copies; c++ {
				fsys[strings.Replace(name, id, cloneID(id, c), 1)] = &fstest.MapFile{Data: data}
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	conf, err := fs.ReadFile(repo, "sites.yaml")
	if err != nil {
		t.Fatal(err)
	}
	head, entries, _ := bytes.Cut(conf, []byte("\nsites:\n"))
	var yaml strings.Builder
	fmt.Fprintf(&yaml, "%s\nsites:\n%s", head, entries)
	for c := 2; c <= copies; c++ {
		for _, id := range ids {
			fmt.Fprintf(&yaml, "  - id: %s\n    name: Kelurahan %s %d\n    kecamatan: Kedungkandang\n", cloneID(id, c), id, c)
		}
	}
	fsys["sites.yaml"] = &fstest.MapFile{Data: []byte(yaml.String())}
	return fsys
}

func cloneID(id string, c int) string {
	if c == 1 {
		return id
	}
	return fmt.Sprintf("%s-%d", id, c)
}

// buildTo runs a build of fsys into a new folder and returns the folder.
func buildTo(t *testing.T, fsys fs.FS, opts pipeline.Options) string {
	t.Helper()
	opts.FS, opts.Root, opts.Out = fsys, t.TempDir(), filepath.Join(t.TempDir(), "public")
	_, problems, err := pipeline.Run(opts)
	if err != nil || len(problems) > 0 {
		t.Fatalf("build %+v: %v\n%v", opts.Shard, err, problems)
	}
	return opts.Out
}

// union adds part to all, failing on a file that two parts both wrote,
// but for the marker that every build writes, the same in each.
func union(t *testing.T, all, part map[string]string, label string) {
	t.Helper()
	for name, data := range part {
		if prev, dup := all[name]; dup && !(name == output.Marker && prev == data) {
			t.Errorf("%s: %s was already written by another part", label, name)
		}
		all[name] = data
	}
}

// The shards of a matrix build, plus the portal job, add up to exactly the
// full build: every file once, byte for byte.
func TestShardsAddUpToFullBuild(t *testing.T) {
	fsys := sampleFS(t, 2) // 6 kelurahan
	full := filetree.Read(t, buildTo(t, fsys, pipeline.Options{}))
	portal := filetree.Read(t, buildTo(t, fsys, pipeline.Options{PortalFromAll: true}))
	for name := range portal {
		if top, _, _ := strings.Cut(name, "/"); isSite(fsys, top) {
			t.Errorf("portal job wrote %s, a site's file", name)
		}
	}
	for _, n := range []int{3, 5} {
		t.Run(fmt.Sprintf("N=%d", n), func(t *testing.T) {
			all := map[string]string{}
			union(t, all, portal, "portal")
			for k := 1; k <= n; k++ {
				s := shard.Shard{K: k, N: n}
				part := filetree.Read(t, buildTo(t, fsys, pipeline.Options{Shard: s}))
				for name := range part {
					if top, _, _ := strings.Cut(name, "/"); !s.Has(top) && name != output.Marker {
						t.Errorf("shard %v wrote %s, outside its sites", s, name)
					}
				}
				union(t, all, part, "shard "+s.String())
			}
			filetree.Same(t, all, full, "the full build")
		})
	}
}

func isSite(fsys fs.FS, name string) bool {
	info, err := fs.Stat(fsys, path.Join("content", name))
	return err == nil && info.IsDir()
}

// A build that renders some sites and the portal from all of them (what
// --changed-since does) writes the same bytes as the full build for those.
func TestRenderSomeWithFullPortal(t *testing.T) {
	fsys := sampleFS(t, 1)
	full := filetree.Read(t, buildTo(t, fsys, pipeline.Options{}))
	part := filetree.Read(t, buildTo(t, fsys, pipeline.Options{PortalFromAll: true, Render: []string{"kauman"}}))
	want := map[string]string{}
	for name, data := range full {
		top, _, _ := strings.Cut(name, "/")
		if top == "kauman" || !isSite(fsys, top) {
			want[name] = data
		}
	}
	filetree.Same(t, part, want, "the full build")
	var sites []string
	for name := range part {
		if top, _, _ := strings.Cut(name, "/"); isSite(fsys, top) && !slices.Contains(sites, top) {
			sites = append(sites, top)
		}
	}
	if !slices.Equal(sites, []string{"kauman"}) {
		t.Errorf("rendered sites %q, want only kauman", sites)
	}
}
