package render

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

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
