package render

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"path"
	"slices"
	"time"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/minify"
	"github.com/kotamalang/kimsite/generator/model"
)

// FeedItems is the number of items in a feed.
const FeedItems = 20

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language"`
	LastBuild   string    `xml:"lastBuildDate,omitempty"`
	Items       []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	GUID        string `xml:"guid"`
	PubDate     string `xml:"pubDate,omitempty"`
	Description string `xml:"description,omitempty"`
	Category    string `xml:"category,omitempty"`
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

func (r *Renderer) writeXML(out Output, name string, v any) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	data, err := r.Minify.Bytes(minify.XML, buf.Bytes())
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return out.WriteFile(name, data)
}

func rssDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC1123Z)
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// siteFeeds writes the site's RSS feed and sitemap.
func (r *Renderer) siteFeeds(s *content.Site, out Output) error {
	var items []*content.Page
	for _, sec := range s.Sections {
		if sec.Name != model.UMKM {
			items = append(items, sec.Pages...)
		}
	}
	slices.SortStableFunc(items, newestFirst)
	items = items[:min(len(items), FeedItems)]
	ch := rssChannel{Title: s.Config.Name, Link: s.Config.BaseURL, Language: "id",
		Description: fmt.Sprintf("Kabar terbaru dari %s, %s", s.Config.Name, r.City.Name)}
	for _, p := range items {
		ch.Items = append(ch.Items, rssItem{Title: p.Meta.Title, Link: s.Config.URL(p.URL), GUID: s.Config.URL(p.URL),
			PubDate: rssDate(p.Meta.Date.Time), Description: cmp.Or(p.Meta.Summary, p.Excerpt), Category: p.Section})
	}
	if len(items) > 0 {
		ch.LastBuild = rssDate(items[0].Meta.Date.Time)
	}
	if err := r.writeXML(out, path.Join(s.Config.ID, "index.xml"), rss{Version: "2.0", Channel: ch}); err != nil {
		return err
	}
	set := urlset{NS: sitemapNS}
	for _, p := range s.Pages() {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.Config.URL(p.URL), LastMod: isoDate(p.Meta.Date.Time)})
	}
	if err := r.writeXML(out, path.Join(s.Config.ID, "sitemap.xml"), set); err != nil {
		return err
	}
	if s.Config.OwnDomain(r.City) {
		robots := "User-agent: *\nAllow: /\nSitemap: " + s.Config.URL("sitemap.xml") + "\n"
		return out.WriteFile(path.Join(s.Config.ID, "robots.txt"), []byte(robots))
	}
	return nil
}

// portalFeeds writes the city-wide feed, the sitemap index and robots.txt.
func (r *Renderer) portalFeeds(digests []Digest, all []Item, out Output) error {
	ch := rssChannel{Title: r.City.Name, Link: r.City.BaseURL, Language: "id",
		Description: "Kabar dan cek fakta dari kelurahan di " + r.City.Name}
	for _, it := range all {
		if it.Section == model.UMKM || len(ch.Items) == FeedItems {
			continue
		}
		ch.Items = append(ch.Items, rssItem{Title: it.Site.Name + ": " + it.Title, Link: it.URL, GUID: it.URL,
			PubDate: rssDate(it.Date), Description: it.Summary, Category: it.Section})
	}
	if len(ch.Items) > 0 {
		ch.LastBuild = ch.Items[0].PubDate
	}
	if err := r.writeXML(out, "index.xml", rss{Version: "2.0", Channel: ch}); err != nil {
		return err
	}
	portal := urlset{NS: sitemapNS}
	portal.URLs = append(portal.URLs, sitemapURL{Loc: r.City.BaseURL}, sitemapURL{Loc: r.City.BaseURL + "umkm/"}, sitemapURL{Loc: r.City.BaseURL + "cek-fakta/"})
	for _, k := range r.City.Kecamatans() {
		portal.URLs = append(portal.URLs, sitemapURL{Loc: r.City.BaseURL + "kecamatan/" + k.Slug + "/"})
	}
	if err := r.writeXML(out, "sitemap-portal.xml", portal); err != nil {
		return err
	}
	index := sitemapIndex{NS: sitemapNS, Sitemaps: []sitemapURL{{Loc: r.City.BaseURL + "sitemap-portal.xml"}}}
	for _, d := range digests {
		if !d.Site.OwnDomain(r.City) {
			index.Sitemaps = append(index.Sitemaps, sitemapURL{Loc: d.Site.URL("sitemap.xml")})
		}
	}
	if err := r.writeXML(out, "sitemap.xml", index); err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\nDisallow: /admin/\nSitemap: " + r.City.BaseURL + "sitemap.xml\n"
	return out.WriteFile("robots.txt", []byte(robots))
}
