package pipeline

import (
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kotamalang/kimsite/generator/cms"
	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/images"
	"github.com/kotamalang/kimsite/generator/markdown"
	"github.com/kotamalang/kimsite/generator/minify"
	"github.com/kotamalang/kimsite/generator/render"
	"github.com/kotamalang/kimsite/generator/theme"
	"github.com/kotamalang/kimsite/themes"
	"github.com/kotamalang/kimsite/themes/default/layouts"
)

// Stages are the stages every site goes through, put together in this one
// place for a build, a check, the preview server and the tests, so that a
// previewed page is the built page. What the preview does differently is
// a field of Options (LiveReload, Address), never a stage left out.
type Stages struct {
	City     *config.City
	FS       fs.FS // the repository
	Minify   *minify.Minifier
	Theme    *theme.Theme
	Images   *images.Set
	Markdown *markdown.Renderer // with the theme's strings and the photos
	Render   *render.Renderer

	drafts bool
	check  func(*content.Site) diag.List
	hold   time.Time        // hold back pages dated after it; zero: none
	clock  func() time.Time // the preview's clock (Options.Clock)
}

// LoadCity reads sites.yaml from opts.FS and, when opts.Address is set,
// moves the portal and every site under that address.
func LoadCity(opts Options) (*config.City, diag.List) {
	city, problems := config.Load(opts.FS)
	if city != nil && opts.Address != "" {
		readdress(city, opts.Address)
	}
	return city, problems
}

// readdress puts the portal at base and every site, a domain of its own
// or not, at base+id/: in a preview every link then stays on the preview
// server.
func readdress(city *config.City, base string) {
	city.BaseURL, city.Path = base, "/"
	for _, sc := range city.Sites {
		if sc != nil {
			sc.BaseURL, sc.Path = base+sc.ID+"/", "/"+sc.ID+"/"
		}
	}
}

// NewStages builds the stages for city from opts: minify, the theme
// (opts.Theme, or the one built into kimsite), the photos (cached in
// opts.ImageCache), markdown with the theme's strings, and render.
func NewStages(city *config.City, opts Options) (*Stages, error) {
	if opts.FS == nil {
		return nil, fmt.Errorf("pipeline: NewStages needs Options.FS")
	}
	min := minify.New()
	themeFS := opts.Theme
	if themeFS == nil {
		themeFS = themes.Default()
	}
	th, err := theme.Load(themeFS, min)
	if err != nil {
		return nil, err
	}
	imgs := images.New(images.Options{Root: opts.FS, CacheDir: imageCache(opts)})
	return &Stages{
		City:     city,
		FS:       opts.FS,
		Minify:   min,
		Theme:    th,
		Images:   imgs,
		Markdown: markdown.New(markdown.WithImages(imgs), markdown.WithStrings(th.Text)),
		Render: render.New(render.Options{
			City: city, Theme: th, Layouts: layouts.Layouts(), Minify: min, Root: opts.FS,
			Dev: opts.LiveReload, Now: opts.Now, Images: imgs,
		}),
		drafts: opts.Drafts,
		check:  opts.Check,
		hold:   holdAt(opts),
		clock:  opts.Clock,
	}, nil
}

// holdAt is the time after which pages are held back: the build's clock,
// unless the build publishes future pages or is a check (which checks
// every page, and says when each future one will appear).
func holdAt(opts Options) time.Time {
	if opts.Future || opts.Check != nil {
		return time.Time{}
	}
	return opts.Now
}

// Load reads one site and takes it through every stage before rendering:
// content, markdown, the photo checks (photos a page shows, and every
// photo published as it is, which is cleaned of its metadata), and
// Options.Check when set. The
// site's photos stay in st.Images until Images.Write takes them.
func (st *Stages) Load(sc *config.Site) (*content.Site, diag.List) {
	site, problems := content.Load(st.FS, sc, st.drafts)
	if !st.hold.IsZero() {
		site.Hold(st.hold)
	}
	// Forget photos an earlier load left (the preview renders pages after
	// writing a site's photos), so that a replaced photo is read again.
	_ = st.Images.Write(site, nil)
	problems.Append(st.renderMarkdown(site))
	problems.Append(st.Images.Check(site))
	problems.Append(st.Images.CheckAssets(site))
	if st.check != nil {
		problems.Append(st.check(site))
	}
	return site, problems
}

// Only returns a renderer like st.Render that renders only the files
// accept accepts: the preview renders a page when a browser asks for it.
func (st *Stages) Only(accept func(name string) bool) *render.Renderer {
	opts := st.Render.Options
	opts.Only = accept
	if st.clock != nil && opts.Now.IsZero() {
		opts.Now = st.clock()
	}
	return render.New(opts)
}

// Portal writes the city portal, built from the sites' digests and open
// data, and the web editor, which lives on the portal. With a non-nil
// accept, only the files it accepts are written.
func (st *Stages) Portal(sites []*config.Site, digests []render.Digest, data *render.CityData, out render.Output, accept func(name string) bool) error {
	r, editor := st.Render, out
	if accept != nil {
		r, editor = st.Only(accept), filter{out: out, accept: accept}
	}
	if err := r.Portal(digests, data, out); err != nil {
		return err
	}
	// A kept admin is not made again: making it reads each page bundle's
	// title, and a settled rebuild opens no page.
	if accept != nil && !accept(path.Join(cms.Dir, "index.html")) {
		return nil
	}
	return cms.Write(editor, st.FS, st.City, sites, st.Theme.CSS())
}

// filter passes on only the files accept accepts.
type filter struct {
	out    render.Output
	accept func(name string) bool
}

func (f filter) WriteFile(name string, data []byte) error {
	if !f.accept(name) {
		return nil
	}
	return f.out.WriteFile(name, data)
}

// renderMarkdown renders every page's body on all cores.
func (st *Stages) renderMarkdown(site *content.Site) diag.List {
	pages := site.Pages()
	results := make([]diag.List, len(pages))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(pages))) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(pages); i = int(next.Add(1) - 1) {
				results[i] = st.Markdown.Render(site, pages[i])
			}
		})
	}
	wg.Wait()
	var problems diag.List
	for _, r := range results {
		problems.Append(r)
	}
	return problems
}
