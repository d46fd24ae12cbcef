package render

import (
	"cmp"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/privacy"
)

// Share previews. WhatsApp, Facebook and X show og:image only when it is an
// absolute JPEG or PNG URL (WhatsApp ignores WebP), so every page names one:
// the page's own photo when it shows one (its 1200×630 crop, see package
// images), otherwise a card kimsite draws at build time, og.png beside the
// page: the page's title in large white letters on the site's accent
// colour, the kelurahan and its kecamatan below (sharecards.go has which pages
// get one). The home page and the lists without a card of their own share
// the site's default, static/og.png or static/og.jpg when the KIM put one
// there, otherwise a card with the kelurahan's name. A logo is not used:
// logos are usually SVG, which no share preview shows, and too small for a
// preview anyway.
//
// A city has thousands of pages without a photo, so a card must be cheap:
// it is a 16-colour PNG (the accent, white, and the shades between for the
// letters' edges) that kimsite encodes itself, its letters come from a
// glyph cache that rasterizes each letter once per build, and the encoded
// card is kept in the photo cache under a hash of its text and colour
// (Renderer.card), so an unchanged page never draws it again.

// ogName is the name of a drawn share image: the site's default at its
// root, and a page's own in its folder. Content refuses a file of that
// name where a page's card goes.
const ogName = content.ShareCard

// Share image size, as Open Graph recommends.
const ogWidth, ogHeight = 1200, 630

// defaultAccent is the theme's --accent, for sites that set none.
const defaultAccent = "#0b6e4f"

// cardVersion changes whenever the same card would be drawn differently,
// so that cached cards of an older drawing are not reused.
const cardVersion = "card-1"

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

// card is the text and colour of one drawn share image: everything that
// changes its pixels besides the drawing code. Its text comes only from
// fields content has checked (titles hold no NIK: content refuses them)
// and from sites.yaml and the theme.
type card struct {
	Title  string // in large letters
	Badge  string // a label above the title (a clarification's verdict), or ""
	Name   string // below: the kelurahan, or the portal; "" for none
	Line   string // below the name: the kecamatan and city, or a tagline
	Accent string // "#rrggbb"; "" for the theme's
}

// key is the card's name in the cache: a hash of its fields, the drawing
// version, the fonts and the Go release (whose deflate writes the bytes).
func (c card) key(fonts string) string {
	h := sha256.New()
	for _, s := range []string{cardVersion, runtime.Version(), fonts, c.Title, c.Badge, c.Name, c.Line, cmp.Or(c.Accent, defaultAccent)} {
		h.Write([]byte(strconv.Itoa(len(s))))
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// The card's layout, in pixels. WhatsApp crops a preview to a square on
// some phones, so the text starts well inside the left edge.
const (
	ogMargin   = 80
	ogTextTop  = 70  // the badge's top, or the title area's
	ogTextEnd  = 440 // the title area's bottom
	ogRuleY    = 466 // the white rule above the name
	ogNameBase = 530 // the name's baseline
	ogLineBase = 578 // the line's baseline
	badgeH     = 52
	badgePad   = 18
	maxTitle   = 300 // runes of a title considered: more never fits
)

// titleSizes are the title's font sizes, largest first, and the most
// lines each may take: a long title is drawn smaller rather than cut.
var titleSizes = []struct{ size, lines int }{{76, 3}, {64, 4}, {54, 4}, {46, 4}}

// painter draws cards. It parses the fonts once and keeps each letter it
// has rasterized, per font and size: opentype rasterizes a letter on every
// use otherwise. It is safe for concurrent use; the layout, which needs
// the fonts, takes the lock, and the painting of the pixels does not.
type painter struct {
	once          sync.Once
	err           error
	bold, regular *sfnt.Font
	fonts         string // a hash of both fonts, for card keys

	mu    sync.Mutex
	faces map[faceKey]*face

	// Canvases of earlier cards, reused: clearing a new one was a tenth
	// of a card's time, and a zlib writer's tables as much again. Not a
	// sync.Pool, which every garbage collection empties: a build collects
	// often, and each new canvas is a megabyte and a half from the system.
	freeMu sync.Mutex
	free   []*canvas
}

// canvas returns a clear canvas.
func (p *painter) canvas() *canvas {
	p.freeMu.Lock()
	defer p.freeMu.Unlock()
	if n := len(p.free); n > 0 {
		cv := p.free[n-1]
		p.free = p.free[:n-1]
		return cv
	}
	return &canvas{cov: make([]uint8, ogWidth*ogHeight), dirty: make([]bool, ogHeight)}
}

// release clears the rows cv has painted and keeps it for the next card:
// as many as there are cores, which is as many as draw at once.
func (p *painter) release(cv *canvas) {
	for y, d := range cv.dirty {
		if d {
			clear(cv.cov[y*ogWidth : (y+1)*ogWidth])
			cv.dirty[y] = false
		}
	}
	p.freeMu.Lock()
	defer p.freeMu.Unlock()
	if len(p.free) < runtime.GOMAXPROCS(0) {
		p.free = append(p.free, cv)
	}
}

type faceKey struct {
	bold bool
	size int
}

// face is one font at one size with the letters it has rasterized.
type face struct {
	f      font.Face // not safe for concurrent use: under painter.mu
	sf     *sfnt.Font
	buf    sfnt.Buffer
	ascent int
	glyphs map[rune]*glyph
	kerns  map[[2]rune]fixed.Int26_6
}

// glyph is one rasterized letter, for a dot on a whole pixel (with full
// hinting, advances are whole pixels, so every dot is on one).
type glyph struct {
	adv  fixed.Int26_6
	rect image.Rectangle // relative to the dot
	mask []uint8         // coverage, rect.Dx() by rect.Dy()
}

func (p *painter) init() error {
	p.once.Do(func() {
		if p.bold, p.err = opentype.Parse(gobold.TTF); p.err != nil {
			return
		}
		if p.regular, p.err = opentype.Parse(goregular.TTF); p.err != nil {
			return
		}
		h := sha256.New()
		h.Write(gobold.TTF)
		h.Write(goregular.TTF)
		p.fonts = hex.EncodeToString(h.Sum(nil))
		p.faces = map[faceKey]*face{}
	})
	return p.err
}

// face returns a font at a size; the caller holds p.mu.
func (p *painter) face(bold bool, size int) (*face, error) {
	k := faceKey{bold, size}
	if f := p.faces[k]; f != nil {
		return f, nil
	}
	sf := p.regular
	if bold {
		sf = p.bold
	}
	of, err := opentype.NewFace(sf, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	f := &face{f: of, sf: sf, ascent: of.Metrics().Ascent.Ceil(), glyphs: map[rune]*glyph{}, kerns: map[[2]rune]fixed.Int26_6{}}
	p.faces[k] = f
	return f, nil
}

// has reports whether the font draws r; a missing letter would be a box.
func (f *face) has(r rune) bool {
	i, err := f.sf.GlyphIndex(&f.buf, r)
	return err == nil && i != 0
}

// glyph returns r rasterized, from the cache after its first use.
func (f *face) glyph(r rune) *glyph {
	if g := f.glyphs[r]; g != nil {
		return g
	}
	g := &glyph{}
	dr, mask, mp, adv, ok := f.f.Glyph(fixed.Point26_6{}, r)
	if ok {
		g.adv, g.rect = adv, dr
		g.mask = make([]uint8, dr.Dx()*dr.Dy())
		if a, isAlpha := mask.(*image.Alpha); isAlpha {
			for y := range dr.Dy() {
				start := a.PixOffset(mp.X, mp.Y+y)
				copy(g.mask[y*dr.Dx():(y+1)*dr.Dx()], a.Pix[start:start+dr.Dx()])
			}
		} else {
			for y := range dr.Dy() {
				for x := range dr.Dx() {
					_, _, _, al := mask.At(mp.X+x, mp.Y+y).RGBA()
					g.mask[y*dr.Dx()+x] = uint8(al >> 8)
				}
			}
		}
	}
	f.glyphs[r] = g
	return g
}

func (f *face) kern(a, b rune) fixed.Int26_6 {
	k := [2]rune{a, b}
	v, ok := f.kerns[k]
	if !ok {
		v = f.f.Kern(a, b)
		f.kerns[k] = v
	}
	return v
}

// width is the width of s in pixels, as place lays it out.
func (f *face) width(s string) int {
	x, prev := fixed.Int26_6(0), rune(-1)
	for _, r := range s {
		if prev >= 0 {
			x += f.kern(prev, r)
		}
		x += f.glyph(r).adv
		prev = r
	}
	return x.Ceil()
}

// placed is a letter at its place on the card.
type placed struct {
	g      *glyph
	x, y   int  // the dot
	invert bool // dark on the badge rather than white on the accent
}

// layout is a card's letters and white boxes, ready to paint.
type layout struct {
	letters []placed
	boxes   []image.Rectangle
	texts   []string // each line drawn
}

// place lays out one line of text with its dot at (x, y).
func (l *layout) place(f *face, s string, x, y int, invert bool) {
	l.texts = append(l.texts, s)
	dot, prev := fixed.I(x), rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot += f.kern(prev, r)
		}
		g := f.glyph(r)
		l.letters = append(l.letters, placed{g, dot.Round(), y, invert})
		dot += g.adv
		prev = r
	}
}

// rightToLeft are the scripts written from right to left: a card draws
// its letters left to right, so they would read backwards. The Go fonts
// have none of them today; this keeps it so if they gain one.
var rightToLeft = []*unicode.RangeTable{unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic, unicode.Adlam}

// cleanText is text as the fonts can draw it, on one line: composed
// (NFC), without the combining marks that are left (stacks of them would
// climb over the lines above), control and format characters
// (right-to-left overrides, zero-width joiners), and with any letter the
// font lacks (emoji, Javanese or Arabic script) dropped in favour of a
// space rather than drawn as a box (as is a right-to-left letter).
func cleanText(f *face, s string) string {
	var b strings.Builder
	n := 0
	for _, r := range norm.NFC.String(s) {
		switch {
		case unicode.IsSpace(r):
			r = ' '
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Cc, unicode.Cs, unicode.Co):
			continue
		case !f.has(r) || unicode.In(r, rightToLeft...):
			r = ' '
		}
		b.WriteRune(r)
		if n++; n > maxTitle*2 {
			break
		}
	}
	words := strings.Fields(b.String())
	out := strings.Join(words, " ")
	if len([]rune(out)) > maxTitle {
		out = string([]rune(out)[:maxTitle])
	}
	return out
}

// hasIDNumber reports whether any of texts holds what reads as an NIK or
// KK number.
func hasIDNumber(texts []string) bool {
	for _, t := range texts {
		if len(privacy.FindIDNumbers(t)) > 0 {
			return true
		}
	}
	return false
}

// wrap breaks text into lines that fit width in f. A word wider than a
// line is broken between letters. It gives at most n lines, the last
// ending in "…" when the text does not fit, and whether it all fitted.
func wrap(f *face, text string, width, n int) ([]string, bool) {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(text) {
		next := w
		if cur != "" {
			next = cur + " " + w
		}
		if f.width(next) <= width {
			cur = next
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		// A word longer than a line: as many letters as fit, then more.
		cur = ""
		for _, r := range w {
			if cur != "" && f.width(cur+string(r)) > width {
				lines = append(lines, cur)
				cur = ""
			}
			cur += string(r)
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) <= n {
		return lines, true
	}
	lines = lines[:n]
	last := []rune(lines[n-1])
	for len(last) > 0 && f.width(string(last)+"…") > width {
		last = last[:len(last)-1]
	}
	lines[n-1] = strings.TrimRight(string(last), " ,.;:-") + "…"
	return lines, false
}

// layout places the card's text, under the painter's lock; it returns
// nil when the title has nothing the fonts can draw.
func (p *painter) layout(c card) (*layout, error) {
	if err := p.init(); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	l := &layout{}
	width := ogWidth - 2*ogMargin
	top := ogTextTop
	if c.Badge != "" {
		bf, err := p.face(true, 30)
		if err != nil {
			return nil, err
		}
		if badge := cleanText(bf, strings.ToUpper(c.Badge)); badge != "" {
			lines, _ := wrap(bf, badge, width-2*badgePad, 1)
			w := bf.width(lines[0]) + 2*badgePad
			l.boxes = append(l.boxes, image.Rect(ogMargin, top, ogMargin+w, top+badgeH))
			l.place(bf, lines[0], ogMargin+badgePad, top+(badgeH+bf.ascent*7/10)/2, true)
			top += badgeH + 36
		}
	}
	var lines []string
	var tf *face
	lh := 0
	for _, s := range titleSizes {
		f, err := p.face(true, s.size)
		if err != nil {
			return nil, err
		}
		title := cleanText(f, c.Title)
		if title == "" {
			return nil, nil
		}
		lh = s.size * 6 / 5
		n := min(s.lines, (ogTextEnd-top)/lh)
		var fits bool
		lines, fits = wrap(f, title, width, n)
		tf = f
		if fits {
			break
		}
	}
	// The title block sits in the middle of the space above the rule.
	block := tf.ascent + (len(lines)-1)*lh
	y := top + (ogTextEnd-top-block)/2 + tf.ascent
	for _, line := range lines {
		l.place(tf, line, ogMargin, y, false)
		y += lh
	}
	l.boxes = append(l.boxes, image.Rect(ogMargin, ogRuleY, ogWidth-ogMargin, ogRuleY+6))
	nameFace, err := p.face(true, 38)
	if err != nil {
		return nil, err
	}
	lineFace, err := p.face(false, 30)
	if err != nil {
		return nil, err
	}
	lineBase := ogLineBase
	if name := cleanText(nameFace, c.Name); name != "" {
		n, _ := wrap(nameFace, name, width, 1)
		l.place(nameFace, n[0], ogMargin, ogNameBase, false)
	} else {
		lineBase = ogNameBase + 8
	}
	if line := cleanText(lineFace, c.Line); line != "" {
		n, _ := wrap(lineFace, line, width, 1)
		l.place(lineFace, n[0], ogMargin, lineBase, false)
	}
	// The text drawn must hold no identity number. Content has checked
	// every field a card takes, but dropping what the fonts lack can
	// join digits it kept apart ("3573🎉0145…" draws as "3573 0145…",
	// which a reader takes for one number), and so can breaking a long
	// run of digits between lines: such a card is not drawn.
	if hasIDNumber(append(l.texts, strings.Join(lines, " "), cleanText(tf, c.Title))) {
		return nil, nil
	}
	return l, nil
}

// draw returns the card as a PNG, or nil when its title has nothing the
// fonts can draw.
func (p *painter) draw(c card) ([]byte, error) {
	l, err := p.layout(c)
	if l == nil || err != nil {
		return nil, err
	}
	return p.paint(c, l)
}

// paint draws a card from its layout.
func (p *painter) paint(c card, l *layout) ([]byte, error) {
	// Coverage of white, one byte a pixel; the palette turns it into
	// colour when the rows are encoded. Only rows with something on them
	// are painted, and cleared again for the next card.
	cv := p.canvas()
	defer p.release(cv)
	cov, bounds := cv.cov, image.Rect(0, 0, ogWidth, ogHeight)
	for _, b := range l.boxes {
		b = b.Intersect(bounds)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			cv.dirty[y] = true
			row := cov[y*ogWidth+b.Min.X : y*ogWidth+b.Max.X]
			for i := range row {
				row[i] = 0xff
			}
		}
	}
	for _, pl := range l.letters {
		g := pl.g
		r := g.rect.Add(image.Pt(pl.x, pl.y))
		clip := r.Intersect(bounds)
		for y := clip.Min.Y; y < clip.Max.Y; y++ {
			cv.dirty[y] = true
			src := g.mask[(y-r.Min.Y)*r.Dx():]
			dst := cov[y*ogWidth:]
			for x := clip.Min.X; x < clip.Max.X; x++ {
				a := uint32(src[x-r.Min.X])
				if a == 0 {
					continue
				}
				d := uint32(dst[x])
				if pl.invert {
					dst[x] = uint8(d * (255 - a) / 255)
				} else {
					dst[x] = uint8(d + (255-d)*a/255)
				}
			}
		}
	}
	accent := parseHex(cmp.Or(c.Accent, defaultAccent))
	pal := make([]color.RGBA, 16)
	for i := range pal {
		pal[i] = mix(accent, color.RGBA{255, 255, 255, 255}, i, len(pal)-1)
	}
	return encodePNG4(cv, ogWidth, ogHeight, pal)
}

// canvas is a card's coverage, one byte a pixel, which rows have anything
// but the accent, and the zlib writer that encodes it.
type canvas struct {
	cov   []uint8
	dirty []bool
	zw    *zlib.Writer
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
