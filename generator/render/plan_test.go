package render

import (
	"bytes"
	"cmp"
	"fmt"
	"image/png"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/model"
)

func planPage(slug string, year int, stage string, budget int64, funding string) *content.Page {
	f := &model.PerencanaanFront{Year: year, Stage: stage, Budget: budget, Funding: funding}
	f.Title = slug
	return &content.Page{Section: model.Perencanaan, Slug: slug, URL: "perencanaan/" + slug + "/", Front: f, Meta: f.Base()}
}

// TestPlanTotals checks the totals against sums worked out by hand.
func TestPlanTotals(t *testing.T) {
	pages := []*content.Page{
		planPage("a", 2026, "dikerjakan", 185_000_000, "APBD Kota"),
		planPage("b", 2026, "usulan", 75_000_000, "APBD Kota"),
		planPage("c", 2025, "selesai", 48_500_000, "Dana Kelurahan"),
		planPage("d", 2025, "ditunda", 150_000_000, "Swadaya"),
		planPage("e", 2026, "ditolak", 420_000_000, "APBD Kota"),
		planPage("f", 2026, "usulan", 12_345_678, ""),
		planPage("g", 2026, "selesai", 1_000, "CSR"),
	}
	years := planYears(pages)
	if !slices.Equal(years, []int{2026, 2025}) {
		t.Fatalf("years = %v", years)
	}
	all := newPlan(pages, 0, years)
	// On the path: 185.000.000 + 75.000.000 + 48.500.000 + 12.345.678 + 1.000.
	if all.Total.Amount != 320_846_678 || all.Total.Count != 5 {
		t.Errorf("total = %+v, want 320.846.678 in 5 items", all.Total)
	}
	// Apart: 150.000.000 + 420.000.000.
	if all.Apart.Amount != 570_000_000 || all.Apart.Count != 2 {
		t.Errorf("apart = %+v, want 570.000.000 in 2 items", all.Apart)
	}
	wantStages := []Total{
		{"usulan", 87_345_678, 2}, {"dikerjakan", 185_000_000, 1}, {"selesai", 48_501_000, 2},
		{"ditolak", 420_000_000, 1}, {"ditunda", 150_000_000, 1},
	}
	if !slices.Equal(all.ByStage, wantStages) {
		t.Errorf("by stage = %v\nwant %v", all.ByStage, wantStages)
	}
	// APBD Kota on the path: 185.000.000 + 75.000.000 (the rejected 420.000.000 is not spent).
	wantFunding := []Total{
		{"APBD Kota", 260_000_000, 2}, {"Dana Kelurahan", 48_500_000, 1}, {noFunding, 12_345_678, 1}, {"CSR", 1_000, 1},
	}
	if !slices.Equal(all.ByFunding, wantFunding) {
		t.Errorf("by funding = %v\nwant %v", all.ByFunding, wantFunding)
	}
	var groups []string
	for _, g := range all.Groups {
		groups = append(groups, g.Stage)
		if g.Apart != (g.Stage == "ditolak" || g.Stage == "ditunda") {
			t.Errorf("group %s apart = %v", g.Stage, g.Apart)
		}
	}
	if !slices.Equal(groups, []string{"usulan", "dikerjakan", "selesai", "ditolak", "ditunda"}) {
		t.Errorf("groups in order %v", groups)
	}
	y2025 := newPlan(pages, 2025, years)
	if y2025.Total.Amount != 48_500_000 || y2025.Apart.Amount != 150_000_000 || len(y2025.Groups) != 2 {
		t.Errorf("2025: total %+v, apart %+v, %d groups", y2025.Total, y2025.Apart, len(y2025.Groups))
	}
}

func TestStageChart(t *testing.T) {
	c := stageChart([]Total{{"usulan", 50, 1}, {"selesai", 200, 1}, {"ditolak", 1, 1}, {"ditunda", 0, 1}})
	span := chartWidth - chartLabel - chartValue
	lengths := []int{c.Bars[0].Length, c.Bars[1].Length, c.Bars[2].Length, c.Bars[3].Length}
	if !slices.Equal(lengths, []int{span / 4, span, 2, 0}) {
		t.Errorf("bar lengths %v, want [%d %d 2 0]", lengths, span/4, span)
	}
	if c.Bars[1].Apart || !c.Bars[2].Apart {
		t.Error("ditolak should be drawn apart, selesai not")
	}
	for _, b := range c.Bars {
		if b.ValueX()+chartValue > chartWidth+chartValue || b.Y+chartBar > c.Height {
			t.Errorf("bar %+v outside the chart", b)
		}
	}
	if stageChart([]Total{{"usulan", 0, 1}}) != nil {
		t.Error("a chart of zero budgets should not be drawn")
	}
}

func TestStagePath(t *testing.T) {
	states := func(stage string) string {
		var s []string
		for _, st := range StagePath(stage) {
			s = append(s, st.Stage+":"+st.State)
		}
		return strings.Join(s, " ")
	}
	tests := map[string]string{
		"usulan":     "usulan:current diverifikasi:todo dianggarkan:todo dikerjakan:todo selesai:todo",
		"dikerjakan": "usulan:done diverifikasi:done dianggarkan:done dikerjakan:current selesai:todo",
		"selesai":    "usulan:done diverifikasi:done dianggarkan:done dikerjakan:done selesai:current",
		"ditolak":    "usulan:done ditolak:current",
		"ditunda":    "usulan:done ditunda:current",
	}
	for stage, want := range tests {
		if got := states(stage); got != want {
			t.Errorf("StagePath(%s) = %s, want %s", stage, got, want)
		}
	}
}

func TestOGImage(t *testing.T) {
	c := card{Title: "Kelurahan Uji", Line: "Kota Malang", Accent: "#123456"}
	a, err := new(painter).draw(c)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := new(painter).draw(c)
	if !bytes.Equal(a, b) {
		t.Error("the same site gives different images")
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != ogWidth || img.Bounds().Dy() != ogHeight {
		t.Errorf("size %v", img.Bounds())
	}
	if r, g, bl, _ := img.At(0, 0).RGBA(); r>>8 != 0x12 || g>>8 != 0x34 || bl>>8 != 0x56 {
		t.Errorf("corner colour %x %x %x, want the accent", r>>8, g>>8, bl>>8)
	}
	if len(a) > 20_000 {
		t.Errorf("default share image is %d bytes", len(a))
	}
}

func TestShareImage(t *testing.T) {
	for name, want := range map[string]bool{"a.jpg": true, "a.JPEG": true, "b.png": true, "c.webp": false, "d.gif": false, "e.svg": false} {
		if shareImage(name) != want {
			t.Errorf("shareImage(%s) = %v", name, !want)
		}
	}
}

func TestRelated(t *testing.T) {
	mk := func(slug, date string, tags ...string) *content.Page {
		f := &model.BeritaFront{}
		f.Title = slug
		f.Date.Time, _ = time.Parse("2006-01-02", date)
		p := &content.Page{Slug: slug, Path: slug, Front: f, Meta: f.Base()}
		for _, tg := range tags {
			p.Tags = append(p.Tags, content.Tag{Name: tg, Slug: tg})
		}
		return p
	}
	self := mk("self", "2026-01-01", "a", "b")
	both := mk("both", "2025-01-01", "a", "b")
	newA := mk("new-a", "2026-06-01", "a")
	oldA := mk("old-a", "2024-06-01", "a")
	onlyB := mk("only-b", "2026-05-01", "b")
	other := mk("other", "2026-07-01", "c")
	idx := map[string][]*content.Page{"a": {self, both, newA, oldA}, "b": {self, both, onlyB}, "c": {other}}
	var got []string
	for _, p := range related(self, idx) {
		got = append(got, p.Slug)
	}
	// Most shared tags first, then newest.
	if want := []string{"both", "new-a", "only-b"}; !slices.Equal(got, want) {
		t.Errorf("related = %v, want %v", got, want)
	}
}

// TestRelatedIsTheSortedTop compares related with sorting every candidate,
// on random sites: it must pick the same pages in the same order.
func TestRelatedIsTheSortedTop(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var pages []*content.Page
		idx := map[string][]*content.Page{}
		for i := range 1 + rng.IntN(30) {
			f := &model.BeritaFront{}
			f.Date.Time = time.Date(2026, 1, 1+rng.IntN(5), 0, 0, 0, 0, time.UTC) // many ties
			p := &content.Page{Slug: fmt.Sprint(i), Path: fmt.Sprintf("p%02d", i), Front: f, Meta: f.Base()}
			for _, tg := range []string{"a", "b", "c", "d"} {
				if rng.IntN(2) == 0 {
					p.Tags = append(p.Tags, content.Tag{Name: tg, Slug: tg})
					idx[tg] = append(idx[tg], p)
				}
			}
			pages = append(pages, p)
		}
		self := pages[0]
		shared := map[*content.Page]int{}
		for _, tg := range self.Tags {
			for _, q := range idx[tg.Slug] {
				if q != self {
					shared[q]++
				}
			}
		}
		var want []*content.Page
		for q := range shared {
			want = append(want, q)
		}
		slices.SortFunc(want, func(a, b *content.Page) int {
			return cmp.Or(cmp.Compare(shared[b], shared[a]), newestFirst(a, b))
		})
		want = want[:min(len(want), RelatedItems)]
		if got := related(self, idx); !slices.Equal(got, want) {
			t.Fatalf("round %d: related picked %d pages, not the sorted top %d", round, len(got), len(want))
		}
	}
}
