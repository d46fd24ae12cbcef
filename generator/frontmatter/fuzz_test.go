package frontmatter

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/safeurl"
)

// fuzzSeeds are whole Markdown files: well-formed pages of every section,
// and the shapes that have tripped YAML decoders elsewhere (aliases, merge
// keys, tags, deep nesting, odd line endings).
var fuzzSeeds = []string{
	"---\ntitle: Kerja bakti\ndate: 2026-11-05\ntags: [kesehatan, posyandu]\n---\nIsi.\n",
	"\xef\xbb\xbf---\r\ntitle: \"Rapat: hasil\"\r\n---\r\nBody\r\n",
	"---\ntitle: Saluran\nyear: 2026\nstage: usulan\nbudget: 185000000\nprogress: 40\ndocuments:\n  - title: RAB\n    file: /dokumen/rab.pdf\n---\n",
	"---\ntitle: Warung\ncategory: kuliner\nwhatsapp: 0812-3456-7890\nlinks: {instagram: \"https://instagram.com/x\"}\nproducts:\n  - {name: Nasi, price: 15000, image: nasi.jpg}\n---\n",
	"---\ntitle: Hoaks\ndate: 2026-11-05T08:30:00+07:00\nclaim: x\nverdict: hoaks\nchecked_by: {name: Diskominfo, url: \"javascript:alert(1)\"}\nsources:\n  - {title: a, url: \"data:text/html,x\"}\n---\n",
	"---\na: &a [x, x]\nb: &b [*a, *a]\ntitle: *b\n---\n",
	"---\n<<: {title: x}\n---\n",
	"---\ntitle: !!binary aGVsbG8=\ndate: !!timestamp 2026-01-01\n---\n",
	"---\ntitle: " + strings.Repeat("[", 100) + "\n---\n",
	"---\ntitle: x\ntitle: y\n---\n",
	"---\n- a\n- b\n---\n",
	"---\n---\n",
	"---\ntitle:\tx\n---\n",
	"no front matter\n",
	"---\ntitle: x\n",
	"---\nimage: ..\\..\\etc\\passwd\nimage_alt: x\ntitle: x\n---\n",
	"---\ndate: 2026-02-30\nprogress: 1e3\nyear: 0x7e8\n---\n",
}

// FuzzSplitDecode checks that any file splits and decodes without a panic,
// that the split keeps every byte of the file, that every problem and every
// key position points at a line of the file, that every file reference is
// relative, and that YAML aliases are always refused.
func FuzzSplitDecode(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	fronts := []func() model.Front{model.PlainNew}
	for _, s := range model.Sections {
		fronts = append(fronts, s.New)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Split(data)
		if err != nil {
			return
		}
		in := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if !bytes.HasSuffix(in, file.Body) || !bytes.Contains(in, file.Front) {
			t.Fatalf("Split(%q) lost bytes: front %q body %q", data, file.Front, file.Body)
		}
		lines := lineCount(in)
		if file.FrontLine != 2 || file.BodyLine < 3 || file.BodyLine > lines+1 {
			t.Fatalf("Split(%q): front line %d, body line %d of %d", data, file.FrontLine, file.BodyLine, lines)
		}
		for _, newFront := range fronts {
			v := newFront()
			pos, refs, problems := Decode("f.md", file, v)
			for _, p := range problems {
				if p.Line < 1 || p.Line > lines {
					t.Fatalf("Decode(%q): problem at line %d of %d: %s", file.Front, p.Line, lines, p)
				}
			}
			for key, l := range pos {
				if l < 1 || l > lines {
					t.Fatalf("Decode(%q): key %q at line %d of %d", file.Front, key, l, lines)
				}
			}
			for _, r := range refs {
				if strings.Contains(r.Value, `\`) || strings.Contains(r.Value, "://") || strings.HasPrefix(r.Value, "//") {
					t.Fatalf("Decode(%q): reference %q is not a relative path", file.Front, r.Value)
				}
			}
			if len(problems) == 0 && hasAlias(file.Front) {
				t.Fatalf("Decode(%q) accepted a YAML alias", file.Front)
			}
			for _, u := range urls(v) {
				if err := safeurl.CheckAbsolute(u); err != nil {
					t.Fatalf("Decode(%q) accepted URL %q: %v", file.Front, u, err)
				}
			}
		}
	})
}

// hasAlias reports whether a YAML document uses an alias anywhere.
func hasAlias(data []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return false
	}
	var walk func(n *yaml.Node) bool
	walk = func(n *yaml.Node) bool {
		if n.Kind == yaml.AliasNode {
			return true
		}
		for _, c := range n.Content {
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(&doc)
}

// urls returns the non-empty values of the URL fields of a front matter.
func urls(v model.Front) []string {
	var out []string
	switch v := v.(type) {
	case *model.UMKMFront:
		for _, u := range v.Links {
			out = append(out, u)
		}
	case *model.CekFaktaFront:
		if v.CheckedBy != nil {
			out = append(out, v.CheckedBy.URL)
		}
		for _, s := range v.Sources {
			out = append(out, s.URL)
		}
	}
	return slices.DeleteFunc(out, func(u string) bool { return u == "" })
}

// lineCount counts lines as YAML does: a lone carriage return, NEL, LS
// and PS end a line too.
func lineCount(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	n := 1
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}
