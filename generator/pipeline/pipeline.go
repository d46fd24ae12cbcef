package pipeline

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/output"
	"github.com/kotamalang/kimsite/generator/owners"
	"github.com/kotamalang/kimsite/generator/render"
	"github.com/kotamalang/kimsite/generator/shard"
	"github.com/kotamalang/kimsite/themes"
)

// Options say what to build.
type Options struct {
	Root   string        // the repository folder
	FS     fs.FS         // the repository; opened from Root when nil
	Out    string        // the output folder; empty to check without writing
	Sink   render.Output // receives the files instead of Out when set (tests, preview server)
	Sites  []string      // only these site ids; all when empty
	Drafts bool          // include pages marked draft
	Theme  fs.FS         // the theme; the embedded default when nil
	Cache  string        // the build cache's manifest file; empty to build every site afresh

	// BaseURLs replace sites.yaml's addresses (kimsite build --base-url,
	// --site-base-url): a fork or a GitHub Pages trial is served elsewhere.
	BaseURLs config.Overrides
	// Now is the build's clock, read once by the caller (kimsite build
	// reads it, or takes --now): pages dated after it are held back
	// unless Future is set, and the agenda and the weekly digest split at
	// it. When zero, nothing is held and the newest page's date stands in
	// for it (see render.Options.Now), so tests need no clock.
	Now    time.Time
	Future bool // publish pages dated after Now too (kimsite build --future)

	// ImageCache is where resized photos are kept between builds;
	// ".kimsite-cache" under Root when empty, none when "-".
	ImageCache string

	// Check, when set, runs on each site after the markdown stage and adds
	// its problems: kimsite check's extra checks.
	Check func(site *content.Site) diag.List

	// Progress, when set, is called after each site.
	Progress func(done, total int, site string)

	// Waiting, when set, is called when another build is writing Out:
	// this one waits for it, for up to LockTimeout
	// (output.DefaultTimeout when zero).
	Waiting     func(pid int)
	LockTimeout time.Duration

	// Shard, when set, builds only the sites that fall in it and no
	// portal: one job of a CI matrix (see generator/shard).
	Shard shard.Shard
	// PortalFromAll loads and checks every site and builds the portal from
	// all of them, but renders only the sites listed in Render: none for
	// --portal-only, the changed ones for --changed-since.
	PortalFromAll bool
	Render        []string

	// What the preview server does differently from a build, each a named
	// choice so that a test can build with the same ones and compare.
	//
	// LiveReload makes every page load /_kimsite/reload.js, the preview
	// server's reload script.
	LiveReload bool
	// Address, when set, is where the portal is served; every site, one on
	// a domain of its own too, is then at Address+<site-id>/, so that
	// every link of the preview stays on the preview server.
	Address string
	// Clock, when set and Now is zero, is read each time pages are
	// rendered (Stages.Only): the preview's agenda and weekly digest follow
	// the real time, while it holds nothing back, as it shows drafts.
	Clock func() time.Time
}

// Summary describes a finished build.
type Summary struct {
	Sites    int
	Pages    int // HTML pages written
	Files    int // all files written
	Reused   int // sites whose output the build cache supplied unchanged
	Duration time.Duration
}

// UsageError is a mistake in how the command was called, not in the content.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Run builds (or, with no Out, checks) the sites. problems holds every
// mistake found in the content; err is for everything else (usage, disk,
// a broken theme). Nothing is written unless both are empty.
func Run(opts Options) (Summary, diag.List, error) {
	sum, problems, err := run(opts)
	var we *WriteError
	if errors.As(err, &we) {
		err = we // the stages' own wrapping only repeats the file's name, in English
	}
	return sum, problems, err
}

func run(opts Options) (sum Summary, problems diag.List, err error) {
	start := time.Now()
	defer func() { sum.Duration = time.Since(start) }()
	if opts.FS == nil {
		root, err := os.OpenRoot(opts.Root)
		if err != nil {
			return sum, nil, &UsageError{Msg: fmt.Sprintf("folder %q tidak dapat dibuka", opts.Root)}
		}
		defer root.Close()
		opts.FS = root.FS()
	}
	city, problems := LoadCity(opts)
	if city == nil || problems.Errors() > 0 && len(city.Sites) == 0 {
		problems.Sort()
		return sum, problems, nil
	}
	if err := city.Apply(opts.BaseURLs); err != nil {
		return sum, problems, &UsageError{Msg: err.Error()}
	}
	sites, err := selectSites(city, opts.Sites)
	if err != nil {
		return sum, problems, err
	}
	sites = slices.DeleteFunc(sites, func(s *config.Site) bool { return !opts.Shard.Has(s.ID) })
	st, err := NewStages(city, opts)
	if err != nil {
		return sum, problems, err
	}
	var out render.Output
	var dir *output.Dir
	switch {
	case opts.Sink != nil:
		out = opts.Sink
	case opts.Out != "":
		if dir, err = openOut(opts); err != nil {
			return sum, problems, err
		}
		defer dir.Abort()
		out = dir
	}
	counter := &countingOutput{out: out, dir: cmp.Or(opts.Out, "keluaran")}
	themeFS := opts.Theme
	if themeFS == nil {
		themeFS = themes.Default()
	}
	cache, err := openCache(opts, themeFS, dir)
	if err != nil {
		return sum, problems, err
	}
	if cache != nil {
		cache.hashSites(sites)
	}
	p := &pipeline{opts: opts, st: st, cache: cache, dir: dir}
	if out != nil {
		p.out = counter
	}
	// The city's open data is written a site at a time as the sites come,
	// so that the digests kept for the portal stay small.
	var data *render.CityData
	if out != nil && !opts.Shard.Set() {
		if data, err = render.NewCityData(newTemp); err != nil {
			return sum, problems, err
		}
		defer data.Close()
	}
	digests, rendered, siteProblems, err := p.allSites(sites, problems.Errors() == 0, data)
	problems.Append(siteProblems)
	if err != nil {
		return sum, problems, err
	}
	if out == nil {
		problems.Append(owners.Check(opts.FS, city)) // check only: a stale CODEOWNERS is CI's to catch
	}
	problems.Sort()
	sum.Sites = len(sites)
	if problems.Errors() > 0 || out == nil {
		return sum, problems, nil
	}
	if !opts.Shard.Set() {
		if err := p.portal(sites, digests, data); err != nil {
			return sum, problems, err
		}
	}
	if dir != nil {
		if err := p.commit(); err != nil {
			return sum, problems, &WriteError{Dir: opts.Out, Err: err}
		}
	}
	if cache != nil {
		sum.Reused = len(cache.kept)
	}
	sum.Sites, sum.Pages, sum.Files = rendered, int(counter.pages.Load()), int(counter.files.Load())
	return sum, problems, nil
}

// allSites loads, checks and renders the sites in order (see prepareAll),
// feeding each one's open data to data. It returns their digests for the
// portal, how many sites were rendered or kept, and their problems.
func (p *pipeline) allSites(sites []*config.Site, clean bool, data *render.CityData) ([]render.Digest, int, diag.List, error) {
	var digests []render.Digest
	var problems diag.List
	rendered := 0
	done := make(chan struct{})
	defer close(done)
	for i, ps := range p.prepareAll(sites, clean, done) {
		problems.Append(ps.problems)
		d, didRender, err := p.render(ps)
		if err != nil {
			return nil, 0, problems, err
		}
		if d != nil && data != nil {
			if err := data.Add(d); err != nil {
				return nil, 0, problems, err
			}
		}
		if d != nil {
			digests = render.AppendDigest(digests, *d)
		}
		if didRender {
			rendered++
		}
		if p.opts.Progress != nil {
			p.opts.Progress(i+1, len(sites), ps.config.ID)
		}
	}
	return digests, rendered, problems, nil
}

// commit puts the build in place of the output folder and saves the build
// cache's manifest. There is no manifest while the commit runs, so that a
// build killed half way through it is never taken for the output it was
// replacing: the next build is then a full one.
func (p *pipeline) commit() error {
	if p.cache != nil {
		_ = p.cache.c.Forget()
	}
	if err := p.dir.Commit(); err != nil {
		return err
	}
	if p.cache != nil {
		p.cache.c.Stamp(p.dir.Identity)
		_ = p.cache.c.Save() // a cache that cannot be saved only costs the next build time
	}
	return nil
}

// portal renders the city portal and the web editor, keeping the folders
// of them that the build cache finds unchanged.
func (p *pipeline) portal(sites []*config.Site, digests []render.Digest, data *render.CityData) error {
	out := render.Output(p.out)
	var keys map[string]string
	var kept map[string]bool
	var accept func(name string) bool
	var rec *recorder
	if p.cache != nil {
		keys = p.cache.partKeys(digests, sites)
		kept = p.cache.keepParts(keys, p.dir, p.out)
		accept = func(name string) bool {
			folder, _, _ := strings.Cut(name, "/")
			return !kept[folder]
		}
		rec = &recorder{out: p.out}
		out = rec
	}
	if err := p.st.Portal(sites, digests, data, out, accept); err != nil {
		return err
	}
	if p.cache != nil {
		p.cache.putParts(keys, kept, rec.names)
	}
	return nil
}

// imageCache is the folder of the photo cache: ".kimsite-cache" in the
// repository unless the options say otherwise.
func imageCache(opts Options) string {
	switch {
	case opts.ImageCache == "-" || opts.ImageCache == "" && opts.Root == "":
		return ""
	case opts.ImageCache != "":
		return opts.ImageCache
	}
	return filepath.Join(opts.Root, ".kimsite-cache")
}

// pipeline is one run: the stages and what the run keeps between sites.
type pipeline struct {
	opts  Options
	st    *Stages
	cache *siteCache
	dir   *output.Dir
	out   *countingOutput // nil when checking
}

// prepared is a site loaded and checked, ready to be rendered.
type prepared struct {
	config   *config.Site
	key      siteKey
	reused   *render.Digest // the digest of a site the cache kept
	until    time.Time      // when the site's output changes with the clock alone; zero: never
	site     *content.Site  // nil when the site is not to be rendered
	problems diag.List
	err      error // a failure outside the content, e.g. of the disk
}

// prepareAll loads and checks the sites one after another, in order, while
// the caller renders the previous one: loading is mostly one core's work,
// rendering spreads over all, so the two overlap. A site is rendered only
// while the build is still clean (no errors in it or any site before it).
// Closing done stops the loading early.
func (p *pipeline) prepareAll(sites []*config.Site, clean bool, done <-chan struct{}) iter.Seq2[int, prepared] {
	ready := make(chan prepared, 1)
	go func() {
		defer close(ready)
		for _, sc := range sites {
			ps := p.prepare(sc, clean)
			clean = clean && ps.problems.Errors() == 0
			select {
			case ready <- ps:
			case <-done:
				return
			}
		}
	}()
	return func(yield func(int, prepared) bool) {
		i := 0
		for ps := range ready {
			if !yield(i, ps) {
				return
			}
			i++
		}
	}
}

// prepare reuses a site's previous output when the cache has it, or loads
// and checks the site.
func (p *pipeline) prepare(sc *config.Site, clean bool) prepared {
	ps := prepared{config: sc}
	if p.cache != nil && clean {
		ps.key = p.cache.keys[sc.ID]
		d, ok, err := p.cache.reuse(sc, ps.key, p.opts.Now, p.dir, p.out)
		if err != nil || ok {
			ps.reused, ps.err = &d, err
			return ps
		}
	}
	site, problems := p.st.Load(sc)
	if !p.opts.Now.IsZero() {
		ps.until = expires(p.opts.Now, site)
	}
	ps.problems = problems
	if p.out == nil || !clean || problems.Errors() > 0 {
		_ = p.st.Images.Write(site, nil) // nothing will be written: forget the site's photos
		return ps
	}
	ps.site = site
	return ps
}

// render writes a prepared site (or only takes its digest, for a portal
// built from sites this build does not render). It returns the site's
// digest for the portal (nil when there is none) and whether its pages
// were written.
func (p *pipeline) render(ps prepared) (*render.Digest, bool, error) {
	switch {
	case ps.err != nil:
		return nil, false, ps.err
	case ps.reused != nil:
		return ps.reused, true, nil
	case ps.site == nil:
		return nil, false, nil
	case p.opts.PortalFromAll && !slices.Contains(p.opts.Render, ps.config.ID):
		_ = p.st.Images.Write(ps.site, nil) // not rendered here: forget its photos
		d, err := p.st.Render.DigestOf(ps.site)
		return &d, false, err
	}
	rec := &recorder{out: p.out}
	d, err := p.st.Render.Site(ps.site, rec)
	if err == nil {
		err = p.st.Images.Write(ps.site, rec)
	}
	if err == nil && p.cache != nil {
		err = p.cache.put(ps.config, ps.key, rec.names, d, p.opts.Now, ps.until)
	}
	return &d, true, err
}

// selectSites returns the sites named by ids, in sites.yaml order.
func selectSites(city *config.City, ids []string) ([]*config.Site, error) {
	var valid []string
	for _, s := range city.Sites {
		if s != nil && s.ID != "" {
			valid = append(valid, s.ID)
		}
	}
	for _, id := range ids {
		if !slices.Contains(valid, id) {
			return nil, &UsageError{Msg: fmt.Sprintf("kelurahan %q tidak ada di sites.yaml; yang ada: %s", id, strings.Join(valid, ", "))}
		}
	}
	var sites []*config.Site
	for _, s := range city.Sites {
		if s != nil && s.ID != "" && (len(ids) == 0 || slices.Contains(ids, s.ID)) {
			sites = append(sites, s)
		}
	}
	return sites, nil
}

// newTemp is the temporary storage the city's open data is gathered in.
func newTemp() (render.Temp, error) { return output.NewTemp() }

// WriteError is a file or folder the build could not write, told in
// Bahasa Indonesia with the output folder it was for.
type WriteError struct {
	Dir  string // the output folder
	Name string // the file, relative to Dir; "" for the folder itself
	Err  error
}

func (e *WriteError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("folder keluaran %s tidak dapat ditulis: %s", e.Dir, output.Explain(e.Err))
	}
	return fmt.Sprintf("berkas %s di folder keluaran %s tidak dapat ditulis: %s", e.Name, e.Dir, output.Explain(e.Err))
}

func (e *WriteError) Unwrap() error { return e.Err }

// countingOutput counts what is written, and tells why a write failed.
type countingOutput struct {
	out          render.Output
	dir          string // the output folder, for messages
	pages, files atomic.Int64
}

func (c *countingOutput) WriteFile(name string, data []byte) error {
	c.files.Add(1)
	if strings.HasSuffix(name, ".html") {
		c.pages.Add(1)
	}
	return c.wrap(name, c.out.WriteFile(name, data))
}

func (c *countingOutput) wrap(name string, err error) error {
	var we *WriteError
	if err == nil || errors.As(err, &we) {
		return err
	}
	return &WriteError{Dir: c.dir, Name: name, Err: err}
}

// WriteFrom streams a file to an output that can take one (see
// render.StreamOutput).
func (c *countingOutput) WriteFrom(name string, r io.Reader) error {
	if s, ok := c.out.(render.StreamOutput); ok {
		c.files.Add(1)
		return c.wrap(name, s.WriteFrom(name, r))
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return c.WriteFile(name, data)
}
