package pipeline

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/kotamalang/kimsite/generator/output"
)

var update = flag.Bool("update", false, "rewrite the want/ files of testdata/golden/*.txtar with the current output")

// TestGolden builds each testdata/golden/*.txtar archive: its files are the
// repository, and its want/ files the expected output. want/FILES lists
// every file the build writes; want/PROBLEMS the expected problems of a
// build that fails. HTML and XML are compared with a line break between
// tags, so that a diff points at the element that changed.
//
//	go test ./generator/pipeline -run Golden -update
func TestGolden(t *testing.T) {
	archives, _ := filepath.Glob("testdata/golden/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no golden archives")
	}
	for _, file := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			for _, f := range ar.Files {
				if !strings.HasPrefix(f.Name, "want/") {
					fsys[f.Name] = &fstest.MapFile{Data: f.Data}
				}
			}
			mem := output.NewMemory()
			_, problems, err := Run(Options{FS: fsys, Sink: mem})
			if err != nil {
				t.Fatal(err)
			}
			got := func(name string) []byte {
				switch name {
				case "FILES":
					if problems.Errors() > 0 {
						return nil
					}
					return []byte(strings.Join(mem.Names(), "\n") + "\n")
				case "PROBLEMS":
					return []byte(problems.Error() + "\n")
				}
				data, ok := mem.File(name)
				if !ok {
					return []byte("(not written)\n")
				}
				return readable(name, data)
			}
			changed := false
			for i, f := range ar.Files {
				name, ok := strings.CutPrefix(f.Name, "want/")
				if !ok {
					continue
				}
				g := got(name)
				if bytes.Equal(g, f.Data) {
					continue
				}
				if *update {
					ar.Files[i].Data = g
					changed = true
					continue
				}
				t.Errorf("%s differs:\n%s", f.Name, diffLines(string(f.Data), string(g)))
			}
			if changed {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// inlineCSS matches the theme's stylesheet and its hash, which every page
// carries and the theme's own tests cover.
var (
	inlineCSS = regexp.MustCompile(`<style>[^<]*</style>`)
	cssHash   = regexp.MustCompile(`(?:'|&#39;)sha256-(?:[A-Za-z0-9/=]|\+|&#43;)+(?:'|&#39;)`)
)

// readable puts HTML and XML one tag per line, with the stylesheet left out.
func readable(name string, data []byte) []byte {
	if strings.HasSuffix(name, ".html") {
		data = inlineCSS.ReplaceAll(data, []byte("<style>…</style>"))
		data = cssHash.ReplaceAll(data, []byte("'sha256-…'"))
	}
	if strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".xml") {
		data = bytes.ReplaceAll(data, []byte("><"), []byte(">\n<"))
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data, '\n')
	}
	return data
}

// diffLines shows the first lines where want and got differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 8; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "  line %d\n    want: %s\n    got:  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
