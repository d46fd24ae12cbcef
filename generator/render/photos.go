package render

import (
	"cmp"
	"html/template"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/images"
)

// Photo returns the <img> of a photo named in p's front matter (value is
// the key's value as written): resized, with srcset and its size. sizes is
// the sizes attribute ("" for the text column's); lazy loads it only when
// it scrolls near, for photos below the fold.
func (v *View) Photo(p *content.Page, value, alt, sizes string, lazy bool) template.HTML {
	if v.images != nil && v.Content != nil {
		if src, err := content.Resolve(p.File, value); err == nil {
			if img, err := v.images.Get(v.Content, src); err == nil {
				return img.Tag(v.Href(""), alt, cmp.Or(sizes, images.Sizes), lazy)
			}
		}
	}
	tag := `<img src="` + template.HTMLEscapeString(v.Href(p.FileURL(value))) + `" alt="` + template.HTMLEscapeString(alt) + `"`
	if lazy {
		tag += ` loading="lazy"`
	}
	return template.HTML(tag + ">")
}

// sharePhoto is the absolute URL of the page's 1200×630 share image, or ""
// when it shows no photo.
func (v *View) sharePhoto() string {
	if v.images == nil || v.Content == nil || v.Site == nil {
		return ""
	}
	if sh := v.images.Share(v.Content, v.Page); sh != nil {
		return v.Site.URL(sh.URL)
	}
	return ""
}
