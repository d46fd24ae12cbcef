package config_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/config"
)

const cityHead = `city: Kota Contoh
base_url: https://kim.example.id/
sites:
  - {id: mawar, name: Kelurahan Mawar, kecamatan: Klojen}
  - {id: melati, name: Kelurahan Melati, kecamatan: Klojen, base_url: https://melati.example.id/}
`

// TestCMSBlock checks the cms: block's defaults and that every mistake in
// it is reported at its sites.yaml line.
func TestCMSBlock(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		line       int    // of the expected problem; 0 for none
		want       string // in the problem
		check      func(t *testing.T, c config.CMS)
	}{
		{name: "defaults", yaml: "", check: func(t *testing.T, c config.CMS) {
			if c.AuthScope != "public_repo" || c.Branch != "main" || c.OpenAuthoring || c.AuthURL != "" {
				t.Errorf("defaults: %+v", c)
			}
		}},
		{name: "all set", yaml: "cms:\n  auth_url: https://auth.example.id/\n  auth_endpoint: /api/auth\n  auth_scope: repo\n  open_authoring: true\n  branch: terbit\n", check: func(t *testing.T, c config.CMS) {
			want := config.CMS{AuthURL: "https://auth.example.id", AuthEndpoint: "api/auth", AuthScope: "repo", OpenAuthoring: true, Branch: "terbit"}
			if c != want {
				t.Errorf("got %+v, want %+v", c, want)
			}
		}},
		{name: "branch from the city", yaml: "branch: utama\ncms:\n  auth_url: https://auth.example.id\n", check: func(t *testing.T, c config.CMS) {
			if c.Branch != "utama" {
				t.Errorf("branch %q, want the city's", c.Branch)
			}
		}},
		{name: "unknown key", yaml: "cms:\n  auth_ulr: https://auth.example.id\n", line: 7, want: `maksudnya "auth_url"`},
		{name: "scope written wrong", yaml: "cms:\n  auth_scope: admin\n", line: 7, want: `"admin"`},
		{name: "auth_url not a URL", yaml: "cms:\n  auth_url: auth.example.id\n", line: 7, want: "auth.example.id"},
		{name: "auth_url javascript", yaml: "cms:\n  auth_url: javascript:alert(1)\n", line: 7, want: "javascript"},
		{name: "auth_url plain http", yaml: "cms:\n  auth_url: http://auth.example.id\n", line: 7, want: "https://"},
		{name: "auth_url with query", yaml: "cms:\n\n  auth_url: https://auth.example.id/?x=1\n", line: 8, want: "?"},
		{name: "endpoint climbs", yaml: "cms:\n  auth_url: https://a.example.id\n  auth_endpoint: ../x\n", line: 8, want: "auth_endpoint"},
		{name: "endpoint alone", yaml: "cms:\n  auth_endpoint: auth\n", line: 7, want: "auth_url"},
		{name: "branch with space", yaml: "cms:\n  branch: \"main; rm -rf\"\n", line: 7, want: "cabang"},
		{name: "open_authoring not bool", yaml: "cms:\n  open_authoring: ya\n", line: 7, want: "true atau false"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			city, _, problems := config.Parse([]byte(cityHead + tc.yaml))
			if city == nil {
				t.Fatal(problems)
			}
			if tc.line == 0 {
				if len(problems) > 0 {
					t.Fatal(problems)
				}
				tc.check(t, city.CMS)
				return
			}
			if len(problems) != 1 {
				t.Fatalf("want one problem, got %v", problems)
			}
			p := problems[0]
			if p.Path != "sites.yaml" || p.Line != tc.line || !strings.Contains(p.String(), tc.want) {
				t.Errorf("got %s, want sites.yaml:%d with %q", p.String(), tc.line, tc.want)
			}
		})
	}
}

// TestOverrides moves the portal and one site, as kimsite build
// --base-url and --site-base-url do.
func TestOverrides(t *testing.T) {
	city, _, problems := config.Parse([]byte(cityHead + "  - {id: kenanga, name: Kelurahan Kenanga, kecamatan: Sukun}\n"))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	var o config.Overrides
	if err := o.SetPortal("https://kota.github.io/kim"); err != nil {
		t.Fatal(err)
	}
	if err := o.Set("melati=https://kota.github.io/kim/melati"); err != nil {
		t.Fatal(err)
	}
	if err := city.Apply(o); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ id, base, path string }{
		{"mawar", "https://kota.github.io/kim/mawar/", "/kim/mawar/"},
		{"melati", "https://kota.github.io/kim/melati/", "/kim/melati/"},
		{"kenanga", "https://kota.github.io/kim/kenanga/", "/kim/kenanga/"},
	} {
		s := city.Site(tc.id)
		if s.BaseURL != tc.base || s.Path != tc.path {
			t.Errorf("%s: %s %s, want %s %s", tc.id, s.BaseURL, s.Path, tc.base, tc.path)
		}
	}
	if city.BaseURL != "https://kota.github.io/kim/" || city.Path != "/kim/" {
		t.Errorf("portal: %s %s", city.BaseURL, city.Path)
	}
	// An own-domain site keeps its domain when only the portal moves.
	city, _, _ = config.Parse([]byte(cityHead))
	if err := city.Apply(config.Overrides{Portal: "https://x.example/"}); err != nil {
		t.Fatal(err)
	}
	if s := city.Site("melati"); s.BaseURL != "https://melati.example.id/" || !s.OwnDomain(city) {
		t.Errorf("own domain moved: %s", s.BaseURL)
	}
	if err := city.Apply(config.Overrides{Sites: map[string]string{"tidakada": "https://x.example/"}}); err == nil {
		t.Error("an unknown site id should be refused")
	}
}

func TestOverrideValues(t *testing.T) {
	for _, v := range []string{
		"", "kim.example.id", "ftp://kim.example.id/", "javascript:alert(1)", "mailto:a@b.id",
		"https://kim.example.id/?a=1", "https://kim.example.id/#x", "https:///x", "https://a@b.id/",
		"https://kim.example.id/a/../b/", "https://kim example.id/",
	} {
		var o config.Overrides
		if err := o.SetPortal(v); err == nil {
			t.Errorf("--base-url %q accepted", v)
		}
		if err := o.Set("mawar=" + v); err == nil {
			t.Errorf("--site-base-url mawar=%q accepted", v)
		}
	}
	for _, v := range []string{"mawar", "=https://a.id/", "mawar:https://a.id/"} {
		var o config.Overrides
		if err := o.Set(v); err == nil {
			t.Errorf("--site-base-url %q accepted", v)
		}
	}
	var o config.Overrides
	if err := o.SetPortal("http://127.0.0.1:8080"); err != nil || o.Portal != "http://127.0.0.1:8080/" {
		t.Errorf("trailing slash: %q %v", o.Portal, err)
	}
	if err := o.Set("a=https://a.id/"); err != nil {
		t.Fatal(err)
	}
	if err := o.Set("a=https://b.id/"); err == nil {
		t.Error("a site given twice should be refused")
	}
}

func TestBaseURLInSitesYAML(t *testing.T) {
	_, _, problems := config.Parse([]byte("city: K\nbase_url: https://kim.example.id/?v=1\nsites:\n  - {id: a, name: A, kecamatan: B, base_url: \"mailto:x@y.id\"}\n"))
	got := fmt.Sprint(problems)
	if len(problems) != 2 || !strings.Contains(got, "sites.yaml:2:") || !strings.Contains(got, "sites.yaml:4:") {
		t.Errorf("want problems at lines 2 and 4, got:\n%s", got)
	}
}
