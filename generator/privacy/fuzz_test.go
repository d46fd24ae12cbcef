package privacy

import (
	"slices"
	"strings"
	"testing"
)

// FuzzFindIDNumbers checks that every match points at a digit of the
// text, that the number has a plausible structure, that matches come in
// order, and that a valid number placed on a line of its own in any text
// is found, in plain text, Markdown and HTML alike.
func FuzzFindIDNumbers(f *testing.F) {
	for _, s := range []string{
		"NIK: 3573014506900001", "3573 0145 0690 0001", "357301-450690-0001",
		"Rp1.250.000.000.000.000", "+6281234567890", "0,3573014506900001",
		"3573010506900001,3573014506900001", "0812 3573 0145 0690 0001", "",
		"No. pesanan: 3573014506900001", "NIK pemesan 3573014506900001", "invoice\n3573014506900001",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, m := range FindIDNumbers(text) {
			if m.Offset < end || m.Offset >= len(text) {
				t.Fatalf("FindIDNumbers(%q): match %v out of order", text, m)
			}
			if !plausible(m.Number) {
				t.Fatalf("FindIDNumbers(%q): %q is not plausible", text, m.Number)
			}
			if got := Digits(text[m.Offset:]); !strings.HasPrefix(got, m.Number[:1]) {
				t.Fatalf("FindIDNumbers(%q): %v does not start at a digit", text, m)
			}
			end = m.Offset + 1
			if got := Mask(m.Number); len(got) != 16 || got[:4] != m.Number[:4] || got[14:] != m.Number[14:] ||
				strings.Trim(got[4:14], "x") != "" {
				t.Fatalf("Mask(%q) = %q", m.Number, got)
			}
		}

		const nik = "3573014506900001"
		framed := text + "\n" + nik + " " + text // on a line of its own: no label before it
		want := Match{Offset: len(text) + 1, Number: nik}
		found := false
		for _, m := range FindIDNumbers(framed) {
			found = found || m == want
		}
		if !found {
			t.Fatalf("FindIDNumbers(%q) misses %v", framed, want)
		}
		if !strings.ContainsAny(text, "<&") {
			if !slices.Contains(FindInMarkdown(framed), want) {
				t.Fatalf("FindInMarkdown(%q) misses %v", framed, want)
			}
			// In HTML a line break is a space: a paragraph holds the number.
			para := text + "<p>" + nik + "</p>" + text
			if !slices.Contains(FindInHTML(para), Match{Offset: len(text) + 3, Number: nik}) {
				t.Fatalf("FindInHTML(%q) misses %v", para, nik)
			}
		}
	})
}
