package config

import (
	"strings"
	"testing"
)

// TestSiteBaseOnPortalDomain refuses a site address on the portal's domain
// anywhere but <portal>/<id>/, at its line, and accepts that address and
// other domains.
func TestSiteBaseOnPortalDomain(t *testing.T) {
	const yaml = "city: Kota\nbase_url: https://kim.example.id/portal/\nsites:\n  - id: kauman\n    name: Kauman\n    kecamatan: Klojen\n    base_url: %s\n"
	tests := []struct {
		base string
		ok   bool
	}{
		{"https://kim.example.id/portal/kauman/", true},
		{"https://kim.example.id/portal/kauman", true},
		{"https://kauman.example.id/", true},
		{"https://kauman.kim.example.id/", true},
		{"https://kim.example.id/", false},
		{"https://kim.example.id/kauman/", false},
		{"https://kim.example.id/portal/", false},
		{"https://kim.example.id/portal/lain/", false},
		{"https://KIM.example.id/portal/Kauman/", false},
		{"http://kim.example.id/portal/kauman/x/", false},
		{"https://kim.example.id/portal/kauman/?a=1", false},
	}
	for _, tt := range tests {
		_, _, problems := Parse([]byte(strings.Replace(yaml, "%s", tt.base, 1)))
		if tt.ok && len(problems) > 0 {
			t.Errorf("%s: unexpected %v", tt.base, problems)
		}
		if !tt.ok && (len(problems) != 1 || problems[0].Line != 7 || !strings.Contains(problems[0].Message, "domain portal")) {
			t.Errorf("%s: got %v, want one problem at sites.yaml:7", tt.base, problems)
		}
	}
}

// TestSitesIDNumbers finds identity numbers in sites.yaml as written
// (comments too) and as YAML decodes its values, and lets allow_numbers pass.
func TestSitesIDNumbers(t *testing.T) {
	const sites = "city: Kota\nbase_url: https://kim.example.id/\n# ketua: 3573014506900001\nsites:\n  - id: kauman\n    name: Kauman\n    kecamatan: Klojen\n    contact: {address: \"\\x33\\x35\\x37\\x33010506900001\"}\n"
	_, _, problems := Parse([]byte(sites))
	var got []string
	for _, p := range problems {
		got = append(got, p.Position()+": "+p.Message)
	}
	want := []string{"sites.yaml:3: angka 3573xxxxxxxxxx01 tampak seperti NIK atau nomor KK", "sites.yaml:8: angka 3573xxxxxxxxxx01 tampak seperti NIK atau nomor KK"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
	allowed := strings.Replace(sites, "sites:\n", "allow_numbers:\n  - {number: \"3573014506900001\", reason: x}\n  - {number: \"3573010506900001\", reason: y}\nsites:\n", 1)
	if _, _, problems := Parse([]byte(allowed)); len(problems) > 0 {
		t.Errorf("allowed: %v", problems)
	}
}

// TestOldMacLineEndings reads a sites.yaml whose lines end in CR alone and
// puts a problem at the line an editor shows.
func TestOldMacLineEndings(t *testing.T) {
	data := "city: Kota\rbase_url: https://kim.example.id/\rsites:\r  - id: kauman\r    name: Kauman\r    kecamatan: Klojen\r    colour: merah\r"
	_, _, problems := Parse([]byte(data))
	if len(problems) != 1 || problems[0].Line != 7 {
		t.Errorf("got %v, want one problem at sites.yaml:7", problems)
	}
}
