package config

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/kotamalang/kimsite/generator/color"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/frontmatter"
)

// LogoExts are the file types a site's logo may have.
var LogoExts = []string{".svg", ".png", ".jpg", ".jpeg", ".webp"}

// checkAccent reports an accent colour on which the header's white text
// would not reach the 4.5:1 contrast WCAG 2.1 AA asks of body text.
func checkAccent(s *Site, line int, problems *diag.List) {
	c, ok := color.Parse(strings.ToLower(s.Accent))
	if !ok {
		return
	}
	white := color.RGB{R: 255, G: 255, B: 255}
	if r := color.Contrast(c, white); r < 4.5 {
		problems.Add(File, line, fmt.Sprintf("warna %q terlalu terang: tulisan putih di atasnya sulit dibaca (kontras %.1f:1, perlu paling sedikit 4,5:1)", s.Accent, r),
			"Pilih warna yang lebih gelap, mis. \"#0b6e4f\" (hijau), \"#1d4f91\" (biru) atau \"#8a2d1c\" (merah bata).")
		s.Accent = ""
	}
}

// checkLogos reports a logo that is not an image file in the site's
// static/ folder.
func checkLogos(root fs.FS, city *City, pos frontmatter.Positions, problems *diag.List) {
	for i, s := range city.Sites {
		if s == nil || s.Logo == "" || s.ID == "" {
			continue
		}
		line := pos.Line(fmt.Sprintf("sites.%d.logo", i))
		name := strings.TrimPrefix(path.Clean("/"+s.Logo), "/")
		file := path.Join("content", s.ID, "static", name)
		if !slices.Contains(LogoExts, strings.ToLower(path.Ext(name))) {
			problems.Add(File, line, fmt.Sprintf("logo %q bukan gambar SVG, PNG, JPEG atau WebP", s.Logo), "Simpan logo sebagai .svg atau .png di folder static/ situs.")
			s.Logo = ""
			continue
		}
		if info, err := fs.Stat(root, file); err != nil || info.IsDir() {
			problems.Add(File, line, fmt.Sprintf("logo %q tidak ditemukan (dicari di %s)", s.Logo, file), "Taruh berkas logo di folder static/ situs, lalu tulis namanya dengan garis miring di depan, mis. logo: /logo.svg.")
			s.Logo = ""
			continue
		}
		s.Logo = "/" + name
	}
}
