package phone

import (
	"strings"
	"testing"
)

// FuzzWhatsApp checks that an accepted number is well formed, that
// normalising is idempotent, and that Display's output normalises back to
// the same number.
func FuzzWhatsApp(f *testing.F) {
	for _, s := range []string{
		"0812-3456-7890", "+62 812 3456 7890", "(0341) 551234", "62812",
		"+62 0812", "++62", "0", "", "０８１２", "081234567890123",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := WhatsApp(s)
		shown := Display(s)
		if !ok {
			if n != "" || shown != s {
				t.Fatalf("WhatsApp(%q) = %q, false; Display = %q", s, n, shown)
			}
			return
		}
		if len(n) < 10 || len(n) > 15 || !strings.HasPrefix(n, "62") || n[2] == '0' ||
			strings.Trim(n, "0123456789") != "" {
			t.Fatalf("WhatsApp(%q) = %q is malformed", s, n)
		}
		if again, ok := WhatsApp(n); !ok || again != n {
			t.Fatalf("WhatsApp(%q) = %q, %v, want %q", n, again, ok, n)
		}
		if back, ok := WhatsApp(shown); !ok || back != n {
			t.Fatalf("Display(%q) = %q normalises to %q, %v, want %q", s, shown, back, ok, n)
		}
		if !strings.HasPrefix(shown, "+62 ") || strings.Contains(shown, "--") {
			t.Fatalf("Display(%q) = %q", s, shown)
		}
	})
}
