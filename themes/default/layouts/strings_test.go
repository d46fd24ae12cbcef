package layouts

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/kotamalang/kimsite/generator/model"
)

// uiKey matches a layout's UI string: v.T("key") or v.T("prefix." + value).
var uiKey = regexp.MustCompile(`\.T\("([^"]*)"(\s*\+)?`)

// TestStringsExist wants every UI string a layout names in strings.yaml,
// and, for a key made from a value ("stage." + f.Stage), the key of every
// value that can be: View.T shows an unknown key as it is, so a typo
// would otherwise reach the page.
func TestStringsExist(t *testing.T) {
	raw, err := os.ReadFile("../strings.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var strings map[string]string
	if err := yaml.Unmarshal(raw, &strings); err != nil {
		t.Fatal(err)
	}
	var sections []string
	for _, s := range model.Sections {
		sections = append(sections, s.Name)
	}
	values := map[string][]string{
		"stage.": model.Stages, "verdict.": model.Verdicts, "category.": model.Categories, "count.": sections,
	}
	layouts, _ := filepath.Glob("*.templ")
	found := 0
	for _, name := range layouts {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range uiKey.FindAllStringSubmatch(string(src), -1) {
			found++
			keys := []string{m[1]}
			if m[2] != "" {
				vs, ok := values[m[1]]
				if !ok {
					t.Errorf("%s: v.T(%q + …): this test does not know the values after %q; add them to its table", name, m[1], m[1])
				}
				keys = nil
				for _, v := range vs {
					keys = append(keys, m[1]+v)
				}
			}
			for _, k := range keys {
				if _, ok := strings[k]; !ok {
					t.Errorf("%s: teks %q tidak ada di themes/default/strings.yaml; tambahkan, atau perbaiki kuncinya", name, k)
				}
			}
		}
	}
	if found < 100 {
		t.Fatalf("found %d UI strings in the layouts; the pattern no longer matches how they are written", found)
	}
}
