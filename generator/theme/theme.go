// Package theme loads a theme: html/template layouts, the stylesheet and the
// UI strings, from an fs.FS (normally the theme embedded in the binary).
//
// It takes the theme's files and gives a Theme that executes a named layout
// with a view value. Layouts are parsed once; each page kind (home, list,
// single, page, tag, portal, notfound) is base.html and partials plus the
// kind's own file, which defines "main".
package theme

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kotamalang/kimsite/generator/minify"
)

// Theme is a parsed theme, safe for concurrent use.
type Theme struct {
	layouts map[string]*template.Template
	strings map[string]string
	css     string // minified
	files   fs.FS
}

// Load parses the theme in fsys. funcs are added to every template, so the
// caller can supply formatting helpers.
func Load(fsys fs.FS, funcs template.FuncMap, m *minify.Minifier) (*Theme, error) {
	t := &Theme{layouts: map[string]*template.Template{}, files: fsys}
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
	all := template.FuncMap{"t": t.String}
	for k, v := range funcs {
		all[k] = v
	}
	partials, err := fs.Glob(fsys, "layouts/partials/*.html")
	if err != nil {
		return nil, err
	}
	base := template.New("base").Funcs(all)
	for _, file := range append([]string{"layouts/base.html"}, partials...) {
		if err := parse(base, fsys, file, m); err != nil {
			return nil, err
		}
	}
	kinds, err := fs.Glob(fsys, "layouts/*.html")
	if err != nil {
		return nil, err
	}
	for _, file := range kinds {
		kind := strings.TrimSuffix(path.Base(file), ".html")
		if kind == "base" {
			continue
		}
		clone, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if err := parse(clone, fsys, file, m); err != nil {
			return nil, err
		}
		t.layouts[kind] = clone
	}
	return t, nil
}

// parse adds a layout file to set, minified first: HTML is minified once
// here rather than in every page (see package minify).
func parse(set *template.Template, fsys fs.FS, file string, m *minify.Minifier) error {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("tema: %w", err)
	}
	small, err := m.Template(string(src))
	if err != nil {
		return fmt.Errorf("tema: %s: %w", file, err)
	}
	if _, err := set.New(path.Base(file)).Parse(small); err != nil {
		return fmt.Errorf("tema: %s: %w", file, err)
	}
	return nil
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

// Execute renders the layout of the given kind.
func (t *Theme) Execute(w io.Writer, kind string, view any) error {
	l, ok := t.layouts[kind]
	if !ok {
		return fmt.Errorf("tema: tata letak %q tidak ada", kind)
	}
	return l.ExecuteTemplate(w, "base", view)
}

// ExecutePart renders the named template of a layout on its own, for a part
// that many pages share: the result is trusted HTML for the HTML text of a
// page (html/template escaped it as such).
func (t *Theme) ExecutePart(kind, name string, view any) (template.HTML, error) {
	l, ok := t.layouts[kind]
	if !ok {
		return "", fmt.Errorf("tema: tata letak %q tidak ada", kind)
	}
	var b strings.Builder
	if err := l.ExecuteTemplate(&b, name, view); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// Hash returns the Content-Security-Policy source for an inline block.
func Hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}
