package browsertest

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Budget is the most a page's HTML and CSS may weigh gzipped: what fits in
// the first round trip of a new connection (10 TCP segments).
const Budget = 14 * 1024

// TestBudget measures every built page: HTML with its inlined CSS, gzipped,
// at most Budget; and no page loads anything from another host.
func TestBudget(t *testing.T) {
	s := sample(t)
	largest, largestName := 0, ""
	external := regexp.MustCompile(`<(?:img|script|iframe|source|video|audio)[^>]*\ssrc(?:set)?="(?:https?:)?//|<link[^>]*rel="?(?:stylesheet|preload|icon|modulepreload)"?[^>]*href="(?:https?:)?//|url\((?:'|")?(?:https?:)?//|@import`)
	pages := 0
	err := filepath.WalkDir(s.out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p == filepath.Join(s.out, "admin") {
			return fs.SkipDir // the volunteers' editor, never shown to residents
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pages++
		var buf bytes.Buffer
		w := gzip.NewWriter(&buf)
		w.Write(data)
		w.Close()
		if buf.Len() > largest {
			largest, largestName = buf.Len(), p
		}
		if buf.Len() > Budget {
			t.Errorf("%s: %d bytes gzip, over %d", p, buf.Len(), Budget)
		}
		if m := external.Find(data); m != nil {
			t.Errorf("%s loads from another host: %s", p, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 50 {
		t.Fatalf("only %d pages built", pages)
	}
	rel, _ := filepath.Rel(s.out, largestName)
	t.Logf("largest of %d pages: %s, %d bytes gzip (budget %d)", pages, rel, largest, Budget)
}
