package config

import (
	"slices"
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/safeurl"
	"github.com/kotamalang/kimsite/generator/slug"
)

// FuzzParse checks that any sites.yaml is read without a panic, that every
// problem points at a line of the file, and that whatever Parse accepts
// keeps its promises: site ids are slugs that are not reserved and not
// repeated, accent colours are plain colours, URLs have an allowed scheme,
// and every path ends in "/".
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"city: Kota Malang\nbase_url: https://kim.malangkota.go.id/\nsites:\n  - id: kauman\n    name: Kelurahan Kauman\n    kecamatan: Klojen\n    accent: \"#0b6e4f\"\n    social: {youtube: \"https://youtube.com/@x\"}\n    contact: {email: a@b.id, whatsapp: \"0812-3456-7890\"}\n",
		"city: x\nbase_url: https://a.id/sub\nsites:\n  - id: a\n    name: A\n    kecamatan: K\n    base_url: https://a.example.id\n  - id: a\n    name: B\n    kecamatan: K\n",
		"city: x\nbase_url: javascript:alert(1)\nsites:\n  - id: ../x\n    name: y\n    kecamatan: z\n    accent: \"#fff;}body{x:y}\"\n",
		"city: x\nbase_url: https://a.id/\nsites:\n  - id: umkm\n    name: y\n    kecamatan: z\n  -\n",
		"a: &a [x, x, x]\nb: &b [*a, *a, *a]\nsites: *b\n",
		"city: x\nbase_url: https://a.id/\nallow_numbers:\n  - {number: \"3573014506900001\", reason: nomor registrasi koperasi}\nsites: []\n",
		"", "[", "city: [\n", "- a\n", "sites:\n  - id: \"\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		city, pos, problems := Parse(data)
		lines := lineCount(data)
		for _, p := range problems {
			if p.Line < 0 || p.Line > lines {
				t.Fatalf("Parse(%q): problem at line %d of %d: %s", data, p.Line, lines, p)
			}
		}
		for key, l := range pos {
			if l < 1 || l > lines {
				t.Fatalf("Parse(%q): key %q at line %d of %d", data, key, l, lines)
			}
		}
		if city == nil {
			return
		}
		checkURL := func(what, u string) {
			if u != "" && safeurl.CheckAbsolute(u) != nil {
				t.Fatalf("Parse(%q) accepted %s %q", data, what, u)
			}
		}
		checkURL("base_url", city.BaseURL)
		checkURL("repo", city.Repo)
		if !strings.HasPrefix(city.Path, "/") || !strings.HasSuffix(city.Path, "/") {
			t.Fatalf("Parse(%q): portal path %q", data, city.Path)
		}
		if problems.Errors() > 0 {
			return // the build stops; what follows is promised for a clean file
		}
		seen := map[string]bool{}
		for _, s := range city.Sites {
			if !slug.Valid(s.ID) || slices.Contains(Reserved, s.ID) || seen[s.ID] {
				t.Fatalf("Parse(%q) accepted site id %q", data, s.ID)
			}
			seen[s.ID] = true
			if s.Accent != "" && !accentColor.MatchString(s.Accent) {
				t.Fatalf("Parse(%q) accepted accent %q", data, s.Accent)
			}
			checkURL("base_url", s.BaseURL)
			for _, u := range []string{s.Social.YouTube, s.Social.Instagram, s.Social.Facebook, s.Social.TikTok, s.Social.X} {
				checkURL("social", u)
			}
			if !strings.HasPrefix(s.Path, "/") || !strings.HasSuffix(s.Path, "/") {
				t.Fatalf("Parse(%q): site path %q", data, s.Path)
			}
		}
	})
}

// lineCount counts lines as YAML does: a lone carriage return, NEL, LS
// and PS end a line too.
func lineCount(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	n := 1
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}
