package cms_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/pipeline"
)

// adminLink is the one way a public page may point at the editor.
var adminLink = regexp.MustCompile(`<a href="[^"]*/admin/(?:[a-z0-9-]+/)?" rel="nofollow">Masuk redaksi</a>`)

// TestAdminWeighsNothingForResidents builds the sample sites and checks
// that the admin is there, that robots.txt keeps crawlers out, that no
// sitemap, feed or index lists it, and that pages link to it only through
// the small footer link.
func TestAdminWeighsNothingForResidents(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, problems, err := pipeline.Run(pipeline.Options{Root: "../..", Out: out}); err != nil || problems.Errors() > 0 {
		t.Fatalf("build: %v %v", err, problems)
	}
	for _, f := range []string{"admin/index.html", "admin/kauman/index.html", "admin/kauman/config.yml", "admin/bandungrejosari/config.yml"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	robots, _ := os.ReadFile(filepath.Join(out, "robots.txt"))
	if !strings.Contains(string(robots), "Disallow: /admin/\n") {
		t.Errorf("robots.txt does not disallow /admin/:\n%s", robots)
	}
	pages := 0
	err := filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(out, path)
		if err != nil || d.IsDir() || strings.HasPrefix(rel, "admin"+string(filepath.Separator)) || rel == "robots.txt" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := string(data)
		if !strings.HasSuffix(rel, ".html") {
			if strings.Contains(text, "/admin") {
				t.Errorf("%s mentions the admin", rel)
			}
			return nil
		}
		pages++
		links := adminLink.FindAllString(text, -1)
		if strings.Count(text, "/admin/") != 1 || len(links) != 1 {
			t.Errorf("%s: want exactly one \"Masuk redaksi\" link to the admin, got %d links among %d mentions", rel, len(links), strings.Count(text, "/admin/"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 50 {
		t.Fatalf("only %d pages checked", pages)
	}
	home, _ := os.ReadFile(filepath.Join(out, "kauman", "index.html"))
	if !strings.Contains(string(home), `<a href="/admin/kauman/" rel="nofollow">Masuk redaksi</a>`) {
		t.Error("a kelurahan's pages should open its own editor")
	}
}
