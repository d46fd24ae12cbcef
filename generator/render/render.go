// Package render turns a kelurahan's pages, and the city portal, into
// files through the theme.
//
// It takes a content.Site whose bodies the markdown stage has rendered, and
// writes every file of that site (pages, lists, tag pages, feed, sitemap,
// published files) to an Output, executing pages in parallel. It returns a
// Digest: the little the portal needs to know about the site, so that the
// portal is built from digests and never needs every site's HTML at once.
// AppendDigest keeps those digests small as sites come in.
//
// Its walls: render writes only to an Output. It reads the repository only
// through Options.Root, and only to copy the files a site publishes as
// they are; what it needs to know about them (sizes, planning documents'
// SHA-256) the content stage has read. Temporary storage, for the city's
// open data, comes from the caller (output.NewTemp). It never reads the
// clock (Options.Now is the caller's reading of it) nor the environment.
package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/a-h/templ"

	"github.com/kotamalang/kimsite/generator/agenda"
	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/images"
	"github.com/kotamalang/kimsite/generator/minify"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/theme"
)

// PerPage is the number of items on one page of a list.
const PerPage = 10

// Output receives the rendered files; name is relative to the output
// folder. WriteFile must not keep data after it returns (the renderer
// reuses its buffers): an output that keeps files copies them.
type Output interface {
	WriteFile(name string, data []byte) error
}

// A StreamOutput also takes a file from a reader, so that a large file,
// such as the city's open data, is never held in memory whole.
type StreamOutput interface {
	Output
	WriteFrom(name string, r io.Reader) error
}

// writeFrom writes the file read from r to out, streaming it when out can.
func writeFrom(out Output, name string, r io.Reader) error {
	if s, ok := out.(StreamOutput); ok {
		return s.WriteFrom(name, r)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return out.WriteFile(name, data)
}

// Options configure a Renderer.
type Options struct {
	City    *config.City
	Theme   *theme.Theme // the UI strings, stylesheet and files
	Layouts Layouts      // the theme's compiled layouts
	Minify  *minify.Minifier
	Root    fs.FS // the repository, for copying published files
	Dev     bool  // preview server: pages load the live-reload script

	// Now is the build's clock, read once by the command: it ends the
	// week of the weekly digest and splits the agenda into what is coming
	// and what is over. When zero, the newest page's date stands in (see
	// Renderer.now); the renderer never reads the clock itself.
	Now time.Time

	// Images are the resized photos; pages show files as they are when nil.
	Images *images.Set
	// Only, when set, limits the files rendered and written to those whose
	// output name it accepts: the preview server renders a page when a
	// browser asks for it.
	Only func(name string) bool
}

// Renderer renders sites and the portal.
type Renderer struct {
	Options
	paint painter
	// drawCard, when set, draws cards in place of paint.draw: tests count
	// the cards a build draws with it.
	drawCard func(card) ([]byte, error)
}

// New returns a Renderer.
func New(opts Options) *Renderer { return &Renderer{Options: opts} }

// job is one page to render.
type job struct {
	name string // output file name
	kind string // the theme layout
	view *View
	card *cardJob // a share card to draw instead of a page (see ogimage.go)
}

// Site renders every file of one site.
func (r *Renderer) Site(s *content.Site, out Output) (Digest, error) {
	out = r.only(out)
	css := r.css(s.Config)
	policy := csp(css) // hashes the stylesheet: once per site, not per page
	ogRel, drawOG := siteOGImage(s)
	var jobs, cards []job
	if drawOG {
		if c := r.siteCard(s); c != nil {
			cards = append(cards, job{name: path.Join(s.Config.ID, ogName), card: c})
		} else {
			ogRel, drawOG = "", false // nothing to draw: no default share image
		}
	}
	add := func(kind, rel string, v *View) {
		v.City, v.Site, v.Content, v.Kind = r.City, s.Config, s, kind
		v.Path = s.Config.Path + rel
		v.Canonical = s.Config.URL(rel)
		if ogRel != "" {
			v.OGImage, v.OGSized = s.Config.URL(ogRel), drawOG
		}
		v.CSS, v.CSP, v.Dev = template.CSS(css), policy, r.Dev
		v.images, v.theme = r.Images, r.Theme
		c := r.pageCard(s, kind, v)
		if c != nil {
			v.OGImage, v.OGSized = s.Config.URL(rel+ogName), true
		}
		v.fill()
		if c != nil && v.Image == v.OGImage { // not when the page shares its photo
			cards = append(cards, job{name: path.Join(s.Config.ID, rel, ogName), card: c})
		}
		jobs = append(jobs, job{name: path.Join(s.Config.ID, rel, "index.html"), kind: kind, view: v})
	}
	events, now := agenda.Events(s), r.now(s)
	from, to := agenda.Week(now)
	week := agenda.Between(events, from, to)
	week = week[:min(len(week), weekPerEvent*2)]
	add("home", "", &View{Page: s.Home, Title: s.Config.Name, Week: week})
	for _, p := range s.Plain {
		add("page", p.URL, &View{Page: p, Title: p.Meta.Title})
	}
	tags := collectTags(s)
	byTag := tagIndex(tags)
	for _, sec := range s.Sections {
		if sec.Name == model.Agenda {
			r.agendaLists(s, sec, events, add)
		} else {
			r.sectionLists(s, sec, musrenbang(events, now), add)
		}
		for _, p := range sec.Pages {
			v := &View{Section: sec, Page: p, Title: pageTitle(p), CrumbTitle: p.Meta.Title, Related: related(p, byTag)}
			switch sec.Name {
			case model.Perencanaan:
				v.Docs = docs(s, p)
			case model.Agenda:
				if e := agenda.FromPage(s.Config, p); e != nil {
					v.Event = eventOf(e, now)
					v.Agenda = &AgendaView{Past: !v.Event.End.After(now)}
				}
			}
			add("single", p.URL, v)
		}
	}
	if len(tags) > 0 {
		add("tags", "tags/", &View{Tags: tags, Title: "Tag"})
	}
	for _, tg := range tags {
		add("tag", "tags/"+tg.Slug+"/", &View{Tag: &tg.Tag, Items: tg.Pages, Title: "#" + tg.Name})
	}
	sitemap := jobs
	add("search", "cari/", &View{Title: "Cari"})
	if s.Config.OwnDomain(r.City) {
		// The portal's 404.html does not serve the site's own domain.
		add("notfound", "", &View{Title: "Halaman tidak ditemukan"})
		jobs[len(jobs)-1].name = path.Join(s.Config.ID, "404.html")
		jobs[len(jobs)-1].view.Canonical = s.Config.URL("404.html")
	}
	if err := r.execute(append(jobs[:len(jobs):len(jobs)], cards...), out); err != nil {
		return Digest{}, err
	}
	if err := r.copyAssets(s, out); err != nil {
		return Digest{}, err
	}
	if err := r.redirects(s, out); err != nil {
		return Digest{}, err
	}
	if err := r.writeCalendars(s, events, out); err != nil {
		return Digest{}, err
	}
	if err := r.siteFeeds(s, sitemap, out); err != nil {
		return Digest{}, err
	}
	if err := r.themeFiles(s, out); err != nil {
		return Digest{}, err
	}
	d := r.digest(s)
	if err := writeOpenData(out, s.Config.ID, d.Plans, d.Businesses); err != nil {
		return Digest{}, err
	}
	if err := out.WriteFile(path.Join(s.Config.ID, WeeklyName), []byte(weekly(s, r.Now, events))); err != nil {
		return Digest{}, err
	}
	return d, nil
}

// sectionLists adds a section's list pages: paginated for news and
// clarifications, with a yearly archive for news, grouped by stage for
// planning (with a page per year), and with category pages for UMKM.
func (r *Renderer) sectionLists(s *content.Site, sec *content.Section, meetings []agenda.Occurrence, add func(string, string, *View)) {
	base := s.Config.Path + sec.Name + "/"
	feed := ""
	if sec.Name != model.UMKM {
		feed = base + "index.xml"
	}
	switch sec.Name {
	case model.Perencanaan:
		years := planYears(sec.Pages)
		add("plan", sec.Name+"/", &View{Section: sec, Page: sec.Intro, Title: sec.Title, Feed: feed,
			Plan: newPlan(sec.Pages, 0, years), Meetings: meetings})
		for _, y := range years {
			ys := strconv.Itoa(y)
			add("plan", sec.Name+"/"+ys+"/", &View{Section: sec, Title: sec.Title + " " + ys, Sub: true,
				Description: fmt.Sprintf("Perencanaan pembangunan %s tahun anggaran %d: tahap, anggaran dan sumber dana.", s.Config.Name, y),
				Plan:        newPlan(sec.Pages, y, years)})
		}
		return
	case model.UMKM:
		split := categories(sec.Pages)
		links := categoryLinks(base+"kategori/", split)
		r.paginated(s, sec, sec.Pages, sec.Name+"/", &View{Categories: links}, add)
		for _, c := range links {
			add("list", sec.Name+"/kategori/"+c.Category+"/", &View{Section: sec, Items: split[c.Category], Sub: true,
				Title: sec.Title + ": " + r.ui("category."+c.Category), CrumbTitle: r.ui("category." + c.Category), Categories: links})
		}
		return
	}
	var years []YearLink
	if sec.Name == model.Berita {
		ys, split := byYear(sec.Pages)
		years = yearLinks(base+"arsip/", ys, func(y int) int { return len(split[y]) })
		for _, y := range ys {
			ys := strconv.Itoa(y)
			add("archive", sec.Name+"/arsip/"+ys+"/", &View{Section: sec, Items: split[y], Sub: true, Feed: feed,
				Title: sec.Title + " " + ys, Years: years})
		}
	}
	r.paginated(s, sec, sec.Pages, sec.Name+"/", &View{Years: years, Feed: feed}, add)
}

// paginated adds a list of pages, PerPage to a page; proto holds the
// fields every page of the list shares.
func (r *Renderer) paginated(s *content.Site, sec *content.Section, pages []*content.Page, rel string, proto *View, add func(string, string, *View)) {
	for i, items := range paginate(pages) {
		v := *proto
		v.Section, v.Items, v.Title = sec, items, sec.Title
		v.Pager = newPager(s.Config.Path+rel, i, len(pages))
		if i == 0 {
			v.Page = sec.Intro
		}
		add("list", pageRel(rel, i), &v)
	}
}

// ui returns a UI string of the theme, or its key when the theme lacks it.
func (r *Renderer) ui(key string) string {
	if s, err := r.Theme.String(key); err == nil {
		return s
	}
	return key
}

// pageTitle is a page's title in the document title and share previews:
// a clarification carries its verdict, "[HOAKS] …".
func pageTitle(p *content.Page) string {
	if f, ok := p.Front.(*model.CekFaktaFront); ok {
		return "[" + strings.ToUpper(f.Verdict) + "] " + p.Meta.Title
	}
	return p.Meta.Title
}

// execute renders the jobs on all cores and writes them.
func (r *Renderer) execute(jobs []job, out Output) error {
	parts := map[*config.Site]*Parts{}
	for _, j := range jobs {
		if j.view == nil {
			continue // a card
		}
		p, ok := parts[j.view.Site]
		if !ok {
			var err error
			if p, err = r.parts(j.view); err != nil {
				return fmt.Errorf("%s: %w", j.name, err)
			}
			parts[j.view.Site] = p
		}
		j.view.Parts = p
	}
	work := make(chan job)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for j := range work {
				buf.Reset()
				if err := r.page(&buf, j, out); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for _, j := range jobs {
		if r.Only == nil || r.Only(j.name) {
			work <- j
		}
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// parts renders the parts of v's pages that depend only on its site.
func (r *Renderer) parts(v *View) (*Parts, error) {
	p := &Parts{menu: v.Nav(), cards: &cardCache{layouts: r.Layouts, view: v, html: map[string]template.HTML{}}}
	for part, layout := range map[*template.HTML]func(*View) templ.Component{&p.Head: r.Layouts.Head, &p.Brand: r.Layouts.Brand, &p.Footer: r.Layouts.Footer} {
		var err error
		if *part, err = renderString(layout(v)); err != nil {
			return nil, err
		}
	}
	// The menu as each entry's page sees it, then as any other page does.
	at := *v
	for _, c := range append(p.menu, Crumb{Path: v.Href("")}) {
		at.Path = c.Path
		menu, err := renderString(r.Layouts.Menu(&at))
		if err != nil {
			return nil, err
		}
		p.menus = append(p.menus, menu)
	}
	return p, nil
}

func (r *Renderer) page(buf *bytes.Buffer, j job, out Output) error {
	if j.card != nil {
		img, err := r.card(j.card)
		if err != nil {
			return fmt.Errorf("%s: %w", j.name, err)
		}
		if img == nil { // pageCard checked the title: not reached
			return fmt.Errorf("%s: judul tanpa huruf yang dapat digambar", j.name)
		}
		return out.WriteFile(j.name, img)
	}
	if err := r.Layouts.Page(j.view).Render(context.Background(), buf); err != nil {
		return fmt.Errorf("%s: %w", j.name, err)
	}
	return out.WriteFile(j.name, buf.Bytes())
}

func (r *Renderer) copyAssets(s *content.Site, out Output) error {
	for _, a := range s.Assets {
		if r.Only != nil && !r.Only(path.Join(s.Config.ID, a.URL)) {
			continue
		}
		if err := r.copyAsset(s, &a, out); err != nil {
			return err
		}
	}
	return nil
}

// copyAsset publishes one file beside the pages: a photo without its
// metadata (see images.Clean), an SVG minified, anything else streamed as
// it is, so that a large PDF is never held in memory.
func (r *Renderer) copyAsset(s *content.Site, a *content.Asset, out Output) error {
	src := path.Join("content", s.Config.ID, a.Src)
	name := path.Join(s.Config.ID, a.URL)
	switch ext := strings.ToLower(path.Ext(a.URL)); {
	case images.Cleanable(a.URL):
		set := r.Images
		if set == nil {
			set = images.New(images.Options{Root: r.Root})
		}
		data, err := set.Clean(s.Config.ID, a)
		if err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
		return out.WriteFile(name, data)
	case ext == ".svg":
		data, err := fs.ReadFile(r.Root, src)
		if err != nil {
			return err
		}
		if data, err = r.Minify.Bytes(minify.SVG, data); err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
		return out.WriteFile(name, data)
	}
	f, err := r.Root.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	return writeFrom(out, name, f)
}

// css is the stylesheet of a site's pages: the theme's rules, then its
// accent colour. It is inlined, so a page needs one request.
func (r *Renderer) css(site *config.Site) string {
	css := r.Theme.CSS()
	if site != nil && site.Accent != "" {
		css += accentCSS(site.Accent)
	}
	return css
}

// csp is the Content-Security-Policy of every page: nothing from other
// hosts, the inline stylesheet by its hash, scripts only from the site.
func csp(css string) string {
	return "default-src 'none'; img-src 'self'; style-src " + theme.Hash(css) +
		"; script-src 'self'; connect-src 'self'; frame-src https://www.youtube-nocookie.com; base-uri 'none'; form-action 'self'"
}

// pageRel is the path of the i-th page (from 0) of the list at rel, as
// Pager links it.
func pageRel(rel string, i int) string {
	if i == 0 {
		return rel
	}
	return fmt.Sprintf("%shalaman/%d/", rel, i+1)
}

// paginate splits a list PerPage to a page; an empty list is one empty page.
func paginate[T any](items []T) [][]T {
	var out [][]T
	for i := 0; i < len(items); i += PerPage {
		out = append(out, items[i:min(i+PerPage, len(items))])
	}
	if len(out) == 0 {
		out = append(out, nil)
	}
	return out
}
