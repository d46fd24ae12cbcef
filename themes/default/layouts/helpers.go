// Package layouts is the default theme's page layouts, written in templ
// (https://templ.guide): the *.templ files beside this one are HTML with
// Go expressions, and `go tool templ generate` compiles each into a
// *_templ.go file, so that rendering a page is plain Go code: checked when
// kimsite is built, with no reflection at run time.
//
// It takes a render.View (or a render.Card) and gives templ components
// that write a page's HTML, escaped for the context each value lands in
// (text, attribute, URL). The UI strings stay in ../strings.yaml, read
// through View.T. Layouts returns them as render.Layouts, which
// generator/pipeline hands to the renderer. See themes/README.md.
package layouts

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"

	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/render"
)

// Layouts returns the theme's layouts for the renderer.
func Layouts() render.Layouts {
	return render.Layouts{Page: page, Head: head, Brand: brand, Footer: footer, Menu: menu, Card: card, Lead: lead}
}

// page is the layout of v's kind: the base layout around its main part.
func page(v *render.View) templ.Component { return base(v, mainOf(v)) }

// mainOf is the main part of a page of v's kind.
func mainOf(v *render.View) templ.Component {
	switch v.Kind {
	case "home":
		return home(v)
	case "page":
		return plainPage(v)
	case "list":
		return list(v)
	case "archive":
		return archive(v)
	case "plan":
		return plan(v)
	case "agenda":
		return agendaList(v)
	case "single":
		return single(v)
	case "tag":
		return tag(v)
	case "tags":
		return tags(v)
	case "search":
		return search(v)
	case "notfound":
		return notFound(v)
	case "portal":
		return portal(v)
	case "kecamatan":
		return kecamatan(v)
	case "cityumkm":
		return cityUMKM(v)
	case "citycekfakta":
		return cityCekFakta(v)
	case "cityagenda":
		return cityAgenda(v)
	}
	return templ.ComponentFunc(func(context.Context, io.Writer) error {
		return &unknownKind{v.Kind}
	})
}

type unknownKind struct{ kind string }

func (e *unknownKind) Error() string { return "tema: tata letak \"" + e.kind + "\" tidak ada" }

// The rest are small helpers the layouts share.

// nl is a line break in the page's HTML. The layouts write one where
// the html/template theme they replace did, so that pages come out byte
// for byte as before (the golden tests compare them).
var nl = templ.Raw("\n")

// escaper escapes text as html/template did: the five characters every
// HTML escaper escapes, and "+" (as &#43;) and NUL. Most layout values go
// through templ's own escaping ({ value }), which leaves "+" as it is;
// the few that carry a "+" on every page (times, phone numbers, the
// policy's hashes, URLs with a query) go through this one, so that the
// pages did not change bytes when the theme moved to templ.
var escaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// text writes s as HTML text, escaped as html/template did.
func text(s string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := escaper.WriteString(w, s)
		return err
	})
}

// element writes an element's start tag with one attribute escaped as
// html/template did, its children, and its end tag. href must already be
// safe in a URL attribute (see linkTo).
func element(name, attrs, attr, value string) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		if _, err := io.WriteString(w, "<"+name+attrs+" "+attr+`="`+escaper.Replace(value)+`">`); err != nil {
			return err
		}
		if err := templ.GetChildren(ctx).Render(ctx, w); err != nil {
			return err
		}
		_, err := io.WriteString(w, "</"+name+">")
		return err
	})
}

// timeTag is a <time> element whose datetime is the "+07:00" of WIB.
func timeTag(datetime string) templ.Component { return element("time", "", "datetime", datetime) }

// linkTo is an <a> element (class may be "") to one of the theme's own
// links with a query, whose "+" signs stand for spaces: an OpenStreetMap
// search or a WhatsApp message. Only http(s) links are written.
func linkTo(class, href string) templ.Component {
	if templ.URL(href) != templ.SafeURL(href) {
		href = string(templ.FailedSanitizationURL)
	}
	attrs := ""
	if class != "" {
		attrs = ` class="` + escaper.Replace(class) + `"`
	}
	return element("a", attrs, "href", href)
}

// cspMeta is the page's Content-Security-Policy.
func cspMeta(policy string) templ.Component {
	return templ.Raw(`<meta http-equiv="Content-Security-Policy" content="` + escaper.Replace(policy) + `">`)
}

// style is the inline stylesheet: the theme's CSS and the site's validated
// accent colour, both ours, so written as they are.
func style(css string) templ.Component {
	if strings.Contains(strings.ToLower(css), "</style") {
		css = "" // cannot come from the theme and a colour; never end the element early
	}
	return templ.Raw("<style>" + css + "</style>")
}

// jsonLD is the page's structured data block.
func jsonLD(v *render.View) templ.Component {
	if v.JSONLD == nil {
		return templ.NopComponent
	}
	return templ.Raw(`<script type="application/ld+json">` + render.JSONText(v.JSONLD) + `</script>`)
}

func date(d model.Date) string { return dateOr(d.Time, locale.Date) }

func isoDate(d model.Date) string {
	return dateOr(d.Time, func(t time.Time) string { return t.In(locale.WIB).Format(time.RFC3339) })
}

func dateOr(t time.Time, f func(time.Time) string) string {
	if t.IsZero() {
		return ""
	}
	return f(t)
}

// cardClass is a card's class: "text" when it has no photo.
func cardClass(base string, c render.Card) string {
	if c.Thumb == "" {
		return base + " text"
	}
	return base
}

func trimSlash(s string) string { return strings.TrimPrefix(s, "/") }

// themeColor is the browser's colour for the site: its accent.
func themeColor(v *render.View) string {
	if v.Site != nil && v.Site.Accent != "" {
		return v.Site.Accent
	}
	return "#0b6e4f"
}

// icon is the site's logo, or the theme's.
func icon(v *render.View) string {
	if v.Site != nil && v.Site.Logo != "" {
		return v.Href(trimSlash(v.Site.Logo))
	}
	return v.Href("favicon.svg")
}

func itoa(n int) string { return strconv.Itoa(n) }

func rupiah(n int64) string      { return locale.Rupiah(n) }
func rupiahShort(n int64) string { return locale.RupiahShort(n) }

// sortedKeys are a map's keys in order, as a page lists a UMKM's links.
func sortedKeys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }

// viewBox is a chart's SVG viewBox.
func viewBox(c *render.Chart) string { return "0 0 " + itoa(c.Width) + " " + itoa(c.Height) }

// bar is one bar of a chart: a <rect>, written as SVG writes it.
func bar(b render.Bar) string {
	class, fill := "bar", "#0b6e4f"
	if b.Apart {
		class, fill = "bar apart", "#8a949e"
	}
	return fmt.Sprintf(`<rect class="%s" x="%d" y="%d" width="%d" height="%d" rx="3" fill="%s"/>`, class, b.BarX(), b.Y, b.Length, b.BarHeight(), fill)
}

// groupClass is a planning stage's section class.
func groupClass(g render.PlanGroup) string {
	if g.Apart {
		return "block stage-group apart"
	}
	return "block stage-group"
}

// cardList is a list's cards, or the error that kept them from rendering.
type cardList struct {
	cards []render.Card
	err   error
}

func cards(c []render.Card, err error) cardList { return cardList{c, err} }
