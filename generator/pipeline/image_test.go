package pipeline_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	_ "image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/pipeline"
)

// pngHeader returns a small PNG file that declares width×height pixels:
// what a decoder would have to allocate is decided by these two numbers.
func pngHeader(width, height uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], width)
	binary.BigEndian.PutUint32(ihdr[4:], height)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA: 400 MB once decoded
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}

// TestHugeImage names a 100-megapixel photo (a small file whose header
// declares 10,000×10,000 pixels, 400 MB once decoded) in the front matter
// and in the body. The build must end (a watchdog, not a speed goal) with
// an error at both lines, from the image stage's 40-megapixel limit, which
// reads only the header.
func TestHugeImage(t *testing.T) {
	png := pngHeader(10_000, 10_000)
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(png)); err != nil || cfg.Width*cfg.Height != 100_000_000 {
		t.Fatalf("test image: %v %v", cfg, err)
	}
	fsys := tree(map[string]string{
		"sites.yaml":                        okSites,
		"content/kauman/_index.md":          "---\ntitle: K\n---\n",
		"content/kauman/berita/a/index.md":  "---\ntitle: A\ndate: 2026-11-05\nimage: besar.png\nimage_alt: Foto besar\n---\n![Foto besar](besar.png)\n",
		"content/kauman/berita/a/besar.png": string(png),
	})
	out := filepath.Join(t.TempDir(), "public")
	type result struct {
		problems []string
		err      error
	}
	done := make(chan result, 1)
	go func() {
		_, problems, err := pipeline.Run(pipeline.Options{FS: fsys, Root: t.TempDir(), Out: out})
		var r result
		for _, p := range problems {
			r.problems = append(r.problems, p.Position()+": "+p.Message)
		}
		r.err = err
		done <- r
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the build did not finish")
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	want := []string{"content/kauman/berita/a/index.md:4: ", "content/kauman/berita/a/index.md:7: "}
	if len(r.problems) != len(want) {
		t.Fatalf("want errors at lines 4 and 7, got %q", r.problems)
	}
	for i, p := range r.problems {
		if !strings.HasPrefix(p, want[i]) || !strings.Contains(p, "100 megapiksel") {
			t.Errorf("want an error at %s naming 100 megapiksel, got %q", want[i], p)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a failed build wrote its output")
	}
}
