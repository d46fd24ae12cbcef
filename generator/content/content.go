// Package content loads one kelurahan's folder into pages.
//
// It takes the repository as an fs.FS and a site from sites.yaml, and gives
// a Site: the home page, plain pages, the pages of each section with their
// front matter decoded and checked, and the files to publish beside them.
// Markdown bodies are kept as bytes for the markdown stage; everything a
// volunteer can get wrong in a file is reported with its path and line.
package content

import (
	"cmp"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/frontmatter"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/slug"
	"github.com/kotamalang/kimsite/generator/upload"
)

// Limits keep hostile or mistaken input from exhausting the machine.
const (
	MaxPageBytes  = 2 << 20   // a Markdown file larger than this is refused
	MaxSiteFiles  = 20000     // files in one site folder
	MaxAssetBytes = 100 << 20 // a published file (PDF, photo) larger than this is refused
	staticDir     = "static"
	homeFile      = "_index.md"
	bundleFile    = "index.md"
	markdownExtOK = ".md"
)

// Site is one kelurahan's content.
type Site struct {
	Config   *config.Site
	Home     *Page
	Plain    []*Page    // profil, kontak, ..., sorted by URL
	Sections []*Section // in model.Sections order, each present even when empty
	Assets   []Asset    // files published as they are, sorted by URL
	// Redirects are old addresses that lead to pages (redirects.yaml).
	Redirects []Redirect
	Held      []*Page // pages dated in the future, taken out by Hold, soonest first
	byFile    map[string]*Page
	byURL     map[string]*Page
	assets    map[string]*Asset
}

// Section is one section folder and its pages, newest first.
type Section struct {
	model.SectionSpec
	Intro *Page // the section's _index.md, if any
	Pages []*Page
}

// Page is one Markdown file.
type Page struct {
	Section string // "" for the home page and plain pages
	Slug    string
	File    string // the source, relative to the site folder: "berita/senam.md"
	Path    string // the source, relative to the repository: "content/kauman/berita/senam.md"
	URL     string // the URL path relative to the site: "berita/senam/"; "" for home

	Front    model.Front   // the section's front matter struct
	Meta     *model.Common // Front's shared keys
	Pos      frontmatter.Positions
	Body     []byte
	BodyLine int
	Content  template.HTML // the rendered body, set by the markdown stage
	Excerpt  string        // the first paragraph as text, set by the markdown stage
	Image    *Asset        // Meta.Image, if any
	Tags     []Tag
	Refs     []frontmatter.Ref
	files    map[string]*Asset // front matter file values → the assets they name

	// BodyImages are the image files (relative to the site folder) that the
	// body shows, in order; set by the markdown stage.
	BodyImages []string
}

// Tag is a tag as written and its URL slug.
type Tag struct {
	Name string
	Slug string
}

// Asset is a file published beside the pages.
type Asset struct {
	Src    string // relative to the site folder
	URL    string // relative to the site root
	Size   int64
	SHA256 string // of a planning document (see FileSum); "" for other files
}

// Load reads the site's folder under root's content/. With drafts false,
// pages marked draft are left out.
func Load(root fs.FS, site *config.Site, drafts bool) (*Site, diag.List) {
	l := &loader{
		root:   root,
		dir:    path.Join("content", site.ID),
		site:   &Site{Config: site, byFile: map[string]*Page{}, assets: map[string]*Asset{}},
		drafts: drafts,
	}
	for _, spec := range model.Sections {
		l.site.Sections = append(l.site.Sections, &Section{SectionSpec: spec})
	}
	if _, err := fs.Stat(root, l.dir); err != nil {
		return l.site, nil // config reports a site without a folder
	}
	l.walk()
	l.redirects()
	l.site.finish()
	l.checkReferences()
	l.checkReserved()
	l.hashDocuments()
	return l.site, l.problems
}

type loader struct {
	root     fs.FS
	dir      string // "content/<site>"
	site     *Site
	drafts   bool
	files    int
	problems diag.List
	urls     map[string]string // output URL → the file that claimed it
}

func (l *loader) walk() {
	l.urls = map[string]string{}
	err := fs.WalkDir(l.root, l.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.problems.Add(p, 0, "berkas atau folder tidak dapat dibaca", "Periksa izin berkasnya; tautan simbolik ke luar folder content/ tidak diizinkan.")
			return nil
		}
		if p == l.dir {
			return nil
		}
		rel := strings.TrimPrefix(p, l.dir+"/")
		if Temporary(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if l.files++; l.files > MaxSiteFiles {
			l.problems.Add(l.dir, 0, fmt.Sprintf("folder situs berisi lebih dari %d berkas", MaxSiteFiles), "Pecah atau arsipkan berkas lama.")
			return fs.SkipAll
		}
		if d.IsDir() {
			return l.dirEntry(rel)
		}
		if d.Type()&fs.ModeSymlink != 0 {
			l.problems.Add(p, 0, "tautan simbolik tidak diizinkan di folder content/", "Salin berkasnya ke sini, jangan ditautkan.")
			return nil
		}
		if !d.Type().IsRegular() {
			// A FIFO, socket or device would block or never end when
			// read: refuse it by its type, without opening it.
			l.problems.Add(p, 0, "bukan berkas biasa (pipa, soket atau perangkat)", "Hapus berkas ini; folder content/ hanya boleh berisi berkas dan folder biasa.")
			return nil
		}
		if rel == RedirectsFile {
			return nil // read once every page has claimed its address
		}
		if strings.HasSuffix(strings.ToLower(rel), markdownExtOK) && !strings.HasPrefix(rel, staticDir+"/") {
			l.page(rel)
		} else {
			l.asset(rel, d)
		}
		return nil
	})
	if err != nil {
		l.problems.Add(l.dir, 0, "folder situs tidak dapat dibaca", "")
	}
}

func (l *loader) dirEntry(rel string) error {
	if strings.Contains(rel, "/") || rel == staticDir {
		return nil
	}
	if _, ok := model.Section(rel); ok {
		return nil
	}
	if _, err := fs.Stat(l.root, path.Join(l.dir, rel, bundleFile)); err == nil {
		return nil // a plain page bundle: profil/index.md
	}
	msg := fmt.Sprintf("folder %q bukan bagian yang dikenal", rel)
	if s := diag.Suggest(rel, model.SectionNames()); s != "" {
		msg += fmt.Sprintf("; maksudnya %q?", s)
	}
	l.problems.Add(path.Join(l.dir, rel), 0, msg, "Bagian yang dikenal: "+strings.Join(model.SectionNames(), ", ")+"; berkas lain taruh di static/.")
	return fs.SkipDir
}

// claim records that file publishes at url, and reports a clash when two
// files would publish at the same address.
func (l *loader) claim(url, file string) bool {
	if other, taken := l.urls[url]; taken {
		l.problems.Add(path.Join(l.dir, file), 0, fmt.Sprintf("alamat /%s sudah dipakai oleh %s", url, path.Join(l.dir, other)), "Ganti nama salah satu berkas; huruf besar, spasi dan tanda baca tidak membedakan alamat.")
		return false
	}
	l.urls[url] = file
	l.checkAddress(file, url)
	return true
}

func (l *loader) asset(rel string, d fs.DirEntry) {
	info, err := d.Info()
	if err != nil {
		l.problems.Add(path.Join(l.dir, rel), 0, "berkas tidak dapat dibaca", "")
		return
	}
	url, ok := assetURL(rel)
	if strings.Contains(rel, `\`) {
		ok = false // a backslash is a folder separator on Windows and in browsers
	}
	if !ok {
		l.problems.Add(path.Join(l.dir, rel), 0, "nama berkas tidak bisa dijadikan alamat", "Pakai huruf, angka dan tanda hubung pada nama berkas.")
		return
	}
	if !l.claim(url, rel) {
		return
	}
	if info.Size() > MaxAssetBytes {
		l.problems.Add(path.Join(l.dir, rel), 0, fmt.Sprintf("berkas terlalu besar (%d MB; paling besar %d MB)", info.Size()>>20, MaxAssetBytes>>20),
			"Perkecil berkasnya (mis. simpan PDF dengan kualitas gambar lebih rendah) atau pecah menjadi beberapa berkas; video unggah ke YouTube lalu sematkan tautannya.")
		return
	}
	if problems := upload.Check(l.root, path.Join(l.dir, rel), path.Join(l.dir, rel)); len(problems) > 0 {
		l.problems.Append(problems)
		return
	}
	l.checkTextFile(rel)
	a := &Asset{Src: rel, URL: url, Size: info.Size()}
	l.site.assets[rel] = a
	l.site.Assets = append(l.site.Assets, *a)
}

// assetURL gives the address of a file: under static/ as it is; elsewhere
// with every name made a clean, lowercase slug, as pages are.
func assetURL(rel string) (string, bool) {
	if s, ok := strings.CutPrefix(rel, staticDir+"/"); ok {
		return s, true
	}
	parts := strings.Split(rel, "/")
	for i, part := range parts {
		if i == len(parts)-1 {
			ext := strings.ToLower(path.Ext(part))
			part = slug.Make(strings.TrimSuffix(part, path.Ext(part))) + ext
			if part == ext {
				return "", false
			}
		} else if part = slug.Make(part); part == "" {
			return "", false
		}
		parts[i] = part
	}
	return strings.Join(parts, "/"), true
}

func (l *loader) page(rel string) {
	p := &Page{File: rel, Path: path.Join(l.dir, rel)}
	parts := strings.Split(rel, "/")
	name := strings.TrimSuffix(parts[len(parts)-1], path.Ext(parts[len(parts)-1]))
	var spec *model.SectionSpec
	if s, ok := model.Section(parts[0]); ok && len(parts) > 1 {
		spec = &s
		p.Section = s.Name
		parts = parts[1:]
	}
	var intro bool
	switch {
	case len(parts) == 1 && name == "_index":
		intro = true
	case len(parts) == 1:
		p.Slug = slug.Make(name)
	case len(parts) == 2 && parts[1] == bundleFile:
		p.Slug = slug.Make(parts[0])
	default:
		l.problems.Add(p.Path, 0, "halaman berada terlalu dalam di folder", "Simpan halaman sebagai bagian/nama.md atau bagian/nama/index.md.")
		return
	}
	if !intro && p.Slug == "" {
		l.problems.Add(p.Path, 0, "nama berkas tidak bisa dijadikan alamat", "Pakai huruf dan angka pada nama berkas, mis. kerja-bakti-rw-05.md.")
		return
	}
	switch {
	case p.Section == "" && intro:
		p.URL = ""
	case p.Section == "":
		p.URL = p.Slug + "/"
	case intro:
		p.URL = p.Section + "/"
	default:
		p.URL = p.Section + "/" + p.Slug + "/"
	}
	newFront, dateRequired := model.PlainNew, false
	if spec != nil && !intro {
		newFront, dateRequired = spec.New, spec.DateRequired
	}
	if !l.read(p, newFront(), dateRequired) {
		return
	}
	if p.Meta.Draft && !l.drafts {
		return
	}
	if !intro && !l.claim(p.URL, rel) {
		return
	}
	l.site.byFile[rel] = p
	switch {
	case p.Section == "" && intro:
		l.site.Home = p
	case p.Section == "":
		l.site.Plain = append(l.site.Plain, p)
	case intro:
		l.site.section(p.Section).Intro = p
	default:
		l.site.section(p.Section).Pages = append(l.site.section(p.Section).Pages, p)
	}
}

// read parses the page's file into p; it reports false when the page
// cannot be used at all.
func (l *loader) read(p *Page, front model.Front, dateRequired bool) bool {
	data, size, err := readPage(l.root, path.Join(l.dir, p.File))
	if err != nil {
		l.problems.Add(p.Path, 0, "berkas tidak dapat dibaca", "Tautan simbolik ke luar folder content/ tidak diizinkan.")
		return false
	}
	if size > MaxPageBytes {
		l.problems.Add(p.Path, 0, fmt.Sprintf("berkas terlalu besar (%d KB; paling besar %d KB)", size>>10, MaxPageBytes>>10), "Pecah tulisan menjadi beberapa halaman; taruh data besar sebagai dokumen di static/.")
		return false
	}
	data = frontmatter.DropControls(frontmatter.NormalizeNewlines(data))
	if !utf8.Valid(data) {
		l.problems.Add(p.Path, frontmatter.InvalidUTF8Line(data), "berkas bukan teks UTF-8", "Simpan ulang berkas dengan pengodean UTF-8 (pilihan \"UTF-8\" di editor teks).")
		return false // never published: a browser would show the bytes as garbage or worse
	}
	l.checkPrivacy(p.Path, data)
	file, err := frontmatter.Split(data)
	if err != nil {
		hint := "Awali berkas dengan baris '---', lalu kunci-kuncinya, lalu tutup dengan baris '---'."
		if err == frontmatter.ErrUnclosed {
			hint = "Tambahkan baris '---' setelah kunci terakhir, sebelum isi tulisan."
		}
		l.problems.Add(p.Path, 1, err.Error(), hint)
		return false
	}
	pos, refs, problems := frontmatter.Decode(p.Path, file, front)
	l.problems.Append(problems)
	if pos == nil {
		return false // not YAML at all: nothing more to say about this file
	}
	p.Front, p.Meta, p.Pos, p.Refs = front, front.Base(), pos, refs
	p.Body, p.BodyLine = file.Body, file.BodyLine
	if c, ok := front.(model.SelfChecker); ok {
		// A key the decoder refused is left empty; what Check would say
		// about it again at the same line adds nothing.
		said := map[int]bool{}
		for _, pr := range problems {
			said[pr.Line] = true
		}
		for _, is := range c.Check() {
			if line := pos.Line(is.Key); !said[line] {
				l.problems.Add(p.Path, line, is.Message, is.Hint)
			}
		}
	}
	if dateRequired && p.Meta.Date.IsZero() && pos["date"] == 0 {
		l.problems.Add(p.Path, pos.Line(""), "kunci \"date\" wajib diisi", "Tulis tanggal terbit, mis. date: 2026-11-05.")
	}
	for i, name := range p.Meta.Tags {
		s := slug.Make(name)
		if s == "" {
			l.problems.Add(p.Path, pos.Line(fmt.Sprintf("tags.%d", i)), fmt.Sprintf("tag %q tidak bisa dijadikan alamat", name), "Pakai huruf atau angka, mis. kesehatan.")
			continue
		}
		l.checkTagAddress(p.Path, pos.Line(fmt.Sprintf("tags.%d", i)), name, s)
		if !slices.ContainsFunc(p.Tags, func(t Tag) bool { return t.Slug == s }) {
			p.Tags = append(p.Tags, Tag{Name: strings.TrimSpace(name), Slug: s})
		}
	}
	return len(problems) == 0 || p.Meta.Title != ""
}

// readPage reads a Markdown file, but never more than MaxPageBytes+1 bytes
// of it, so that a huge file costs no more memory than the limit. It
// returns the file's size, which exceeds MaxPageBytes when the file is too
// large to use.
func readPage(fsys fs.FS, name string) ([]byte, int64, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxPageBytes+1))
	if err != nil {
		return nil, 0, err
	}
	size := int64(len(data))
	if info, err := f.Stat(); err == nil && info.Size() > size {
		size = info.Size()
	}
	return data, size, nil
}

func (s *Site) section(name string) *Section {
	for _, sec := range s.Sections {
		if sec.Name == name {
			return sec
		}
	}
	panic("content: unknown section " + name)
}

// finish sorts everything into a stable order: newest first within a
// section (ties by URL), plain pages and assets by URL.
func (s *Site) finish() {
	for _, sec := range s.Sections {
		slices.SortFunc(sec.Pages, func(a, b *Page) int {
			return cmp.Or(b.Meta.Date.Compare(a.Meta.Date.Time), cmp.Compare(a.URL, b.URL))
		})
	}
	slices.SortFunc(s.Plain, func(a, b *Page) int { return cmp.Compare(a.URL, b.URL) })
	slices.SortFunc(s.Assets, func(a, b Asset) int { return cmp.Compare(a.URL, b.URL) })
	s.byURL = map[string]*Page{}
	for _, p := range s.Pages() {
		s.byURL[p.URL] = p
	}
}

// Hold takes out of the site's sections every page dated after now, and
// returns them, soonest first: a page whose date is in the future is
// published when its time comes. Pages without a date, intros, plain pages
// and the home page are never held.
func (s *Site) Hold(now time.Time) []*Page {
	var held []*Page
	for _, sec := range s.Sections {
		sec.Pages = slices.DeleteFunc(sec.Pages, func(p *Page) bool {
			if p.Meta.Date.After(now) {
				held = append(held, p)
				return true
			}
			return false
		})
	}
	slices.SortFunc(held, func(a, b *Page) int {
		return cmp.Or(a.Meta.Date.Compare(b.Meta.Date.Time), cmp.Compare(a.Path, b.Path))
	})
	s.Held = append(s.Held, held...)
	return held
}

// Section returns the named section.
func (s *Site) Section(name string) *Section { return s.section(name) }

// Pages returns every page of the site: home, plain pages, then each
// section's intro and pages.
func (s *Site) Pages() []*Page {
	var all []*Page
	if s.Home != nil {
		all = append(all, s.Home)
	}
	all = append(all, s.Plain...)
	for _, sec := range s.Sections {
		if sec.Intro != nil {
			all = append(all, sec.Intro)
		}
		all = append(all, sec.Pages...)
	}
	return all
}
