package privacy

import "testing"

// TestPastedInvisibleCharacters: invisible characters pasted from Word or
// a web page inside an identity number do not hide it from the check.
func TestPastedInvisibleCharacters(t *testing.T) {
	for _, in := range []string{
		"NIK 35730145\u200b06900001",
		"NIK 3573\u00ad014506900001",
		"NIK 3573\u00a00145\u00a00690\u00a00001",
		"NIK 3573\u200d0145\u200d0690\u200d0001",
	} {
		if got := FindIDNumbers(in); len(got) != 1 || got[0].Number != nikWoman {
			t.Errorf("%q: found %v", in, got)
		}
	}
}
