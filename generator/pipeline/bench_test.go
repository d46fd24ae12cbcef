package pipeline

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/corpus"
	"github.com/kotamalang/kimsite/generator/minify"
	"github.com/kotamalang/kimsite/generator/output"
	"github.com/kotamalang/kimsite/generator/theme"
	"github.com/kotamalang/kimsite/themes"
)

// benchSites × benchPages is the corpus of the stage benchmarks: a few
// sites of the size the speed targets are set for.
const benchSites, benchPages = 4, 200

func benchCorpus(b *testing.B) fstest.MapFS {
	b.Helper()
	fsys := fstest.MapFS{}
	err := corpus.Write(corpus.Options{Sites: benchSites, Pages: benchPages, Seed: 1}, nil, func(name string, data []byte) error {
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	}, nil)
	if err != nil {
		b.Fatal(err)
	}
	return fsys
}

// reportPages reports the cost per Markdown page.
func reportPages(b *testing.B, pages int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*pages), "ns/page")
}

// BenchmarkBuild is the whole build, written to disk.
func BenchmarkBuild(b *testing.B) {
	fsys := benchCorpus(b)
	out := b.TempDir() + "/public"
	for b.Loop() {
		if _, problems, err := Run(Options{Root: ".", FS: fsys, Out: out, ImageCache: "-"}); err != nil || problems.Errors() > 0 {
			b.Fatal(err, problems)
		}
	}
	reportPages(b, benchSites*benchPages)
}

// BenchmarkCheck is the build without output: load and Markdown only.
func BenchmarkCheck(b *testing.B) {
	fsys := benchCorpus(b)
	for b.Loop() {
		if _, problems, err := Run(Options{Root: ".", FS: fsys, ImageCache: "-"}); err != nil || problems.Errors() > 0 {
			b.Fatal(err, problems)
		}
	}
	reportPages(b, benchSites*benchPages)
}

// stages holds the stages and one site loaded, for the stage benchmarks.
type stages struct {
	*Stages
	site *content.Site
}

func loadStages(b *testing.B) *stages {
	b.Helper()
	fsys := benchCorpus(b)
	city, _ := config.Load(fsys)
	st, err := NewStages(city, Options{FS: fsys, ImageCache: "-"})
	if err != nil {
		b.Fatal(err)
	}
	site, problems := st.Load(city.Sites[0])
	if problems.Errors() > 0 {
		b.Fatal(problems)
	}
	return &stages{Stages: st, site: site}
}

// BenchmarkStageLoad reads and checks one site's files and front matter.
func BenchmarkStageLoad(b *testing.B) {
	s := loadStages(b)
	for b.Loop() {
		content.Load(s.FS, s.City.Sites[0], false)
	}
	reportPages(b, benchPages)
}

// BenchmarkStageMarkdown renders one site's bodies.
func BenchmarkStageMarkdown(b *testing.B) {
	s := loadStages(b)
	for b.Loop() {
		s.renderMarkdown(s.site)
	}
	reportPages(b, benchPages)
}

// memOutput keeps files in memory, or discards them.
type memOutput struct{ files map[string][]byte }

func (m *memOutput) WriteFile(name string, data []byte) error {
	if m.files != nil {
		m.files[name] = slices.Clone(data)
	}
	return nil
}

// BenchmarkStageRender renders one site through the theme and the minifier,
// writing nothing.
func BenchmarkStageRender(b *testing.B) {
	s := loadStages(b)
	for b.Loop() {
		if _, err := s.Render.Site(s.site, &memOutput{}); err != nil {
			b.Fatal(err)
		}
	}
	reportPages(b, benchPages)
}

// BenchmarkStageMinify loads the theme, which is where HTML and CSS are
// minified: once per build, in the layouts and the stylesheet, not in
// every page (see package minify).
func BenchmarkStageMinify(b *testing.B) {
	for b.Loop() {
		if _, err := theme.Load(themes.Default(), minify.New()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageWrite writes one site's rendered files to a staging folder
// and swaps it in.
func BenchmarkStageWrite(b *testing.B) {
	s := loadStages(b)
	files := map[string][]byte{}
	if _, err := s.Render.Site(s.site, &memOutput{files: files}); err != nil {
		b.Fatal(err)
	}
	target := b.TempDir() + "/public"
	for b.Loop() {
		d, err := output.Open(target, output.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for name, data := range files {
			if err := d.WriteFile(name, data); err != nil {
				b.Fatal(err)
			}
		}
		if err := d.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	reportPages(b, len(files))
}

func renderedPages(b *testing.B, s *stages) [][]byte {
	files := map[string][]byte{}
	if _, err := s.Render.Site(s.site, &memOutput{files: files}); err != nil {
		b.Fatal(err)
	}
	var pages [][]byte
	for _, data := range files {
		pages = append(pages, data)
	}
	return pages
}
