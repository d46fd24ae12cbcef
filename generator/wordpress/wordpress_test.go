package wordpress

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/kotamalang/kimsite/generator/check"
	"github.com/kotamalang/kimsite/generator/internal/pagecheck"
	"github.com/kotamalang/kimsite/generator/pipeline"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// importFile imports a test export with the test uploads into site.
func importFile(t *testing.T, name string, site fstest.MapFS) *Result {
	t.Helper()
	f, err := os.Open(path.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	opts := Options{Uploads: os.DirFS("testdata/uploads")}
	if site != nil {
		opts.Site = site
	}
	res, err := Import(f, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// archive puts an import's result in one readable text: every file
// written, the files copied, and the report.
func archive(res *Result) []byte {
	a := &txtar.Archive{}
	var names []string
	for n := range res.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		a.Files = append(a.Files, txtar.File{Name: n, Data: res.Files[n]})
	}
	var copies []string
	for n, src := range res.Copies {
		copies = append(copies, n+" ← "+src)
	}
	sort.Strings(copies)
	a.Files = append(a.Files, txtar.File{Name: "(copies)", Data: []byte(strings.Join(copies, "\n") + "\n")})
	a.Files = append(a.Files, txtar.File{Name: "(report)", Data: reportText(res.Report)})
	return txtar.Format(a)
}

func reportText(r Report) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "posts %d pages %d drafts %d attachments %d redirects %d written %d unchanged %d\n",
		r.Posts, r.Pages, r.Drafts, r.Attachments, r.Redirects, r.Written, r.Unchanged)
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "%d %s draft=%v: %s\n", p.Line, p.File, p.Draft, p.Message)
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "skip %d %d %q: %s\n", s.Line, s.ID, s.Title, s.Reason)
	}
	for _, m := range r.Missing {
		fmt.Fprintf(&b, "missing %s\n", m)
	}
	for _, e := range r.Edited {
		fmt.Fprintf(&b, "edited %s\n", e)
	}
	return b.Bytes()
}

// TestGolden imports realistic exports and compares every file written,
// and the report, with testdata/*.golden.
func TestGolden(t *testing.T) {
	for _, name := range []string{"kauman.xml"} {
		t.Run(name, func(t *testing.T) {
			got := archive(importFile(t, name, nil))
			golden := path.Join("testdata", strings.TrimSuffix(name, ".xml")+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("import of %s differs from %s (go test -update to accept):\n%s", name, golden, got)
			}
		})
	}
}

// apply writes a result into a site folder held in memory.
func apply(t *testing.T, site fstest.MapFS, res *Result) {
	t.Helper()
	for name, data := range res.Files {
		site[name] = &fstest.MapFile{Data: data}
	}
	for name, src := range res.Copies {
		data, err := os.ReadFile(path.Join("testdata/uploads", src))
		if err != nil {
			t.Fatal(err)
		}
		site[name] = &fstest.MapFile{Data: data}
	}
}

// TestRerun checks that importing the same export again changes nothing,
// and that a newer export updates changed pages and adds new ones while
// leaving pages edited since the last import alone, and lists them.
func TestRerun(t *testing.T) {
	site := fstest.MapFS{}
	apply(t, site, importFile(t, "kauman.xml", site))
	first := len(site)

	again := importFile(t, "kauman.xml", site)
	if len(again.Files) != 0 || len(again.Copies) != 0 || again.Report.Written != 0 {
		t.Fatalf("second import of the same export writes %d files, copies %d", len(again.Files), len(again.Copies))
	}

	// A volunteer edits one imported page.
	edited := "berita/jadwal-posyandu-maret/index.md"
	site[edited] = &fstest.MapFile{Data: append(site[edited].Data, "\nDitambah relawan.\n"...)}
	// The newer export changes that page and another, and adds a post.
	src, err := os.ReadFile("testdata/kauman.xml")
	if err != nil {
		t.Fatal(err)
	}
	newer := strings.Replace(string(src), "Usulan sementara: perbaikan paving Gang 3.", "Usulan: perbaikan paving Gang 3 dan 4.", 1)
	newer = strings.Replace(newer, "membuka layanan", "kembali membuka layanan", 1)
	newer = strings.Replace(newer, "</channel>", `<item><title>Sosialisasi DBD</title><link>https://kauman.malangkota.go.id/2021/10/01/sosialisasi-dbd/</link>
<content:encoded><![CDATA[Fogging di RW 04.]]></content:encoded><wp:post_id>120</wp:post_id>
<wp:post_date>2021-10-01 08:00:00</wp:post_date><wp:post_date_gmt>2021-10-01 01:00:00</wp:post_date_gmt>
<wp:post_name>sosialisasi-dbd</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel>`, 1)
	res, err := Import(strings.NewReader(newer), Options{Uploads: os.DirFS("testdata/uploads"), Site: site})
	if err != nil {
		t.Fatal(err)
	}
	var written []string
	for n := range res.Files {
		written = append(written, n)
	}
	sort.Strings(written)
	want := []string{StateFile, "berita/rencana-musrenbang-2022-draf.md", "berita/sosialisasi-dbd.md", RedirectsFile}
	sort.Strings(want)
	if strings.Join(written, " ") != strings.Join(want, " ") {
		t.Errorf("newer export writes %v, want %v", written, want)
	}
	if !strings.Contains(string(res.Files["berita/rencana-musrenbang-2022-draf.md"]), "Gang 3 dan 4") {
		t.Errorf("changed post not updated:\n%s", res.Files["berita/rencana-musrenbang-2022-draf.md"])
	}
	if len(res.Report.Edited) != 1 || res.Report.Edited[0] != edited {
		t.Errorf("edited files listed: %v, want [%s]", res.Report.Edited, edited)
	}
	apply(t, site, res)
	if len(site) != first+1 {
		t.Errorf("site has %d files, want %d", len(site), first+1)
	}
	// The edit survives any number of later imports.
	res, err = Import(strings.NewReader(newer), Options{Uploads: os.DirFS("testdata/uploads"), Site: site})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 0 || len(res.Report.Edited) != 1 {
		t.Errorf("third import writes %v, lists edited %v", res.Files, res.Report.Edited)
	}
}

// TestNotWordPress checks that a Blogger export and other files are
// refused with a message that says what they are.
func TestNotWordPress(t *testing.T) {
	for _, c := range []struct {
		name, data string
		want       error
	}{
		{"blogger", "", ErrBlogger},
		{"atom", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>`, ErrBlogger},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>`, ErrNotWXR},
		{"html", `<html><body>x</body></html>`, ErrNotWXR},
	} {
		data := c.data
		if c.name == "blogger" {
			b, err := os.ReadFile("testdata/blogger.xml")
			if err != nil {
				t.Fatal(err)
			}
			data = string(b)
		}
		if _, err := Import(strings.NewReader(data), Options{}); err != c.want {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
	if _, err := Import(strings.NewReader(`<rss><channel><wp:wxr_version xmlns:wp="http://wordpress.org/export/1.2/">1.2</wp:wxr_version><item><title>x`), Options{}); err == nil || !strings.Contains(err.Error(), "baris") {
		t.Errorf("cut export: err = %v, want a line", err)
	}
}

// TestImportedSiteBuilds builds the imported site with the pipeline and
// kimsite check's checks: no errors, and every page it writes, redirect
// pages included, passes the page checks (no script, frame or unsafe URL).
func TestImportedSiteBuilds(t *testing.T) {
	res := importFile(t, "kauman.xml", nil)
	fsys := fstest.MapFS{
		"sites.yaml": &fstest.MapFile{Data: []byte("city: Kota Malang\nbase_url: https://kim.example.id/\nsites:\n  - id: kauman\n    name: Kelurahan Kauman\n    kecamatan: Klojen\n")},
	}
	for name, data := range res.Files {
		fsys["content/kauman/"+name] = &fstest.MapFile{Data: data}
	}
	for name, src := range res.Copies {
		data, err := os.ReadFile(path.Join("testdata/uploads", src))
		if err != nil {
			t.Fatal(err)
		}
		fsys["content/kauman/"+name] = &fstest.MapFile{Data: data}
	}
	out := t.TempDir() + "/public"
	_, problems, err := pipeline.Run(pipeline.Options{FS: fsys, Root: t.TempDir(), Out: out, ImageCache: "-", Check: check.New(check.Options{Root: fsys}).Site})
	if err != nil || problems.Errors() > 0 {
		t.Fatalf("build: %v\n%s", err, problems)
	}
	pages, redirects := 0, 0
	err = filepath.WalkDir(out, func(name string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(name, ".html") {
			return err
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, name)
		if strings.HasPrefix(filepath.ToSlash(rel), "admin/") {
			return nil // the web editor's pages load Decap by design
		}
		pages++
		redirect := bytes.Contains(data, []byte(`http-equiv="refresh"`))
		if redirect {
			// A redirect page's one refresh leads to a page of this site.
			redirects++
			if bytes.Count(data, []byte("refresh")) != 1 || !bytes.Contains(data, []byte(`content="0; url=https://kim.example.id/kauman/`)) {
				t.Errorf("%s: redirect page leads elsewhere:\n%s", rel, data)
			}
		}
		for _, bad := range pagecheck.Page(data) {
			if !(redirect && strings.HasSuffix(bad, "meta refresh")) {
				t.Errorf("%s: %s", rel, bad)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if redirects != res.Report.Redirects-2 || pages < 20 {
		// Two redirects lead to pages held as drafts: no page until published.
		t.Errorf("%d pages, %d redirect pages; want %d redirect pages", pages, redirects, res.Report.Redirects-2)
	}
}

// TestRerunWithUploads checks that a first import without the uploads
// folder and a second with it leave one file per post: a post that gains
// photos becomes a bundle and its old file goes, unless it was edited.
func TestRerunWithUploads(t *testing.T) {
	src, err := os.ReadFile("testdata/kauman.xml")
	if err != nil {
		t.Fatal(err)
	}
	site := fstest.MapFS{}
	res, err := Import(bytes.NewReader(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	apply(t, site, res)
	if site["berita/lomba-17an.md"] == nil || site["berita/kerja-bakti-senam-pagi.md"] == nil {
		t.Fatal("without uploads, posts are single files")
	}
	edited := "berita/kerja-bakti-senam-pagi.md"
	site[edited] = &fstest.MapFile{Data: append(site[edited].Data, "\nDisunting.\n"...)}

	res = importFile(t, "kauman.xml", site)
	if len(res.Remove) != 2 || !slices.Contains(res.Remove, "berita/lomba-17an.md") {
		t.Errorf("removed %v, want the two unedited posts that gained photos", res.Remove)
	}
	if res.Files["berita/lomba-17an/index.md"] == nil || res.Copies["berita/lomba-17an/jalan-paving.jpg"] == "" {
		t.Errorf("post that gained photos is not a bundle now: %v", res.Copies)
	}
	for name := range res.Copies {
		if strings.HasPrefix(name, "berita/kerja-bakti") || path.Dir(name) == "berita" {
			t.Errorf("photo %s copied for an edited post", name)
		}
	}
	if res.Files[edited] != nil || !slices.Contains(res.Report.Edited, edited) {
		t.Errorf("edited post overwritten or not listed: %v", res.Report.Edited)
	}
}
