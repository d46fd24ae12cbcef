package render

import (
	"bytes"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/model"
)

// Which pages share a card of their own (see ogimage.go): a page or an
// event, clarification, business or planning item without a photo, and the
// first page of each list of a section (a year, a category), titled as
// the list is. Later pages of a list, tag pages and the home page share
// the site's default: their titles say little more than it does, and a
// city's many list pages would each be one more file to publish.

// pageCard returns the card of a site's page, and false when the page
// shares the site's default.
func (r *Renderer) pageCard(s *content.Site, kind string, v *View) (card, bool) {
	c := card{Name: s.Config.Name, Line: siteLine(r, s), Accent: s.Config.Accent}
	switch kind {
	case "single", "page":
		if v.Page == nil {
			return card{}, false
		}
		c.Title = v.Page.Meta.Title
		if v.Section != nil {
			c.Badge = v.Section.Title
			if f, ok := v.Page.Front.(*model.CekFaktaFront); ok {
				c.Badge = f.Verdict // one of a fixed list, content checked
			}
		}
	case "list", "plan", "archive", "agenda":
		if v.Pager != nil && v.Pager.Number > 1 {
			return card{}, false
		}
		c.Title = v.Title
	default:
		return card{}, false
	}
	return c, r.paint.drawable(c)
}

// portalCard returns the card of a portal's page, and false when the
// page shares the portal's default: the portal's home, search and 404.
func (r *Renderer) portalCard(kind, title string, v *View) (card, bool) {
	switch kind {
	case "cityagenda", "cityumkm", "citycekfakta", "kecamatan":
	default:
		return card{}, false
	}
	if v.Pager != nil && v.Pager.Number > 1 {
		return card{}, false
	}
	c := card{Title: title, Name: "KIM " + r.City.Name, Line: r.ui("portal.tagline")}
	return c, r.paint.drawable(c)
}

// siteCard is a site's default card: its name, and its kecamatan and city.
func siteCard(r *Renderer, s *content.Site) card {
	return card{Title: s.Config.Name, Line: siteLine(r, s), Accent: s.Config.Accent}
}

func siteLine(r *Renderer, s *content.Site) string {
	return "Kecamatan " + s.Config.Kecamatan + " · " + r.City.Name
}

// card returns card c encoded, from the photo cache when an earlier build
// drew it; nil when its title has nothing the fonts can draw.
func (r *Renderer) card(c card) ([]byte, error) {
	if err := r.paint.init(); err != nil {
		return nil, err
	}
	draw := r.paint.draw
	if r.drawCard != nil {
		draw = r.drawCard
	}
	if r.Images == nil {
		return draw(c)
	}
	return r.Images.Drawn(c.key(r.paint.fonts), ".png", wholePNG, func() ([]byte, error) { return draw(c) })
}

// wholePNG reports whether data is a PNG to its last chunk: a cached file
// that is not is drawn again.
func wholePNG(data []byte) bool {
	return bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) && bytes.HasSuffix(data, []byte("IEND\xaeB`\x82"))
}

// drawable reports whether a card can be drawn: its title has something
// the fonts can draw (a title of emoji or Javanese script only shares the
// site's default), and what is drawn holds no identity number (see
// painter.layout).
func (p *painter) drawable(c card) bool {
	l, err := p.layout(c)
	return err == nil && l != nil
}
