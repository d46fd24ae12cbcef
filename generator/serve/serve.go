// Package serve is the preview server behind "kimsite serve".
//
// It takes a repository folder on disk and gives an http.Handler that
// serves the built sites from memory, rebuilt when a file changes. Its
// stages come from pipeline.NewStages, as the build's do, so a previewed
// page is the built page byte for byte (preview_test.go), except for what
// these named pipeline.Options choose: LiveReload (pages load the reload
// script), Address (every site is served under the server's own address),
// Drafts (drafts are shown), and the theme (the repository's
// themes/default when it has one, so that theme work previews live). Pages
// are rendered when a browser first asks for them (render.Options.Only);
// the photos of a site are resized and checked when it is loaded, as in a
// build, and kept in memory. A
// change under content/<site>/ rebuilds that site alone and then the portal
// from every site's cached digest; a change to sites.yaml or the theme
// rebuilds everything. Open pages load /_kimsite/reload.js (the layouts add
// it only in this mode), which listens to /_kimsite/events (Server-Sent
// Events): after a good rebuild the page reloads; after a bad one it shows
// the problems over the page, until the next good rebuild.
//
// The server is for one person's preview. It serves only what the build
// produced, never files from disk, answers only GET and HEAD, and, when it
// listens on a loopback address, only requests addressed to localhost (so
// a web page elsewhere cannot reach it through DNS rebinding).
package serve

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kotamalang/kimsite/generator/cms"
	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/output"
	"github.com/kotamalang/kimsite/generator/pipeline"
	"github.com/kotamalang/kimsite/generator/render"
)

// Options configure a Server.
type Options struct {
	Root    string   // the repository folder
	Sites   []string // only these site ids; all when empty
	BaseURL string   // where the server is reached, e.g. "http://127.0.0.1:1313/"
	// Loopback restricts requests to Host names of this machine; set it
	// when the server listens on a loopback address.
	Loopback bool
	// ImageCache is where resized photos are kept, as in
	// pipeline.Options: ".kimsite-cache" under Root when empty.
	ImageCache string
	// Clock is read each time pages are rendered, so that the agenda and
	// the weekly digest follow the time; time.Now when nil (tests fix it).
	Clock func() time.Time
}

// Server holds the built sites in memory and serves them. Its methods are
// safe for concurrent use; rebuilds run one at a time.
type Server struct {
	opts   Options
	events *broker

	build sync.Mutex // one rebuild at a time; guards the fields below
	root  *os.Root
	fsys  fs.FS
	city  *config.City
	st    *pipeline.Stages // nil until sites.yaml and the theme load
	sites []*config.Site
	// per site id: its files, digest and problems from its last load
	digests  map[string]*digest
	siteErrs map[string]diag.List
	cfgErrs  diag.List

	state atomic.Pointer[state] // what is served now
}

// state is one published result: the last good build of each part, and
// the problems of the latest rebuild.
type state struct {
	sites    map[string]*part // by site id
	portal   *part
	problems diag.List
	version  int64
}

// files maps an output name ("kauman/berita/x/index.html") to its bytes.
type files map[string][]byte

// part is a site, or the portal, ready to render. Its files are rendered
// when first asked for and kept until the part is rebuilt: after a save
// only the pages a browser opens are rendered, which keeps the time from
// a save to the reloaded page short on a city of thousands of pages.
type part struct {
	render func(out render.Output, only func(name string) bool) error

	mu    sync.Mutex
	files files
	none  map[string]bool // names known not to exist
}

func newPart(render func(out render.Output, only func(name string) bool) error) *part {
	return &part{render: render, files: files{}, none: map[string]bool{}}
}

// file returns the part's file with the given output name, rendering it
// when it has not been yet.
func (p *part) file(name string) ([]byte, bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if data, ok := p.files[name]; ok {
		return data, true, nil
	}
	if p.none[name] {
		return nil, false, nil
	}
	out := &memOutput{files: p.files}
	accept := func(n string) bool { return n == name }
	if dir, _, _ := strings.Cut(name, "/"); dir == cms.Dir {
		// The web editor is made as a whole (the stages skip it when
		// its index is not wanted, as a kept admin in a build): make all
		// of it on its first request.
		accept = func(n string) bool { return strings.HasPrefix(n, cms.Dir+"/") }
	}
	if err := p.render(out, accept); err != nil {
		return nil, false, err
	}
	data, ok := p.files[name]
	if !ok {
		p.none[name] = true
	}
	return data, ok, nil
}

// memOutput collects rendered files in memory; WriteFile is safe for
// concurrent use, as render.Output requires.
type memOutput struct {
	mu    sync.Mutex
	files files
}

func (m *memOutput) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = slices.Clone(data) // the renderer reuses its buffers
	return nil
}

// New builds every site once and returns a Server that serves them. The
// error is for what no content fix can solve (an unreadable folder, a
// broken theme); mistakes in the content are in Problems.
func New(opts Options) (*Server, error) {
	s := &Server{opts: opts, events: newBroker()}
	s.state.Store(&state{sites: map[string]*part{}})
	if err := s.Rebuild(nil); err != nil {
		return nil, err
	}
	return s, nil
}

// Problems returns the problems of the latest rebuild.
func (s *Server) Problems() diag.List { return s.state.Load().problems }

// Version counts the rebuilds; it changes after each one.
func (s *Server) Version() int64 { return s.state.Load().version }

// Rebuild rebuilds what a change to the given paths (slash-separated,
// relative to the root) affects: nil means everything.
func (s *Server) Rebuild(changed []string) error {
	s.build.Lock()
	defer s.build.Unlock()
	prev := s.state.Load()
	next := &state{sites: maps.Clone(prev.sites), portal: prev.portal, version: prev.version + 1}
	ids, all := s.scope(changed)
	if all {
		if err := s.reload(next); err != nil {
			return err
		}
	} else if len(ids) == 0 {
		return nil // nothing that the build reads
	}
	for _, sc := range s.sites {
		if s.cfgErrs.Errors() == 0 && (all || slices.Contains(ids, sc.ID)) {
			if err := s.buildSite(sc, next); err != nil {
				return err
			}
		}
	}
	if s.city != nil && s.st != nil && s.cfgErrs.Errors() == 0 {
		if err := s.buildPortal(next); err != nil {
			return err
		}
	}
	next.problems = append(diag.List(nil), s.cfgErrs...)
	for _, sc := range s.sites {
		next.problems.Append(s.siteErrs[sc.ID])
	}
	next.problems.Sort()
	s.state.Store(next)
	s.events.publish(next)
	return nil
}

// scope tells which sites a change touches, or all when it touches the
// configuration, the theme, or a folder no site owns.
func (s *Server) scope(changed []string) (ids []string, all bool) {
	if changed == nil || s.city == nil {
		return nil, true
	}
	for _, p := range changed {
		dir, rest, _ := cutFirst(p)
		switch dir {
		case config.File, "themes":
			return nil, true
		case "content":
			id, below, _ := cutFirst(rest)
			switch {
			case id == "":
			case s.city.Site(id) != nil:
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			case below == "" && !isDir(filepath.Join(s.opts.Root, "content", id)):
				// a plain file beside the site folders, such as README.md
			default:
				return nil, true // a new or removed site folder
			}
		}
	}
	return ids, false
}

func cutFirst(p string) (first, rest string, ok bool) {
	for i := 0; i < len(p); i++ {
		if p[i] == '/' {
			return p[:i], p[i+1:], true
		}
	}
	return p, "", false
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// reload reads sites.yaml and the theme again. The sites are re-addressed
// under the server's own URL, so that every link works in the preview,
// including those of sites on a domain of their own.
func (s *Server) reload(next *state) error {
	root, err := os.OpenRoot(s.opts.Root)
	if err != nil {
		return fmt.Errorf("folder %q tidak dapat dibuka", s.opts.Root)
	}
	if s.root != nil {
		s.root.Close()
	}
	s.root, s.fsys = root, root.FS()
	opts := s.pipelineOptions()
	city, problems := pipeline.LoadCity(opts)
	s.cfgErrs = problems
	if city == nil || problems.Errors() > 0 {
		return nil // keep serving the last good build, with the problems
	}
	var sites []*config.Site
	for _, sc := range city.Sites {
		if sc != nil && sc.ID != "" && (len(s.opts.Sites) == 0 || slices.Contains(s.opts.Sites, sc.ID)) {
			sites = append(sites, sc)
		}
	}
	for _, id := range s.opts.Sites {
		if city.Site(id) == nil {
			s.cfgErrs.Add(config.File, 0, fmt.Sprintf("kelurahan %q tidak ada di sites.yaml", id), "Periksa --site, atau tambahkan kelurahannya ke sites.yaml.")
		}
	}
	st, err := pipeline.NewStages(city, opts)
	if err != nil {
		return err
	}
	s.city, s.sites, s.st = city, sites, st
	s.digests, s.siteErrs = map[string]*digest{}, map[string]diag.List{}
	for id := range next.sites {
		if city.Site(id) == nil || !slices.Contains(sites, city.Site(id)) {
			delete(next.sites, id)
		}
	}
	return nil
}

// pipelineOptions are the build's options with the preview's choices:
// drafts shown, the reload script, every site under the server's address,
// and the repository's themes/default when it has one, so that theme work
// previews live (the theme built into kimsite otherwise).
func (s *Server) pipelineOptions() pipeline.Options {
	opts := pipeline.Options{
		Root: s.opts.Root, FS: s.fsys, Drafts: true, ImageCache: s.opts.ImageCache,
		LiveReload: true, Address: s.opts.BaseURL, Clock: s.opts.Clock,
	}
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	if isDir(filepath.Join(s.opts.Root, "themes", "default", "layouts")) {
		opts.Theme = os.DirFS(filepath.Join(s.opts.Root, "themes", "default"))
	}
	return opts
}

// buildSite loads one site; its pages, and its digest for the portal, are
// rendered when asked for. On errors it keeps the site's last good build,
// so that the rest of the preview keeps working.
func (s *Server) buildSite(sc *config.Site, next *state) error {
	st := s.st
	site, problems := st.Load(sc)
	s.siteErrs[sc.ID] = problems
	if problems.Errors() > 0 {
		_ = st.Images.Write(site, nil) // nothing will be served: forget the site's photos
		return nil
	}
	s.digests[sc.ID] = &digest{take: func() (render.Digest, error) {
		return st.Render.DigestOf(site)
	}}
	p := newPart(func(out render.Output, accept func(string) bool) error {
		_, err := st.Only(accept).Site(site, out)
		return err
	})
	// The photos are resized by now (the checks did it): publish them.
	if err := st.Images.Write(site, &memOutput{files: p.files}); err != nil {
		return err
	}
	next.sites[sc.ID] = p
	return nil
}

// digest is a site's digest, taken the first time the portal needs it.
type digest struct {
	once sync.Once
	take func() (render.Digest, error)
	d    render.Digest
	err  error
}

func (d *digest) get() (render.Digest, error) {
	d.once.Do(func() { d.d, d.err = d.take() })
	return d.d, d.err
}

// buildPortal prepares the portal from the sites' digests.
func (s *Server) buildPortal(next *state) error {
	var sites []*config.Site
	var taken []*digest
	for _, sc := range s.sites {
		if d, ok := s.digests[sc.ID]; ok {
			sites, taken = append(sites, sc), append(taken, d)
		}
	}
	st := s.st
	next.portal = newPart(func(out render.Output, accept func(string) bool) error {
		data, err := render.NewCityData(func() (render.Temp, error) { return output.NewTemp() })
		if err != nil {
			return err
		}
		defer data.Close()
		var digests []render.Digest
		for _, t := range taken {
			d, err := t.get()
			if err != nil {
				return err
			}
			if err := data.Add(&d); err != nil {
				return err
			}
			digests = render.AppendDigest(digests, d)
		}
		return st.Portal(sites, digests, data, out, accept)
	})
	return nil
}

// file returns the built file with the given output name.
func (st *state) file(name string) ([]byte, bool, error) {
	id, _, _ := cutFirst(name)
	if p := st.sites[id]; p != nil {
		if data, ok, err := p.file(name); ok || err != nil {
			return data, ok, err
		}
	}
	if st.portal == nil {
		return nil, false, nil
	}
	return st.portal.file(name)
}
