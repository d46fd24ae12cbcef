package cms

import (
	"bytes"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"

	_ "embed"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/model"
)

// The pinned Decap CMS. Version must match themes/decap/package.json, and Integrity
// is the SRI hash of that version's dist/decap-cms.js; a bundle with any
// other hash is refused by the browser and by Write.
const (
	Version   = "3.16.3"
	Integrity = "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p"
	// BundleDir is where npm ci in themes/decap/ puts the bundle, relative to the
	// repository.
	BundleDir = "themes/decap/node_modules/decap-cms/dist"
	// CDN serves the same file when the repository has no node_modules;
	// the integrity hash still pins it.
	CDN = "https://unpkg.com/decap-cms@" + Version + "/dist/decap-cms.js"
)

// Dir is the admin's folder in the output, on the portal.
const Dir = "admin"

// localeID is Decap's interface in Bahasa Indonesia. Decap ships no
// Indonesian locale; it merges this over its English one, so a phrase
// missing here shows in English rather than breaking.
//
//go:embed locale_id.js
var localeID []byte

// Output receives the files of the admin.
type Output interface {
	WriteFile(name string, data []byte) error
}

// previewJS gives Decap's preview pane the site's stylesheet, so that a
// volunteer sees the page as residents will. The URL is made absolute: the
// pane is an iframe with no address of its own.
const previewJS = `CMS.registerPreviewStyle(new URL("../preview.css", document.baseURI).href);
`

// Write writes the admin of the given sites: /admin/index.html, and for each
// site /admin/<id>/index.html with its config.yml; previewCSS, the theme's
// stylesheet, styles the editor's preview pane. The bundle is copied from
// repo's BundleDir when it is there, and loaded from CDN otherwise.
func Write(out Output, repo fs.FS, city *config.City, sites []*config.Site, previewCSS string) error {
	src, err := copyBundle(out, repo)
	if err != nil {
		return err
	}
	for name, data := range map[string][]byte{"locale_id.js": localeID, "preview.js": []byte(previewJS), "preview.css": []byte(previewCSS)} {
		if err := out.WriteFile(path.Join(Dir, name), data); err != nil {
			return err
		}
	}
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, "index", struct {
		City  *config.City
		Sites []*config.Site
	}{city, sites}); err != nil {
		return err
	}
	if err := out.WriteFile(path.Join(Dir, "index.html"), b.Bytes()); err != nil {
		return err
	}
	for _, s := range sites {
		b.Reset()
		if err := pages.ExecuteTemplate(&b, "editor", struct {
			Site      *config.Site
			Src       string
			Integrity string
		}{s, src, Integrity}); err != nil {
			return err
		}
		if err := out.WriteFile(path.Join(Dir, s.ID, "index.html"), b.Bytes()); err != nil {
			return err
		}
		if err := out.WriteFile(path.Join(Dir, s.ID, "config.yml"), For(city, s, model.Sections, repo).YAML()); err != nil {
			return err
		}
	}
	return nil
}

// copyBundle copies the pinned bundle and the chunks it loads on demand
// into /admin/decap-cms-VERSION/ and returns the src an editor page under
// /admin/<id>/ loads it from; CDN when the repository has no bundle.
func copyBundle(out Output, repo fs.FS) (string, error) {
	main, err := fs.ReadFile(repo, path.Join(BundleDir, "decap-cms.js"))
	if errors.Is(err, fs.ErrNotExist) {
		return CDN, nil
	}
	if err != nil {
		return "", err
	}
	if got := SRI(main); got != Integrity {
		return "", fmt.Errorf("%s/decap-cms.js bukan Decap CMS %s (hash %s); jalankan \"npm ci\" di folder cms", BundleDir, Version, got)
	}
	dir := path.Join(Dir, "decap-cms-"+Version)
	entries, err := fs.ReadDir(repo, BundleDir)
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		name := e.Name()
		// Chunks are loaded by the main bundle from its own folder; the
		// source maps and the second "cms.js" build are not needed.
		if !strings.HasSuffix(name, "decap-cms.js") && !strings.HasSuffix(name, ".wasm") {
			continue
		}
		data := main
		if name != "decap-cms.js" {
			if data, err = fs.ReadFile(repo, path.Join(BundleDir, name)); err != nil {
				return "", err
			}
		}
		if err := out.WriteFile(path.Join(dir, name), data); err != nil {
			return "", err
		}
	}
	return "../decap-cms-" + Version + "/decap-cms.js", nil
}

// SRI returns the subresource integrity hash (sha384) of data.
func SRI(data []byte) string {
	sum := sha512.Sum384(data)
	return "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
}

var pages = template.Must(template.New("").Parse(`
{{- define "head"}}<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
{{end}}
{{- define "index"}}{{template "head"}}<title>Redaksi KIM {{.City.Name}}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}li{margin:.4rem 0}</style>
</head>
<body>
<h1>Redaksi KIM {{.City.Name}}</h1>
<p>Pilih kelurahan Anda untuk menulis berita, agenda, perencanaan, UMKM, cek fakta atau halaman. Masuk dengan akun GitHub yang terdaftar sebagai editor kelurahan itu di sites.yaml. Setiap simpanan menjadi usulan perubahan (pull request) yang diperiksa otomatis dan disetujui sesama anggota KIM sebelum terbit.</p>
<ul>
{{- range .Sites}}
<li><a href="{{.ID}}/">{{.Name}}</a> ({{.Kecamatan}})</li>
{{- end}}
</ul>
</body>
</html>
{{end}}
{{- define "editor"}}{{template "head"}}<title>Redaksi {{.Site.Name}}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<noscript>Editor ini memerlukan JavaScript.</noscript>
<script src="{{.Src}}" integrity="{{.Integrity}}" crossorigin="anonymous"></script>
<script src="../locale_id.js"></script>
<script src="../preview.js"></script>
</body>
</html>
{{end}}`))
