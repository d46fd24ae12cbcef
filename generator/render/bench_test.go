package render

import (
	"bytes"
	"context"
	"html/template"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/corpus"
)

// singleViews loads one generated 200-page site and returns the view of
// each of its section pages, as Site builds them.
func singleViews(b *testing.B) (*Renderer, []*View) {
	b.Helper()
	fsys := fstest.MapFS{}
	err := corpus.Write(corpus.Options{Sites: 1, Pages: 200, Seed: 1}, nil, func(name string, data []byte) error {
		fsys[name] = &fstest.MapFile{Data: data}
		return nil
	}, nil)
	if err != nil {
		b.Fatal(err)
	}
	return pageViews(b, fsys)
}

// pageViews returns the view of each section page of fsys's first site.
func pageViews(b testing.TB, fsys fs.FS) (*Renderer, []*View) {
	b.Helper()
	r, load, err := NewStages(fsys)
	if err != nil {
		b.Fatal(err)
	}
	city := r.City
	site, problems := load(city.Sites[0])
	if len(problems) > 0 {
		b.Fatal(problems)
	}
	css := r.css(site.Config)
	var views []*View
	for _, sec := range site.Sections {
		for _, p := range sec.Pages {
			v := &View{Section: sec, Page: p, Title: p.Meta.Title, City: city, Site: site.Config, Content: site, Kind: "single",
				Path: site.Config.Path + p.URL, Canonical: site.Config.URL(p.URL), CSS: template.CSS(css), CSP: csp(css)}
			v.theme = r.Theme
			v.fill()
			if v.Parts, err = r.parts(v); err != nil {
				b.Fatal(err)
			}
			views = append(views, v)
		}
	}
	return r, views
}

// BenchmarkTemplates renders the section pages of a 200-page site
// through the theme's layouts.
func BenchmarkTemplates(b *testing.B) {
	r, views := singleViews(b)
	var buf bytes.Buffer
	ctx := context.Background()
	for b.Loop() {
		for _, v := range views {
			buf.Reset()
			if err := r.Layouts.Page(v).Render(ctx, &buf); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(views)), "ns/page")
}

// BenchmarkShareImage draws one site's default share card, and a page's
// card with a long title and a badge, with one painter for every drawing
// as in a build: its glyph cache is filled by the first.
func BenchmarkShareImage(b *testing.B) {
	cards := map[string]card{
		"site": {Title: "Kelurahan Kauman", Line: "Kecamatan Klojen · Kota Malang"},
		"page": {Title: "Kerja bakti membersihkan saluran air di RW 05 menjelang musim hujan bersama warga dan karang taruna",
			Badge: "berita", Name: "Kelurahan Kauman", Line: "Kecamatan Klojen · Kota Malang"},
	}
	for _, name := range []string{"site", "page"} {
		b.Run(name, func(b *testing.B) {
			var p painter
			for b.Loop() {
				img, err := p.draw(cards[name])
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(img)), "bytes")
			}
		})
	}
}
