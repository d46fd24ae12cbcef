package pipeline_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/images"
	"github.com/kotamalang/kimsite/generator/internal/filetree"
	"github.com/kotamalang/kimsite/generator/pipeline"
)

// TestNoPhotoPublishesWhereItWasTaken builds a site with phone photos
// (testdata/photos: EXIF with a GPS IFD, the camera's make and serial
// number, XMP with GPS, a comment) shown by a page, linked as originals
// and put in static/, and checks every file of the output: no EXIF block,
// no GPS, no serial. A large document is published byte for byte.
func TestNoPhotoPublishesWhereItWasTaken(t *testing.T) {
	jpg, err := os.ReadFile("testdata/photos/gps.jpg")
	if err != nil {
		t.Fatal(err)
	}
	pngData, err := os.ReadFile("testdata/photos/gps.png")
	if err != nil {
		t.Fatal(err)
	}
	if !images.HasGPS(jpg) || !images.HasGPS(pngData) {
		t.Fatal("the test photos carry no GPS")
	}
	doc := "%PDF-1.4\n" + strings.Repeat("isi dokumen ", 200_000)
	root := t.TempDir()
	filetree.Write(t, root, map[string]string{
		"sites.yaml":                       okSites,
		"content/kauman/_index.md":         "---\ntitle: Kauman\n---\nHalo.\n",
		"content/kauman/berita/x/index.md": "---\ntitle: Kerja bakti\ndate: 2026-01-05\nimage: foto.jpg\nimage_alt: Warga kerja bakti\n---\n![Warga](foto.jpg)\n\n[Foto asli](foto.jpg), [tangkapan layar](/layar.png)\n",
		"content/kauman/berita/x/foto.jpg": string(jpg),
		"content/kauman/static/layar.png":  string(pngData),
		"content/kauman/static/asli.JPEG":  string(jpg),
		"content/kauman/static/rab.pdf":    doc,
	})
	out := filepath.Join(t.TempDir(), "public")
	if _, problems, err := pipeline.Run(pipeline.Options{Root: root, Out: out, ImageCache: "-"}); err != nil || problems.Errors() > 0 {
		t.Fatal(err, problems)
	}
	photos := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		name, _ := filepath.Rel(out, p)
		switch strings.ToLower(filepath.Ext(p)) {
		case ".jpg", ".jpeg", ".png":
			photos++
		}
		for _, secret := range []string{"Exif\x00\x00", "KimPhone", "SN-KIMPHONE", "GPSLatitude", "rumah Bu Sri"} {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("%s carries %q", name, secret)
			}
		}
		if images.HasGPS(data) {
			t.Errorf("%s carries a GPS position", name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"kauman/berita/x/foto.jpg", "kauman/layar.png", "kauman/asli.JPEG"} {
		if _, err := os.Stat(filepath.Join(out, want)); err != nil {
			t.Errorf("%s is not published: %v", want, err)
		}
	}
	if photos < 5 {
		t.Errorf("only %d photo files published", photos)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "kauman/rab.pdf")); string(got) != doc {
		t.Errorf("the document is not published as it is (%d bytes of %d)", len(got), len(doc))
	}
}
