package render

import (
	"fmt"

	"github.com/kotamalang/kimsite/generator/color"
)

// The backgrounds link text sits on, as style.css defines them (--soft in
// the light scheme, --card in the dark one): the accent's text tints are
// made readable on these, the harder of each scheme's two backgrounds.
var (
	lightBackground = color.RGB{R: 0xf1, G: 0xf4, B: 0xf6}
	darkBackground  = color.RGB{R: 0x1a, G: 0x1f, B: 0x25}
)

// accentCSS sets a site's accent colour and the tints of it that links use
// in each colour scheme, each with at least 4.5:1 contrast (WCAG 2.1 AA).
// It comes after the theme's rules, so it overrides their defaults.
func accentCSS(accent string) string {
	c, ok := color.Parse(accent)
	if !ok {
		return ""
	}
	return fmt.Sprintf(":root{--accent:%s;--accent-text:%s;--accent-text-dark:%s}",
		c, color.Readable(c, lightBackground, 4.6), color.Readable(c, darkBackground, 4.6))
}
