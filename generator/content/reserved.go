package content

import (
	"fmt"
	"path"
	"strings"

	"github.com/kotamalang/kimsite/generator/model"
)

// The render stage adds pages and files of its own beside the volunteers'
// pages: a page per budget year (perencanaan/2026/), the news archive
// (berita/arsip/), UMKM categories (umkm/kategori/), and at a site's root
// its feed, sitemap, open data and weekly digest. A page or a static file
// at one of those addresses would be overwritten, so it is refused here.

// reservedSlugs are page names a section's own lists use.
var reservedSlugs = map[string][]string{
	model.Berita:      {"arsip", "halaman"},
	model.Perencanaan: {"halaman"},
	model.UMKM:        {"kategori", "halaman"},
	model.CekFakta:    {"halaman"},
	model.Agenda:      {"halaman"},
}

// ReservedFiles are the files render writes at a site's root.
var ReservedFiles = []string{"index.xml", "sitemap.xml", "robots.txt", "404.html", "perencanaan.csv",
	"perencanaan.json", "umkm.json", "kabar-pekan-ini.txt", "agenda.ics"}

// checkReserved reports pages and static files whose address the render
// stage uses.
func (l *loader) checkReserved() {
	for _, sec := range l.site.Sections {
		for _, p := range sec.Pages {
			if reservedSlug(sec.Name, p.Slug) {
				l.problems.Add(p.Path, 0, fmt.Sprintf("nama halaman %q dipakai oleh daftar bagian %s", p.Slug, sec.Name),
					"Ganti nama berkasnya, mis. tambahkan kata yang menjelaskan isinya.")
			}
		}
	}
	for _, p := range l.site.Section(model.Agenda).Pages {
		// Beside each event's page, render writes its calendar file.
		if a, ok := l.site.assets[path.Join(strings.TrimSuffix(p.File, "/"+bundleFile), p.Slug+".ics")]; ok && a.URL == p.URL+p.Slug+".ics" {
			l.problems.Add(path.Join(l.dir, a.Src), 0, fmt.Sprintf("berkas %q akan tertimpa oleh kalender acara ini", path.Base(a.Src)),
				"Ganti nama berkasnya.")
		}
	}
	for _, a := range l.site.Assets {
		for _, name := range ReservedFiles {
			if a.URL == name {
				l.problems.Add(path.Join(l.dir, a.Src), 0, fmt.Sprintf("berkas %q akan tertimpa oleh berkas buatan kimsite", name),
					"Ganti nama berkasnya di folder static/.")
			}
		}
	}
}

// reservedSlug reports whether a page name clashes with a list of its
// section; in perencanaan and agenda, every name of digits only (a budget
// year, a year of past events).
func reservedSlug(section, slug string) bool {
	for _, r := range reservedSlugs[section] {
		if slug == r {
			return true
		}
	}
	return (section == model.Perencanaan || section == model.Agenda) && slug != "" && strings.Trim(slug, "0123456789") == ""
}
