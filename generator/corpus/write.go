package corpus

import (
	"fmt"
	"path"
	"strings"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/owners"
)

// BaseURL is the portal address of a generated city.
const BaseURL = "https://kim.malangkota.go.id/"

// Write generates the corpus. repo, when not nil, receives a kimsite
// repository: sites.yaml, .github/CODEOWNERS and content/<id>/... . hugo, when not nil, receives
// one Hugo site per kelurahan, <id>/hugo.toml, <id>/content/..., with the
// layouts of HugoTheme and css as its inline stylesheet.
func Write(o Options, css []byte, repo, hugo Emit) error {
	sites := Sites(o.Sites)
	if repo != nil {
		yaml := sitesYAML(sites)
		if err := repo(config.File, yaml); err != nil {
			return err
		}
		city, _, problems := config.Parse(yaml)
		if city == nil || problems.Errors() > 0 {
			return fmt.Errorf("corpus: generated sites.yaml: %v", problems)
		}
		if err := repo(".github/CODEOWNERS", owners.File(city)); err != nil {
			return err
		}
	}
	for i, s := range sites {
		files := siteFiles(o, i, s)
		for _, f := range files {
			if repo != nil {
				if err := repo(path.Join("content", s.ID, f.rel), f.data); err != nil {
					return err
				}
			}
			if hugo != nil {
				name := path.Join(s.ID, "content", f.rel)
				if rest, ok := strings.CutPrefix(f.rel, "static/"); ok {
					name = path.Join(s.ID, "static", rest)
				}
				if err := hugo(name, f.data); err != nil {
					return err
				}
			}
		}
		if hugo != nil {
			if err := hugoSite(s, css, hugo); err != nil {
				return err
			}
		}
	}
	return nil
}

func sitesYAML(sites []Site) []byte {
	var b strings.Builder
	b.WriteString("# Dibuat oleh kimcorpus: kota contoh untuk uji kecepatan.\n")
	b.WriteString("city: Kota Malang\nbase_url: " + BaseURL + "\nrepo: https://github.com/kotamalang/kim-malang\n\nsites:\n")
	for i, s := range sites {
		fmt.Fprintf(&b, "  - id: %s\n    name: %q\n    kecamatan: %s\n    kim: %q\n", s.ID, "Kelurahan "+s.Name, s.Kecamatan, "KIM "+s.Name)
		fmt.Fprintf(&b, "    editors: [\"@kotamalang/kim-%s\"]\n", s.ID)
		fmt.Fprintf(&b, "    contact:\n      address: %q\n      email: kim.%s@example.id\n      whatsapp: \"0812-3456-%04d\"\n", "Jl. "+s.Name+" No. 1, Kota Malang", s.ID, i%10000)
		fmt.Fprintf(&b, "    social:\n      instagram: https://www.instagram.com/kim%s\n", strings.ReplaceAll(s.ID, "-", ""))
	}
	return []byte(b.String())
}
