package owners_test

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/owners"
)

const sites = `city: Kota Malang
base_url: https://kim.example.id/
maintainers: ["@kota/diskominfo"]
sites:
  - id: kauman
    name: Kelurahan Kauman
    kecamatan: Klojen
    editors: ["@kota/kim-kauman", "@budi"]
  - id: sukun
    name: Kelurahan Sukun
    kecamatan: Sukun
`

func city(t *testing.T, yaml string) *config.City {
	t.Helper()
	c, _, problems := config.Parse([]byte(yaml))
	if c == nil || problems.Errors() > 0 {
		t.Fatalf("sites.yaml: %v", problems)
	}
	return c
}

func TestFileGivesEachFolderToItsEditors(t *testing.T) {
	got := string(owners.File(city(t, sites)))
	for _, line := range []string{
		"* @kota/diskominfo\n",
		"/sites.yaml @kota/diskominfo\n",
		"/themes/ @kota/diskominfo\n",
		"/generator/ @kota/diskominfo\n",
		"/.github/ @kota/diskominfo\n",
		"/go.sum @kota/diskominfo\n",
		"/content/kauman/ @kota/kim-kauman @budi\n",
		// a site without editors stays with the maintainers, not with anyone
		"/content/sukun/ @kota/diskominfo\n",
	} {
		if !strings.Contains(got, line) {
			t.Errorf("CODEOWNERS lacks %q:\n%s", line, got)
		}
	}
	// The last matching line wins on GitHub: the sites must come after "*".
	if strings.Index(got, "* @kota") > strings.Index(got, "/content/kauman/") {
		t.Errorf("catch-all after the sites:\n%s", got)
	}
}

func TestCheck(t *testing.T) {
	c := city(t, sites)
	current := owners.File(c)
	stale := strings.Replace(string(current), " @budi", "", 1)
	tests := []struct {
		name  string
		files fstest.MapFS
		city  *config.City
		want  string // "" for no problem
	}{
		{"current", fstest.MapFS{owners.Path: {Data: current}}, c, ""},
		{"windows line ends", fstest.MapFS{owners.Path: {Data: []byte(strings.ReplaceAll(string(current), "\n", "\r\n"))}}, c, ""},
		{"editor added in sites.yaml", fstest.MapFS{owners.Path: {Data: []byte(stale)}}, c,
			`.github/CODEOWNERS:16: .github/CODEOWNERS tidak sesuai dengan sites.yaml: tertulis "/content/kauman/ @kota/kim-kauman", seharusnya "/content/kauman/ @kota/kim-kauman @budi"` +
				"\n    Jalankan kimsite codeowners lalu commit .github/CODEOWNERS bersama sites.yaml."},
		{"site removed from sites.yaml", fstest.MapFS{owners.Path: {Data: append(current, "/content/lama/ @x\n"...)}}, c,
			`.github/CODEOWNERS:18: .github/CODEOWNERS tidak sesuai dengan sites.yaml: baris "/content/lama/ @x" tidak ada di sites.yaml`},
		{"missing while sites.yaml names owners", fstest.MapFS{}, c,
			".github/CODEOWNERS: peringatan: berkas .github/CODEOWNERS belum ada, jadi editors dan maintainers di sites.yaml belum berlaku"},
		{"missing and nobody named", fstest.MapFS{}, city(t, "city: K\nbase_url: https://k.id/\nsites:\n  - {id: a, name: A, kecamatan: B}\n"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := owners.Check(tt.files, tt.city)
			if tt.want == "" {
				if len(problems) > 0 {
					t.Fatalf("unexpected: %v", problems)
				}
				return
			}
			if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), tt.want) {
				t.Fatalf("got %v\nwant %s", problems, tt.want)
			}
			// Only a stale file stops check; a missing one warns.
			if wantErrors := !strings.Contains(tt.want, "peringatan"); (problems.Errors() > 0) != wantErrors {
				t.Errorf("errors = %d", problems.Errors())
			}
		})
	}
}

// TestRepositoryIsCurrent keeps the committed sample CODEOWNERS in step with
// the sample sites.yaml.
func TestRepositoryIsCurrent(t *testing.T) {
	root := os.DirFS("../..")
	c, problems := config.Load(root)
	if c == nil || problems.Errors() > 0 {
		t.Fatalf("sites.yaml: %v", problems)
	}
	if problems := owners.Check(root, c); len(problems) > 0 {
		t.Fatalf("%v", problems)
	}
}
