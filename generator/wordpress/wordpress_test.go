package wordpress

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// importFile imports a test export with the test uploads into site.
func importFile(t *testing.T, name string, site fstest.MapFS) *Result {
	t.Helper()
	f, err := os.Open(path.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	opts := Options{Uploads: os.DirFS("testdata/uploads")}
	if site != nil {
		opts.Site = site
	}
	res, err := Import(f, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// archive puts an import's result in one readable text: every file
// written, the files copied, and the report.
func archive(res *Result) []byte {
	a := &txtar.Archive{}
	var names []string
	for n := range res.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		a.Files = append(a.Files, txtar.File{Name: n, Data: res.Files[n]})
	}
	var copies []string
	for n, src := range res.Copies {
		copies = append(copies, n+" ← "+src)
	}
	sort.Strings(copies)
	a.Files = append(a.Files, txtar.File{Name: "(copies)", Data: []byte(strings.Join(copies, "\n") + "\n")})
	a.Files = append(a.Files, txtar.File{Name: "(report)", Data: reportText(res.Report)})
	return txtar.Format(a)
}

func reportText(r Report) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "posts %d pages %d drafts %d attachments %d redirects %d written %d unchanged %d\n",
		r.Posts, r.Pages, r.Drafts, r.Attachments, r.Redirects, r.Written, r.Unchanged)
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "%d %s draft=%v: %s\n", p.Line, p.File, p.Draft, p.Message)
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "skip %d %d %q: %s\n", s.Line, s.ID, s.Title, s.Reason)
	}
	for _, m := range r.Missing {
		fmt.Fprintf(&b, "missing %s\n", m)
	}
	for _, e := range r.Edited {
		fmt.Fprintf(&b, "edited %s\n", e)
	}
	return b.Bytes()
}

// TestGolden imports realistic exports and compares every file written,
// and the report, with testdata/*.golden.
func TestGolden(t *testing.T) {
	for _, name := range []string{"kauman.xml"} {
		t.Run(name, func(t *testing.T) {
			got := archive(importFile(t, name, nil))
			golden := path.Join("testdata", strings.TrimSuffix(name, ".xml")+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("import of %s differs from %s (go test -update to accept):\n%s", name, golden, got)
			}
		})
	}
}
