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
	bg, _ := Parse("#111417")
	for _, s := range []string{"#0b6e4f", "#1d3f8a", "#7a1a12", "#000000", "#ffd400"} {
		c, _ := Parse(s)
		r := Readable(c, bg, 4.5)
		if Contrast(r, bg) < 4.5 {
			t.Errorf("Readable(%s) = %s, contrast %.2f", s, r, Contrast(r, bg))
		}
	}
}
