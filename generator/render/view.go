package render

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/kotamalang/kimsite/generator/agenda"
	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/images"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/theme"
)

// View is what a layout sees. Fields a page kind does not use are zero.
type View struct {
	City    *config.City
	Site    *config.Site  // nil on the portal's pages
	Content *content.Site // nil on the portal's pages
	Kind    string        // the layout: home, page, list, single, tag, tags, portal, kecamatan, notfound

	Title       string
	Description string
	Path        string // this page's URL path, e.g. "/kauman/berita/"
	Canonical   string // this page's absolute URL
	Image       string // absolute URL of the share image, if any
	Crumbs      []Crumb

	Page    *content.Page    // the single page, or a list's intro text
	Section *content.Section // the section of a list or single page
	Items   []*content.Page  // a list's items on this page
	Pager   *Pager
	Tag     *content.Tag
	Tags    []TagPages
	Portal  *Portal

	Plan       *Plan               // the planning overview of the section or a year
	Docs       []DocInfo           // a planning page's documents
	Related    []*content.Page     // pages that share tags with the single page
	Years      []YearLink          // the news archive's years
	Categories []CategoryLink      // the site's UMKM categories
	Feed       string              // the section's own feed, if any
	Agenda     *AgendaView         // the agenda list or a year of past events
	Event      *agenda.Occurrence  // an event's page: its next (or last) date
	Week       []agenda.Occurrence // the home page's coming week
	Meetings   []agenda.Occurrence // the planning overview's coming Musrenbang meetings
	JSONLD     any                 // structured data, see jsonld.go

	Sub        bool   // a list below a section (a year, a category): one more crumb
	CrumbTitle string // that crumb's title, when not the page title
	OGImage    string // the share image when the page shows no photo: its own card, or the site's (or portal's) default; absolute
	OGSized    bool   // OGImage is the one kimsite draws, 1200×630
	ImageSized bool   // Image is 1200×630: og:image:width and height say so

	CSS   template.CSS
	CSP   string
	Dev   bool
	Parts *Parts // filled by execute

	images *images.Set
	theme  *theme.Theme // for T in templ layouts
}

// Parts are the parts of a page that depend only on its site (or the
// portal): the theme's "head", "brand" and "footer" templates, rendered once per
// site rather than on every page, where they were a fifth of the work of
// executing a page.
type Parts struct {
	Head, Brand, Footer template.HTML
	menu                []Crumb         // the site's menu
	menus               []template.HTML // menus[i] with menu[i] current; the last with none
	cards               *cardCache
}

// Menu returns the site's menu with the current page's entry marked, as
// the theme's "menu" template rendered it.
func (v *View) Menu() template.HTML {
	for i, c := range v.Parts.menu {
		if v.Current(c.Path) {
			return v.Parts.menus[i]
		}
	}
	return v.Parts.menus[len(v.Parts.menus)-1]
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Title string
	Path  string
}

// fill derives the description, share image and breadcrumbs.
func (v *View) fill() {
	if v.Page != nil && v.Description == "" {
		v.Description = cmp.Or(v.Page.Meta.Summary, v.Page.Excerpt)
		v.Image = v.sharePhoto()
		v.ImageSized = v.Image != ""
		if v.Image == "" && v.Page.Image != nil && v.Site != nil && shareImage(v.Page.Image.URL) {
			v.Image = v.Site.URL(v.Page.Image.URL)
		}
	}
	if v.Image == "" {
		v.Image, v.ImageSized = v.OGImage, v.OGSized
	}
	if v.Description == "" && v.Site != nil {
		v.Description = fmt.Sprintf("Kabar, perencanaan pembangunan, UMKM dan cek fakta dari %s, Kecamatan %s, %s.", v.Site.Name, v.Site.Kecamatan, v.City.Name)
	}
	if v.Site == nil {
		v.JSONLD = v.jsonLD()
		return
	}
	v.Crumbs = []Crumb{{Title: v.Site.Name, Path: v.Site.Path}}
	if v.Section != nil {
		v.Crumbs = append(v.Crumbs, Crumb{Title: v.Section.Title, Path: v.Site.Path + v.Section.Name + "/"})
	}
	if v.Kind == "single" || v.Kind == "page" || v.Sub {
		v.Crumbs = append(v.Crumbs, Crumb{Title: cmp.Or(v.CrumbTitle, v.Title), Path: v.Path})
	}
	v.JSONLD = v.jsonLD()
}

// Href returns the URL path of rel within the current site.
func (v *View) Href(rel string) string {
	if v.Site == nil {
		return v.City.Path + rel
	}
	return v.Site.Path + rel
}

// PortalHref returns the URL of rel on the portal, absolute when the current
// site is on a domain of its own.
func (v *View) PortalHref(rel string) string {
	if v.Site != nil && v.Site.OwnDomain(v.City) {
		return v.City.BaseURL + rel
	}
	return v.City.Path + rel
}

// PageHref returns the URL path of a page of the current site.
func (v *View) PageHref(p *content.Page) string { return v.Href(p.URL) }

// Latest returns the newest n pages of a section of the current site.
func (v *View) Latest(section string, n int) []*content.Page {
	pages := v.Content.Section(section).Pages
	return pages[:min(n, len(pages))]
}

// Sections returns the sections of the current site.
func (v *View) Sections() []*content.Section { return v.Content.Sections }

// Nav lists the site's menu: sections, then plain pages. A plain page is
// named in the menu by its file name ("profil.md" → "Profil"), not by its
// title: titles such as "Profil Kelurahan Kauman" are written for the page
// and would push the menu to a third row on a phone.
func (v *View) Nav() []Crumb {
	if v.Site == nil {
		return []Crumb{{Title: "Kelurahan", Path: v.City.Path + "#kelurahan"}, {Title: "UMKM", Path: v.City.Path + "umkm/"},
			{Title: "Cek Fakta", Path: v.City.Path + "cek-fakta/"}, {Title: "Cari", Path: v.City.Path + "cari/"}}
	}
	var nav []Crumb
	for _, s := range model.Sections {
		nav = append(nav, Crumb{Title: s.Title, Path: v.Href(s.Name + "/")})
	}
	for _, p := range v.Content.Plain {
		nav = append(nav, Crumb{Title: menuTitle(p.Slug), Path: v.Href(p.URL)})
	}
	return nav
}

// Current reports whether path is, or contains, the current page.
func (v *View) Current(path string) bool {
	return path == v.Path || (path != v.Href("") && strings.HasPrefix(v.Path, path))
}

// Pager links the pages of a paginated list.
type Pager struct {
	Number, Total int
	Prev, Next    string
}

func newPager(base string, index, items int) *Pager {
	total := max(1, (items+PerPage-1)/PerPage)
	if total == 1 {
		return nil
	}
	p := &Pager{Number: index + 1, Total: total}
	if index > 0 {
		p.Prev = pageRel(base, index-1)
	}
	if index+1 < total {
		p.Next = pageRel(base, index+1)
	}
	return p
}

// TagPages is a tag with the pages that carry it, newest first.
type TagPages struct {
	content.Tag
	Pages []*content.Page
}

func collectTags(s *content.Site) []TagPages {
	bySlug := map[string]*TagPages{}
	for _, sec := range s.Sections {
		for _, p := range sec.Pages {
			for _, t := range p.Tags {
				tp := bySlug[t.Slug]
				if tp == nil {
					tp = &TagPages{Tag: t}
					bySlug[t.Slug] = tp
				}
				tp.Pages = append(tp.Pages, p)
			}
		}
	}
	tags := make([]TagPages, 0, len(bySlug))
	for _, tp := range bySlug {
		slices.SortFunc(tp.Pages, newestFirst)
		tags = append(tags, *tp)
	}
	slices.SortFunc(tags, func(a, b TagPages) int { return cmp.Compare(a.Slug, b.Slug) })
	return tags
}

func newestFirst(a, b *content.Page) int {
	return cmp.Or(b.Meta.Date.Compare(a.Meta.Date.Time), cmp.Compare(a.Path, b.Path))
}

// menuTitle names a plain page in the menu from its slug: "kontak" →
// "Kontak", "bank-sampah" → "Bank sampah".
func menuTitle(slug string) string {
	t := strings.ReplaceAll(slug, "-", " ")
	if t == "" {
		return t
	}
	return strings.ToUpper(t[:1]) + t[1:]
}

// WelcomeMore reports whether the home page's welcome text says more than
// its first paragraph, which the top of the page shows: the rest goes to
// the "Tentang" block below the news.
func (v *View) WelcomeMore() bool {
	if v.Page == nil {
		return false
	}
	blocks := 0
	for _, end := range []string{"</p>", "</ul>", "</ol>", "</table>", "</blockquote>", "</figure>", "</h2>", "</h3>", "</pre>", "</div>"} {
		blocks += strings.Count(string(v.Page.Content), end)
	}
	return blocks > 1
}

// ShowPhoto reports whether a single page shows its front matter photo
// above the text: not when the text itself opens with the same photo,
// which would show it twice in a row.
func (v *View) ShowPhoto() bool {
	p := v.Page
	if p == nil || p.Image == nil {
		return false
	}
	return len(p.BodyImages) == 0 || p.BodyImages[0] != p.Image.Src
}
