package render

import (
	"bytes"
	"cmp"
	"image"
	"image/color"
	"image/png"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/kotamalang/kimsite/generator/content"
)

// Share previews. WhatsApp, Facebook and X show og:image only when it is an
// absolute JPEG or PNG URL (WhatsApp ignores WebP), so every page names one:
// the page's own photo when it is a JPEG or PNG, otherwise the site's
// default. The default is static/og.png or static/og.jpg when the KIM put
// one there; otherwise kimsite draws og.png at build time, a plain card in
// the site's accent colour. A logo is not used: logos are usually SVG,
// which no share preview shows, and too small for a preview anyway.

// ogName is the generated default share image, at the site's root.
const ogName = "og.png"

// Share image size, as Open Graph recommends.
const ogWidth, ogHeight = 1200, 630

// defaultAccent is the theme's --accent, for sites that set none.
const defaultAccent = "#0b6e4f"

// shareImage reports whether a page image can be a share preview.
func shareImage(url string) bool {
	switch strings.ToLower(path.Ext(url)) {
	case ".jpg", ".jpeg", ".png":
		return true
	}
	return false
}

// siteOGImage returns the URL (relative to the site) of the site's default
// share image, and whether kimsite must draw it.
func siteOGImage(s *content.Site) (string, bool) {
	for _, a := range s.Assets {
		if a.URL == "og.png" || a.URL == "og.jpg" {
			return a.URL, false
		}
	}
	return ogName, true
}

// ogCache keeps the drawn images by accent colour: most sites share the
// theme's colour, and drawing takes tens of milliseconds.
type ogCache struct {
	mu     sync.Mutex
	images map[string][]byte
}

// image returns the default share image for an accent ("" for the theme's).
func (c *ogCache) image(accent string) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if img, ok := c.images[accent]; ok {
		return img, nil
	}
	img, err := drawOGImage(accent)
	if err != nil {
		return nil, err
	}
	if c.images == nil {
		c.images = map[string][]byte{}
	}
	c.images[accent] = img
	return img, nil
}

// drawOGImage draws the default share image: the accent colour with a
// white band, as a small paletted PNG. The same colour gives the same
// bytes, so builds stay reproducible.
func drawOGImage(accentHex string) ([]byte, error) {
	accent := parseHex(cmp.Or(accentHex, defaultAccent))
	pal := color.Palette{accent, color.White, blend(accent, color.RGBA{255, 255, 255, 255})}
	img := image.NewPaletted(image.Rect(0, 0, ogWidth, ogHeight), pal)
	// Colour index 0 (the accent) fills the image; draw the band and a mark.
	for y := 430; y < 470; y++ {
		for x := 80; x < ogWidth-80; x++ {
			img.SetColorIndex(x, y, 1)
		}
	}
	for y := 160; y < 400; y++ {
		for x := 80; x < 320; x++ {
			if (x-80)/40%2 == (y-160)/40%2 {
				img.SetColorIndex(x, y, 2)
			}
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// parseHex reads "#rrggbb"; config has checked the form.
func parseHex(s string) color.RGBA {
	n, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil {
		n = 0x0b6e4f
	}
	return color.RGBA{uint8(n >> 16), uint8(n >> 8), uint8(n), 255}
}

// blend mixes two colours half and half.
func blend(a, b color.RGBA) color.RGBA {
	return color.RGBA{uint8((int(a.R) + int(b.R)) / 2), uint8((int(a.G) + int(b.G)) / 2), uint8((int(a.B) + int(b.B)) / 2), 255}
}
