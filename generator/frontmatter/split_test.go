package frontmatter

import "testing"

func TestDropControls(t *testing.T) {
	tests := []struct{ in, want string }{
		{"biasa saja\n\tberinden\r\n", "biasa saja\n\tberinden\r\n"},
		{"a\x00b\x01c\x1bd\x7fe", "abcde"},
		{"baris\vbaru\fhalaman", "baris baru halaman"},
		{"C1\u0085\u009f kontrol", "C1 kontrol"},
		{"bukan kontrol: \u00a0 \u200b é ½", "bukan kontrol: \u00a0 \u200b é ½"},
		{"3573\x00014506\x01900001", "3573014506900001"},
	}
	for _, tt := range tests {
		if got := string(DropControls([]byte(tt.in))); got != tt.want {
			t.Errorf("DropControls(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := dropControls(tt.in); got != tt.want {
			t.Errorf("dropControls(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
