package frontmatter

import (
	"strings"
	"testing"
)

// TestYAMLErrorsInIndonesian feeds front matter that yaml.v3 rejects, one
// for each kind of syntax error it reports, and expects a message in
// Bahasa Indonesia at the right line, with none of yaml.v3's English.
func TestYAMLErrorsInIndonesian(t *testing.T) {
	type front struct {
		Title string            `yaml:"title"`
		Tags  []string          `yaml:"tags"`
		Links map[string]string `yaml:"links"`
	}
	tests := []struct {
		in   string
		line int
		want string
	}{
		{"title: a\n\ttags: [x]\n", 3, "ada tab di awal baris"},
		{"links:\n  a: b\n\tc: d\n", 4, "ada tab di awal baris"},
		{"title: a\ntags:\n\t- x\n", 4, "tab"},
		{"\ttitle: a\n", 2, "tab"},
		{"title: \"a\\q\"\n", 2, "garis miring terbalik"},
		{"title: \"\\uZZZZ\"\n", 2, ""},
		{"title: *x\n", 2, "rujukan"},
		{"title: a\x01\n", 2, "karakter tak terlihat"},
		{"%YAML 2.0\n---\ntitle: a\n", 2, ""},
		{"%FOO bar\n---\ntitle: a\n", 2, ""},
		{"title: >9\n  x\n", 2, ""},
		{"title: [a\n", 2, ""},
		{"title: a: b\n", 2, "titik dua"},
		{"title: !<tag a\n", 2, ""},
		{"title: &\n", 2, ""},
		{"? [a\n", 2, ""},
	}
	english := []string{"yaml:", "found", "character", "expected", "allowed", "anchor", "alias", "while", "scanning", "parsing", "document", "escape", "directive", "token"}
	for _, tt := range tests {
		_, _, problems := DecodeYAML("f.md", []byte(tt.in), 2, &front{})
		if len(problems) != 1 {
			t.Errorf("%q: got %v, want one problem", tt.in, problems)
			continue
		}
		p := problems[0]
		msg := p.Message + " " + p.Hint
		for _, w := range english {
			if strings.Contains(msg, w) {
				t.Errorf("%q: English %q in %q", tt.in, w, p.String())
			}
		}
		if tt.line > 0 && p.Line < tt.line || p.Line > tt.line+1 {
			t.Errorf("%q: at line %d, want %d", tt.in, p.Line, tt.line)
		}
		if !strings.Contains(p.Message, tt.want) {
			t.Errorf("%q: %q lacks %q", tt.in, p.Message, tt.want)
		}
	}
}
