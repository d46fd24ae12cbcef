package slug

import "testing"

// TestDecomposed checks letters outside the fold tables whose decomposition
// is an ASCII letter with marks, as transliterated Arabic names have them.
func TestDecomposed(t *testing.T) {
	for in, want := range map[string]string{
		"Pengajian Ramaḍān 1447 H": "pengajian-ramadan-1447-h",
		"Ḥaji Ṣaleh":               "haji-saleh",
		"Ẓuhur berjamaah":          "zuhur-berjamaah",
		"Ṭaha":                     "taha",
		"Ḳ Ẉ":                      "k-w",
		"ℌ ﬁ":                      "", // not canonical decompositions: separators
	} {
		if got := Make(in); got != want {
			t.Errorf("Make(%q) = %q, want %q", in, got, want)
		}
	}
}
