package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fullBuild is what the workflows must publish: kimsite build of the
// repository as it is, with the given extra flags.
func fullBuild(t *testing.T, kimsite, repo string, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(kimsite, append([]string{"build", "--no-cache", "--out", out}, args...)...)
	cmd.Dir = repo
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("reference build: %v\n%s", err, b)
	}
	return treeSum(t, out)
}

func TestWorkflowsRunLocally(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the samples many times")
	}
	repo := sampleRepo(t)
	kimsite := filepath.Join(t.TempDir(), "kimsite")
	if out, err := exec.Command("go", "build", "-o", kimsite, "../kimsite").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	w := newWorld(t, repo, kimsite)
	fullBuild := func(t *testing.T, repo string, args ...string) string { return fullBuild(t, kimsite, repo, args...) }
	want := fullBuild(t, repo)

	t.Run("pull request", func(t *testing.T) {
		r := w.start("pr.yml", "pull_request", nil)
		r.job("check", nil)
		if got := treeSum(t, filepath.Join(r.artifacts, "pratinjau-pr-7")); got != want {
			t.Error("the preview artifact is not the full build")
		}
	})

	var first string
	t.Run("push deploys", func(t *testing.T) {
		r := w.start("deploy.yml", "push", nil)
		r.job("build", nil)
		if !r.job("deploy", nil) {
			t.Fatal("a push must deploy")
		}
		if got := treeSum(t, w.deployed); got != want {
			t.Error("the deployment is not the full build")
		}
		first = w.deployed
	})

	t.Run("schedule with nothing due skips", func(t *testing.T) {
		r := w.start("deploy.yml", "schedule", nil)
		r.job("build", nil)
		if r.jobs["build"]["changed"] != "false" {
			t.Fatalf("the site did not change, yet changed=%q", r.jobs["build"]["changed"])
		}
		if r.job("deploy", nil) || w.deployed != first {
			t.Fatal("an unchanged site was deployed again")
		}
		if _, err := os.Stat(filepath.Join(r.artifacts, "github-pages")); err == nil {
			t.Error("a Pages artifact was uploaded for nothing")
		}
	})

	// A change reaches the site on the next scheduled run, without a push
	// (here: a commit the workflow never ran for, standing for a post
	// that became due).
	commitFile(t, repo, "content/kauman/berita/pengumuman-jadwal.md", "---\ntitle: Pengumuman jadwal posyandu\ndate: 2026-11-02\nsummary: Jadwal baru posyandu.\n---\nPosyandu pindah ke hari Rabu.\n")
	want = fullBuild(t, repo)
	t.Run("schedule with a change deploys", func(t *testing.T) {
		r := w.start("deploy.yml", "schedule", nil)
		r.job("build", nil)
		if !r.job("deploy", nil) {
			t.Fatal("a changed site was not deployed")
		}
		if got := treeSum(t, w.deployed); got != want {
			t.Error("the deployment is not the full build")
		}
		// And the one after that has nothing new again.
		r = w.start("deploy.yml", "schedule", nil)
		r.job("build", nil)
		if r.job("deploy", nil) {
			t.Error("deployed twice for one change")
		}
	})

	t.Run("GitHub Pages address", func(t *testing.T) {
		r := w.start("deploy.yml", "push", map[string]string{"KIMSITE_USE_PAGES_URL": "true"})
		r.pagesURL = "https://kotamalang.github.io/kim-malang/"
		r.job("build", nil)
		r.job("deploy", nil)
		if got := treeSum(t, w.deployed); got != fullBuild(t, repo, "--base-url", r.pagesURL) {
			t.Error("the deployment is not the build for the Pages address")
		}
		page, _ := os.ReadFile(filepath.Join(w.deployed, "kauman", "index.html"))
		if !strings.Contains(string(page), `rel="canonical" href="https://kotamalang.github.io/kim-malang/kauman/"`) {
			t.Error("canonical URL does not use the Pages address")
		}
		// (Without the variable configure-pages does not run: the other
		// runs here give no Pages address, and the runner stops on it.)
	})

	t.Run("changed only", func(t *testing.T) {
		vars := map[string]string{"KIMSITE_CHANGED_ONLY": "true"}
		r := w.start("deploy.yml", "push", vars)
		r.job("build", nil) // no saved deployment yet: everything
		r.job("deploy", nil)
		commitFile(t, repo, "content/tunggulwulung/berita/kerja-bakti-rw-01.md", "---\ntitle: Kerja bakti RW 01\ndate: 2026-11-03\nsummary: Warga membersihkan selokan.\n---\nMinggu pagi.\n")
		os.Remove(filepath.Join(repo, "content/kauman/berita/pengumuman-jadwal.md"))
		gitOut(t, repo, "commit", "-qam", "hapus")
		r = w.start("deploy.yml", "push", vars)
		r.job("build", nil)
		r.job("deploy", nil)
		if got := treeSum(t, w.deployed); got != fullBuild(t, repo) {
			t.Error("the merged changed-only deployment is not the full build")
		}
	})

	t.Run("sharded", func(t *testing.T) {
		r := w.start("deploy-sharded.yml", "workflow_dispatch", map[string]string{"inputs.shards": "2"})
		r.pagesURL = "https://kotamalang.github.io/kim-malang/"
		r.vars["KIMSITE_USE_PAGES_URL"] = "true"
		r.job("plan", nil)
		if r.jobs["plan"]["shards"] != "[1,2]" || r.jobs["plan"]["base_url"] == "" {
			t.Fatalf("plan: %v", r.jobs["plan"])
		}
		r.job("shard", map[string]string{"shard": "1"})
		r.job("shard", map[string]string{"shard": "2"})
		r.job("portal", nil)
		r.job("assemble", nil)
		r.job("deploy", nil)
		if got := treeSum(t, w.deployed); got != fullBuild(t, repo, "--base-url", r.pagesURL) {
			t.Error("the sharded deployment is not the full build")
		}
		// The scheduled deploy.yml compares with what the sharded run deployed.
		r = w.start("deploy.yml", "schedule", map[string]string{"KIMSITE_USE_PAGES_URL": "true"})
		r.pagesURL = "https://kotamalang.github.io/kim-malang/"
		r.job("build", nil)
		if r.jobs["build"]["changed"] != "false" {
			t.Error("deploy.yml does not see the sharded deployment as the last one")
		}
	})

	t.Run("sharded plan refuses a bad N", func(t *testing.T) {
		// (0 is falsy in GitHub's expressions: "inputs.shards || ... || 4"
		// gives 4, which is what the runner does too.)
		for _, n := range []string{"-1", "257", "dua", "1;rm -rf /"} {
			r := w.start("deploy-sharded.yml", "workflow_dispatch", map[string]string{"inputs.shards": n})
			r.mayFail = true
			r.job("plan", nil)
			if !r.failed {
				t.Errorf("plan accepted %q shards", n)
			}
		}
	})

}

// TestOfflineStepsExist keeps the runner's list of skipped steps true to
// the workflows: a renamed step would otherwise run, or a removed one be
// listed for nothing.
func TestOfflineStepsExist(t *testing.T) {
	for _, name := range offline {
		found := false
		for _, data := range workflows(t) {
			found = found || strings.Contains(string(data), "- name: "+name+"\n")
		}
		if !found {
			t.Errorf("no workflow has a step %q any more: update the offline list", name)
		}
	}
}
