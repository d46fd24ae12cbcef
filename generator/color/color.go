// Package color does the little colour arithmetic the theme needs to keep
// each kelurahan's accent colour readable: WCAG 2.1 contrast ratios, and a
// lighter tint of the accent for dark mode.
//
// It takes colours written as "#rrggbb" and gives ratios and colours in the
// same notation.
package color

import (
	"fmt"
	"math"
	"strconv"
)

// RGB is a colour with 8-bit channels.
type RGB struct{ R, G, B uint8 }

// Parse reads "#rrggbb".
func Parse(s string) (RGB, bool) {
	if len(s) != 7 || s[0] != '#' {
		return RGB{}, false
	}
	n, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return RGB{}, false
	}
	return RGB{uint8(n >> 16), uint8(n >> 8), uint8(n)}, true
}

// String writes the colour as "#rrggbb".
func (c RGB) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Luminance is the WCAG 2.1 relative luminance of the colour, 0 to 1.
func (c RGB) Luminance() float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}

// Contrast is the WCAG 2.1 contrast ratio of two colours, 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Mix returns a blended with b, t of the way from a to b (0 to 1).
func Mix(a, b RGB, t float64) RGB {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return RGB{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B)}
}

// Readable returns c mixed toward white (on a dark bg) or black (on a
// light one) just enough that it reaches ratio against bg: the accent as
// link text in either colour scheme.
func Readable(c, bg RGB, ratio float64) RGB {
	toward := RGB{255, 255, 255}
	if bg.Luminance() > 0.18 {
		toward = RGB{}
	}
	for i := 0; i <= 20; i++ {
		m := Mix(c, toward, float64(i)/20)
		if Contrast(m, bg) >= ratio {
			return m
		}
	}
	return toward
}
