package render

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"path"
	"slices"
	"strings"
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

// isoDate is a date as sitemaps and the open data files write it
// (2006-01-02), or "" for none.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// siteFeeds writes the site's RSS feeds (the whole site, and each dated
// section) and its sitemap, which lists every page rendered in jobs.
func (r *Renderer) siteFeeds(s *content.Site, jobs []job, out Output) error {
	var items []*content.Page
	for _, sec := range s.Sections {
		// UMKM have no dates; events have their own calendar (agenda.ics).
		if sec.Name != model.UMKM && sec.Name != model.Agenda {
			items = append(items, sec.Pages...)
			title := sec.Title + " · " + s.Config.Name
			desc := fmt.Sprintf("%s dari %s, %s", sec.Title, s.Config.Name, r.City.Name)
			if err := r.writeXML(out, path.Join(s.Config.ID, sec.Name, "index.xml"), siteFeed(s, title, s.Config.URL(sec.Name+"/"), desc, sec.Pages)); err != nil {
				return err
			}
		}
	}
	slices.SortStableFunc(items, newestFirst)
	feed := siteFeed(s, s.Config.Name, s.Config.BaseURL, fmt.Sprintf("Kabar terbaru dari %s, %s", s.Config.Name, r.City.Name), items)
	if err := r.writeXML(out, path.Join(s.Config.ID, "index.xml"), feed); err != nil {
		return err
	}
	set := urlset{NS: sitemapNS}
	for _, j := range jobs {
		var mod time.Time
		if j.view.Kind == "single" || j.view.Kind == "page" {
			mod = j.view.Page.Meta.Date.Time
		}
		set.URLs = append(set.URLs, sitemapURL{Loc: j.view.Canonical, LastMod: isoDate(mod)})
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

// siteFeed is an RSS 2.0 feed of the newest FeedItems of pages (sorted
// newest first). A clarification's title carries its verdict.
func siteFeed(s *content.Site, title, link, desc string, pages []*content.Page) rss {
	pages = pages[:min(len(pages), FeedItems)]
	ch := rssChannel{Title: title, Link: link, Language: "id", Description: desc}
	for _, p := range pages {
		ch.Items = append(ch.Items, rssItem{Title: pageTitle(p), Link: s.Config.URL(p.URL), GUID: s.Config.URL(p.URL),
			PubDate: rssDate(p.Meta.Date.Time), Description: cmp.Or(p.Meta.Summary, p.Excerpt), Category: p.Section})
	}
	if len(pages) > 0 {
		ch.LastBuild = rssDate(pages[0].Meta.Date.Time)
	}
	return rss{Version: "2.0", Channel: ch}
}

// portalFeeds writes the city-wide feeds (everything, and clarifications
// alone), the sitemap index and robots.txt.
func (r *Renderer) portalFeeds(digests []Digest, all []Item, jobs []job, out Output) error {
	var news, checks []Item
	for _, it := range all {
		if it.Section != model.UMKM {
			news = append(news, it)
		}
		if it.Section == model.CekFakta {
			checks = append(checks, it)
		}
	}
	if err := r.writeXML(out, "index.xml", cityFeed(r.City.Name, r.City.BaseURL, "Kabar dan cek fakta dari kelurahan di "+r.City.Name, news)); err != nil {
		return err
	}
	if err := r.writeXML(out, "cek-fakta/index.xml", cityFeed("Cek Fakta "+r.City.Name, r.City.BaseURL+"cek-fakta/", "Klarifikasi hoaks dari kelurahan di "+r.City.Name, checks)); err != nil {
		return err
	}
	portal := urlset{NS: sitemapNS}
	for _, j := range jobs {
		if j.kind != "notfound" {
			portal.URLs = append(portal.URLs, sitemapURL{Loc: j.view.Canonical})
		}
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

// cityFeed is an RSS 2.0 feed of the newest FeedItems of the portal's
// items (sorted newest first), each titled with its kelurahan.
func cityFeed(title, link, desc string, items []Item) rss {
	items = items[:min(len(items), FeedItems)]
	ch := rssChannel{Title: title, Link: link, Language: "id", Description: desc}
	for _, it := range items {
		t := it.Title
		if it.Verdict != "" {
			t = "[" + strings.ToUpper(it.Verdict) + "] " + t
		}
		ch.Items = append(ch.Items, rssItem{Title: it.Site.Name + ": " + t, Link: it.URL, GUID: it.URL,
			PubDate: rssDate(it.Date), Description: it.Summary, Category: it.Section})
	}
	if len(ch.Items) > 0 {
		ch.LastBuild = ch.Items[0].PubDate
	}
	return rss{Version: "2.0", Channel: ch}
}
