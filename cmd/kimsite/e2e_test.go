package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// binary is the command, built once for all the tests of the package.
var binary struct {
	once sync.Once
	dir  string
	err  error
}

// kimsiteBinary builds the command once per test run.
func kimsiteBinary(t *testing.T) string {
	t.Helper()
	binary.once.Do(func() {
		if binary.dir, binary.err = os.MkdirTemp("", "kimsite-bin-"); binary.err != nil {
			return
		}
		cmd := exec.Command("go", "build", "-o", filepath.Join(binary.dir, "kimsite"), ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			binary.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		t.Fatal(binary.err)
	}
	return filepath.Join(binary.dir, "kimsite")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binary.dir != "" {
		os.RemoveAll(binary.dir)
	}
	os.Exit(code)
}

// sampleTree copies the repository's sample sites into a temporary folder.
func sampleTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, "../../sites.yaml", filepath.Join(dir, "sites.yaml"))
	err := filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel("../..", p)
		copyFile(t, p, filepath.Join(dir, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

type result struct {
	code           int
	stdout, stderr string
}

func runBinary(t *testing.T, bin, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	code := 0
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stderr.String(), "goroutine ") || strings.Contains(stderr.String(), "panic:") {
		t.Fatalf("a Go stack trace reached the user:\n%s", stderr.String())
	}
	return result{code, stdout.String(), stderr.String()}
}

// treeHash hashes every file's path and contents under dir.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		h.Write([]byte(rel + "\x00"))
		h.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestEndToEnd(t *testing.T) {
	bin := kimsiteBinary(t)
	dir := sampleTree(t)
	public := filepath.Join(dir, "public")

	r := runBinary(t, bin, dir, "check")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Semua baik: 3 kelurahan diperiksa") {
		t.Fatalf("check on the sample sites: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	r = runBinary(t, bin, dir, "build")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Selesai: 3 kelurahan, ") {
		t.Fatalf("build: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"index.html", "404.html", "sitemap.xml", "robots.txt", "kauman/index.html",
		"kauman/berita/index.html", "kauman/umkm/warung-bu-sri/index.html", "kauman/index.xml", "kauman/dokumen/rab-saluran-rw02.pdf"} {
		if _, err := os.Stat(filepath.Join(public, want)); err != nil {
			t.Errorf("build did not write %s", want)
		}
	}
	first := treeHash(t, public)

	r = runBinary(t, bin, dir, "build")
	if r.code != 0 {
		t.Fatalf("second build: exit %d\n%s", r.code, r.stderr)
	}
	if treeHash(t, public) != first {
		t.Error("two builds of the same tree are not byte-identical")
	}

	// A mistake: build fails, lists it with its position, and leaves the
	// previous output exactly as it was.
	broken := filepath.Join(dir, "content/kauman/berita/rusak.md")
	if err := os.WriteFile(broken, []byte("---\ntitle: Rusak\ndate: 2026-02-30\nsumary: x\n---\n[a](../tidak-ada.md)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runBinary(t, bin, dir, "build")
	if r.code != 1 {
		t.Fatalf("build with mistakes: exit %d, want 1\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"content/kauman/berita/rusak.md:3: tanggal \"2026-02-30\" tidak ada di kalender",
		"content/kauman/berita/rusak.md:4: kunci \"sumary\" tidak dikenal; maksudnya \"summary\"?",
		"content/kauman/berita/rusak.md:6: tautan ke halaman \"../tidak-ada.md\" yang tidak ada",
		"3 kesalahan ditemukan; tidak ada yang ditulis",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("build output lacks %q:\n%s", want, r.stderr)
		}
	}
	if treeHash(t, public) != first {
		t.Error("a failed build changed the previous output")
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.kimsite-[so]*")); len(leftovers) > 0 {
		t.Errorf("a failed build left %v behind", leftovers)
	}
	r = runBinary(t, bin, dir, "check")
	if r.code != 1 || !strings.Contains(r.stderr, "rusak.md:4:") {
		t.Errorf("check with mistakes: exit %d\n%s", r.code, r.stderr)
	}
}

func TestUsage(t *testing.T) {
	bin := kimsiteBinary(t)
	dir := sampleTree(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Pemakaian:"},
		{[]string{"bangun"}, 2, `perintah "bangun" tidak dikenal`},
		{[]string{"build", "--bogus"}, 2, "opsi --bogus tidak dikenal"},
		{[]string{"build", "--site", "atlantis"}, 2, `kelurahan "atlantis" tidak ada di sites.yaml; yang ada: kauman, tunggulwulung, bandungrejosari`},
		{[]string{"build", "--out", "."}, 2, "berisi repositori"},
		{[]string{"build", "--out", ""}, 2, "--out perlu nama folder"},
		{[]string{"check", "extra"}, 2, `argumen "extra" tidak dikenal`},
		{[]string{"check", "--root", "/nonexistent"}, 2, `folder "/nonexistent" tidak dapat dibuka`},
		{[]string{"check", "--root", t.TempDir()}, 1, "sites.yaml: berkas sites.yaml tidak ditemukan"},
		{[]string{"version"}, 0, "kimsite "},
		{[]string{"build", "--base-url", "kim.example.id"}, 2, `--base-url: alamat "kim.example.id" ditolak: alamat situs harus diawali https://`},
		{[]string{"build", "--base-url", "https://kim.example.id/?a=1"}, 2, "tidak boleh berisi ? atau #"},
		{[]string{"build", "--base-url"}, 2, "opsi --base-url perlu nilai"},
		{[]string{"build", "--site-base-url", "kauman"}, 2, "harus berbentuk ID=ALAMAT"},
		{[]string{"build", "--site-base-url", "kauman=javascript:alert(1)"}, 2, "harus diawali https://"},
		{[]string{"build", "--site-base-url", "atlantis=https://a.example.id/"}, 2, `kelurahan "atlantis" tidak ada di sites.yaml`},
	}
	for _, tt := range tests {
		r := runBinary(t, bin, dir, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stdout+r.stderr, tt.want) {
			t.Errorf("kimsite %s: exit %d, output:\n%s%s\nwant exit %d and %q", strings.Join(tt.args, " "), r.code, r.stdout, r.stderr, tt.code, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); err != nil {
		t.Fatal("a refused --out destroyed the repository")
	}
}

func TestBuildOneSite(t *testing.T) {
	bin := kimsiteBinary(t)
	dir := sampleTree(t)
	r := runBinary(t, bin, dir, "build", "--site", "kauman", "--out", "situs")
	if r.code != 0 || !strings.Contains(r.stdout, "1 kelurahan") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "situs/kauman/index.html")); err != nil {
		t.Error("kauman not built")
	}
	if _, err := os.Stat(filepath.Join(dir, "situs/tunggulwulung")); err == nil {
		t.Error("a site not asked for was built")
	}
}

// TestBaseURLOverride builds the samples for a GitHub Pages project site
// and one kelurahan elsewhere: canonical URLs follow the flags, the
// progress goes to the log a line per site, and stdout keeps the summary.
func TestBaseURLOverride(t *testing.T) {
	bin := kimsiteBinary(t)
	dir := sampleTree(t)
	r := runBinary(t, bin, dir, "build", "--base-url", "https://kota.github.io/kim", "--site-base-url", "kauman=https://kauman.example.net", "--out", "situs")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Selesai: 3 kelurahan") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for file, want := range map[string]string{
		"situs/index.html":                 `<link rel="canonical" href="https://kota.github.io/kim/">`,
		"situs/tunggulwulung/index.html":   `<link rel="canonical" href="https://kota.github.io/kim/tunggulwulung/">`,
		"situs/kauman/index.html":          `<link rel="canonical" href="https://kauman.example.net/">`,
		"situs/bandungrejosari/index.html": `<link rel="canonical" href="https://bandungrejosari.example.id/">`,
	} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %s (%v)", file, want, err)
		}
	}
	for _, id := range []string{"kauman", "tunggulwulung", "bandungrejosari"} {
		if !regexp.MustCompile(`(?m)^\[\d/3\] ` + id + ` \(`).MatchString(r.stderr) {
			t.Errorf("no progress line for %s in the log:\n%s", id, r.stderr)
		}
	}
	// The build cache must not hand back pages built for another address.
	r = runBinary(t, bin, dir, "build", "--out", "situs")
	data, _ := os.ReadFile(filepath.Join(dir, "situs/tunggulwulung/index.html"))
	if r.code != 0 || !strings.Contains(string(data), `href="https://kim.malangkota.go.id/tunggulwulung/"`) {
		t.Errorf("a rebuild without --base-url kept the old address: exit %d %s", r.code, r.stderr)
	}
}
