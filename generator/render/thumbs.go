package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/images"
)

// Thumb is a card's photo: the page's own photo, in the widths the images
// stage published, shown at 16:9 by the theme's CSS. Its URLs are relative
// to the site's root, so that the portal can put the site's address in
// front of them.
type Thumb struct {
	Src, Srcset   string // relative to the site
	Width, Height int    // of the largest variant, for the width and height attributes
}

// ThumbSizes is the sizes attribute of a card's photo: the whole column on
// a phone, one of two or three columns from 40rem on.
const ThumbSizes = "(min-width: 40rem) 21rem, calc(100vw - 2rem)"

// thumbOf returns the card photo of a page, or nil when the page shows no
// photo (or one the images stage cannot publish, which check reports).
func thumbOf(imgs *images.Set, s *content.Site, p *content.Page) *Thumb {
	if imgs == nil || p.Image == nil {
		return nil
	}
	img, err := imgs.Get(s, p.Image.Src)
	if err != nil || len(img.Variants) == 0 {
		return nil
	}
	return &Thumb{Src: img.Src(""), Srcset: img.Srcset(""), Width: img.Width, Height: img.Height}
}

// tag is the <img> of the thumb under base (the site's path or address):
// lazy below the fold, fetched first when it is the page's lead photo.
func (t *Thumb) tag(base, alt, sizes string, lead bool) template.HTML {
	loading := ` loading="lazy" decoding="async"`
	if lead {
		loading = ` fetchpriority="high"`
	}
	parts := strings.Split(t.Srcset, ", ")
	for i, p := range parts {
		parts[i] = base + p
	}
	e := template.HTMLEscapeString
	return template.HTML(fmt.Sprintf(`<img src="%s" srcset="%s" sizes="%s" width="%d" height="%d" alt="%s"%s>`,
		e(base+t.Src), e(strings.Join(parts, ", ")), e(sizes), t.Width, t.Height, e(alt), loading))
}
