package build_test

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

	"github.com/kotamalang/kimsite/generator/build"
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

// TestHugeImage names a 100-megapixel photo in a page. The build must end
// (a watchdog, not a speed goal) in one of two ways: an error at the
// image's line, or the photo published byte for byte, never decoded. Once
// photos are resized, only the first is right; the 40-megapixel limit of
// the image stage then applies.
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
		_, problems, err := build.Run(build.Options{FS: fsys, Root: t.TempDir(), Out: out})
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
	if len(r.problems) > 0 {
		want := "content/kauman/berita/a/index.md:4: "
		if len(r.problems) > 2 || !strings.HasPrefix(r.problems[0], want) {
			t.Fatalf("want an error at %s, got %q", want, r.problems)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Fatal("a failed build wrote its output")
		}
		return
	}
	got, err := os.ReadFile(filepath.Join(out, "kauman/berita/a/besar.png"))
	if err != nil || !bytes.Equal(got, png) {
		t.Fatalf("the photo was not published as it is: %v", err)
	}
}
