// Package privacy finds residents' identity numbers in text so that they
// are never published.
//
// It takes text (front matter values, Markdown) and gives the places where
// a 16-digit number has the structure of an NIK (Nomor Induk
// Kependudukan, the identity card number) or a KK number (Kartu Keluarga,
// the family card). Both are written as a 6-digit region code (province,
// regency, district), a 6-digit date (DDMMYY) and a 4-digit sequence:
//
//	35 73 01  45 06 90  0001
//	│  │  │   │  │  │   └ sequence; an NIK's is never 0000
//	│  │  │   │  │  └ year
//	│  │  │   │  └ month
//	│  │  │   └ day: of birth for an NIK, plus 40 for women;
//	│  │  │     of issue for a KK
//	│  │  └ district (kecamatan), never 00
//	│  └ regency or city, never 00
//	└ province, from the list of Indonesian province codes
//
// Checking the structure keeps order numbers, amounts and other long
// numbers from being reported, while any real NIK or KK is.
package privacy

import (
	"slices"
	"strings"
)

// Match is an identity number found in a text.
type Match struct {
	// Offset is the byte offset in the text of the number's first digit.
	Offset int
	// Number is the number's 16 ASCII digits, without the separators,
	// markup or invisible characters it may have been written with.
	Number string
}

// FindIDNumbers returns the numbers in plain text that look like an NIK
// or a KK, in the order they appear. Offsets are into text.
//
// The text is read as a reader sees it (see visible.go): digits of any
// script count, and so do full-width or other compatibility forms;
// invisible characters such as a zero-width space do not separate digits.
// A number counts when its 16 digits are written together, not as part of
// a longer run of digits, or in groups separated by up to three spaces,
// dots, hyphens, slashes, underscores, asterisks or tildes, as in "3573 0145 0690 0001",
// "35.73.01.45.06.90.0001" or "3573 - 0145 - 0690 - 0001", even among
// other groups of digits. It does not count when written as an amount
// with thousands separators ("3.573.014.506.900.001"), when its 16 digits
// are joined by a single dot or comma to other digits as in "0,3573…",
// or when it is introduced on its line by a word such as "pesanan",
// "invoice" or "transaksi" (an order or payment number), unless a word
// such as "NIK" or "KK" introduces it too. Of those, it returns the ones
// whose region code, date and sequence are possible for an NIK or a KK.
func FindIDNumbers(text string) []Match { return find(newVisible(text, plain)) }

// FindInMarkdown is FindIDNumbers for Markdown source: HTML tags and
// comments hide what is in them, character references such as "&#51;" are
// read as the characters they stand for, and inline markup between digits
// (emphasis, code spans, escapes) does not separate them.
func FindInMarkdown(src string) []Match { return find(newVisible(src, markdown)) }

// FindInHTML is FindIDNumbers for HTML, such as a rendered page: it reads
// the text a browser shows, and the alt, title, href and src attributes
// that a reader sees or a URL carries. Offsets are into html.
func FindInHTML(html string) []Match { return find(newVisible(html, htmlText)) }

// FindInScript is FindIDNumbers for JSON or JavaScript, whose strings may
// write digits as escapes ("\u0033", "\x33").
func FindInScript(src string) []Match { return find(newVisible(src, script)) }

// find returns the identity numbers of a visible text, with offsets into
// the text it was made from.
func find(v *visible) []Match {
	text := string(v.text)
	rs := digitRuns(text)
	var found []Match
	for i := 0; i < len(rs); i++ {
		n := rs.window(text, i)
		switch {
		case n == 0:
			continue
		case n == 1 && (rs.amountJoin(text, i) || rs.amountJoin(text, i+1)):
			continue
		case rs.thousands(text, i, n):
			continue
		}
		var b strings.Builder
		for _, g := range rs[i : i+n] {
			b.WriteString(g.digits(text))
		}
		number := b.String()
		if !plausible(number) && v.bidi {
			number = reverse(number) // a right-to-left override may show it so
		}
		if plausible(number) && !labelledOther(text, rs[i].start) {
			found = append(found, Match{Offset: v.at[rs[i].start], Number: number})
			i += n - 1
		}
	}
	return found
}

// Mask hides all but the first four and the last two characters of an
// identity number, which are enough for a person to recognise their own:
// "3573012345670001" becomes "3573xxxxxxxxxx01". A string of six
// characters or fewer is hidden entirely.
func Mask(n string) string {
	r := []rune(n)
	for i := range r {
		if i >= 4 && i < len(r)-2 || len(r) <= 6 {
			r[i] = 'x'
		}
	}
	return string(r)
}

// Digits returns the digits a reader sees in Markdown source, in order, as
// ASCII digits.
func Digits(src string) string {
	v := newVisible(src, markdown)
	var b strings.Builder
	for _, c := range v.text {
		if isDigit(c) {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Hint says what to do about an identity number.
const Hint = "Nomor identitas warga tidak boleh diterbitkan. Hapus angka itu. Bila angka itu memang bukan NIK/KK, minta pengelola menambahkannya ke allow_numbers di sites.yaml."

func reverse(s string) string {
	b := []byte(s)
	slices.Reverse(b)
	return string(b)
}
