package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Pasted text. Volunteers paste from WhatsApp, Word and news sites, where a
// paragraph ends with one line break; in Markdown one line break joins two
// lines into one paragraph, so a pasted article would read as one wall of
// text. pasteTransformer reads each top-level paragraph (not a list, quote,
// table, heading or code, which goldmark has already told apart) the way
// it was meant:
//
//   - When most of a paragraph's line breaks follow the end of a sentence
//     (. ! ? : … or an emoji, perhaps followed by a closing quote, bracket
//     or * _ ~), it was pasted: a break between a sentence's end and a new
//     one (a capital letter, a digit, a quote, an emoji) starts a new
//     paragraph, a line that is only a link stands alone (so a pasted video
//     link becomes an embed), and every other break stays a line break
//     (<br>), as in "Kepada Yth.\nWarga RW 05".
//   - Otherwise it is hard-wrapped Markdown written on purpose (lines
//     broken mid-sentence) and is left as it is.
//   - In either kind, a line that starts like a hand-typed list item that
//     Markdown does not know ("a. ", "b) ", "2. " after other text) keeps
//     its own line.
//
// Lists typed with • · ▪ ◦ (and Word's private-use bullets) are made real
// lists by listBullets before parsing.
type pasteTransformer struct{}

// Transform splits the document's pasted paragraphs.
func (pasteTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var paras []*ast.Paragraph
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		switch n := c.(type) {
		case *ast.Paragraph:
			paras = append(paras, n)
		case *ast.List:
			if p := endTypedList(doc, n, src); p != nil {
				paras = append(paras, p)
			}
		}
	}
	for _, p := range paras {
		splitPasted(doc, p, src)
	}
}

// splitPasted splits p where its lines say so, inserting the new
// paragraphs after it. It is linear in p's lines and children: a pasted
// article of a thousand paragraphs costs no more than reading it.
func splitPasted(doc *ast.Document, p *ast.Paragraph, src []byte) {
	// A copy: SetLines below overwrites the paragraph's own segments.
	lines := text.NewSegments()
	lines.AppendAll(p.Lines().Sliced(0, p.Lines().Len()))
	n := lines.Len()
	if n < 2 {
		return
	}
	ends := 0
	for i := range n - 1 {
		if endsSentence(lineText(lines, i, src)) {
			ends++
		}
	}
	pasted := ends*2 >= n-1
	var children []ast.Node
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		children = append(children, c)
	}
	target, first := ast.Node(p), 0 // the paragraph being filled and its first line
	cur := 0
	for _, c := range children {
		if target != p {
			p.RemoveChild(p, c)
			target.AppendChild(target, c)
		}
		t, ok := c.(*ast.Text)
		if !ok || !t.SoftLineBreak() {
			continue
		}
		for cur < n && t.Segment.Stop > lines.At(cur).Stop {
			cur++
		}
		if cur+1 >= n {
			continue
		}
		this, next := lineText(lines, cur, src), lineText(lines, cur+1, src)
		switch {
		case pasted && (endsSentence(this) && startsSentence(next) || bareURL(this) || bareURL(next)):
			t.SetSoftLineBreak(false)
			setLines(target, lines, first, cur+1)
			np := ast.NewParagraph()
			doc.InsertAfter(doc, target, np)
			target, first = np, cur+1
		case pasted || listMarker.MatchString(next):
			t.SetSoftLineBreak(false)
			t.SetHardLineBreak(true)
		}
	}
	setLines(target, lines, first, n)
}

// endTypedList ends a list typed with bullets (see listBullets) at the
// first line after its last item that is not indented: in Markdown that
// line would go on the last item ("lazy continuation"); pasted from
// WhatsApp or Word it is the next paragraph. It returns that paragraph,
// now after the list, or nil.
func endTypedList(doc *ast.Document, list *ast.List, src []byte) *ast.Paragraph {
	if list.Marker != typedMarker || list.LastChild() == nil {
		return nil
	}
	block := list.LastChild().LastChild()
	if block == nil || (block.Kind() != ast.KindTextBlock && block.Kind() != ast.KindParagraph) {
		return nil
	}
	lines := text.NewSegments()
	lines.AppendAll(block.Lines().Sliced(0, block.Lines().Len()))
	cur := 0
	for c := block.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok || !t.SoftLineBreak() {
			continue
		}
		for cur < lines.Len() && t.Segment.Stop > lines.At(cur).Stop {
			cur++
		}
		if cur+1 >= lines.Len() {
			return nil
		}
		if next := lines.At(cur + 1); next.Start > 0 && src[next.Start-1] != '\n' {
			continue // indented: it does belong to the item
		}
		t.SetSoftLineBreak(false)
		p := ast.NewParagraph()
		for m := t.NextSibling(); m != nil; {
			after := m.NextSibling()
			block.RemoveChild(block, m)
			p.AppendChild(p, m)
			m = after
		}
		setLines(block, lines, 0, cur+1)
		setLines(p, lines, cur+1, lines.Len())
		doc.InsertAfter(doc, list, p)
		return p
	}
	return nil
}

// setLines gives a paragraph lines [from, to) of the original.
func setLines(n ast.Node, lines *text.Segments, from, to int) {
	s := text.NewSegments()
	s.AppendAll(lines.Sliced(from, to))
	n.SetLines(s)
}

func lineText(lines *text.Segments, i int, src []byte) string {
	seg := lines.At(i)
	return strings.TrimSpace(string(seg.Value(src)))
}

// listMarker matches a hand-typed list item Markdown does not know: a
// letter with a dot or bracket, or a number with a dot after other text
// (Markdown lets only "1." interrupt a paragraph).
var listMarker = regexp.MustCompile(`^(\(?[a-zA-Z]|\(?\d{1,2})[.)]\s`)

// closers may follow a sentence's last mark; openers may precede a new
// sentence's first letter.
const (
	closers = `"'”’)]»*_~`
	openers = `"'“‘([«*_~`
)

func endsSentence(line string) bool {
	line = strings.TrimRight(line, closers+" ")
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?:…", r) || isEmoji(r)
}

func startsSentence(line string) bool {
	line = strings.TrimLeft(line, openers)
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isEmoji(r)
}

// isEmoji tells pictographs and symbols (🙏, ✅, ☎) apart from letters and
// punctuation.
func isEmoji(r rune) bool {
	return r >= 0x1F000 || unicode.Is(unicode.So, r)
}

func bareURL(line string) bool {
	return (strings.HasPrefix(line, "https://") || strings.HasPrefix(line, "http://")) && !strings.ContainsAny(line, " \t")
}

// bullets are the list marks people type or paste from Word, each with a
// Markdown mark of the same length in bytes, so that every offset, and
// every line a problem is reported at, stays the same.
// The mark is "+", which people who write Markdown rarely use, so that
// endTypedList can tell these lists apart.
var bullets = []struct{ mark, md string }{
	{"•", "+  "}, {"▪", "+  "}, {"◦", "+  "}, {"●", "+  "}, {"‣", "+  "}, {"⁃", "+  "},
	{"\uf0b7", "+  "}, {"\uf0a7", "+  "}, // Word's Symbol-font bullets
	{"·", "+ "},
}

const typedMarker = '+'

// listBullets returns src with each line that starts with one of bullets
// (outside fenced and indented code) given a Markdown list mark instead,
// so that a list typed with • renders as a list. It returns src itself
// when there is nothing to change.
func listBullets(src []byte) []byte {
	var out []byte
	fence := ""
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		line := src[off : off+end]
		trimmed := bytes.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		switch {
		case fence != "":
			if bytes.HasPrefix(trimmed, []byte(fence)) {
				fence = ""
			}
		case bytes.HasPrefix(trimmed, []byte("```")), bytes.HasPrefix(trimmed, []byte("~~~")):
			fence = string(trimmed[:3])
		case indent < 4:
			for _, b := range bullets {
				rest, ok := bytes.CutPrefix(trimmed, []byte(b.mark))
				if !ok || bytes.HasPrefix(rest, []byte("   ")) {
					continue
				}
				if out == nil {
					out = bytes.Clone(src)
				}
				copy(out[off+indent:], b.md)
				break
			}
		}
		off += end + 1
	}
	if out == nil {
		return src
	}
	return out
}

// WhatsApp formatting. In WhatsApp *tebal* is bold, _miring_ italic and
// ~coret~ struck through; in Markdown *tebal* is italic. A page whose
// author never writes Markdown's bold (** or __) and still uses *x* is far
// more likely pasted from WhatsApp, where the volunteers live, than an
// author who knows Markdown and wants asterisks for italics (and who can
// write _x_, which reads the same in both). So on such a page *x* is bold;
// on a page with ** or __ anywhere, Markdown's meaning holds. _x_ is
// italic and ~x~ struck through in both.
type whatsAppTransformer struct{}

// Transform makes single-asterisk emphasis bold on WhatsApp-style pages.
func (whatsAppTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	if bytes.Contains(src, []byte("**")) || bytes.Contains(src, []byte("__")) {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		e, ok := n.(*ast.Emphasis)
		if entering && ok && e.Level == 1 && delimiter(e, src) == '*' {
			e.Level = 2
		}
		return ast.WalkContinue, nil
	})
}

// delimiter returns the character that opened an emphasis: the one before
// its first text, past the marks of what it holds ("*[tautan](x)*",
// "*_x_*").
func delimiter(e *ast.Emphasis, src []byte) byte {
	for c := ast.Node(e); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			i := t.Segment.Start - 1
			for i > 0 && strings.IndexByte("[_~", src[i]) >= 0 {
				i--
			}
			if i < 0 {
				return 0
			}
			return src[i]
		}
	}
	return 0
}
