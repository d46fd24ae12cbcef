package pipeline_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/internal/pagecheck"
	"github.com/kotamalang/kimsite/generator/pipeline"
)

// TestSamplePagesArePolicyClean builds the repository's sample sites and
// checks every page with pagecheck: each carries a Content-Security-Policy
// that allows scripts only from the site, and no page has an inline script,
// an event handler or a URL that runs code.
func TestSamplePagesArePolicyClean(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	sum, problems, err := pipeline.Run(pipeline.Options{Root: "../..", Out: out})
	if err != nil || problems.Errors() > 0 {
		t.Fatalf("build: %v\n%s", err, problems)
	}
	pages, admin := 0, 0
	err = filepath.WalkDir(out, func(name string, d fs.DirEntry, err error) error {
		if err != nil || filepath.Ext(name) != ".html" {
			return err
		}
		rel, _ := filepath.Rel(out, name)
		if strings.HasPrefix(filepath.ToSlash(rel), "admin/") {
			admin++ // the editors' CMS; TestHostileTextIsInert checks it for injected markup
			return nil
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		pages++
		for _, bad := range pagecheck.Page(data) {
			t.Errorf("%s: %s", name, bad)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages == 0 || pages+admin != sum.Pages {
		t.Fatalf("checked %d pages, the build wrote %d", pages, sum.Pages)
	}
}
