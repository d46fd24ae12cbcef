package render

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/model"
)

// Extra lists beside a section's own: the yearly archive of news, UMKM
// category pages, and related pages by shared tags.

// RelatedItems is how many related pages a single page shows.
const RelatedItems = 3

// related returns up to RelatedItems other pages of the site that share
// the most tags with p; ties go to the newest. byTag indexes the site's
// pages by tag slug.
func related(p *content.Page, byTag map[string][]*content.Page) []*content.Page {
	shared := map[*content.Page]int{}
	for _, t := range p.Tags {
		for _, q := range byTag[t.Slug] {
			if q != p {
				shared[q]++
			}
		}
	}
	// Only the best few are wanted: keep them in order as the candidates
	// come, rather than sorting all of them (a tenth of a site's render
	// time went to that sort). The order is total (path breaks the last
	// tie), so the map's random order does not show.
	before := func(a, b *content.Page) bool {
		return cmp.Or(cmp.Compare(shared[b], shared[a]), newestFirst(a, b)) < 0
	}
	best := make([]*content.Page, 0, RelatedItems+1)
	for q := range shared {
		i := len(best)
		for i > 0 && before(q, best[i-1]) {
			i--
		}
		if i < RelatedItems {
			best = slices.Insert(best, i, q)
			best = best[:min(len(best), RelatedItems)]
		}
	}
	return best
}

// tagIndex maps each tag slug to the pages that carry it.
func tagIndex(tags []TagPages) map[string][]*content.Page {
	idx := make(map[string][]*content.Page, len(tags))
	for _, t := range tags {
		idx[t.Slug] = t.Pages
	}
	return idx
}

// YearLink is one year of an archive, with its page and item count.
type YearLink struct {
	Year  int
	Href  string
	Count int
}

// byYear splits pages (newest first) by the year of their date, in WIB.
// Pages without a date are left out.
func byYear(pages []*content.Page) (years []int, split map[int][]*content.Page) {
	split = map[int][]*content.Page{}
	for _, p := range pages {
		if p.Meta.Date.IsZero() {
			continue
		}
		y := p.Meta.Date.In(locale.WIB).Year()
		if split[y] == nil {
			years = append(years, y)
		}
		split[y] = append(split[y], p)
	}
	slices.SortFunc(years, func(a, b int) int { return cmp.Compare(b, a) })
	return years, split
}

// yearLinks links the years under base ("/kauman/berita/arsip/").
func yearLinks(base string, years []int, count func(int) int) []YearLink {
	links := make([]YearLink, len(years))
	for i, y := range years {
		links[i] = YearLink{Year: y, Href: base + strconv.Itoa(y) + "/", Count: count(y)}
	}
	return links
}

// CategoryLink is a UMKM category of the site, with its page.
type CategoryLink struct {
	Category string
	Href     string
	Count    int
}

// categories splits the site's UMKM by category, in model order.
func categories(pages []*content.Page) map[string][]*content.Page {
	split := map[string][]*content.Page{}
	for _, p := range pages {
		if f, ok := p.Front.(*model.UMKMFront); ok {
			split[f.Category] = append(split[f.Category], p)
		}
	}
	return split
}

func categoryLinks(base string, split map[string][]*content.Page) []CategoryLink {
	var links []CategoryLink
	for _, c := range model.Categories {
		if n := len(split[c]); n > 0 {
			links = append(links, CategoryLink{Category: c, Href: base + c + "/", Count: n})
		}
	}
	return links
}
