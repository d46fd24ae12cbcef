package pipeline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kotamalang/kimsite/generator/pipeline"
	"github.com/kotamalang/kimsite/generator/theme"
)

// TestAccentRefusesCSS checks that the accent colour, the one value of
// sites.yaml that lands inside the stylesheet, accepts a colour and nothing
// that could end the rule and add one of its own.
func TestAccentRefusesCSS(t *testing.T) {
	for _, accent := range []string{
		"#fff;}body{display:none}", "#0b6e4f}body{background:url(https://evil.example/x)}",
		"red", "#0b6e4f;", "#0b6e4f</style><script>alert(1)</script>", "expression(alert(1))",
		"#0b6e4g", "#0b6e4f\\", "var(--x)", "#0b6e4f !important",
	} {
		sites := okSites + "    accent: " + q(accent) + "\n"
		fsys := tree(map[string]string{"sites.yaml": sites, "content/kauman/_index.md": "---\ntitle: K\n---\n"})
		_, problems, err := pipeline.Run(pipeline.Options{FS: fsys})
		if err != nil {
			t.Fatal(err)
		}
		at := fmt.Sprintf("sites.yaml:%d", lineOf(sites, "accent"))
		if len(problems) != 1 || problems[0].Position() != at {
			t.Errorf("accent %q: want one error at %s, got:\n%s", accent, at, problems)
		}
	}
}

// TestStyleIsTheTheme builds a site with an accent colour and checks that
// every page has exactly one stylesheet, in the head, that it starts with
// the accent rule, and that the page's Content-Security-Policy allows that
// stylesheet by its hash and nothing else: a style smuggled in any other way
// would not apply.
func TestStyleIsTheTheme(t *testing.T) {
	sites := okSites + "    accent: \"#0b6e4f\"\n"
	fsys := tree(map[string]string{"sites.yaml": sites, "content/kauman/_index.md": "---\ntitle: K\n---\nHalo.\n"})
	out := filepath.Join(t.TempDir(), "public")
	if _, problems, err := pipeline.Run(pipeline.Options{FS: fsys, Root: t.TempDir(), Out: out}); err != nil || len(problems) > 0 {
		t.Fatalf("%v %s", err, problems)
	}
	data, err := os.ReadFile(filepath.Join(out, "kauman", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	var styles []string
	var policy string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Style && n.FirstChild != nil {
			styles = append(styles, n.FirstChild.Data)
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Meta {
			var equiv, content string
			for _, a := range n.Attr {
				switch a.Key {
				case "http-equiv":
					equiv = a.Val
				case "content":
					content = a.Val
				}
			}
			if strings.EqualFold(equiv, "content-security-policy") {
				policy = content
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(styles) != 1 || !strings.HasPrefix(styles[0], ":root{--accent:#0b6e4f") {
		t.Fatalf("styles = %.80q", styles)
	}
	want := "style-src " + theme.Hash(styles[0]) + ";"
	if !strings.Contains(policy, want) {
		t.Fatalf("policy %q lacks %q", policy, want)
	}
}
