package privacy

import (
	"fmt"
	"strings"
	"testing"
)

// benchText is a news page as volunteers write them: mostly ASCII
// Indonesian, dates, amounts, phone numbers, a few curly quotes and dashes.
func benchText(paragraphs int) string {
	var b strings.Builder
	for i := range paragraphs {
		fmt.Fprintf(&b, "Warga RW %02d Kelurahan Kauman bergotong royong membersihkan saluran pada Minggu, %d November 2026 — "+
			"kegiatan yang menelan biaya Rp%d.250.000 dari kas RW. “Kami ingin lingkungan bersih,” kata Pak Slamet (0812-3456-%04d).\n\n",
			i%12+1, i%28+1, i%9+1, i*37%10000)
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	md := benchText(30)
	html := "<html><head><style>" + strings.Repeat(".card{margin:0 0 1.25rem;padding:.75rem 1rem}@media (min-width:40rem){.grid{grid-template-columns:repeat(2,1fr)}}", 100) +
		"</style></head><body><main><p>" + strings.ReplaceAll(md, "\n\n", "</p>\n<p>") + "</p></main></body></html>"
	for _, c := range []struct {
		name string
		find func(string) []Match
		text string
	}{
		{"markdown", FindInMarkdown, md},
		{"html", FindInHTML, html},
		{"plain", FindIDNumbers, md},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				if m := c.find(c.text); len(m) != 0 {
					b.Fatalf("found %v in a text without an identity number", m)
				}
			}
		})
	}
}
