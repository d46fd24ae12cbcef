// Package config reads sites.yaml: the city, its portal and its kelurahan.
//
// It takes the repository as an fs.FS and gives a City, checked strictly
// (unknown keys, duplicate ids, a site without a content folder, a folder
// without a site), with every problem at its sites.yaml line.
package config

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/frontmatter"
	"github.com/kotamalang/kimsite/generator/privacy"
	"github.com/kotamalang/kimsite/generator/slug"
)

// File is the path of the configuration, relative to the repository root.
const File = "sites.yaml"

// City is the whole of sites.yaml.
type City struct {
	Name        string   `yaml:"city" required:"true" label:"Kota"`
	BaseURL     string   `yaml:"base_url" required:"true" kind:"url" label:"Alamat portal"`
	Repo        string   `yaml:"repo" kind:"url" label:"Repositori"`
	Branch      string   `yaml:"branch" label:"Cabang" hint:"Cabang utama repositori, untuk tautan sunting; main bila kosong."`
	Maintainers []string `yaml:"maintainers" label:"Pengelola"`
	Sites       []*Site  `yaml:"sites" required:"true" label:"Kelurahan"`
	// AllowNumbers are 16-digit numbers that look like an NIK or KK but are
	// not one. sites.yaml is owned by the maintainers (CODEOWNERS), so each
	// entry is reviewed by them, with its reason, before any site may
	// publish the number.
	AllowNumbers []AllowedNumber `yaml:"allow_numbers" label:"Angka yang bukan NIK/KK"`
	// CMS is how the web editor logs in (see CMS).
	CMS CMS `yaml:"cms"`

	// Path is the URL path the portal is served under, e.g. "/".
	Path string `yaml:"-"`
}

// AllowedNumber is a number that the identity-number check must let pass.
type AllowedNumber struct {
	Number string `yaml:"number" required:"true" hint:"Tulis 16 angkanya tanpa spasi, dalam tanda kutip."`
	Reason string `yaml:"reason" required:"true" hint:"Jelaskan angka apa ini, mis. nomor registrasi koperasi."`
}

// Site is one kelurahan.
type Site struct {
	ID        string   `yaml:"id" required:"true" hint:"Nama folder di content/, huruf kecil dan tanda hubung, mis. kauman."`
	Name      string   `yaml:"name" required:"true" hint:"Mis. Kelurahan Kauman."`
	Kecamatan string   `yaml:"kecamatan" required:"true" hint:"Mis. Klojen."`
	KIM       string   `yaml:"kim" hint:"Nama KIM yang menulis situs ini."`
	Editors   []string `yaml:"editors" hint:"Akun atau tim GitHub yang boleh mengubah content/<id>/."`
	BaseURL   string   `yaml:"base_url" kind:"url" hint:"Alamat domain sendiri, bila ada."`
	Accent    string   `yaml:"accent" hint:"Warna utama situs, mis. \"#0b6e4f\"."`
	Logo      string   `yaml:"logo" kind:"file" hint:"Berkas logo di folder static/ situs, mis. /logo.svg."`
	Contact   Contact  `yaml:"contact"`
	Social    Social   `yaml:"social"`

	// AllowNumbers are the numbers of the city's allow_numbers, which the
	// identity-number check lets pass on this site.
	AllowNumbers []string `yaml:"-"`
	// Path is the URL path the site is served under: "/kauman/" on the
	// portal's domain, "/" on a domain of its own.
	Path string `yaml:"-"`
	// Line is the line of the site's id in sites.yaml.
	Line int `yaml:"-"`

	// ownBase is true when the site's address is its own (sites.yaml's
	// base_url or --site-base-url), not derived from the portal's.
	ownBase bool
}

// Contact is how residents reach the kelurahan.
type Contact struct {
	Address  string `yaml:"address" hint:"Alamat kantor kelurahan."`
	Email    string `yaml:"email" kind:"email" hint:"Alamat email KIM atau kelurahan."`
	WhatsApp string `yaml:"whatsapp" kind:"phone" hint:"Nomor WhatsApp, mis. 0812-3456-7890."`
	Phone    string `yaml:"phone" hint:"Nomor telepon kantor, mis. (0341) 123456."`
}

// Social holds the kelurahan's channels.
type Social struct {
	YouTube   string `yaml:"youtube" kind:"url"`
	Instagram string `yaml:"instagram" kind:"url"`
	Facebook  string `yaml:"facebook" kind:"url"`
	TikTok    string `yaml:"tiktok" kind:"url"`
	X         string `yaml:"x" kind:"url"`
}

// Reserved are the top-level names the portal itself uses, which no site id
// may take.
var Reserved = []string{"umkm", "cek-fakta", "agenda", "kecamatan", "admin", "assets", "tags", "search", "cari"}

var accentColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Load reads and checks sites.yaml in root, and checks it against the
// folders in root's content/.
func Load(root fs.FS) (*City, diag.List) {
	data, problems := readSites(root)
	if data == nil {
		return nil, problems
	}
	city, pos, problems := Parse(data)
	if city == nil {
		return nil, problems
	}
	checkLogos(root, city, pos, &problems)
	entries, err := fs.ReadDir(root, "content")
	if err != nil {
		problems.Add("content", 0, "folder content/ tidak ditemukan", "Buat folder content/<id-kelurahan>/ untuk setiap kelurahan.")
		return city, problems
	}
	folders := map[string]bool{}
	for _, e := range entries {
		if e.IsDir() {
			folders[e.Name()] = true
		}
	}
	for _, s := range city.Sites {
		if s.ID != "" && !folders[s.ID] {
			problems.Add(File, s.Line, fmt.Sprintf("kelurahan %q tidak punya folder content/%s/", s.ID, s.ID), "Buat foldernya (paling tidak dengan _index.md), atau hapus kelurahan ini dari sites.yaml.")
		}
	}
	for name := range folders {
		if city.Site(name) == nil {
			problems.Add(File, pos.Line("sites"), fmt.Sprintf("folder content/%s/ tidak terdaftar di sites.yaml", name), "Tambahkan kelurahannya di bawah \"sites:\" dengan kimsite new site, atau hapus foldernya.")
		}
	}
	return city, problems
}

// MaxBytes is the largest sites.yaml read: a city of a hundred kelurahan
// needs a tenth of it.
const MaxBytes = 1 << 20

// readSites reads sites.yaml, refusing without reading it a file that is
// not a regular one (a FIFO would block for ever) or one over MaxBytes.
func readSites(root fs.FS) ([]byte, diag.List) {
	var problems diag.List
	info, err := fs.Stat(root, File)
	switch {
	case err != nil:
		problems.Add(File, 0, "berkas sites.yaml tidak ditemukan", "Jalankan kimsite di folder repositori, atau pakai --root FOLDER.")
	case !info.Mode().IsRegular():
		problems.Add(File, 0, "sites.yaml bukan berkas biasa (folder, pipa atau perangkat)", "Ganti dengan berkas teks sites.yaml biasa.")
	case info.Size() > MaxBytes:
		problems.Add(File, 0, fmt.Sprintf("sites.yaml terlalu besar (%d KB; paling besar %d KB)", info.Size()>>10, MaxBytes>>10), "Periksa isinya: daftar kelurahan satu kota jauh lebih kecil dari itu.")
	}
	if len(problems) > 0 {
		return nil, problems
	}
	f, err := root.Open(File)
	if err == nil {
		defer f.Close()
		var data []byte
		if data, err = io.ReadAll(io.LimitReader(f, MaxBytes+1)); err == nil && len(data) <= MaxBytes {
			return data, nil
		}
	}
	problems.Add(File, 0, "berkas sites.yaml tidak dapat dibaca", "Periksa izin berkasnya.")
	return nil, problems
}

// Parse decodes and checks the bytes of sites.yaml. It returns nil when the
// file cannot be read as YAML at all.
func Parse(data []byte) (*City, frontmatter.Positions, diag.List) {
	var city City
	data = frontmatter.DropControls(frontmatter.NormalizeNewlines(data)) // an old Mac's CR alone ends a line for YAML too
	pos, _, problems := frontmatter.DecodeYAML(File, data, 1, &city)
	if len(problems) > 0 && len(pos) <= 1 {
		return nil, pos, problems
	}
	checkBases(&city, pos, &problems)
	city.BaseURL, city.Path = normalizeBase(city.BaseURL)
	checkCMS(&city, pos, &problems)
	allowed := allowedNumbers(&city, pos, &problems)
	problems.Append(idNumbers(data, allowed))
	seen := map[string]int{}
	kecamatanSlugs := map[string]string{}
	for i, s := range city.Sites {
		if s == nil {
			problems.Add(File, pos.Line(fmt.Sprintf("sites.%d", i)), "kelurahan kosong di daftar sites", "Hapus baris \"-\" yang kosong.")
			continue
		}
		key := fmt.Sprintf("sites.%d", i)
		s.Line = pos.Line(key + ".id")
		if s.ID == "" {
			s.Line = pos.Line(key)
			continue // the decoder reported the missing id
		}
		switch {
		case !slug.Valid(s.ID):
			problems.Add(File, s.Line, fmt.Sprintf("id %q tidak boleh dipakai sebagai alamat", s.ID), fmt.Sprintf("Pakai huruf kecil, angka dan tanda hubung saja, mis. %q.", slug.Make(s.ID)))
		case slices.Contains(Reserved, s.ID):
			problems.Add(File, s.Line, fmt.Sprintf("id %q sudah dipakai oleh portal kota", s.ID), "Pilih id lain, mis. nama kelurahannya.")
		}
		if first, dup := seen[s.ID]; dup {
			problems.Add(File, s.Line, fmt.Sprintf("id %q sudah dipakai kelurahan lain di baris %d", s.ID, first), "Setiap kelurahan perlu id yang berbeda.")
		}
		seen[s.ID] = s.Line
		// Each kecamatan gets a portal page at kecamatan/<slug>/, so two
		// spellings of one name, or a name with no letters, cannot be told apart.
		if ks := slug.Make(s.Kecamatan); s.Kecamatan != "" && ks == "" {
			problems.Add(File, pos.Line(key+".kecamatan"), fmt.Sprintf("nama kecamatan %q tidak bisa dijadikan alamat", s.Kecamatan), "Tulis nama kecamatannya dengan huruf, mis. Klojen.")
		} else if other, clash := kecamatanSlugs[ks]; clash && other != s.Kecamatan {
			problems.Add(File, pos.Line(key+".kecamatan"), fmt.Sprintf("kecamatan %q ditulis lain dari %q", s.Kecamatan, other), fmt.Sprintf("Samakan penulisannya: %q.", other))
		} else {
			kecamatanSlugs[ks] = s.Kecamatan
		}
		s.AllowNumbers = allowed
		if s.Accent != "" && !accentColor.MatchString(s.Accent) {
			problems.Add(File, pos.Line(key+".accent"), fmt.Sprintf("warna %q tidak dikenali", s.Accent), "Tulis kode warna enam digit dalam tanda kutip, mis. \"#0b6e4f\".")
			s.Accent = ""
		}
		checkAccent(s, pos.Line(key+".accent"), &problems)
		if s.BaseURL != "" {
			s.BaseURL, s.Path = normalizeBase(s.BaseURL)
			s.ownBase = true
			checkSiteBase(&city, s, pos.Line(key+".base_url"), &problems)
		} else if city.BaseURL != "" {
			s.BaseURL = city.BaseURL + s.ID + "/"
			s.Path = city.Path + s.ID + "/"
		}
	}
	return &city, pos, problems
}

// allowedNumbers checks the city's allow_numbers and returns the numbers.
func allowedNumbers(city *City, pos frontmatter.Positions, problems *diag.List) []string {
	var numbers []string
	for i, a := range city.AllowNumbers {
		if a.Number == "" {
			continue // the decoder reported it
		}
		if len(a.Number) != 16 || strings.Trim(a.Number, "0123456789") != "" {
			problems.Add(File, pos.Line(fmt.Sprintf("allow_numbers.%d.number", i)), fmt.Sprintf("%q bukan 16 angka", a.Number), "Tulis 16 angkanya tanpa spasi atau tanda hubung, dalam tanda kutip.")
			continue
		}
		numbers = append(numbers, a.Number)
	}
	return numbers
}

// normalizeBase makes sure a base URL ends in "/" and returns it with its path.
func normalizeBase(base string) (string, string) {
	if base == "" {
		return "", "/"
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	u, err := url.Parse(base)
	if err != nil {
		return base, "/"
	}
	p := path.Clean("/"+u.Path) + "/"
	if p == "//" {
		p = "/"
	}
	return base, p
}

// Site returns the site with the given id, or nil.
func (c *City) Site(id string) *Site {
	for _, s := range c.Sites {
		if s != nil && s.ID == id {
			return s
		}
	}
	return nil
}

// URL returns the absolute URL of a path under the site.
func (s *Site) URL(rel string) string { return s.BaseURL + strings.TrimPrefix(rel, "/") }

// OwnDomain reports whether the site is served on a domain of its own.
func (s *Site) OwnDomain(c *City) bool { return !strings.HasPrefix(s.BaseURL, c.BaseURL) }

// Kecamatan is a district with its kelurahan, in the order of sites.yaml.
type Kecamatan struct {
	Name  string
	Slug  string
	Sites []*Site
}

// Kecamatans groups the sites by kecamatan, sorted by name.
func (c *City) Kecamatans() []Kecamatan {
	var ks []Kecamatan
	for _, s := range c.Sites {
		if s == nil {
			continue
		}
		i := slices.IndexFunc(ks, func(k Kecamatan) bool { return k.Name == s.Kecamatan })
		if i < 0 {
			ks = append(ks, Kecamatan{Name: s.Kecamatan, Slug: slug.Make(s.Kecamatan)})
			i = len(ks) - 1
		}
		ks[i].Sites = append(ks[i].Sites, s)
	}
	slices.SortFunc(ks, func(a, b Kecamatan) int { return strings.Compare(a.Name, b.Name) })
	return ks
}

// idNumbers reports identity numbers in sites.yaml, whose values the
// portal and every site publish: in the file as written (comments too:
// the repository is public) and in its values as YAML decodes them. The
// numbers of allow_numbers pass.
func idNumbers(data []byte, allowed []string) diag.List {
	var problems diag.List
	found := map[string]bool{}
	for _, m := range privacy.FindInMarkdown(string(data)) {
		found[m.Number] = true
		if !slices.Contains(allowed, m.Number) {
			problems.Add(File, 1+bytes.Count(data[:m.Offset], []byte("\n")), fmt.Sprintf("angka %s tampak seperti NIK atau nomor KK", privacy.Mask(m.Number)), privacy.Hint)
		}
	}
	for _, s := range frontmatter.Scalars(data, 1) {
		for _, m := range privacy.FindIDNumbers(s.Value) {
			if !found[m.Number] && !slices.Contains(allowed, m.Number) {
				found[m.Number] = true
				problems.Add(File, s.Line, fmt.Sprintf("angka %s tampak seperti NIK atau nomor KK", privacy.Mask(m.Number)), privacy.Hint)
			}
		}
	}
	return problems
}

// checkSiteBase refuses a site address on the portal's own domain other
// than the one the build publishes the site at, <portal>/<id>/: every link
// of the site would point where its pages are not.
func checkSiteBase(city *City, s *Site, line int, problems *diag.List) {
	site, err1 := url.Parse(s.BaseURL)
	portal, err2 := url.Parse(city.BaseURL)
	if err1 != nil || err2 != nil || site.Host == "" || !strings.EqualFold(site.Host, portal.Host) {
		return
	}
	if want := city.Path + s.ID + "/"; s.Path != want || site.RawQuery != "" || site.Fragment != "" {
		problems.Add(File, line, fmt.Sprintf("base_url %q berada di domain portal, tetapi bukan di %s", s.BaseURL, want),
			fmt.Sprintf("Di domain portal, situs ini selalu diterbitkan di %s%s/; hapus base_url, atau isi dengan domain situs sendiri.", city.BaseURL, s.ID))
	}
}
