package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kotamalang/kimsite/generator/corpus"
	"github.com/kotamalang/kimsite/generator/internal/filetree"
	"github.com/kotamalang/kimsite/themes"
)

// writeCorpus writes a small generated city to a folder.
func writeCorpus(t *testing.T, dir string) {
	t.Helper()
	err := corpus.Write(corpus.Options{Sites: 3, Pages: 20, Seed: 7, Photos: true}, nil, func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
}

// build runs a build and fails the test on any problem.
func build(t *testing.T, opts Options) Summary {
	t.Helper()
	sum, problems, err := Run(opts)
	if err != nil || len(problems) > 0 {
		t.Fatalf("build: %v %v", err, problems)
	}
	return sum
}

// sameAsClean checks that a cached build's output is byte-identical to a
// build of the same input without the cache.
func sameAsClean(t *testing.T, opts Options, cached string) {
	t.Helper()
	opts.Out, opts.Cache = filepath.Join(t.TempDir(), "clean"), ""
	build(t, opts)
	filetree.Same(t, filetree.Read(t, cached), filetree.Read(t, opts.Out), "a clean build")
}

func TestCacheRebuildsWhatChanged(t *testing.T) {
	root, work := t.TempDir(), t.TempDir()
	writeCorpus(t, root)
	out := filepath.Join(work, "public")
	opts := Options{Root: root, Out: out, Cache: filepath.Join(work, ".cache")}

	if sum := build(t, opts); sum.Reused != 0 {
		t.Fatalf("first build reused %d sites, want 0", sum.Reused)
	}
	if sum := build(t, opts); sum.Reused != 3 {
		t.Fatalf("unchanged build reused %d sites, want 3", sum.Reused)
	}
	sameAsClean(t, opts, out)

	// One news page gets a new title, the newest date and a new tag: the
	// site's list, tag pages and feed, and the portal, must all show it.
	site := corpus.Sites(3)[1].ID
	pages, _ := filepath.Glob(filepath.Join(root, "content", site, "berita", "*.md"))
	page := pages[len(pages)-1]
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "title:"):
			lines[i] = "title: Kabar paling baru dari uji cache"
		case strings.HasPrefix(l, "date:"):
			lines[i] = "date: 2027-01-01"
		case strings.HasPrefix(l, "tags:"):
			lines[i] = "tags: [tag-uji-cache]"
		}
	}
	if err := os.WriteFile(page, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if sum := build(t, opts); sum.Reused != 2 {
		t.Fatalf("after one page changed the build reused %d sites, want 2", sum.Reused)
	}
	files := filetree.Read(t, out)
	for _, name := range []string{
		site + "/berita/index.html", site + "/index.html", site + "/tags/tag-uji-cache/index.html",
		site + "/index.xml", "index.html", "index.xml",
	} {
		if !strings.Contains(files[name], "Kabar paling baru dari uji cache") {
			t.Errorf("%s does not show the changed page", name)
		}
	}
	sameAsClean(t, opts, out)

	// A removed page leaves nothing behind.
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	build(t, opts)
	if _, ok := filetree.Read(t, out)[site+"/tags/tag-uji-cache/index.html"]; ok {
		t.Error("the tag page of a removed page is still there")
	}
	sameAsClean(t, opts, out)

	// A theme change rebuilds every site.
	theme := fstest.MapFS{}
	fs.WalkDir(themes.Default(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(themes.Default(), p)
			theme[p] = &fstest.MapFile{Data: data}
		}
		return err
	})
	theme["style.css"].Data = append(theme["style.css"].Data, []byte("\nmain{color:#123456}\n")...)
	opts.Theme = theme
	if sum := build(t, opts); sum.Reused != 0 {
		t.Fatalf("after a theme change the build reused %d sites, want 0", sum.Reused)
	}
	if !strings.Contains(filetree.Read(t, out)[corpus.Sites(3)[0].ID+"/index.html"], "#123456") {
		t.Error("the theme change is not in the pages")
	}
	sameAsClean(t, opts, out)
}

// TestCacheMissingOutput rebuilds a site whose files were removed from the
// output folder behind the cache's back.
func TestCacheMissingOutput(t *testing.T) {
	root, work := t.TempDir(), t.TempDir()
	writeCorpus(t, root)
	out := filepath.Join(work, "public")
	opts := Options{Root: root, Out: out, Cache: filepath.Join(work, ".cache")}
	build(t, opts)
	site := corpus.Sites(3)[2].ID
	if err := os.Remove(filepath.Join(out, site, "index.xml")); err != nil {
		t.Fatal(err)
	}
	if sum := build(t, opts); sum.Reused != 2 {
		t.Fatalf("reused %d sites, want 2", sum.Reused)
	}
	sameAsClean(t, opts, out)
}

// countingFS counts the Markdown files opened through it.
type countingFS struct {
	fs.FS
	opened atomic.Int64
}

func (c *countingFS) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, ".md") {
		c.opened.Add(1)
	}
	return c.FS.Open(name)
}

// TestCacheTrustsOnlySettledStats checks the cache's shortcut: a site whose
// files have the sizes and times of the previous build is not read again,
// but only when those times were settled (older than the build), so that a
// file rewritten within the same clock tick, same size, is still seen.
func TestCacheTrustsOnlySettledStats(t *testing.T) {
	root, work := t.TempDir(), t.TempDir()
	writeCorpus(t, root)
	site := corpus.Sites(3)[0].ID
	pages, _ := filepath.Glob(filepath.Join(root, "content", site, "berita", "*.md"))
	page := pages[0]
	original, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	// Same size, other bytes, same time: only a read can tell.
	sameSize := []byte(strings.Replace(string(original), "title: ", "title: X", 1)[:len(original)])
	sameSize[len(sameSize)-1] = '\n'

	rewrite := func(mtime time.Time) {
		t.Helper()
		if err := os.WriteFile(page, sameSize, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(page, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		sameSize, original = original, sameSize
	}
	fsys := &countingFS{FS: os.DirFS(root)}
	opts := Options{Root: root, FS: fsys, Out: filepath.Join(work, "public"), Cache: filepath.Join(work, ".cache")}

	// Fresh files: their stats are not trusted, and a same-size rewrite
	// with the same time is seen.
	build(t, opts)
	info, _ := os.Stat(page)
	rewrite(info.ModTime())
	if sum := build(t, opts); sum.Reused != 2 {
		t.Fatalf("after a same-size rewrite of a fresh file the build reused %d sites, want 2", sum.Reused)
	}

	// Settled files: the next builds read no Markdown at all.
	old := time.Now().Add(-time.Hour)
	filepath.WalkDir(filepath.Join(root, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			err = os.Chtimes(p, old, old)
		}
		return err
	})
	build(t, opts)
	fsys.opened.Store(0)
	if sum := build(t, opts); sum.Reused != 3 || fsys.opened.Load() != 0 {
		t.Fatalf("unchanged settled city: reused %d sites and opened %d Markdown files, want 3 and 0", sum.Reused, fsys.opened.Load())
	}
	sameAsClean(t, opts, opts.Out)
}

// TestCacheTwoCheckoutsOneOutput builds two checkouts that differ in one
// page into the same output folder, one after the other: each checkout's
// cache must notice that the other replaced the folders it wrote, and
// never keep the other checkout's pages as its own.
func TestCacheTwoCheckoutsOneOutput(t *testing.T) {
	rootA, rootB, work := t.TempDir(), t.TempDir(), t.TempDir()
	writeCorpus(t, rootA)
	writeCorpus(t, rootB)
	site := corpus.Sites(3)[1].ID
	pages, _ := filepath.Glob(filepath.Join(rootB, "content", site, "berita", "*.md"))
	data, err := os.ReadFile(pages[0])
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(data), "title: ", "title: Versi B ", 1)
	if err := os.WriteFile(pages[0], []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(work, "public")
	a := Options{Root: rootA, Out: out, Cache: filepath.Join(rootA, ".cache")}
	b := Options{Root: rootB, Out: out, Cache: filepath.Join(rootB, ".cache")}
	build(t, a)
	build(t, b)
	if sum := build(t, a); sum.Reused != 0 {
		t.Errorf("checkout A reused %d sites that checkout B had replaced", sum.Reused)
	}
	sameAsClean(t, a, out)
	build(t, b)
	sameAsClean(t, b, out)
}

// TestCacheKeepsPortalParts checks the portal folders a rebuild keeps: a
// changed news page leaves the web editor and the city's UMKM lists as
// they were (the same files on disk), and a changed business is shown on
// the city's UMKM lists; after each, the output is that of a clean build.
func TestCacheKeepsPortalParts(t *testing.T) {
	root, work := t.TempDir(), t.TempDir()
	writeCorpus(t, root)
	out := filepath.Join(work, "public")
	opts := Options{Root: root, Out: out, Cache: filepath.Join(work, ".cache")}
	first := build(t, opts)
	ino := func(name string) uint64 {
		info, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return info.Sys().(*syscall.Stat_t).Ino
	}
	admin, umkm := ino("admin/index.html"), ino("umkm/index.html")
	site := corpus.Sites(3)[0].ID
	edit := func(section, title string) {
		t.Helper()
		pages, _ := filepath.Glob(filepath.Join(root, "content", site, section, "*.md"))
		if len(pages) == 0 {
			t.Fatalf("no %s pages", section)
		}
		data, err := os.ReadFile(pages[0])
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "title:") {
				lines[i] = "title: " + title
			}
		}
		if err := os.WriteFile(pages[0], []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	edit("berita", "Berita yang diubah")
	if sum := build(t, opts); sum.Files != first.Files || sum.Pages != first.Pages {
		t.Errorf("a rebuild counted %d files and %d pages, the first build %d and %d", sum.Files, sum.Pages, first.Files, first.Pages)
	}
	if ino("admin/index.html") != admin || ino("umkm/index.html") != umkm {
		t.Error("a changed news page rewrote the web editor or the city's UMKM lists")
	}
	sameAsClean(t, opts, out)

	edit("umkm", "Warung Yang Diubah")
	build(t, opts)
	if ino("admin/index.html") != admin {
		t.Error("a changed business rewrote the web editor")
	}
	found := false
	for name, data := range filetree.Read(t, out) {
		if strings.HasPrefix(name, "umkm/") && strings.Contains(data, "Warung Yang Diubah") {
			found = true
		}
	}
	if !found {
		t.Error("the city's UMKM lists do not show the changed business")
	}
	sameAsClean(t, opts, out)
}
