package content

import (
	"net/url"
	"path"
	"strings"

	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/model"
)

// PageByURL returns the page published at url, relative to the site
// ("umkm/warung-bu-sri/"; "" for the home page).
func (s *Site) PageByURL(url string) *Page { return s.byURL[url] }

// GeneratedURL tells whether url (relative to the site) is a page the site
// writes without a Markdown file of its own: the home page, a section's
// list, the tags and the search page.
func GeneratedURL(url string) bool {
	first, rest, _ := strings.Cut(url, "/")
	switch {
	case url == "":
		return true
	case first == "tags" || first == "cari":
		return true
	case rest == "" || strings.HasPrefix(rest, "page/"):
		_, ok := model.Section(first)
		return ok
	}
	return false
}

// PageURL reads a link a volunteer copied from the browser's address bar as
// the address of one of this site's pages: "/kauman/umkm/warung-bu-sri/",
// "https://kim.malangkota.go.id/kauman/umkm/warung-bu-sri/",
// "umkm/warung-bu-sri/" or "../umkm/warung-bu-sri" from the page's own
// folder. It returns the URL relative to the site and whether dest has the
// shape of a page address at all (no file extension); an address on
// another site is not one.
func PageURL(site *Site, fromFile, dest string) (candidates []string, ok bool) {
	dest, _, _ = strings.Cut(dest, "?")
	if u, err := url.Parse(dest); err == nil && u.IsAbs() {
		base := site.Config.BaseURL
		if base == "" || len(dest) < len(base) || !strings.EqualFold(dest[:len(base)], base) {
			return nil, false
		}
		dest = site.Config.Path + dest[len(base):]
	}
	unescaped, err := url.PathUnescape(dest)
	if err != nil || strings.Contains(unescaped, `\`) || path.Ext(strings.TrimSuffix(unescaped, "/")) != "" {
		return nil, false
	}
	clean := func(p string) string {
		p = strings.Trim(path.Clean("/"+p), "/")
		if p == "" {
			return ""
		}
		return p + "/"
	}
	if strings.HasPrefix(unescaped, "/") {
		if rest, ok := strings.CutPrefix(unescaped+"/", site.Config.Path); ok {
			return []string{clean(rest)}, true
		}
		return []string{clean(unescaped)}, true
	}
	joined := path.Join(path.Dir(fromFile), unescaped)
	if strings.HasPrefix(joined, "../") || joined == ".." {
		return []string{clean(unescaped)}, true
	}
	// From the page's folder, as .md links are written, or from the
	// site's root, as the address bar shows it after the site's name.
	return []string{clean(joined), clean(unescaped)}, true
}

// RelTo returns the path that, written in fromFile, names toFile (both
// relative to the site folder): what a link or file name in that page must
// say. A file under static/ is named from the site's root ("/logo.png")
// when rooted is true.
func RelTo(fromFile, toFile string, rooted bool) string {
	if rest, ok := strings.CutPrefix(toFile, staticDir+"/"); ok && rooted {
		return "/" + rest
	}
	from := strings.Split(path.Dir(fromFile), "/")
	if from[0] == "." {
		from = nil
	}
	to := strings.Split(toFile, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}

// SimilarPage returns the file of the page a broken link most likely meant:
// the same name in another folder, or the nearest by spelling.
func (s *Site) SimilarPage(file string) string {
	var files []string
	for _, p := range s.Pages() {
		if strings.EqualFold(path.Base(p.File), path.Base(file)) || strings.EqualFold(p.File, file) {
			return p.File
		}
		files = append(files, p.File)
	}
	return diag.Suggest(file, files)
}

// SimilarAsset returns the published file a missing one most likely meant:
// the same name in other letter case (IMG_1234.JPG for IMG_1234.jpg), the
// same name in another folder, or the nearest by spelling in the same
// folder.
func (s *Site) SimilarAsset(file string) string {
	var near []string
	for _, a := range s.Assets {
		if strings.EqualFold(a.Src, file) {
			return a.Src
		}
		if path.Dir(a.Src) == path.Dir(file) {
			near = append(near, a.Src)
		}
	}
	for _, a := range s.Assets {
		if strings.EqualFold(path.Base(a.Src), path.Base(file)) {
			return a.Src
		}
	}
	return diag.Suggest(file, near)
}
