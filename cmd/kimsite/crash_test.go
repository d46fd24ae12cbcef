package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// crashTree is the sample repository with pages added to every site, so a
// build lasts long enough to be killed in every stage; version tells the
// two trees apart in every page.
func crashTree(t *testing.T, version string) string {
	t.Helper()
	dir := sampleTree(t)
	for _, site := range []string{"kauman", "tunggulwulung", "bandungrejosari"} {
		for i := range 40 {
			page := fmt.Sprintf("---\ntitle: Berita %d versi %s\ndate: 2026-10-%02d\ntags: [uji, versi-%s]\n---\n%s\n",
				i, version, 1+i%28, version, strings.Repeat("Paragraf uji versi "+version+". ", 40))
			name := filepath.Join(dir, "content", site, "berita", fmt.Sprintf("uji-%03d.md", i))
			if err := os.WriteFile(name, []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// manifest hashes every folder, file and symbolic link under dir (the
// link itself, not what it points to), by path and contents.
func manifest(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.IsDir():
			fmt.Fprintf(h, "dir %s\x00", rel)
		case d.Type()&fs.ModeSymlink != 0:
			to, err := os.Readlink(p)
			fmt.Fprintf(h, "link %s %s\x00", rel, to)
			return err
		default:
			data, err := os.ReadFile(p)
			fmt.Fprintf(h, "file %s %d\x00", rel, len(data))
			h.Write(data)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// buildEach builds each tree once into a folder of its own and gives each
// build's manifest, and the longest build's time, for tests that then
// race or kill builds of the same trees.
func buildEach(t *testing.T, bin string, trees map[string]string) (map[string]string, time.Duration) {
	t.Helper()
	want := map[string]string{}
	var took time.Duration
	for v, root := range trees {
		out := filepath.Join(t.TempDir(), "public")
		start := time.Now()
		if r := runBinary(t, bin, root, "build", "--out", out); r.code != 0 {
			t.Fatalf("build %s: %s", v, r.stderr)
		}
		took = max(took, time.Since(start))
		want[v] = manifest(t, out)
	}
	return want, took
}

// TestKilledBuildsLeaveACompleteSite kills builds with SIGKILL at random
// moments and checks, after each, that the output folder is exactly the
// previous complete site or the new one; then that a full build removes
// everything the killed builds left beside it.
func TestKilledBuildsLeaveACompleteSite(t *testing.T) {
	bin := kimsiteBinary(t)
	trees := map[string]string{"A": crashTree(t, "A"), "B": crashTree(t, "B")}
	want, took := buildEach(t, bin, trees)
	if want["A"] == want["B"] {
		t.Fatal("the two versions build the same site")
	}

	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if r := runBinary(t, bin, trees["A"], "build", "--out", out); r.code != 0 {
		t.Fatal(r.stderr)
	}
	current := "A"
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 8))
	kills, leftovers, finished := 0, 0, 0
	for i := range 8 {
		next := map[string]string{"A": "B", "B": "A"}[current]
		cmd := exec.Command(bin, "build", "--out", out)
		cmd.Dir = trees[next]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rng.Int64N(int64(took) * 11 / 10))
		time.Sleep(delay)
		_ = cmd.Process.Kill()
		err := cmd.Wait()
		got := manifest(t, out)
		switch got {
		case want[current]:
		case want[next]:
			current = next
		default:
			t.Fatalf("kill %d after %v: the output is neither version %s nor %s", i, delay, current, next)
		}
		if err == nil {
			finished++
		} else {
			kills++
		}
		entries, _ := os.ReadDir(parent)
		leftovers += len(entries) - 2 // the output and its lock file
	}
	t.Logf("%d builds killed, %d finished first (a full build takes %v); %d leftover folders seen", kills, finished, took, leftovers)

	if r := runBinary(t, bin, trees["B"], "build", "--out", out); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if manifest(t, out) != want["B"] {
		t.Fatal("the build after the kills is not version B")
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 2 || entries[0].Name() != ".public.kimsite-lock" || entries[1].Name() != "public" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("beside the output after a full build: %v", names)
	}
}
