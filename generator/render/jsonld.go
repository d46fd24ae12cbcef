package render

import (
	"cmp"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/phone"
)

// Structured data (schema.org JSON-LD) for search engines and share
// previews. Layouts write View.JSONLD inside <script
// type="application/ld+json"> through JSONText, which marshals the Go
// value as JSON and escapes "<", so text from content can never close the
// script element. A data block is not executed, so the pages'
// "script-src 'self'" policy does not apply to it.

type ld = map[string]any

// ratings maps a verdict to a ClaimReview rating from 1 (false) to 5 (true).
var ratings = map[string]int{"hoaks": 1, "disinformasi": 1, "misinformasi": 2, "menyesatkan": 2, "benar": 5}

// jsonLD returns the page's structured data: a graph of the kelurahan,
// the breadcrumb trail and the page's own item.
func (v *View) jsonLD() any {
	var graph []any
	if v.Site == nil {
		if v.Kind == "portal" {
			graph = append(graph, ld{"@type": "GovernmentOrganization", "@id": v.City.BaseURL + "#kota",
				"name": v.City.Name, "url": v.City.BaseURL})
		}
		return wrapGraph(append(graph, v.breadcrumbs()...))
	}
	if v.Kind == "home" {
		graph = append(graph, v.organization())
	}
	graph = append(graph, v.breadcrumbs()...)
	if v.Kind == "single" && v.Page != nil {
		if item := v.pageItem(); item != nil {
			graph = append(graph, item)
		}
	}
	return wrapGraph(graph)
}

func wrapGraph(graph []any) any {
	if len(graph) == 0 {
		return nil
	}
	return ld{"@context": "https://schema.org", "@graph": graph}
}

// organization is the kelurahan as a GovernmentOrganization.
func (v *View) organization() ld {
	s := v.Site
	org := ld{"@type": "GovernmentOrganization", "@id": s.BaseURL + "#kelurahan", "name": s.Name, "url": s.BaseURL,
		"areaServed":         ld{"@type": "AdministrativeArea", "name": s.Name + ", Kecamatan " + s.Kecamatan + ", " + v.City.Name},
		"parentOrganization": ld{"@type": "GovernmentOrganization", "name": "Kecamatan " + s.Kecamatan}}
	if a := s.Contact.Address; a != "" {
		org["address"] = ld{"@type": "PostalAddress", "streetAddress": a, "addressLocality": v.City.Name, "addressCountry": "ID"}
	}
	if e := s.Contact.Email; e != "" {
		org["email"] = e
	}
	if n, ok := phone.WhatsApp(s.Contact.WhatsApp); ok {
		org["telephone"] = "+" + n
	}
	var same []string
	for _, u := range []string{s.Social.YouTube, s.Social.Instagram, s.Social.Facebook, s.Social.TikTok, s.Social.X} {
		if u != "" {
			same = append(same, u)
		}
	}
	if same != nil {
		org["sameAs"] = same
	}
	if v.Image != "" {
		org["image"] = v.Image
	}
	return org
}

// breadcrumbs is the trail as a BreadcrumbList, with absolute URLs.
func (v *View) breadcrumbs() []any {
	if len(v.Crumbs) < 2 {
		return nil
	}
	items := make([]any, len(v.Crumbs))
	for i, c := range v.Crumbs {
		items[i] = ld{"@type": "ListItem", "position": i + 1, "name": c.Title, "item": v.absolute(c.Path)}
	}
	return []any{ld{"@type": "BreadcrumbList", "itemListElement": items}}
}

// absolute turns a URL path of the current site or the portal into a URL.
func (v *View) absolute(p string) string {
	if v.Site != nil {
		if rel, ok := strings.CutPrefix(p, v.Site.Path); ok {
			return v.Site.URL(rel)
		}
	}
	return v.City.BaseURL + strings.TrimPrefix(strings.TrimPrefix(p, v.City.Path), "/")
}

func isoTime(t time.Time) string { return t.In(locale.WIB).Format(time.RFC3339) }

// publisher is the KIM that writes the site, on behalf of the kelurahan.
func (v *View) publisher() ld {
	return ld{"@type": "Organization", "name": cmp.Or(v.Site.KIM, "KIM "+v.Site.Name), "url": v.Site.BaseURL}
}

// pageItem is the page's own item: NewsArticle, LocalBusiness or
// ClaimReview; nil for a planning item, which schema.org has no type for.
func (v *View) pageItem() ld {
	p := v.Page
	switch f := p.Front.(type) {
	case *model.BeritaFront:
		a := ld{"@type": "NewsArticle", "headline": p.Meta.Title, "url": v.Canonical, "mainEntityOfPage": v.Canonical,
			"datePublished": isoTime(p.Meta.Date.Time), "inLanguage": "id", "publisher": v.publisher(),
			"author": v.publisher(), "image": []string{v.Image}}
		if f.Author != "" {
			a["author"] = ld{"@type": "Person", "name": f.Author}
		}
		if v.Description != "" {
			a["description"] = v.Description
		}
		return a
	case *model.UMKMFront:
		return v.localBusiness(f)
	case *model.CekFaktaFront:
		return v.claimReview(f)
	case *model.AgendaFront:
		return v.eventItem()
	}
	return nil
}

func (v *View) localBusiness(f *model.UMKMFront) ld {
	p := v.Page
	b := ld{"@type": "LocalBusiness", "name": p.Meta.Title, "url": v.Canonical, "image": v.Image,
		"priceRange": "Rp", "currenciesAccepted": "IDR"}
	if v.Description != "" {
		b["description"] = v.Description
	}
	if n, ok := phone.WhatsApp(f.WhatsApp); ok {
		b["telephone"] = "+" + n
	}
	if f.Address != "" {
		b["address"] = ld{"@type": "PostalAddress", "streetAddress": f.Address, "addressLocality": v.City.Name, "addressCountry": "ID"}
	}
	if f.Owner != "" {
		b["founder"] = ld{"@type": "Person", "name": f.Owner}
	}
	var offers []any
	for _, pr := range f.Products {
		item := ld{"@type": "Product", "name": pr.Name}
		if u := p.FileURL(pr.Image); u != "" {
			item["image"] = v.Site.URL(u)
		}
		o := ld{"@type": "Offer", "itemOffered": item, "priceCurrency": "IDR"}
		if pr.Price > 0 {
			o["price"] = strconv.FormatInt(pr.Price, 10)
		}
		offers = append(offers, o)
	}
	if offers != nil {
		b["makesOffer"] = offers
	}
	var same []string
	for _, k := range slices.Sorted(maps.Keys(f.Links)) {
		same = append(same, f.Links[k])
	}
	if same != nil {
		b["sameAs"] = same
	}
	return b
}

func (v *View) claimReview(f *model.CekFaktaFront) ld {
	p := v.Page
	appearance := ld{"@type": "CreativeWork", "name": cmp.Or(f.ClaimSource, "Pesan yang beredar")}
	r := ld{"@type": "ClaimReview", "url": v.Canonical, "claimReviewed": f.Claim, "inLanguage": "id",
		"datePublished": isoTime(p.Meta.Date.Time), "author": v.publisher(),
		"reviewRating": ld{"@type": "Rating", "ratingValue": ratings[f.Verdict], "bestRating": 5, "worstRating": 1,
			"alternateName": strings.ToUpper(f.Verdict)},
		"itemReviewed": ld{"@type": "Claim", "appearance": []any{appearance}},
	}
	if f.CheckedBy != nil && f.CheckedBy.URL != "" {
		r["isBasedOn"] = f.CheckedBy.URL
	}
	return r
}
