package color

import "testing"

func TestContrast(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#0b6e4f", "#ffffff", 6.25},
		{"#767676", "#ffffff", 4.54},
	} {
		a, _ := Parse(tc.a)
		b, _ := Parse(tc.b)
		if got := Contrast(a, b); got < tc.want-0.01 || got > tc.want+0.01 {
			t.Errorf("Contrast(%s, %s) = %.2f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	for _, s := range []string{"", "#fff", "0b6e4f", "#0b6e4g", "#0b6e4f0"} {
		if _, ok := Parse(s); ok {
			t.Errorf("Parse(%q) succeeded", s)
		}
	}
	if c, ok := Parse("#0B6e4f"); !ok || c.String() != "#0b6e4f" {
		t.Errorf("Parse(#0B6e4f) = %v, %v", c, ok)
	}
}

func TestReadable(t *testing.T) {
	for _, b := range []string{"#111417", "#f4f6f8"} {
		bg, _ := Parse(b)
		for _, s := range []string{"#0b6e4f", "#1d3f8a", "#7a1a12", "#000000", "#ffd400", "#ffffff"} {
			c, _ := Parse(s)
			r := Readable(c, bg, 4.5)
			if Contrast(r, bg) < 4.5 {
				t.Errorf("Readable(%s on %s) = %s, contrast %.2f", s, b, r, Contrast(r, bg))
			}
		}
	}
	c, _ := Parse("#1d4f91")
	if bg, _ := Parse("#ffffff"); Readable(c, bg, 4.5) != c {
		t.Error("a colour that is readable already was changed")
	}
}
