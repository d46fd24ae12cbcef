package privacy

import "testing"

// TestVisibleNumbers: invisible characters pasted inside an identity
// number do not hide it from the check, and without Visible they would.
func TestVisibleNumbers(t *testing.T) {
	for _, in := range []string{
		"NIK 35730145\u200b06900001",
		"NIK 3573\u00ad014506900001",
		"NIK 3573\u00a00145\u00a00690\u00a00001",
		"NIK 3573\u200d0145\u200d0690\u200d0001",
	} {
		if got := FindIDNumbers(Visible(in)); len(got) != 1 || got[0].Number != nikWoman {
			t.Errorf("%q: found %v", in, got)
		}
		if got := FindIDNumbers(in); len(got) > 0 {
			t.Logf("%q is found without Visible too", in)
		}
	}
	if s := "baris 1\nbaris\u00a02\n"; Visible(s) != "baris 1\nbaris 2\n" {
		t.Errorf("Visible(%q) = %q", s, Visible(s))
	}
}
