package sources

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestResolve checks that a path is resolved as the system resolves it: a
// ".." after a symbolic link goes up from where the link points, and the
// part that does not exist yet is joined as written.
func TestResolve(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("a", "b"), filepath.Join(dir, "l")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere", filepath.Join(dir, "dangling")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for in, want := range map[string]string{
		"l":             "a/b",
		"l/../c":        "a/c",      // not "c", as cleaning the text would give
		"l/../../a":     "a",        // up from a/b, twice
		"new/../c":      "c",        // "new" does not exist: nothing to follow
		"l/new/x/../..": "a/b",      // idem, inside the link
		"./l/./":        "a/b",      // dots and a trailing slash
		"dangling":      "dangling", // left for OutFolder to refuse
		dir + "/l/..":   "a",
	} {
		got, err := Resolve(in)
		if err != nil {
			t.Errorf("Resolve(%q): %v", in, err)
			continue
		}
		if w := filepath.Join(dir, filepath.FromSlash(want)); got != w {
			t.Errorf("Resolve(%q) = %q, want %q", in, got, w)
		}
	}
}

// TestOutFolderWithoutGit checks that the known source names are refused
// in a repository that is not a git checkout, even before they exist.
func TestOutFolderWithoutGit(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "sites.yaml"), []byte("city: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"generator", "themes/default", "cmd", ".github", "GO.MOD", "sites.yaml", "."} {
		_, err := OutFolder(root, filepath.Join(root, out))
		var r *Refusal
		if !errors.As(err, &r) {
			t.Errorf("OutFolder(%q) = %v, want a refusal", out, err)
		}
	}
	if got, err := OutFolder(root, filepath.Join(root, "public")); err != nil || !strings.HasSuffix(got, "public") {
		t.Errorf("OutFolder(public) = %q, %v", got, err)
	}
}

// TestOutFolderWorktree checks that for a git worktree, whose .git is a
// file, the repository's git folder elsewhere is refused too.
func TestOutFolderWorktree(t *testing.T) {
	main := t.TempDir()
	git := func(dir string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=uji", "-c", "user.email=uji@example.id"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Skipf("git %s: %v\n%s", args[0], err, out)
		}
	}
	if err := os.WriteFile(filepath.Join(main, "sites.yaml"), []byte("city: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git(main, "init", "-q")
	git(main, "add", "-A")
	git(main, "commit", "-qm", "awal")
	wt := filepath.Join(t.TempDir(), "wt")
	git(main, "worktree", "add", "-q", wt)
	for _, out := range []string{filepath.Join(main, ".git"), filepath.Join(main, ".git", "worktrees"), filepath.Join(main, ".git", "worktrees", "wt"), filepath.Join(main, ".git", "objects", "baru")} {
		_, err := OutFolder(wt, out)
		var r *Refusal
		if !errors.As(err, &r) {
			t.Errorf("OutFolder(worktree, %q) = %v, want a refusal", out, err)
		}
	}
}
