// Package frontmatter splits a Markdown file into its YAML front matter and
// body, and decodes the front matter strictly into a model struct.
//
// It takes the file's bytes and gives typed values, the line of every key
// (so later stages can point at the exact line) and a list of problems in
// Bahasa Indonesia. It never stops at the first mistake in a file.
package frontmatter

import (
	"bytes"
	"errors"
	"strings"
)

// File is a Markdown file split into its parts.
type File struct {
	Front     []byte // the YAML between the --- lines
	FrontLine int    // the file line of the first YAML line
	Body      []byte // everything after the closing ---
	BodyLine  int    // the file line of the body's first line
}

// Errors from Split; the line is always 1 (the opening line, or where it should be).
var (
	ErrNoFrontMatter = errors.New("berkas tidak diawali front matter '---'")
	ErrUnclosed      = errors.New("front matter tidak ditutup dengan baris '---'")
)

// Split separates the front matter from the body. The file must start with a
// line "---" and the front matter ends at the next line that is exactly
// "---". A UTF-8 byte order mark and Windows line endings are accepted, since
// some editors add them.
func Split(data []byte) (File, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first, rest, ok := cutLine(data)
	if !isFence(first) {
		return File{}, ErrNoFrontMatter
	}
	if !ok {
		return File{}, ErrUnclosed
	}
	front := rest
	line := 2
	for len(rest) > 0 {
		l, next, _ := cutLine(rest)
		if isFence(l) {
			return File{
				Front:     front[:len(front)-len(rest)],
				FrontLine: 2,
				Body:      next,
				BodyLine:  line + 1,
			}, nil
		}
		rest = next
		line++
	}
	return File{}, ErrUnclosed
}

// cutLine returns the first line of data without its line ending, the rest
// after it, and whether a line ending was found.
func cutLine(data []byte) (line, rest []byte, found bool) {
	line, rest, found = bytes.Cut(data, []byte("\n"))
	return bytes.TrimSuffix(line, []byte("\r")), rest, found
}

func isFence(line []byte) bool {
	// A byte order mark may stand anywhere a file was pasted together.
	return string(bytes.TrimRight(bytes.TrimPrefix(line, []byte("\xef\xbb\xbf")), " \t")) == "---"
}

// NormalizeNewlines returns data with Windows (CR LF) and old Mac (CR
// alone) line endings made LF, so that YAML, goldmark and every problem's
// line number agree with the lines an editor shows. Data without a CR is
// returned as it is.
func NormalizeNewlines(data []byte) []byte {
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		switch {
		case data[i] != '\r':
			out = append(out, data[i])
		case i+1 < len(data) && data[i+1] == '\n':
			// CR LF: the LF follows
		default:
			out = append(out, '\n')
		}
	}
	return out
}

// DropControls returns data without the control characters that text
// pasted from other programs can carry and that a page must not: C0
// controls other than tab and line ends, DEL and the C1 controls. A
// browser shows none of them, an XML feed with one is broken, and between
// digits they would hide a number from the identity-number check. Vertical
// tab and form feed (Word's manual line and page breaks) become a space,
// so that words stay apart and lines stay where an editor shows them.
// Data without them is returned as it is.
func DropControls(data []byte) []byte {
	if !bytes.ContainsFunc(data, isControl) {
		return data
	}
	return bytes.Map(controlRune, data)
}

// dropControls is DropControls for a decoded YAML value, whose escapes
// ("\0", "\x01", "\e") can write what the file does not hold.
func dropControls(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(controlRune, s)
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || 0x7f <= r && r <= 0x9f
}

func controlRune(r rune) rune {
	switch {
	case r == '\v' || r == '\f':
		return ' '
	case isControl(r):
		return -1
	}
	return r
}

// InvalidUTF8Line returns the 1-based line of the first byte of data that
// is not UTF-8.
func InvalidUTF8Line(data []byte) int {
	return 1 + bytes.Count(data[:invalidUTF8(data)], []byte("\n"))
}
