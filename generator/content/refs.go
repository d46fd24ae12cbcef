package content

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
)

// Problems with a reference, in Bahasa Indonesia.
var (
	ErrOutside   = errors.New("menunjuk ke luar folder situs")
	ErrBackslash = errors.New("memakai garis miring terbalik (\\)")
	ErrEscape    = errors.New("berisi kode %XX yang rusak")
)

// ImageExts are the image types pages may show.
var ImageExts = []string{".jpg", ".jpeg", ".png", ".gif", ".webp"}

// Resolve turns a reference written in a page (front matter or Markdown)
// into a path relative to the site folder: relative to the page's own
// folder, or to static/ when it starts with "/". It refuses anything that
// would leave the site's folder.
func Resolve(fromFile, ref string) (string, error) {
	unescaped, err := url.PathUnescape(ref)
	if err != nil {
		return "", ErrEscape
	}
	if strings.Contains(unescaped, `\`) {
		return "", ErrBackslash
	}
	var p string
	if strings.HasPrefix(unescaped, "/") {
		p = path.Join(staticDir, unescaped)
	} else {
		p = path.Join(path.Dir(fromFile), unescaped)
	}
	if p == "." || p == ".." || strings.HasPrefix(p, "../") {
		return "", ErrOutside
	}
	return p, nil
}

// PageAt returns the page whose source is file (relative to the site folder).
func (s *Site) PageAt(file string) *Page { return s.byFile[file] }

// AssetAt returns the published file at src (relative to the site folder).
func (s *Site) AssetAt(src string) *Asset { return s.assets[src] }

// FileURL returns the URL, relative to the site, of a file named in the
// page's front matter, or "" when it names none.
func (p *Page) FileURL(value string) string {
	if a := p.files[value]; a != nil {
		return a.URL
	}
	return ""
}

// FileSize returns the size in bytes of a file named in the front matter.
func (p *Page) FileSize(value string) int64 {
	if a := p.files[value]; a != nil {
		return a.Size
	}
	return 0
}

// checkReferences resolves every file a front matter names, and requires
// alt text for the main image.
func (l *loader) checkReferences() {
	for _, p := range l.site.Pages() {
		p.files = map[string]*Asset{}
		for _, ref := range p.Refs {
			a := l.resolveFile(p, ref.Value, ref.Line, ref.Image)
			if a == nil {
				continue
			}
			p.files[ref.Value] = a
			if ref.Key == "image" {
				p.Image = a
			}
		}
		if p.Meta.Image != "" && strings.TrimSpace(p.Meta.ImageAlt) == "" {
			l.problems.Add(p.Path, p.Pos.Line("image"), "gambar utama belum punya keterangan (image_alt)", "Tambahkan image_alt: yang menjelaskan isi foto, untuk pembaca tunanetra.")
		}
	}
}

// resolveFile finds the asset a page's reference names, reporting at line
// when it does not exist or is not of the right type.
func (l *loader) resolveFile(p *Page, ref string, line int, image bool) *Asset {
	src, err := Resolve(p.File, ref)
	if err != nil {
		l.problems.Add(p.Path, line, fmt.Sprintf("path %q %v", ref, err), "Tulis nama berkas di samping halaman ini, atau /nama-berkas dari folder static/ situs ini.")
		return nil
	}
	a := l.site.assets[src]
	if a == nil {
		hint := "Periksa ejaan dan huruf besar-kecil nama berkas, lalu pastikan berkasnya ikut diunggah."
		if s := l.site.SimilarAsset(src); s != "" {
			hint = fmt.Sprintf("Ganti `%s` dengan `%s`, nama berkas yang ada (huruf besar dan kecil dibedakan).", ref, RelTo(p.File, s, strings.HasPrefix(ref, "/")))
		}
		l.problems.Add(p.Path, line, fmt.Sprintf("berkas %q tidak ditemukan (dicari di %s)", ref, path.Join(l.dir, src)), hint)
		return nil
	}
	if image && !slices.Contains(ImageExts, strings.ToLower(path.Ext(src))) {
		l.problems.Add(p.Path, line, fmt.Sprintf("berkas %q bukan gambar JPEG, PNG, GIF atau WebP", ref), "Pakai foto berformat .jpg atau .png.")
		return nil
	}
	return a
}
