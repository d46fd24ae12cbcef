package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// annotation is GitHub's workflow command syntax for a problem on a line:
// ::error file=NAME,line=N,title=T::MESSAGE, properties and message
// escaped so that a line holds exactly one command.
var annotation = regexp.MustCompile(`^::(error|warning) file=[^,:%\n]+(,line=[1-9][0-9]*)?,title=[^,:\n]+::[^\r\n]+$`)

func runCached(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(cachedBinary(t), args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// TestCheckGitHubFormat checks that warnings are set apart and do not
// fail, that errors do, and that --format github prints one well-formed
// annotation per problem, with file and line.
func TestCheckGitHubFormat(t *testing.T) {
	root := copyTree(t)
	write := func(rel, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(root, rel), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/kauman/berita/masa-depan.md", "---\ntitle: Lomba agustusan\ndate: 2099-08-17\n---\nSeru, 100%: lomba, panjat pinang.\n")

	out, errOut, code := runCached(t, "check", "--root", root)
	if code != 0 {
		t.Fatalf("warnings alone must not fail; exit %d\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "content/kauman/berita/masa-depan.md:3: peringatan: belum terbit: akan terbit Senin, 17 Agustus 2099") ||
		!strings.Contains(out, "; 1 peringatan (tidak menggagalkan)") {
		t.Fatalf("text format:\nstdout %s\nstderr %s", out, errOut)
	}

	write("content/kauman/berita/tautan.md", "---\ntitle: Tautan, rusak\ndate: 2026-01-02\n---\n## Jadwal\n\nLihat [jadwal](#jadwall).\n")
	out, errOut, code = runCached(t, "check", "--root", root, "--format", "github")
	if code != 1 {
		t.Fatalf("an error must fail; exit %d\n%s%s", code, out, errOut)
	}
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "::") {
			if !annotation.MatchString(l) {
				t.Errorf("not a GitHub annotation: %q", l)
			}
			lines = append(lines, l)
		}
	}
	want := []string{
		"::warning file=content/kauman/berita/masa-depan.md,line=3,title=kimsite check::belum terbit: akan terbit Senin, 17 Agustus 2099%0AHalaman",
		"::error file=content/kauman/berita/tautan.md,line=7,title=kimsite check::tautan \"#jadwall\" menuju bagian #jadwall",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d annotations, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("annotation %d:\n got %s\nwant %s...", i, lines[i], w)
		}
	}
}

func TestEscapeAnnotation(t *testing.T) {
	if got := escapeData("100%: a,b\nhint\r"); got != "100%25: a,b%0Ahint%0D" {
		t.Errorf("escapeData = %q", got)
	}
	if got := escapeProperty("a:b,c%d"); got != "a%3Ab%2Cc%25d" {
		t.Errorf("escapeProperty = %q", got)
	}
}
