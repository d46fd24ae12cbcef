package pipeline

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kotamalang/kimsite/generator/agenda"
	"github.com/kotamalang/kimsite/generator/cache"
	"github.com/kotamalang/kimsite/generator/cms"
	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/output"
	"github.com/kotamalang/kimsite/generator/render"
)

// siteCache connects the build to the build cache: a site whose key is
// unchanged keeps its folder of the previous output and has its digest
// read back, instead of being loaded and rendered.
type siteCache struct {
	c         *cache.Cache
	fsys      fs.FS
	base      string             // the key of what every site depends on
	start     time.Time          // when the build started; see cache.StatTree
	kept      []string           // the sites whose previous output the build keeps
	keptParts []string           // the portal's folders it keeps (see partKeys)
	keys      map[string]siteKey // each site's key, by id
}

// siteKey is a site's key and what it was made of.
type siteKey struct{ key, content, stat string }

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
	h.Add("options", []byte(strconv.FormatBool(opts.Drafts)+","+strconv.FormatBool(opts.LiveReload)+","+opts.Address+","+strconv.FormatBool(opts.Future)+","+strconv.FormatBool(opts.Now.IsZero())+","+opts.BaseURLs.String()))
	if err := h.AddTree(themeFS, ".", content.MaxAssetBytes); err != nil {
		return nil, err
	}
	sitesYAML, err := fs.ReadFile(opts.FS, config.File)
	if err != nil {
		return nil, err
	}
	h.Add(config.File, sitesYAML)
	return &siteCache{c: cache.Open(opts.Cache), fsys: opts.FS, base: h.Sum(), start: time.Now().Add(-time.Second)}, nil
}

// hashSites computes every site's key, on all cores: reading every input
// file is most of what a rebuild with few changes does.
func (sc *siteCache) hashSites(sites []*config.Site) {
	sc.keys = make(map[string]siteKey, len(sites))
	keys := make([]siteKey, len(sites))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(sites)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(sites); i = int(next.Add(1) - 1) {
				keys[i] = sc.key(sites[i])
			}
		}()
	}
	wg.Wait()
	for i, s := range sites {
		sc.keys[s.ID] = keys[i]
	}
}

// key hashes everything a site's output depends on. The site's folder is
// read only when the sizes and times of its files differ from the previous
// build's. A site folder that cannot be read gets no key, and is built (and
// reported) as usual.
func (sc *siteCache) key(site *config.Site) siteKey {
	dir := path.Join("content", site.ID)
	var k siteKey
	stat, racy, err := cache.StatTree(sc.fsys, dir, sc.start)
	if prev, ok := sc.c.Previous(site.ID); ok && err == nil && prev.Stat == stat {
		k.content = prev.Content
	} else {
		h := cache.NewHasher()
		if err := h.AddTree(sc.fsys, dir, content.MaxAssetBytes); err != nil {
			return siteKey{}
		}
		k.content = h.Sum()
	}
	if err == nil && !racy {
		k.stat = stat
	}
	h := cache.NewHasher()
	h.Add("base", []byte(sc.base))
	h.Add("content", []byte(k.content))
	k.key = h.Sum()
	return k
}

// cached is what the manifest keeps of a site's build: its digest, and the
// span of clock times over which its output stays the same (see expires).
type cached struct {
	Digest      render.Digest
	From, Until time.Time // Until zero: no end
}

// reuse keeps the site's previous output and returns its digest, when the
// site is unchanged, the build's clock is within the span its output was
// good for, and its files are all still in the output folder.
func (sc *siteCache) reuse(site *config.Site, key siteKey, now time.Time, out *output.Dir, count *countingOutput) (render.Digest, bool, error) {
	e, ok := sc.c.Lookup(site.ID, key.key)
	if !ok || key.key == "" {
		return render.Digest{}, false, nil
	}
	var c cached
	if gob.NewDecoder(bytes.NewReader(e.Digest)).Decode(&c) != nil {
		return render.Digest{}, false, nil
	}
	if now.Before(c.From) || !c.Until.IsZero() && !now.Before(c.Until) {
		return render.Digest{}, false, nil
	}
	d := c.Digest
	if err := out.Keep(site.ID, e.Folder, e.Files); err != nil {
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
	e.Stat = key.stat
	sc.c.Put(site.ID, e)
	sc.kept = append(sc.kept, site.ID)
	return d, true, nil
}

// put remembers what a site's build wrote and its digest, good for clock
// times from from until until.
func (sc *siteCache) put(site *config.Site, key siteKey, files []string, d render.Digest, from, until time.Time) error {
	if key.key == "" {
		return nil
	}
	d.Site = nil
	d.Items = append([]render.Item(nil), d.Items...)
	for i := range d.Items {
		d.Items[i].Site = nil
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(cached{Digest: d, From: from, Until: until}); err != nil {
		return err
	}
	slices.Sort(files)
	sc.c.Put(site.ID, cache.Entry{Key: key.key, Content: key.content, Stat: key.stat, Files: files, Digest: buf.Bytes()})
	return nil
}

// recorder notes the names of the files a site writes.
type recorder struct {
	out   *countingOutput
	mu    sync.Mutex
	names []string
}

func (r *recorder) WriteFile(name string, data []byte) error {
	r.note(name)
	return r.out.WriteFile(name, data)
}

func (r *recorder) WriteFrom(name string, src io.Reader) error {
	r.note(name)
	return r.out.WriteFrom(name, src)
}

func (r *recorder) note(name string) {
	r.mu.Lock()
	r.names = append(r.names, name)
	r.mu.Unlock()
}

func (c *countingOutput) count(name string) {
	c.files.Add(1)
	if strings.HasSuffix(name, ".html") {
		c.pages.Add(1)
	}
}

// partKeys returns the keys of the portal's top-level folders that depend
// on few inputs, so that a rebuild keeps them like unchanged sites: the
// web editor (admin/) depends on sites.yaml, the engine and the Decap
// bundle; the city's UMKM and cek-fakta lists on those items alone. Every
// other file of the portal is rendered on every build.
func (sc *siteCache) partKeys(digests []render.Digest, sites []*config.Site) map[string]string {
	keys := map[string]string{}
	h := cache.NewHasher()
	h.Add("base", []byte(sc.base))
	for _, s := range sites {
		h.Add("site", []byte(s.ID))
		// The editor lists each page bundle with its title: the stat of
		// its index.md stands for the title, so that a settled rebuild
		// still opens no page.
		for _, file := range cms.BundleFiles(sc.fsys, s.ID, model.Sections) {
			entries, err := fs.ReadDir(sc.fsys, path.Dir(file))
			if err != nil {
				return nil
			}
			for _, e := range entries {
				if info, err := e.Info(); err == nil && e.Name() == "index.md" {
					h.Add("page-bundle", fmt.Appendf(nil, "%s\x00%d\x00%d", file, info.Size(), info.ModTime().UnixNano()))
				}
			}
		}
	}
	bundle, _, err := cache.StatTree(sc.fsys, cms.BundleDir, sc.start)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	h.Add("bundle", []byte(bundle))
	keys[cms.Dir] = h.Sum()
	for folder, section := range map[string]string{model.UMKM: model.UMKM, model.CekFakta: model.CekFakta} {
		h := cache.NewHasher()
		h.Add("base", []byte(sc.base))
		for _, d := range digests {
			for _, it := range d.Items {
				if it.Section == section {
					h.Add("item", fmt.Appendf(nil, "%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s",
						it.Site.ID, it.Title, it.Summary, it.Href, it.URL, it.Date.Format(time.RFC3339Nano), it.Verdict, it.Category))
				}
			}
		}
		keys[folder] = h.Sum()
	}
	return keys
}

// keepParts keeps the portal folders whose key is unchanged and whose
// files are all still in the output; it returns the kept folders.
func (sc *siteCache) keepParts(keys map[string]string, out *output.Dir, count *countingOutput) map[string]bool {
	kept := map[string]bool{}
	for _, folder := range slices.Sorted(maps.Keys(keys)) {
		e, ok := sc.c.Lookup(folder, keys[folder])
		if ok && out.Keep(folder, e.Folder, e.Files) == nil {
			for _, name := range e.Files {
				count.count(name)
			}
			sc.c.Put(folder, e)
			sc.keptParts = append(sc.keptParts, folder)
			kept[folder] = true
		}
	}
	return kept
}

// putParts remembers the files the portal wrote into the folders it did
// not keep.
func (sc *siteCache) putParts(keys map[string]string, kept map[string]bool, written []string) {
	files := map[string][]string{}
	for _, name := range written {
		if folder, _, ok := strings.Cut(name, "/"); ok && keys[folder] != "" && !kept[folder] {
			files[folder] = append(files[folder], name)
		}
	}
	for folder, names := range files {
		slices.Sort(names)
		sc.c.Put(folder, cache.Entry{Key: keys[folder], Files: names})
	}
}

// expires is the first moment after now at which the site's output would
// change with no change to its files: a held page falls due, an event's
// occurrence ends (it leaves the upcoming lists), or a day begins in WIB
// (the weekly digest and "this week" move on). Until then a rebuild may
// keep the output, so an hourly scheduled build renders only what time
// changed.
func expires(now time.Time, site *content.Site) time.Time {
	n := now.In(locale.WIB)
	until := time.Date(n.Year(), n.Month(), n.Day()+1, 0, 0, 0, 0, locale.WIB)
	for _, p := range site.Held {
		if p.Meta.Date.Before(until) {
			until = p.Meta.Date.Time
		}
	}
	for _, e := range agenda.Events(site) {
		if o, ok := e.Next(now); ok && o.End.Before(until) {
			until = o.End
		}
	}
	return until
}
