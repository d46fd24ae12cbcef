package content

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/config"
)

// hugeFS serves one generated file of a given size beside a MapFS, and
// counts the bytes read from it.
type hugeFS struct {
	fstest.MapFS
	name string
	size int64
	read *int64
}

func (h hugeFS) Open(name string) (fs.File, error) {
	if name != h.name {
		return h.MapFS.Open(name)
	}
	f, err := h.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	head := "---\ntitle: Besar\ndate: 2026-11-05\n---\n"
	body := io.LimitReader(repeat('a'), h.size-int64(len(head)))
	return &hugeFile{File: f, r: io.MultiReader(strings.NewReader(head), body), size: h.size, read: h.read}, nil
}

type repeat byte

func (c repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(c)
	}
	return len(p), nil
}

type hugeFile struct {
	fs.File
	r    io.Reader
	size int64
	read *int64
}

func (f *hugeFile) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	*f.read += int64(n)
	return n, err
}

func (f *hugeFile) Stat() (fs.FileInfo, error) {
	info, err := f.File.Stat()
	return sizedInfo{info, f.size}, err
}

type sizedInfo struct {
	fs.FileInfo
	size int64
}

func (s sizedInfo) Size() int64 { return s.size }

var kauman = &config.Site{ID: "kauman", Name: "Kauman", Path: "/kauman/"}

// TestHugePage loads a 50 MB Markdown file and expects a clear error that
// names its size, after reading no more than the limit.
func TestHugePage(t *testing.T) {
	var read int64
	fsys := hugeFS{
		MapFS: fstest.MapFS{
			"content/kauman/_index.md":     {Data: []byte("---\ntitle: K\n---\n")},
			"content/kauman/berita/big.md": {Data: []byte("placeholder")},
		},
		name: "content/kauman/berita/big.md", size: 50 << 20, read: &read,
	}
	site, problems := Load(fsys, kauman, false)
	if len(problems) != 1 || problems[0].Path != "content/kauman/berita/big.md" ||
		!strings.Contains(problems[0].Message, fmt.Sprintf("%d KB", 50<<10)) {
		t.Fatalf("want one error naming the file and its size, got:\n%s", problems)
	}
	if read > MaxPageBytes+1 {
		t.Errorf("read %d bytes of a file over the limit of %d", read, MaxPageBytes)
	}
	if site.PageAt("berita/big.md") != nil {
		t.Error("the huge page was loaded")
	}
}

// TestManyFiles puts 100,000 files in one section (photos, with a page
// every hundred files) and expects one clear error, with the walk stopped
// at the limit.
func TestManyFiles(t *testing.T) {
	fsys := fstest.MapFS{"content/kauman/_index.md": {Data: []byte("---\ntitle: K\n---\n")}}
	page := []byte("---\ntitle: Berita\ndate: 2026-11-05\n---\nIsi.\n")
	for i := range 100_000 {
		if i%100 == 0 {
			fsys[fmt.Sprintf("content/kauman/berita/b%06d.md", i)] = &fstest.MapFile{Data: page}
		} else {
			fsys[fmt.Sprintf("content/kauman/berita/b%06d.jpg", i)] = &fstest.MapFile{Data: []byte("jpg")}
		}
	}
	site, problems := Load(fsys, kauman, false)
	if len(problems) != 1 || !strings.Contains(problems[0].Message, fmt.Sprint(MaxSiteFiles)) || problems[0].Path != "content/kauman" {
		t.Fatalf("want one error about the number of files, got %d problems, first: %v", len(problems), problems[:min(1, len(problems))])
	}
	if n := len(site.Section("berita").Pages) + len(site.Assets); n > MaxSiteFiles {
		t.Errorf("loaded %d files, more than the limit %d", n, MaxSiteFiles)
	}
}
