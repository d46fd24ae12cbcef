package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/model"
)

// TestNewThenCheck scaffolds a page in every section with the built
// command, then checks the tree: it must pass.
func TestNewThenCheck(t *testing.T) {
	root := copyTree(t)
	for _, sec := range model.SectionNames() {
		out, errOut, code := runCached(t, "new", "--root", root, "kauman", sec, "Uji: "+sec+" & kawan-kawan")
		want := "content/kauman/" + sec + "/uji-" + sec + "-dan-kawan-kawan.md"
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("new %s: exit %d\n%s%s", sec, code, out, errOut)
		}
		if _, err := os.Stat(filepath.Join(root, want)); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := runCached(t, "new", "site", "sumbersari", "Kelurahan Sumbersari", "--kecamatan", "Lowokwaru", "--root", root)
	if code != 0 {
		t.Fatalf("new site: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runCached(t, "new", "--root", root, "sumbersari", "berita", "Kabar pertama")
	if code != 0 {
		t.Fatalf("new in the new site: exit %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code := runCached(t, "check", "--root", root); code != 0 || errOut != "" {
		t.Fatalf("check after new: exit %d\n%s%s", code, out, errOut)
	}
}

// TestNewRefuses checks the usage errors of new, and that it never
// replaces a file.
func TestNewRefuses(t *testing.T) {
	root := copyTree(t)
	now := time.Date(2026, 11, 5, 20, 0, 0, 0, time.UTC)
	run := func(args ...string) (string, int) {
		var out, errb bytes.Buffer
		code := runNew(append([]string{"--root", root}, args...), &out, &errb, now)
		return out.String() + errb.String(), code
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"kaumn", "berita", "X"}, exitUsage, `kelurahan "kaumn" tidak ada di sites.yaml (maksudnya "kauman"?); yang ada: kauman, tunggulwulung, bandungrejosari`},
		{[]string{"kauman", "beritaa", "X"}, exitUsage, `bagian "beritaa" tidak dikenal (maksudnya "berita"?); yang ada: berita, agenda, perencanaan, umkm, cek-fakta`},
		{[]string{"kauman", "berita", "!!!"}, exitUsage, `judul "!!!" tidak bisa dijadikan nama berkas`},
		{[]string{"kauman", "berita"}, exitUsage, `tulis: kimsite new KELURAHAN BAGIAN "Judul"`},
		{[]string{"kauman", "berita", "Kerja Bakti RW 05"}, exitContent, "content/kauman/berita/kerja-bakti-rw-05.md sudah ada dan tidak ditimpa"},
		{[]string{"site", "kauman", "Kelurahan Kauman", "--kecamatan", "Klojen"}, exitUsage, `kelurahan "kauman" sudah ada di sites.yaml`},
		{[]string{"site", "umkm", "Kelurahan UMKM", "--kecamatan", "Klojen"}, exitUsage, `id "umkm" sudah dipakai oleh portal kota`},
		{[]string{"site", "Sumber Sari", "Kelurahan Sumbersari", "--kecamatan", "Lowokwaru"}, exitUsage, `id "Sumber Sari" tidak boleh dipakai sebagai alamat`},
		{[]string{"site", "sumbersari", "Kelurahan Sumbersari"}, exitUsage, `--kecamatan KECAMATAN`},
		{[]string{"kauman", "berita", "X", "--warna", "merah"}, exitUsage, `opsi --warna tidak dikenal`},
	} {
		before, _ := os.ReadFile(filepath.Join(root, "content/kauman/berita/kerja-bakti-rw-05.md"))
		msg, code := run(tc.args...)
		if code != tc.code || !strings.Contains(msg, tc.msg) {
			t.Errorf("new %v: exit %d, %q; want exit %d, %q", tc.args, code, msg, tc.code, tc.msg)
		}
		if after, _ := os.ReadFile(filepath.Join(root, "content/kauman/berita/kerja-bakti-rw-05.md")); !bytes.Equal(before, after) {
			t.Fatalf("new %v changed an existing file", tc.args)
		}
	}
	// The date is today in WIB: 20:00 UTC on the 5th is the 6th in Malang.
	if _, code := run("kauman", "berita", "Malam hari"); code != exitOK {
		t.Fatal("new failed")
	}
	data, _ := os.ReadFile(filepath.Join(root, "content/kauman/berita/malam-hari.md"))
	if !strings.Contains(string(data), "\ndate: 2026-11-06 ") {
		t.Errorf("date is not today in WIB:\n%s", data)
	}
}
