package browsertest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// pageTypes are one page of every kind the theme renders, on the portal's
// server unless own names a site on a domain of its own.
var pageTypes = []struct {
	name, path, own string
}{
	{"portal", "/", ""},
	{"kecamatan", "/kecamatan/klojen/", ""},
	{"city-umkm", "/umkm/", ""},
	{"city-cek-fakta", "/cek-fakta/", ""},
	{"notfound", "/404.html", ""},
	{"city-search", "/cari/", ""},
	{"home", "/kauman/", ""},
	{"page", "/kauman/profil/", ""},
	{"list", "/kauman/berita/", ""},
	{"archive", "/kauman/berita/arsip/2026/", ""},
	{"plan", "/kauman/perencanaan/", ""},
	{"plan-year", "/kauman/perencanaan/2026/", ""},
	{"umkm-category", "/kauman/umkm/kategori/kuliner/", ""},
	{"single-berita-photo", "/kauman/berita/bazar-takjil-ramadan/", ""},
	{"single-berita-embeds", "/kauman/berita/kerja-bakti-rw-05/", ""},
	{"single-perencanaan", "/kauman/perencanaan/saluran-drainase-kauman-gang-3/", ""},
	{"single-umkm", "/kauman/umkm/warung-bu-sri/", ""},
	{"single-cek-fakta", "/kauman/cek-fakta/hoaks-bansos-lewat-tautan/", ""},
	{"tags", "/kauman/tags/", ""},
	{"tag", "/kauman/tags/lingkungan/", ""},
	{"search", "/kauman/cari/", ""},
	{"own-domain-home", "/", "bandungrejosari"},
	{"own-domain-single", "/berita/festival-kampung-agustusan/", "bandungrejosari"},
}

func (s *sites) url(path, own string) string {
	if own != "" {
		return s.own[own].URL + path
	}
	return s.portal.URL + path
}

// recorder collects what a tab reports: console errors (CSP violations
// among them) and every request it makes.
type recorder struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

func (r *recorder) event(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			r.errors = append(r.errors, "console: "+strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		r.errors = append(r.errors, "exception: "+ev.ExceptionDetails.Text+" "+ev.ExceptionDetails.URL)
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError {
			r.errors = append(r.errors, fmt.Sprintf("%s: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		r.requests = append(r.requests, ev.Request.URL)
	}
}

func (r *recorder) take() (errors, requests []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	errors, requests = r.errors, r.requests
	r.errors, r.requests = nil, nil
	return errors, requests
}

// foreign returns the requests that went to a host other than 127.0.0.1.
func foreign(requests []string) []string {
	var out []string
	for _, req := range requests {
		u, err := url.Parse(req)
		if err != nil || (u.Scheme != "data" && u.Hostname() != "127.0.0.1") {
			out = append(out, req)
		}
	}
	return out
}

// tab opens a new tab that records what happens in it.
func tab(t *testing.T, browser context.Context) (context.Context, *recorder) {
	t.Helper()
	rec := &recorder{}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(rec.event))
	t.Cleanup(cancel)
	if _, err := chromedp.Call(ctx, cdplog.Enable, struct{}{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	return ctx, rec
}

func call(f func(ctx context.Context) error) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error { return f(ctx) })
}

func scheme(name string) chromedp.Action[chromedp.Void] {
	return call(func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: name}}})
		return err
	})
}

func width(w int64) chromedp.Action[chromedp.Void] {
	return call(func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: w, Height: 800, DeviceScaleFactor: 1, Mobile: w < 600})
		return err
	})
}

func noScript() chromedp.Action[chromedp.Void] {
	return call(func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}

// into runs an action that gives a value and keeps the value in *v.
func into[T any](a chromedp.Action[T], v *T) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		r, err := a(ctx, t)
		*v = r
		return err
	})
}

// violation is what the test keeps of an axe-core violation.
type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

const runAxe = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact, help: v.help,
	nodes: v.nodes.slice(0, 4).map(n => n.target.join(" ") + " " + (n.failureSummary || "").replace(/\s+/g, " "))})))`

// TestPageTypes opens every page type in both colour schemes: no console
// error, no request to another host, no axe-core violation; and writes
// screenshots at 360 and 1280 pixels.
func TestPageTypes(t *testing.T) {
	s := sample(t)
	axe := axeSource(t)
	b := browser(t)
	shots := screenshotDir(t)
	tabs := make(chan struct{}, 3) // pages open at once
	for _, pt := range pageTypes {
		t.Run(pt.name, func(t *testing.T) {
			t.Parallel()
			tabs <- struct{}{}
			defer func() { <-tabs }()
			ctx, rec := tab(t, b)
			for _, sc := range []string{"light", "dark"} {
				var violations []violation
				var shot360, shot1280 []byte
				wide := chromedp.Steps(width(1280), chromedp.Sleep(50*time.Millisecond), into(chromedp.FullScreenshot(100), &shot1280))
				if sc == "dark" {
					wide = chromedp.Steps() // the dark scheme at 360 px only, to keep the test quick
				}
				err := chromedp.Do(ctx,
					scheme(sc), width(360),
					chromedp.Navigate(s.url(pt.path, pt.own)),
					chromedp.WaitReady(chromedp.CSS("footer")),
					into(chromedp.Evaluate[bool](axe+";true"), new(bool)),
					into(chromedp.Evaluate[[]violation](runAxe, chromedp.EvalAwaitPromise), &violations),
					into(chromedp.FullScreenshot(100), &shot360),
					wide,
				)
				if err != nil {
					t.Fatalf("%s: %v", sc, err)
				}
				for _, v := range violations {
					t.Errorf("%s: axe %s (%s): %s\n\t%s", sc, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
				}
				errs, reqs := rec.take()
				for _, e := range errs {
					t.Errorf("%s: %s", sc, e)
				}
				for _, r := range foreign(reqs) {
					t.Errorf("%s: request to another host: %s", sc, r)
				}
				for w, png := range map[int][]byte{360: shot360, 1280: shot1280} {
					if png == nil {
						continue
					}
					name := filepath.Join(shots, fmt.Sprintf("%s-%s-%d.png", pt.name, sc, w))
					if err := os.WriteFile(name, png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		})
	}
}

// TestWithoutJavaScript reads pages with scripts disabled: the text is
// all there, the video is a link to YouTube, and the search page offers
// the section lists.
func TestWithoutJavaScript(t *testing.T) {
	s := sample(t)
	ctx, _ := tab(t, browser(t))
	var h1, prose string
	var videoLinks, browseLinks, notes, results int
	err := chromedp.Do(ctx,
		noScript(),
		chromedp.Navigate(s.url("/kauman/berita/kerja-bakti-rw-05/", "")),
		into(chromedp.Text(chromedp.CSS("h1")), &h1),
		into(chromedp.Text(chromedp.CSS(".prose")), &prose),
		into(chromedp.Evaluate[int](`document.querySelectorAll('a.yt-play[href^="https://www.youtube.com/watch?v="]').length`), &videoLinks),
		chromedp.Navigate(s.url("/kauman/cari/", "")),
		into(chromedp.Evaluate[int](`document.querySelectorAll(".browse a").length`), &browseLinks),
		into(chromedp.Evaluate[int](`[...document.querySelectorAll(".note")].filter(e => e.offsetHeight > 0).length`), &notes),
		into(chromedp.Evaluate[int](`document.querySelectorAll("#hasil li").length`), &results),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h1, "Kerja bakti RW 05") || !strings.Contains(prose, "40 karung lumpur") {
		t.Errorf("page does not read without JavaScript: h1 %q, body %d bytes", h1, len(prose))
	}
	if videoLinks != 1 {
		t.Errorf("%d video links to YouTube, want 1", videoLinks)
	}
	if browseLinks < 5 || notes != 1 || results != 0 {
		t.Errorf("search page without JavaScript: %d section links (want ≥ 5), %d notes (want 1), %d results", browseLinks, notes, results)
	}
}

// TestSearch types in the search box: the index loads only then, and
// results appear as the reader types, with accents folded.
func TestSearch(t *testing.T) {
	s := sample(t)
	ctx, rec := tab(t, browser(t))
	var before []string
	var titles []string
	err := chromedp.Do(ctx,
		chromedp.Navigate(s.url("/kauman/cari/", "")),
		chromedp.WaitReady(chromedp.CSS("#q")),
		chromedp.Sleep(100*time.Millisecond),
		chromedp.Func(func(context.Context, *chromedp.Target) error { _, before = rec.take(); return nil }),
		chromedp.Click(chromedp.CSS("#q")),
		chromedp.SendKeys(chromedp.CSS("#q"), "pósyandu mel"),
		chromedp.WaitVisible(chromedp.CSS("#hasil li a")),
	)
	if err != nil {
		t.Fatal(err)
	}
	want := "Posyandu Melati RW 02 timbang 64 balita dan beri imunisasi /kauman/berita/posyandu-melati-rw-02/"
	// Results follow each key press; on a busy machine the first ones
	// shown can be for the first letters typed, so read until they settle.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if err := chromedp.Do(ctx, into(chromedp.Evaluate[[]string](`[...document.querySelectorAll("#hasil li a")].map(a => a.textContent + " " + a.pathname)`), &titles)); err != nil {
			t.Fatal(err)
		}
		if len(titles) > 0 && titles[0] == want {
			break
		}
	}
	for _, r := range before {
		if strings.HasSuffix(r, "/search.json") {
			t.Errorf("index loaded before the search box was used")
		}
	}
	errs, after := rec.take()
	if !strings.Contains(strings.Join(after, " "), "/kauman/search.json") {
		t.Errorf("index not loaded when the box was used: %v", after)
	}
	if len(titles) == 0 || titles[0] != want {
		t.Errorf("results %q, want first %q", titles, want)
	}
	for _, e := range errs {
		t.Error(e)
	}
}

// TestYouTubeFacade checks that the page asks nothing of YouTube until the
// reader presses play, and then gets a youtube-nocookie player.
func TestYouTubeFacade(t *testing.T) {
	s := sample(t)
	ctx, rec := tab(t, browser(t))
	var framesBefore int
	var src, title chromedp.AttributeResult
	err := chromedp.Do(ctx,
		call(func(ctx context.Context) error {
			// The player may be created, but must not reach the network.
			_, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{
				{URLPattern: "https://www.youtube-nocookie.com/*", Block: true}, {URLPattern: "https://*.youtube.com/*", Block: true}}})
			return err
		}),
		chromedp.Navigate(s.url("/kauman/berita/kerja-bakti-rw-05/", "")),
		chromedp.WaitReady(chromedp.CSS("footer")),
		into(chromedp.Evaluate[int](`document.querySelectorAll("iframe").length`), &framesBefore),
		chromedp.Func(func(context.Context, *chromedp.Target) error {
			_, reqs := rec.take()
			if f := foreign(reqs); len(f) > 0 {
				t.Errorf("requests to other hosts before the click: %v", f)
			}
			return nil
		}),
		chromedp.Click(chromedp.CSS("a.yt-play")),
		chromedp.WaitReady(chromedp.CSS("iframe.yt-frame")),
		into(chromedp.AttributeValue(chromedp.CSS("iframe.yt-frame"), "src"), &src),
		into(chromedp.AttributeValue(chromedp.CSS("iframe.yt-frame"), "title"), &title),
	)
	if err != nil {
		t.Fatal(err)
	}
	if framesBefore != 0 {
		t.Errorf("%d iframes before the click, want 0", framesBefore)
	}
	if !strings.HasPrefix(src.Value, "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?") {
		t.Errorf("player src %q", src.Value)
	}
	if title.Value != "Kerja bakti RW 05 bersihkan saluran" {
		t.Errorf("player title %q", title.Value)
	}
}
