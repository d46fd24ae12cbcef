package build

import (
	"bytes"
	"encoding/gob"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kotamalang/kimsite/generator/cache"
	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/output"
	"github.com/kotamalang/kimsite/generator/render"
)

// siteCache connects the build to the build cache: a site whose key is
// unchanged has its previous output hard-linked into the new build and its
// digest read back, instead of being loaded and rendered.
type siteCache struct {
	c      *cache.Cache
	fsys   fs.FS
	base   string // the key of what every site depends on
	reused int
}

// openCache returns nil when the build has no cache: none was asked for,
// the build writes to no output folder, or it renders only some of the
// sites it reads (a site's files must then stay out of the output).
func openCache(opts Options, themeFS fs.FS, dir *output.Dir) (*siteCache, error) {
	if opts.Cache == "" || dir == nil || opts.PortalFromAll {
		return nil, nil
	}
	engine, err := cache.Executable()
	if err != nil {
		return nil, nil // no way to tell builds apart: build everything
	}
	h := cache.NewHasher()
	h.Add("engine", []byte(engine))
	h.Add("options", []byte(strconv.FormatBool(opts.Drafts)+","+strconv.FormatBool(opts.Dev)+","+opts.Today.UTC().Format(time.RFC3339Nano)))
	if err := h.AddTree(themeFS, "."); err != nil {
		return nil, err
	}
	sitesYAML, err := fs.ReadFile(opts.FS, config.File)
	if err != nil {
		return nil, err
	}
	h.Add(config.File, sitesYAML)
	return &siteCache{c: cache.Open(opts.Cache), fsys: opts.FS, base: h.Sum()}, nil
}

// key hashes everything a site's output depends on. A site folder that
// cannot be read gets no key, and is built (and reported) as usual.
func (sc *siteCache) key(site *config.Site) string {
	h := cache.NewHasher()
	h.Add("base", []byte(sc.base))
	if err := h.AddTree(sc.fsys, path.Join("content", site.ID)); err != nil {
		return ""
	}
	return h.Sum()
}

// reuse stages the site's previous output and returns its digest, when the
// site is unchanged and its files are all still in the output folder.
func (sc *siteCache) reuse(site *config.Site, key string, out *output.Dir, count *countingOutput) (render.Digest, bool, error) {
	e, ok := sc.c.Lookup(site.ID, key)
	if !ok || key == "" {
		return render.Digest{}, false, nil
	}
	var d render.Digest
	if gob.NewDecoder(bytes.NewReader(e.Digest)).Decode(&d) != nil {
		return render.Digest{}, false, nil
	}
	if err := out.Reuse(e.Files); err != nil {
		if errors.Is(err, output.ErrNotReusable) {
			return render.Digest{}, false, nil
		}
		return render.Digest{}, false, err
	}
	d.Site = site
	for i := range d.Items {
		d.Items[i].Site = site
	}
	for _, name := range e.Files {
		count.count(name)
	}
	sc.c.Put(site.ID, e)
	sc.reused++
	return d, true, nil
}

// put remembers what a site's build wrote and its digest.
func (sc *siteCache) put(site *config.Site, key string, files []string, d render.Digest) error {
	if key == "" {
		return nil
	}
	d.Site = nil
	d.Items = append([]render.Item(nil), d.Items...)
	for i := range d.Items {
		d.Items[i].Site = nil
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(d); err != nil {
		return err
	}
	slices.Sort(files)
	sc.c.Put(site.ID, cache.Entry{Key: key, Files: files, Digest: buf.Bytes()})
	return nil
}

// recorder notes the names of the files a site writes.
type recorder struct {
	out   render.Output
	mu    sync.Mutex
	names []string
}

func (r *recorder) WriteFile(name string, data []byte) error {
	r.mu.Lock()
	r.names = append(r.names, name)
	r.mu.Unlock()
	return r.out.WriteFile(name, data)
}

func (c *countingOutput) count(name string) {
	c.files.Add(1)
	if strings.HasSuffix(name, ".html") {
		c.pages.Add(1)
	}
}
