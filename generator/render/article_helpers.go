package render

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/a-h/templ"

	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/model"
)

// T returns the theme's UI string for key.
func (v *View) T(key string) string { return v.theme.Text(key) }

func jsonLDText(x any) string {
	b, _ := json.Marshal(x)
	return string(b)
}

func isoDateOf(d model.Date) string {
	return dateOr(d.Time, func(t time.Time) string { return t.In(locale.WIB).Format(time.RFC3339) })
}

func longDate(d model.Date) string { return dateOr(d.Time, locale.Date) }

// queryEscape escapes s for a URL's query as html/template does: every
// byte but letters, digits and "-._~" as %xx, in lower case.
func queryEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02x", c)
	}
	return b.String()
}

func cardClass(c Card) string {
	if c.Thumb == "" {
		return "card text"
	}
	return "card"
}

// htmlEscaper escapes text as html/template does in text and quoted
// attribute values: html.EscapeString's five characters, "+" (which
// html/template writes as &#43;) and NUL.
var htmlEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// text writes s as HTML text, escaped byte for byte as html/template
// escapes it.
func text(s string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := htmlEscaper.WriteString(w, s)
		return err
	})
}

// timeTag opens a <time> element whose datetime attribute is escaped as
// html/template escapes it (the "+" of "+07:00" as &#43;).
func timeTag(datetime string) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		if _, err := io.WriteString(w, `<time datetime="`+htmlEscaper.Replace(datetime)+`">`); err != nil {
			return err
		}
		if err := templ.GetChildren(ctx).Render(ctx, w); err != nil {
			return err
		}
		_, err := io.WriteString(w, "</time>")
		return err
	})
}

// cspMeta is the page's Content-Security-Policy meta element.
func cspMeta(policy string) templ.Component {
	return templ.Raw(`<meta http-equiv="Content-Security-Policy" content="` + htmlEscaper.Replace(policy) + `">`)
}

// searchIcon is the magnifier of the search link.
const searchIcon = `<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.5"/><path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/></svg>`

// nl is a line break where html/template's minified layouts keep one.
var nl = templ.Raw("\n")
