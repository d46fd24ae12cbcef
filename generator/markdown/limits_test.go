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

// hostileBodies are bodies just under the page size limit that drove
// goldmark into work that grows with the square of their size, or into
// output a thousand times their size. Each must be refused at its line.
func hostileBodies() []struct{ name, body, want string } {
	const n = 900_000
	longURL := "https://contoh.example/" + strings.Repeat("x", 10_000)
	return []struct{ name, body, want string }{
		{"unclosed [", "Awal.\n\n" + strings.Repeat("[", n), "fuzz.md:7: paragraf terlalu rumit"},
		{"unclosed ![", strings.Repeat("![", n/2), "fuzz.md:5: paragraf terlalu rumit"},
		{"nested [ ]", strings.Repeat("[", n/2) + strings.Repeat("]", n/2), "fuzz.md:5: paragraf terlalu rumit"},
		{"[]", strings.Repeat("[]", n/2), "fuzz.md:5: paragraf terlalu rumit"},
		{"reference definitions", strings.Repeat("[a]:\n", n/5), "fuzz.md:5: paragraf terlalu rumit"},
		{"wide table", "Tabel:\n\n" + strings.Repeat("|a", 1000) + "|\n" + strings.Repeat("|-", 1000) + "|\n" + strings.Repeat("a\n", 10_000), "fuzz.md:7: tabel terlalu besar (1000 kolom"},
		{"long table", "| a | b |\n|---|---|\n" + strings.Repeat("| 1 | 2 |\n", 20_000), "fuzz.md:5: tabel terlalu besar (2 kolom"},
		{"repeated long reference", "[a]: " + longURL + "\n\n" + strings.Repeat(strings.Repeat("[a] ", 4000)+"\n\n", 5), "fuzz.md:5: alamat tautan dan gambar"},
	}
}

// TestHostileBodies renders each hostile body within a watchdog and
// expects one error at its line and no HTML.
func TestHostileBodies(t *testing.T) {
	for _, tt := range hostileBodies() {
		t.Run(tt.name, func(t *testing.T) {
			problems, html := renderWithin(t, tt.body)
			if len(problems) != 1 || !strings.Contains(problems[0], tt.want) {
				t.Errorf("got %v, want one %q", problems, tt.want)
			}
			if html != "" {
				t.Errorf("rendered %d bytes of HTML", len(html))
			}
		})
	}
}

// TestOrdinaryBodiesPass checks that the limits leave real pages alone: a
// long list of links, a budget table, footnote-like references.
func TestOrdinaryBodiesPass(t *testing.T) {
	var list, table, refs strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&list, "- [Dokumen %d](../profil.md)\n", i)
	}
	table.WriteString("| No | Kegiatan | RW | Pagu | Sumber |\n|---:|---|:---:|---:|---|\n")
	for i := range 2000 {
		fmt.Fprintf(&table, "| %d | Paving | 05 | Rp15.000.000 | APBD |\n", i)
	}
	for i := range 300 {
		fmt.Fprintf(&refs, "Lihat [sumber %d][s%d].\n\n[s%d]: https://malangkota.go.id/%d\n\n", i, i, i, i)
	}
	for name, body := range map[string]string{"list": list.String(), "table": table.String(), "refs": refs.String()} {
		if problems, html := renderWithin(t, body); len(problems) > 0 || html == "" {
			t.Errorf("%s: %v", name, problems)
		}
	}
}

// BenchmarkHostileBodies measures how long refusing each hostile body
// takes (before the limits: 25 s for 2 MB of "[", 47 s for the wide table).
func BenchmarkHostileBodies(b *testing.B) {
	for _, tt := range hostileBodies() {
		b.Run(tt.name, func(b *testing.B) {
			site, page := fuzzSite(b, []byte(tt.body))
			r := New()
			for b.Loop() {
				r.Render(site, page)
			}
		})
	}
}
