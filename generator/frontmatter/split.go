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
