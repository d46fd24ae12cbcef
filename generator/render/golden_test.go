package render

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want/ files of testdata/*.txtar")

const goldenFile = "testdata/features.txtar"

// goldenOutputs are the files TestGolden compares: one of every page type,
// feed, open data file and digest.
var goldenOutputs = []string{
	"alpha/index.html",                        // home
	"alpha/profil/index.html",                 // plain page
	"alpha/berita/index.html",                 // list, page 1
	"alpha/berita/halaman/2/index.html",       // list, page 2
	"alpha/berita/arsip/2025/index.html",      // yearly archive
	"alpha/berita/kabar-12/index.html",        // news single
	"alpha/perencanaan/index.html",            // planning overview
	"alpha/perencanaan/2025/index.html",       // planning year
	"alpha/perencanaan/saluran/index.html",    // planning single
	"alpha/umkm/index.html",                   // UMKM list
	"alpha/umkm/kategori/kuliner/index.html",  // UMKM category
	"alpha/umkm/warung-sri/index.html",        // UMKM single
	"alpha/cek-fakta/hoaks-bansos/index.html", // clarification
	"alpha/tags/index.html",                   // tags
	"alpha/tags/posyandu/index.html",          // one tag
	"index.html",                              // portal
	"kecamatan/klojen/index.html",             // kecamatan
	"umkm/index.html",                         // city UMKM
	"umkm/kategori/kuliner/index.html",        // city UMKM category
	"cek-fakta/index.html",                    // city clarifications
	"404.html",
	"beta/404.html", // own domain: its own 404
	"alpha/index.xml",
	"alpha/cek-fakta/index.xml",
	"alpha/sitemap.xml",
	"beta/sitemap.xml",
	"beta/robots.txt",
	"index.xml",
	"cek-fakta/index.xml",
	"sitemap.xml",
	"sitemap-portal.xml",
	"robots.txt",
	"alpha/perencanaan.csv",
	"alpha/perencanaan.json",
	"alpha/umkm.json",
	"perencanaan.csv",
	"alpha/kabar-pekan-ini.txt",
	"beta/kabar-pekan-ini.txt",
	"alpha/agenda/index.html",             // agenda: upcoming, recurring expanded
	"alpha/agenda/2026/index.html",        // agenda: a year of past events
	"alpha/agenda/posyandu/index.html",    // event page, recurring
	"alpha/agenda/kerja-bakti/index.html", // event page, whole days
	"alpha/agenda/posyandu/posyandu.ics",  // one event's calendar
	"alpha/agenda.ics",                    // the site's calendar
	"beta/agenda/index.html",              // no events
	"agenda/index.html",                   // city agenda
	"agenda.ics",                          // city calendar
}

// loadGolden reads the archive and returns its input files as a file
// system, with small real images in place of the placeholder photos.
func loadGolden(t *testing.T) (*txtar.Archive, fstest.MapFS) {
	t.Helper()
	ar, err := txtar.ParseFile(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	return ar, inputFS(ar)
}

func goldenFS() (fs.FS, error) {
	ar, err := txtar.ParseFile(goldenFile)
	if err != nil {
		return nil, err
	}
	return inputFS(ar), nil
}

func inputFS(ar *txtar.Archive) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "want/") {
			continue
		}
		data := f.Data
		switch path.Ext(f.Name) {
		case ".png":
			data = tinyPNG()
		case ".jpg":
			data = tinyJPEG()
		case ".webp":
			data = tinyWebP()
		}
		fsys[f.Name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// tinyJPEG is a real 2×2 JPEG: published photos are decoded and cleaned.
func tinyJPEG() []byte {
	img, _ := png.Decode(bytes.NewReader(tinyPNG()))
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, nil) // writing to memory cannot fail
	return buf.Bytes()
}

// tinyWebP is a real WebP (x/image's test gopher, kept by the images
// package's tests); Go has no WebP encoder.
func tinyWebP() []byte {
	data, err := os.ReadFile("../images/testdata/gopher.webp")
	if err != nil {
		panic(err)
	}
	return data
}

// tinyPNG is a real 2×2 image, for tests that decode photos.
func tinyPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	img.Set(0, 0, color.RGBA{200, 100, 0, 255})
	var buf bytes.Buffer
	png.Encode(&buf, img) // writing to memory cannot fail
	return buf.Bytes()
}

var mainElement = regexp.MustCompile(`(?s)<main[ >].*</main>`)

// goldenText is what the golden file keeps of an output: the <main>
// element of a page (the rest belongs to the theme's base layout), one tag
// per line so that diffs read well; other files as they are.
func goldenText(name string, data []byte) []byte {
	if strings.HasSuffix(name, ".ics") {
		// iCalendar lines end in CRLF; the archive keeps them as plain
		// lines (the calendar tests check the CRLFs themselves).
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if !strings.HasSuffix(name, ".html") {
		if !bytes.HasSuffix(data, []byte("\n")) {
			data = append(slices.Clone(data), '\n') // txtar ends every file with a newline
		}
		return data
	}
	m := mainElement.Find(data)
	if m == nil {
		return []byte("NO <main> ELEMENT\n")
	}
	return append(bytes.ReplaceAll(m, []byte("><"), []byte(">\n<")), '\n')
}

// TestGolden renders the archive's small city and compares one output of
// every kind with the archive's want/ files.
func TestGolden(t *testing.T) {
	ar, _ := loadGolden(t)
	_, out := sharedBuilds(t)
	want := map[string][]byte{}
	for _, f := range ar.Files {
		if name, ok := strings.CutPrefix(f.Name, "want/"); ok {
			want[name] = f.Data
		}
	}
	if *update {
		var files []txtar.File
		for _, f := range ar.Files {
			if !strings.HasPrefix(f.Name, "want/") {
				files = append(files, f)
			}
		}
		for _, name := range goldenOutputs {
			data, ok := out.files[name]
			if !ok {
				t.Fatalf("%s was not written", name)
			}
			files = append(files, txtar.File{Name: "want/" + name, Data: goldenText(name, data)})
		}
		ar.Files = files
		if err := os.WriteFile(goldenFile, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, name := range goldenOutputs {
		data, ok := out.files[name]
		if !ok {
			t.Errorf("%s was not written", name)
			continue
		}
		w, ok := want[name]
		if !ok {
			t.Errorf("%s: no want/%s in %s; run with -update", name, name, goldenFile)
			continue
		}
		if got := goldenText(name, data); !bytes.Equal(got, w) {
			t.Errorf("%s differs from %s (run with -update and review the diff):\n%s", name, goldenFile, firstDiff(got, w))
		}
	}
}

// firstDiff shows the first line where got and want part.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}
