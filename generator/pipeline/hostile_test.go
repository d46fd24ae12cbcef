package pipeline_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/internal/pagecheck"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/pipeline"
)

// payload is written into every text field. Each part would be live markup
// if a layout, a feed or a JSON-LD block let it through unescaped: it
// closes the elements text lands in (title, style, script, attributes),
// then opens a script, an event handler and a template action.
const payload = `"'></title></style></script></textarea><script>alert("kimsite")</script><img src=x onerror=alert(1)><svg onload=alert(2)>{{.}}` + "`"

// tree builds a file system from pairs of names and contents.
func tree(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// photo returns a small real JPEG, since photos are decoded and resized.
func photo() string {
	var b bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 16, 12))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	if err := jpeg.Encode(&b, img, nil); err != nil {
		panic(err)
	}
	return b.String()
}

// q quotes a string for YAML.
func q(s string) string { return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"` }

// hostileTree is a city whose every text field, in sites.yaml and in the
// front matter of every section, holds the payload, and whose Markdown
// carries raw HTML.
func hostileTree() fstest.MapFS {
	p := q(payload)
	body := "Teks biasa.\n\n<script>alert(1)</script>\n\n<iframe src=\"https://evil.example/\"></iframe>\n\n" +
		"Sebaris <img src=x onerror=alert(1)> dan <a href=\"javascript:alert(1)\">tautan</a>.\n\n" +
		"<style>body{display:none}</style>\n\n" + payload + "\n\n`" + payload + "`\n\n```\n" + payload + "\n```\n"
	return tree(map[string]string{
		"sites.yaml": "city: " + p + "\nbase_url: https://kim.example.id/\nrepo: https://github.com/example/kim\nbranch: " + p +
			"\nmaintainers: [" + p + "]\nsites:\n" +
			"  - id: kauman\n    name: " + p + "\n    kecamatan: " + p + "\n    kim: " + p + "\n    editors: [" + p + "]\n" +
			"    contact: {address: " + p + ", phone: " + p + ", email: kim@kauman.example.id, whatsapp: \"0812-3456-7801\"}\n" +
			"    social: {youtube: \"https://www.youtube.com/@kim\"}\n",
		"content/kauman/_index.md":       "---\ntitle: " + p + "\nsummary: " + p + "\n---\n" + body,
		"content/kauman/profil.md":       "---\ntitle: " + p + "\nsummary: " + p + "\ntags: [" + p + "]\nimage: berita/foto.jpg\nimage_alt: " + p + "\n---\n" + body,
		"content/kauman/berita/foto.jpg": photo(),
		"content/kauman/berita/a.md": "---\ntitle: " + p + "\ndate: 2026-11-05\nsummary: " + p + "\ntags: [" + p + "]\n" +
			"image: foto.jpg\nimage_alt: " + p + "\nauthor: " + p + "\n---\n" + body,
		"content/kauman/static/rab.pdf": "%PDF",
		"content/kauman/perencanaan/b.md": "---\ntitle: " + p + "\ndate: 2026-11-05\nsummary: " + p + "\ntags: [" + p + "]\n" +
			"image: ../berita/foto.jpg\nimage_alt: " + p + "\nyear: 2026\nstage: usulan\nbudget: 1000\nfunding: " + p +
			"\nlocation: " + p + "\nrw: " + p + "\nprogress: 10\ndocuments:\n  - {title: " + p + ", file: /rab.pdf}\n---\n" + body,
		"content/kauman/umkm/c.md": "---\ntitle: " + p + "\nsummary: " + p + "\ntags: [" + p + "]\nimage: ../berita/foto.jpg\nimage_alt: " + p +
			"\nowner: " + p + "\ncategory: kuliner\nwhatsapp: \"0812-3456-7890\"\naddress: " + p + "\nhours: " + p +
			"\nproducts:\n  - {name: " + p + ", price: 1000, image: ../berita/foto.jpg}\nlinks: {" + p + ": \"https://toko.example.id/\"}\n---\n" + body,
		"content/kauman/agenda/e.md": "---\ntitle: " + p + "\ndate: 2026-11-05\nsummary: " + p + "\ntags: [" + p + "]\n" +
			"image: ../berita/foto.jpg\nimage_alt: " + p + "\nstart: 2026-11-10 08:00\nend: 2026-11-10 11:00\nlocation: " + p +
			"\nrw: " + p + "\norganizer: " + p + "\ncontact: \"0812-3456-7890\"\nrepeat: {every: bulanan, on: selasa kedua, until: 2027-11-30}\n---\n" + body,
		"content/kauman/cek-fakta/d.md": "---\ntitle: " + p + "\ndate: 2026-11-05\nsummary: " + p + "\ntags: [" + p + "]\n" +
			"image: ../berita/foto.jpg\nimage_alt: " + p + "\nclaim: " + p + "\nverdict: hoaks\nclaim_source: " + p +
			"\nchecked_by: {name: " + p + ", url: \"https://cek.example.id/\"}\nsources:\n  - {title: " + p + ", url: \"https://sumber.example.id/\"}\n---\n" + body,
	})
}

// TestHostileTextIsInert builds a city whose every text field holds markup
// and checks, with an HTML parser, that no page carries live markup, that
// the payload shows on the pages as text, and that every feed and sitemap
// is still well-formed XML.
func TestHostileTextIsInert(t *testing.T) {
	fsys := hostileTree()
	checkEveryTextField(t, fsys)
	out := filepath.Join(t.TempDir(), "public")
	_, problems, err := pipeline.Run(pipeline.Options{FS: fsys, Root: t.TempDir(), Out: out})
	if err != nil || problems.Errors() > 0 {
		t.Fatalf("build: %v\n%s", err, problems)
	}
	pages, shown, inData := 0, 0, 0
	err = filepath.WalkDir(out, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, name)
		switch filepath.Ext(name) {
		case ".html":
			pages++
			for _, bad := range pagecheck.Page(data) {
				if !cmsException(rel, bad) {
					t.Errorf("%s: %s", rel, bad)
				}
			}
			if strings.Contains(visibleText(t, data), `<script>alert("kimsite")</script>`) {
				shown++
			}
			inData += jsonLDWithPayload(t, data)
		case ".xml":
			if err := wellFormed(data); err != nil {
				t.Errorf("%s: %v", rel, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 8 || shown < pages/2 || inData == 0 {
		t.Fatalf("%d pages, %d show the payload as text, %d JSON-LD blocks carry it; the test did not reach the layouts", pages, shown, inData)
	}
}

// cmsException reports whether a violation is one the editors' CMS pages
// under admin/ have by design (Decap CMS is loaded from its CDN, without a
// Content-Security-Policy). Anything else there, such as content that
// became markup, still fails.
func cmsException(rel, violation string) bool {
	if !strings.HasPrefix(filepath.ToSlash(rel), "admin/") {
		return false
	}
	return strings.HasPrefix(violation, "<script>: skrip dari luar situs:") ||
		violation == "<>: tidak ada Content-Security-Policy"
}

// visibleText returns the text of a page outside script and style elements.
func visibleText(t *testing.T, page []byte) string {
	doc, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}

// jsonLDWithPayload counts the JSON-LD blocks of a page whose decoded data
// holds the payload intact: text that reached the data block whole, and
// still could not end the script element.
func jsonLDWithPayload(t *testing.T, page []byte) int {
	doc, err := html.Parse(strings.NewReader(string(page)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var walk func(*html.Node)
	walk = func(node *html.Node) {
		if node.Type == html.ElementNode && node.DataAtom == atom.Script && node.FirstChild != nil {
			var v any
			if json.Unmarshal([]byte(node.FirstChild.Data), &v) == nil && strings.Contains(fmt.Sprint(v), payload) {
				n++
			}
		}
		for c := node.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return n
}

func wellFormed(data []byte) error {
	d := xml.NewDecoder(strings.NewReader(string(data)))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// checkEveryTextField makes sure the hostile tree sets every free-text
// field of sites.yaml and of every section's front matter to the payload,
// so that a field added to the model later is covered or this test fails.
func checkEveryTextField(t *testing.T, fsys fstest.MapFS) {
	t.Helper()
	city, problems := config.Load(fsys)
	if problems.Errors() > 0 {
		t.Fatalf("sites.yaml: %s", problems)
	}
	missing := textFields(reflect.ValueOf(city).Elem(), "sites.yaml")
	site, problems := content.Load(fsys, city.Sites[0], false)
	if problems.Errors() > 0 {
		t.Fatalf("content: %s", problems)
	}
	kinds := map[string]bool{}
	for _, p := range site.Pages() {
		if p == site.Home {
			continue // profil.md covers the plain pages' keys
		}
		kinds[reflect.TypeOf(p.Front).String()] = true
		missing = append(missing, textFields(reflect.ValueOf(p.Front).Elem(), p.Path)...)
	}
	for _, spec := range model.Sections {
		if k := reflect.TypeOf(spec.New()).String(); !kinds[k] {
			missing = append(missing, "no page of type "+k)
		}
	}
	for _, m := range missing {
		t.Errorf("hostile tree leaves out %s", m)
	}
}

// checked are the keys of sites.yaml whose values are checked against a
// pattern, and so cannot hold markup: a slug, a colour, 16 digits.
var checked = map[string]bool{"id": true, "accent": true, "allow_numbers": true}

// textFields returns the free-text fields of v (strings without an enum or
// a kind, in structs, pointers and slices) that do not hold the payload.
func textFields(v reflect.Value, where string) []string {
	var missing []string
	t := v.Type()
	for i := range t.NumField() {
		sf, fv := t.Field(i), v.Field(i)
		name, opts, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if name == "-" || !sf.IsExported() || sf.Tag.Get("enum") != "" || sf.Tag.Get("kind") != "" || checked[name] {
			continue
		}
		if opts == "inline" {
			missing = append(missing, textFields(fv, where)...)
			continue
		}
		at := where + ": " + name
		switch {
		case sf.Type == reflect.TypeFor[model.Date]():
		case fv.Kind() == reflect.String:
			if fv.String() != payload {
				missing = append(missing, at)
			}
		case fv.Kind() == reflect.Pointer && !fv.IsNil():
			missing = append(missing, textFields(fv.Elem(), at)...)
		case fv.Kind() == reflect.Slice && fv.Len() == 0:
			missing = append(missing, at+" (empty)")
		case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.String:
			if fv.Index(0).String() != payload {
				missing = append(missing, at)
			}
		case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.Pointer:
			missing = append(missing, textFields(fv.Index(0).Elem(), at)...)
		case fv.Kind() == reflect.Slice:
			missing = append(missing, textFields(fv.Index(0), at)...)
		case fv.Kind() == reflect.Struct:
			missing = append(missing, textFields(fv, at)...)
		}
	}
	return missing
}

// TestControlCharactersNeverPublished builds pages whose text, pasted from
// other programs, carries control characters, raw and as YAML escapes, and
// checks that no published text file holds one: a browser shows none of
// them, an XML feed with one is broken, and between digits they would hide
// a number from the identity-number check.
func TestControlCharactersNeverPublished(t *testing.T) {
	raw := "Kerja\x00 bakti\x01 RW\x1b[31m 05\x7f\u0085 selesai\vpukul\f10"
	escaped := `"Kerja\0 bakti\x01 RW\e[31m 05\x7F\N selesai\vpukul\f10"`
	fsys := tree(map[string]string{
		"sites.yaml": "city: Kota Malang\nbase_url: https://kim.example.id/\nsites:\n" +
			"  - id: kauman\n    name: " + escaped + "\n    kecamatan: Klojen\n",
		"content/kauman/_index.md":   "---\ntitle: Beranda\n---\n" + raw + "\n",
		"content/kauman/berita/a.md": "---\ntitle: " + escaped + "\ndate: 2026-11-05\nsummary: " + raw + "\ntags: [" + escaped + "]\n---\n" + raw + "\n\n- " + raw + "\n",
		"content/kauman/berita/b.md": "---\ntitle: Nomor\ndate: 2026-11-06\n---\nNIK 3573\x00014506\x01900001\n",
	})
	_, problems, err := pipeline.Run(pipeline.Options{FS: fsys, Root: t.TempDir(), Out: filepath.Join(t.TempDir(), "public")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(problems.Error(), "berita/b.md:5: angka 3573") {
		t.Errorf("an identity number split by control characters was not found:\n%s", problems)
	}
	delete(fsys, "content/kauman/berita/b.md")
	out := filepath.Join(t.TempDir(), "public")
	if _, problems, err := pipeline.Run(pipeline.Options{FS: fsys, Root: t.TempDir(), Out: out}); err != nil || problems.Errors() > 0 {
		t.Fatalf("build: %v\n%s", err, problems)
	}
	texts, shown := 0, 0
	err = filepath.WalkDir(out, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(name) {
		case ".html", ".xml", ".json", ".ics", ".txt", ".webmanifest", ".csv":
		default:
			return nil
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		texts++
		text := string(data)
		if i := strings.IndexFunc(text, func(r rune) bool {
			return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || 0x7f <= r && r <= 0x9f
		}); i >= 0 {
			rel, _ := filepath.Rel(out, name)
			t.Errorf("%s holds control character %U: %q", rel, []rune(text[i:])[0], text[max(0, i-30):min(len(text), i+10)])
		}
		if strings.Contains(text, "Kerja bakti RW[31m 05 selesai pukul 10") {
			shown++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if texts < 5 || shown == 0 {
		t.Fatalf("%d text files, %d show the text without its control characters", texts, shown)
	}
}
