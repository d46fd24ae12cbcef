package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// smallSites are the kelurahan of smallTree.
var smallSites = []string{"satu", "dua", "tiga", "empat", "lima", "enam"}

// smallTree writes a repository of six small kelurahan, so that a build
// takes a fraction of a second and a test can run many; version tells two
// trees apart in every page.
func smallTree(t *testing.T, version string) string {
	t.Helper()
	dir := t.TempDir()
	var yaml strings.Builder
	yaml.WriteString("city: Kota Uji\nbase_url: https://kim.example.id/\nrepo: https://github.com/contoh/kim\nmaintainers: [\"@contoh/admin\"]\nsites:\n")
	for _, id := range smallSites {
		fmt.Fprintf(&yaml, "  - id: %s\n    name: Kelurahan %s\n    kecamatan: Klojen\n", id, id)
		pages := map[string]string{
			"_index.md":             fmt.Sprintf("---\ntitle: Kelurahan %s\n---\nVersi %s.\n", id, version),
			"berita/kerja-bakti.md": fmt.Sprintf("---\ntitle: Kerja bakti %s\ndate: 2026-11-05\n---\nVersi %s.\n", id, version),
			"berita/posyandu.md":    fmt.Sprintf("---\ntitle: Posyandu %s\ndate: 2026-11-06\n---\nVersi %s.\n", id, version),
		}
		for name, data := range pages {
			p := filepath.Join(dir, "content", id, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "sites.yaml"), []byte(yaml.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// concurrentSeed makes the rounds of TestConcurrentBuildsLoseNothing the
// same on every run; change it to try other interleavings.
const concurrentSeed = 13

// TestConcurrentBuildsLoseNothing runs rounds of two builds into the same
// output folder at once, as two terminals, two CI steps, or a build and a
// rebuild do: each of the two trees, with or without the build cache,
// started a random moment apart. Every build must succeed, and after every
// round the output must be exactly one tree's complete build, with nothing
// left beside it; meanwhile a reader checks, over and over, that every
// kelurahan's home page is there.
func TestConcurrentBuildsLoseNothing(t *testing.T) {
	bin := kimsiteBinary(t)
	trees := map[string]string{"A": smallTree(t, "A"), "B": smallTree(t, "B")}
	want, took := buildEach(t, bin, trees)

	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if r := runBinary(t, bin, trees["A"], "build", "--out", out); r.code != 0 {
		t.Fatal(r.stderr)
	}
	var missing atomic.Int64
	stop := make(chan struct{})
	var reader sync.WaitGroup
	reader.Add(1)
	go func() {
		defer reader.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			for _, id := range smallSites {
				if _, err := os.Stat(filepath.Join(out, id, "index.html")); err != nil {
					missing.Add(1)
				}
			}
			time.Sleep(time.Millisecond)
		}
	}()
	rng := rand.New(rand.NewPCG(concurrentSeed, 2))
	rounds, waited := 6, 0
	for round := range rounds {
		var wg sync.WaitGroup
		results := make([]result, 2)
		var labels [2]string
		for i := range 2 {
			v := []string{"A", "B"}[rng.IntN(2)]
			args := []string{"build", "--out", out}
			if rng.IntN(3) == 0 {
				args = append(args, "--no-cache")
			}
			labels[i] = v + " " + strings.Join(args[3:], " ")
			delay := time.Duration(0)
			if i == 1 {
				delay = time.Duration(rng.Int64N(int64(took) / 3))
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				time.Sleep(delay)
				results[i] = runCommand(bin, trees[v], args...)
			}()
		}
		wg.Wait()
		for i, r := range results {
			if r.code != 0 {
				t.Errorf("round %d, build %d (%s): exit %d\n%s", round, i, labels[i], r.code, r.stderr)
			}
			if strings.Contains(r.stderr, "menunggu build lain selesai") {
				waited++
			}
		}
		if got := manifest(t, out); got != want["A"] && got != want["B"] {
			t.Errorf("round %d (%s, %s): the output is neither tree's complete build", round, labels[0], labels[1])
			for _, id := range smallSites {
				if _, err := os.Stat(filepath.Join(out, id, "berita", "posyandu", "index.html")); err != nil {
					t.Errorf("round %d: kelurahan %s is incomplete", round, id)
				}
			}
		}
		entries, _ := os.ReadDir(parent)
		for _, e := range entries {
			if e.Name() != "public" && e.Name() != ".public.kimsite-lock" {
				t.Errorf("round %d: %s left beside the output", round, e.Name())
			}
		}
		if t.Failed() {
			break
		}
	}
	close(stop)
	reader.Wait()
	if n := missing.Load(); n > 0 {
		t.Errorf("the reader found a kelurahan's home page missing %d times", n)
	}
	t.Logf("%d rounds, a build takes %v; %d builds waited for the other", rounds, took, waited)
}

// runCommand runs the binary in dir, for use outside the test goroutine.
func runCommand(bin, dir string, args ...string) result {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		code = -1
		if cmd.ProcessState != nil {
			code = cmd.ProcessState.ExitCode()
		}
		stderr.WriteString(err.Error())
	}
	return result{code, stdout.String(), stderr.String()}
}
