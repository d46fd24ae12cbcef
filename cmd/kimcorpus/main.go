// Command kimcorpus writes a deterministic test corpus for benchmarks: a city
// of kelurahan sites in Bahasa Indonesia, as a kimsite repository and,
// optionally, as one Hugo site per kelurahan with an equivalent theme.
//
//	kimcorpus [-sites 57] [-pages 200] [-seed 1] [-photos] -out DIR [-hugo DIR]
//
// DIR receives sites.yaml and content/; the Hugo folder receives <id>/ with
// config.toml, content/, static/, assets/ and layouts/. Both folders must be
// empty or missing.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/kotamalang/kimsite/generator/corpus"
	"github.com/kotamalang/kimsite/themes"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	flags := flag.NewFlagSet("kimcorpus", flag.ContinueOnError)
	var o corpus.Options
	flags.IntVar(&o.Sites, "sites", 57, "number of kelurahan")
	flags.IntVar(&o.Pages, "pages", 200, "Markdown files per kelurahan")
	flags.Uint64Var(&o.Seed, "seed", 1, "random seed")
	flags.BoolVar(&o.Photos, "photos", false, "add a JPEG photo to every fourth news item")
	out := flags.String("out", "", "folder for the kimsite repository (required)")
	hugo := flags.String("hugo", "", "folder for the Hugo sites (optional)")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *out == "" || flags.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "kimcorpus: -out DIR is required; see kimcorpus -h")
		return 2
	}
	if err := Generate(o, *out, *hugo); err != nil {
		fmt.Fprintln(os.Stderr, "kimcorpus:", err)
		return 1
	}
	return 0
}

// Generate writes the corpus to the repo folder and, when hugo is not
// empty, the Hugo sites to the hugo folder.
func Generate(o corpus.Options, repo, hugo string) error {
	for _, dir := range []string{repo, hugo} {
		if dir == "" {
			continue
		}
		if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
			return fmt.Errorf("%s is not empty", dir)
		}
	}
	css, err := fs.ReadFile(themes.Default(), "style.css")
	if err != nil {
		return err
	}
	var hugoEmit corpus.Emit
	if hugo != "" {
		hugoEmit = writer(hugo)
	}
	return corpus.Write(o, css, writer(repo), hugoEmit)
}

func writer(root string) corpus.Emit {
	made := map[string]bool{}
	return func(name string, data []byte) error {
		p := filepath.Join(root, filepath.FromSlash(name))
		if dir := filepath.Dir(p); !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			made[dir] = true
		}
		return os.WriteFile(p, data, 0o644)
	}
}
