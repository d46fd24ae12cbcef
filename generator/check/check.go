// Package check holds the checks that "kimsite check" runs on top of the
// build's own validation: mistakes that do not stop a build but that a
// reviewer would want fixed before a pull request is merged.
//
// It takes a loaded content.Site (after the markdown stage) and gives
// problems: errors for what is wrong (a link to an anchor that does not
// exist, an identity number in a published data file), warnings for what
// is probably unintended (a photo too heavy for residents' phones, alt
// text that says nothing, a post dated in the future, two pages with the
// same title, a title or summary too long for a WhatsApp preview, a
// "Baca Juga" line pasted from a news site without its link).
package check

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/images"
	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/markdown"
	"github.com/kotamalang/kimsite/generator/safeurl"
	"github.com/kotamalang/kimsite/generator/slug"
)

// Limits behind the warnings.
const (
	// MaxImageBytes is the size above which a photo is too heavy for a
	// resident's phone on a prepaid data plan.
	MaxImageBytes = 1 << 20
	// MaxTitle and MaxSummary are what a WhatsApp or Facebook share
	// preview shows before cutting the text off, in characters.
	MaxTitle   = 70
	MaxSummary = 160
)

// Options configure a Checker.
type Options struct {
	// Now is the clock that tells future-dated posts; time.Now when nil.
	Now func() time.Time
	// Theme is the theme's files, whose layouts give every page some
	// anchors of their own (#isi, #klaim, ...); none when nil.
	Theme fs.FS
	// Root is the repository, for reading published data files; data
	// files are not checked when nil.
	Root fs.FS
}

// Checker runs the extra checks. It is safe for concurrent use.
type Checker struct {
	now         func() time.Time
	md          goldmark.Markdown
	themeAnchor []string
	root        fs.FS
}

// New returns a Checker.
func New(opts Options) *Checker {
	c := &Checker{now: opts.Now, root: opts.Root}
	if c.now == nil {
		c.now = time.Now
	}
	// The same extensions and heading ids as the markdown stage, so that
	// the anchors found here are the ones pages have.
	c.md = goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	if opts.Theme != nil {
		c.themeAnchor = themeAnchors(opts.Theme)
	}
	return c
}

var literalID = regexp.MustCompile(`\bid="([A-Za-z][\w-]*)"`)

// themeAnchors lists the ids the theme's layouts write literally.
func themeAnchors(theme fs.FS) []string {
	var ids []string
	files, _ := fs.Glob(theme, "layouts/*.templ")
	for _, f := range files {
		data, err := fs.ReadFile(theme, f)
		if err != nil {
			continue
		}
		for _, m := range literalID.FindAllSubmatch(data, -1) {
			ids = append(ids, string(m[1]))
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Site runs every extra check on one site.
func (c *Checker) Site(site *content.Site) diag.List {
	var problems diag.List
	docs := map[*content.Page]*parsed{}
	for _, p := range site.Pages() {
		docs[p] = c.parse(p)
	}
	for _, p := range site.Pages() {
		problems.Append(c.anchors(site, p, docs))
		problems.Append(altTexts(p, docs[p]))
		problems.Append(c.dates(p))
		problems.Append(lengths(p))
		problems.Append(readAlso(p, docs[p]))
	}
	problems.Append(duplicateTitles(site))
	problems.Append(heavyImages(site))
	problems.Append(c.gpsPhotos(site))
	return problems
}

// parsed is a page's Markdown as an AST, with what the checks need.
type parsed struct {
	doc   ast.Node
	src   []byte
	lines []int // byte offsets where lines start
	ids   []string
}

func (c *Checker) parse(p *content.Page) *parsed {
	pd := &parsed{src: p.Body, lines: []int{0}}
	for i, b := range p.Body {
		if b == '\n' {
			pd.lines = append(pd.lines, i+1)
		}
	}
	if !markdown.Tractable(p.Body) {
		// The markdown stage refused this body (and reported it): parsing
		// it again here would take the minutes its limits prevent.
		pd.doc = ast.NewDocument()
		return pd
	}
	pd.doc = c.md.Parser().Parse(text.NewReader(p.Body))
	_ = ast.Walk(pd.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if id, ok := h.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					pd.ids = append(pd.ids, string(b))
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return pd
}

// line gives the file line of a node of the page's body.
func (pd *parsed) line(p *content.Page, n ast.Node) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	for q := n; off < 0 && q != nil; q = q.Parent() {
		if q.Type() == ast.TypeBlock && q.Lines().Len() > 0 {
			off = q.Lines().At(0).Start
		}
	}
	i, found := slices.BinarySearch(pd.lines, max(off, 0))
	if !found {
		i--
	}
	return p.BodyLine + i
}

// anchors checks every link to a part of a page ("#jadwal",
// "../berita/x.md#jadwal") against the headings of the target page.
func (c *Checker) anchors(site *content.Site, p *content.Page, docs map[*content.Page]*parsed) diag.List {
	var problems diag.List
	pd := docs[p]
	_ = ast.Walk(pd.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		link, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := string(link.Destination)
		ref, frag, hasFrag := strings.Cut(dest, "#")
		if !hasFrag || frag == "" || !safeurl.IsRelative(dest) {
			return ast.WalkContinue, nil
		}
		target := p
		if ref != "" {
			file, err := content.Resolve(p.File, ref)
			if err != nil || !strings.EqualFold(path.Ext(file), ".md") {
				return ast.WalkContinue, nil
			}
			if target = site.PageAt(file); target == nil {
				return ast.WalkContinue, nil // the markdown stage reports it
			}
		}
		ids := append(slices.Clone(docs[target].ids), c.themeAnchor...)
		if slices.Contains(ids, frag) {
			return ast.WalkContinue, nil
		}
		hint := "Halaman itu belum punya judul bagian (## ...)."
		if len(docs[target].ids) > 0 {
			hint = "Jangkar yang ada: #" + strings.Join(docs[target].ids, ", #") + "."
			if s := diag.Suggest(frag, docs[target].ids); s != "" {
				hint = fmt.Sprintf("Maksudnya #%s? %s", s, hint)
			}
		}
		problems.Add(p.Path, pd.line(p, link), fmt.Sprintf("tautan %q menuju bagian #%s yang tidak ada di %s", dest, frag, target.Path), hint)
		return ast.WalkContinue, nil
	})
	return problems
}

// vagueAlt are alt texts that tell a blind reader nothing.
var vagueAlt = []string{"foto", "gambar", "image", "img", "photo", "picture", "pic", "logo", "dokumentasi", "ilustrasi"}

// saysNothing reports whether an alt text is a file name or a vague word.
func saysNothing(alt string) bool {
	a := strings.ToLower(strings.TrimSpace(alt))
	if a == "" {
		return false // missing alt text is the build's error
	}
	if slices.Contains(vagueAlt, strings.TrimRight(a, " .0123456789")) {
		return true
	}
	ext := path.Ext(a)
	return slices.Contains(content.ImageExts, ext) && !strings.Contains(a, " ")
}

// altTexts warns about alt texts that describe nothing.
func altTexts(p *content.Page, pd *parsed) diag.List {
	var problems diag.List
	hint := "Jelaskan apa yang tampak di foto, mis. \"Ibu-ibu PKK menimbang balita di posyandu RW 02\"."
	if saysNothing(p.Meta.ImageAlt) {
		problems.Warn(p.Path, p.Pos.Line("image_alt"), fmt.Sprintf("keterangan gambar %q tidak menjelaskan isi foto", p.Meta.ImageAlt), hint)
	}
	_ = ast.Walk(pd.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		var alt bytes.Buffer
		for c := img.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				alt.Write(t.Segment.Value(pd.src))
			}
		}
		if saysNothing(alt.String()) {
			problems.Warn(p.Path, pd.line(p, img), fmt.Sprintf("teks alternatif %q tidak menjelaskan isi gambar %s", alt.String(), img.Destination), hint)
		}
		return ast.WalkContinue, nil
	})
	return problems
}

// dates says when a page dated after now will appear: the build holds it
// back until then, and a mistyped year would hide it unseen.
func (c *Checker) dates(p *content.Page) diag.List {
	var problems diag.List
	if d := p.Meta.Date.Time; !d.IsZero() && d.After(c.now()) && p.Section != "" {
		when := locale.DateTime(d)
		if p.Meta.Date.DateOnly {
			when = locale.Date(d) // from midnight WIB
		}
		problems.Warn(p.Path, p.Pos.Line("date"), fmt.Sprintf("belum terbit: akan terbit %s", when),
			"Halaman bertanggal masa depan terbit sendiri saat waktunya tiba. Bila bukan itu maksudnya, periksa tahun dan bulan pada \"date\".")
	}
	return problems
}

// lengths warns about titles and summaries a share preview cuts off.
func lengths(p *content.Page) diag.List {
	var problems diag.List
	if n := utf8.RuneCountInString(p.Meta.Title); n > MaxTitle {
		problems.Warn(p.Path, p.Pos.Line("title"), fmt.Sprintf("judul %d huruf, lebih dari %d; pratinjau WhatsApp akan memotongnya", n, MaxTitle),
			"Persingkat judul; rincian bisa masuk ke summary atau isi.")
	}
	if n := utf8.RuneCountInString(p.Meta.Summary); n > MaxSummary {
		problems.Warn(p.Path, p.Pos.Line("summary"), fmt.Sprintf("ringkasan %d huruf, lebih dari %d; pratinjau WhatsApp akan memotongnya", n, MaxSummary),
			"Ringkas menjadi satu atau dua kalimat.")
	}
	return problems
}

// duplicateTitles warns about two pages of a section whose titles give the
// same slug: usually a page copied and not yet changed. (Two files at the
// same address are already the build's error.)
func duplicateTitles(site *content.Site) diag.List {
	var problems diag.List
	for _, sec := range site.Sections {
		seen := map[string]*content.Page{}
		for _, p := range slices.SortedFunc(slices.Values(sec.Pages), func(a, b *content.Page) int { return strings.Compare(a.Path, b.Path) }) {
			s := slug.Make(p.Meta.Title)
			if first, dup := seen[s]; dup && s != "" {
				problems.Warn(p.Path, p.Pos.Line("title"), fmt.Sprintf("judulnya sama dengan %s", first.Path),
					"Bila ini salinan, ganti judulnya; bila tulisannya sama, hapus salah satunya.")
				continue
			}
			seen[s] = p
		}
	}
	return problems
}

// heavyImages warns about photos too heavy for residents' phones.
func heavyImages(site *content.Site) diag.List {
	var problems diag.List
	for _, a := range site.Assets {
		if a.Size > MaxImageBytes && slices.Contains(content.ImageExts, strings.ToLower(path.Ext(a.Src))) {
			problems.Warn(path.Join("content", site.Config.ID, a.Src), 0,
				fmt.Sprintf("foto berukuran %s, lebih dari %s: berat untuk ponsel warga", megabytes(a.Size), megabytes(MaxImageBytes)),
				"Perkecil foto sebelum diunggah, mis. lebar 1600 piksel, kualitas JPEG 80; banyak aplikasi galeri bisa melakukannya.")
		}
	}
	return problems
}

func megabytes(n int64) string {
	return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
}

// gpsPhotos warns about photos that record where they were taken. The
// published copy is cleaned (see images.Clean), but the original stays in
// the repository, whose history is public too.
func (c *Checker) gpsPhotos(site *content.Site) diag.List {
	var problems diag.List
	if c.root == nil {
		return nil
	}
	for _, a := range site.Assets {
		if !images.Cleanable(a.Src) {
			continue
		}
		p := path.Join("content", site.Config.ID, a.Src)
		if data, err := fs.ReadFile(c.root, p); err == nil && images.HasGPS(data) {
			problems.Warn(p, 0, "foto ini menyimpan lokasi GPS tempat foto diambil (sering kali rumah warga)",
				"Situs menerbitkan salinan tanpa lokasi, tetapi berkas aslinya tetap terbaca di repositori. Matikan lokasi di aplikasi kamera, lalu ganti berkas ini dengan foto yang dikirim ulang lewat WhatsApp atau disimpan ulang tanpa lokasi.")
		}
	}
	return problems
}

// readAlsoLine matches the lines news sites put between paragraphs to
// point at their other articles: "Baca Juga : ...", "BACA JUGA: ...",
// "Simak juga ...", "Artikel terkait: ...".
var readAlsoLine = regexp.MustCompile(`^(?i)[\s*_>]*(baca (juga|pula)|simak juga|artikel terkait)\b`)

// readAlso warns about "Baca Juga" lines pasted from a news site: their
// link did not come along, so residents read a headline that leads
// nowhere. A line with a link in it is left alone: someone wrote it.
func readAlso(p *content.Page, pd *parsed) diag.List {
	var problems diag.List
	_ = ast.Walk(pd.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != ast.KindParagraph {
			return ast.WalkContinue, nil
		}
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			line := seg.Value(pd.src)
			if !readAlsoLine.Match(line) || bytes.Contains(line, []byte("](")) || bytes.Contains(line, []byte("http")) {
				continue
			}
			l, found := slices.BinarySearch(pd.lines, seg.Start)
			if !found {
				l--
			}
			problems.Warn(p.Path, p.BodyLine+l, fmt.Sprintf("baris %q tersalin dari situs berita tanpa tautannya", strings.TrimSpace(string(line))),
				"Hapus baris ini. Bila ingin menautkan berita lain di situs ini, tulis mis. [Kerja bakti RW 05](../berita/kerja-bakti.md).")
		}
		return ast.WalkSkipChildren, nil
	})
	return problems
}
