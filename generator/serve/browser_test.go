package serve

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns the browser to test with. Without one the test fails
// in CI (CI=true) and is skipped elsewhere.
func chromium(t *testing.T) string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is required in CI: apt-get install -y chromium")
	}
	t.Skip("chromium not installed")
	return ""
}

// TestBrowserOverlay opens a page in headless Chromium, breaks it with a
// bad save, sees the overlay with the problem's file and line, fixes it
// and sees the page reload with the change and no overlay: the reload
// script, the page's Content-Security-Policy and the event stream together.
func TestBrowserOverlay(t *testing.T) {
	exe := chromium(t)
	root := writeTree(t, smallTree())
	s := newServer(t, root)
	watchCtx, stopWatch := context.WithCancel(context.Background())
	defer stopWatch()
	w, err := s.Watch()
	if err != nil {
		t.Fatal(err)
	}
	go w.Run(watchCtx, nil)
	ts := httptest.NewServer(s)
	defer ts.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	var title string
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/mawar/berita/kerja/"),
		keep(chromedp.Text(chromedp.CSS("h1")), &title),
	); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(title, "Kerja bakti pertama") {
		t.Fatalf("h1 = %q", title)
	}
	// Wait until the page's script has connected to the stream.
	time.Sleep(300 * time.Millisecond)

	file := filepath.Join(root, "content/mawar/berita/kerja.md")
	os.WriteFile(file, []byte("---\ntitle: Kerja bakti\ndate: 2026-13-45\n---\nGot.\n"), 0o644)
	var overlay string
	if err := chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS("#kimsite-galat")),
		keep(chromedp.Text(chromedp.CSS("#kimsite-galat")), &overlay),
	); err != nil {
		t.Fatalf("no overlay after a bad save: %v", err)
	}
	if !strings.Contains(overlay, "content/mawar/berita/kerja.md:3") || !strings.Contains(overlay, "2026-13-45") {
		t.Fatalf("overlay does not name the file and line:\n%s", overlay)
	}

	os.WriteFile(file, []byte("---\ntitle: Kerja bakti kedua\ndate: 2026-01-05\n---\nGot.\n"), 0o644)
	// The page reloads itself: ask until the new page is there (a question
	// asked during the reload fails, and is asked again).
	const reloaded = `document.readyState === "complete" && document.querySelector("h1").textContent.includes("Kerja bakti kedua") && document.getElementById("kimsite-galat") === null`
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		var ok bool
		if err := chromedp.Do(ctx, keep(chromedp.Evaluate[bool](reloaded), &ok)); err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			var h1 string
			chromedp.Do(ctx, keep(chromedp.Evaluate[string](`document.body.innerText`), &h1))
			t.Fatalf("page did not reload without the overlay after the fix; it shows:\n%s", h1)
		}
	}
}

// keep runs a and stores its result in v.
func keep[T any](a chromedp.Action[T], v *T) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		r, err := a(ctx, t)
		*v = r
		return err
	})
}
