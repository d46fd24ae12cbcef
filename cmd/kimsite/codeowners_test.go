package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCodeowners runs the command end to end: it writes CODEOWNERS, check
// passes, an editor added to sites.yaml makes check fail with the line to
// fix, and running codeowners again makes it pass.
func TestCodeowners(t *testing.T) {
	bin := kimsiteBinary(t)
	dir := sampleTree(t)

	r := runBinary(t, bin, dir, "check")
	if r.code != 0 || !strings.Contains(r.stderr, ".github/CODEOWNERS: peringatan: berkas .github/CODEOWNERS belum ada") {
		t.Fatalf("check without CODEOWNERS: exit %d\n%s", r.code, r.stderr)
	}
	r = runBinary(t, bin, dir, "codeowners")
	if r.code != 0 || r.stdout != "Ditulis: .github/CODEOWNERS (3 kelurahan). Commit berkas ini bersama sites.yaml.\n" {
		t.Fatalf("codeowners: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	written, err := os.ReadFile(filepath.Join(dir, ".github", "CODEOWNERS"))
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../../.github/CODEOWNERS")
	if err != nil || string(written) != string(committed) {
		t.Errorf("the committed .github/CODEOWNERS is not what kimsite codeowners writes for the sample sites.yaml")
	}
	if r = runBinary(t, bin, dir, "check"); r.code != 0 || r.stderr != "" {
		t.Fatalf("check after codeowners: exit %d\n%s", r.code, r.stderr)
	}

	sites := filepath.Join(dir, "sites.yaml")
	data, _ := os.ReadFile(sites)
	changed := strings.Replace(string(data), `editors: ["@kotamalang/kim-tunggulwulung"]`, `editors: ["@kotamalang/kim-tunggulwulung", "@sari"]`, 1)
	if changed == string(data) {
		t.Fatal("sample sites.yaml changed shape; update this test")
	}
	os.WriteFile(sites, []byte(changed), 0o644)
	r = runBinary(t, bin, dir, "check")
	want := `.github/CODEOWNERS:17: .github/CODEOWNERS tidak sesuai dengan sites.yaml: tertulis "/content/tunggulwulung/ @kotamalang/kim-tunggulwulung", seharusnya "/content/tunggulwulung/ @kotamalang/kim-tunggulwulung @sari"
    Jalankan kimsite codeowners lalu commit .github/CODEOWNERS bersama sites.yaml.
`
	if r.code != 1 || !strings.HasPrefix(r.stderr, want) {
		t.Fatalf("check with a stale CODEOWNERS: exit %d\n%s\nwant\n%s", r.code, r.stderr, want)
	}
	runBinary(t, bin, dir, "codeowners")
	if r = runBinary(t, bin, dir, "check"); r.code != 0 {
		t.Fatalf("check after codeowners again: exit %d\n%s", r.code, r.stderr)
	}

	if r = runBinary(t, bin, dir, "codeowners", "--root", filepath.Join(dir, "tidak-ada")); r.code != 1 || !strings.Contains(r.stderr, "sites.yaml tidak ditemukan") {
		t.Errorf("codeowners on a missing root: exit %d\n%s", r.code, r.stderr)
	}
}
