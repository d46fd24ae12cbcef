// Package themes embeds the shared themes in the kimsite binary, so that it
// works on any content folder without the theme's files beside it.
package themes

import (
	"embed"
	"io/fs"
)

// The layouts are compiled into kimsite (package layouts); their sources
// are embedded for the checks that read them, not their generated Go.
//
//go:embed default/strings.yaml default/style.css default/kimsite.js default/favicon.svg default/layouts/*.templ
var files embed.FS

// Default returns the default theme's files.
func Default() fs.FS {
	sub, err := fs.Sub(files, "default")
	if err != nil {
		panic(err) // the embedded folder always exists
	}
	return sub
}
