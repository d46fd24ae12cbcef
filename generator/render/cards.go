package render

import (
	"cmp"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"time"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/model"
)

// Card is one entry of a list, as the "items" partial shows it.
type Card struct {
	Href     string
	Title    string
	Date     *CardDate
	Summary  string
	Verdict  string        // cek-fakta
	Stage    string        // perencanaan
	Category string        // umkm
	Budget   string        // perencanaan, in short rupiah
	Site     string        // the kelurahan, on the portal's lists
	Thumb    template.HTML // the page's photo, 16:9, or "" for a text-only card

	HTML template.HTML // the theme's card (or lead) layout for this card
}

// cardCache renders each card once: a page's card is the same on every
// list of its site that shows it (section, tag and year lists, home,
// related pages), and rendering cards was a sixth of a site's template
// work. A cache lives as long as one site's (or the portal's) rendering.
type cardCache struct {
	layouts Layouts
	view    *View // a view of the cache's site, for UI strings
	mu      sync.Mutex
	html    map[string]template.HTML // by the card's link
}

func (cc *cardCache) fill(c *Card) error {
	cc.mu.Lock()
	h, ok := cc.html[c.Href]
	cc.mu.Unlock()
	if !ok {
		var err error
		if h, err = renderString(cc.layouts.Card(cc.view, c)); err != nil {
			return err
		}
		cc.mu.Lock()
		cc.html[c.Href] = h
		cc.mu.Unlock()
	}
	c.HTML = h
	return nil
}

// CardDate is a date as machine and reader see it.
type CardDate struct {
	ISO  string
	Text string
}

func cardDate(t time.Time) *CardDate {
	if t.IsZero() {
		return nil
	}
	return &CardDate{ISO: t.In(locale.WIB).Format(time.RFC3339), Text: locale.ShortDate(t)}
}

// Cards turns pages of the current site into cards.
func (v *View) Cards(pages []*content.Page) ([]Card, error) {
	cards := make([]Card, 0, len(pages))
	for _, p := range pages {
		c := v.card(p, false)
		if err := v.Parts.cards.fill(&c); err != nil {
			return nil, err
		}
		cards = append(cards, c)
	}
	return cards, nil
}

// Lead is the newest page of a section of the current site as the home
// page's headline: its photo large and loaded first. Nil when the section
// is empty.
func (v *View) Lead(section string) (*Card, error) {
	pages := v.Content.Section(section).Pages
	if len(pages) == 0 {
		return nil, nil
	}
	c := v.card(pages[0], true)
	return &c, v.lead(&c)
}

// After returns the pages of a section of the current site that follow
// the newest skip, at most n.
func (v *View) After(section string, skip, n int) []*content.Page {
	pages := v.Content.Section(section).Pages
	pages = pages[min(skip, len(pages)):]
	return pages[:min(n, len(pages))]
}

func (v *View) card(p *content.Page, lead bool) Card {
	c := Card{Href: v.Href(p.URL), Title: p.Meta.Title, Date: cardDate(p.Meta.Date.Time), Summary: cmp.Or(p.Meta.Summary, p.Excerpt)}
	switch f := p.Front.(type) {
	case *model.CekFaktaFront:
		c.Verdict, c.Title = f.Verdict, WithoutVerdict(f.Verdict, c.Title)
	case *model.PerencanaanFront:
		c.Stage = f.Stage
		if f.Budget > 0 {
			c.Budget = locale.RupiahShort(f.Budget)
		}
	case *model.UMKMFront:
		c.Category = f.Category
	case *model.AgendaFront:
		c.Date = cardDate(f.Start.Time) // when it happens says more than when it was posted
	}
	if t := thumbOf(v.images, v.Content, p); t != nil {
		c.Thumb = v.thumbTag(t, v.Href(""), lead)
	}
	return c
}

func (v *View) thumbTag(t *Thumb, base string, lead bool) template.HTML {
	if lead {
		return t.tag(base, "", LeadSizes, true)
	}
	return t.tag(base, "", ThumbSizes, false)
}

// LeadSizes is the sizes attribute of a headline's photo: the page's width
// up to the layout's 64rem.
const LeadSizes = "(min-width: 66rem) 62rem, calc(100vw - 2rem)"

// lead renders a card with the theme's "lead" template, outside the card
// cache: a headline appears once, on one page.
func (v *View) lead(c *Card) error {
	h, err := renderString(v.Parts.cards.layouts.Lead(v, c))
	c.HTML = h
	return err
}

// PortalCards turns the portal's items into cards; n > 0 keeps the first n.
func (v *View) PortalCards(items []Item, n int) ([]Card, error) {
	if n > 0 {
		items = items[:min(n, len(items))]
	}
	cards := make([]Card, 0, len(items))
	for _, it := range items {
		c := v.portalCard(it, false)
		if err := v.Parts.cards.fill(&c); err != nil {
			return nil, err
		}
		cards = append(cards, c)
	}
	return cards, nil
}

// PortalLead is the first of the portal's items as the page's headline.
func (v *View) PortalLead(items []Item) (*Card, error) {
	if len(items) == 0 {
		return nil, nil
	}
	c := v.portalCard(items[0], true)
	return &c, v.lead(&c)
}

func (v *View) portalCard(it Item, lead bool) Card {
	c := Card{Href: it.Href, Title: WithoutVerdict(it.Verdict, it.Title), Date: cardDate(it.Date), Summary: it.Summary,
		Verdict: it.Verdict, Category: it.Category, Site: it.Site.Name}
	if it.Thumb != nil {
		c.Thumb = v.thumbTag(it.Thumb, it.Base, lead)
	}
	return c
}

// FullTitle is the document title: the page, then the site or city.
func (v *View) FullTitle() string {
	switch {
	case v.Site != nil && v.Kind == "home":
		return fmt.Sprintf("%s · %s", v.Site.Name, v.City.Name)
	case v.Site != nil:
		return fmt.Sprintf("%s · %s", v.Title, v.Site.Name)
	case v.Kind == "portal":
		return "KIM " + v.City.Name
	}
	return fmt.Sprintf("%s · KIM %s", v.Title, v.City.Name)
}

// OrderText is the WhatsApp message a resident sends to order a product.
func (v *View) OrderText(p *content.Page, product model.Product) string {
	msg := fmt.Sprintf("Halo, saya ingin memesan %s", product.Name)
	if product.Price > 0 {
		msg += fmt.Sprintf(" (%s)", locale.Rupiah(product.Price))
	}
	return fmt.Sprintf("%s dari %s. %s", msg, p.Meta.Title, v.Site.URL(p.URL))
}

// WithoutVerdict drops a verdict that a clarification's title repeats at
// its start ("Hoaks: …", "[HOAKS] …"), where the theme shows the verdict's
// label right before the title.
func WithoutVerdict(verdict, title string) string {
	if verdict == "" {
		return title
	}
	t := strings.TrimSpace(title)
	for _, open := range []string{"[", "(", ""} {
		rest, ok := cutPrefixFold(t, open+verdict)
		if !ok {
			continue
		}
		if open != "" {
			if rest, ok = strings.CutPrefix(rest, map[string]string{"[": "]", "(": ")"}[open]); !ok {
				continue
			}
		}
		rest = strings.TrimLeft(rest, " :-–—|")
		if rest != "" && rest != strings.TrimLeft(t, " ") {
			return strings.ToUpper(rest[:1]) + rest[1:]
		}
	}
	return title
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}
