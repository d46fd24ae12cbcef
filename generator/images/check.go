package images

import (
	"fmt"
	"path"
	"runtime"
	"sync"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/diag"
)

// Check processes every image the site's front matter names (main images,
// product photos) on all cores, and reports each one that cannot be
// published at the line that names it. Images in Markdown bodies are
// checked by the markdown stage, which knows their lines.
func (s *Set) Check(site *content.Site) diag.List {
	type ref struct {
		page *content.Page
		src  string
		key  string
		line int
	}
	var refs []ref
	for _, p := range site.Pages() {
		for _, r := range p.Refs {
			if !r.Image {
				continue
			}
			src, err := content.Resolve(p.File, r.Value)
			if err != nil || site.AssetAt(src) == nil {
				continue // content has reported it
			}
			refs = append(refs, ref{p, src, r.Value, r.Line})
		}
	}
	results := onCores(len(refs), func(i int) error {
		_, err := s.Get(site, refs[i].src)
		return err
	})
	var problems diag.List
	for i, err := range results {
		if err != nil {
			r := refs[i]
			problems.Add(r.page.Path, r.line, fmt.Sprintf("gambar %q: %v", r.key, err), Hint(err))
		}
	}
	return problems
}

// Hint returns the advice that goes with an image error.
func Hint(err error) string {
	if e, ok := err.(*Error); ok {
		return e.Hint
	}
	return ""
}

// Share returns the share image of a page: its main image's, else that of
// the first photo in its body; nil when it shows none.
func (s *Set) Share(site *content.Site, p *content.Page) *Variant {
	if p == nil {
		return nil
	}
	srcs := []string{}
	if p.Image != nil {
		srcs = append(srcs, p.Image.Src)
	}
	srcs = append(srcs, p.BodyImages...)
	for _, src := range srcs {
		if img, err := s.Get(site, src); err == nil {
			return &img.Share
		}
	}
	return nil
}

// CheckAssets cleans every photo of the site that is published as it is
// (see Clean), on all cores, and reports each one that cannot be cleaned
// at its path: such a photo is not published. The cleaned files go to the
// cache, so the build that follows does not clean them again.
func (s *Set) CheckAssets(site *content.Site) diag.List {
	var assets []*content.Asset
	for i := range site.Assets {
		if Cleanable(site.Assets[i].Src) && !s.failed(site.Config.ID, site.Assets[i].Src) {
			assets = append(assets, &site.Assets[i])
		}
	}
	results := onCores(len(assets), func(i int) error {
		_, err := s.Clean(site.Config.ID, assets[i])
		return err
	})
	var problems diag.List
	for i, err := range results {
		if err != nil {
			problems.Add(path.Join("content", site.Config.ID, assets[i].Src), 0, err.Error(), Hint(err))
		}
	}
	return problems
}

// failed reports whether a page showed the photo and it could not be
// processed: that was reported at the line naming it, once is enough.
func (s *Set) failed(siteID, src string) bool {
	s.mu.Lock()
	e := s.sites[siteID][src]
	s.mu.Unlock()
	// Check and the markdown stage have finished their Gets (they wait
	// for their workers) before CheckAssets runs.
	return e != nil && e.err != nil
}

// onCores runs f(0) … f(n-1) on every core and gives their errors in
// order: decoding and encoding photos is the build's heaviest work.
func onCores(n int, f func(i int) error) []error {
	results := make([]error, n)
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(1, n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i] = f(i)
			}
		}()
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
	return results
}
