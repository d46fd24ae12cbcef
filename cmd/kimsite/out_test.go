package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitTree is the sample repository as a git checkout, with a tracked
// folder of an unusual name (docs/), a workflow, a folder git does not
// track (notes/), a symbolic link to content/ and one to the repository's
// parent.
func gitTree(t *testing.T) string {
	t.Helper()
	dir := sampleTree(t)
	for name, data := range map[string]string{
		"docs/panduan.md":             "# Panduan\n",
		".github/workflows/check.yml": "name: periksa\n",
		"README.md":                   "# Situs KIM\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"-c", "user.name=uji", "-c", "user.email=uji@example.id", "commit", "-qm", "awal"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Skipf("git %s: %v\n%s", args[0], err, out)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "notes"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes", "rapat.txt"), []byte("catatan rapat\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, to := range map[string]string{"tautan": "content", "atas": ".."} {
		if err := os.Symlink(to, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestOutNeverTheSources tries every kind of --out that names the
// repository's sources, or holds them, or is not kimsite's to replace:
// each is refused with exit status 2 and a message that says why and what
// to do, and the repository, its git folder included, is byte for byte
// as it was.
func TestOutNeverTheSources(t *testing.T) {
	bin := kimsiteBinary(t)
	dir := gitTree(t)
	parent := filepath.Dir(dir)
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "berkas.txt"), []byte("isi"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(outside, "klon", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	const (
		source  = "bagian dari sumber situs"
		holds   = "berisi repositori"
		gitDir  = "berisi folder git"
		foreign = "tidak ditulis oleh kimsite build"
		file    = "bukan folder"
	)
	cases := []struct {
		cwd  string // dir when empty
		args []string
		want string
	}{
		// The sources, named plainly.
		{args: []string{"--out", "content"}, want: source},
		{args: []string{"--out", "content/kauman"}, want: source},
		{args: []string{"--out", "content/kauman/berita/baru"}, want: source},
		{args: []string{"--out", "sites.yaml"}, want: source},
		{args: []string{"--out", ".git"}, want: gitDir},
		{args: []string{"--out", ".git/objects"}, want: source},
		{args: []string{"--out", ".github"}, want: source},
		{args: []string{"--out", "README.md"}, want: source},
		{args: []string{"--out", "docs"}, want: source},      // tracked by git
		{args: []string{"--out", "themes"}, want: source},    // not in this tree: known by name
		{args: []string{"--out", "generator"}, want: source}, // idem
		{args: []string{"--out", "cmd/kimsite"}, want: source},
		// The sources, spelt otherwise.
		{args: []string{"--out", "./content/"}, want: source},
		{args: []string{"--out", "public/../content"}, want: source},
		{args: []string{"--out", "baru/../content"}, want: source},
		{args: []string{"--out", "Content"}, want: source},
		{args: []string{"--out", "CONTENT/kauman"}, want: source},
		{args: []string{"--out", "tautan"}, want: source},
		{args: []string{"--out", "tautan/kauman"}, want: source},
		{args: []string{"--out", filepath.Join(dir, "content")}, want: source},
		{args: []string{"--out", "atas/" + filepath.Base(dir) + "/content"}, want: source},
		{cwd: outside, args: []string{"--root", dir, "--out", filepath.Join(dir, "content")}, want: source},
		{cwd: parent, args: []string{"--root", filepath.Base(dir), "--out", filepath.Base(dir) + "/content/kauman"}, want: source},
		// The repository itself, or a folder that holds it.
		{args: []string{"--out", "."}, want: holds},
		{args: []string{"--out", "./"}, want: holds},
		{args: []string{"--out", ".."}, want: holds},
		{args: []string{"--out", "/"}, want: holds},
		{args: []string{"--out", "atas"}, want: holds},
		{args: []string{"--out", dir}, want: holds},
		{args: []string{"--out", "content/.."}, want: holds},
		{cwd: outside, args: []string{"--root", dir, "--out", parent}, want: holds},
		// Not kimsite's to replace.
		{args: []string{"--out", "notes"}, want: foreign},
		{args: []string{"--out", filepath.Join(outside, "berkas.txt")}, want: file},
		{args: []string{"--out", filepath.Join(outside, "klon")}, want: "berisi .git"},
		{args: []string{"--out", outside}, want: foreign},
	}
	before := manifest(t, dir)
	beside, _ := os.ReadDir(parent)
	for _, tc := range cases {
		cwd := tc.cwd
		if cwd == "" {
			cwd = dir
		}
		r := runBinary(t, bin, cwd, append([]string{"build"}, tc.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "mis. --out public") && tc.want != foreign && tc.want != file {
			t.Errorf("kimsite build %s: exit %d\n%s\nwant exit 2 and %q", strings.Join(tc.args, " "), r.code, r.stderr, tc.want)
		}
		if tc.want == foreign && !strings.Contains(r.stderr, "rm -r") {
			t.Errorf("kimsite build %s: the message does not say how to proceed:\n%s", strings.Join(tc.args, " "), r.stderr)
		}
		if manifest(t, dir) != before {
			t.Fatalf("kimsite build %s changed the repository", strings.Join(tc.args, " "))
		}
	}
	if now, _ := os.ReadDir(parent); len(now) != len(beside) {
		t.Errorf("the refused builds left %d entries beside the repository, %d before", len(now), len(beside))
	}
	if data, err := os.ReadFile(filepath.Join(outside, "berkas.txt")); err != nil || string(data) != "isi" {
		t.Errorf("a refused build changed a file outside: %q, %v", data, err)
	}
}

// TestOutKimsitesOwn checks what may be replaced: a new folder, an empty
// one, a build (it carries the marker), and a portal built by a kimsite
// older than the marker.
func TestOutKimsitesOwn(t *testing.T) {
	bin := kimsiteBinary(t)
	dir := sampleTree(t)
	if err := os.MkdirAll(filepath.Join(dir, "kosong"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"public", "public", "kosong"} {
		if r := runBinary(t, bin, dir, "build", "--out", out); r.code != 0 {
			t.Fatalf("build --out %s: exit %d\n%s", out, r.code, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, out, ".kimsite-output")); err != nil {
			t.Errorf("build --out %s wrote no marker", out)
		}
	}
	// An older kimsite's build: the same folder without the marker.
	if err := os.Remove(filepath.Join(dir, "public", ".kimsite-output")); err != nil {
		t.Fatal(err)
	}
	if r := runBinary(t, bin, dir, "build", "--out", "public"); r.code != 0 {
		t.Fatalf("build over an older kimsite's output: exit %d\n%s", r.code, r.stderr)
	}
	// The same with a file of someone else's: no longer only a build.
	if err := os.Remove(filepath.Join(dir, "public", ".kimsite-output")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "public", "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runBinary(t, bin, dir, "build", "--out", "public"); r.code != 2 {
		t.Fatalf("build over an older output holding go.mod: exit %d\n%s", r.code, r.stderr)
	}
}

// TestCPUProfileNeverTheSources checks that --cpuprofile, the other file
// build writes, cannot overwrite the sources or a file that is not a
// profile.
func TestCPUProfileNeverTheSources(t *testing.T) {
	bin := kimsiteBinary(t)
	dir := sampleTree(t)
	if err := os.WriteFile(filepath.Join(dir, "catatan.txt"), []byte("jangan hilang"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := manifest(t, dir)
	for _, file := range []string{"sites.yaml", "content/kauman/_index.md", "content/baru.prof", "catatan.txt", "."} {
		r := runBinary(t, bin, dir, "build", "--out", filepath.Join(t.TempDir(), "public"), "--cpuprofile", file)
		if r.code != 2 || !strings.Contains(r.stderr, "--cpuprofile:") {
			t.Errorf("--cpuprofile %s: exit %d\n%s", file, r.code, r.stderr)
		}
	}
	if manifest(t, dir) != before {
		t.Fatal("a refused --cpuprofile changed the repository")
	}
	prof := filepath.Join(t.TempDir(), "cpu.prof")
	for range 2 { // a profile may replace the previous one
		if r := runBinary(t, bin, dir, "build", "--out", filepath.Join(t.TempDir(), "public"), "--cpuprofile", prof); r.code != 0 {
			t.Fatalf("--cpuprofile %s: exit %d\n%s", prof, r.code, r.stderr)
		}
	}
}
