package privacy

import (
	"strings"
	"unicode"
)

// Visible returns text as a reader sees it: without the invisible format
// characters that text pasted from Word or a web page carries (zero-width
// spaces and joiners, soft hyphens, byte order marks) and with no-break
// spaces as plain spaces. "3573\u200b0145..." is the number a resident
// sees, so it is checked as one; line breaks are kept, so a line counted
// in the result is the same line in text.
func Visible(text string) string {
	if !strings.ContainsFunc(text, invisible) {
		return text
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\u00a0' || r == '\u2007' || r == '\u202f':
			return ' '
		case unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, text)
}

func invisible(r rune) bool {
	return r == '\u00a0' || r == '\u2007' || r == '\u202f' || unicode.Is(unicode.Cf, r)
}
