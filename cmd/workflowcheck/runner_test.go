package main

// A small stand-in for the GitHub Actions runner, enough to run this
// repository's workflows on this machine: each run: step goes to bash
// exactly as written (with ${{ }} expressions put in), the actions the
// workflows use are imitated (checkout, caches, artifacts, Pages), and
// everything GitHub provides (event, commit, run id, repository variables)
// is given by the test. What it cannot imitate (npm ci needs the network)
// is listed by step name, and the list is checked against the workflows.

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// offline are the steps the runner skips: they need the network. The
// build falls back to the Decap bundle on a CDN without them.
var offline = []string{"Siapkan editor Decap CMS"}

// world is what persists between jobs and runs of one repository: the
// Actions cache, the artifacts of the current run, the live site.
type world struct {
	t        *testing.T
	repo     string // the repository, a git work tree
	bin      string // put first on PATH: the go shim
	store    string // caches and artifacts live under here
	caches   []cacheEntry
	runID    int
	deployed string // the folder GitHub Pages would serve; "" before any deployment
	skipped  map[string]bool
}

type cacheEntry struct{ key, dir string }

// run is one workflow run: its event, variables and job outputs.
type wfRun struct {
	w         *world
	file      string
	workflow  *yaml.Node
	event     string
	vars      map[string]string
	pagesURL  string // configure-pages' base_url
	id        int
	artifacts string
	jobs      map[string]map[string]string // outputs by job
	ran       map[string]bool              // jobs that ran (not skipped by if:)
	// mayFail makes a failing step end its job with failed set, instead
	// of failing the test.
	mayFail, failed bool
}

// goShim stands in for the go command in the steps: "go build -o F
// ./cmd/kimsite" and "go run ./cmd/kimsite ARGS" use the kimsite the test
// built once from the same sources, instead of compiling it again in every
// job; anything else goes to the real go.
const goShim = `#!/usr/bin/env bash
if [ "$1" = build ] && [ "$2" = -o ] && [ "$4" = ./cmd/kimsite ] && [ $# -eq 4 ]; then
  exec cp "$KIMSITE_PREBUILT" "$3"
fi
if [ "$1" = run ] && [ "$2" = ./cmd/kimsite ]; then
  shift 2
  exec "$KIMSITE_PREBUILT" "$@"
fi
exec "$REAL_GO" "$@"
`

func newWorld(t *testing.T, repo, kimsite string) *world {
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte(goShim), 0o755); err != nil {
		t.Fatal(err)
	}
	realGo, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("KIMSITE_PREBUILT", kimsite)
	t.Setenv("REAL_GO", realGo)
	return &world{t: t, repo: repo, bin: bin, store: t.TempDir(), skipped: map[string]bool{}}
}

func (w *world) start(file, event string, vars map[string]string) *wfRun {
	w.t.Helper()
	data, err := os.ReadFile(filepath.Join(w.repo, ".github/workflows", file))
	if err != nil {
		w.t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		w.t.Fatal(err)
	}
	w.runID++
	artifacts := filepath.Join(w.store, fmt.Sprintf("artifacts-%d", w.runID))
	os.MkdirAll(artifacts, 0o755)
	return &wfRun{w: w, file: file, workflow: doc.Content[0], event: event, vars: vars, id: w.runID,
		artifacts: artifacts, jobs: map[string]map[string]string{}, ran: map[string]bool{}}
}

// job runs one job (one matrix entry) and returns its outputs; ok is false
// when its if: condition skipped it.
func (r *wfRun) job(name string, matrix map[string]string) (ok bool) {
	t := r.w.t
	t.Helper()
	job := get(get(r.workflow, "jobs"), name)
	if job == nil {
		t.Fatalf("%s has no job %s", r.file, name)
	}
	ctx := &stepContext{r: r, matrix: matrix, steps: map[string]map[string]string{}, env: map[string]string{}}
	if cond := get(job, "if"); cond != nil && !truthy(ctx.eval(cond.Value)) {
		return false
	}
	r.ran[name] = true
	// Each job starts on a fresh machine with its own checkout.
	ctx.workspace = filepath.Join(r.w.store, fmt.Sprintf("ws-%d-%s-%s", r.id, name, strings.Join(slices.Sorted(maps.Values(matrix)), "-")))
	ctx.temp = ctx.workspace + ".tmp"
	os.MkdirAll(ctx.workspace, 0o755)
	os.MkdirAll(ctx.temp, 0o755)
	if env := get(job, "env"); env != nil {
		for i := 0; i+1 < len(env.Content); i += 2 {
			ctx.env[env.Content[i].Value] = ctx.expand(env.Content[i+1].Value)
		}
	}
	for i, step := range get(job, "steps").Content {
		if !ctx.step(i, step) {
			return true
		}
	}
	outputs := map[string]string{}
	if outs := get(job, "outputs"); outs != nil {
		for i := 0; i+1 < len(outs.Content); i += 2 {
			outputs[outs.Content[i].Value] = ctx.expand(outs.Content[i+1].Value)
		}
	}
	r.jobs[name] = outputs // of a matrix, like GitHub, one entry's
	return true
}

type stepContext struct {
	r               *wfRun
	matrix          map[string]string
	steps           map[string]map[string]string
	env             map[string]string // from GITHUB_ENV and the job's env
	workspace, temp string
}

// step runs one step; false when it failed and the run may fail.
func (c *stepContext) step(i int, step *yaml.Node) bool {
	t := c.r.w.t
	t.Helper()
	id := fmt.Sprintf("__%d", i)
	if n := get(step, "id"); n != nil {
		id = n.Value
	}
	name := ""
	if n := get(step, "name"); n != nil {
		name = n.Value
	}
	if slices.Contains(offline, name) {
		c.r.w.skipped[name] = true
		return true
	}
	if cond := get(step, "if"); cond != nil && !truthy(c.eval(cond.Value)) {
		return true
	}
	outputs := map[string]string{}
	c.steps[id] = outputs
	if uses := get(step, "uses"); uses != nil {
		action, _, _ := strings.Cut(uses.Value, "@")
		c.action(action, get(step, "with"), outputs)
		return true
	}
	script := c.expand(get(step, "run").Value)
	env := os.Environ()
	for k, v := range c.env {
		env = append(env, k+"="+v)
	}
	if e := get(step, "env"); e != nil {
		for i := 0; i+1 < len(e.Content); i += 2 {
			env = append(env, e.Content[i].Value+"="+c.expand(e.Content[i+1].Value))
		}
	}
	outFile, envFile := filepath.Join(c.temp, "output"), filepath.Join(c.temp, "env")
	os.WriteFile(outFile, nil, 0o644)
	os.WriteFile(envFile, nil, 0o644)
	env = append(env, "PATH="+c.r.w.bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	env = append(env, "GITHUB_OUTPUT="+outFile, "GITHUB_ENV="+envFile, "RUNNER_TEMP="+c.temp,
		"GITHUB_WORKSPACE="+c.workspace, "GITHUB_ACTIONS=true", "CI=true")
	// GitHub's default shell on Linux runners.
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir, cmd.Env = c.workspace, env
	out, err := cmd.CombinedOutput()
	t.Logf("%s / %s: %s\n%s", c.r.file, cmp(name, id), strings.TrimSpace(script), out)
	if err != nil && c.r.mayFail {
		c.r.failed = true
		return false
	}
	if err != nil {
		t.Fatalf("%s: step %q failed: %v\n%s", c.r.file, cmp(name, id), err, out)
	}
	for k, v := range readKV(t, outFile) {
		outputs[k] = v
	}
	for k, v := range readKV(t, envFile) {
		c.env[k] = v
	}
	return true
}

// action imitates one action.
func (c *stepContext) action(action string, with *yaml.Node, outputs map[string]string) {
	t := c.r.w.t
	t.Helper()
	in := func(key string) string {
		if n := get(with, key); n != nil {
			return c.expand(n.Value)
		}
		return ""
	}
	w := c.r.w
	switch action {
	case "actions/checkout":
		dst := c.workspace
		if p := in("path"); p != "" {
			dst = filepath.Join(c.workspace, p)
		}
		copyDir(t, w.repo, dst)
	case "actions/setup-go", "actions/cache":
		// Go is installed; the photo cache only saves time.
	case "actions/cache/restore":
		keys := []string{in("key")}
		for _, k := range strings.Split(in("restore-keys"), "\n") {
			if k = strings.TrimSpace(k); k != "" {
				keys = append(keys, k)
			}
		}
		for i, k := range keys {
			// The exact key first, then the newest entry each prefix matches.
			for j := len(w.caches) - 1; j >= 0; j-- {
				e := w.caches[j]
				if i == 0 && e.key == k || i > 0 && strings.HasPrefix(e.key, k) {
					dst := filepath.Join(c.workspace, in("path"))
					os.RemoveAll(dst)
					copyDir(t, e.dir, dst)
					outputs["cache-hit"] = strconv.FormatBool(i == 0)
					outputs["cache-matched-key"] = e.key
					return
				}
			}
		}
	case "actions/cache/save":
		key := in("key")
		for _, e := range w.caches {
			if e.key == key {
				return // GitHub refuses to overwrite a cache entry
			}
		}
		dir := filepath.Join(w.store, fmt.Sprintf("cache-%d", len(w.caches)))
		copyDir(t, filepath.Join(c.workspace, in("path")), dir)
		w.caches = append(w.caches, cacheEntry{key, dir})
	case "actions/upload-artifact":
		src := filepath.Join(c.workspace, in("path"))
		if _, err := os.Stat(src); err != nil {
			if in("if-no-files-found") == "ignore" {
				return
			}
			t.Fatalf("upload-artifact: %s missing", src)
		}
		copyDir(t, src, filepath.Join(c.r.artifacts, in("name")))
	case "actions/download-artifact":
		names, _ := filepath.Glob(filepath.Join(c.r.artifacts, in("pattern")))
		if in("merge-multiple") != "true" {
			t.Fatal("download-artifact: only merge-multiple is imitated")
		}
		for _, n := range names {
			copyDir(t, n, filepath.Join(c.workspace, in("path")))
		}
	case "actions/configure-pages":
		if c.r.pagesURL == "" {
			t.Fatal("configure-pages ran, but the test gave no Pages address")
		}
		u := c.r.pagesURL
		outputs["base_url"] = strings.TrimSuffix(u, "/")
		outputs["origin"] = u[:strings.Index(u[len("https://"):], "/")+len("https://")]
	case "actions/upload-pages-artifact":
		copyDir(t, filepath.Join(c.workspace, in("path")), filepath.Join(c.r.artifacts, "github-pages"))
	case "actions/deploy-pages":
		src := filepath.Join(c.r.artifacts, "github-pages")
		if _, err := os.Stat(src); err != nil {
			t.Fatal("deploy-pages ran without a Pages artifact")
		}
		w.deployed = filepath.Join(w.store, fmt.Sprintf("live-%d", c.r.id))
		copyDir(t, src, w.deployed)
		outputs["page_url"] = c.r.pagesURL
	default:
		t.Fatalf("the runner cannot imitate %s", action)
	}
}

// expand puts the value of each ${{ expression }} into s.
func (c *stepContext) expand(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "${{")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			c.r.w.t.Fatalf("unclosed expression in %q", s)
		}
		b.WriteString(s[:i])
		b.WriteString(c.eval(s[i+3 : i+j]))
		s = s[i+j+2:]
	}
}

// eval evaluates the expressions these workflows use: context values,
// string and number literals, ==, && and || with GitHub's meaning (a && b
// is a when a is falsy, else b). Anything else stops the test, so that a
// workflow using more is noticed rather than misread.
func (c *stepContext) eval(expr string) string {
	expr = strings.TrimSpace(expr)
	expr = strings.TrimSuffix(strings.TrimPrefix(expr, "${{"), "}}")
	if parts := splitTop(expr, "||"); len(parts) > 1 {
		for _, p := range parts[:len(parts)-1] {
			if v := c.eval(p); truthy(v) {
				return v
			}
		}
		return c.eval(parts[len(parts)-1])
	}
	if parts := splitTop(expr, "&&"); len(parts) > 1 {
		for _, p := range parts[:len(parts)-1] {
			if v := c.eval(p); !truthy(v) {
				return v
			}
		}
		return c.eval(parts[len(parts)-1])
	}
	if parts := splitTop(expr, "!="); len(parts) == 2 {
		return strconv.FormatBool(c.eval(parts[0]) != c.eval(parts[1]))
	}
	if parts := splitTop(expr, "=="); len(parts) == 2 {
		return strconv.FormatBool(c.eval(parts[0]) == c.eval(parts[1]))
	}
	return c.value(strings.TrimSpace(expr))
}

func (c *stepContext) value(v string) string {
	t := c.r.w.t
	if strings.HasPrefix(v, "'") && strings.HasSuffix(v, "'") && len(v) >= 2 {
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	if _, err := strconv.Atoi(v); err == nil {
		return v
	}
	f := strings.Split(v, ".")
	switch {
	case f[0] == "vars" && len(f) == 2:
		return c.r.vars[f[1]] // an unset variable is the empty string
	case f[0] == "inputs" && len(f) == 2:
		return c.r.vars["inputs."+f[1]]
	case f[0] == "matrix" && len(f) == 2:
		return c.matrix[f[1]]
	case f[0] == "steps" && len(f) == 4 && f[2] == "outputs":
		return c.steps[f[1]][f[3]]
	case f[0] == "needs" && len(f) == 4 && f[2] == "outputs":
		if !c.r.ran[f[1]] {
			t.Fatalf("%s: needs.%s before job %s ran", c.r.file, f[1], f[1])
		}
		return c.r.jobs[f[1]][f[3]]
	}
	switch v {
	case "github.event_name":
		return c.r.event
	case "github.sha":
		return gitOut(t, c.r.w.repo, "rev-parse", "HEAD")
	case "github.run_id":
		return strconv.Itoa(1000 + c.r.id)
	case "github.run_attempt":
		return "1"
	case "github.event.pull_request.number":
		return "7"
	}
	t.Fatalf("%s: the runner does not know the expression %q", c.r.file, v)
	return ""
}

// splitTop splits s at op outside quotes.
func splitTop(s, op string) []string {
	var parts []string
	quoted, start := false, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\'':
			quoted = !quoted
		case !quoted && strings.HasPrefix(s[i:], op):
			parts = append(parts, s[start:i])
			start = i + len(op)
			i += len(op) - 1
		}
	}
	return append(parts, s[start:])
}

func truthy(v string) bool { return v != "" && v != "false" && v != "0" }

func readKV(t *testing.T, file string) map[string]string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	kv := map[string]string{}
	s := bufio.NewScanner(f)
	for s.Scan() {
		if k, v, ok := strings.Cut(s.Text(), "="); ok {
			kv[k] = v
		} else if s.Text() != "" {
			t.Fatalf("%s: cannot read %q (multi-line values are not imitated)", file, s.Text())
		}
	}
	return kv
}

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	out, err := exec.Command("mkdir", "-p", dst).CombinedOutput()
	if err == nil {
		out, err = exec.Command("cp", "-a", src+"/.", dst+"/").CombinedOutput()
	}
	if err != nil {
		t.Fatalf("copy %s to %s: %v\n%s", src, dst, err, out)
	}
}

func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.id", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.id")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// treeSum hashes every file's path and bytes under dir.
func treeSum(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(data))
		h.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// sampleRepo is a git repository holding this repository's files as they
// are in the work tree, committed.
func sampleRepo(t *testing.T) string {
	t.Helper()
	root, _ := filepath.Abs("../..")
	dir := t.TempDir()
	list := gitOut(t, root, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
	for _, name := range strings.Split(list, "\x00") {
		if name == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted in the work tree
		}
		if err != nil {
			t.Fatal(err)
		}
		info, _ := os.Stat(filepath.Join(root, name))
		to := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(to), 0o755)
		if err := os.WriteFile(to, data, info.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	gitOut(t, dir, "init", "-q", "-b", "main")
	gitOut(t, dir, "add", "-A")
	gitOut(t, dir, "commit", "-q", "-m", "contoh")
	return dir
}

// commitFile writes a file into the repository and commits it, as a merged
// pull request would.
func commitFile(t *testing.T, repo, name, data string) {
	t.Helper()
	to := filepath.Join(repo, filepath.FromSlash(name))
	os.MkdirAll(filepath.Dir(to), 0o755)
	if err := os.WriteFile(to, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	gitOut(t, repo, "add", "-A")
	gitOut(t, repo, "commit", "-q", "-m", "ubah "+path.Base(name))
}

func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
