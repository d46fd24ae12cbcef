// Command kimsite builds the websites of a city's kelurahan from one
// repository of Markdown: one site per kelurahan plus the city portal.
//
//	kimsite build   [--root DIR] [--out DIR] [--site ID]... [--drafts]
//	                [--now TIME] [--future]
//	                [--shard K/N | --portal-only | --changed-since REV]
//	                [--no-cache] [--cpuprofile FILE]
//	                [--base-url URL] [--site-base-url ID=URL]...
//	kimsite check   [--root DIR] [--site ID]... [--format text|github] [--now TIME]
//	kimsite serve   [--root DIR] [--addr 127.0.0.1:1313] [--site ID]...
//	kimsite new     SITE SECTION "Judul" [--root DIR]
//	kimsite new     site ID "Kelurahan X" --kecamatan K [--root DIR]
//	kimsite codeowners [--root DIR]
//	kimsite import  wordpress FILE.xml --site ID [--uploads DIR] [--root DIR]
//	kimsite version
//	kimsite help    [COMMAND]
//
// "kimsite help" and "kimsite COMMAND --help" print the help in Bahasa
// Indonesia (help.go).
//
// Exit status: 0 success, 1 content errors (all listed), 2 wrong usage.
//
// build and check (build.go) hand Options to generator/pipeline, whose
// package doc is the map of the whole pipeline; serve (serve.go) hands the
// repository to generator/serve, which takes the same stages.
package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// version is set at release time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "kimsite: kesalahan di dalam kimsite sendiri, bukan di isi Anda: %v\nLaporkan ke pengelola beserta perintah yang dijalankan.\n", v)
			code = exitContent
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr, false)
	case "check":
		return runBuild(args[1:], stdout, stderr, true)
	case "codeowners":
		return runCodeowners(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr, time.Now())
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "kimsite", version)
		return exitOK
	case "help", "--help", "-help", "-h":
		return runHelp(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "kimsite: perintah %q tidak dikenal\n\n%s", args[0], usage)
	return exitUsage
}
