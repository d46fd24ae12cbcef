package render

import (
	"cmp"
	"html/template"
	"path"
	"slices"
	"time"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/model"
)

// Digest is what the portal needs to know about one site.
type Digest struct {
	Site   *config.Site
	Counts map[string]int // pages per section
	Items  []Item         // every berita, cek-fakta and umkm item, newest first

	Plans      []PlanRecord     // every planning item, for the city's open data
	Businesses []BusinessRecord // every UMKM, for the city's open data
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
}

// digestItemsPerSection bounds what a digest keeps of berita, so that the
// portal's memory does not grow with the size of the sites.
const digestItemsPerSection = 10

// DigestOf returns a site's digest without rendering the site, for a
// portal built from sites that the same build does not render. It reads
// the site's planning documents, whose SHA-256 the city's open data lists.
func (r *Renderer) DigestOf(s *content.Site) (Digest, error) {
	sums, err := r.docHashes(s)
	if err != nil {
		return Digest{}, err
	}
	return r.digest(s, sums), nil
}

// digest is the site's digest, given its documents' hashes.
func (r *Renderer) digest(s *content.Site, sums map[string]string) Digest {
	d := digest(s)
	d.Plans, d.Businesses = planRecords(s, sums), businessRecords(s)
	return d
}

func digest(s *content.Site) Digest {
	d := Digest{Site: s.Config, Counts: map[string]int{}}
	for _, sec := range s.Sections {
		d.Counts[sec.Name] = len(sec.Pages)
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
	Checks     []Item
	UMKM       []Item
	Categories []CategoryItems
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

// CategoryItems is one UMKM category with its businesses across the city.
type CategoryItems struct {
	Category string
	Items    []Item
}

// Portal renders the city portal from the sites' digests.
func (r *Renderer) Portal(digests []Digest, out Output) error {
	out = r.only(out)
	bySite := map[string]Digest{}
	var all []Item
	for _, d := range digests {
		bySite[d.Site.ID] = d
		for _, it := range d.Items {
			it.Href = it.URL
			if !d.Site.OwnDomain(r.City) {
				it.Href = d.Site.Path + it.URL[len(d.Site.BaseURL):]
			}
			all = append(all, it)
		}
	}
	slices.SortStableFunc(all, func(a, b Item) int {
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.URL, b.URL))
	})
	p := &Portal{}
	for _, k := range r.City.Kecamatans() {
		kv := KecamatanView{Kecamatan: k, Href: r.City.Path + "kecamatan/" + k.Slug + "/"}
		for _, s := range k.Sites {
			href := s.Path
			if s.OwnDomain(r.City) {
				href = s.BaseURL
			}
			kv.Sites = append(kv.Sites, SiteCounts{Site: s, Href: href, Counts: bySite[s.ID].Counts})
		}
		p.Kecamatans = append(p.Kecamatans, kv)
	}
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
	for _, c := range model.Categories {
		ci := CategoryItems{Category: c}
		for _, it := range p.UMKM {
			if it.Category == c {
				ci.Items = append(ci.Items, it)
			}
		}
		if len(ci.Items) > 0 {
			slices.SortFunc(ci.Items, func(a, b Item) int { return cmp.Compare(a.Title, b.Title) })
			p.Categories = append(p.Categories, ci)
		}
	}
	css := r.css(nil)
	var jobs []job
	add := func(kind, rel, title string, portal *Portal) {
		v := &View{City: r.City, Kind: kind, Title: title, Portal: portal, Path: r.City.Path + rel,
			Canonical: r.City.BaseURL + rel, CSS: template.CSS(css), CSP: csp(css), Dev: r.Dev,
			OGImage: r.City.BaseURL + ogName}
		if kind != "portal" && kind != "notfound" {
			v.Crumbs = []Crumb{{Title: "KIM " + r.City.Name, Path: r.City.Path}, {Title: title, Path: v.Path}}
		}
		if kind == "citycekfakta" {
			v.Feed = r.City.Path + "cek-fakta/index.xml"
		}
		v.fill()
		name := path.Join(rel, "index.html")
		if kind == "notfound" {
			name = "404.html"
		}
		jobs = append(jobs, job{name: name, kind: kind, view: v})
	}
	add("portal", "", r.City.Name, p)
	add("cityumkm", "umkm/", "UMKM "+r.City.Name, p)
	add("citycekfakta", "cek-fakta/", "Cek Fakta "+r.City.Name, p)
	for i := range p.Kecamatans {
		k := *p
		k.Kecamatan = &p.Kecamatans[i]
		k.News, k.Checks, k.UMKM = inKecamatan(p.News, k.Kecamatan.Name), inKecamatan(p.Checks, k.Kecamatan.Name), inKecamatan(p.UMKM, k.Kecamatan.Name)
		add("kecamatan", "kecamatan/"+k.Kecamatan.Slug+"/", "Kecamatan "+k.Kecamatan.Name, &k)
	}
	add("notfound", "", "Halaman tidak ditemukan", p)
	if err := r.execute(jobs, out); err != nil {
		return err
	}
	img, err := r.og.image("")
	if err != nil {
		return err
	}
	if err := out.WriteFile(ogName, img); err != nil {
		return err
	}
	var plans []PlanRecord
	var businesses []BusinessRecord
	for _, d := range digests {
		plans = append(plans, d.Plans...)
		businesses = append(businesses, d.Businesses...)
	}
	if err := writeOpenData(out, "", plans, businesses); err != nil {
		return err
	}
	if err := r.icon("", out); err != nil {
		return err
	}
	return r.portalFeeds(digests, all, jobs, out)
}

// inKecamatan keeps the items of the kecamatan's sites.
func inKecamatan(items []Item, name string) []Item {
	var out []Item
	for _, it := range items {
		if it.Site.Kecamatan == name {
			out = append(out, it)
		}
	}
	return out
}
