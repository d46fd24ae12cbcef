package wordpress

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// FuzzFrontYAML checks that whatever a WordPress title, summary, author
// or tag holds, the front matter the import writes reads back as the same
// text and cannot add keys of its own.
func FuzzFrontYAML(f *testing.F) {
	for _, s := range []string{"Jum'at Bersih: \"1.000 Pohon\" #hijau 🌳", "- daftar", "yes", "2020-11-05", "@admin", "*alias", "!tag x", "a: b", "[x, y]", "{a: 1}", "null", "~", "|", ">", "'", "\\", "#", "x #y", "% y", ", ", "…", "０１"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = clean(s)
		if s == "" {
			return
		}
		fr := front{Title: s, Summary: s, Author: s, Tags: []string{s, "b"}, ImageAlt: s, Draft: true}
		doc := strings.TrimSuffix(strings.TrimPrefix(fr.yaml(), "---\n"), "---\n")
		var got map[string]any
		if err := yaml.Unmarshal([]byte(doc), &got); err != nil {
			t.Fatalf("%q: %v\n%s", s, err, doc)
		}
		if len(got) != 6 || got["title"] != s || got["summary"] != s || got["author"] != s || got["image_alt"] != s || got["draft"] != true {
			t.Fatalf("%q reads back as %#v\n%s", s, got, doc)
		}
		if tags, _ := got["tags"].([]any); len(tags) != 2 || tags[0] != s || tags[1] != "b" {
			t.Fatalf("%q: tags read back as %#v\n%s", s, got["tags"], doc)
		}
	})
}
