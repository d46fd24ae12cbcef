package render

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/phone"
	"github.com/kotamalang/kimsite/generator/safeurl"
)

// Funcs returns the helpers layouts use for Indonesian formatting and links.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"date":      func(d model.Date) string { return dateOr(d.Time, locale.Date) },
		"shortDate": func(d model.Date) string { return dateOr(d.Time, locale.ShortDate) },
		"timeDate":  func(t time.Time) string { return dateOr(t, locale.ShortDate) },
		"isoDate": func(d model.Date) string {
			return dateOr(d.Time, func(t time.Time) string { return t.In(locale.WIB).Format(time.RFC3339) })
		},
		"rupiah":         locale.Rupiah,
		"rupiahShort":    locale.RupiahShort,
		"number":         func(n int64) string { return locale.Number(n) },
		"bytes":          humanBytes,
		"wa":             whatsAppLink,
		"phone":          phoneDisplay,
		"upper":          strings.ToUpper,
		"add":            func(a, b int) int { return a + b },
		"stagePath":      StagePath,
		"withoutVerdict": WithoutVerdict,
		"linkName":       linkName,
		"checkedURL":     checkedURL,
		"trimSlash":      func(s string) string { return strings.TrimPrefix(s, "/") },
	}
}

func dateOr(t time.Time, f func(time.Time) string) string {
	if t.IsZero() {
		return ""
	}
	return f(t)
}

// humanBytes formats a file size the way Indonesians read it: "1,2 MB".
func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d bita", n)
}

// whatsAppLink opens a chat with number, with text prefilled when given.
func whatsAppLink(number, text string) string {
	n, ok := phone.WhatsApp(number)
	if !ok {
		return ""
	}
	link := "https://wa.me/" + n
	if text != "" {
		link += "?text=" + url.QueryEscape(text)
	}
	return link
}

func phoneDisplay(number string) string {
	if n, ok := phone.WhatsApp(number); ok {
		return phone.Display(n)
	}
	return number
}

// shopNames are the marketplaces and channels volunteers link to most, as
// their owners write them.
var shopNames = map[string]string{"instagram": "Instagram", "tokopedia": "Tokopedia", "shopee": "Shopee",
	"gofood": "GoFood", "grabfood": "GrabFood", "shopeefood": "ShopeeFood", "facebook": "Facebook",
	"tiktok": "TikTok", "youtube": "YouTube", "bukalapak": "Bukalapak", "lazada": "Lazada", "website": "Situs web"}

// linkName is how a UMKM's links key reads on the page: "gofood" is GoFood.
func linkName(key string) string {
	if n, ok := shopNames[strings.ToLower(key)]; ok {
		return n
	}
	if key == "" {
		return key
	}
	return strings.ToUpper(key[:1]) + key[1:]
}

// checkedURL passes a front matter URL to a layout as trusted, so that
// html/template keeps tel: links (which it would otherwise blank out). The
// front matter decoder has already refused anything but http(s), mailto and
// tel; checking again here keeps a layout from trusting anything else.
func checkedURL(s string) template.URL {
	if safeurl.CheckAbsolute(s) != nil {
		return ""
	}
	return template.URL(s)
}
