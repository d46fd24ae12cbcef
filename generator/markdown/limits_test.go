package markdown

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// renderWithin renders body in the fuzz site and fails the test if that
// takes longer than a generous watchdog: not a speed goal, a hang detector
// (without the limits these bodies take minutes to hours).
func renderWithin(t *testing.T, body string) ([]string, string) {
	t.Helper()
	site, page := fuzzSite(t, []byte(body))
	done := make(chan []string, 1)
	go func() {
		var got []string
		for _, p := range New().Render(site, page) {
			got = append(got, p.String())
		}
		done <- got
	}()
	select {
	case problems := <-done:
		return problems, string(page.Content)
	case <-time.After(60 * time.Second):
		t.Fatalf("rendering %d bytes did not finish", len(body))
		return nil, ""
	}
}

// indented is a list nested n deep, one level per line.
func indented(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", 2*i) + "- butir\n")
	}
	return b.String()
}

// TestNestingLimit checks that lists and block quotes nested beyond
// MaxNesting are an error at the line where the limit is passed, and that
// goldmark never sees them.
func TestNestingLimit(t *testing.T) {
	tests := []struct {
		name, body string
		line       int // file line of the error; 0 for none
	}{
		{"10,000 dashes", "Awal.\n\n" + strings.Repeat("- ", 10_000) + "x\n", 7},
		{"10,000 quotes", strings.Repeat("> ", 10_000) + "x\n", 5},
		{"10,000 numbers", strings.Repeat("1. ", 10_000) + "x\n", 5},
		{"quotes and lists", strings.Repeat("> * ", 5_000) + "x\n", 5},
		{"1,000 indented levels", indented(1_000), 5 + MaxNesting},
		{"just over", strings.Repeat("- ", MaxNesting+1) + "x\n", 5},
		{"at the limit", strings.Repeat("- ", MaxNesting) + "x\n", 0},
		{"indented at the limit", indented(MaxNesting), 0},
		{"ordinary nested list", "- a\n  - b\n    1. c\n       > d\n- e\n\n---\n\n- f\n", 0},
		{"list after a deep one", indented(MaxNesting) + "\nTeks.\n\n" + indented(MaxNesting), 0},
		{"dashes in text", "Harga - diskon - promo - " + strings.Repeat("- ", 100) + "\n", 0},
	}
	for _, tt := range tests {
		problems, html := renderWithin(t, tt.body)
		switch {
		case tt.line == 0 && len(problems) > 0:
			t.Errorf("%s: unexpected %v", tt.name, problems)
		case tt.line > 0 && (len(problems) != 1 || !strings.HasPrefix(problems[0], fmt.Sprintf("content/kauman/berita/fuzz.md:%d: ", tt.line))):
			t.Errorf("%s: want one error at line %d, got %v", tt.name, tt.line, problems)
		case tt.line > 0 && html != "":
			t.Errorf("%s: rendered %d bytes of HTML", tt.name, len(html))
		}
	}
}

// TestLinkWorkLimit checks that a paragraph of endless link openers is an
// error at its first line, while a paragraph with many real links is not.
func TestLinkWorkLimit(t *testing.T) {
	openers := "Awal.\n\n" + strings.Repeat("[a](", 500_000) + "\n"
	if problems, _ := renderWithin(t, openers); len(problems) != 1 || !strings.Contains(problems[0], "fuzz.md:7: paragraf terlalu rumit") {
		t.Errorf("500,000 link openers: got %v", problems)
	}
	images := strings.Repeat("![a](foto.jpg ", 100_000) + "\n"
	if problems, _ := renderWithin(t, images); len(problems) != 1 || !strings.Contains(problems[0], "paragraf terlalu rumit") {
		t.Errorf("100,000 image openers: got %v", problems)
	}
	many := strings.Repeat("Lihat [warung](../umkm/warung.md) dan [profil](../profil.md). ", 500) + "\n"
	if problems, html := renderWithin(t, many); len(problems) > 0 || strings.Count(html, "<a ") != 1000 {
		t.Errorf("1,000 links in a paragraph: %v, %d links", problems, strings.Count(html, "<a "))
	}
}
