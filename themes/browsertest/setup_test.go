package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/kotamalang/kimsite/generator/pipeline"
)

// repoRoot is the repository, two folders up from this package.
var repoRoot, _ = filepath.Abs(filepath.Join("..", ".."))

// sites is the built sample content, served.
type sites struct {
	out    string
	portal *httptest.Server            // public/: the portal and the sites under it
	own    map[string]*httptest.Server // sites on a domain of their own, by id
}

var (
	builtOnce sync.Once
	built     *sites
	buildErr  string
)

// sample builds the sample sites once for all tests and serves them.
func sample(t *testing.T) *sites {
	t.Helper()
	builtOnce.Do(func() {
		out, err := os.MkdirTemp("", "kimsite-browsertest-")
		if err != nil {
			buildErr = err.Error()
			return
		}
		out = filepath.Join(out, "public")
		_, problems, err := pipeline.Run(pipeline.Options{Root: repoRoot, Out: out})
		if err != nil || problems.Errors() > 0 {
			buildErr = "build: " + problems.Error()
			if err != nil {
				buildErr += err.Error()
			}
			return
		}
		built = &sites{out: out, own: map[string]*httptest.Server{}}
		built.portal = httptest.NewServer(http.FileServer(http.Dir(out)))
		// bandungrejosari has a domain of its own: its pages link from "/".
		built.own["bandungrejosari"] = httptest.NewServer(http.FileServer(http.Dir(filepath.Join(out, "bandungrejosari"))))
	})
	if built == nil {
		t.Fatal(buildErr)
	}
	return built
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built != nil {
		built.portal.Close()
		for _, s := range built.own {
			s.Close()
		}
		os.RemoveAll(filepath.Dir(built.out))
	}
	os.Exit(code)
}

// need skips a test locally, or fails it under CI, when what it needs is
// missing.
func need(t *testing.T, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing; .ci/run installs it", what)
	}
	t.Skipf("%s is missing; skipping (CI=true makes this a failure)", what)
}

// chromium returns the path of Chromium.
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	need(t, false, "chromium")
	return ""
}

// browser starts a headless Chromium for one test and returns its context.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("chromium does not start: %v", err)
	}
	return ctx
}

// axeSource returns axe-core's script.
func axeSource(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, ".ci", "axe", "node_modules", "axe-core", "axe.min.js"))
	need(t, err == nil, "axe-core (cd .ci/axe && npm ci)")
	return string(data)
}

// screenshotDir is where screenshots go.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("KIMSITE_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "kimsite-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
