package images_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/images"
	"github.com/kotamalang/kimsite/generator/markdown"
)

// photo encodes a w×h JPEG whose left half is red and right half blue.
func photo(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{200, 0, 0, 255}
			if x >= w/2 {
				c = color.RGBA{0, 0, 200, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withOrientation inserts an EXIF block with the given orientation after
// the JPEG's start marker, as a phone camera writes it.
func withOrientation(data []byte, o uint16) []byte {
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00")
	binary.BigEndian.PutUint16(tiff[18:], o)
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(seg)+2))
	out := append([]byte{}, data[:2]...)
	out = append(out, app1...)
	out = append(out, seg...)
	return append(out, data[2:]...)
}

// pngHeader is the start of a PNG that claims to be w×h: enough for
// image.DecodeConfig, and nothing to decode.
func pngHeader(w, h uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2
	chunk := append([]byte("IHDR"), ihdr...)
	out := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d")
	out = append(out, chunk...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(chunk))
}

func site(t *testing.T, files fstest.MapFS) *content.Site {
	t.Helper()
	sc := &config.Site{ID: "kauman", Name: "Kelurahan Kauman", Kecamatan: "Klojen", Path: "/kauman/", BaseURL: "https://kim.example.id/kauman/"}
	s, problems := content.Load(files, sc, false)
	if problems.Errors() > 0 {
		t.Fatalf("content: %v", problems)
	}
	return s
}

func page(front, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\ntitle: Kerja bakti\ndate: 2026-11-05\n" + front + "---\n" + body)}
}

func TestVariantsAndOrientation(t *testing.T) {
	fsys := fstest.MapFS{
		"content/kauman/berita/a/index.md": page("image: foto.jpg\nimage_alt: Warga kerja bakti\n", "Isi.\n"),
		"content/kauman/berita/a/foto.jpg": {Data: withOrientation(photo(t, 1200, 600), 6)},
	}
	s := site(t, fsys)
	set := images.New(images.Options{Root: fsys})
	if p := set.Check(s); len(p) > 0 {
		t.Fatal(p)
	}
	img, err := set.Get(s, "berita/a/foto.jpg")
	if err != nil {
		t.Fatal(err)
	}
	// Turned a quarter: 600×1200 upright, so widths 480 and 600.
	var got []string
	for _, v := range img.Variants {
		got = append(got, v.URL+" "+itoa(v.Width)+"x"+itoa(v.Height))
	}
	want := "berita/a/foto-480.jpg 480x960,berita/a/foto-600.jpg 600x1200"
	if strings.Join(got, ",") != want {
		t.Errorf("variants %v, want %s", got, want)
	}
	if img.Width != 600 || img.Height != 1200 {
		t.Errorf("size %dx%d, want 600x1200", img.Width, img.Height)
	}
	out := memOut{}
	if err := set.Write(s, out); err != nil {
		t.Fatal(err)
	}
	big, err := jpeg.Decode(bytes.NewReader(out["kauman/berita/a/foto-600.jpg"]))
	if err != nil {
		t.Fatal(err)
	}
	// Orientation 6: the photo's left (red) side is the top once upright.
	if r, _, b, _ := big.At(300, 100).RGBA(); r < b {
		t.Errorf("top of upright photo is not red: r=%d b=%d", r>>8, b>>8)
	}
	if r, _, b, _ := big.At(300, 1100).RGBA(); r > b {
		t.Errorf("bottom of upright photo is not blue: r=%d b=%d", r>>8, b>>8)
	}
	share, err := jpeg.DecodeConfig(bytes.NewReader(out["kauman/berita/a/foto-share.jpg"]))
	if err != nil || share.Width != 1200 || share.Height != 630 {
		t.Errorf("share image %dx%d, %v; want 1200x630", share.Width, share.Height, err)
	}
	tag := string(img.Tag("/kauman/", "Warga", images.Sizes, true))
	for _, want := range []string{`src="/kauman/berita/a/foto-600.jpg"`, `srcset="/kauman/berita/a/foto-480.jpg 480w, /kauman/berita/a/foto-600.jpg 600w"`, `width="600" height="1200"`, `loading="lazy"`, `alt="Warga"`} {
		if !strings.Contains(tag, want) {
			t.Errorf("tag %s lacks %s", tag, want)
		}
	}
}

func TestBrokenImagesAtTheirLine(t *testing.T) {
	good := photo(t, 64, 48)
	big := photo(t, 400, 300)
	fsys := fstest.MapFS{
		"content/kauman/berita/a.md":            page("image: /rusak.jpg\nimage_alt: Foto\n", "Isi.\n"),
		"content/kauman/berita/b.md":            page("", "Paragraf.\n\n![Spanduk besar](/besar.png)\n"),
		"content/kauman/umkm/warung.md":         {Data: []byte("---\ntitle: Warung\ncategory: kuliner\nproducts:\n  - name: Nasi pecel\n    image: /terpotong.jpg\n---\n")},
		"content/kauman/berita/c.md":            page("", "![Bagus](/bagus.jpg)\n"),
		"content/kauman/static/rusak.jpg":       {Data: []byte("bukan gambar")},
		"content/kauman/static/besar.png":       {Data: pngHeader(8000, 6000)},
		"content/kauman/static/terpotong.jpg":   {Data: big[:len(big)*2/3]},
		"content/kauman/static/bagus.jpg":       {Data: good},
		"content/kauman/static/tak-dipakai.jpg": {Data: []byte("rusak, tapi tidak dipakai halaman mana pun")},
	}
	s := site(t, fsys)
	set := images.New(images.Options{Root: fsys})
	problems := markdown.New(markdown.WithImages(set)).Render(s, s.PageAt("berita/b.md"))
	problems.Append(markdown.New(markdown.WithImages(set)).Render(s, s.PageAt("berita/c.md")))
	problems.Append(set.Check(s))
	problems.Sort()
	var got []string
	for _, p := range problems {
		got = append(got, p.Position()+": "+p.Message)
	}
	want := []string{
		`content/kauman/berita/a.md:4: gambar "/rusak.jpg": gambar rusak atau formatnya tidak dikenali`,
		`content/kauman/berita/b.md:7: gambar "/besar.png": gambar terlalu besar: 8000×6000 piksel (48 megapiksel; paling besar 40 megapiksel)`,
		`content/kauman/umkm/warung.md:6: gambar "/terpotong.jpg": gambar rusak: berkasnya terpotong atau tidak utuh`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range problems {
		if p.Hint == "" {
			t.Errorf("%s has no hint", p.Position())
		}
	}
	if body := string(s.PageAt("berita/c.md").Content); !strings.Contains(body, `width="64" height="48"`) || !strings.Contains(body, `srcset="/kauman/bagus-64.jpg 64w"`) {
		t.Errorf("body image not responsive: %s", body)
	}
}

func TestCache(t *testing.T) {
	fsys := fstest.MapFS{
		"content/kauman/berita/a/index.md": page("image: foto.jpg\nimage_alt: Foto\n", ""),
		"content/kauman/berita/a/foto.jpg": {Data: photo(t, 800, 600)},
	}
	dir := t.TempDir()
	s := site(t, fsys)
	first := memOut{}
	set := images.New(images.Options{Root: fsys, CacheDir: dir})
	set.Check(s)
	if err := set.Write(s, first); err != nil {
		t.Fatal(err)
	}
	// Spoil the cached share image: a second build that re-encoded would
	// not publish the spoiled bytes.
	shares, _ := filepath.Glob(filepath.Join(dir, "images", "*", "*", "foto-share.jpg"))
	if len(shares) != 1 {
		t.Fatalf("cache holds %v", shares)
	}
	if err := os.WriteFile(shares[0], []byte("dari cache"), 0o644); err != nil {
		t.Fatal(err)
	}
	second := memOut{}
	set = images.New(images.Options{Root: fsys, CacheDir: dir})
	set.Check(s)
	if err := set.Write(s, second); err != nil {
		t.Fatal(err)
	}
	if string(second["kauman/berita/a/foto-share.jpg"]) != "dari cache" {
		t.Error("unchanged photo was encoded again instead of taken from the cache")
	}
	if !bytes.Equal(first["kauman/berita/a/foto-480.jpg"], second["kauman/berita/a/foto-480.jpg"]) {
		t.Error("cached variant differs")
	}
	// A changed photo is a new key.
	fsys["content/kauman/berita/a/foto.jpg"] = &fstest.MapFile{Data: photo(t, 640, 480)}
	third := memOut{}
	set = images.New(images.Options{Root: fsys, CacheDir: dir})
	set.Check(s)
	_ = set.Write(s, third)
	if string(third["kauman/berita/a/foto-share.jpg"]) == "dari cache" {
		t.Error("changed photo was taken from the cache")
	}
}

type memOut map[string][]byte

func (m memOut) WriteFile(name string, data []byte) error {
	m[name] = data
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }
