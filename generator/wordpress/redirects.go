package wordpress

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/slug"
)

// redirects writes the redirect map: every old address of an imported,
// published page, its earlier slugs (WordPress keeps them as
// _wp_old_slug), and the category and tag pages, each to its new page.
// An address the new site already uses is left out: it works as it is.
func (im *importer) redirects(pages []*page) {
	used := map[string]bool{}
	tags := map[string]bool{}
	for _, p := range pages {
		used[newURL(p.file)] = true
		if !p.draft {
			for _, t := range im.tags(p.it) {
				tags[slug.Make(t)] = true
			}
		}
	}
	m := map[string]string{}
	add := func(from, to string) {
		from, ok := content.OldAddress(from)
		if ok && !used[from] && !content.ReservedPath(from) && m[from] == "" {
			m[from] = to
		}
	}
	for _, p := range pages {
		if p.draft {
			continue
		}
		old := im.oldPath(p.it.Link)
		if strings.HasPrefix(old, "?") || old == "" {
			continue
		}
		add(old, p.file)
		for s := range strings.SplitSeq(p.it.Meta["_wp_old_slug"], "\n") {
			if s = strings.ToLower(strings.TrimSpace(s)); s != "" && !strings.Contains(s, "/") {
				add(path.Join(path.Dir(strings.TrimSuffix(old, "/")), s)+"/", p.file)
			}
		}
	}
	for key, name := range im.exp.Terms {
		domain, nicename, _ := strings.Cut(key, "/")
		base := map[string]string{"category": "category/", "post_tag": "tag/"}[domain]
		if s := slug.Make(clean(name)); base != "" && tags[s] {
			add(base+strings.ToLower(nicename)+"/", "tags/"+s+"/")
		}
	}
	if len(m) == 0 {
		return
	}
	froms := make([]string, 0, len(m))
	for f := range m {
		froms = append(froms, f)
	}
	sort.Strings(froms)
	var b strings.Builder
	b.WriteString("# Alamat lama situs WordPress dan halaman barunya, ditulis oleh\n")
	b.WriteString("# kimsite import wordpress. Setiap alamat lama mendapat halaman kecil\n")
	b.WriteString("# yang mengarahkan pembaca ke halaman baru.\n")
	for _, f := range froms {
		fmt.Fprintf(&b, "%s: %s\n", scalar("/"+f), scalar(m[f]))
	}
	im.res.Report.Redirects = len(m)
	im.put(RedirectsFile, []byte(b.String()))
}

// newURL gives the address a page file has on the new site.
func newURL(file string) string {
	f := strings.TrimSuffix(strings.TrimSuffix(file, "/index.md"), ".md")
	return f + "/"
}
