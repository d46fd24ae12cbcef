package privacy

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A format says how a text is written, and so what of it a reader sees.
type format int

const (
	// plain text: every character is seen as it is.
	plain format = iota
	// markdown source: HTML tags, comments and entities as in HTML, and
	// the characters of inline markup (emphasis, code spans, escapes)
	// that a reader never sees.
	markdown
	// rendered HTML: only text is seen; block elements break lines, table
	// cells are apart, and the values of attributes that a reader sees or
	// that a URL carries (alt, title, href, src) are read too.
	htmlText
	// script: JSON or JavaScript, whose strings may write a character as
	// an escape ("\u0033", "\x33", "\u{33}"), which a program reads as it.
	script
)

// visible is a text as a reader reads it: digits of any script as ASCII
// digits, full-width and other compatibility forms folded (NFKC), every
// space as ' ', every dash as '-', invisible characters dropped. at[i] is
// the offset, in the text it was made from, of the character that gave
// text[i].
type visible struct {
	text []byte
	at   []int
	// bidi is set when the text holds a right-to-left mark or override,
	// which can show a run of digits in reverse.
	bidi bool
}

// newVisible reads src as written in f.
func newVisible(src string, f format) *visible {
	v := &visible{text: make([]byte, 0, len(src)), at: make([]int, 0, len(src))}
	var attrs visible // attribute values, read after the text
	pre := 0          // depth of <pre>, inside which a line break shows
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '<' && f != plain:
			if end, ok := comment(src, i); ok {
				i = end
				continue
			}
			if end, name, ok := tag(src, i); ok {
				if f == htmlText {
					pre += preDepth(src[i:end], name)
					v.tagBreak(name, i)
					attrs.attributes(src[i:end], i)
					if name == "style" && src[i+1] != '/' {
						end = styleEnd(src, end) // CSS: nothing a reader reads
					}
				}
				i = end
				continue
			}
		case c == '&' && f != plain:
			if end, s, ok := entity(src, i); ok {
				for _, r := range s {
					v.rune(r, i)
				}
				i = end
				continue
			}
		case c == '\\' && f == script:
			if end, r, ok := scriptEscape(src, i); ok {
				v.rune(r, i)
				i = end
				continue
			}
		case f == markdown && (c == '*' || c == '_' || c == '`' || c == '~' || c == '\\'):
			i++ // inline markup: a reader sees the digits around it joined
			continue
		}
		if c < utf8.RuneSelf && c != '\n' && c != '\r' {
			v.ascii(c, i) // most of a page: no decoding, no Unicode tables
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		if f == htmlText && pre <= 0 && (r == '\n' || r == '\r') {
			r = ' ' // HTML shows a line break in text as a space
		}
		if r == utf8.RuneError && size == 1 {
			v.put('\uFFFD', i) // not text: it joins nothing
		} else {
			v.rune(r, i)
		}
		i += size
	}
	if len(attrs.text) > 0 {
		v.put('\n', len(src))
		v.text = append(v.text, attrs.text...)
		v.at = append(v.at, attrs.at...)
	}
	return v
}

// rune adds r as a reader sees it.
func (v *visible) rune(r rune, at int) {
	switch {
	case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\v' || r == '\f':
		v.put('\n', at)
	case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
		v.put(' ', at)
	case unicode.Is(unicode.Pd, r) || r == '\u2212':
		v.put('-', at)
	case invisible(r):
		switch r {
		case '\u202E', '\u202B', '\u2067', '\u200F', '\u061C':
			v.bidi = true
		}
	case '0' <= r && r <= '9':
		v.put(r, at)
	case unicode.Is(unicode.Nd, r):
		v.put(rune('0'+digitValue(r)), at)
	default:
		if folded := norm.NFKC.String(string(r)); folded != string(r) {
			for _, f := range folded {
				if f != r {
					v.rune(f, at)
				}
			}
			return
		}
		v.put(r, at)
	}
}

// ascii is rune for a character below U+0080, where only the line and
// space characters and the hyphen read as something else.
func (v *visible) ascii(c byte, at int) {
	switch c {
	case '\n', '\r', '\v', '\f':
		c = '\n'
	case '\t':
		c = ' '
	}
	v.text = append(v.text, c)
	v.at = append(v.at, at)
}

// styleEnd is where the text of a <style> element whose start tag ends at
// i ends: at its end tag, which stays to be read as a tag.
func styleEnd(src string, i int) int {
	for j := i; ; {
		k := strings.Index(src[j:], "</")
		if k < 0 {
			return len(src)
		}
		j += k
		if len(src) > j+7 && strings.EqualFold(src[j+2:j+7], "style") && strings.IndexByte(" \t\n\r\f/>", src[j+7]) >= 0 {
			return j
		}
		j += 2
	}
}

func (v *visible) put(r rune, at int) {
	n := len(v.text)
	v.text = utf8.AppendRune(v.text, r)
	for range len(v.text) - n {
		v.at = append(v.at, at)
	}
}

// invisible reports whether r shows nothing: format characters (zero-width
// space and joiners, soft hyphen, direction marks), combining marks and
// variation selectors, and the blank letters some scripts have.
func invisible(r rune) bool {
	switch r {
	case '\u115F', '\u1160', '\u3164', '\uFFA0', '\u2800', '\u034F':
		return true
	}
	return unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// digitValue is the value of a decimal digit of any script. Unicode keeps
// each script's digits 0 to 9 in order and in blocks of ten that start at
// the first of a range of digits.
func digitValue(r rune) int {
	start := r
	for start > 0 && unicode.Is(unicode.Nd, start-1) && r-start < 100 {
		start--
	}
	return int(r-start) % 10
}

// preDepth is how a tag changes the depth of <pre> elements.
func preDepth(tag, name string) int {
	switch {
	case name != "pre":
		return 0
	case strings.HasPrefix(tag, "</"):
		return -1
	}
	return 1
}

// tagBreak adds what a tag shows between the texts around it: a line break
// for a block, a space between table cells, nothing for inline markup
// such as emphasis, code or a link.
func (v *visible) tagBreak(name string, at int) {
	switch name {
	case "td", "th":
		v.put(' ', at)
	case "p", "div", "br", "hr", "li", "ul", "ol", "tr", "table", "thead", "tbody", "h1", "h2", "h3", "h4", "h5", "h6",
		"blockquote", "pre", "section", "article", "header", "footer", "nav", "main", "aside", "figure", "figcaption",
		"dl", "dt", "dd", "details", "summary", "caption", "title", "svg", "g", "text", "tspan", "desc":
		v.put('\n', at)
	}
}

// attributes reads the values of a tag's attributes that a reader sees or a
// URL carries, each on its own line, URL escapes decoded.
func (v *visible) attributes(tag string, at int) {
	for _, name := range [...]string{"alt", "title", "href", "src", "srcset", "aria-label", "content", "value", "placeholder"} {
		for rest, off := tag, 0; ; {
			i := attrIndex(rest, name)
			if i < 0 {
				break
			}
			val, n := attrValue(rest[i+len(name):])
			decoded := html.UnescapeString(val)
			if u, err := urlUnescape(decoded); err == nil {
				decoded = u
			}
			v.put('\n', at)
			for _, r := range decoded {
				v.rune(r, at+off+i)
			}
			skip := i + len(name) + n
			rest, off = rest[skip:], off+skip
		}
	}
}

// attrIndex finds name as an attribute name (after a space, before '=')
// in tag, or -1.
func attrIndex(tag, name string) int {
	lower := strings.ToLower(tag)
	for from := 0; ; {
		i := strings.Index(lower[from:], name)
		if i < 0 {
			return -1
		}
		i += from
		after := strings.TrimLeft(lower[i+len(name):], " \t\n")
		if i > 0 && strings.IndexByte(" \t\n\"'", lower[i-1]) >= 0 && strings.HasPrefix(after, "=") {
			return i
		}
		from = i + len(name)
	}
}

// attrValue returns the value after an attribute's name and how many bytes
// of s it took.
func attrValue(s string) (string, int) {
	t := strings.TrimLeft(s, " \t\n")
	t = strings.TrimPrefix(t, "=")
	t = strings.TrimLeft(t, " \t\n")
	skipped := len(s) - len(t)
	if t == "" {
		return "", skipped
	}
	if q := t[0]; q == '"' || q == '\'' {
		if end := strings.IndexByte(t[1:], q); end >= 0 {
			return t[1 : 1+end], skipped + end + 2
		}
		return t[1:], len(s)
	}
	end := strings.IndexAny(t, " \t\n>")
	if end < 0 {
		end = len(t)
	}
	return t[:end], skipped + end
}

// urlUnescape decodes %XX escapes, as a browser shows them in its address bar.
func urlUnescape(s string) (string, error) {
	if !strings.Contains(s, "%") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && ishex(s[i+1]) && ishex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String(), nil
}

func ishex(c byte) bool { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }

func unhex(c byte) byte {
	if isDigit(c) {
		return c - '0'
	}
	return c | 0x20 - 'a' + 10
}

// comment reports whether an HTML comment starts at i, and where it ends.
// An unclosed comment hides the rest of the text.
func comment(src string, i int) (int, bool) {
	if !strings.HasPrefix(src[i:], "<!--") {
		return 0, false
	}
	end := strings.Index(src[i+4:], "-->")
	if end < 0 {
		return len(src), true
	}
	return i + 4 + end + 3, true
}

// tag reports whether an HTML tag starts at i: '<', an optional '/' and a
// letter, up to the next '>'. It returns where the tag ends and its name in
// lower case.
func tag(src string, i int) (end int, name string, ok bool) {
	j := i + 1
	if j < len(src) && src[j] == '/' {
		j++
	}
	start := j
	for j < len(src) && (isLetter(src[j]) || start < j && (isDigit(src[j]) || src[j] == '-')) {
		j++
	}
	if j == start || j < len(src) && strings.IndexByte(" \t\n\r/>", src[j]) < 0 {
		return 0, "", false // "<https://…>" or "a < b": not a tag
	}
	gt := strings.IndexByte(src[j:], '>')
	if gt < 0 {
		return 0, "", false
	}
	return j + gt + 1, strings.ToLower(src[start:j]), true
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// entity reports whether an HTML character reference starts at i ("&#51;",
// "&#x33;", "&nbsp;", and "&#51" without its semicolon, which browsers
// read too), and gives its text and end.
func entity(src string, i int) (end int, text string, ok bool) {
	j := i + 1
	for j < len(src) && j-i < 40 && (isLetter(src[j]) || isDigit(src[j]) || src[j] == '#') {
		j++
	}
	if j < len(src) && src[j] == ';' {
		j++
	}
	if j == i+1 {
		return 0, "", false
	}
	s := html.UnescapeString(src[i:j])
	if s == src[i:j] {
		return 0, "", false
	}
	return j, s, true
}

// scriptEscape reads a JSON or JavaScript escape of a character at i:
// \uXXXX, \u{X…}, \xXX.
func scriptEscape(src string, i int) (end int, r rune, ok bool) {
	hex := func(s string) (rune, bool) {
		if s == "" || len(s) > 6 {
			return 0, false
		}
		var n rune
		for j := 0; j < len(s); j++ {
			if !ishex(s[j]) {
				return 0, false
			}
			n = n<<4 | rune(unhex(s[j]))
		}
		return n, true
	}
	rest := src[i+1:]
	switch {
	case strings.HasPrefix(rest, "u{"):
		if close := strings.IndexByte(rest, '}'); close > 2 {
			if n, ok := hex(rest[2:close]); ok {
				return i + 1 + close + 1, n, true
			}
		}
	case strings.HasPrefix(rest, "u") && len(rest) >= 5:
		if n, ok := hex(rest[1:5]); ok {
			return i + 6, n, true
		}
	case strings.HasPrefix(rest, "x") && len(rest) >= 3:
		if n, ok := hex(rest[1:3]); ok {
			return i + 4, n, true
		}
	}
	return 0, 0, false
}
