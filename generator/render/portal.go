package render

import (
	"cmp"
	"fmt"
	"html/template"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/kotamalang/kimsite/generator/agenda"
	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/images"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/search"
)

// Digest is what the portal needs to know about one site. Its open-data
// records go to the city's CityData, which drops them; what stays is
// bounded by the site's own UMKM and cek-fakta, which the city's lists
// show in full.
type Digest struct {
	Site   *config.Site
	Counts map[string]int // pages per section
	Items  []Item         // the newest berita and perencanaan items, every cek-fakta and umkm item; newest first

	Plans      []PlanRecord     // every planning item, for the city's open data
	Businesses []BusinessRecord // every UMKM, for the city's open data
	Events     []*agenda.Event  // every event, for the city's agenda
}

// Item is one page as the portal lists it.
type Item struct {
	Site     *config.Site
	Section  string
	Title    string
	Summary  string
	Href     string // from the portal: a path, or an absolute URL for a site on its own domain
	URL      string // absolute
	Date     time.Time
	Verdict  string
	Category string
	Thumb    *Thumb // the page's photo, for news cards
	Base     string // the site's root from the portal: its path, or its address on a domain of its own
}

// digestItemsPerSection bounds what a digest keeps of berita, so that the
// portal's memory does not grow with the size of the sites.
const digestItemsPerSection = 10

// DigestOf returns a site's digest without rendering the site, for a
// portal built from sites that the same build does not render.
func (r *Renderer) DigestOf(s *content.Site) (Digest, error) {
	return r.digest(s), nil
}

// digest is the site's digest.
func (r *Renderer) digest(s *content.Site) Digest {
	d := digest(s, r.Images)
	d.Plans, d.Businesses = planRecords(s), businessRecords(s)
	d.Events = agenda.Events(s)
	return d
}

func digest(s *content.Site, imgs *images.Set) Digest {
	d := Digest{Site: s.Config, Counts: map[string]int{}}
	for _, sec := range s.Sections {
		d.Counts[sec.Name] = len(sec.Pages)
		if sec.Name == model.Agenda {
			continue // events travel as Digest.Events
		}
		pages := sec.Pages
		if sec.Name == model.Berita || sec.Name == model.Perencanaan {
			pages = pages[:min(len(pages), digestItemsPerSection)]
		}
		for _, p := range pages {
			it := Item{Site: s.Config, Section: sec.Name, Title: p.Meta.Title,
				Summary: cmp.Or(p.Meta.Summary, p.Excerpt), URL: s.Config.URL(p.URL), Date: p.Meta.Date.Time}
			switch f := p.Front.(type) {
			case *model.CekFaktaFront:
				it.Verdict = f.Verdict
			case *model.UMKMFront:
				it.Category = f.Category
			}
			if sec.Name == model.Berita || sec.Name == model.UMKM {
				it.Thumb = thumbOf(imgs, s, p)
			}
			d.Items = append(d.Items, it)
		}
	}
	return d
}

// Portal is what the portal's layouts see.
type Portal struct {
	Kecamatans []KecamatanView
	Kecamatan  *KecamatanView // on a kecamatan's own page
	News       []Item
	Checks     []Item // the newest; on the city's cek-fakta list, this page's
	UMKM       []Item // the newest; on a city UMKM category, this page's
	Category   string // on a city UMKM category
}

// KecamatanView is a kecamatan with its sites and their counts.
type KecamatanView struct {
	config.Kecamatan
	Href  string // the kecamatan's page on the portal
	Sites []SiteCounts
}

// SiteCounts is a site with the number of pages in each section.
type SiteCounts struct {
	Site   *config.Site
	Href   string
	Counts map[string]int
}

// How many of the newest items the portal's pages show; the city's lists
// show the rest, PerPage to a page.
const (
	portalNews   = 6
	portalChecks = 3
	portalUMKM   = 4
)

// Portal renders the city portal from the sites' digests, and the city's
// open data from data.
func (r *Renderer) Portal(digests []Digest, data *CityData, out Output) error {
	out = r.only(out)
	all := portalItems(r.City, digests)
	p := &Portal{Kecamatans: r.kecamatans(digests)}
	for _, it := range all {
		switch it.Section {
		case model.Berita:
			p.News = append(p.News, it)
		case model.CekFakta:
			p.Checks = append(p.Checks, it)
		case model.UMKM:
			p.UMKM = append(p.UMKM, it)
		}
	}
	css := r.css(nil)
	var jobs, cards []job
	portalCard := r.cardJob(card{Title: "KIM " + r.City.Name, Line: r.ui("portal.tagline")})
	if portalCard != nil { // nil when the city's name has nothing to draw
		cards = append(cards, job{name: ogName, card: portalCard})
	}
	add := func(kind, rel, title string, portal *Portal, v *View) {
		v.City, v.Kind, v.Title, v.Portal, v.Path = r.City, kind, title, portal, r.City.Path+rel
		v.Canonical, v.CSS, v.CSP, v.Dev = r.City.BaseURL+rel, template.CSS(css), csp(css), r.Dev
		v.theme = r.Theme
		if portalCard != nil {
			v.OGImage, v.OGSized = r.City.BaseURL+ogName, true
		}
		c := r.portalCard(kind, title, v)
		if c != nil {
			v.OGImage, v.OGSized = r.City.BaseURL+rel+ogName, true
		}
		if kind != "portal" && kind != "notfound" && v.Crumbs == nil {
			v.Crumbs = []Crumb{{Title: "KIM " + r.City.Name, Path: r.City.Path}, {Title: title, Path: v.Path}}
		}
		if kind == "citycekfakta" {
			v.Feed = r.City.Path + "cek-fakta/index.xml"
		}
		if v.Description == "" {
			v.Description = r.portalDescription(kind, title)
		}
		v.fill()
		name := path.Join(rel, "index.html")
		if kind == "notfound" {
			name = "404.html"
		}
		if c != nil && v.Image == v.OGImage {
			cards = append(cards, job{name: path.Join(rel, ogName), card: c})
		}
		jobs = append(jobs, job{name: name, kind: kind, view: v})
	}
	newest := func(items []Item, n int) []Item { return items[:min(n, len(items))] }
	home := *p
	home.News, home.Checks, home.UMKM = newest(p.News, portalNews), newest(p.Checks, portalChecks), newest(p.UMKM, portalUMKM)
	events, now := cityEvents(digests), r.Now
	if now.IsZero() {
		for _, it := range all {
			if it.Date.After(now) {
				now = it.Date
			}
		}
	}
	from, to := agenda.Week(now)
	week := agenda.Between(events, from, to)
	add("portal", "", r.City.Name, &home, &View{Week: week[:min(len(week), portalAgenda/4)]})
	add("cityagenda", "agenda/", "Agenda "+r.City.Name, &Portal{}, &View{Agenda: &AgendaView{
		Occurrences: agenda.Upcoming(events, now, 1, portalAgenda), Feed: r.City.Path + agenda.FeedName}})
	byCategory := map[string][]Item{}
	for _, it := range p.UMKM {
		byCategory[it.Category] = append(byCategory[it.Category], it)
	}
	var links []CategoryLink
	for _, c := range model.Categories {
		if n := len(byCategory[c]); n > 0 {
			links = append(links, CategoryLink{Category: c, Href: r.City.Path + "umkm/kategori/" + c + "/", Count: n})
		}
	}
	add("cityumkm", "umkm/", "UMKM "+r.City.Name, &Portal{UMKM: newest(p.UMKM, PerPage)}, &View{Categories: links})
	for _, c := range links {
		items := byCategory[c.Category]
		slices.SortStableFunc(items, func(a, b Item) int { return cmp.Or(cmp.Compare(a.Title, b.Title), cmp.Compare(a.URL, b.URL)) })
		rel := "umkm/kategori/" + c.Category + "/"
		name := r.ui("category." + c.Category)
		title := "UMKM " + r.City.Name + ": " + name
		for i, page := range paginate(items) {
			add("cityumkm", pageRel(rel, i), title, &Portal{UMKM: page, Category: c.Category},
				&View{Categories: links, Pager: newPager(r.City.Path+rel, i, len(items)), Crumbs: []Crumb{
					{Title: "KIM " + r.City.Name, Path: r.City.Path}, {Title: "UMKM " + r.City.Name, Path: r.City.Path + "umkm/"},
					{Title: name, Path: r.City.Path + rel}}})
		}
	}
	for i, page := range paginate(p.Checks) {
		add("citycekfakta", pageRel("cek-fakta/", i), "Cek Fakta "+r.City.Name, &Portal{Checks: page},
			&View{Pager: newPager(r.City.Path+"cek-fakta/", i, len(p.Checks))})
	}
	for i := range p.Kecamatans {
		k := &p.Kecamatans[i]
		add("kecamatan", "kecamatan/"+k.Slug+"/", "Kecamatan "+k.Name, &Portal{Kecamatan: k,
			News: inKecamatan(p.News, k.Name, portalNews), Checks: inKecamatan(p.Checks, k.Name, portalChecks),
			UMKM: inKecamatan(p.UMKM, k.Name, portalUMKM)}, &View{})
	}
	add("search", "cari/", r.ui("search.city_title"), &Portal{Kecamatans: p.Kecamatans}, &View{})
	add("notfound", "", "Halaman tidak ditemukan", &home, &View{})
	if err := r.execute(append(jobs[:len(jobs):len(jobs)], cards...), out); err != nil {
		return err
	}
	if r.Only == nil || r.Only(agenda.FeedName) {
		if err := out.WriteFile(agenda.FeedName, agenda.Calendar("Agenda "+r.City.Name, events)); err != nil {
			return err
		}
	}
	if err := data.write(out); err != nil {
		return err
	}
	if err := r.icon("", out); err != nil {
		return err
	}
	if err := r.script("", out); err != nil {
		return err
	}
	if err := r.citySearch(p.Kecamatans, all, out); err != nil {
		return err
	}
	return r.portalFeeds(digests, all, jobs, out)
}

// AppendDigest adds a site's digest to those kept for the portal,
// trimming them every trimEvery sites (see TrimDigests): the one rule
// that bounds the portal's memory, whoever builds it.
func AppendDigest(digests []Digest, d Digest) []Digest {
	digests = append(digests, d)
	if len(digests)%trimEvery == 0 {
		TrimDigests(digests)
	}
	return digests
}

// trimEvery is how many sites' digests AppendDigest takes between two
// TrimDigests: trimming costs a sort of every kept item, so not on every
// site, and 64 sites' untrimmed digests are still small.
const trimEvery = 64

// TrimDigests drops from digests the berita and perencanaan items that the
// portal can no longer show, once other sites have newer ones: it keeps
// the newest FeedItems of them (the city's feed), and the newest
// portalNews berita of the city and of each kecamatan. AppendDigest calls
// it as the digests come in, so that what it keeps for the portal does not
// grow with the number of sites; the portal is the same as from the whole
// digests.
func TrimDigests(digests []Digest) {
	type ref struct{ d, i int }
	var refs []ref
	for d := range digests {
		for i, it := range digests[d].Items {
			if it.Section == model.Berita || it.Section == model.Perencanaan {
				refs = append(refs, ref{d, i})
			}
		}
	}
	item := func(r ref) *Item { return &digests[r.d].Items[r.i] }
	slices.SortFunc(refs, func(a, b ref) int { return newestItem(*item(a), *item(b)) })
	keep := map[ref]bool{}
	for _, r := range refs[:min(len(refs), FeedItems)] {
		keep[r] = true
	}
	city, inKecamatan := 0, map[string]int{}
	for _, r := range refs {
		if it := item(r); it.Section == model.Berita {
			if city < portalNews || inKecamatan[it.Site.Kecamatan] < portalNews {
				keep[r] = true
			}
			city++
			inKecamatan[it.Site.Kecamatan]++
		}
	}
	for d := range digests {
		var items []Item // a new array, so that the dropped items are freed
		for i, it := range digests[d].Items {
			if keep[ref{d, i}] || it.Section != model.Berita && it.Section != model.Perencanaan {
				items = append(items, it)
			}
		}
		digests[d].Items = items
	}
}

// newestItem orders items newest first, then by URL.
func newestItem(a, b Item) int { return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.URL, b.URL)) }

// portalItems returns the items of every digest, newest first, with their
// links from the portal.
func portalItems(city *config.City, digests []Digest) []Item {
	var all []Item
	for _, d := range digests {
		for _, it := range d.Items {
			// A site on a domain of its own is another origin, which the
			// portal's Content-Security-Policy does not let images come from.
			if d.Site.OwnDomain(city) {
				it.Href, it.Base, it.Thumb = it.URL, d.Site.BaseURL, nil
			} else {
				it.Href, it.Base = d.Site.Path+it.URL[len(d.Site.BaseURL):], d.Site.Path
			}
			all = append(all, it)
		}
	}
	slices.SortStableFunc(all, newestItem)
	return all
}

// kecamatans lists the city's kecamatans with their sites' counts.
func (r *Renderer) kecamatans(digests []Digest) []KecamatanView {
	counts := map[string]map[string]int{}
	for _, d := range digests {
		counts[d.Site.ID] = d.Counts
	}
	var ks []KecamatanView
	for _, k := range r.City.Kecamatans() {
		kv := KecamatanView{Kecamatan: k, Href: r.City.Path + "kecamatan/" + k.Slug + "/"}
		for _, s := range k.Sites {
			href := s.Path
			if s.OwnDomain(r.City) {
				href = s.BaseURL
			}
			kv.Sites = append(kv.Sites, SiteCounts{Site: s, Href: href, Counts: counts[s.ID]})
		}
		ks = append(ks, kv)
	}
	return ks
}

// inKecamatan keeps the first n items of the kecamatan's sites.
func inKecamatan(items []Item, name string, n int) []Item {
	var out []Item
	for _, it := range items {
		if len(out) == n {
			break
		}
		if it.Site.Kecamatan == name {
			out = append(out, it)
		}
	}
	return out
}

// portalDescription is a portal page's description, for search engines
// and the text of share previews: every page has one.
func (r *Renderer) portalDescription(kind, title string) string {
	switch kind {
	case "portal":
		return r.ui("portal.intro")
	case "cityumkm":
		return title + ". " + r.ui("portal.city_umkm_intro")
	case "citycekfakta":
		return r.ui("portal.city_checks_intro")
	case "kecamatan":
		return fmt.Sprintf(r.ui("portal.kecamatan_intro"), title, r.City.Name)
	case "search":
		return fmt.Sprintf(r.ui("search.city_intro"), r.City.Name)
	}
	return fmt.Sprintf(r.ui("notfound.intro"), r.City.Name)
}

// citySearch writes the portal's search index: every kelurahan, and what
// the digests keep of their pages (the newest news and plans, every
// business and clarification).
func (r *Renderer) citySearch(ks []KecamatanView, items []Item, out Output) error {
	var entries []search.Entry
	for _, k := range ks {
		for _, s := range k.Sites {
			entries = append(entries, search.Entry{Title: s.Site.Name, URL: strings.TrimPrefix(s.Href, r.City.Path),
				Section: r.ui("portal.kelurahan"), Text: "kecamatan " + k.Name + " " + s.Site.KIM})
		}
	}
	// Of news and plans, only the newest FeedItems: what TrimDigests keeps
	// of them whatever the order the sites come in, so the index is the
	// same for every build of the same content.
	older := 0
	for _, it := range items {
		if it.Section == model.Berita || it.Section == model.Perencanaan {
			if older++; older > FeedItems {
				continue
			}
		}
		entries = append(entries, search.Entry{Title: it.Title, URL: strings.TrimPrefix(it.Href, r.City.Path),
			Section: r.sectionTitle(it.Section), Text: it.Summary + " " + it.Site.Name + " " + it.Category + " " + it.Verdict})
	}
	idx, err := search.BuildEntries(entries)
	if err != nil {
		return err
	}
	return out.WriteFile(search.File, idx)
}

// sectionTitle is a section's name as residents read it.
func (r *Renderer) sectionTitle(name string) string {
	for _, s := range model.Sections {
		if s.Name == name {
			return s.Title
		}
	}
	return name
}

// cityEvents gathers every site's events, in sites.yaml order.
func cityEvents(digests []Digest) []*agenda.Event {
	var events []*agenda.Event
	for _, d := range digests {
		events = append(events, d.Events...)
	}
	return events
}
