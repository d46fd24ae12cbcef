package slug

import (
	"strings"
	"testing"
)

// FuzzMake checks that Make always gives a well-formed slug, that it
// leaves a slug unchanged, and that Valid agrees with it.
func FuzzMake(f *testing.F) {
	for _, s := range []string{
		"Kerja Bakti RW 05 & Senam Pagi", "  Warung Bu Sri!! ", "Café Ñoño",
		"Jum'at", "Cafe\u0301", "Ramaḍān Ḥaji", "ab\xffcd", "Đà Nẵng", "&&", "a--b",
		strings.Repeat("kata ", 30), strings.Repeat("x", 81),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Make(s)
		for i := 0; i < len(got); i++ {
			c := got[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				t.Fatalf("Make(%q) = %q has byte %q", s, got, c)
			}
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") ||
			strings.Contains(got, "--") || len(got) > MaxLen {
			t.Fatalf("Make(%q) = %q is malformed", s, got)
		}
		if again := Make(got); again != got {
			t.Fatalf("Make(%q) = %q, but Make(%q) = %q", s, got, got, again)
		}
		if Valid(got) != (got != "") {
			t.Fatalf("Valid(%q) = %v", got, Valid(got))
		}
		if want := s != "" && Make(s) == s; Valid(s) != want {
			t.Fatalf("Valid(%q) = %v, want %v", s, Valid(s), want)
		}
	})
}
