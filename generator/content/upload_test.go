package content

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kotamalang/kimsite/generator/config"
)

// TestPublishedFilesAreSafe checks that a file beside the pages that a
// browser could run as a page on the shared origin is refused at its path
// and never becomes an asset, in static/ and in a page bundle alike.
func TestPublishedFilesAreSafe(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys := fstest.MapFS{
		"content/a/_index.md":                  file("---\ntitle: A\n---\n"),
		"content/a/static/rab.pdf":             file("%PDF-1.4"),
		"content/a/static/logo.svg":            file(`<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>`),
		"content/a/static/serang.html":         file("<script>alert(1)</script>"),
		"content/a/static/serang.XHTML":        file("<script>alert(1)</script>"),
		"content/a/static/serang.svg":          file("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script></svg>"),
		"content/a/static/serang.jpg":          file("<html><script>alert(1)</script>"),
		"content/a/berita/x/index.md":          file("---\ntitle: X\ndate: 2026-01-01\n---\n"),
		"content/a/berita/x/lampiran.xml":      file("<x/>"),
		"content/a/berita/x/foto.svg":          file("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
		"content/a/static/besar.pdf":           &fstest.MapFile{Data: []byte("%PDF"), Mode: 0o644},
		"content/a/static/pipa.pdf":            &fstest.MapFile{Mode: os.ModeNamedPipe},
		"content/a/static/perangkat.txt":       &fstest.MapFile{Mode: os.ModeDevice | os.ModeCharDevice},
		"content/a/berita/soket.md":            &fstest.MapFile{Mode: os.ModeSocket},
		"content/a/static/aman/catatan.txt":    file("catatan"),
		"content/a/static/aman/data.csv":       file("a,b"),
		"content/a/static/aman/peta.svg":       file(`<svg xmlns="http://www.w3.org/2000/svg"><a href="https://x.id/"><text>x</text></a></svg>`),
		"content/a/static/aman/foto.jpg":       file("\xff\xd8\xff"),
		"content/a/static/aman/laporan.docx":   file("PK\x03\x04"),
		"content/a/static/serang-video.mp4":    file("\x00\x00\x00\x18ftypmp42"),
		"content/a/static/aman/ikon.ico":       file("\x00\x00\x01\x00"),
		"content/a/static/aman/huruf.woff2":    file("wOF2"),
		"content/a/static/aman/arsip.zip":      file("PK\x03\x04"),
		"content/a/static/aman/catatan.md":     file("# catatan"),
		"content/a/static/aman/data.json":      file(`{"a":1}`),
		"content/a/static/aman/rekaman.mp3":    file("ID3"),
		"content/a/static/aman/gambar.webp":    file("RIFF\x00\x00\x00\x00WEBP"),
		"content/a/static/aman/gambar.png":     file("\x89PNG\r\n\x1a\n"),
		"content/a/static/aman/tanpa-ekstensi": file("x"),
	}
	site, problems := Load(fsys, &config.Site{ID: "a"}, false)
	refused := map[string]string{}
	for _, p := range problems {
		refused[p.Path] = p.String()
	}
	for name := range fsys {
		rel := strings.TrimPrefix(name, "content/a/")
		bad := strings.Contains(name, "serang") || strings.Contains(name, "berita/x/l") || strings.Contains(name, "berita/x/f") ||
			strings.Contains(name, "pipa") || strings.Contains(name, "perangkat") || strings.Contains(name, "soket") || strings.Contains(name, "tanpa-ekstensi")
		if _, got := refused[name]; got != bad {
			t.Errorf("%s: refused = %v, want %v", name, got, bad)
		}
		if bad && (site.AssetAt(rel) != nil || site.PageAt(rel) != nil) {
			t.Errorf("%s is refused but still published", name)
		}
	}
	if msg := refused["content/a/static/serang.svg"]; !strings.HasPrefix(msg, "content/a/static/serang.svg:2: elemen <script>") {
		t.Errorf("an SVG script is not reported at its line: %q", msg)
	}
}

// TestNonRegularFilesDoNotHang puts a real FIFO (a reader would wait for a
// writer forever) where a page, a published file and the site's folder
// can be, and checks that loading refuses them without opening them.
func TestNonRegularFilesDoNotHang(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"content/a/_index.md", "content/a/static/logo.svg"} {
		writeTestFile(t, dir, name, "---\ntitle: A\n---\n")
	}
	for _, name := range []string{"content/a/berita/pipa.md", "content/a/static/pipa.pdf", "content/a/pipa.md"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skip("no FIFOs here:", err)
		}
	}
	done := make(chan int, 1)
	go func() {
		root, err := os.OpenRoot(dir)
		if err != nil {
			t.Error(err)
			done <- 0
			return
		}
		defer root.Close()
		_, problems := Load(root.FS(), &config.Site{ID: "a"}, false)
		done <- len(problems)
	}()
	select {
	case n := <-done:
		if n != 3 {
			t.Errorf("%d problems, want one for each FIFO", n)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("loading a site with a FIFO in it hangs")
	}
}

func writeTestFile(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHugeAssetRefused checks that a published file over MaxAssetBytes is
// an error naming its path and size (a sparse file: no disk is used).
func TestHugeAssetRefused(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, dir, "content/a/_index.md", "---\ntitle: A\n---\n")
	writeTestFile(t, dir, "content/a/static/video-rapat.pdf", "")
	if err := os.Truncate(filepath.Join(dir, "content/a/static/video-rapat.pdf"), 3<<30); err != nil {
		t.Skip(err)
	}
	site, problems := Load(os.DirFS(dir), &config.Site{ID: "a"}, false)
	want := "content/a/static/video-rapat.pdf: berkas terlalu besar (3072 MB; paling besar 100 MB)"
	if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), want) {
		t.Errorf("got %v, want %q", problems, want)
	}
	if site.AssetAt("static/video-rapat.pdf") != nil {
		t.Error("the huge file is still published")
	}
}
