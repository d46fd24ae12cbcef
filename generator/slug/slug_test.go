package slug

import (
	"strings"
	"testing"
)

func TestMake(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// The examples of the design.
		{"Kerja Bakti RW 05 & Senam Pagi", "kerja-bakti-rw-05-dan-senam-pagi"},
		{"  Warung Bu Sri!! ", "warung-bu-sri"},
		{"Café Ñoño", "cafe-nono"},
		{"Jum'at Bersih", "jumat-bersih"},
		{"Ker\u00adja\u00a0Bak\u200bti\ufeff RW\u200d05", "kerja-bakti-rw05"},

		// Separators collapse and never lead or trail.
		{"", ""},
		{"   ", ""},
		{"---", ""},
		{"!!!", ""},
		{"a", "a"},
		{"A--B__C..D", "a-b-c-d"},
		{"-leading and trailing-", "leading-and-trailing"},
		{"Profil\tKelurahan\nKauman", "profil-kelurahan-kauman"},
		{"Musrenbang 2024/2025", "musrenbang-2024-2025"},
		{"RT.03/RW.05", "rt-03-rw-05"},
		{"100% Halal", "100-halal"},
		{"Harga: Rp15.000,-", "harga-rp15-000"},
		{"kauman", "kauman"},
		{"already-a-slug", "already-a-slug"},

		// "&" is spelled out, with or without spaces around it.
		{"R&D", "r-dan-d"},
		{"Batik & Tenun", "batik-dan-tenun"},
		{"&", "dan"},
		{"&&", "dan-dan"},
		{"Toko A &", "toko-a-dan"},

		// Apostrophes, straight or curly, join the word.
		{"Ma’ruf Amin", "maruf-amin"},
		{"‘Idul Fitri’", "idul-fitri"},
		{"Qur`an", "quran"},
		{"Ta'aruf 'n' Go", "taaruf-n-go"},
		{"'", ""},

		// Latin letters fold to ASCII.
		{"Crème Brûlée", "creme-brulee"},
		{"Müller Straße", "muller-strasse"},
		{"ÆSIR Œuvre", "aesir-oeuvre"},
		{"Łódź Kraków", "lodz-krakow"},
		{"Đà Nẵng Phở", "da-nang-pho"},
		{"Şişli Ţară Ștefan Țuică", "sisli-tara-stefan-tuica"},
		{"Þór Ðoði", "thor-dodi"},
		{"ÿ ſ Ž ž ĳ", "y-s-z-z-ij"},
		{"Ạ ỹ Ỳ Ơ ư", "a-y-y-o-u"},
		// A decomposed accent (e + U+0301) folds like a precomposed one.
		{"Cafe\u0301", "cafe"},
		// Symbols that are not letters separate words.
		{"3×4 ÷ 2", "3-4-2"},
		{"Kopi ☕ Enak", "kopi-enak"},
		{"Kue 🍰 Lapis", "kue-lapis"},
		// Other scripts have no ASCII spelling here.
		{"ꦏꦺꦴꦠ Malang", "malang"},
		{"مسجد", ""},
		{"東京 2020", "2020"},
		{"Москва", ""},
		// Invalid UTF-8 separates words.
		{"ab\xffcd", "ab-cd"},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMakeLength(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			"cut at the last hyphen that fits",
			strings.Repeat("kata ", 30),
			strings.TrimSuffix(strings.Repeat("kata-", 16), "-"), // 79 bytes
		},
		{
			"a hyphen right after the limit",
			strings.Repeat("x", 80) + " y",
			strings.Repeat("x", 80),
		},
		{
			"a hyphen right at the limit",
			strings.Repeat("x", 79) + " yy",
			strings.Repeat("x", 79),
		},
		{
			"exactly the limit",
			strings.Repeat("ab-", 26) + "ab",
			strings.Repeat("ab-", 26) + "ab",
		},
		{
			"one word longer than the limit",
			strings.Repeat("x", 100),
			strings.Repeat("x", 80),
		},
		{
			"multi-byte input counts in output bytes",
			strings.Repeat("é", 80),
			strings.Repeat("e", 80),
		},
	}
	for _, tt := range tests {
		got := Make(tt.in)
		if got != tt.want {
			t.Errorf("%s: Make(%q) = %q (%d bytes), want %q", tt.name, tt.in, got, len(got), tt.want)
		}
		if len(got) > MaxLen {
			t.Errorf("%s: %d bytes, more than %d", tt.name, len(got), MaxLen)
		}
	}
}

func TestValid(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"kauman", true},
		{"kerja-bakti-rw-05", true},
		{"2024", true},
		{"a", true},
		{"a-b", true},
		{strings.Repeat("x", 80), true},
		{"", false},
		{"-", false},
		{"-a", false},
		{"a-", false},
		{"a--b", false},
		{"Kauman", false},
		{"warung_bu_sri", false},
		{"warung bu sri", false},
		{"café", false},
		{"a/b", false},
		{strings.Repeat("x", 81), false},
	}
	for _, tt := range tests {
		if got := Valid(tt.in); got != tt.want {
			t.Errorf("Valid(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
