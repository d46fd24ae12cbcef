// Package pipeline puts the stages together and runs them: it is the map
// of kimsite. Follow one news page, content/kauman/berita/kerja-bakti-rw-05.md,
// from the command to public/kauman/berita/kerja-bakti-rw-05/index.html:
//
//	cmd/kimsite      "kimsite build" parses its flags into Options, calls Run
//	  │
//	  ├─ config      sites.yaml → config.City: the city, each kelurahan, its URL
//	  │                (LoadCity; Options.Address moves every site for a preview)
//	  ├─ NewStages   builds the stages once, from Options (stages.go):
//	  │                minify, theme (strings.yaml, style.css; the layouts are
//	  │                Go code, themes/default/layouts, handed to render),
//	  │                images, markdown with the theme's strings, render
//	  │
//	  │  per site, one after another (Stages.Load, then render):
//	  ├─ content     content/kauman/ → content.Site: every page with its front
//	  │                matter decoded (frontmatter, model) and checked, its URL
//	  │                (berita/kerja-bakti-rw-05/), its files, its documents' hashes
//	  ├─ markdown    the page's body → HTML, links to .md files made URLs,
//	  │                photos given srcset (images), embeds (YouTube, maps)
//	  ├─ images      each photo shown: resized widths and a share image, cached
//	  │                in .kimsite-cache/; photo problems become content problems
//	  ├─ (check)     kimsite check only: Options.Check adds its problems
//	  ├─ render      the site → every file through the theme, pages in parallel:
//	  │                kauman/berita/kerja-bakti-rw-05/index.html, lists, tags, feeds,
//	  │                sitemap, search index, open data; and a Digest for the portal
//	  │
//	  ├─ portal      at the end, from the sites' Digests (render.AppendDigest
//	  │                keeps them small) and the city's open data: public/index.html,
//	  │                city lists and feeds, and the web editor (cms) under admin/
//	  └─ output      a staging folder that replaces public/ only when the whole
//	                   build succeeded (output.Dir); nothing is written on errors;
//	                   never the sources (package sources) nor a folder kimsite
//	                   did not write (output.Marker); one build at a time (lock)
//
// Problems (diag.List) are collected through every stage and returned
// together; the command prints them as "path:line: pesan" with a hint.
//
// Run takes Options (the repository, the output folder, which sites) and
// gives a Summary and every problem found. Sites are loaded, rendered and
// written one after another, each site's pages in parallel, so memory
// stays bounded by the largest site; while one site renders, the next one
// loads. A build cache (cache.go, package cache) reuses the output of
// sites whose inputs did not change.
//
// The preview server (package serve) takes the same stages from
// NewStages, so a previewed page is the built page. What it does
// differently is an Option, never a stage left out: LiveReload (pages load
// the reload script), Address (every site under the preview's address),
// Drafts; it renders a page when a browser asks for it (Stages.Only).
//
// A CI matrix builds parts instead: a Shard renders its sites and no
// portal; PortalFromAll reads every site but renders only the portal and
// the sites in Render. The parts write disjoint files whose union is the
// full build, byte for byte (partial_test.go).
//
// Each stage's package doc says what it takes and gives: config, content,
// frontmatter, model, markdown, images, theme, minify, render, output, cms,
// check, serve. The packages they lean on:
//
//	diag                   problems with path, line, message and hint
//	search                 the per-site search index the theme loads on demand
//	cache                  whether a site's previous output can be reused
//	shard, changes         the sites of a CI shard; the sites a git change touches
//	owners                 .github/CODEOWNERS from sites.yaml, and its check
//	scaffold               kimsite new: a page's front matter, a kelurahan's entry
//	corpus                 a generated city for benchmarks (cmd/kimbench)
//	locale, slug, phone    Indonesian dates and rupiah, URL slugs, WhatsApp numbers
//	privacy, safeurl       NIK/KK detection; which URLs a page may link to
//	color                  contrast checks for each kelurahan's accent colour
package pipeline
