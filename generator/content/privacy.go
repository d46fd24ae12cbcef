package content

import (
	"bytes"
	"fmt"
	"io"
	neturl "net/url"
	"path"
	"slices"
	"strings"

	"github.com/kotamalang/kimsite/generator/frontmatter"
	"github.com/kotamalang/kimsite/generator/privacy"
)

// The identity-number check reads every published text as a reader will
// see it (package privacy): the Markdown source of each page with its
// front matter, the front matter's values as YAML decodes them, every
// address the site publishes at, and the text files under static/. The
// markdown stage checks each page's rendered HTML as well.

// allowed reports whether sites.yaml lets number pass.
func (l *loader) allowed(number string) bool {
	return slices.Contains(l.site.Config.AllowNumbers, number)
}

// checkPrivacy reports every identity number in a page's file: in its
// Markdown as a reader sees it, and in its front matter's values as YAML
// decodes them ("\x33\x35…" in a quoted value is "35…").
func (l *loader) checkPrivacy(file string, data []byte) {
	type place struct {
		number string
		line   int
	}
	found := map[place]bool{} // what the source check reported, where
	for _, m := range privacy.FindInMarkdown(string(data)) {
		line := lineAt(data, m.Offset)
		found[place{m.Number, line}] = true
		if !l.allowed(m.Number) {
			l.problems.Add(file, line, fmt.Sprintf("angka %s tampak seperti NIK atau nomor KK", privacy.Mask(m.Number)), privacy.Hint)
		}
	}
	f, err := frontmatter.Split(data)
	if err != nil {
		return
	}
	scalars := frontmatter.Scalars(f.Front, f.FrontLine)
	for k, s := range scalars {
		// A value spans the lines up to the next key or value.
		last := f.BodyLine - 2
		if k+1 < len(scalars) {
			last = max(s.Line, scalars[k+1].Line-1)
		}
		for _, m := range privacy.FindIDNumbers(s.Value) {
			seen := false
			for line := s.Line; line <= last; line++ {
				seen = seen || found[place{m.Number, line}]
			}
			if !seen && !l.allowed(m.Number) {
				found[place{m.Number, s.Line}] = true
				l.problems.Add(file, s.Line, fmt.Sprintf("angka %s tampak seperti NIK atau nomor KK", privacy.Mask(m.Number)), privacy.Hint)
			}
		}
	}
}

// checkAddress reports an identity number in an address the site publishes
// at: a file or folder name becomes part of a URL, which browsers, servers
// and search engines keep.
func (l *loader) checkAddress(file, url string) {
	if u, err := neturl.PathUnescape(url); err == nil {
		url += "\n" + u // a server reads %33 as 3
	}
	for _, m := range privacy.FindIDNumbers(url) {
		if !l.allowed(m.Number) {
			l.problems.Add(path.Join(l.dir, file), 0, fmt.Sprintf("nama berkas atau folder memuat angka %s yang tampak seperti NIK atau nomor KK; nama itu menjadi alamat halaman", privacy.Mask(m.Number)),
				"Ganti nama berkas atau foldernya tanpa angka itu. Nomor identitas warga tidak boleh diterbitkan.")
		}
	}
}

// TextExts are the files under static/ that hold text a person could read,
// where an identity number could be hidden: data tables above all.
var TextExts = []string{".csv", ".tsv", ".txt", ".json", ".geojson", ".xml", ".html", ".htm", ".xhtml", ".svg", ".md", ".markdown", ".yaml", ".yml", ".ics", ".vcf", ".rss", ".atom", ".js", ".css"}

// markupExts are the text files read as HTML: tags hide what is in them,
// character references are decoded.
var markupExts = []string{".xml", ".html", ".htm", ".xhtml", ".svg", ".rss", ".atom", ".md", ".markdown"}

// scriptExts are the text files whose strings may escape characters.
var scriptExts = []string{".json", ".geojson", ".js"}

// chunk is how much of a text file the check reads at a time, and
// overlap how much of the end of one chunk it reads again with the next,
// so that a number on a long line across two chunks is still found.
const (
	chunk   = 1 << 20
	overlap = 256
)

// checkTextFile reports identity numbers in a text file published as it
// is. It reads the file a chunk at a time, so a large table costs little
// memory.
func (l *loader) checkTextFile(rel string) {
	ext := strings.ToLower(path.Ext(rel))
	if !slices.Contains(TextExts, ext) {
		return
	}
	name := path.Join(l.dir, rel)
	f, err := l.root.Open(name)
	if err != nil {
		return // the asset stage reports what cannot be read
	}
	defer f.Close()
	find := privacy.FindIDNumbers
	switch {
	case slices.Contains(markupExts, ext):
		find = privacy.FindInMarkdown
	case slices.Contains(scriptExts, ext):
		find = privacy.FindInScript
	}
	buf := make([]byte, 0, chunk+overlap)
	line := 1      // the line of buf[0]
	reported := -1 // the end, in buf, of the last number reported
	for {
		n, err := io.ReadFull(f, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		for _, m := range find(string(buf)) {
			if m.Offset > reported && !l.allowed(m.Number) {
				l.problems.Add(name, line+newlines(buf[:m.Offset]), fmt.Sprintf("angka %s tampak seperti NIK atau nomor KK", privacy.Mask(m.Number)), privacy.Hint)
			}
			reported = max(reported, m.Offset)
		}
		if err != nil || len(buf) <= overlap {
			return // io.EOF or io.ErrUnexpectedEOF at the end; a read error the copy reports
		}
		keep := len(buf) - overlap
		line += newlines(buf[:keep])
		reported -= keep
		buf = buf[:copy(buf, buf[keep:])]
	}
}

// lineAt is the 1-based line of a byte offset in data.
func lineAt(data []byte, offset int) int { return 1 + bytes.Count(data[:offset], []byte("\n")) }

// checkTagAddress reports an identity number in a tag's address
// (tags/<slug>/) that the tag's value, checked with the front matter, does
// not show: a slug drops the marks between digits.
func (l *loader) checkTagAddress(file string, line int, name, slug string) {
	shown := privacy.FindIDNumbers(name)
	for _, m := range privacy.FindIDNumbers(slug) {
		if !l.allowed(m.Number) && !slices.ContainsFunc(shown, func(s privacy.Match) bool { return s.Number == m.Number }) {
			l.problems.Add(file, line, fmt.Sprintf("tag menjadi alamat yang memuat angka %s, tampak seperti NIK atau nomor KK", privacy.Mask(m.Number)), privacy.Hint)
		}
	}
}

// newlines counts the line endings in b: LF, CR LF, and CR alone.
func newlines(b []byte) int {
	return bytes.Count(b, []byte("\n")) + bytes.Count(b, []byte("\r")) - bytes.Count(b, []byte("\r\n"))
}
