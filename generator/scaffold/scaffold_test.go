package scaffold

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/model"
)

// 23:30 UTC on the 26th is already the 27th in WIB.
var now = time.Date(2026, 11, 26, 23, 30, 0, 0, time.UTC)

func TestPageBerita(t *testing.T) {
	got := string(Page(new(model.BeritaFront), `Kerja bakti "bersih" RW 05`, now, true))
	want := `---
title: "Kerja bakti \"bersih\" RW 05" # Wajib. Judul singkat yang jelas, paling banyak 70 huruf.
date: 2026-11-27            # Tanggal terbit, mis. 2026-11-05 (WIB).
summary:                    # Satu atau dua kalimat untuk daftar dan pratinjau WhatsApp, paling banyak 160 huruf.
tags:                       # Kata kunci, mis. [kesehatan, posyandu].
image:                      # Nama berkas foto di samping halaman ini, atau /nama.jpg dari folder static/.
image_alt:                  # Jelaskan isi foto untuk pembaca tunanetra.
draft: true                 # Hapus baris ini, atau tulis false, bila sudah siap terbit.
author:                     # Nama anggota KIM yang menulis berita ini.
---

`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestPageEverySection decodes each section's scaffold with the build's
// own loader: it must pass, name every key of the model, and be a draft.
func TestPageEverySection(t *testing.T) {
	for _, spec := range model.Sections {
		data := Page(spec.New(), "Judul: uji & coba", now, true)
		fsys := fstest.MapFS{"content/desa/" + spec.Name + "/uji.md": {Data: data}}
		site, problems := content.Load(fsys, &config.Site{ID: "desa", Path: "/desa/"}, true)
		if len(problems) > 0 {
			t.Errorf("%s:\n%s\n%v", spec.Name, data, problems)
			continue
		}
		p := site.Section(spec.Name).Pages[0]
		if !p.Meta.Draft || p.Meta.Title != "Judul: uji & coba" || p.Meta.Date.Format("2006-01-02") != "2026-11-27" {
			t.Errorf("%s: draft %v, title %q, date %v", spec.Name, p.Meta.Draft, p.Meta.Title, p.Meta.Date)
		}
		for key := range p.Pos {
			if key != "" && !strings.Contains(string(data), "\n"+key+":") {
				t.Errorf("%s: key %q missing", spec.Name, key)
			}
		}
		if n := strings.Count(string(data), "\n") - 3; n != len(p.Pos)-1+strings.Count(string(data), "\n#") {
			t.Errorf("%s: %d lines but %d keys decoded; every key should be present", spec.Name, n, len(p.Pos)-1)
		}
	}
}

const sitesYAML = `# daftar kelurahan
city: Kota Malang
base_url: https://kim.example/      # portal

sites:
  # Klojen
  - id: kauman
    name: Kelurahan Kauman          # nama resmi
    kecamatan: Klojen

  - id: oro-oro-dowo
    name: Kelurahan Oro-oro Dowo
    kecamatan: Klojen
`

func TestAddSite(t *testing.T) {
	values := map[string]string{"id": "sumbersari", "name": "Kelurahan Sumbersari", "kecamatan": "Lowokwaru"}
	entry := "\n  - id: sumbersari\n    name: Kelurahan Sumbersari\n    kecamatan: Lowokwaru\n"
	for _, tc := range []struct{ name, in, want string }{
		{"last key", sitesYAML, sitesYAML + entry},
		{"no final newline", strings.TrimSuffix(sitesYAML, "\n"), sitesYAML + entry},
		{"trailing comment", sitesYAML + "\n# akhir berkas\n", sitesYAML + entry + "\n# akhir berkas\n"},
		{"key after", sitesYAML + "\n# pengelola\nmaintainers: [\"@x\"]\n", sitesYAML + entry + "\n# pengelola\nmaintainers: [\"@x\"]\n"},
		{"four spaces", "city: X\nbase_url: https://x/\nsites:\n    - id: a\n      name: A\n      kecamatan: K\n",
			"city: X\nbase_url: https://x/\nsites:\n    - id: a\n      name: A\n      kecamatan: K\n\n    - id: sumbersari\n      name: Kelurahan Sumbersari\n      kecamatan: Lowokwaru\n"},
	} {
		got, err := AddSite([]byte(tc.in), values)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if string(got) != tc.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, got, tc.want)
		}
		city, _, problems := config.Parse(got)
		if city == nil || city.Site("sumbersari") == nil || city.Site("sumbersari").Kecamatan != "Lowokwaru" || len(problems) > 0 {
			t.Errorf("%s: result does not parse: %v", tc.name, problems)
		}
	}
	for _, bad := range []string{"city: X\nsites: []\n", "city: X\n", "- a\n", "sites:\n"} {
		if _, err := AddSite([]byte(bad), values); err != ErrNoSites {
			t.Errorf("AddSite(%q): err %v, want ErrNoSites", bad, err)
		}
	}
	// A name that YAML would read as something else is quoted.
	got, err := AddSite([]byte(sitesYAML), map[string]string{"id": "x", "name": "Kelurahan: Yes", "kecamatan": "no"})
	if err != nil {
		t.Fatal(err)
	}
	city, _, _ := config.Parse(got)
	if s := city.Site("x"); s == nil || s.Name != "Kelurahan: Yes" || s.Kecamatan != "no" {
		t.Errorf("special values did not survive:\n%s", got)
	}
}
