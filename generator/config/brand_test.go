package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestBrand(t *testing.T) {
	const yaml = `city: Kota Malang
base_url: https://kim.example.id/
sites:
  - id: kauman
    name: Kelurahan Kauman
    kecamatan: Klojen
    accent: "#0b6e4f"
    logo: /logo.svg
  - id: oro
    name: Kelurahan Oro-oro Dowo
    kecamatan: Klojen
    accent: "#ffd400"
    logo: /tidak-ada.png
  - id: sumbersari
    name: Kelurahan Sumbersari
    kecamatan: Lowokwaru
    logo: /dokumen/rab.pdf
`
	fsys := fstest.MapFS{
		"sites.yaml":                      {Data: []byte(yaml)},
		"content/kauman/static/logo.svg":  {Data: []byte("<svg/>")},
		"content/oro/_index.md":           {Data: []byte("---\ntitle: x\n---\n")},
		"content/sumbersari/_index.md":    {Data: []byte("---\ntitle: x\n---\n")},
		"content/sumbersari/static/x.txt": {Data: []byte("x")},
	}
	city, problems := Load(fsys)
	got := problems.Error()
	for _, want := range []string{
		`sites.yaml:12: warna "#ffd400" terlalu terang`,
		`sites.yaml:13: logo "/tidak-ada.png" tidak ditemukan (dicari di content/oro/static/tidak-ada.png)`,
		`sites.yaml:17: logo "/dokumen/rab.pdf" bukan gambar`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	if n := problems.Errors(); n != 3 {
		t.Errorf("%d problems, want 3:\n%s", n, got)
	}
	if s := city.Site("kauman"); s.Accent != "#0b6e4f" || s.Logo != "/logo.svg" {
		t.Errorf("kauman accent %q logo %q", s.Accent, s.Logo)
	}
}
