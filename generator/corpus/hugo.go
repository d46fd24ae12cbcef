package corpus

import (
	"fmt"
	"maps"
	"path"
	"slices"
)

// hugoLayouts is a minimal Hugo theme equivalent to kimsite's pages: home,
// section lists paginated by 10, single pages with each section's facts,
// tag pages, the stylesheet inlined. RSS and the sitemap are Hugo's own.
var hugoLayouts = map[string]string{
	"_default/baseof.html": `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Summary | plainify | truncate 160 }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:title" content="{{ .Title }}"><meta property="og:url" content="{{ .Permalink }}">
{{ with .Site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
{{ with resources.Get "style.css" }}<style>{{ .Content | safeCSS }}</style>{{ end }}
</head><body>
<header class="top"><a class="brand" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav aria-label="Menu"><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}<li><a href="{{ "profil/" | relURL }}">Profil</a></li><li><a href="{{ "kontak/" | relURL }}">Kontak</a></li></ul></nav></header>
<main id="isi">{{ block "main" . }}{{ end }}</main>
<footer><p>{{ .Site.Params.kim }} · {{ .Site.Params.address }} · <a href="mailto:{{ .Site.Params.email }}">{{ .Site.Params.email }}</a></p></footer>
</body></html>
`,
	"_default/single.html": `{{ define "main" }}<article class="single s-{{ .Section }}">
<header><h1>{{ with .Params.verdict }}<span class="label v-{{ . }}">{{ upper . }}</span> {{ end }}{{ .Title }}</h1>
<p class="meta">{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_full" }}</time>{{ end }}{{ with .Params.author }} <span>oleh {{ . }}</span>{{ end }}</p>
{{ with .Params.summary }}<p class="lead">{{ . }}</p>{{ end }}</header>
{{ with .Params.image }}<figure class="hero-img"><img src="{{ . }}" alt="{{ $.Params.image_alt }}"></figure>{{ end }}
{{ if eq .Section "perencanaan" }}<dl class="facts"><div><dt>Tahap</dt><dd>{{ .Params.stage }}</dd></div><div><dt>Tahun</dt><dd>{{ .Params.year }}</dd></div>
<div><dt>Anggaran</dt><dd>Rp{{ lang.FormatNumber 0 .Params.budget }}</dd></div><div><dt>Sumber dana</dt><dd>{{ .Params.funding }}</dd></div>
<div><dt>Lokasi</dt><dd>{{ .Params.location }}</dd></div><div><dt>Kemajuan</dt><dd><progress max="100" value="{{ .Params.progress }}"></progress> {{ .Params.progress }}%</dd></div></dl>
{{ with .Params.documents }}<h2>Dokumen</h2><ul class="docs">{{ range . }}<li><a href="{{ .file | relURL }}">{{ .title }}</a></li>{{ end }}</ul>{{ end }}{{ end }}
{{ if eq .Section "umkm" }}<dl class="facts"><div><dt>Kategori</dt><dd>{{ .Params.category }}</dd></div><div><dt>Pemilik</dt><dd>{{ .Params.owner }}</dd></div>
<div><dt>Alamat</dt><dd>{{ .Params.address }}</dd></div><div><dt>Jam buka</dt><dd>{{ .Params.hours }}</dd></div></dl>{{ end }}
{{ if eq .Section "cek-fakta" }}<section class="claim"><h2>Klaim</h2><blockquote>{{ .Params.claim }}</blockquote><p class="muted">Sumber: {{ .Params.claim_source }}</p></section>{{ end }}
<div class="prose">{{ .Content }}</div>
{{ with .Params.products }}<h2>Produk</h2><ul class="products">{{ range . }}<li><span class="p-name">{{ .name }}</span> <span class="p-price">Rp{{ lang.FormatNumber 0 .price }}</span></li>{{ end }}</ul>{{ end }}
{{ with .Params.sources }}<h2>Sumber</h2><ul class="docs">{{ range . }}<li><a href="{{ .url }}">{{ .title }}</a></li>{{ end }}</ul>{{ end }}
{{ with .GetTerms "tags" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">#{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
</article>{{ end }}
`,
	"_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ with .Content }}<div class="prose">{{ . }}</div>{{ end }}
{{ $p := .Paginate .Pages 10 }}<ul class="cards">{{ range $p.Pages }}{{ partial "card.html" . }}{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
`,
	"_default/terms.html": `{{ define "main" }}<h1>Tag</h1><ul class="tags">{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">#{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
`,
	"index.html": `{{ define "main" }}<h1>{{ .Site.Title }}</h1><div class="prose">{{ .Content }}</div>
{{ range .Site.Sections }}<section><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><ul class="cards">{{ range first 5 .Pages }}{{ partial "card.html" . }}{{ end }}</ul></section>{{ end }}{{ end }}
`,
	"partials/card.html": `<li class="card"><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time>{{ end }}<p>{{ with .Params.summary }}{{ . }}{{ else }}{{ .Summary | plainify | truncate 160 }}{{ end }}</p></li>
`,
}

func hugoSite(s Site, css []byte, emit Emit) error {
	config := fmt.Sprintf(`baseURL = %q
languageCode = "id"
defaultContentLanguage = "id"
title = %q
paginate = 10
rssLimit = 20
pluralizeListTitles = false
enableRobotsTXT = false

[taxonomies]
  tag = "tags"

[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]

[params]
  kim = %q
  address = %q
  email = %q
`, BaseURL+s.ID+"/", "Kelurahan "+s.Name, "KIM "+s.Name, "Jl. "+s.Name+" No. 1, Kota Malang", "kim."+s.ID+"@example.id")
	if err := emit(path.Join(s.ID, "config.toml"), []byte(config)); err != nil {
		return err
	}
	if err := emit(path.Join(s.ID, "assets", "style.css"), css); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(hugoLayouts)) {
		if err := emit(path.Join(s.ID, "layouts", name), []byte(hugoLayouts[name])); err != nil {
			return err
		}
	}
	return nil
}
