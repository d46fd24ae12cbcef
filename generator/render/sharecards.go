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

// pageCard returns the card of a site's page, and nil when the page
// shares the site's default.
func (r *Renderer) pageCard(s *content.Site, kind string, v *View) *cardJob {
	c := card{Name: s.Config.Name, Line: siteLine(r, s), Accent: s.Config.Accent}
	switch kind {
	case "single", "page":
		if v.Page == nil {
			return nil
		}
		c.Title = v.Page.Meta.Title
		if v.Section != nil {
			c.Badge = v.Section.Title
			if f, ok := v.Page.Front.(*model.CekFaktaFront); ok {
				c.Badge = f.Verdict // one of a fixed list, content checked
				c.Title = WithoutVerdict(f.Verdict, c.Title)
			}
		}
	case "list", "plan", "archive", "agenda":
		if v.Pager != nil && v.Pager.Number > 1 {
			return nil
		}
		c.Title = v.Title
	default:
		return nil
	}
	return r.cardJob(c)
}

// portalCard returns the card of a portal's page, and nil when the page
// shares the portal's default: the portal's home, search and 404.
func (r *Renderer) portalCard(kind, title string, v *View) *cardJob {
	switch kind {
	case "cityagenda", "cityumkm", "citycekfakta", "kecamatan":
	default:
		return nil
	}
	if v.Pager != nil && v.Pager.Number > 1 {
		return nil
	}
	return r.cardJob(card{Title: title, Name: "KIM " + r.City.Name, Line: r.ui("portal.tagline")})
}

// siteCard is a site's default card: its name, and its kecamatan and city
// below; the KIM of the city when the name has nothing the fonts can
// draw; nil when neither has.
func (r *Renderer) siteCard(s *content.Site) *cardJob {
	if c := r.cardJob(card{Title: s.Config.Name, Line: siteLine(r, s), Accent: s.Config.Accent}); c != nil {
		return c
	}
	return r.cardJob(card{Title: "KIM " + r.City.Name, Line: siteLine(r, s), Accent: s.Config.Accent})
}

func siteLine(r *Renderer, s *content.Site) string {
	return "Kecamatan " + s.Config.Kecamatan + " · " + r.City.Name
}

// cardJob is a card to publish: its text, its key in the cache, and its
// layout when it had to be made to know whether the card can be drawn.
type cardJob struct {
	card
	key    string
	layout *layout
}

// cardJob returns c's job, or nil when c cannot be drawn: its title has
// nothing the fonts can draw (a title of emoji or Javanese script only
// shares the site's default), or what would be drawn reads as an
// identity number (see painter.layout). A card in the cache was drawn, so
// it can be: the layout is made only for the others, and kept for
// drawing them.
func (r *Renderer) cardJob(c card) *cardJob {
	if r.paint.init() != nil {
		return nil
	}
	j := &cardJob{card: c, key: c.key(r.paint.fonts)}
	if r.Images != nil && r.Images.HasDrawn(j.key, ".png") {
		return j
	}
	l, err := r.paint.layout(c)
	if err != nil || l == nil {
		return nil
	}
	j.layout = l
	return j
}

// card returns the job's card encoded, from the photo cache when an
// earlier build drew it.
func (r *Renderer) card(j *cardJob) ([]byte, error) {
	if err := r.paint.init(); err != nil {
		return nil, err
	}
	draw := func() ([]byte, error) {
		if r.drawCard != nil {
			return r.drawCard(j.card)
		}
		if j.layout == nil { // the cached card is gone since: lay it out
			return r.paint.draw(j.card)
		}
		return r.paint.paint(j.card, j.layout)
	}
	if r.Images == nil {
		return draw()
	}
	return r.Images.Drawn(j.key, ".png", wholePNG, draw)
}

// wholePNG reports whether data is a PNG to its last chunk: a cached file
// that is not is drawn again.
func wholePNG(data []byte) bool {
	return bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) && bytes.HasSuffix(data, []byte("IEND\xaeB`\x82"))
}
