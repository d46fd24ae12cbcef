// Package phone normalises the Indonesian telephone numbers that editors
// write in front matter, for WhatsApp links and for display.
//
// It takes a number as people write it ("0812-3456-7890",
// "+62 812 3456 7890", "(0341) 551234") and gives the digits that
// https://wa.me/ expects ("6281234567890"), or a readable form of them
// ("+62 812-3456-7890"). Landlines are accepted too: the package checks the
// shape of a number, not whether WhatsApp knows it.
package phone

import "strings"

// Lengths of a normalised number in digits, country code included.
const (
	minDigits = 10
	maxDigits = 15
)

// WhatsApp normalises s to the digits of an international Indonesian
// number, as https://wa.me/ expects them, and reports whether s is one.
//
// Spaces (including no-break spaces and tabs), dots, hyphens and
// parentheses are ignored, and a single "+" may lead. A national number's
// leading 0 becomes the country code 62; a number without 0 or +62 must
// already start with 62. The result starts with "62", is followed by a
// digit other than 0, and is 10 to 15 digits long; anything else, including
// any other character in s, gives "", false.
func WhatsApp(s string) (string, bool) {
	s = strings.TrimSpace(s)
	plus := strings.HasPrefix(s, "+")
	if plus {
		s = s[1:]
	}
	d := make([]byte, 0, len(s)+1)
	for _, r := range s {
		switch {
		case '0' <= r && r <= '9':
			d = append(d, byte(r))
		case r == ' ', r == '\t', r == '\u00A0', r == '.', r == '-', r == '(', r == ')':
		default:
			return "", false
		}
	}
	n := string(d)
	if !plus && strings.HasPrefix(n, "0") {
		n = "62" + n[1:]
	}
	if len(n) < minDigits || len(n) > maxDigits || !strings.HasPrefix(n, "62") || n[2] == '0' {
		return "", false
	}
	return n, true
}

// Display formats a number for people to read. It normalises s as
// WhatsApp does, then writes "+62" and a space. A mobile number (8 after
// the country code) follows as its three-digit prefix and the rest in
// groups of four: "+62 812-3456-7890". A landline follows as its area code
// (two digits for Jakarta, Bandung, Semarang, Surabaya and Medan, three
// elsewhere), a space, and the subscriber's number with its last four
// digits apart: "+62 21 555-1234", "+62 341 55-1234". When s is not a number
// WhatsApp accepts, Display returns s unchanged.
func Display(s string) string {
	n, ok := WhatsApp(s)
	if !ok {
		return s
	}
	var b strings.Builder
	b.WriteString("+62 ")
	if n[2] == '8' {
		b.WriteString(n[2:5])
		for i := 5; i < len(n); i += 4 {
			b.WriteByte('-')
			b.WriteString(n[i:min(i+4, len(n))])
		}
		return b.String()
	}
	area := 3
	switch n[2:4] {
	case "21", "22", "24", "31", "61":
		area = 2
	}
	b.WriteString(n[2 : 2+area])
	b.WriteByte(' ')
	rest := n[2+area:]
	if len(rest) > 5 {
		b.WriteString(rest[:len(rest)-4])
		b.WriteByte('-')
		rest = rest[len(rest)-4:]
	}
	b.WriteString(rest)
	return b.String()
}
