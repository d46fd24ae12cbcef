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
// says who may approve it. The pinned Decap bundle is loaded with an
// integrity hash; Write copies it from themes/decap/node_modules when npm ci has been
// run there, so that /admin/ makes no request to another host.
package cms

import (
	"bytes"
	"net/url"
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
	Slug         struct {
		Encoding     string `yaml:"encoding"`
		CleanAccents bool   `yaml:"clean_accents"`
	} `yaml:"slug"`
	Collections []Collection `yaml:"collections"`
}

// Backend says where Decap commits.
type Backend struct {
	Name           string         `yaml:"name"`
	Repo           string         `yaml:"repo"`
	Branch         string         `yaml:"branch"`
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
// files with front matter.
type Collection struct {
	Name           string   `yaml:"name"`
	Label          string   `yaml:"label"`
	LabelSingular  string   `yaml:"label_singular"`
	Description    string   `yaml:"description,omitempty"`
	Folder         string   `yaml:"folder"`
	Create         bool     `yaml:"create"`
	Slug           string   `yaml:"slug"`
	Extension      string   `yaml:"extension"`
	Format         string   `yaml:"format"`
	Summary        string   `yaml:"summary,omitempty"`
	SortableFields []string `yaml:"sortable_fields,omitempty"`
	Fields         []Field  `yaml:"fields"`
}

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
// section in specs and one for the plain pages.
func For(city *config.City, site *config.Site, specs []model.SectionSpec) *Config {
	c := &Config{
		Backend: Backend{Name: "github", Repo: githubRepo(city.Repo), Branch: "main",
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
	}
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
			Fields:         fields,
		})
	}
	c.Collections = append(c.Collections, Collection{
		Name: Plain, Label: "Halaman", LabelSingular: "Halaman",
		Description: "Halaman tetap seperti Profil dan Kontak; _index adalah sambutan di beranda.",
		Folder:      "content/" + site.ID,
		Create:      true, Slug: "{{slug}}", Extension: "md", Format: "yaml-frontmatter",
		Summary: "{{title}}",
		Fields:  append(Fields(reflectType(model.PlainNew()), false), body(false)),
	})
	return c
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
