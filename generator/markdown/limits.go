package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Limits on the shape of a body, checked before goldmark sees it. goldmark
// handles deep nesting and many link openers in one paragraph in time that
// grows with their square: a 20 KB line of "- - - …" or "[a](" repeated
// keeps a build busy for minutes to hours. Real pages stay far below both.
const (
	// MaxNesting is how deep lists and block quotes may sit inside each
	// other.
	MaxNesting = 32
	// maxLinkWork bounds, for each paragraph, the bytes goldmark scans to
	// match link destinations (see linkWork).
	maxLinkWork = 16 << 20
	// MaxBrackets is how many "[" one paragraph may hold. goldmark keeps
	// every unclosed "[" as a possible link label and, at each "]", looks
	// through them and through the link nodes inside, and tries every
	// paragraph line that starts with "[" as a reference definition: all
	// in time that grows with the square of their number (2 MB of "["
	// took 25 s). A paragraph with 1,000 links has 2,000.
	MaxBrackets = 5000
	// MaxTableCells is how many cells one table may have, counted as
	// columns times rows. goldmark gives every row as many cells as the
	// header has, so a 24 KB table of 1,000 columns and 10,000 one-cell
	// rows became 100 MB of HTML in 47 s.
	MaxTableCells = 20_000
	// MaxHTMLBytes is the most HTML one page body may render to; a body
	// that repeats a long reference link ([a] with "[a]: <10 KB URL>")
	// grows a thousandfold. Rendering stops there.
	MaxHTMLBytes = 8 << 20
	// maxLinkBytes bounds the total length of the link and image
	// addresses of one page, which the link checker reads one by one.
	maxLinkBytes = 4 << 20
)

// shape is what checkShape found wrong with a body.
type shape int

const (
	shapeOK       shape = iota
	shapeTooDeep        // nesting beyond MaxNesting
	shapeTooLinky       // link work beyond maxLinkWork
	shapeBrackets       // more than MaxBrackets "[" in one paragraph
	shapeTable          // a table of more than MaxTableCells cells
)

// checkShape reports the first line (counted from 0 in the body) where
// the body exceeds a limit, what the limit is, and how deep the nesting
// there is.
func checkShape(body []byte) (line int, s shape, depth int) {
	var lists []int // columns of the open list items' markers
	blockLine, blockStart, offset := 0, 0, 0
	brackets := 0
	tableLine, tableCols, tableRows := -1, 0, 0
	for i, l := range bytes.Split(body, []byte("\n")) {
		end := offset + len(l)
		if len(bytes.TrimSpace(l)) == 0 {
			if linkWork(body[blockStart:offset]) > maxLinkWork {
				return blockLine, shapeTooLinky, 0
			}
			blockLine, blockStart = i+1, min(end+1, len(body))
			brackets, tableLine = 0, -1
		}
		offset = min(end+1, len(body))
		if brackets += bytes.Count(l, []byte("[")); brackets > MaxBrackets {
			return blockLine, shapeBrackets, 0
		}
		switch {
		case tableLine >= 0:
			if tableRows++; tableCols*tableRows > MaxTableCells {
				return tableLine, shapeTable, tableCols
			}
		case i > blockLine:
			if cols := delimiterRow(l); cols > 0 {
				tableLine, tableCols, tableRows = i-1, cols, 1
				if tableCols > MaxTableCells {
					return tableLine, shapeTable, tableCols
				}
			}
		}
		quotes, markers := containers(l)
		if len(markers) > 0 {
			for len(lists) > 0 && lists[len(lists)-1] >= markers[0] {
				lists = lists[:len(lists)-1]
			}
			lists = append(lists, markers...)
		}
		if depth := quotes + len(lists); depth > MaxNesting {
			return i, shapeTooDeep, depth
		}
	}
	if linkWork(body[blockStart:]) > maxLinkWork {
		return blockLine, shapeTooLinky, 0
	}
	return 0, shapeOK, 0
}

// delimiterRow returns the number of columns when l could be the line
// under a table's header ("|---|:--:|"), and 0 otherwise. It is generous:
// counting a line that is not one only makes the table limit stricter.
func delimiterRow(l []byte) int {
	t := bytes.TrimSpace(l)
	if !bytes.Contains(t, []byte("|")) {
		return 0
	}
	for _, c := range t {
		if c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t' {
			return 0
		}
	}
	t = bytes.TrimSuffix(bytes.TrimPrefix(t, []byte("|")), []byte("|"))
	if !bytes.Contains(t, []byte("-")) {
		return 0
	}
	return bytes.Count(t, []byte("|")) + 1
}

// Tractable reports whether goldmark may be given body: false when the
// body breaks one of the limits above, which Render reports. Other
// parsers of the same body (kimsite check's) ask it first.
func Tractable(body []byte) bool {
	_, s, _ := checkShape(body)
	return s == shapeOK
}

// reportShape records the problem checkShape found, at its file line.
func (pc *pageContext) reportShape(line int, s shape, depth int) {
	at := pc.page.BodyLine + line
	switch s {
	case shapeTooDeep:
		pc.problems.Add(pc.page.Path, at, fmt.Sprintf("daftar atau kutipan bertingkat terlalu dalam (%d tingkat; paling banyak %d)", depth, MaxNesting),
			"Kurangi tingkat daftar di dalam daftar.")
	case shapeBrackets:
		pc.problems.Add(pc.page.Path, at, fmt.Sprintf("paragraf terlalu rumit: lebih dari %d tanda [", MaxBrackets),
			"Pecah paragraf ini menjadi beberapa paragraf dengan baris kosong di antaranya; tanda [ hanya untuk tautan.")
	case shapeTable:
		pc.problems.Add(pc.page.Path, at, fmt.Sprintf("tabel terlalu besar (%d kolom; paling banyak %d sel)", depth, MaxTableCells),
			"Pecah tabelnya, atau taruh datanya sebagai berkas CSV atau XLSX di static/ lalu tautkan.")
	case shapeTooLinky:
		pc.problems.Add(pc.page.Path, at, "paragraf terlalu rumit: terlalu banyak tanda [ dan ] yang tidak ditutup",
			"Tutup setiap tautan seperti [teks](alamat), atau pecah paragraf ini menjadi beberapa paragraf.")
	}
}

// linkWork estimates the bytes goldmark scans to match link destinations
// and labels in one paragraph: for every "](" the distance to the next ")",
// and for every "][" the distance to the next "]", or to the paragraph's
// end when there is none.
func linkWork(block []byte) int {
	work := 0
	nextParen, nextBracket := len(block), len(block)
	for i := len(block) - 1; i >= 0; i-- {
		switch block[i] {
		case ')':
			nextParen = i
		case ']':
			if i+1 < len(block) {
				switch block[i+1] {
				case '(':
					work += nextParen - i
				case '[':
					work += nextBracket - i
				}
			}
			nextBracket = i
		}
	}
	return work
}

// containers reads the container markers at the start of a line: how many
// block quote markers ">", and the columns of the list item markers ("-",
// "*", "+", "1." or "1)" followed by a space).
func containers(l []byte) (quotes int, markers []int) {
	col := 0
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == ' ':
			col++
			i++
		case c == '\t':
			col += 4 - col%4
			i++
		case c == '>':
			quotes++
			col++
			i++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t'):
			markers = append(markers, col)
			col++
			i++
		case '0' <= c && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && '0' <= l[j] && l[j] <= '9' {
				j++
			}
			if j < len(l) && (l[j] == '.' || l[j] == ')') && (j+1 == len(l) || l[j+1] == ' ' || l[j+1] == '\t') {
				markers = append(markers, col)
				col += j + 1 - i
				i = j + 1
				continue
			}
			return quotes, markers
		default:
			return quotes, markers
		}
	}
	return quotes, markers
}

// errTooBig stops rendering at MaxHTMLBytes.
var errTooBig = errors.New("markdown: page too big")

// limitWriter fails once more than n bytes are written to it.
type limitWriter struct {
	w io.Writer
	n int
}

func (l *limitWriter) Write(p []byte) (int, error) {
	if l.n -= len(p); l.n < 0 {
		return 0, errTooBig
	}
	return l.w.Write(p)
}
