// Package themes embeds the shared themes in the kimsite binary, so that it
// works on any content folder without the theme's files beside it.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed default
var files embed.FS

// Default returns the default theme's files.
func Default() fs.FS {
	sub, err := fs.Sub(files, "default")
	if err != nil {
		panic(err) // the embedded folder always exists
	}
	return sub
}
