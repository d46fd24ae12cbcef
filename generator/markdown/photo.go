package markdown

import (
	"fmt"

	"github.com/yuin/goldmark/ast"

	"github.com/kotamalang/kimsite/generator/images"
)

// photo makes a body image responsive: it processes the file and gives the
// image node srcset, sizes, width and height. Photos in the body load
// lazily, except the first one of a page without a main image, which is
// likely above the fold.
func (pc *pageContext) photo(n ast.Node, file, dest string, src []byte) []byte {
	img, err := pc.images.Get(pc.site, file)
	if err != nil {
		pc.problems.Add(pc.page.Path, pc.line(offsetOf(n, src)), fmt.Sprintf("gambar %q: %v", dest, err), images.Hint(err))
		return nil
	}
	base := pc.site.Config.Path
	n.SetAttributeString("srcset", []byte(img.Srcset(base)))
	n.SetAttributeString("sizes", []byte(images.Sizes))
	n.SetAttributeString("width", []byte(fmt.Sprint(img.Width)))
	n.SetAttributeString("height", []byte(fmt.Sprint(img.Height)))
	// Only the first photo a page shows is fetched at once: the front
	// matter photo, unless the text opens with that same photo (the theme
	// then shows it once, here).
	if len(pc.page.BodyImages) > 0 || pc.page.Image != nil && pc.page.Image.Src != file {
		n.SetAttributeString("loading", []byte("lazy"))
		n.SetAttributeString("decoding", []byte("async"))
	}
	pc.page.BodyImages = append(pc.page.BodyImages, file)
	return []byte(img.Src(base))
}
