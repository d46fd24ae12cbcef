package changes

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

func TestSites(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []string
		ids   []string
		all   bool
	}{
		{"nothing", nil, nil, false},
		{"one page", []string{"content/kauman/berita/a.md"}, []string{"kauman"}, false},
		{"two sites, sorted, once each", []string{"content/sukun/x.md", "content/kauman/a.md", "content/kauman/static/logo.svg"}, []string{"kauman", "sukun"}, false},
		{"docs and workflows", []string{"README.md", ".github/workflows/deploy.yml", "content/README.md"}, nil, false},
		{"sites.yaml", []string{"content/kauman/a.md", "sites.yaml"}, nil, true},
		{"theme", []string{"themes/default/style.css"}, nil, true},
		{"engine", []string{"generator/render/render.go"}, nil, true},
		{"command", []string{"cmd/kimsite/main.go"}, nil, true},
		{"dependencies", []string{"go.sum"}, nil, true},
		{"a look-alike is not shared", []string{"themes.md", "content/kauman/generator/a.md"}, []string{"kauman"}, false},
	} {
		ids, all := Sites(tc.files)
		if !slices.Equal(ids, tc.ids) || all != tc.all {
			t.Errorf("%s: Sites(%q) = %q, %v; want %q, %v", tc.name, tc.files, ids, all, tc.ids, tc.all)
		}
	}
}

func TestSince(t *testing.T) {
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=KIM", "-c", "user.email=kim@example.id"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "-q", "-b", "main")
	write("sites.yaml", "city: X\n")
	write("content/a/berita/satu.md", "satu\n")
	write("content/b/profil.md", "profil\n")
	write("content/c/profil.md", "profil\n")
	run("add", ".")
	run("commit", "-q", "-m", "first")

	write("content/a/berita/satu.md", "satu, diubah\n") // committed below
	run("mv", "content/b/profil.md", "content/c/dari-b.md")
	run("commit", "-q", "-am", "second")
	write("content/d/baru.md", "baru\n") // untracked
	write("content/c/profil.md", "diubah, belum di-commit\n")

	files, err := Since(dir, "HEAD~1")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"content/a/berita/satu.md", "content/b/profil.md", "content/c/dari-b.md", "content/c/profil.md", "content/d/baru.md"}
	if !slices.Equal(files, want) {
		t.Errorf("Since = %q\nwant %q", files, want)
	}
	if files, err := Since(dir, "HEAD"); err != nil || len(files) != 2 {
		t.Errorf("Since(HEAD) = %q, %v; want the two uncommitted changes", files, err)
	}
	if _, err := Since(t.TempDir(), "HEAD"); err == nil || errors.Is(err, ErrRevision) {
		t.Errorf("Since outside a repository = %v, want git's error", err)
	}
	for _, bad := range []string{"tidak-ada", "--output=/tmp/x", ""} {
		if _, err := Since(dir, bad); !errors.Is(err, ErrRevision) {
			t.Errorf("Since(%q) = %v, want ErrRevision", bad, err)
		}
	}
}
