package images

import (
	"fmt"
	"html/template"
	"strings"
)

// Sizes is the sizes attribute of a photo in the page's text column.
const Sizes = "(min-width: 46rem) 42rem, calc(100vw - 2rem)"

// Src is the URL of the largest variant, under base (the site's path).
func (img *Image) Src(base string) string {
	return base + img.Variants[len(img.Variants)-1].URL
}

// Srcset lists every variant with its width, under base.
func (img *Image) Srcset(base string) string {
	parts := make([]string, len(img.Variants))
	for i, v := range img.Variants {
		parts[i] = fmt.Sprintf("%s%s %dw", base, v.URL, v.Width)
	}
	return strings.Join(parts, ", ")
}

// Tag returns an <img> element for the photo: srcset and sizes so a phone
// downloads the small file, width and height so nothing moves while it
// loads, and loading="lazy" for photos below the fold.
func (img *Image) Tag(base, alt, sizes string, lazy bool) template.HTML {
	loading := ` fetchpriority="high"`
	if lazy {
		loading = ` loading="lazy" decoding="async"`
	}
	e := template.HTMLEscapeString
	return template.HTML(fmt.Sprintf(`<img src="%s" srcset="%s" sizes="%s" width="%d" height="%d" alt="%s"%s>`,
		e(img.Src(base)), e(img.Srcset(base)), e(sizes), img.Width, img.Height, e(alt), loading))
}
