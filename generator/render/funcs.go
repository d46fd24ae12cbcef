package render

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/kotamalang/kimsite/generator/phone"
	"github.com/kotamalang/kimsite/generator/safeurl"
)

// HumanBytes formats a file size the way Indonesians read it: "1,2 MB".
func HumanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d bita", n)
}

// WhatsAppLink opens a chat with number, with text prefilled when given.
func WhatsAppLink(number, text string) string {
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

// PhoneDisplay writes a phone number as Indonesians read it, "+62 812-…",
// or as it was written when it is not a mobile number.
func PhoneDisplay(number string) string {
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

// LinkName is how a UMKM's links key reads on the page: "gofood" is GoFood.
func LinkName(key string) string {
	if n, ok := shopNames[strings.ToLower(key)]; ok {
		return n
	}
	if key == "" {
		return key
	}
	return strings.ToUpper(key[:1]) + key[1:]
}

// CheckedURL is a front matter URL for a layout's link (see NormalizeURL),
// or "" when the URL policy refuses it. The front matter decoder has already refused
// anything but http(s), mailto and tel; checking again here keeps a layout
// from linking anything else (templ's own check of links would let ftp:
// through).
func CheckedURL(s string) string {
	if safeurl.CheckAbsolute(s) != nil {
		return ""
	}
	return NormalizeURL(s)
}
