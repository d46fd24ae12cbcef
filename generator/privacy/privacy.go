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

import "strings"

// Match is an identity number found in a text.
type Match struct {
	// Offset is the byte offset in the text of the number's first digit.
	Offset int
	// Number is the number's 16 digits, without the spaces or hyphens it
	// may have been written with.
	Number string
}

// FindIDNumbers returns the numbers in text that look like an NIK or a KK,
// in the order they appear.
//
// A number counts when its 16 digits are written together, not as part of
// a longer run of digits, and not joined by a dot or a comma to other
// digits as in "1.250.000" or "3,14"; 16-digit numbers joined to each
// other, as in a comma-separated list, still count. It also counts when
// written in the usual groups of 6-6-4 or 4-4-4-4 digits, each separated
// by a single space or hyphen, as in "3573 0145 0690 0001", even among
// other groups of digits. A number right after a "+" is a telephone number
// and does not count, nor does one introduced on its line by a word such
// as "pesanan", "invoice" or "transaksi" (an order or payment number),
// unless a word such as "NIK" or "KK" introduces it too. Of those, it
// returns the ones whose region code, date and sequence are possible for
// an NIK or a KK.
func FindIDNumbers(text string) []Match {
	runs := digitRuns(text)
	var found []Match
	for i := 0; i < len(runs); i++ {
		r := runs[i]
		if r.follows(text, '+') {
			continue
		}
		if r.len() == 16 {
			joined := runs.amountJoin(text, i) || runs.amountJoin(text, i+1)
			if !joined && plausible(r.digits(text)) && !labelledOther(text, r.start) {
				found = append(found, Match{Offset: r.start, Number: r.digits(text)})
			}
			continue
		}
		if n := runs.grouped(text, i); n > 0 {
			var b strings.Builder
			for _, g := range runs[i : i+n] {
				b.WriteString(g.digits(text))
			}
			if plausible(b.String()) && !labelledOther(text, r.start) {
				found = append(found, Match{Offset: r.start, Number: b.String()})
				i += n - 1
			}
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
