package cms_test

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"

	"github.com/kotamalang/kimsite/generator/cms"
	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/frontmatter"
	"github.com/kotamalang/kimsite/generator/model"
)

func sampleCity(t *testing.T) *config.City {
	t.Helper()
	c, _, problems := config.Parse([]byte(`city: Kota Malang
base_url: https://kim.example.id/
repo: https://github.com/kota/kim-malang
sites:
  - {id: kauman, name: Kelurahan Kauman, kecamatan: Klojen}
`))
	if c == nil || problems.Errors() > 0 {
		t.Fatal(problems)
	}
	return c
}

func collection(t *testing.T, c *cms.Config, name string) cms.Collection {
	t.Helper()
	for _, col := range c.Collections {
		if col.Name == name {
			return col
		}
	}
	t.Fatalf("no collection %q", name)
	return cms.Collection{}
}

func fieldNamed(t *testing.T, fields []cms.Field, name string) cms.Field {
	t.Helper()
	for _, f := range fields {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no field %q among %v", name, fields)
	return cms.Field{}
}

// laporanFront is a section the model does not have: the editor must offer
// it, with its new fields, from the struct alone.
type laporanFront struct {
	model.Common `yaml:",inline"`
	Officer      string           `yaml:"officer" required:"true" enum:"lurah,sekretaris" label:"Petugas" hint:"Siapa yang melapor."`
	Count        int              `yaml:"count" min:"1" max:"9" label:"Jumlah"`
	Attachments  []model.Document `yaml:"attachments" label:"Lampiran"`
}

func TestFieldAddedToModelAppearsInEditor(t *testing.T) {
	city := sampleCity(t)
	specs := append(slices.Clone(model.Sections), model.SectionSpec{
		Name: "laporan", Title: "Laporan", DateRequired: true,
		New: func() model.Front { return new(laporanFront) },
	})
	cfg := cms.For(city, city.Site("kauman"), specs, nil)
	col := collection(t, cfg, "laporan")
	if col.Folder != "content/kauman/laporan" || col.Label != "Laporan" {
		t.Errorf("collection: %+v", col)
	}
	officer := fieldNamed(t, col.Fields, "officer")
	want := cms.Field{Label: "Petugas", Name: "officer", Widget: "select", Required: true, Hint: "Siapa yang melapor.", Options: []string{"lurah", "sekretaris"}}
	if !reflect.DeepEqual(officer, want) {
		t.Errorf("officer:\n got %+v\nwant %+v", officer, want)
	}
	count := fieldNamed(t, col.Fields, "count")
	if count.Widget != "number" || count.ValueType != "int" || *count.Min != 1 || *count.Max != 9 || count.Required {
		t.Errorf("count: %+v", count)
	}
	att := fieldNamed(t, col.Fields, "attachments")
	if att.Widget != "list" || fieldNamed(t, att.Fields, "file").Widget != "file" || !fieldNamed(t, att.Fields, "title").Required {
		t.Errorf("attachments: %+v", att)
	}
	// The shared keys come along through the inline Common.
	if d := fieldNamed(t, col.Fields, "date"); d.Widget != "datetime" || !d.Required {
		t.Errorf("date: %+v", d)
	}
	// And it reaches config.yml.
	if !bytes.Contains(cfg.YAML(), []byte("name: officer")) {
		t.Error("config.yml lacks the new field")
	}
}

func TestWidgetsFollowTheModel(t *testing.T) {
	city := sampleCity(t)
	cfg := cms.For(city, city.Site("kauman"), model.Sections, nil)
	type check struct {
		section, field, sub, widget string
		options                     []string
		required                    bool
	}
	for _, c := range []check{
		{model.Berita, "title", "", "string", nil, true},
		{model.Berita, "date", "", "datetime", nil, true},
		{model.Berita, "image", "", "image", nil, false},
		{model.Berita, "tags", "", "list", nil, false},
		{model.Berita, "draft", "", "boolean", nil, false},
		{model.Berita, "body", "", "markdown", nil, true},
		{model.Perencanaan, "stage", "", "select", model.Stages, true},
		{model.Perencanaan, "year", "", "number", nil, true},
		{model.Perencanaan, "budget", "", "number", nil, false},
		{model.Perencanaan, "documents", "file", "file", nil, true},
		{model.UMKM, "date", "", "datetime", nil, false},
		{model.UMKM, "category", "", "select", model.Categories, true},
		{model.UMKM, "products", "price", "number", nil, false},
		{model.UMKM, "products", "image", "image", nil, false},
		{model.UMKM, "links", "instagram", "string", nil, false},
		{model.CekFakta, "verdict", "", "select", model.Verdicts, true},
		{model.CekFakta, "sources", "url", "string", nil, true},
		// an optional group: its inner fields cannot be forced
		{model.CekFakta, "checked_by", "name", "string", nil, false},
		{cms.Plain, "date", "", "datetime", nil, false},
	} {
		f := fieldNamed(t, collection(t, cfg, c.section).Fields, c.field)
		if c.sub != "" {
			f = fieldNamed(t, f.Fields, c.sub)
		}
		if f.Widget != c.widget || f.Required != c.required || !slices.Equal(f.Options, c.options) {
			t.Errorf("%s.%s.%s = %s required=%v %v; want %s required=%v %v", c.section, c.field, c.sub, f.Widget, f.Required, f.Options, c.widget, c.required, c.options)
		}
	}
	if cfg.Locale != "id" || cfg.PublishMode != "editorial_workflow" || cfg.Backend.Name != "github" || cfg.Backend.Repo != "kota/kim-malang" {
		t.Errorf("config: %+v", cfg)
	}
	if cfg.MediaFolder != "content/kauman/static/berkas" || cfg.PublicFolder != "/berkas" {
		t.Errorf("media: %s %s", cfg.MediaFolder, cfg.PublicFolder)
	}
}

// TestEditorWritesWhatTheValidatorAccepts fills every field of every
// collection as the editor would write it, and decodes the result with the
// validator's decoder: each key must be known and each value of the right
// shape.
func TestEditorWritesWhatTheValidatorAccepts(t *testing.T) {
	city := sampleCity(t)
	cfg := cms.For(city, city.Site("kauman"), model.Sections, nil)
	for _, col := range cfg.Collections {
		front := model.PlainNew()
		if spec, ok := model.Section(col.Name); ok {
			front = spec.New()
		}
		doc := map[string]any{}
		for _, f := range col.Fields {
			if f.Name != "body" {
				doc[f.Name] = sample(f)
			}
		}
		data, err := yaml.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		_, _, problems := frontmatter.DecodeYAML(col.Name+".md", data, 2, front)
		if len(problems) > 0 {
			t.Errorf("%s: the validator refuses what the editor writes:\n%v\n%s", col.Name, problems, data)
		}
	}
}

// sample is a value the editor's widget could produce for f.
func sample(f cms.Field) any {
	switch f.Widget {
	case "select":
		return f.Options[len(f.Options)-1]
	case "number":
		if f.Min != nil {
			return *f.Min
		}
		return 1
	case "boolean":
		return true
	case "datetime":
		return "2026-11-05 08:30" // cms.DateFormat
	case "image", "file":
		return "/berkas/foto.jpg"
	case "list":
		if len(f.Fields) == 0 {
			return []string{"posyandu"}
		}
		return []any{object(f.Fields)}
	case "object":
		return object(f.Fields)
	}
	switch {
	case len(f.Pattern) > 0 && strings.Contains(f.Pattern[1], "https"):
		return "https://contoh.id/halaman"
	case len(f.Pattern) > 0:
		return "0812-3456-7890"
	}
	return "teks"
}

func object(fields []cms.Field) map[string]any {
	m := map[string]any{}
	for _, f := range fields {
		m[f.Name] = sample(f)
	}
	return m
}

func TestDateFormatIsReadByTheValidator(t *testing.T) {
	// Decap writes moment's "YYYY-MM-DD HH:mm"; the decoder must read it as WIB.
	if cms.DateFormat != "YYYY-MM-DD HH:mm" {
		t.Fatalf("update this test with the new format: %s", cms.DateFormat)
	}
	d, ok := frontmatter.ParseDate("2026-11-05 08:30")
	if !ok || d.Format("2006-01-02 15:04 -0700") != "2026-11-05 08:30 +0700" {
		t.Fatalf("got %v %v", d, ok)
	}
}

type memOut map[string][]byte

func (m memOut) WriteFile(name string, data []byte) error {
	m[name] = bytes.Clone(data)
	return nil
}

func TestWriteWithoutBundleLoadsItFromCDNWithIntegrity(t *testing.T) {
	city := sampleCity(t)
	out := memOut{}
	if err := cms.Write(out, fstest.MapFS{}, city, city.Sites, ""); err != nil {
		t.Fatal(err)
	}
	page := string(out["admin/kauman/index.html"])
	for _, want := range []string{
		`src="` + cms.CDN + `"`,
		`integrity="sha384-`,
		`crossorigin="anonymous"`,
		`<meta name="robots" content="noindex, nofollow">`,
		`<link href="config.yml" type="text/yaml" rel="cms-config-url">`,
		`<script src="../locale_id.js">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("editor page lacks %s:\n%s", want, page)
		}
	}
	if !strings.Contains(string(out["admin/index.html"]), `<a href="kauman/">Kelurahan Kauman</a>`) {
		t.Errorf("admin index: %s", out["admin/index.html"])
	}
	if !bytes.Equal(out["admin/kauman/config.yml"], cms.For(city, city.Site("kauman"), model.Sections, nil).YAML()) {
		t.Error("config.yml differs from For")
	}
	if !bytes.Contains(out["admin/locale_id.js"], []byte("CMS.registerLocale('id'")) {
		t.Error("no Indonesian locale")
	}
}

func TestWriteRefusesAnotherBundle(t *testing.T) {
	city := sampleCity(t)
	repo := fstest.MapFS{cms.BundleDir + "/decap-cms.js": {Data: []byte("console.log('bukan decap')")}}
	err := cms.Write(memOut{}, repo, city, city.Sites, "")
	if err == nil || !strings.Contains(err.Error(), `jalankan "npm ci" di folder cms`) {
		t.Fatalf("got %v", err)
	}
}

// TestPinnedVersion keeps themes/decap/package.json, the lock file and the Go
// constants in step, and the hash true to the installed bundle.
func TestPinnedVersion(t *testing.T) {
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	data, err := os.ReadFile("../../themes/decap/package.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.Dependencies["decap-cms"] != cms.Version {
		t.Errorf("cms/package.json pins decap-cms %q, Go says %q", pkg.Dependencies["decap-cms"], cms.Version)
	}
	bundle, err := os.ReadFile("../../" + cms.BundleDir + "/decap-cms.js")
	if err != nil {
		t.Skip("no themes/decap/node_modules: run npm ci in themes/decap/")
	}
	if got := cms.SRI(bundle); got != cms.Integrity {
		t.Errorf("installed bundle hash %s, pinned %s", got, cms.Integrity)
	}
}

// BenchmarkWrite measures what the admin adds to a build: the pages, the
// configs and, when themes/decap/node_modules is there, copying the 6 MB bundle.
func BenchmarkWrite(b *testing.B) {
	root := os.DirFS("../..")
	city, problems := config.Load(root)
	if city == nil || problems.Errors() > 0 {
		b.Fatal(problems)
	}
	for b.Loop() {
		if err := cms.Write(memOut{}, root, city, city.Sites, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConfigCarriesSitesYAML: the cms: block of sites.yaml reaches
// config.yml as Decap reads it, each collection has a "view live" address
// under the site, and uploads are stripped of their metadata.
func TestConfigCarriesSitesYAML(t *testing.T) {
	city, _, problems := config.Parse([]byte(`city: Kota Malang
base_url: https://kim.example.id/
repo: https://github.com/kota/kim-malang
cms:
  auth_url: https://kim-auth.kota.workers.dev/
  auth_endpoint: api/auth
  open_authoring: true
  branch: terbit
sites:
  - {id: kauman, name: Kelurahan Kauman, kecamatan: Klojen}
  - {id: melati, name: Kelurahan Melati, kecamatan: Klojen, base_url: https://melati.example.id/}
`))
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	var got struct {
		Backend struct {
			BaseURL       string `yaml:"base_url"`
			AuthEndpoint  string `yaml:"auth_endpoint"`
			AuthScope     string `yaml:"auth_scope"`
			OpenAuthoring bool   `yaml:"open_authoring"`
			Branch        string `yaml:"branch"`
		} `yaml:"backend"`
		SiteURL         string `yaml:"site_url"`
		MediaProcessing struct {
			Enabled       bool `yaml:"enabled"`
			StripMetadata bool `yaml:"strip_metadata"`
			Width         any  `yaml:"width"`
		} `yaml:"media_processing"`
		Collections []struct {
			Name        string `yaml:"name"`
			PreviewPath string `yaml:"preview_path"`
		} `yaml:"collections"`
	}
	if err := yaml.Unmarshal(cms.For(city, city.Site("melati"), model.Sections, nil).YAML(), &got); err != nil {
		t.Fatal(err)
	}
	b := got.Backend
	if b.BaseURL != "https://kim-auth.kota.workers.dev" || b.AuthEndpoint != "api/auth" || b.AuthScope != "public_repo" || !b.OpenAuthoring || b.Branch != "terbit" {
		t.Errorf("backend: %+v", b)
	}
	if got.SiteURL != "https://melati.example.id/" {
		t.Errorf("site_url %q", got.SiteURL)
	}
	if !got.MediaProcessing.Enabled || !got.MediaProcessing.StripMetadata || got.MediaProcessing.Width != nil {
		t.Errorf("media_processing: %+v", got.MediaProcessing)
	}
	for _, c := range got.Collections {
		want := c.Name + "/{{slug}}/"
		if c.Name == cms.Plain {
			want = "{{slug}}/"
		}
		if c.PreviewPath != want {
			t.Errorf("%s: preview_path %q, want %q", c.Name, c.PreviewPath, want)
		}
	}

	// Without a cms: block: no proxy, and never more than public_repo.
	city = sampleCity(t)
	cfg := cms.For(city, city.Site("kauman"), model.Sections, nil)
	if cfg.Backend.BaseURL != "" || cfg.Backend.AuthScope != "public_repo" || cfg.Backend.OpenAuthoring || cfg.Backend.Branch != "main" {
		t.Errorf("defaults: %+v", cfg.Backend)
	}
	if bytes.Contains(cfg.YAML(), []byte("auth_scope: repo")) {
		t.Error("the full repo scope was asked for without sites.yaml saying so")
	}
}

// TestBundlesAreListed: berita/<slug>/index.md pages get a collection of
// their own, each file with the page's title and its own address.
func TestBundlesAreListed(t *testing.T) {
	city := sampleCity(t)
	repo := fstest.MapFS{
		"content/kauman/berita/rapat.md":                {Data: []byte("---\ntitle: Rapat\n---\n")},
		"content/kauman/berita/festival/index.md":       {Data: []byte("---\ntitle: \"Festival: kampung\"\ndate: 2026-08-17\n---\nIsi.\n")},
		"content/kauman/berita/festival/foto.jpg":       {Data: []byte("jpeg")},
		"content/kauman/berita/tanpa-judul/index.md":    {Data: []byte("---\ndate: 2026-08-17\n---\n")},
		"content/kauman/berita/folder-kosong/foto.jpg":  {Data: []byte("jpeg")},
		"content/kauman/umkm/warung/index.md":           {Data: []byte("---\ntitle: Warung\n---\n")},
		"content/kauman/static/berkas/rapat/index.md":   {Data: []byte("---\ntitle: bukan halaman\n---\n")},
		"content/tunggulwulung/berita/lain/index.md":    {Data: []byte("---\ntitle: Situs lain\n---\n")},
		"content/kauman/berita/index.md/bukan-file.txt": {Data: []byte("")},
	}
	cfg := cms.For(city, city.Site("kauman"), model.Sections, repo)
	col := collection(t, cfg, cms.BundleCollection(model.Berita))
	var got []string
	for _, f := range col.Files {
		got = append(got, f.Name+"|"+f.Label+"|"+f.File+"|"+f.PreviewPath)
		if len(f.Fields) == 0 || f.Fields[len(f.Fields)-1].Name != "body" {
			t.Errorf("%s has not the section's fields", f.Name)
		}
	}
	want := []string{
		"festival|Festival: kampung|content/kauman/berita/festival/index.md|berita/festival/",
		"tanpa-judul|tanpa-judul|content/kauman/berita/tanpa-judul/index.md|berita/tanpa-judul/",
	}
	if !slices.Equal(got, want) {
		t.Errorf("bundles:\n got %q\nwant %q", got, want)
	}
	// Photos beside index.md, written by name: the bundle's own folder.
	if col.MediaFolder == nil || *col.MediaFolder != "" || col.PublicFolder == nil || *col.PublicFolder != "" ||
		!bytes.Contains(cfg.YAML(), []byte("media_folder: \"\"\n    public_folder: \"\"")) {
		t.Errorf("bundle media folders: %v %v", col.MediaFolder, col.PublicFolder)
	}
	if umkm := collection(t, cfg, cms.BundleCollection(model.UMKM)); len(umkm.Files) != 1 || umkm.Files[0].PreviewPath != "umkm/warung/" {
		t.Errorf("umkm bundles: %+v", umkm.Files)
	}
	for _, c := range cfg.Collections {
		if c.Name == cms.BundleCollection(model.CekFakta) {
			t.Error("a section without bundles got a bundle collection")
		}
	}
	// The flat pages stay in the folder collection, where new ones are made.
	if c := collection(t, cfg, model.Berita); c.Folder != "content/kauman/berita" || !c.Create || c.Files != nil {
		t.Errorf("berita: %+v", c)
	}
}
