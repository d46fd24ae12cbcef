// Package theme loads a theme's files: the UI strings, the stylesheet and
// the scripts and icons, from an fs.FS (normally the theme embedded in the
// binary, or the repository's themes/default in the preview).
//
// It takes the theme's files and gives a Theme with the strings, the
// minified stylesheet and the other files. The layouts are not here: they
// are Go code that templ generates from the theme's layouts/*.templ
// (package themes/default/layouts), compiled into kimsite.
package theme

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io/fs"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/kotamalang/kimsite/generator/minify"
)

// Theme is a loaded theme, safe for concurrent use.
type Theme struct {
	strings map[string]string
	css     string // minified
	files   fs.FS
}

// Load reads the theme in fsys.
func Load(fsys fs.FS, m *minify.Minifier) (*Theme, error) {
	t := &Theme{files: fsys}
	raw, err := fs.ReadFile(fsys, "strings.yaml")
	if err != nil {
		return nil, fmt.Errorf("tema: %w", err)
	}
	if err := yaml.Unmarshal(raw, &t.strings); err != nil {
		return nil, fmt.Errorf("tema: strings.yaml: %w", err)
	}
	css, err := fs.ReadFile(fsys, "style.css")
	if err != nil {
		return nil, fmt.Errorf("tema: %w", err)
	}
	if t.css, err = m.String(minify.CSS, string(css)); err != nil {
		return nil, fmt.Errorf("tema: style.css: %w", err)
	}
	return t, nil
}

// String returns the UI string for key; an unknown key is an error, so a
// typo in a layout fails the theme's tests instead of showing a blank.
func (t *Theme) String(key string) (string, error) {
	s, ok := t.strings[key]
	if !ok {
		return "", fmt.Errorf("tema: teks %q tidak ada di strings.yaml", key)
	}
	return s, nil
}

// Text returns the UI string for key, or the key itself when there is
// none, for stages outside templates (the markdown stage's embeds).
func (t *Theme) Text(key string) string {
	if s, ok := t.strings[key]; ok {
		return s
	}
	return key
}

// Strings returns every UI string key, sorted.
func (t *Theme) Strings() []string {
	keys := make([]string, 0, len(t.strings))
	for k := range t.strings {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// CSS returns the minified stylesheet.
func (t *Theme) CSS() string { return t.css }

// File returns one of the theme's other files (scripts, icons).
func (t *Theme) File(name string) ([]byte, error) { return fs.ReadFile(t.files, name) }

// Hash returns the Content-Security-Policy source for an inline block.
func Hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}
