package layouts

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/a-h/templ"
	"github.com/a-h/templ/generator"
	parser "github.com/a-h/templ/parser/v2"
)

// TestGeneratedCodeIsCurrent generates the Go code of every layout again,
// as `go tool templ generate` run at the repository's root does, and
// wants the committed *_templ.go files to be that code: a layout edited
// without generating again (or a generated file edited by hand) fails
// here, not in front of residents.
func TestGeneratedCodeIsCurrent(t *testing.T) {
	layouts, err := filepath.Glob("*.templ")
	if err != nil || len(layouts) == 0 {
		t.Fatalf("no layouts: %v", err)
	}
	for _, name := range layouts {
		file, err := parser.Parse(name)
		if err != nil {
			t.Errorf("themes/default/layouts/%s: %v", name, err)
			continue
		}
		var b bytes.Buffer
		if _, err := generator.Generate(file, &b, generator.WithVersion(templ.Version()), generator.WithFileName("themes/default/layouts/"+name)); err != nil {
			t.Errorf("themes/default/layouts/%s: %v", name, err)
			continue
		}
		want, err := format.Source(b.Bytes())
		if err != nil {
			t.Errorf("themes/default/layouts/%s: %v", name, err)
			continue
		}
		goName := strings.TrimSuffix(name, ".templ") + "_templ.go"
		have, err := os.ReadFile(goName)
		if err != nil || !bytes.Equal(have, want) {
			t.Errorf("themes/default/layouts/%s: kode Go-nya (%s) tidak sesuai dengan tata letak ini; jalankan `go tool templ generate` di akar repositori, lalu commit keduanya", name, goName)
		}
	}
	generated, _ := filepath.Glob("*_templ.go")
	for _, name := range generated {
		if _, err := os.Stat(strings.TrimSuffix(name, "_templ.go") + ".templ"); err != nil {
			t.Errorf("themes/default/layouts/%s: tata letaknya (.templ) sudah tidak ada; hapus berkas ini", name)
		}
	}
}
