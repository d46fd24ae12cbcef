// Package cms generates the web editor: a Decap CMS admin for each
// kelurahan, configured from the content model.
//
// It takes the city, the sites and the model's section specs, and gives
// each site a config.yml whose collections (berita, agenda, perencanaan, umkm,
// cek-fakta and the plain pages) and fields come from the same front matter
// structs and tags the validator reads (see Fields), so a field added to the
// model appears in the editor with no second place to change. Write puts the
// admin pages under /admin/ on the portal: /admin/ lists the kelurahan and
// /admin/<id>/ is that kelurahan's editor, which shows only its own folder.
//
// The editor uses the GitHub backend with the editorial workflow: a save is
// a pull request, CI's check runs on it, and CODEOWNERS (package owners)
// says who may approve it. sites.yaml's cms: block (config.CMS) says where
// volunteers log in: backend.base_url is the OAuth proxy, auth_scope the
// GitHub permission asked for (public_repo unless written otherwise).
//
// Page bundles (berita/<slug>/index.md) are listed too. Decap cannot give
// one folder collection a "view live" address that fits both berita/x.md
// (/berita/x/) and berita/y/index.md (/berita/y/): its preview_path has
// {{slug}} ("y/index") and {{dirname}} ("" for x.md) but no way to choose.
// So each section is a folder collection of its .md files, where new pages
// are made, plus, when it has bundles, a file collection listing each
// bundle with its own preview_path. A bundle added by git shows up in the
// editor with the next build.
//
// A bundle's photos live beside its index.md, so its collection sets
// media_folder and public_folder to "" (the entry's folder): Decap then
// finds foto.jpg there, and puts a new upload there.
//
// Uploads are re-encoded in the browser before they are committed
// (media_processing, Decap 3.16): strip_metadata drops EXIF, including a
// phone's GPS position. Decap's width and height set an exact size, not a
// maximum, so they would enlarge small photos: the build's image stage
// resizes instead. The pinned Decap bundle is loaded with an
// integrity hash; Write copies it from themes/decap/node_modules when npm ci has been
// run there, so that /admin/ makes no request to another host.
package cms

import (
	"bufio"
	"bytes"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/model"
)

// MediaDir is the folder under a site's static/ where the editor saves
// uploaded photos and documents; they are then referred to as /MediaDir/...
const MediaDir = "berkas"

// Config is a Decap CMS config.yml.
type Config struct {
	Backend      Backend `yaml:"backend"`
	PublishMode  string  `yaml:"publish_mode"`
	LocalBackend any     `yaml:"local_backend"`
	Locale       string  `yaml:"locale"`
	SiteURL      string  `yaml:"site_url,omitempty"`
	DisplayURL   string  `yaml:"display_url,omitempty"`
	MediaFolder  string  `yaml:"media_folder"`
	PublicFolder string  `yaml:"public_folder"`
	// MediaProcessing re-encodes uploaded photos in the browser.
	MediaProcessing *MediaProcessing `yaml:"media_processing,omitempty"`
	Slug            struct {
		Encoding     string `yaml:"encoding"`
		CleanAccents bool   `yaml:"clean_accents"`
	} `yaml:"slug"`
	Collections []Collection `yaml:"collections"`
}

// MediaProcessing is Decap's media_processing: what happens to a JPEG, PNG
// or WebP image between choosing it and committing it.
type MediaProcessing struct {
	Enabled       bool `yaml:"enabled"`
	StripMetadata bool `yaml:"strip_metadata"`
	Quality       int  `yaml:"quality,omitempty"`
}

// Backend says where Decap commits and how it logs in.
type Backend struct {
	Name   string `yaml:"name"`
	Repo   string `yaml:"repo"`
	Branch string `yaml:"branch"`
	// BaseURL is the OAuth proxy (sites.yaml cms.auth_url); without it
	// Decap asks Netlify's service, which only serves sites on Netlify.
	BaseURL        string         `yaml:"base_url,omitempty"`
	AuthEndpoint   string         `yaml:"auth_endpoint,omitempty"`
	AuthScope      string         `yaml:"auth_scope"`
	OpenAuthoring  bool           `yaml:"open_authoring"`
	CommitMessages CommitMessages `yaml:"commit_messages"`
}

// CommitMessages are the commit (and pull request) titles Decap writes.
type CommitMessages struct {
	Create      string `yaml:"create"`
	Update      string `yaml:"update"`
	Delete      string `yaml:"delete"`
	UploadMedia string `yaml:"uploadMedia"`
	DeleteMedia string `yaml:"deleteMedia"`
}

// Collection is one kind of page of one kelurahan: a folder of Markdown
// files with front matter, or (Files) a list of page bundles.
type Collection struct {
	Name           string   `yaml:"name"`
	Label          string   `yaml:"label"`
	LabelSingular  string   `yaml:"label_singular"`
	Description    string   `yaml:"description,omitempty"`
	Folder         string   `yaml:"folder,omitempty"`
	Files          []File   `yaml:"files,omitempty"`
	Create         bool     `yaml:"create"`
	Slug           string   `yaml:"slug,omitempty"`
	Extension      string   `yaml:"extension,omitempty"`
	Format         string   `yaml:"format"`
	Summary        string   `yaml:"summary,omitempty"`
	SortableFields []string `yaml:"sortable_fields,omitempty"`
	// PreviewPath is the page's address under the site, for "view live".
	PreviewPath string `yaml:"preview_path,omitempty"`
	// MediaFolder and PublicFolder, when set, replace the site's: "" is
	// the entry's own folder, where a bundle keeps its photos.
	MediaFolder  *string `yaml:"media_folder,omitempty"`
	PublicFolder *string `yaml:"public_folder,omitempty"`
	Fields       []Field `yaml:"fields,omitempty"`
}

// File is one page bundle in a file collection.
type File struct {
	Name        string  `yaml:"name"`
	Label       string  `yaml:"label"`
	File        string  `yaml:"file"`
	PreviewPath string  `yaml:"preview_path"`
	Fields      []Field `yaml:"fields"`
}

// Bundle is a page kept as <section>/<slug>/index.md with its files.
type Bundle struct {
	Section, Slug, Title string
}

// BundleCollection names the collection of a section's bundles.
func BundleCollection(section string) string { return section + "-folder" }

// descriptions tell a volunteer what each collection is for.
var descriptions = map[string]string{
	model.Berita:      "Kabar kegiatan dan pengumuman di kelurahan.",
	model.Perencanaan: "Usulan Musrenbang dan proyek pembangunan, dari usulan sampai selesai.",
	model.UMKM:        "Usaha warga untuk lapak UMKM kelurahan.",
	model.CekFakta:    "Klarifikasi hoaks yang beredar di sekitar kelurahan.",
	model.Agenda:      "Jadwal kegiatan warga: posyandu, kerja bakti, rapat Musrenbang. Acara rutin cukup ditulis sekali.",
}

// Plain is the name of the collection of plain pages (profil, kontak, the
// home page's _index.md).
const Plain = "halaman"

// For returns the editor configuration of one site, with a collection per
// section in specs, one per section that has page bundles in repo (nil for
// none), and one for the plain pages.
func For(city *config.City, site *config.Site, specs []model.SectionSpec, repo fs.FS) *Config {
	c := &Config{
		Backend: Backend{Name: "github", Repo: githubRepo(city.Repo), Branch: city.CMS.Branch,
			BaseURL: city.CMS.AuthURL, AuthEndpoint: city.CMS.AuthEndpoint,
			AuthScope: city.CMS.AuthScope, OpenAuthoring: city.CMS.OpenAuthoring,
			CommitMessages: CommitMessages{
				Create:      `Tambah {{collection}} "{{slug}}" (` + site.ID + `)`,
				Update:      `Ubah {{collection}} "{{slug}}" (` + site.ID + `)`,
				Delete:      `Hapus {{collection}} "{{slug}}" (` + site.ID + `)`,
				UploadMedia: `Unggah "{{path}}"`,
				DeleteMedia: `Hapus "{{path}}"`,
			}},
		PublishMode: "editorial_workflow",
		// Decap only looks for a local decap-server when the editor is
		// opened from localhost, so this is inert on the real site.
		LocalBackend: true,
		Locale:       "id",
		SiteURL:      site.BaseURL,
		DisplayURL:   site.BaseURL,
		MediaFolder:  "content/" + site.ID + "/static/" + MediaDir,
		PublicFolder: "/" + MediaDir,
		// Quality 85 keeps a photo sharp; the build re-encodes it anyway.
		MediaProcessing: &MediaProcessing{Enabled: true, StripMetadata: true, Quality: 85},
	}
	if c.Backend.Branch == "" {
		c.Backend.Branch = "main"
	}
	if c.Backend.AuthScope == "" {
		c.Backend.AuthScope = config.DefaultAuthScope
	}
	bundles := Bundles(repo, site.ID, specs)
	c.Slug.Encoding, c.Slug.CleanAccents = "ascii", true
	for _, spec := range specs {
		fields := append(Fields(reflectType(spec.New()), spec.DateRequired), body(true))
		c.Collections = append(c.Collections, Collection{
			Name: spec.Name, Label: spec.Title, LabelSingular: spec.Title,
			Description: descriptions[spec.Name],
			Folder:      "content/" + site.ID + "/" + spec.Name,
			Create:      true, Slug: "{{slug}}", Extension: "md", Format: "yaml-frontmatter",
			Summary:        "{{title}}",
			SortableFields: sortable(spec.Name),
			// Relative to site_url, the site's address.
			PreviewPath: spec.Name + "/{{slug}}/",
			Fields:      fields,
		})
		var files []File
		for _, b := range bundles {
			if b.Section == spec.Name {
				files = append(files, File{Name: b.Slug, Label: b.Title, File: path.Join("content", site.ID, b.Section, b.Slug, "index.md"),
					PreviewPath: b.Section + "/" + b.Slug + "/", Fields: fields})
			}
		}
		if len(files) > 0 {
			c.Collections = append(c.Collections, Collection{
				Name: BundleCollection(spec.Name), Label: spec.Title + " (folder)", LabelSingular: spec.Title,
				Description: "Halaman " + spec.Title + " yang disimpan sebagai folder bersama foto-fotonya. Halaman baru dibuat di " + spec.Title + ".",
				Files:       files, Format: "yaml-frontmatter",
				// A bundle's photos sit beside its index.md and are written
				// by name (foto.jpg), as the build reads them; an upload
				// goes there too.
				MediaFolder: new(""), PublicFolder: new(""),
			})
		}
	}
	c.Collections = append(c.Collections, Collection{
		Name: Plain, Label: "Halaman", LabelSingular: "Halaman",
		Description: "Halaman tetap seperti Profil dan Kontak; _index adalah sambutan di beranda.",
		Folder:      "content/" + site.ID,
		Create:      true, Slug: "{{slug}}", Extension: "md", Format: "yaml-frontmatter",
		Summary: "{{title}}",
		// _index (the home page's welcome) has no page of its own: its
		// "view live" link opens /_index/, which does not exist.
		PreviewPath: "{{slug}}/",
		Fields:      append(Fields(reflectType(model.PlainNew()), false), body(false)),
	})
	return c
}

// BundleFiles lists the index.md of each page bundle of a site in repo:
// content/<site>/<section>/<slug>/index.md for the sections in specs, in
// name order. It opens no page.
func BundleFiles(repo fs.FS, site string, specs []model.SectionSpec) []string {
	if repo == nil {
		return nil
	}
	var out []string
	for _, spec := range specs {
		dir := path.Join("content", site, spec.Name)
		entries, err := fs.ReadDir(repo, dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			// ReadDir, not Stat: on a file system without Stat, Stat
			// opens the page.
			inner, _ := fs.ReadDir(repo, path.Join(dir, e.Name()))
			for _, f := range inner {
				if f.Name() == "index.md" && f.Type().IsRegular() {
					out = append(out, path.Join(dir, e.Name(), "index.md"))
				}
			}
		}
	}
	return out
}

// Bundles lists the page bundles of a site in repo (see BundleFiles), with
// each one's title (its slug when the title cannot be read).
func Bundles(repo fs.FS, site string, specs []model.SectionSpec) []Bundle {
	var out []Bundle
	for _, file := range BundleFiles(repo, site, specs) {
		dir := path.Dir(file)
		slug, section := path.Base(dir), path.Base(path.Dir(dir))
		out = append(out, Bundle{Section: section, Slug: slug, Title: cmpOr(title(repo, file), slug)})
	}
	return out
}

// title reads the title: line of a page's front matter, without parsing
// the rest (the build checks the page; this is only the editor's label).
func title(repo fs.FS, file string) string {
	f, err := repo.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for n := 0; s.Scan() && n < 60; n++ {
		line := s.Text()
		if n > 0 && strings.TrimSpace(line) == "---" {
			break
		}
		if rest, ok := strings.CutPrefix(line, "title:"); ok {
			var v string
			if yaml.Unmarshal([]byte(rest), &v) == nil {
				return strings.TrimSpace(v)
			}
		}
	}
	return ""
}

// body is the Markdown below the front matter.
func body(required bool) Field {
	return Field{Label: "Isi", Name: "body", Widget: "markdown", Required: required,
		Hint: "Tulis isinya di sini. Jangan menulis NIK atau nomor KK warga."}
}

// YAML returns the configuration as config.yml.
func (c *Config) YAML() []byte {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(c); err != nil {
		panic("cms: " + err.Error()) // only plain values: cannot fail
	}
	return b.Bytes()
}

// githubRepo turns "https://github.com/owner/name" into "owner/name", which
// is what Decap's GitHub backend takes.
func githubRepo(repo string) string {
	u, err := url.Parse(repo)
	if err != nil || u.Host == "" {
		return repo
	}
	return strings.TrimSuffix(strings.Trim(u.Path, "/"), ".git")
}

// sortable lists what the editor may sort a collection by: events by when
// they happen.
func sortable(section string) []string {
	if section == model.Agenda {
		return []string{"start", "title"}
	}
	return []string{"date", "title"}
}
