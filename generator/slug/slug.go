// Package slug turns titles and names into the URL path segments used
// throughout a site, such as "kerja-bakti-rw-05-dan-senam-pagi".
//
// It takes any string and gives a slug: lowercase ASCII letters and
// digits in words joined by single hyphens, at most MaxLen bytes long.
// Latin letters with diacritics are folded to their base letters
// ("Café Ñoño" becomes "cafe-nono"), "&" is spelled "dan", apostrophes
// vanish without splitting the word ("Jum'at" becomes "jumat"), and every
// other character separates words. Letters of other scripts have no ASCII
// spelling here and separate words too; Make returns "" when nothing usable
// is left, and the caller decides what to do then.
package slug

import (
	"strings"
	"unicode"
)

// MaxLen is the longest slug Make returns, in bytes. Longer slugs are cut
// at a hyphen where there is one, so a word is not cut in half.
const MaxLen = 80

// Make returns the slug of s, or "" when s has no letter or digit that can
// be spelled in ASCII.
func Make(s string) string {
	b := make([]byte, 0, len(s))
	gap := false // a separator was seen since the last letter or digit
	word := func(w string) {
		if gap && len(b) > 0 {
			b = append(b, '-')
		}
		gap = false
		b = append(b, w...)
	}
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			word(string(r))
		case 'A' <= r && r <= 'Z':
			word(string(r + 'a' - 'A'))
		case r == '&':
			gap = true
			word("dan")
			gap = true
		case silent(r):
			// Part of the word it sits in: no letter and no hyphen.
		default:
			if f := fold(r); f != "" {
				word(f)
			} else {
				gap = true
			}
		}
	}
	return cut(string(b))
}

// Valid reports whether s is a well-formed slug: what Make would return
// unchanged, and not empty.
func Valid(s string) bool {
	if s == "" || len(s) > MaxLen || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// cut shortens a slug to MaxLen bytes, at the last hyphen that fits when
// there is one.
func cut(s string) string {
	if len(s) <= MaxLen {
		return s
	}
	if i := strings.LastIndexByte(s[:MaxLen+1], '-'); i > 0 {
		return s[:i]
	}
	return s[:MaxLen]
}

// silent reports whether r is dropped without separating words: the
// apostrophes of "Jum'at" and "Ma’ruf", combining diacritical marks,
// which leave their base letter behind ("e" + U+0301 becomes "e"), and
// the invisible format characters text pasted from Word or the web
// carries inside words (a soft hyphen in "Ker\u00ADja", a zero-width
// space or joiner, a byte order mark).
func silent(r rune) bool {
	switch r {
	case '\'', '`', '\u00B4', '\u02BB', '\u02BC', '\u2018', '\u2019':
		return true
	}
	return '\u0300' <= r && r <= '\u036F' || unicode.Is(unicode.Cf, r)
}
