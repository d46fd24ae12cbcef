package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/owners"
)

// runCodeowners writes .github/CODEOWNERS from sites.yaml.
func runCodeowners(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("codeowners", flag.ContinueOnError)
	root := flags.String("root", ".", "folder repositori")
	if code, ok := parseFlags(flags, args, stdout, stderr); !ok {
		return code
	}
	if flags.NArg() > 0 {
		return usageError(stderr, "codeowners", fmt.Sprintf("argumen %q tidak dikenal", flags.Arg(0)))
	}
	city, problems := config.Load(os.DirFS(*root))
	printProblems(stderr, problems)
	if city == nil || problems.Errors() > 0 {
		fmt.Fprintf(stderr, "\n%d kesalahan di sites.yaml; .github/CODEOWNERS tidak ditulis.\n", problems.Errors())
		return exitContent
	}
	path := filepath.Join(*root, filepath.FromSlash(owners.Path))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		fmt.Fprintf(stderr, "kimsite codeowners: %v\n", err)
		return exitContent
	}
	if err := os.WriteFile(path, owners.File(city), 0o644); err != nil {
		fmt.Fprintf(stderr, "kimsite codeowners: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "Ditulis: %s (%d kelurahan). Commit berkas ini bersama sites.yaml.\n", owners.Path, len(city.Sites))
	return exitOK
}
