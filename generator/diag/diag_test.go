package diag

import (
	"fmt"
	"strings"
	"testing"
)

// TestPrintCaps checks that a file with 100,000 problems prints
// PerFile of them and a count, and that the whole list stops at Shown.
func TestPrintCaps(t *testing.T) {
	var l List
	for i := range 100_000 {
		l.Add("sites.yaml", i+1, fmt.Sprintf("kunci \"k%d\" tidak dikenal", i), "Hapus kuncinya.")
	}
	l.Add("content/a/x.md", 3, "judul kosong", "")
	for f := range 30 {
		for i := range 10 {
			l.Add(fmt.Sprintf("content/b/%02d.md", f), i+1, "salah", "")
		}
	}
	var b strings.Builder
	l.Print(&b)
	out := b.String()
	if n := strings.Count(out, "sites.yaml:"); n != PerFile+1 {
		t.Errorf("sites.yaml printed %d times, want %d problems and one count", n, PerFile)
	}
	for _, want := range []string{
		"sites.yaml: … dan 99980 masalah lain di berkas ini\n",
		"content/a/x.md:3: judul kosong\n",
		"… dan 120 masalah lain yang tidak ditampilkan",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if lines := strings.Count(out, "\n"); lines > 2*Shown+40 {
		t.Errorf("%d lines printed", lines)
	}
}
