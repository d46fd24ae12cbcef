package render

import (
	"fmt"
	"path"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/minify"
	"github.com/kotamalang/kimsite/generator/search"
)

// Script is the theme's script, published in each site's root: a site on
// a domain of its own must serve it itself, since pages only allow scripts
// from their own origin.
const Script = "kimsite.js"

// Icon is the theme's icon, for pages of sites without a logo of their own.
const Icon = "favicon.svg"

// themeFiles writes what the theme's script needs beside a site's pages
// (the script itself and the site's search index) and the theme's icon.
func (r *Renderer) themeFiles(s *content.Site, out Output) error {
	if err := r.icon(s.Config.ID, out); err != nil {
		return err
	}
	if err := r.script(s.Config.ID, out); err != nil {
		return err
	}
	idx, err := search.Build(s)
	if err != nil {
		return err
	}
	return out.WriteFile(path.Join(s.Config.ID, search.File), idx)
}

// icon writes the theme's icon into dir of the output, so browsers asking
// for an icon get one from the page's own host.
func (r *Renderer) icon(dir string, out Output) error {
	svg, err := r.Theme.File(Icon)
	if err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	if svg, err = r.Minify.Bytes(minify.SVG, svg); err != nil {
		return fmt.Errorf("theme: %s: %w", Icon, err)
	}
	return out.WriteFile(path.Join(dir, Icon), svg)
}

// script writes the theme's script into dir of the output.
func (r *Renderer) script(dir string, out Output) error {
	js, err := r.Theme.File(Script)
	if err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	if js, err = r.Minify.Bytes(minify.JS, js); err != nil {
		return fmt.Errorf("theme: %s: %w", Script, err)
	}
	return out.WriteFile(path.Join(dir, Script), js)
}
