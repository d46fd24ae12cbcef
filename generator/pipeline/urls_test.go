package pipeline_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/pipeline"
)

// badURLs are URLs that run code, carry a document of their own, or point
// at another host while looking local.
var badURLs = []string{
	"javascript:alert(1)", "  JaVaScRiPt:alert(1)", "java\\tscript:alert(1)",
	"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)",
	"//evil.example/", "https://malangkota.go.id@evil.example/",
}

const okSites = "city: Kota\nbase_url: https://kim.example.id/\nsites:\n  - id: kauman\n    name: Kauman\n    kecamatan: Klojen\n"

// TestURLFieldsRefuseSchemes puts each bad URL in every URL field of
// sites.yaml and the front matter, and in Markdown links, images, autolinks
// and reference definitions, and expects an error at the field's line.
func TestURLFieldsRefuseSchemes(t *testing.T) {
	type place struct {
		name, file string
		content    func(u string) string // the file with u in it
	}
	places := []place{
		{"sites.yaml base_url", "sites.yaml", func(u string) string {
			return "city: Kota\nbase_url: " + yq(u) + "\nsites:\n  - id: kauman\n    name: K\n    kecamatan: K\n"
		}},
		{"sites.yaml repo", "sites.yaml", func(u string) string {
			return "city: Kota\nrepo: " + yq(u) + "\nbase_url: https://kim.example.id/\nsites:\n  - id: kauman\n    name: K\n    kecamatan: K\n"
		}},
		{"site base_url", "sites.yaml", func(u string) string {
			return okSites + "    base_url: " + yq(u) + "\n"
		}},
	}
	for _, s := range []string{"youtube", "instagram", "facebook", "tiktok", "x"} {
		places = append(places, place{"social " + s, "sites.yaml", func(u string) string {
			return okSites + "    social:\n      " + s + ": " + yq(u) + "\n"
		}})
	}
	umkm := "---\ntitle: Warung\ncategory: kuliner\n"
	cek := "---\ntitle: Hoaks\ndate: 2026-11-05\nclaim: x\nverdict: hoaks\n"
	places = append(places,
		place{"umkm links", "content/kauman/umkm/w.md", func(u string) string { return umkm + "links:\n  instagram: " + yq(u) + "\n---\n" }},
		place{"cek-fakta checked_by", "content/kauman/cek-fakta/h.md", func(u string) string {
			return cek + "checked_by:\n  name: Diskominfo\n  url: " + yq(u) + "\n---\n"
		}},
		place{"cek-fakta sources", "content/kauman/cek-fakta/h.md", func(u string) string {
			return cek + "sources:\n  - title: Sumber\n    url: " + yq(u) + "\n---\n"
		}},
		place{"front matter image", "content/kauman/berita/b.md", func(u string) string {
			return "---\ntitle: B\ndate: 2026-11-05\nimage_alt: x\nimage: " + yq(u) + "\n---\n"
		}},
		place{"umkm product image", "content/kauman/umkm/w.md", func(u string) string {
			return umkm + "products:\n  - name: P\n    image: " + yq(u) + "\n---\n"
		}},
		place{"perencanaan document", "content/kauman/perencanaan/p.md", func(u string) string {
			return "---\ntitle: P\ndate: 2026-11-05\nyear: 2026\nstage: usulan\ndocuments:\n  - title: RAB\n    file: " + yq(u) + "\n---\n"
		}},
		place{"markdown link", "content/kauman/berita/b.md", func(u string) string {
			return "---\ntitle: B\ndate: 2026-11-05\n---\nParagraf.\n\nLihat [di sini](" + md(u) + ").\n"
		}},
		place{"markdown link, angle brackets", "content/kauman/berita/b.md", func(u string) string {
			return "---\ntitle: B\ndate: 2026-11-05\n---\nParagraf.\n\nLihat [di sini](<" + md(u) + ">).\n"
		}},
		place{"markdown image", "content/kauman/berita/b.md", func(u string) string {
			return "---\ntitle: B\ndate: 2026-11-05\n---\nParagraf.\n\n![Foto](" + md(u) + ")\n"
		}},
		place{"markdown reference", "content/kauman/berita/b.md", func(u string) string {
			return "---\ntitle: B\ndate: 2026-11-05\n---\nParagraf.\n\nLihat [di sini][r].\n\n[r]: " + md(u) + "\n"
		}},
		place{"markdown entity-encoded", "content/kauman/berita/b.md", func(u string) string {
			return "---\ntitle: B\ndate: 2026-11-05\n---\nParagraf.\n\nLihat [di sini](" + strings.Replace(md(u), "a", "&#97;", 1) + ").\n"
		}},
	)
	for _, pl := range places {
		for _, u := range badURLs {
			u := strings.ReplaceAll(u, `\t`, "\t")
			if strings.HasPrefix(pl.name, "markdown") && strings.ContainsAny(u, "\t ") {
				continue // not a link destination in Markdown at all: stays text
			}
			t.Run(pl.name+"/"+u, func(t *testing.T) {
				files := map[string]string{
					"sites.yaml":               okSites,
					"content/kauman/_index.md": "---\ntitle: Kauman\n---\n",
				}
				data := pl.content(u)
				files[pl.file] = data
				want := lineOf(data, u)
				if strings.Contains(pl.name, "entity") || strings.Contains(pl.name, "reference") {
					// The error stands where the link is used.
					want = lineOf(data, "[di sini]")
				}
				_, problems, err := pipeline.Run(pipeline.Options{FS: tree(files)})
				if err != nil {
					t.Fatal(err)
				}
				at := fmt.Sprintf("%s:%d", pl.file, want)
				for _, p := range problems {
					if p.Position() == at {
						return
					}
				}
				t.Errorf("want an error at %s for %q, got:\n%s", at, u, problems)
			})
		}
	}
}

// yq quotes a URL for YAML.
func yq(u string) string { return q(u) }

// md writes a URL as a Markdown destination: spaces and parentheses
// escaped so the whole URL is the destination.
func md(u string) string {
	return strings.NewReplacer("(", `\(`, ")", `\)`, "<", "%3C", ">", "%3E").Replace(u)
}

// lineOf returns the line of the first line of data that holds s.
func lineOf(data, s string) int {
	for i, l := range strings.Split(data, "\n") {
		if strings.Contains(l, strings.TrimSpace(s)) || strings.Contains(l, md(strings.TrimSpace(s))) {
			return i + 1
		}
	}
	return -1
}
