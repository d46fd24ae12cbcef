package render

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/kotamalang/kimsite/generator/model"
)

// beritaViews are the news pages of singleViews' site.
func beritaViews(b testing.TB, r *Renderer, views []*View) []*View {
	var out []*View
	for _, v := range views {
		if v.Section.Name == model.Berita {
			v.theme = r.Theme
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		b.Fatal("no news pages")
	}
	return out
}

// BenchmarkArticleTemplates renders the same news pages through the
// html/template theme and through its templ port (article.templ).
func BenchmarkArticleTemplates(b *testing.B) {
	r, all := singleViews(b)
	views := beritaViews(b, r, all)
	// Both engines must write the same bytes.
	for _, v := range views {
		var h, t bytes.Buffer
		if err := r.Theme.Execute(&h, "single", v); err != nil {
			b.Fatal(err)
		}
		if err := articleBase(v).Render(context.Background(), &t); err != nil {
			b.Fatal(err)
		}
		hm, tm := h.Bytes(), t.Bytes()
		if !bytes.Equal(hm, tm) {
			os.WriteFile("/tmp/h.html", hm, 0o644)
			os.WriteFile("/tmp/t.html", tm, 0o644)
			b.Fatalf("%s: the engines differ:\n%s", v.Path, firstDiff(bytes.ReplaceAll(tm, []byte("><"), []byte(">\n<")), bytes.ReplaceAll(hm, []byte("><"), []byte(">\n<"))))
		}
	}
	b.Run("html_template", func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			for _, v := range views {
				buf.Reset()
				if err := r.Theme.Execute(&buf, "single", v); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(views)), "ns/page")
	})
	b.Run("templ", func(b *testing.B) {
		var buf bytes.Buffer
		ctx := context.Background()
		for b.Loop() {
			for _, v := range views {
				buf.Reset()
				if err := articleBase(v).Render(ctx, &buf); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(views)), "ns/page")
	})
}
