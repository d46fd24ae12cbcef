package content

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/kotamalang/kimsite/generator/model"
)

// Old addresses. A site that moves in from elsewhere (kimsite import
// wordpress writes it) keeps the links already shared in WhatsApp groups
// and found by search engines alive with redirects.yaml at the site
// folder's root: each old address, relative to the site's root, and the
// page it moved to, as its file or, for a tag, as tags/<tag>/:
//
//	/2020/11/05/kerja-bakti/: berita/kerja-bakti.md
//	/category/kesehatan/: tags/kesehatan/
//
// The build writes a small page at each old address that sends the reader
// on (a meta refresh, a canonical link and a visible link; no script). An
// old address that a page, a file or a list of kimsite uses, or a target
// that does not exist, is an error at its line. An address with a query
// (?p=123) cannot be a file of a static site and is refused.

// RedirectsFile is the redirect map in a site folder.
const RedirectsFile = "redirects.yaml"

// Redirect is one old address and where it now leads.
type Redirect struct {
	From string // the old address relative to the site root: "2020/11/05/kerja-bakti/"
	To   string // the new address relative to the site root: "berita/kerja-bakti/"
	Line int    // in redirects.yaml
}

// ReservedPath reports whether an address relative to a site's root is
// one kimsite's own lists use: a section's list and its pages, the news
// archive, UMKM categories, budget years, tag pages and search; or lies
// under a name with a dot at the root, where kimsite writes files
// (index.xml, sitemap.xml, og.png, the theme's script).
func ReservedPath(p string) bool {
	parts := strings.Split(strings.Trim(p, "/"), "/")
	switch {
	case parts[0] == "tags", parts[0] == "cari", strings.Contains(parts[0], "."):
		return true
	}
	if _, ok := model.Section(parts[0]); !ok {
		return false
	}
	return len(parts) == 1 || reservedSlug(parts[0], parts[1])
}

// redirects reads the site's redirect map, after every page and file has
// claimed its address.
func (l *loader) redirects() {
	name := path.Join(l.dir, RedirectsFile)
	data, err := fs.ReadFile(l.root, name)
	if err != nil {
		return
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		l.problems.Add(name, 1, "berkas pengalihan tidak dapat dibaca: "+strings.TrimPrefix(err.Error(), "yaml: "), "Tulis satu baris per alamat: /alamat/lama/: berita/nama.md")
		return
	}
	if len(doc.Content) == 0 {
		return
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		l.problems.Add(name, m.Line, "berkas pengalihan harus berisi daftar alamat lama: halaman baru", "Mis. /2020/11/05/kerja-bakti/: berita/kerja-bakti.md")
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		from, ok := OldAddress(k.Value)
		switch {
		case !ok:
			l.problems.Add(name, k.Line, fmt.Sprintf("alamat lama %q tidak bisa dijadikan halaman pengalihan", k.Value),
				"Tulis jalurnya saja, diawali dan diakhiri garis miring, tanpa ?, # atau %: /2020/11/05/kerja-bakti/. Alamat ?p=123 tidak bisa dialihkan di situs statis.")
			continue
		case seen[from] != 0:
			l.problems.Add(name, k.Line, fmt.Sprintf("alamat lama /%s sudah ditulis di baris %d", from, seen[from]), "Hapus salah satunya.")
			continue
		case l.urls[from] != "" || l.urls[strings.TrimSuffix(from, "/")] != "":
			other := l.urls[from] + l.urls[strings.TrimSuffix(from, "/")]
			l.problems.Add(name, k.Line, fmt.Sprintf("alamat lama /%s adalah alamat %s sendiri", from, path.Join(l.dir, other)), "Hapus baris ini: alamat itu sudah berfungsi tanpa pengalihan.")
			continue
		case ReservedPath(from):
			l.problems.Add(name, k.Line, fmt.Sprintf("alamat lama /%s dipakai oleh daftar buatan kimsite", from), "Hapus baris ini.")
			continue
		}
		seen[from] = k.Line
		to, ok := l.redirectTo(name, v)
		if ok {
			l.site.Redirects = append(l.site.Redirects, Redirect{From: from, To: to, Line: k.Line})
		}
	}
}

// redirectFrom reads an old address: path segments, no query, no
// fragment, no escapes, no dot segments. The address is kept in lowercase,
// as WordPress writes addresses, and ends with a slash.
func OldAddress(s string) (string, bool) {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), "/"))
	if s == "" || strings.ContainsAny(s, "?#%\\\"'<>") {
		return "", false
	}
	for _, seg := range strings.Split(s, "/") {
		if seg == "" || seg == "." || seg == ".." || strings.HasPrefix(seg, ".") {
			return "", false
		}
		for _, r := range seg {
			if unicode.IsSpace(r) || unicode.IsControl(r) || r == unicode.ReplacementChar {
				return "", false
			}
		}
	}
	return s + "/", true
}

// redirectTo reads where an old address leads: a page's file, or a tag.
func (l *loader) redirectTo(name string, v *yaml.Node) (string, bool) {
	to := strings.TrimSpace(v.Value)
	if tag, ok := strings.CutPrefix(strings.Trim(to, "/"), "tags/"); ok && !strings.Contains(tag, "/") && tag != "" {
		for _, p := range l.site.byFile {
			for _, t := range p.Tags {
				if t.Slug == tag {
					return "tags/" + tag + "/", true
				}
			}
		}
		l.problems.Add(name, v.Line, fmt.Sprintf("tag %q tidak dipakai halaman mana pun", tag), "Arahkan alamat lama ini ke halaman lain, atau hapus barisnya.")
		return "", false
	}
	file := path.Clean(strings.TrimPrefix(to, "/"))
	if p := l.site.byFile[file]; p != nil {
		return p.URL, true
	}
	if strings.HasSuffix(file, ".md") {
		if _, err := fs.Stat(l.root, path.Join(l.dir, file)); err == nil {
			return "", false // a draft: nothing to lead to until it is published
		}
	}
	l.problems.Add(name, v.Line, fmt.Sprintf("halaman tujuan %q tidak ada", to), "Tulis berkas halamannya, relatif terhadap folder situs, mis. berita/kerja-bakti.md, atau tags/nama-tag/.")
	return "", false
}
