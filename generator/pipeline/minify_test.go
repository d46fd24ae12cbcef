package pipeline_test

import (
	"os"
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/minify"
	"github.com/kotamalang/kimsite/generator/output"
	"github.com/kotamalang/kimsite/generator/pipeline"
)

// TestPagesComeOutMinified builds the sample sites and minifies every page
// again: the layouts are written minified, so a page must come out of
// them (nearly) as small as the minifier makes it. What the minifier may
// still remove is entities in attribute values and a few line breaks.
func TestPagesComeOutMinified(t *testing.T) {
	mem := output.NewMemory()
	if _, problems, err := pipeline.Run(pipeline.Options{FS: os.DirFS("../.."), Sink: mem}); err != nil || problems.Errors() > 0 {
		t.Fatalf("%v\n%s", err, problems)
	}
	m := minify.New()
	pages, total, saved := 0, 0, 0
	for _, name := range mem.Names() {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "admin/") {
			continue // the web editor's pages are Decap's, not the theme's
		}
		page, _ := mem.File(name)
		again, err := m.Bytes(minify.HTML, page)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pages, total, saved = pages+1, total+len(page), saved+len(page)-len(again)
		if len(page)-len(again) > len(page)/50 {
			t.Errorf("%s: minifying it again saves %d of %d bytes (more than 2%%)", name, len(page)-len(again), len(page))
		}
	}
	if pages < 100 {
		t.Fatalf("only %d pages built", pages)
	}
	// The theme is written compactly: unminified layouts leave about 0.9%
	// to save, minified ones about 0.55%.
	if share := float64(saved) / float64(total); share > 0.0075 {
		t.Errorf("minifying the %d pages again saves %d of %d bytes (%.2f%%, more than 0.75%%): are the layouts minified?", pages, saved, total, 100*share)
	}
}
