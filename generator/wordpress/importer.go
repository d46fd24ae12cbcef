package wordpress

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/slug"
)

// StateFile records, in the site folder, what the last import wrote: each
// file's SHA-256 and each WordPress item's file. It starts with a dot, so
// the build ignores it.
const StateFile = ".wordpress-import.json"

// RedirectsFile is the redirect map the import writes in the site folder.
const RedirectsFile = "redirects.yaml"

// Options configure an import.
type Options struct {
	// Uploads is a copy of the old site's wp-content/uploads folder, or
	// nil: then every photo is linked by its old address.
	Uploads fs.FS
	// Site is the site's folder content/<id>, as it is now; nil or empty
	// for a new site.
	Site fs.FS
}

// Result is what an import would change in the site folder. Nothing has
// been written yet: the caller writes Files and copies Copies.
type Result struct {
	Files  map[string][]byte // file in the site folder → its new content
	Copies map[string]string // file in the site folder → file in Uploads
	Remove []string          // files the last import wrote that are now elsewhere
	Report Report
}

// Report says what the import did and what a person must look at.
type Report struct {
	Posts, Pages, Drafts, Attachments, Redirects int
	Written, Unchanged                           int
	Skipped                                      []Skip
	Problems                                     []Problem
	Missing                                      []string // photos not in the uploads, by old address
	Edited                                       []string // files changed since the last import, left alone
}

// Skip is an item that was not imported, and why.
type Skip struct {
	Line   int
	ID     int
	Title  string
	Reason string
}

// Problem is something in one imported page that a person must look at.
type Problem struct {
	Line    int    // the item's line in the export
	File    string // the page, in the site folder
	Title   string
	Message string
	Hint    string
	Draft   bool // the page was written as a draft because of it
}

// state is the content of StateFile.
type state struct {
	Files map[string]string `json:"files"` // file → SHA-256 of what was written
	Items map[string]string `json:"items"` // WordPress ID → file
}

type importer struct {
	exp         *Export
	opts        Options
	md          *htmltomarkdown.Converter
	gm          goldmark.Markdown // to find HTML left in the Markdown
	base        *url.URL
	attachments map[int]*Item
	byUpload    map[string]*Item
	children    map[int][]int
	paths       map[string]int // old path, "2020/11/05/slug/" → item ID
	files       map[int]string // item ID → its file
	drafts      map[int]bool   // items written as drafts: not linked to, since they do not publish
	missing     map[string]bool
	old, next   state
	res         *Result
}

var wib = time.FixedZone("WIB", 7*3600)

// Import reads a WordPress export and gives the files it makes in a site
// folder. It writes nothing.
func Import(r io.Reader, opts Options) (*Result, error) {
	exp, err := Read(r)
	if err != nil {
		return nil, err
	}
	im := &importer{
		exp: exp, opts: opts, md: newMarkdown(),
		gm:          newGoldmark(),
		attachments: map[int]*Item{}, byUpload: map[string]*Item{}, children: map[int][]int{},
		paths: map[string]int{}, files: map[int]string{}, drafts: map[int]bool{}, missing: map[string]bool{},
		next: state{Files: map[string]string{}, Items: map[string]string{}},
		res:  &Result{Files: map[string][]byte{}, Copies: map[string]string{}},
	}
	im.base, _ = url.Parse(exp.BaseURL)
	if im.base == nil {
		im.base = &url.URL{}
	}
	im.loadState()
	im.index()
	pages := im.choose()
	im.place(pages)
	for _, p := range pages {
		im.write(p)
	}
	im.redirects(pages)
	for u := range im.missing {
		im.res.Report.Missing = append(im.res.Report.Missing, u)
	}
	sort.Strings(im.res.Report.Missing)
	sort.Strings(im.res.Report.Edited)
	st, _ := json.MarshalIndent(im.next, "", "  ")
	im.res.Files[StateFile] = append(st, '\n')
	if old, err := im.read(StateFile); err == nil && bytes.Equal(old, im.res.Files[StateFile]) {
		delete(im.res.Files, StateFile)
	}
	return im.res, nil
}

// newGoldmark parses Markdown as the markdown stage does (GFM).
func newGoldmark() goldmark.Markdown { return goldmark.New(goldmark.WithExtensions(extension.GFM)) }

func (im *importer) read(name string) ([]byte, error) {
	if im.opts.Site == nil {
		return nil, fs.ErrNotExist
	}
	return fs.ReadFile(im.opts.Site, name)
}

func (im *importer) loadState() {
	im.old = state{Files: map[string]string{}, Items: map[string]string{}}
	if data, err := im.read(StateFile); err == nil {
		_ = json.Unmarshal(data, &im.old)
	}
	if im.old.Files == nil {
		im.old.Files = map[string]string{}
	}
	if im.old.Items == nil {
		im.old.Items = map[string]string{}
	}
}

// index finds the attachments, by ID and by file, and every item's old
// address.
func (im *importer) index() {
	for _, it := range im.exp.Items {
		if it.Type == "attachment" {
			im.attachments[it.ID] = it
			if p := uploadPath(it); p != "" {
				im.byUpload[p] = it
			}
			im.children[it.Parent] = append(im.children[it.Parent], it.ID)
			im.res.Report.Attachments++
		}
	}
}

// page is an item that becomes a page.
type page struct {
	it      *Item
	section string // model.Berita or "" for a plain page
	slug    string
	draft   bool // a draft in WordPress
	held    bool // written as a draft because of what it holds
	file    string
	bundle  bool
}

// choose picks the items that become pages, and lists the others with the
// reason they were left out.
func (im *importer) choose() []*page {
	var pages []*page
	for _, it := range im.exp.Items {
		skip := func(reason string) {
			im.res.Report.Skipped = append(im.res.Report.Skipped, Skip{Line: it.Line, ID: it.ID, Title: html.UnescapeString(it.Title), Reason: reason})
		}
		var section string
		switch it.Type {
		case "post":
			section = model.Berita
		case "page":
		case "attachment":
			continue // used by the pages that show them
		case "revision", "nav_menu_item", "customize_changeset", "oembed_cache", "custom_css", "wp_global_styles", "wp_navigation", "wp_template", "wp_template_part", "wp_block", "user_request":
			skip(fmt.Sprintf("jenis %q adalah data pengaturan WordPress, bukan tulisan", it.Type))
			continue
		default:
			skip(fmt.Sprintf("jenis tulisan %q (dari plugin) tidak diimpor", it.Type))
			continue
		}
		p := &page{it: it, section: section}
		switch it.Status {
		case "publish", "future":
		case "draft", "pending":
			p.draft = true
		case "private":
			skip("tulisan pribadi (private): tidak untuk umum")
			continue
		case "trash":
			skip("tulisan di tempat sampah (trash)")
			continue
		case "auto-draft", "inherit":
			skip("simpanan otomatis WordPress (" + it.Status + ")")
			continue
		default:
			skip(fmt.Sprintf("status %q tidak dikenal", it.Status))
			continue
		}
		if section == "" && strings.TrimSpace(it.Content) == "" {
			skip("halaman kosong (di WordPress biasanya tempat daftar tulisan, yang di sini dibuat kimsite)")
			continue
		}
		if it.Password != "" {
			skip("dilindungi kata sandi: tidak untuk umum")
			continue
		}
		if _, ok := im.date(it); !ok && section != "" {
			skip("tanpa tanggal yang bisa dibaca")
			continue
		}
		pages = append(pages, p)
	}
	slices.SortStableFunc(pages, func(a, b *page) int { return a.it.ID - b.it.ID })
	return pages
}

// date gives an item's date in WIB.
func (im *importer) date(it *Item) (time.Time, bool) {
	if t, err := time.Parse(wpTime, it.DateGMT); err == nil && t.Year() > 1 {
		return t.In(wib), true
	}
	if t, err := time.ParseInLocation(wpTime, it.Date, im.exp.offset()); err == nil && t.Year() > 1 {
		return t.In(wib), true
	}
	return time.Time{}, false
}

// sectionPaths are the page names at a site's root that kimsite uses.
var rootNames = map[string]bool{"static": true, "tags": true, "cari": true, "index": true, "admin": true}

// place gives every page its file. A page keeps the file the last import
// gave it; a new one takes its WordPress slug, made unique. A page with
// photos or files becomes a bundle: a folder with index.md beside them.
func (im *importer) place(pages []*page) {
	taken := map[string]bool{}
	for _, s := range model.SectionNames() {
		taken[s] = true
	}
	for n := range rootNames {
		taken[n] = true
	}
	// Pages volunteers wrote, and files other imports made, keep their names.
	if im.opts.Site != nil {
		_ = fs.WalkDir(im.opts.Site, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && p != "." && strings.Count(p, "/") <= 1 {
				taken[strings.TrimSuffix(p, ".md")] = true
			}
			return nil
		})
	}
	for _, p := range pages {
		// First pass: which files the body uses decides the bundle.
		c := &conv{imp: im, item: p.it}
		c.markdown(p.it.Content)
		p.held = c.draft
		p.bundle = len(c.files) > 0 || im.thumbnail(p.it) != ""
		if f := im.old.Items[strconv.Itoa(p.it.ID)]; f != "" {
			p.file = im.reuse(f, p.bundle)
			delete(taken, strings.TrimSuffix(strings.TrimSuffix(f, "/index.md"), ".md"))
		}
	}
	for _, p := range pages {
		if p.file != "" {
			taken[strings.TrimSuffix(strings.TrimSuffix(p.file, "/index.md"), ".md")] = true
			continue
		}
		s := im.slug(p.it)
		key := path.Join(p.section, s)
		for n := 2; taken[key]; n++ {
			key = path.Join(p.section, fmt.Sprintf("%s-%d", s, n))
		}
		taken[key] = true
		if p.bundle {
			p.file = key + "/index.md"
		} else {
			p.file = key + ".md"
		}
	}
	for _, p := range pages {
		im.files[p.it.ID] = p.file
		if p.draft || p.held {
			im.drafts[p.it.ID] = true
		}
		if old := im.oldPath(p.it.Link); old != "" {
			im.paths[old] = p.it.ID
		}
	}
}

// reuse gives a page the file the last import gave it. A page that had
// no photos then and has some now (a first import without --uploads)
// becomes a bundle under the same name, and its old file goes, unless a
// person edited it: then it stays as it is. A bundle stays a bundle.
func (im *importer) reuse(f string, bundle bool) string {
	if !bundle || strings.HasSuffix(f, "/index.md") {
		return f
	}
	cur, err := im.read(f)
	if err != nil || sum(cur) != im.old.Files[f] {
		return f
	}
	im.res.Remove = append(im.res.Remove, f)
	return strings.TrimSuffix(f, ".md") + "/index.md"
}

// slug gives a page's name from its WordPress slug, which is stored
// percent-encoded ("kerja-bakti-%e2%80%93-rw-05"), or from its title.
func (im *importer) slug(it *Item) string {
	name := it.Name
	if d, err := url.PathUnescape(name); err == nil {
		name = d
	}
	s := slug.Make(name)
	if s == "" {
		s = slug.Make(html.UnescapeString(it.Title))
	}
	if s == "" {
		s = "tulisan-" + strconv.Itoa(it.ID)
	}
	if reservedSlug(s) {
		s += "-" + strconv.Itoa(it.ID)
	}
	return s
}

func reservedSlug(s string) bool {
	switch s {
	case "arsip", "halaman", "kategori":
		return true
	}
	return false
}

// thumbnail gives the uploads file of an item's featured image.
func (im *importer) thumbnail(it *Item) string {
	id, err := strconv.Atoi(strings.TrimSpace(it.Meta["_thumbnail_id"]))
	if err != nil || im.attachments[id] == nil {
		return ""
	}
	_, rel := im.upload(im.attachments[id].URL)
	if rel == "" || !imageExt(rel) {
		return ""
	}
	return rel
}

// oldPath gives the path of an old address relative to the old site, as
// the redirect map and links use it: "2020/11/05/kerja-bakti/". It is ""
// for another site's address and for the home page.
func (im *importer) oldPath(addr string) string {
	u, err := url.Parse(strings.TrimSpace(addr))
	if err != nil || (u.Host != "" && !strings.EqualFold(u.Host, im.base.Host)) {
		return ""
	}
	if u.RawQuery != "" {
		// ?p=123 and ?page_id=123 name an item by its ID.
		q := u.Query()
		for _, k := range []string{"p", "page_id"} {
			if id := q.Get(k); id != "" {
				return "?p=" + id
			}
		}
	}
	p, err := url.PathUnescape(u.EscapedPath())
	if err != nil {
		return ""
	}
	p = strings.TrimPrefix(p, strings.TrimSuffix(im.base.Path, "/"))
	p = strings.Trim(path.Clean("/"+p), "/")
	if p == "" {
		return ""
	}
	return strings.ToLower(p) + "/"
}

// pageFor gives the new file of a page an old address points at.
func (im *importer) pageFor(addr string) string {
	if u, err := url.Parse(addr); err != nil || (u.Host == "" && !strings.HasPrefix(u.Path, "/") && u.RawQuery == "") {
		return "" // a link relative to the old page: too uncertain to follow
	}
	p := im.oldPath(addr)
	if p == "" {
		return ""
	}
	id, ok := im.paths[p]
	if s, query := strings.CutPrefix(p, "?p="); query {
		id, _ = strconv.Atoi(s)
		ok = im.files[id] != ""
	}
	if !ok {
		return ""
	}
	if im.drafts[id] {
		return draftLink
	}
	return im.files[id]
}

// draftLink is what pageFor gives for a page written as a draft: a link
// to it would fail the check while it is one.
const draftLink = "\x00draft"

// absolute resolves an address of the old site written without its host.
func (im *importer) absolute(addr string) string {
	u, err := url.Parse(strings.TrimSpace(addr))
	if err != nil || u.IsAbs() || im.base.Host == "" {
		return strings.TrimSpace(addr)
	}
	return im.base.ResolveReference(u).String()
}

// oldSite reports whether an absolute address is on the old site.
func (im *importer) oldSite(addr string) bool {
	u, err := url.Parse(addr)
	return err == nil && im.base.Host != "" && strings.EqualFold(u.Host, im.base.Host)
}

// write converts one page and puts it, with its files, in the result.
func (im *importer) write(p *page) {
	it := p.it
	c := &conv{imp: im, item: it, file: p.file}
	body := c.markdown(it.Content)
	f := front{Title: c.private(clean(it.Title))}
	if f.Title == "" {
		f.Title = "Tanpa judul"
		c.warn("tulisan tanpa judul; diberi judul \"Tanpa judul\"", "Tulis judul yang menjelaskan isinya.")
	}
	if t, ok := im.date(it); ok {
		f.Date = t.Format("2006-01-02T15:04:05-07:00")
	}
	if p.section == model.Berita {
		f.Author = im.exp.Authors[it.Creator]
		if f.Author == "" {
			f.Author = it.Creator
		}
		f.Tags = im.tags(it)
	}
	f.Summary = c.private(stripTags(it.Excerpt))
	if rel := im.thumbnail(it); rel != "" {
		f.Image = c.local(rel)
		att := im.byUpload[rel]
		if att != nil {
			f.ImageAlt = clean(att.Meta["_wp_attachment_image_alt"])
			if f.ImageAlt == "" {
				f.ImageAlt = clean(att.Title)
			}
		}
		if f.ImageAlt == "" {
			f.ImageAlt = "Foto " + f.Title
		}
	}
	if id := strings.TrimSpace(it.Meta["_thumbnail_id"]); id != "" && f.Image == "" {
		c.warn("gambar utama tidak ada di folder unggahan; halaman terbit tanpa gambar utama", "Salin fotonya ke folder halaman dan tulis namanya di image:.")
	}
	// Every value a person wrote is checked for identity numbers, as the
	// body is; the body was checked while it was converted.
	f.Author, f.ImageAlt = c.private(f.Author), c.private(f.ImageAlt)
	for i := range f.Tags {
		f.Tags[i] = c.private(f.Tags[i])
	}
	f.Draft = p.draft || c.draft
	if f.Draft {
		im.res.Report.Drafts++
	}
	if p.section == model.Berita {
		im.res.Report.Posts++
	} else {
		im.res.Report.Pages++
	}
	im.put(p.file, []byte(f.yaml()+"\n"+body))
	dir := path.Dir(p.file)
	if !strings.HasSuffix(p.file, "/index.md") && len(c.files) > 0 {
		// An edited page kept as a single file: its photos would land
		// loose in the section folder.
		c.warn(fmt.Sprintf("%d foto tidak disalin karena tulisan ini sudah disunting sejak impor terakhir", len(c.files)), "Jadikan tulisan sebuah folder (nama/index.md) dan salin fotonya dari folder unggahan.")
		c.files = nil
	}
	for _, m := range c.files {
		im.copy(path.Join(dir, m.name), m.src)
	}
	im.next.Items[strconv.Itoa(it.ID)] = p.file
	for _, pr := range c.problems {
		pr.Line, pr.File, pr.Title = it.Line, p.file, f.Title
		im.res.Report.Problems = append(im.res.Report.Problems, pr)
	}
}

// clean makes a one-line value for front matter: entities decoded, runs
// of spaces joined, and characters YAML cannot hold (invalid UTF-8,
// control and other unprintable characters) dropped.
func clean(s string) string {
	s = strings.ToValidUTF8(html.UnescapeString(s), "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		if !unicode.IsPrint(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// tags gives the names of an item's categories and tags, without
// WordPress's default category, each once.
func (im *importer) tags(it *Item) []string {
	var tags []string
	seen := map[string]bool{}
	for _, t := range it.Terms {
		if t.Domain != "category" && t.Domain != "post_tag" {
			continue
		}
		name := clean(t.Name)
		s := slug.Make(name)
		if s == "" || s == "uncategorized" || s == "tak-berkategori" || s == "tanpa-kategori" || seen[s] {
			continue
		}
		seen[s] = true
		tags = append(tags, name)
	}
	return tags
}

func sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// put adds a file to the result unless it is already so, or has been
// edited since the last import.
func (im *importer) put(name string, data []byte) {
	if !im.claim(name, sum(data)) {
		return
	}
	im.res.Files[name] = data
}

// copy adds a file from the uploads to the result, on the same terms.
func (im *importer) copy(name, src string) {
	data, err := fs.ReadFile(im.opts.Uploads, src)
	if err != nil {
		return
	}
	if im.claim(name, sum(data)) {
		im.res.Copies[name] = src
	}
}

// claim decides whether the import may write a file whose new content
// has the given hash. A file on disk whose hash is not the one the last
// import recorded was edited by a person (or was never imported): it is
// left alone and listed.
func (im *importer) claim(name, newSum string) bool {
	cur, err := im.read(name)
	if err != nil {
		im.next.Files[name] = newSum
		im.res.Report.Written++
		return true
	}
	curSum := sum(cur)
	switch {
	case curSum == newSum:
		im.next.Files[name] = newSum
		im.res.Report.Unchanged++
		return false
	case curSum == im.old.Files[name]:
		im.next.Files[name] = newSum
		im.res.Report.Written++
		return true
	}
	if s, ok := im.old.Files[name]; ok {
		im.next.Files[name] = s
	}
	im.res.Report.Edited = append(im.res.Report.Edited, name)
	return false
}
