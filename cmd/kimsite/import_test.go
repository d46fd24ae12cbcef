package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportWordPress imports a realistic WordPress export into a sample
// site with the built binary, then checks and builds it: the import passes
// check with warnings only, the site builds, old addresses lead to the new
// pages, and a second import changes nothing. (The page checks on the
// built site run in generator/wordpress.)
func TestImportWordPress(t *testing.T) {
	root := copyTree(t)
	testdata, _ := filepath.Abs(filepath.Join("..", "..", "generator", "wordpress", "testdata"))
	export := filepath.Join(testdata, "kauman.xml")
	args := []string{"import", "wordpress", export, "--site", "kauman", "--uploads", filepath.Join(testdata, "uploads"), "--root", root}
	out, errOut, code := runCached(t, args...)
	if code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		export + ":134: Pengumuman Penerima Bantuan Sosial (content/kauman/berita/penerima-bansos.md): ditahan sebagai draf: 1 nomor yang mirip NIK/KK disamarkan",
		export + ":193: Catatan internal rapat RT: tulisan pribadi (private): tidak untuk umum",
		export + ":207: Data warga RW 01: dilindungi kata sandi: tidak untuk umum",
		"Diimpor: 7 berita, 2 halaman (3 draf), 4 lampiran, 12 alamat lama dialihkan; 15 berkas ditulis, 0 tidak berubah",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	imported := readTree(t, filepath.Join(root, "content", "kauman"))

	out, errOut, code = runCached(t, "check", "--root", root)
	if code != 0 || strings.Contains(errOut, ": kesalahan") {
		t.Fatalf("check of the imported site: exit %d\n%s%s", code, out, errOut)
	}
	public := filepath.Join(t.TempDir(), "public")
	if out, errOut, code = runCached(t, "build", "--root", root, "--out", public); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, out, errOut)
	}
	for old, target := range map[string]string{
		"2020/11/05/kerja-bakti-–-senam-pagi":  "/kauman/berita/kerja-bakti-senam-pagi/",
		"2020/11/05/kerja-bakti":               "/kauman/berita/kerja-bakti-senam-pagi/",
		"category/kesehatan":                   "/kauman/tags/kesehatan/",
		"profil-kelurahan/struktur-organisasi": "/kauman/struktur-organisasi/",
	} {
		data, err := os.ReadFile(filepath.Join(public, "kauman", old, "index.html"))
		if err != nil {
			t.Errorf("no redirect page for /%s/: %v", old, err)
			continue
		}
		s := string(data)
		if !strings.Contains(s, `<meta http-equiv="refresh" content="0; url=https://kim.malangkota.go.id`+target+`">`) ||
			!strings.Contains(s, `<link rel="canonical" href="https://kim.malangkota.go.id`+target+`">`) ||
			strings.Contains(s, "<script") {
			t.Errorf("redirect page for /%s/:\n%s", old, s)
		}
		if _, err := os.Stat(filepath.Join(public, filepath.FromSlash(strings.Trim(target, "/")), "index.html")); err != nil {
			t.Errorf("redirect target %s not built", target)
		}
	}
	body, _ := os.ReadFile(filepath.Join(public, "kauman", "berita", "kerja-bakti-senam-pagi", "index.html"))
	if !strings.Contains(string(body), `data-yt="dQw4w9WgXcQ"`) || !strings.Contains(string(body), `alt="Warga membersihkan selokan di Jl. Kauman Gang 3"`) {
		t.Errorf("imported post lacks its video embed or photo")
	}
	if _, err := os.Stat(filepath.Join(public, "kauman", "berita", "penerima-bansos")); err == nil {
		t.Error("the post held as a draft for an NIK is published")
	}

	out, errOut, code = runCached(t, args...)
	if code != 0 || !strings.Contains(out, "; 0 berkas ditulis, 15 tidak berubah;") {
		t.Fatalf("second import: exit %d\n%s%s", code, out, errOut)
	}
	if again := readTree(t, filepath.Join(root, "content", "kauman")); again != imported {
		t.Error("the second import changed the site folder")
	}

	_, errOut, code = runCached(t, "import", "wordpress", filepath.Join(testdata, "blogger.xml"), "--site", "kauman", "--root", root)
	if code != 1 || !strings.Contains(errOut, "ekspor Blogger (format Atom), bukan ekspor WordPress (WXR)") {
		t.Errorf("Blogger export: exit %d\n%s", code, errOut)
	}
	_, errOut, code = runCached(t, "import", "wordpress", export, "--root", root)
	if code != 2 || !strings.Contains(errOut, "--site ID") {
		t.Errorf("no --site: exit %d\n%s", code, errOut)
	}
}

// readTree gives every file under dir, path and content, as one string.
func readTree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		b.WriteString(p + "\n" + string(data) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
