package wordpress

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kotamalang/kimsite/generator/privacy"
	"github.com/kotamalang/kimsite/generator/safeurl"
)

// newMarkdown builds the HTML-to-Markdown converter: CommonMark with GFM
// tables and strikethrough. Lists are not separated by HTML comments,
// which the markdown stage would drop.
func newMarkdown() *htmltomarkdown.Converter {
	return htmltomarkdown.NewConverter(htmltomarkdown.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(commonmark.WithListEndComment(false)),
		table.NewTablePlugin(table.WithCellPaddingBehavior(table.CellPaddingBehaviorMinimal), table.WithHeaderPromotion(true)),
		strikethrough.NewStrikethroughPlugin(),
	))
}

// conv converts one item's body. It records the files the body uses and
// the problems it finds.
type conv struct {
	imp      *importer
	item     *Item
	file     string // the page's file in the site folder, "" in the first pass
	emb      embeds
	captions []string
	files    []media // local files the page shows or links, to copy beside it
	problems []Problem
	draft    bool // something was removed that a person must look at
}

func (c *conv) warn(msg, hint string) {
	c.problems = append(c.problems, Problem{Message: msg, Hint: hint})
}

// hold records a problem serious enough that the page is written as a
// draft: it does not publish until a person has looked at it.
func (c *conv) hold(msg, hint string) {
	c.draft = true
	c.problems = append(c.problems, Problem{Message: msg, Hint: hint, Draft: true})
}

// markdown converts the item's HTML body.
func (c *conv) markdown(s string) string {
	gutenberg := strings.Contains(s, "<!-- wp:")
	s = c.shortcodes(s)
	s = c.bareLinks(s)
	if !gutenberg {
		s = autop(s)
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		c.hold("isi tulisan tidak dapat dibaca sebagai HTML", "Salin isinya dengan tangan dari situs lama.")
		return ""
	}
	for _, n := range nodes {
		ctx.AppendChild(n)
	}
	c.clean(ctx)
	var b strings.Builder
	for n := ctx.FirstChild; n != nil; n = n.NextSibling {
		_ = html.Render(&b, n)
	}
	md, err := c.imp.md.ConvertString(b.String())
	if err != nil {
		c.hold("isi tulisan tidak dapat diubah ke Markdown: "+err.Error(), "Salin isinya dengan tangan dari situs lama.")
		return ""
	}
	md = c.emb.restore(md)
	md = c.private(md)
	md = tidy(md)
	c.rawHTML(md)
	return md
}

// rawHTML reports HTML left in the Markdown: the markdown stage never
// shows it, so a reader would miss whatever it held.
func (c *conv) rawHTML(md string) {
	src := []byte(md)
	doc := c.imp.gm.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var raw string
		switch n := n.(type) {
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				s := n.Segments.At(i)
				raw += string(s.Value(src))
			}
		case *ast.HTMLBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				s := n.Lines().At(i)
				raw += string(s.Value(src))
			}
		default:
			return ast.WalkContinue, nil
		}
		c.warn(fmt.Sprintf("HTML %q tertinggal di Markdown dan tidak akan tampil", strings.TrimSpace(raw)), "Tulis ulang bagian itu dengan Markdown biasa.")
		return ast.WalkSkipChildren, nil
	})
}

var blankLines = regexp.MustCompile(`\n{3,}`)

// tidy trims the converter's output. A line break inside a paragraph
// (WordPress's <br>) is written as a backslash at the line's end rather
// than two spaces, which editors remove without anyone noticing.
func tidy(md string) string {
	lines := strings.Split(md, "\n")
	fence := false
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "```") {
			fence = !fence
		}
		if fence {
			continue
		}
		hard := strings.HasSuffix(l, "  ") && strings.TrimSpace(l) != "" && i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != ""
		lines[i] = strings.TrimRight(l, " \t")
		if hard {
			lines[i] += "\\"
		}
	}
	md = blankLines.ReplaceAllString(strings.Join(lines, "\n"), "\n\n")
	if md = strings.TrimSpace(md); md == "" {
		return ""
	}
	return md + "\n"
}

// private masks identity numbers: they must never reach the repository,
// where even a draft is public. The page is held as a draft so that a
// person decides what the text should say instead.
func (c *conv) private(s string) string {
	ms := privacy.FindIDNumbers(s)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		end := m.Offset
		for n := 0; end < len(s) && n < 16; end++ {
			if s[end] >= '0' && s[end] <= '9' {
				n++
			}
		}
		s = s[:m.Offset] + privacy.Mask(m.Number) + s[end:]
	}
	if len(ms) > 0 {
		c.hold(fmt.Sprintf("%d nomor yang mirip NIK/KK disamarkan (mis. %s)", len(ms), privacy.Mask(ms[0].Number)),
			"Nomor identitas warga tidak boleh terbit. Periksa kalimatnya, hapus nomornya, lalu hapus baris draft: true.")
	}
	return s
}

// clean walks the parsed body: it resolves images and links, turns known
// players into embeds, and removes what kimsite would refuse, reporting
// each removal.
func (c *conv) clean(n *html.Node) {
	for k := n.FirstChild; k != nil; {
		next := k.NextSibling
		if k.Type == html.ElementNode {
			c.element(k)
		}
		k = next
	}
}

func (c *conv) element(n *html.Node) {
	switch n.DataAtom {
	case atom.Script:
		c.hold("skrip (<script>) dihapus", "Skrip tidak boleh ada di halaman. Bila isinya widget (mis. formulir), ganti dengan tautan biasa.")
		n.Parent.RemoveChild(n)
		return
	case atom.Style, atom.Noscript, atom.Form, atom.Input, atom.Button, atom.Select, atom.Textarea:
		n.Parent.RemoveChild(n)
		if n.DataAtom == atom.Form {
			c.warn("formulir dihapus", "Situs statis tidak menerima isian; ganti dengan nomor WhatsApp atau tautan Google Form.")
		}
		return
	case atom.Iframe, atom.Embed, atom.Object, atom.Video, atom.Audio:
		c.player(n)
		return
	case atom.Img:
		c.image(n)
		return
	case atom.A:
		keep := c.link(n)
		c.clean(n)
		if !keep {
			unwrap(n)
		}
		return
	case atom.Td, atom.Th:
		flattenCell(n)
	}
	for _, a := range n.Attr {
		if strings.HasPrefix(strings.ToLower(a.Key), "on") {
			// The converter drops attributes; reported so nobody wonders
			// where a button's behaviour went.
			c.warn(fmt.Sprintf("atribut skrip %s pada <%s> dihapus", a.Key, n.Data), "")
		}
	}
	c.clean(n)
}

// player turns an iframe, embed, object, video or audio element into an
// embed when it shows a service the theme embeds safely, into a link to
// the player's page otherwise, and removes it when its address is unsafe.
func (c *conv) player(n *html.Node) {
	src := attr(n, "src")
	if src == "" {
		src = attr(n, "data")
	}
	if src == "" {
		for k := n.FirstChild; k != nil && src == ""; k = k.NextSibling {
			if k.Type == html.ElementNode && k.DataAtom == atom.Source {
				src = attr(k, "src")
			}
		}
	}
	if strings.HasPrefix(src, "//") {
		src = "https:" + src
	}
	var repl string
	switch {
	case src == "":
		c.warn(fmt.Sprintf("<%s> tanpa alamat dihapus", n.Data), "")
	case embeddable(src):
		repl = c.emb.add(canonicalEmbed(src))
	case n.DataAtom == atom.Video || n.DataAtom == atom.Audio:
		repl = fmt.Sprintf(`<p><a href="%s">%s</a></p>`, html.EscapeString(src), mediaLabel(n.Data))
	case safeurl.CheckAbsolute(src) == nil:
		u, _ := url.Parse(src)
		c.warn(fmt.Sprintf("sisipan <%s> dari %s tidak didukung; diganti tautan", n.Data, u.Host),
			"kimsite hanya menyisipkan YouTube, Instagram dan OpenStreetMap. Periksa apakah tautannya masih berguna.")
		repl = fmt.Sprintf(`<p><a href="%s">Lihat konten dari %s</a></p>`, html.EscapeString(src), html.EscapeString(u.Host))
	default:
		c.hold(fmt.Sprintf("sisipan <%s> dengan alamat tidak aman %q dihapus", n.Data, src), "")
	}
	parent := n.Parent
	if repl != "" {
		frag, _ := html.ParseFragment(strings.NewReader(repl), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
		for _, f := range frag {
			parent.InsertBefore(f, n)
		}
	}
	parent.RemoveChild(n)
}

// embeddable reports whether the markdown stage embeds a link to src: a
// YouTube video, an Instagram post, an OpenStreetMap place.
func embeddable(src string) bool {
	u, err := url.Parse(src)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return false
	}
	host := strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."), "m.")
	switch host {
	case "youtube.com", "youtube-nocookie.com", "youtu.be", "instagram.com", "openstreetmap.org":
		return true
	}
	return false
}

// canonicalEmbed gives the plain link for a player's address: an
// Instagram embed's /embed/ suffix and a YouTube player's options go.
func canonicalEmbed(src string) string {
	u, err := url.Parse(src)
	if err != nil {
		return src
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	switch {
	case (host == "youtube.com" || host == "youtube-nocookie.com") && len(parts) == 2 && parts[0] == "embed":
		return "https://www.youtube.com/watch?v=" + parts[1]
	case host == "instagram.com" && len(parts) >= 2:
		return "https://www.instagram.com/" + parts[0] + "/" + parts[1] + "/"
	}
	return src
}

// flattenCell keeps a table cell on one line: GFM table cells cannot hold
// paragraphs or line breaks.
func flattenCell(n *html.Node) {
	for k := n.FirstChild; k != nil; {
		next := k.NextSibling
		if k.Type == html.ElementNode && (k.DataAtom == atom.P || k.DataAtom == atom.Br || k.DataAtom == atom.Div) {
			if k.DataAtom != atom.Br {
				for g := k.FirstChild; g != nil; {
					gn := g.NextSibling
					k.RemoveChild(g)
					n.InsertBefore(g, k)
					g = gn
				}
			}
			n.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, k)
			n.RemoveChild(k)
		}
		k = next
	}
}

// unwrap replaces an element by its children.
func unwrap(n *html.Node) {
	for k := n.FirstChild; k != nil; {
		next := k.NextSibling
		n.RemoveChild(k)
		n.Parent.InsertBefore(k, n)
		k = next
	}
	n.Parent.RemoveChild(n)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// image resolves a photo: a file found in the uploads is copied beside the
// page and shown from there; one that is not becomes a link to its old
// address, since a page may only show photos it carries.
func (c *conv) image(n *html.Node) {
	src := attr(n, "src")
	alt := attr(n, "alt")
	att, rel := c.imp.upload(src)
	if alt == "" && att != nil {
		alt = strings.TrimSpace(att.Meta["_wp_attachment_image_alt"])
	}
	if i, err := strconv.Atoi(attr(n, "data-kim-caption")); err == nil && alt == "" && i < len(c.captions) {
		alt = c.captions[i]
	}
	if alt == "" && att != nil {
		alt = strings.TrimSpace(att.Title)
	}
	if alt == "" {
		alt = "Foto " + strings.TrimSpace(c.item.Title)
		c.warn(fmt.Sprintf("foto %s tanpa teks alternatif; diisi %q", path.Base(src), alt), "Ganti dengan penjelasan isi foto untuk pembaca tunanetra.")
	}
	alt = strings.Join(strings.Fields(alt), " ")
	n.Attr = nil
	if rel != "" && imageExt(rel) {
		setAttr(n, "src", c.local(rel))
		setAttr(n, "alt", alt)
		return
	}
	abs := c.imp.absolute(src)
	if safeurl.CheckAbsolute(abs) != nil {
		c.hold(fmt.Sprintf("foto dengan alamat tidak aman %q dihapus", src), "")
		n.Parent.RemoveChild(n)
		return
	}
	c.imp.missing[abs] = true
	c.warn(fmt.Sprintf("foto %s tidak ada di folder unggahan; ditautkan ke alamat lamanya", abs),
		"Salin fotonya ke folder halaman ini dan ganti tautannya dengan ![keterangan](nama-foto.jpg), sebelum situs lama ditutup.")
	// A link, not an image: pages show only photos they carry.
	a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{{Key: "href", Val: abs}}}
	a.AppendChild(&html.Node{Type: html.TextNode, Data: "Foto: " + alt})
	if p := n.Parent; p.DataAtom == atom.A {
		// The photo was already a link (usually to itself): the outer link goes.
		p.Parent.InsertBefore(a, p)
		p.Parent.RemoveChild(p)
		return
	}
	n.Parent.InsertBefore(a, n)
	n.Parent.RemoveChild(n)
}

// link resolves a link: to a page of the old site, the page's new file; to
// a file in the uploads, a copy beside the page; elsewhere, as it is when
// safe. An unsafe link loses its address and keeps its text.
func (c *conv) link(n *html.Node) (keep bool) {
	href := attr(n, "href")
	n.Attr = nil
	if href == "" {
		return false
	}
	if strings.HasPrefix(href, "#") {
		setAttr(n, "href", href)
		return true
	}
	if strings.HasPrefix(href, "//") {
		href = "https:" + href
	}
	if _, rel := c.imp.upload(href); rel != "" {
		// A link around a photo that is itself copied goes to the photo.
		setAttr(n, "href", c.local(rel))
		return true
	}
	to := c.imp.pageFor(href)
	if to == draftLink {
		c.warn(fmt.Sprintf("tautan ke tulisan yang masih draf dihapus: %s; teksnya tetap", href), "Tambahkan lagi tautannya (mis. ../nama.md) setelah tulisan itu terbit.")
		return false
	}
	if to != "" {
		if c.file != "" {
			setAttr(n, "href", relative(c.file, to))
		} else {
			setAttr(n, "href", "#") // first pass: only the files matter
		}
		return true
	}
	abs := c.imp.absolute(href)
	if err := safeurl.CheckAbsolute(abs); err != nil {
		c.warn(fmt.Sprintf("tautan %q dihapus (%v); teksnya tetap", href, err), "")
		return false
	}
	if c.imp.oldSite(abs) && !strings.Contains(abs, uploadsMark) {
		c.warn(fmt.Sprintf("tautan ke situs lama %s tidak dikenali", abs), "Ganti dengan tautan ke halaman yang sesuai di situs ini, mis. ../berita/nama.md.")
	}
	setAttr(n, "href", abs)
	return true
}

// local records a file to copy beside the page and gives its name there.
func (c *conv) local(rel string) string {
	for _, m := range c.files {
		if m.src == rel {
			return m.name
		}
	}
	name := fileName(rel, c.files)
	c.files = append(c.files, media{src: rel, name: name})
	return name
}

// relative gives the link from one file of the site folder to another.
func relative(from, to string) string {
	f := strings.Split(path.Dir(from), "/")
	t := strings.Split(to, "/")
	if f[0] == "." {
		f = nil
	}
	i := 0
	for i < len(f) && i < len(t)-1 && f[i] == t[i] {
		i++
	}
	return strings.Repeat("../", len(f)-i) + strings.Join(t[i:], "/")
}
