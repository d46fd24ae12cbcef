package slug

import "golang.org/x/text/unicode/norm"

// fold returns the lowercase ASCII spelling of a Latin letter with a
// diacritic or a Latin ligature, such as "e" for 'é', "ss" for 'ß' and
// "ae" for 'Æ', or "" when r has none.
//
// The tables cover Latin-1 Supplement, Latin Extended-A, the Romanian
// and Vietnamese letters of Latin Extended-B, and the Vietnamese block
// of Latin Extended Additional: the letters found in names that residents
// and businesses actually write. Each table is a string with one byte per
// code point; '*' marks a ligature spelled with two letters, and '-' a
// character that is not a letter.
func fold(r rune) string {
	const (
		// U+00C0..U+00FF: À..ÿ. U+00D7 and U+00F7 are × and ÷.
		latin1 = "aaaaaa*ceeeeiiiidnooooo-ouuuuy**" +
			"aaaaaa*ceeeeiiiidnooooo-ouuuuy*y"
		// U+0100..U+017F: Ā..ſ.
		extendedA = "aaaaaa" + "cccccccc" + "dddd" + "eeeeeeeeee" +
			"gggggggg" + "hhhh" + "iiiiiiiiii" + "**" + "jj" + "kkk" +
			"llllllllll" + "nnnnnnnnn" + "oooooo" + "**" + "rrrrrr" +
			"ssssssss" + "tttttt" + "uuuuuuuuuuuu" + "ww" + "yyy" +
			"zzzzzz" + "s"
		// U+1EA0..U+1EF9: Vietnamese Ạ..ỹ.
		vietnamese = "aaaaaaaaaaaaaaaaaaaaaaaa" + "eeeeeeeeeeeeeeee" +
			"iiii" + "oooooooooooooooooooooooo" + "uuuuuuuuuuuuuu" +
			"yyyyyyyy"
	)
	var c byte
	switch {
	case 0xC0 <= r && r <= 0xFF:
		c = latin1[r-0xC0]
	case 0x100 <= r && r <= 0x17F:
		c = extendedA[r-0x100]
	case 0x1EA0 <= r && r <= 0x1EF9:
		c = vietnamese[r-0x1EA0]
	default:
		if f := extendedB(r); f != "" {
			return f
		}
		return decomposed(r)
	}
	switch c {
	case '-':
		return ""
	case '*':
		return ligature(r)
	}
	return string(c)
}

// ligature spells the letters that fold marks with '*'.
func ligature(r rune) string {
	switch r {
	case 'Æ', 'æ':
		return "ae"
	case 'Þ', 'þ':
		return "th"
	case 'ß':
		return "ss"
	case 'Ĳ', 'ĳ':
		return "ij"
	case 'Œ', 'œ':
		return "oe"
	}
	return ""
}

// extendedB folds the few letters of Latin Extended-B that appear in
// names: Romanian ș and ț, Vietnamese ơ and ư, and the pinyin letters with
// a caron.
func extendedB(r rune) string {
	switch r {
	case 'Ơ', 'ơ':
		return "o"
	case 'Ư', 'ư':
		return "u"
	case 'Ș', 'ș':
		return "s"
	case 'Ț', 'ț':
		return "t"
	case 'Ǎ', 'ǎ':
		return "a"
	case 'Ǐ', 'ǐ':
		return "i"
	case 'Ǒ', 'ǒ':
		return "o"
	case 'Ǔ', 'ǔ':
		return "u"
	}
	return ""
}

// decomposed folds any other Latin letter whose canonical decomposition is
// an ASCII letter followed by combining marks, such as the 'ḍ' and 'ḥ' of
// transliterated Arabic ("Ramaḍān", "Ḥaji") that Indonesian names use.
func decomposed(r rune) string {
	d := norm.NFD.String(string(r))
	if len(d) < 2 || d[0] >= 0x80 {
		return ""
	}
	for _, m := range d[1:] {
		if !silent(m) {
			return ""
		}
	}
	c := d[0] | 0x20
	if c < 'a' || c > 'z' {
		return ""
	}
	return string(c)
}
