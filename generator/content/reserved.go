package content

import (
	"fmt"
	"path"
	"slices"
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

// ReservedFiles are the files render writes at a site's root; a test of
// the pipeline keeps the list complete.
var ReservedFiles = []string{"index.html", "404.html", "index.xml", "sitemap.xml", "robots.txt", "search.json",
	"kimsite.js", "favicon.svg", "perencanaan.csv", "perencanaan.json", "umkm.json", "kabar-pekan-ini.txt", "agenda.ics"}

// generatedInFolders are the files render writes in every folder of a
// page or list.
var generatedInFolders = []string{"index.html", "index.xml"}

// checkReserved reports pages and files whose address the render stage
// uses: a generated file would overwrite them, or the build would stop
// half way with two files at one address.
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
	variants := photoVariants(l.site.Assets)
	cards := cardFolders(l.site)
	for _, a := range l.site.Assets {
		// Lower case: on Windows and macOS disks "Index.html" is "index.html".
		switch name := path.Base(a.URL); {
		case slices.Contains(ReservedFiles, strings.ToLower(a.URL)), slices.Contains(generatedInFolders, strings.ToLower(name)):
			l.problems.Add(path.Join(l.dir, a.Src), 0, fmt.Sprintf("berkas %q akan tertimpa oleh berkas buatan kimsite", name),
				"Ganti nama berkasnya, mis. tambahkan kata yang menjelaskan isinya.")
		case strings.EqualFold(name, ShareCard) && cards(path.Dir(strings.ToLower(a.URL))):
			l.problems.Add(path.Join(l.dir, a.Src), 0, fmt.Sprintf("nama berkas %q dipakai kimsite untuk gambar pratinjau halaman ini (saat dibagikan di WhatsApp)", name),
				"Ganti nama berkasnya, mis. foto-utama.png; untuk memilih gambar pratinjau, tulis image: di front matter halaman.")
		case variants[a.URL] != "":
			l.problems.Add(path.Join(l.dir, a.Src), 0, fmt.Sprintf("nama berkas %q dipakai kimsite untuk versi kecil foto %s", name, path.Join(l.dir, variants[a.URL])),
				"Ganti nama berkasnya, mis. tanpa tanda hubung dan angka di akhir namanya.")
		}
	}
}

// ShareCard is the share image render draws for a page without a photo,
// and for the first page of a section's lists, in the page's folder. At
// the site's root it is the site's default, which a KIM may replace with
// its own static/og.png.
const ShareCard = "og.png"

// cardFolders returns whether render may draw a share card in a folder
// (a URL path relative to the site, lower case, without a slash at its
// end): a page's, or any under a section, where its lists and their
// years and categories are.
func cardFolders(site *Site) func(dir string) bool {
	pages := map[string]bool{}
	for _, p := range site.Pages() {
		pages[strings.TrimSuffix(strings.ToLower(p.URL), "/")] = true
	}
	return func(dir string) bool {
		first, _, _ := strings.Cut(dir, "/")
		return pages[dir] || slices.ContainsFunc(model.Sections, func(s model.SectionSpec) bool { return s.Name == first })
	}
}

// photoVariants maps the URL of each file that would clash with a
// resized copy of a photo (the images stage writes foto.jpg as
// foto-480.jpg, foto-960.jpg, … and foto-share.jpg) to that photo's source.
func photoVariants(assets []Asset) map[string]string {
	photos := map[string]string{} // URL without extension → source
	for _, a := range assets {
		if slices.Contains(ImageExts, strings.ToLower(path.Ext(a.URL))) {
			photos[strings.ToLower(strings.TrimSuffix(a.URL, path.Ext(a.URL)))] = a.Src
		}
	}
	clash := map[string]string{}
	for _, a := range assets {
		if !strings.EqualFold(path.Ext(a.URL), ".jpg") {
			continue
		}
		base := strings.TrimSuffix(a.URL, path.Ext(a.URL))
		i := strings.LastIndexByte(base, '-')
		if i < 0 {
			continue
		}
		if suffix := strings.ToLower(base[i+1:]); suffix != "share" && (suffix == "" || strings.Trim(suffix, "0123456789") != "") {
			continue
		}
		if src, ok := photos[strings.ToLower(base[:i])]; ok && src != a.Src {
			clash[a.URL] = src
		}
	}
	return clash
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
