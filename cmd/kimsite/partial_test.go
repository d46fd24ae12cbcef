package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/output"
	"github.com/kotamalang/kimsite/generator/shard"
)

// repoCopy puts the sample city (sites.yaml and content/) in a new git
// repository with one commit, and returns its folder.
func repoCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join("..", "..", "content"))); err != nil {
		t.Fatal(err)
	}
	conf, err := os.ReadFile(filepath.Join("..", "..", "sites.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "sites.yaml", string(conf))
	gitIn(t, dir, "init", "-q", "-b", "main")
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "awal")
	return dir
}

func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=KIM", "-c", "user.email=kim@example.id"}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func appendFile(t *testing.T, dir, name, text string) {
	t.Helper()
	old, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, name, string(old)+text)
}

// kimsite runs the command and fails the test unless it exits with want.
func kimsite(t *testing.T, want int, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != want {
		t.Fatalf("kimsite %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, want, stdout.String(), stderr.String())
	}
	return stdout.String() + stderr.String()
}

// tree reads every file under dir by its slash path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

var sampleSites = []string{"bandungrejosari", "kauman", "tunggulwulung"}

// --changed-since rebuilds exactly the kelurahan whose content changed since
// the revision, with the portal; a change to sites.yaml rebuilds them all.
// What it writes is byte for byte what a full build writes for those.
func TestChangedSince(t *testing.T) {
	dir := repoCopy(t)
	for _, tc := range []struct {
		name   string
		change func()
		want   []string // sites rebuilt
	}{
		{"one page of one kelurahan", func() {
			appendFile(t, dir, "content/kauman/profil.md", "\nKalimat tambahan.\n")
		}, []string{"kauman"}},
		{"a new page in one, a photo in another, uncommitted", func() {
			writeFile(t, dir, "content/tunggulwulung/berita/kabar-baru.md", "---\ntitle: Kabar baru\ndate: 2026-11-20\n---\nIsi kabar.\n")
			writeFile(t, dir, "content/bandungrejosari/static/dokumen/catatan.txt", "catatan\n")
		}, []string{"bandungrejosari", "tunggulwulung"}},
		{"README only: the portal alone", func() {
			writeFile(t, dir, "README.md", "Repositori KIM.\n")
		}, nil},
		{"sites.yaml: every kelurahan", func() {
			appendFile(t, dir, "sites.yaml", "# komentar\n")
		}, sampleSites},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gitIn(t, dir, "tag", "-f", "deployed")
			tc.change()
			if !strings.Contains(tc.name, "uncommitted") {
				gitIn(t, dir, "add", ".")
				gitIn(t, dir, "commit", "-q", "-m", tc.name)
			}
			part, full := t.TempDir(), t.TempDir()
			msg := kimsite(t, 0, "build", "--root", dir, "--out", part, "--changed-since", "deployed")
			kimsite(t, 0, "build", "--root", dir, "--out", full)
			got, all := tree(t, part), tree(t, full)
			var rebuilt []string
			for name, data := range got {
				top, _, _ := strings.Cut(name, "/")
				if slices.Contains(sampleSites, top) && !slices.Contains(rebuilt, top) {
					rebuilt = append(rebuilt, top)
				}
				if all[name] != data {
					t.Errorf("%s differs from the full build", name)
				}
			}
			slices.Sort(rebuilt)
			if !slices.Equal(rebuilt, tc.want) {
				t.Errorf("rebuilt %q, want %q\n%s", rebuilt, tc.want, msg)
			}
			for name := range all {
				top, _, _ := strings.Cut(name, "/")
				if _, ok := got[name]; !ok && (!slices.Contains(sampleSites, top) || slices.Contains(tc.want, top)) {
					t.Errorf("%s is missing: the portal and every rebuilt kelurahan are written whole", name)
				}
			}
			gitIn(t, dir, "add", ".")
			gitIn(t, dir, "commit", "-q", "--allow-empty", "-m", "simpan")
		})
	}
}

func TestPartialUsage(t *testing.T) {
	dir := repoCopy(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--shard", "5/4"}, "K harus antara 1 dan N"},
		{[]string{"--shard", "dua"}, "harus berbentuk K/N"},
		{[]string{"--shard", "1/2", "--portal-only"}, "opsi --shard dan --portal-only tidak bisa dipakai bersama"},
		{[]string{"--site", "kauman", "--changed-since", "HEAD"}, "opsi --site dan --changed-since tidak bisa dipakai bersama"},
		{[]string{"--changed-since", "belum-ada"}, `revisi "belum-ada" tidak ditemukan`},
	} {
		out := kimsite(t, exitUsage, append([]string{"build", "--root", dir, "--out", t.TempDir()}, tc.args...)...)
		if !strings.Contains(out, tc.want) {
			t.Errorf("kimsite build %q:\n%s\nwant %q", tc.args, out, tc.want)
		}
	}
}

// removeSite deletes a kelurahan's entry from sites.yaml and its content.
func removeSite(t *testing.T, dir, id string) {
	t.Helper()
	conf, err := os.ReadFile(filepath.Join(dir, "sites.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(conf), "\n  - id: "+id+"\n")
	if start < 0 {
		t.Fatalf("no %s in sites.yaml", id)
	}
	end := strings.Index(string(conf[start+1:]), "\n  - id: ")
	if end < 0 {
		end = len(conf)
	} else {
		end += start + 1
	}
	writeFile(t, dir, "sites.yaml", string(conf[:start])+string(conf[end:]))
	gitIn(t, dir, "rm", "-q", "-r", "content/"+id)
}

// The deploy workflow merges a --changed-since build into the previous
// deployment with .github/scripts/merge-deployment.sh; the result must be
// exactly what a full build gives, even when pages or whole kelurahan were
// deleted.
func TestMergeDeployment(t *testing.T) {
	script, err := filepath.Abs(filepath.Join("..", "..", ".github", "scripts", "merge-deployment.sh"))
	if err != nil {
		t.Fatal(err)
	}
	dir := repoCopy(t)
	deployed := filepath.Join(t.TempDir(), "public")
	kimsite(t, 0, "build", "--root", dir, "--out", deployed)
	for _, step := range []struct {
		name   string
		change func()
	}{
		{"a page deleted in one kelurahan, one edited in another", func() {
			gitIn(t, dir, "rm", "-q", "content/kauman/berita/bank-sampah-kauman-resik.md")
			appendFile(t, dir, "content/tunggulwulung/profil.md", "\nKalimat tambahan.\n")
		}},
		{"a kelurahan removed", func() { removeSite(t, dir, "bandungrejosari") }},
	} {
		t.Run(step.name, func(t *testing.T) {
			gitIn(t, dir, "tag", "-f", "deployed")
			step.change()
			gitIn(t, dir, "add", ".")
			gitIn(t, dir, "commit", "-q", "-m", step.name)
			changed, full := t.TempDir(), t.TempDir()
			kimsite(t, 0, "build", "--root", dir, "--out", changed, "--changed-since", "deployed")
			kimsite(t, 0, "build", "--root", dir, "--out", full)
			if out, err := exec.Command("bash", script, deployed, changed, dir).CombinedOutput(); err != nil {
				t.Fatalf("merge: %v\n%s", err, out)
			}
			got, want := tree(t, deployed), tree(t, full)
			for name, data := range want {
				if got[name] != data {
					t.Errorf("%s: missing or different after the merge", name)
				}
			}
			for name := range got {
				if _, ok := want[name]; !ok {
					t.Errorf("%s: left over after the merge", name)
				}
			}
		})
	}
}

// The matrix's command lines: each --shard K/N writes the folders of its
// kelurahan only, --portal-only the portal only, and together every
// kelurahan once.
func TestShardFlags(t *testing.T) {
	root := filepath.Join("..", "..")
	top := func(dir string) (sites, other []string) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() == output.Marker { // every build writes it
				continue
			}
			if slices.Contains(sampleSites, e.Name()) {
				sites = append(sites, e.Name())
			} else {
				other = append(other, e.Name())
			}
		}
		return sites, other
	}
	var all []string
	for k := 1; k <= 2; k++ {
		out := t.TempDir()
		msg := kimsite(t, 0, "build", "--root", root, "--out", out, "--shard", fmt.Sprintf("%d/2", k))
		sites, other := top(out)
		for _, id := range sites {
			if got := shard.Of(id, 2); got != k {
				t.Errorf("shard %d/2 built %s, which belongs to shard %d", k, id, got)
			}
		}
		if len(other) > 0 {
			t.Errorf("shard %d/2 wrote %q besides kelurahan folders", k, other)
		}
		if want := fmt.Sprintf("Selesai: %d kelurahan", len(sites)); !strings.Contains(msg, want) {
			t.Errorf("shard %d/2 says %q, want %q", k, msg, want)
		}
		all = append(all, sites...)
	}
	slices.Sort(all)
	if !slices.Equal(all, sampleSites) {
		t.Errorf("the shards built %q, want each of %q once", all, sampleSites)
	}
	out := t.TempDir()
	kimsite(t, 0, "build", "--root", root, "--out", out, "--portal-only")
	if sites, other := top(out); len(sites) > 0 || !slices.Contains(other, "index.html") {
		t.Errorf("--portal-only wrote kelurahan %q and %q; want the portal only", sites, other)
	}
}
