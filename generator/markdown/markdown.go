// Package markdown renders page bodies to HTML with goldmark.
//
// It takes a loaded content.Site and gives each page its HTML. The goldmark
// instance is built once (GFM tables, strikethrough, autolinks, heading
// anchors) and raw HTML is never passed through. Every link and image is
// checked: a relative link to a .md file becomes that page's URL, a relative
// file becomes its published URL, an address of one of the site's pages
// copied from the browser becomes that page's URL, and an absolute URL must
// be http(s), mailto or tel. Problems carry the line of the file where the
// link stands, and a hint that names a path which resolves from that page.
// Text pasted from WhatsApp, Word or news sites reads as it was pasted
// (paste.go): single line breaks between sentences make paragraphs, typed
// bullets make lists, and WhatsApp's *bold* is bold on pages that do not
// use Markdown's **bold**.
// A body whose shape would make goldmark work for minutes (deep nesting,
// endless unclosed links; see limits.go) is refused before it is parsed.
package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/images"
	"github.com/kotamalang/kimsite/generator/safeurl"
)

// Renderer turns Markdown into HTML. It is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	key    parser.ContextKey
	images *images.Set
	ui     func(key string) string
}

// Option configures a Renderer.
type Option func(*Renderer)

// WithImages makes body images responsive: each is processed through set
// and gets srcset, sizes, width and height.
func WithImages(set *images.Set) Option { return func(r *Renderer) { r.images = set } }

// WithStrings gives the UI strings embeds show (the theme's strings.yaml).
func WithStrings(ui func(key string) string) Option { return func(r *Renderer) { r.ui = ui } }

// New builds the goldmark instance that every page shares.
func New(opts ...Option) *Renderer {
	r := &Renderer{key: parser.NewContextKey(), ui: func(key string) string { return key }}
	for _, o := range opts {
		o(r)
	}
	r.md = goldmark.New(
		// Table alignment as an attribute: the pages' CSP forbids style attributes.
		goldmark.WithExtensions(extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough, extension.Linkify, extension.TaskList),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			// Lower priorities run first: pasted paragraphs are split
			// before a paragraph that is only a link becomes an embed.
			parser.WithASTTransformers(util.Prioritized(pasteTransformer{}, 10), util.Prioritized(whatsAppTransformer{}, 20),
				util.Prioritized(&linkChecker{key: r.key}, 100), util.Prioritized(embedTransformer{}, 50)),
		),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(&embedRenderer{ui: r.ui}, 100))),
	)
	return r
}

// pageContext is what the link checker needs to know about the page it is in.
type pageContext struct {
	images   *images.Set
	site     *content.Site
	page     *content.Page
	problems diag.List
	lines    []int // byte offsets where body lines start
	// linkBytes adds up the lengths of the addresses checked; past
	// maxLinkBytes the checker stops (see Transform).
	linkBytes int
}

// Render renders the page's body, sets page.Content and page.Excerpt, and
// returns the problems found in its links and images.
func (r *Renderer) Render(site *content.Site, page *content.Page) (problems diag.List) {
	defer func() {
		// A parser bug on hostile input must cost one page, not the
		// build, and never show a volunteer a stack trace.
		if v := recover(); v != nil {
			problems.Add(page.Path, page.BodyLine, fmt.Sprintf("isi halaman tidak dapat diolah (%v)", v), "Sederhanakan bagian yang tidak biasa, lalu laporkan ke pengelola kimsite.")
		}
	}()
	page.BodyImages = nil
	pc := &pageContext{images: r.images, site: site, page: page, lines: lineStarts(page.Body)}
	if line, shape, depth := checkShape(page.Body); shape != shapeOK {
		pc.reportShape(line, shape, depth)
		page.Content, page.Excerpt = "", ""
		return pc.problems
	}
	ctx := parser.NewContext()
	ctx.Set(r.key, pc)
	// Bullets typed with • become Markdown's; offsets do not move.
	body := listBullets(page.Body)
	doc := r.md.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
	if pc.linkBytes > maxLinkBytes {
		pc.problems.Add(page.Path, page.BodyLine, fmt.Sprintf("alamat tautan dan gambar di halaman ini terlalu panjang (lebih dari %d KB seluruhnya)", maxLinkBytes>>10),
			"Periksa tautan yang diulang-ulang dengan alamat yang sangat panjang; tulis alamat lengkap sekali saja.")
		page.Content, page.Excerpt = "", ""
		return pc.problems
	}
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&limitWriter{w: &buf, n: MaxHTMLBytes}, body, doc); err != nil {
		msg, hint := "isi halaman tidak dapat diolah", "Sederhanakan bagian yang tidak biasa, lalu laporkan ke pengelola kimsite."
		if errors.Is(err, errTooBig) {
			msg = fmt.Sprintf("halaman terlalu besar setelah diolah (lebih dari %d MB HTML)", MaxHTMLBytes>>20)
			hint = "Pecah tulisan menjadi beberapa halaman; periksa tautan atau tabel yang diulang-ulang."
		}
		pc.problems.Add(page.Path, page.BodyLine, msg, hint)
		page.Content, page.Excerpt = "", ""
		return pc.problems
	}
	page.Content = template.HTML(buf.String())
	page.Excerpt = excerpt(doc, body, 200)
	pc.problems.Append(checkRendered(site, page, buf.String()))
	return pc.problems
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// line gives the file line of a byte offset in the body.
func (pc *pageContext) line(offset int) int {
	i, found := slices.BinarySearch(pc.lines, offset)
	if !found {
		i--
	}
	return pc.page.BodyLine + i
}

type linkChecker struct{ key parser.ContextKey }

// Transform rewrites and checks every link and image of a document.
func (lc *linkChecker) Transform(doc *ast.Document, reader text.Reader, ctx parser.Context) {
	pc, ok := ctx.Get(lc.key).(*pageContext)
	if !ok {
		return
	}
	src := reader.Source()
	var refused []*ast.AutoLink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if pc.linkBytes += len(n.Destination) + len(n.Title); pc.linkBytes > maxLinkBytes {
				return ast.WalkStop, nil
			}
			n.Destination = pc.destination(n, string(n.Destination), false, src)
		case *ast.Image:
			if pc.linkBytes += len(n.Destination) + len(n.Title); pc.linkBytes > maxLinkBytes {
				return ast.WalkStop, nil
			}
			n.Destination = pc.destination(n, string(n.Destination), true, src)
		case *ast.AutoLink:
			if err := safeurl.CheckAbsolute(string(n.URL(src))); err != nil && n.AutoLinkType == ast.AutoLinkURL {
				pc.problems.Add(pc.page.Path, pc.line(offsetOf(n, src)), fmt.Sprintf("tautan %q ditolak: %v", n.URL(src), err), "")
				refused = append(refused, n)
			}
		}
		return ast.WalkContinue, nil
	})
	// A refused link never reaches the page, even in a build that
	// goes on (a preview): it stays as plain text.
	for _, n := range refused {
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewString(n.Label(src)))
	}
}

// destination checks one link or image destination and returns what the
// page should point at.
func (pc *pageContext) destination(n ast.Node, dest string, image bool, src []byte) []byte {
	report := func(msg, hint string) []byte {
		pc.problems.Add(pc.page.Path, pc.line(offsetOf(n, src)), msg, hint)
		return nil
	}
	if !safeurl.IsRelative(dest) {
		if err := safeurl.CheckAbsolute(dest); err != nil {
			return report(fmt.Sprintf("tautan %q ditolak: %v", dest, err), "Tautan ke situs lain ditulis lengkap, mis. https://malangkota.go.id/.")
		}
		if !image {
			if to, ok := pc.pageLink(n, dest, src); ok {
				return to
			}
		}
		return []byte(dest)
	}
	ref, fragment, _ := strings.Cut(dest, "#")
	if ref == "" {
		return []byte(dest) // an anchor in this page
	}
	if fragment != "" {
		fragment = "#" + fragment
	}
	file, err := content.Resolve(pc.page.File, ref)
	if err != nil {
		return report(fmt.Sprintf("tautan %q %v", dest, err), "Tautan ke halaman lain ditulis relatif, mis. ../umkm/warung-bu-sri.md.")
	}
	base := pc.site.Config.Path
	if strings.EqualFold(path.Ext(file), ".md") {
		if image {
			return report(fmt.Sprintf("gambar %q adalah halaman, bukan gambar", dest), "")
		}
		target := pc.site.PageAt(file)
		if target == nil {
			return report(fmt.Sprintf("tautan ke halaman %q yang tidak ada (dicari di %s)", dest, path.Join(path.Dir(pc.page.Path), ref)), pc.suggestPage(dest, file))
		}
		return []byte(base + target.URL + fragment)
	}
	a := pc.site.AssetAt(file)
	if a == nil && !image {
		if to, ok := pc.pageLink(n, dest, src); ok {
			return to
		}
	}
	if a == nil {
		hint := "Periksa ejaan dan huruf besar-kecil nama berkas, dan pastikan berkasnya ikut diunggah."
		if s := pc.site.SimilarAsset(file); s != "" {
			hint = fmt.Sprintf("Ganti `%s` dengan `%s`, nama berkas yang ada (huruf besar dan kecil dibedakan).", ref, linkPath(content.RelTo(pc.page.File, s, strings.HasPrefix(ref, "/"))))
		}
		where := path.Join("content", pc.site.Config.ID, file)
		if image {
			return report(fmt.Sprintf("gambar %q tidak ditemukan (dicari di %s)", dest, where), hint)
		}
		return report(fmt.Sprintf("berkas %q tidak ditemukan (dicari di %s)", dest, where), hint)
	}
	if image && !slices.Contains(content.ImageExts, strings.ToLower(path.Ext(file))) {
		return report(fmt.Sprintf("berkas %q bukan gambar JPEG, PNG, GIF atau WebP", dest), "")
	}
	if image && strings.TrimSpace(string(altText(n, src))) == "" {
		pc.problems.Add(pc.page.Path, pc.line(offsetOf(n, src)), fmt.Sprintf("gambar %q belum punya teks alternatif", dest), "Tulis keterangan isi gambar di antara kurung siku: ![Warga kerja bakti di RW 05](foto.jpg).")
	}
	if image && pc.images != nil {
		return pc.photo(n, file, dest, src)
	}
	return []byte(base + a.URL + fragment)
}

// pageLink reads dest as the published address of one of this site's
// pages, copied from the browser, and returns that page's URL. ok is false
// when dest does not look like a page address; a page address that names
// no page is reported.
func (pc *pageContext) pageLink(n ast.Node, dest string, src []byte) (to []byte, ok bool) {
	ref, fragment, _ := strings.Cut(dest, "#")
	if fragment != "" {
		fragment = "#" + fragment
	}
	urls, ok := content.PageURL(pc.site, pc.page.File, ref)
	if !ok {
		return nil, false
	}
	base := pc.site.Config.Path
	for _, u := range urls {
		if t := pc.site.PageByURL(u); t != nil {
			return []byte(base + t.URL + fragment), true
		}
		if content.GeneratedURL(u) {
			return []byte(base + u + fragment), true
		}
	}
	guess := strings.TrimSuffix(urls[0], "/") + ".md"
	pc.problems.Add(pc.page.Path, pc.line(offsetOf(n, src)), fmt.Sprintf("tautan ke halaman %q yang tidak ada di situs ini", dest), pc.suggestPage(dest, guess))
	return nil, true
}

// suggestPage names the page a broken link to file most likely meant, as a
// path written from this page, so that the hint applied resolves.
func (pc *pageContext) suggestPage(dest, file string) string {
	if s := pc.site.SimilarPage(file); s != "" {
		return fmt.Sprintf("Ganti `%s` dengan `%s`. Tautan ditulis relatif terhadap berkas ini.", dest, linkPath(content.RelTo(pc.page.File, s, false)))
	}
	return "Tautan ditulis relatif terhadap berkas ini, mis. " + content.RelTo(pc.page.File, "umkm/warung-bu-sri.md", false) + "."
}

// linkPath writes a path as a Markdown link may hold it: a space would end
// the link, so it is %20.
func linkPath(p string) string { return strings.ReplaceAll(p, " ", "%20") }

// offsetOf finds a byte offset of a node in the source: its first text, or
// failing that the first line of the block that holds it.
func offsetOf(n ast.Node, src []byte) int {
	var off = -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off >= 0 {
		return off
	}
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

func altText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b.Write(t.Segment.Value(src))
		}
	}
	return b.Bytes()
}

// excerpt returns the text of the first paragraph, cut at a word boundary
// to at most max bytes, for descriptions where the page has no summary.
func excerpt(doc ast.Node, src []byte, max int) string {
	var b strings.Builder
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != ast.KindParagraph {
			continue
		}
		_ = ast.Walk(c, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if t, ok := n.(*ast.Text); ok && entering {
				b.Write(t.Segment.Value(src))
				if t.SoftLineBreak() || t.HardLineBreak() {
					b.WriteByte(' ')
				}
			}
			return ast.WalkContinue, nil
		})
		break
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	if len(s) <= max {
		return s
	}
	cut := strings.LastIndexByte(s[:max], ' ')
	if cut < max/2 {
		cut = max
		for !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], ",.;:") + "…"
}
