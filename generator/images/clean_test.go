package images_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	_ "golang.org/x/image/webp"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/images"
)

// Secrets a phone writes into a photo, which no published file may carry.
const (
	serial = "SN-KIMPHONE-0042"
	xmpGPS = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="7,58.1234S" exif:GPSLongitude="112,37.5678E"/></rdf:RDF></x:xmpmeta>`
)

// ifdEntry is one TIFF tag; data longer than four bytes goes after the IFD.
type ifdEntry struct {
	tag, kind uint16
	count     uint32
	data      []byte
}

// exifTIFF builds a little-endian TIFF block as a phone writes it: IFD0
// with the camera make, the orientation and pointers to an Exif IFD (with
// the body serial number) and a GPS IFD (7°58'S 112°37'E, in Kota Malang).
// It returns the block and the bytes of its GPS IFD.
func exifTIFF(orientation uint16) (tiff, gps []byte) {
	le := binary.LittleEndian
	rational := func(pairs ...uint32) []byte {
		b := make([]byte, 4*len(pairs))
		for i, v := range pairs {
			le.PutUint32(b[4*i:], v)
		}
		return b
	}
	short := func(v uint16) []byte { b := make([]byte, 2); le.PutUint16(b, v); return b }
	long := func(v uint32) []byte { b := make([]byte, 4); le.PutUint32(b, v); return b }
	// writeIFD lays out an IFD at offset off and returns it with its data.
	writeIFD := func(off uint32, entries []ifdEntry) []byte {
		head := make([]byte, 2+12*len(entries)+4)
		le.PutUint16(head, uint16(len(entries)))
		var extra []byte
		dataAt := off + uint32(len(head))
		for i, e := range entries {
			p := head[2+12*i:]
			le.PutUint16(p, e.tag)
			le.PutUint16(p[2:], e.kind)
			le.PutUint32(p[4:], e.count)
			if len(e.data) <= 4 {
				copy(p[8:], e.data)
				continue
			}
			le.PutUint32(p[8:], dataAt+uint32(len(extra)))
			extra = append(extra, e.data...)
		}
		return append(head, extra...)
	}
	gpsEntries := []ifdEntry{
		{0x0001, 2, 2, []byte("S\x00")},
		{0x0002, 5, 3, rational(7, 1, 58, 1, 12340, 1000)},
		{0x0003, 2, 2, []byte("E\x00")},
		{0x0004, 5, 3, rational(112, 1, 37, 1, 56780, 1000)},
	}
	exifEntries := []ifdEntry{{0xA431, 2, uint32(len(serial) + 1), []byte(serial + "\x00")}}
	// IFD0 at 8 has four entries: 2+48+4 = 54 bytes, then "KimPhone\0".
	ifd0Len := uint32(2 + 12*4 + 4 + 9)
	exifAt := 8 + ifd0Len
	exifIFD := writeIFD(exifAt, exifEntries)
	gpsAt := exifAt + uint32(len(exifIFD))
	gps = writeIFD(gpsAt, gpsEntries)
	ifd0 := writeIFD(8, []ifdEntry{
		{0x010F, 2, 9, []byte("KimPhone\x00")},
		{0x0112, 3, 1, short(orientation)},
		{0x8769, 4, 1, long(exifAt)},
		{0x8825, 4, 1, long(gpsAt)},
	})
	tiff = append([]byte("II\x2a\x00\x08\x00\x00\x00"), ifd0...)
	tiff = append(tiff, exifIFD...)
	return append(tiff, gps...), gps
}

// segment is a JPEG marker segment.
func segment(marker byte, payload []byte) []byte {
	s := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(s[2:], uint16(len(payload)+2))
	return append(s, payload...)
}

// phonePhoto is a JPEG as a phone saves it: EXIF with GPS and serials, XMP
// with GPS, a comment, and bytes after the end of the image.
func phonePhoto(t *testing.T, w, h int, orientation uint16) (photoBytes, gps []byte) {
	tiff, gps := exifTIFF(orientation)
	plain := photo(t, w, h)
	out := append([]byte{}, plain[:2]...)
	out = append(out, segment(0xE1, append([]byte("Exif\x00\x00"), tiff...))...)
	out = append(out, segment(0xE1, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), xmpGPS...))...)
	out = append(out, segment(0xFE, []byte("rumah Bu Sri, RT 02"))...)
	out = append(out, plain[2:]...)
	return append(out, "trailing "+serial...), gps
}

// pngChunk is one PNG chunk with its CRC.
func pngChunk(kind string, data []byte) []byte {
	c := make([]byte, 4, 12+len(data))
	binary.BigEndian.PutUint32(c, uint32(len(data)))
	c = append(c, kind...)
	c = append(c, data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

// phonePNG is a screenshot PNG with EXIF, XMP and text chunks.
func phonePNG(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 4))
	img.Set(1, 1, color.RGBA{200, 0, 0, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	plain := buf.Bytes()
	tiff, _ := exifTIFF(1)
	out := append([]byte{}, plain[:8+25]...) // signature and IHDR
	out = append(out, pngChunk("eXIf", tiff)...)
	out = append(out, pngChunk("tEXt", []byte("Comment\x00"+serial))...)
	out = append(out, pngChunk("iTXt", []byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"+xmpGPS))...)
	out = append(out, pngChunk("zTXt", []byte("Author\x00\x00x"))...)
	out = append(out, plain[8+25:]...)
	return append(out, serial...)
}

// phoneWebP wraps a real lossless WebP (x/image's test gopher) in the
// extended format with EXIF and XMP chunks, as a phone gallery saves it.
func phoneWebP(t *testing.T) []byte {
	plain, err := os.ReadFile("testdata/gopher.webp")
	if err != nil {
		t.Fatal(err)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(plain))
	if err != nil {
		t.Fatal(err)
	}
	chunk := func(kind string, data []byte) []byte {
		c := binary.LittleEndian.AppendUint32([]byte(kind), uint32(len(data)))
		c = append(c, data...)
		if len(data)%2 == 1 {
			c = append(c, 0)
		}
		return c
	}
	vp8x := make([]byte, 10)
	vp8x[0] = 0x08 | 0x04 // EXIF and XMP
	w, h := uint32(cfg.Width-1), uint32(cfg.Height-1)
	vp8x[4], vp8x[5], vp8x[6] = byte(w), byte(w>>8), byte(w>>16)
	vp8x[7], vp8x[8], vp8x[9] = byte(h), byte(h>>8), byte(h>>16)
	tiff, _ := exifTIFF(1)
	body := []byte("WEBP")
	body = append(body, chunk("VP8X", vp8x)...)
	body = append(body, plain[12:]...) // the VP8L chunk
	body = append(body, chunk("EXIF", tiff)...)
	body = append(body, chunk("XMP ", []byte(xmpGPS))...)
	return append(binary.LittleEndian.AppendUint32([]byte("RIFF"), uint32(len(body))), body...)
}

// assertClean fails when data carries any of the photo's metadata.
func assertClean(t *testing.T, name string, data, gps []byte) {
	t.Helper()
	for _, secret := range [][]byte{[]byte("Exif\x00\x00"), []byte("KimPhone"), []byte(serial), []byte("GPSLatitude"), []byte("rumah Bu Sri"), []byte("eXIf"), []byte("tEXt"), []byte("iTXt"), []byte("zTXt"), []byte("XMP "), []byte("EXIF")} {
		if bytes.Contains(data, secret) {
			t.Errorf("%s still carries %q", name, secret)
		}
	}
	if len(gps) > 0 && bytes.Contains(data, gps) {
		t.Errorf("%s still carries the GPS IFD", name)
	}
	if images.HasGPS(data) {
		t.Errorf("%s: HasGPS is true after cleaning", name)
	}
}

// TestCleanDropsMetadata cleans a phone's JPEG, PNG and WebP and checks
// that the pictures survive, upright, without a trace of the metadata.
func TestCleanDropsMetadata(t *testing.T) {
	jpg, gps := phonePhoto(t, 40, 20, 6)
	for _, tt := range []struct {
		name   string
		data   []byte
		gps    []byte
		wantWH [2]int
	}{
		{"foto.JPG", jpg, gps, [2]int{20, 40}}, // turned a quarter: upright it is tall
		{"layar.png", phonePNG(t), nil, [2]int{8, 4}},
		{"galeri.webp", phoneWebP(t), nil, [2]int{0, 0}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !images.HasGPS(tt.data) {
				t.Fatal("the test photo has no GPS: HasGPS or the test is wrong")
			}
			out, err := images.Clean(tt.data, tt.name)
			if err != nil {
				t.Fatal(err)
			}
			assertClean(t, tt.name, out, tt.gps)
			cfg, _, err := image.DecodeConfig(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("the cleaned file does not decode: %v", err)
			}
			if _, _, err := image.Decode(bytes.NewReader(out)); err != nil {
				t.Fatalf("the cleaned file does not decode: %v", err)
			}
			if tt.wantWH[0] != 0 && (cfg.Width != tt.wantWH[0] || cfg.Height != tt.wantWH[1]) {
				t.Errorf("cleaned size %d×%d, want %d×%d", cfg.Width, cfg.Height, tt.wantWH[0], tt.wantWH[1])
			}
		})
	}
}

// TestCleanRefusesBrokenFiles checks that a file that is not the photo its
// name says is an error, never published as it is.
func TestCleanRefusesBrokenFiles(t *testing.T) {
	for name, data := range map[string]string{
		"a.jpg":  "bukan foto",
		"b.png":  "\x89PNG\r\n\x1a\n\x00\x00\xff\xffIHDR",
		"c.webp": "RIFF\x04\x00\x00\x00WEBP",
		"d.jpeg": "\xff\xd8\xff\xe1\x00\x10Exif\x00\x00II*\x00",
	} {
		if out, err := images.Clean([]byte(data), name); err == nil {
			t.Errorf("%s: cleaned to %q, want an error", name, out)
		}
	}
}

// TestPublishedPhotosHaveNoMetadata builds a site whose page shows a phone
// photo, links its original, and has photos in static/, and checks every
// published file: no EXIF, no GPS IFD, no serial number.
func TestPublishedPhotosHaveNoMetadata(t *testing.T) {
	jpg, gps := phonePhoto(t, 64, 48, 6)
	fsys := fstest.MapFS{
		"content/a/berita/x/index.md":  {Data: []byte("---\ntitle: X\ndate: 2026-01-01\nimage: foto.jpg\nimage_alt: Kerja bakti\n---\n![Kerja bakti](foto.jpg)\n\n[Foto asli](foto.jpg)\n")},
		"content/a/berita/x/foto.jpg":  {Data: jpg},
		"content/a/static/layar.png":   {Data: phonePNG(t)},
		"content/a/static/galeri.webp": {Data: phoneWebP(t)},
		"content/a/static/asli.jpeg":   {Data: jpg},
	}
	site, problems := content.Load(fsys, &config.Site{ID: "a", Path: "/a/"}, false)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	set := images.New(images.Options{Root: fsys, CacheDir: t.TempDir()})
	if problems := set.CheckAssets(site); len(problems) > 0 {
		t.Fatal(problems)
	}
	out := fstest.MapFS{}
	if _, err := set.Get(site, "berita/x/foto.jpg"); err != nil {
		t.Fatal(err)
	}
	if err := set.Write(site, mapOutput(out)); err != nil {
		t.Fatal(err)
	}
	for _, a := range site.Assets {
		data, err := set.Clean("a", &a)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Join("a", a.URL)] = &fstest.MapFile{Data: data}
	}
	if len(out) < 6 {
		t.Fatalf("only %d files published", len(out))
	}
	for name, f := range out {
		if strings.HasSuffix(name, ".jpg") || strings.HasSuffix(name, ".jpeg") {
			for i := 0; i+1 < len(f.Data); i++ {
				if f.Data[i] == 0xFF && f.Data[i+1] == 0xE1 && bytes.HasPrefix(f.Data[i+4:], []byte("Exif")) {
					t.Errorf("%s has an EXIF APP1 segment", name)
				}
			}
		}
		assertClean(t, name, f.Data, gps)
	}
}

type mapOutput fstest.MapFS

func (m mapOutput) WriteFile(name string, data []byte) error {
	m[name] = &fstest.MapFile{Data: bytes.Clone(data)}
	return nil
}
