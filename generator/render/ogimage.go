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

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

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

// ogCache keeps the drawn images by accent colour and text: drawing takes
// tens of milliseconds.
type ogCache struct {
	mu     sync.Mutex
	images map[[3]string][]byte
}

// image returns the default share image for an accent ("" for the theme's)
// with a name in large letters and a line below it.
func (c *ogCache) image(accent, name, line string) ([]byte, error) {
	key := [3]string{accent, name, line}
	c.mu.Lock()
	defer c.mu.Unlock()
	if img, ok := c.images[key]; ok {
		return img, nil
	}
	img, err := drawOGImage(accent, name, line)
	if err != nil {
		return nil, err
	}
	if c.images == nil {
		c.images = map[[3]string][]byte{}
	}
	c.images[key] = img
	return img, nil
}

// ogMargin is the space around the text; WhatsApp crops a preview to a
// square on some phones, so the text starts well inside the left edge.
const ogMargin = 80

// drawOGImage draws a default share image: the name in white bold letters
// on the accent colour, wrapped to at most three lines, with a smaller line
// (the kecamatan and city) below and a white band under it. The font is Go
// Bold, which ships with the module, so every machine draws the same
// bytes: builds stay reproducible.
func drawOGImage(accentHex, name, line string) ([]byte, error) {
	accent := parseHex(cmp.Or(accentHex, defaultAccent))
	// A palette from the accent to white: the letters' anti-aliased edges
	// need the shades between, and a paletted PNG stays small.
	pal := make(color.Palette, 16)
	for i := range pal {
		pal[i] = mix(accent, color.RGBA{255, 255, 255, 255}, i, len(pal)-1)
	}
	// The letters are drawn as coverage into an alpha mask, then each
	// pixel's coverage picks its shade: drawing straight onto a paletted
	// image searches the palette for every pixel, five times slower.
	mask := image.NewAlpha(image.Rect(0, 0, ogWidth, ogHeight))
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, err
	}
	big, err := opentype.NewFace(bold, &opentype.FaceOptions{Size: 76, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	defer big.Close()
	small, err := opentype.NewFace(bold, &opentype.FaceOptions{Size: 38, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	defer small.Close()
	lines := wrap(big, name, ogWidth-2*ogMargin, 3)
	y := 330 - 45*len(lines)
	for _, l := range lines {
		d := font.Drawer{Dst: mask, Src: image.Opaque, Face: big, Dot: fixed.P(ogMargin, y)}
		d.DrawString(l)
		y += 92
	}
	for _, l := range wrap(small, line, ogWidth-2*ogMargin, 1) {
		d := font.Drawer{Dst: mask, Src: image.Opaque, Face: small, Dot: fixed.P(ogMargin, y+8)}
		d.DrawString(l)
	}
	for yy := ogHeight - 90; yy < ogHeight-70; yy++ {
		for x := ogMargin; x < ogWidth-ogMargin; x++ {
			mask.Pix[yy*mask.Stride+x] = 0xff
		}
	}
	img := image.NewPaletted(mask.Rect, pal)
	last := len(pal) - 1
	for i, a := range mask.Pix {
		img.Pix[i] = uint8((int(a)*last + 127) / 255)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// wrap breaks text into at most n lines that fit width pixels in face; the
// last line ends in "…" when the text is longer.
func wrap(face font.Face, text string, width, n int) []string {
	var lines []string
	cur := ""
	words := strings.Fields(text)
	for i, w := range words {
		next := strings.TrimSpace(cur + " " + w)
		if cur != "" && font.MeasureString(face, next).Ceil() > width {
			lines = append(lines, cur)
			if len(lines) == n {
				last := lines[n-1]
				for font.MeasureString(face, last+"…").Ceil() > width && strings.Contains(last, " ") {
					last = last[:strings.LastIndex(last, " ")]
				}
				lines[n-1] = last + "…"
				return lines
			}
			cur = w
		} else {
			cur = next
		}
		_ = i
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// mix is the colour i/n of the way from a to b.
func mix(a, b color.RGBA, i, n int) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8((int(x)*(n-i) + int(y)*i) / n) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 255}
}

// parseHex reads "#rrggbb"; config has checked the form.
func parseHex(s string) color.RGBA {
	n, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil {
		n = 0x0b6e4f
	}
	return color.RGBA{uint8(n >> 16), uint8(n >> 8), uint8(n), 255}
}
