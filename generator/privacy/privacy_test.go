package privacy

import (
	"reflect"
	"testing"
)

// Valid numbers used below. 3573 is Kota Malang, 01 its first district.
const (
	nikMan   = "3573010506900001" // born 5 June 1990
	nikWoman = "3573014506900001" // born 5 June 1990: day 05 + 40
	kk       = "3573012304150003" // issued 23 April 2015
)

func TestFindIDNumbersFinds(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Match
	}{
		{"alone", nikMan, []Match{{0, nikMan}}},
		{"woman's NIK", "NIK: " + nikWoman, []Match{{5, nikWoman}}},
		{"KK", "No. KK " + kk + " atas nama", []Match{{7, kk}}},
		{"KK with sequence 0000", "3573012304150000", []Match{{0, "3573012304150000"}}},
		{"4-4-4-4 with spaces", "NIK 3573 0145 0690 0001", []Match{{4, nikWoman}}},
		{"4-4-4-4 with hyphens", "3573-0145-0690-0001", []Match{{0, nikWoman}}},
		{"6-6-4 with spaces", "357301 450690 0001", []Match{{0, nikWoman}}},
		{"6-6-4 with hyphens", "(357301-450690-0001)", []Match{{1, nikWoman}}},
		{"mixed separators", "3573 0145-0690 0001", []Match{{0, nikWoman}}},
		{"in bold", "**" + nikMan + "**", []Match{{2, nikMan}}},
		{"in a table", "| Budi | " + nikMan + " |", []Match{{9, nikMan}}},
		{"before a full stop", "NIK-nya " + nikMan + ". Terima kasih.", []Match{{8, nikMan}}},
		{"before a comma", nikMan + ", lahir 1990", []Match{{0, nikMan}}},
		{"joined to letters", "NIK" + nikMan + "x", []Match{{3, nikMan}}},
		{"after a hyphen", "ID-" + nikMan, []Match{{3, nikMan}}},
		{"before a year", nikMan + " 2020", []Match{{0, nikMan}}},
		{"grouped after other numbers", "RT 03/RW 05 3573 0145 0690 0001", []Match{{12, nikWoman}}},
		{"grouped after a phone number", "0812 3573 0145 0690 0001", []Match{{5, nikWoman}}},
		{"after a multi-byte character", "NIK\uff1a" + nikMan, []Match{{6, nikMan}}},
		{"in a URL", "https://example.id/?nik=" + nikMan + "&x=1", []Match{{24, nikMan}}},
		{"a comma-separated list", nikMan + "," + nikWoman, []Match{{0, nikMan}, {17, nikWoman}}},
		{"two in a text", "Ayah " + nikMan + ", ibu 3573 0145 0690 0001.", []Match{{5, nikMan}, {27, nikWoman}}},
		// A phone number has at most 15 digits (E.164): 16 after a "+" are not one.
		{"16 digits after +", "+" + nikMan, []Match{{1, nikMan}}},
		{"grouped after +", "+3573 0145 0690 0001", []Match{{1, nikWoman}}},
		// Any grouping a reader can read back, with short separators.
		{"grouped after a dotted number", "1.3573 0145 0690 0001", []Match{{2, nikWoman}}},
		{"grouped before a dotted number", "3573 0145 0690 0001.5", []Match{{0, nikWoman}}},
		{"dotted groups", "3573.0145.0690.0001", []Match{{0, nikWoman}}},
		{"pairs", "35 73 01 45 06 90 0001", []Match{{0, nikWoman}}},
		{"dotted pairs", "35.73.01.45.06.90.0001", []Match{{0, nikWoman}}},
		{"4-4-8", "3573 0145 06900001", []Match{{0, nikWoman}}},
		{"3-4-4-4-1", "357 3014 5069 0000 1", []Match{{0, nikWoman}}},
		{"5-5-5-1", "35730 14506 90000 1", []Match{{0, nikWoman}}},
		{"one by one", "3 5 7 3 0 1 4 5 0 6 9 0 0 0 0 1", []Match{{0, nikWoman}}},
		{"double space", "3573  0145 0690 0001", []Match{{0, nikWoman}}},
		{"tabs", "3573\t0145\t0690\t0001", []Match{{0, nikWoman}}},
		{"no-break spaces", "3573\u00a00145\u00a00690\u00a00001", []Match{{0, nikWoman}}},
		{"slashes", "3573/0145/0690/0001", []Match{{0, nikWoman}}},
		{"underscores", "3573_0145_0690_0001", []Match{{0, nikWoman}}},
		{"space and hyphen", "3573 - 0145 - 0690 - 0001", []Match{{0, nikWoman}}},
		{"en dashes", "3573\u20130145\u20130690\u20130001", []Match{{0, nikWoman}}},
		// Characters that look like digits or show nothing.
		{"full-width digits", "\uff13\uff15\uff17\uff13\uff10\uff11\uff14\uff15\uff10\uff16\uff19\uff10\uff10\uff10\uff10\uff11", []Match{{0, nikWoman}}},
		{"Arabic-Indic digits", "\u0663\u0665\u0667\u0663\u0660\u0661\u0664\u0665\u0660\u0666\u0669\u0660\u0660\u0660\u0660\u0661", []Match{{0, nikWoman}}},
		{"mathematical digits", "\U0001D7DB\U0001D7DD\U0001D7DF\U0001D7DB\U0001D7D8\U0001D7D9\U0001D7DC\U0001D7DD\U0001D7D8\U0001D7DE\U0001D7E1\U0001D7D8\U0001D7D8\U0001D7D8\U0001D7D8\U0001D7D9", []Match{{0, nikWoman}}},
		{"zero-width spaces", "3573\u200b0145\u200b0690\u200b0001", []Match{{0, nikWoman}}},
		{"soft hyphens and joiners", "35\u00ad73\u200d01\u206045\ufeff06\u200c90\u200e0001", []Match{{0, nikWoman}}},
		{"combining marks", "3\u03015730145069\u034f00001", []Match{{0, nikWoman}}},
		{"reversed by a right-to-left override", "\u202e1000096054103753\u202c", []Match{{3, nikWoman}}},
		{"29 February", "3573012902000001", []Match{{0, "3573012902000001"}}},
		{"29 February, a woman", "3573016902000001", []Match{{0, "3573016902000001"}}},
		{"31 December, a woman", "3573017112990001", []Match{{0, "3573017112990001"}}},
		{"first of January", "3573010101000001", []Match{{0, "3573010101000001"}}},
		{"Aceh", "1101010101800001", []Match{{0, "1101010101800001"}}},
		{"Bangka Belitung", "1901010101800001", []Match{{0, "1901010101800001"}}},
		{"Kepulauan Riau", "2171010101800001", []Match{{0, "2171010101800001"}}},
		{"Jakarta", "3171010101800001", []Match{{0, "3171010101800001"}}},
		{"Banten", "3671010101800001", []Match{{0, "3671010101800001"}}},
		{"Bali", "5171010101800001", []Match{{0, "5171010101800001"}}},
		{"NTT", "5371010101800001", []Match{{0, "5371010101800001"}}},
		{"Kalimantan Barat", "6171010101800001", []Match{{0, "6171010101800001"}}},
		{"Kalimantan Utara", "6571010101800001", []Match{{0, "6571010101800001"}}},
		{"Sulawesi Utara", "7171010101800001", []Match{{0, "7171010101800001"}}},
		{"Sulawesi Barat", "7601010101800001", []Match{{0, "7601010101800001"}}},
		{"Maluku", "8171010101800001", []Match{{0, "8171010101800001"}}},
		{"Maluku Utara", "8271010101800001", []Match{{0, "8271010101800001"}}},
		{"Papua Barat", "9171010101800001", []Match{{0, "9171010101800001"}}},
		{"Papua Barat Daya", "9701010101800001", []Match{{0, "9701010101800001"}}},
	}
	for _, tt := range tests {
		if got := FindIDNumbers(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: FindIDNumbers(%q) = %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

func TestFindIDNumbersIgnores(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"empty", ""},
		{"no digits", "Kerja bakti RW 05 hari Minggu."},

		// Telephone numbers.
		{"mobile", "081234567890"},
		{"mobile grouped", "0812-3456-7890"},
		{"mobile, 4-4-4", "0812 3456 7890"},
		{"international", "+6281234567890"},
		{"international grouped", "+62 812 3456 7890"},
		{"62 and 14 digits", "6281234567890123"},

		// Amounts and other numbers joined by dots or commas.
		{"rupiah, dots", "Rp1.250.000.000.000.000"},
		{"amount, dots", "1.250.000.000.000.000"},
		{"amount shaped like an NIK", "Rp3.573.014.506.900.001"},
		{"amount, commas", "1,250,000,000,000,000"},
		{"decimal fraction", "0," + nikMan},
		{"decimal part", nikMan + ".5"},
		{"decimal comma", nikMan + ",00"},
		{"after a dotted number", "1." + nikMan},

		// Numbers people write that are not identity numbers.
		{"budget", "Anggaran Rp185.000.000 untuk 3 RW"},
		{"budget without Rp", "pagu 185.000.000, realisasi 184.500.000"},
		{"phone with area code", "(0341) 551234 atau 0812-3456-7890"},
		{"two phones", "0812 3456 7890 / 0341 551234"},
		{"dates", "05-11-2026 s/d 15-11-2026, 2026/11/05 08.30 - 10.00"},
		{"times", "08.30 - 10.00 13.00 - 14.00 15.00 - 16.00"},
		{"ISBN", "ISBN 978-602-8519-93-9 dan 978-979-3780-11-2"},
		{"postal code and year", "Malang 65119 tahun 2026"},
		{"numbered list", "1. 2. 3. 4. 5. 6. 7. 8."},
		{"table of counts", "12 34 56 78 90 12 34 56"},
		{"decimal amounts", "3,5 juta 2,25 juta"},
		{"full-width amount", "Rp\uff11\uff18\uff15.\uff10\uff10\uff10.\uff10\uff10\uff10"},

		// Wrong lengths.
		{"15 digits", nikMan[:15]},
		{"17 digits", nikMan + "1"},
		{"17 digits, leading zero", "0" + nikMan},
		{"32 digits", nikMan + nikWoman},
		{"4-4-4-3", "3573 0145 0690 001"},

		// Dates and times.
		{"date", "05-11-2020"},
		{"RFC 3339", "2020-11-05T10:00:00+07:00"},
		{"compact timestamp", "20201105100000+0700"},
		{"list of years", "1998 1999 2000 2001"},

		// Sixteen digits without the structure.
		{"the design's example: month 45", "3573 0123 4567 0001"},
		{"counting", "1234567890123456"},
		{"bank account grouping", "1234 5678 9012 3456"},
		{"card number", "4111 1111 1111 1111"},
		{"all nines", "9999999999999999"},
		{"all zeros", "0000000000000000"},
		{"round number", "1000000000000000"},
		{"order number", "2024110500012345"},
		{"province 10", "1071010101800001"},
		{"province 20", "2071010101800001"},
		{"province 37", "3771010101800001"},
		{"province 54", "5471010101800001"},
		{"province 66", "6671010101800001"},
		{"province 77", "7771010101800001"},
		{"province 83", "8371010101800001"},
		{"province 98", "9871010101800001"},
		{"regency 00", "3500010506900001"},
		{"district 00", "3573000506900001"},
		{"month 00", "3573010500900001"},
		{"month 13", "3573010513900001"},
		{"day 00", "3573010006900001"},
		{"day 32", "3573013206900001"},
		{"day 40", "3573014006900001"},
		{"day 72", "3573017206900001"},
		{"day 80", "3573018006900001"},
		{"30 February", "3573013002900001"},
		{"31 April", "3573013104900001"},
		{"31 February, a woman", "3573017102900001"},
		{"31 September, a woman", "3573017109900001"},
		{"woman's NIK with sequence 0000", "3573014506900000"},
	}
	for _, tt := range tests {
		if got := FindIDNumbers(tt.text); len(got) != 0 {
			t.Errorf("%s: FindIDNumbers(%q) = %v, want none", tt.name, tt.text, got)
		}
	}
}

func TestMask(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"3573012345670001", "3573xxxxxxxxxx01"},
		{nikWoman, "3573xxxxxxxxxx01"},
		{"1234567", "1234x67"},
		{"123456", "xxxxxx"},
		{"12", "xx"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFindInFormats checks the readers of Markdown, HTML and script text:
// what each format hides or spells out.
func TestFindInFormats(t *testing.T) {
	tests := []struct {
		name  string
		find  func(string) []Match
		text  string
		found bool
	}{
		{"script \\u escapes", FindInScript, `{"nik": "\u0033\u00357301\x34506900001"}`, true},
		{"script \\u{} escapes", FindInScript, `"\u{33}573014506900001"`, true},
		{"script, plain", FindInScript, `{"nik": "3573014506900001"}`, true},
		{"HTML paragraphs apart", FindInHTML, "<p>3573 0145</p><p>0690 0001</p>", false},
		{"HTML line break apart", FindInHTML, "3573 0145<br>0690 0001", false},
		{"HTML soft line break", FindInHTML, "<p>3573 0145\n0690 0001</p>", true},
		{"HTML pre keeps lines", FindInHTML, "<pre>3573 0145\n0690 0001</pre>", false},
		{"HTML table cells", FindInHTML, "<tr><td>3573 0145</td><td>0690 0001</td></tr>", true},
		{"HTML href", FindInHTML, `<a href="https://x.id/?n=%33573014506900001">x</a>`, true},
		{"HTML alt", FindInHTML, `<img alt="3573&#8203;014506900001" src="a.jpg">`, true},
		{"HTML comment hides", FindInHTML, "<!-- 3573014506900001 -->", false},
		{"HTML stylesheet is not read", FindInHTML, "<style>.a{width:3573014506900001px}</style>", false},
		{"HTML text after a stylesheet", FindInHTML, "<style>p{}</style><p>3573014506900001</p>", true},
		{"HTML stylesheet end tag in capitals", FindInHTML, "<style>p{}</STYLE ><p>3573 0145 0690 0001</p>", true},
		{"HTML unclosed stylesheet", FindInHTML, "<style>p{3573014506900001}", false},
		{"HTML </stylesheet> is not its end", FindInHTML, "<style>a{}</styles><b>3573014506900001</b></style>", false},
		{"HTML end tag alone", FindInHTML, "</style><p>3573014506900001</p>", true},
		{"HTML text with tabs and Unicode", FindInHTML, "<p>NIK:\t3573\u00a00145\u20130690\u20080001</p>", true},
		{"Markdown comment joins", FindInMarkdown, "3573<!-- -->014506900001", true},
		{"Markdown autolink is not a tag", FindInMarkdown, "<https://x.id/3573014506900001>", true},
		{"Markdown, a < b", FindInMarkdown, "3573 < 014506900001", false},
	}
	for _, tt := range tests {
		if got := len(tt.find(tt.text)) > 0; got != tt.found {
			t.Errorf("%s: %q found = %v, want %v", tt.name, tt.text, got, tt.found)
		}
	}
}
