package cms_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/kotamalang/kimsite/generator/cms"
	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/pipeline"
)

const chromium = "/usr/bin/chromium"

// need skips the test locally when a tool is missing, and fails it in CI,
// where .ci/run installs everything.
func need(t *testing.T, path, install string) {
	t.Helper()
	if _, err := os.Stat(path); err == nil {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing: %s", path, install)
	}
	t.Skipf("%s is missing (%s)", path, install)
}

// TestEditorCreatesBerita drives the real editor: decap-server writes into a
// copy of the repository, headless Chromium opens /admin/kauman/ from the
// built site (the Decap bundle copied there from themes/decap/node_modules), a berita
// is filled in through the form and published, and the new file must pass
// check and appear on the rebuilt site.
func TestEditorCreatesBerita(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	repoRoot, _ := filepath.Abs("../..")
	need(t, chromium, "apt-get install chromium")
	nodeModules := filepath.Join(repoRoot, "themes", "decap", "node_modules")
	need(t, filepath.Join(nodeModules, "decap-server", "dist", "index.js"), "npm ci in themes/decap/")
	need(t, filepath.Join(repoRoot, cms.BundleDir, "decap-cms.js"), "npm ci in themes/decap/")
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is missing")
	}

	// A copy of the repository for decap-server to write into, with the
	// bundle where the build looks for it.
	repo := t.TempDir()
	copyTree(t, os.DirFS(repoRoot), repo, "sites.yaml", "content", ".github")
	copyTree(t, os.DirFS(repoRoot), repo, cms.BundleDir)
	public := filepath.Join(t.TempDir(), "public")
	if _, problems, err := pipeline.Run(pipeline.Options{Root: repo, Out: public}); err != nil || len(problems) > 0 {
		t.Fatalf("first build: %v %v", err, problems)
	}

	// decap-server in its file system mode, on a free port.
	apiPort := freePort(t)
	server := exec.Command(node, filepath.Join(nodeModules, "decap-server", "dist", "index.js"))
	server.Env = append(os.Environ(), "PORT="+apiPort, "BIND_HOST=127.0.0.1", "MODE=fs", "GIT_REPO_DIRECTORY="+repo, "LOG_LEVEL=warn")
	var serverLog bytes.Buffer
	server.Stdout, server.Stderr = &serverLog, &serverLog
	if err := server.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { server.Process.Kill(); server.Wait() })
	api := "http://127.0.0.1:" + apiPort + "/api/v1"
	waitFor(t, 30*time.Second, func() bool {
		resp, err := http.Post(api, "application/json", strings.NewReader(`{"action":"info"}`))
		if err == nil {
			resp.Body.Close()
		}
		return err == nil && resp.StatusCode == 200
	}, func() string { return "decap-server did not start: " + serverLog.String() })

	// The built config, pointed at this decap-server's port instead of
	// Decap's default 8081; nothing else changes.
	city, problems := config.Load(os.DirFS(repo))
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	cfgPath := filepath.Join(public, "admin", "kauman", "config.yml")
	built, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg := cms.For(city, city.Site("kauman"), model.Sections, os.DirFS(repo))
	if !bytes.Equal(built, cfg.YAML()) {
		t.Fatal("built config.yml differs from cms.For")
	}
	cfg.LocalBackend = map[string]string{"url": api}
	if err := os.WriteFile(cfgPath, cfg.YAML(), 0o644); err != nil {
		t.Fatal(err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	web := &http.Server{Handler: http.FileServer(http.Dir(public))}
	go web.Serve(ln)
	t.Cleanup(func() { web.Close() })
	admin := "http://" + ln.Addr().String() + "/admin/kauman/"

	ctx := browser(t)
	const title = "Kerja Bakti Warga RW 07"
	file := filepath.Join(repo, "content", "kauman", "berita", "kerja-bakti-warga-rw-07.md")
	err = chromedp.Do(ctx,
		chromedp.Navigate(admin),
		// Decap's local backend shows a login button that needs no account.
		chromedp.WaitVisible(`//button[contains(., "Masuk")]`),
		chromedp.Click(`//button[contains(., "Masuk")]`),
		chromedp.Click(`//a[contains(@href, "collections/berita")]`),
		// The Indonesian locale names the button "＋ Berita baru".
		chromedp.Click(`//a[contains(., "Berita baru")]`),
		chromedp.WaitVisible(`//label[starts-with(normalize-space(.), "Judul")]`),
	)
	if err != nil {
		shot(t, ctx)
		t.Fatalf("opening the form: %v\n%s", err, serverLog.String())
	}
	if os.Getenv("KIMSITE_SHOT") != "" {
		shot(t, ctx)
	}
	bodyText, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS("body")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Penulis", "Ringkasan", "Judul singkat yang jelas"} {
		if !strings.Contains(bodyText, want) {
			t.Errorf("the form lacks %q (labels and hints from the model)", want)
		}
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(fieldInput("Judul"), title),
		chromedp.SendKeys(fieldInput("Penulis"), "Siti Aminah"),
		chromedp.SendKeys(fieldInput("Ringkasan"), "Warga RW 07 membersihkan saluran bersama."),
		chromedp.Click(`//button[normalize-space(.)="Sekarang"]`),
		chromedp.Click(chromedp.CSS(`[contenteditable="true"]`)),
		chromedp.SendKeys(chromedp.CSS(`[contenteditable="true"]`), "Minggu pagi warga RW 07 kerja bakti membersihkan saluran."),
		chromedp.Click(`//*[@role="button" or self::button][normalize-space(.)="Terbitkan"]`),
		chromedp.Click(`//*[normalize-space(.)="Terbitkan sekarang"]`),
	)
	if err != nil {
		shot(t, ctx)
		t.Fatalf("filling the form: %v", err)
	}
	waitFor(t, 30*time.Second, func() bool { _, err := os.Stat(file); return err == nil },
		func() string { shot(t, ctx); return "the editor wrote no " + file + "\n" + serverLog.String() })

	// Once Decap has finished publishing (and moved to the entry's own
	// address), the other forms render with their model-driven widgets too.
	if err := chromedp.Do(ctx, chromedp.WaitVisible(`//*[normalize-space(.)="Sudah terbit"]`)); err != nil {
		shot(t, ctx)
		t.Fatalf("publishing: %v", err)
	}
	for _, form := range []struct {
		collection, first string
		labels            []string
	}{
		{"perencanaan", "Tahun anggaran", []string{"Tahap", "Anggaran (Rp)", "Kemajuan (%)", "Dokumen"}},
		{"umkm", "Kategori", []string{"Pemilik", "WhatsApp", "Produk", "Tautan toko daring"}},
		{"cek-fakta", "Klaim", []string{"Putusan", "Sumber klaim", "Diperiksa oleh", "Sumber"}},
		{"halaman", "Judul", []string{"Isi"}},
	} {
		// A change of the hash alone fires no load event for Navigate to
		// wait for: let Decap's router follow it.
		_, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash = "#/collections/`+form.collection+`/new"`))
		if err == nil {
			wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			err = chromedp.Do(wctx, chromedp.WaitVisible(fmt.Sprintf(`//label[starts-with(normalize-space(.), %q)]`, form.first)))
			cancel()
		}
		if err != nil {
			shot(t, ctx)
			t.Fatalf("%s form: %v", form.collection, err)
		}
		text, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS("body")))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range form.labels {
			if !strings.Contains(text, l) {
				t.Errorf("%s form lacks %q", form.collection, l)
			}
		}
	}

	editBundle(t, ctx, repo, &serverLog)

	written, _ := os.ReadFile(file)
	t.Logf("written by the editor:\n%s", written)
	for _, want := range []string{"title: " + title, "author: Siti Aminah", "date: 20", "kerja bakti membersihkan saluran"} {
		if !bytes.Contains(written, []byte(want)) {
			t.Errorf("the file lacks %q", want)
		}
	}
	// kimsite check, then a rebuild.
	if _, problems, err := pipeline.Run(pipeline.Options{Root: repo}); err != nil || len(problems) > 0 {
		t.Fatalf("check of the new file: %v\n%v", err, problems)
	}
	if _, problems, err := pipeline.Run(pipeline.Options{Root: repo, Out: public}); err != nil || len(problems) > 0 {
		t.Fatalf("rebuild: %v\n%v", err, problems)
	}
	html, err := os.ReadFile(filepath.Join(public, "kauman", "berita", "kerja-bakti-warga-rw-07", "index.html"))
	if err != nil || !bytes.Contains(html, []byte(title)) {
		t.Fatalf("the rebuilt site lacks the new berita: %v", err)
	}
	list, _ := os.ReadFile(filepath.Join(public, "kauman", "berita", "index.html"))
	if !bytes.Contains(list, []byte(title)) {
		t.Error("the berita list lacks the new page")
	}
}

// editBundle opens an existing page bundle (berita/<slug>/index.md) from
// its collection, checks that the preview pane has the theme's stylesheet,
// changes the summary and publishes: the file on disk must change, keep
// its other values, and (checked by the caller) still pass check.
func editBundle(t *testing.T, ctx context.Context, repo string, serverLog *bytes.Buffer) {
	t.Helper()
	const slug = "bazar-takjil-ramadan"
	file := filepath.Join(repo, "content", "kauman", "berita", slug, "index.md")
	before, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const added = " Bazar dibuka lagi tahun depan."
	var logMu sync.Mutex
	var console []string
	_ = chromedp.Listen(ctx, func(ev any) {
		logMu.Lock()
		defer logMu.Unlock()
		switch ev := ev.(type) {
		case *cdpruntime.EventConsoleAPICalled:
			for _, a := range ev.Args {
				console = append(console, string(ev.Type)+": "+string(a.Value)+a.Description)
			}
		case *cdpruntime.EventExceptionThrown:
			console = append(console, "exception: "+ev.ExceptionDetails.Text+" "+fmt.Sprint(ev.ExceptionDetails.Exception))
		}
	})
	_, err = chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash = "#/collections/`+cms.BundleCollection("berita")+`"`))
	if err == nil {
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		// The list shows the bundle by its title.
		err = chromedp.Do(wctx,
			chromedp.Click(`//a[contains(., "Bazar takjil Ramadan")]`),
			chromedp.WaitVisible(`//label[starts-with(normalize-space(.), "Ringkasan")]`),
		)
		cancel()
	}
	if err != nil {
		shot(t, ctx)
		t.Fatalf("opening the bundle: %v\n%s", err, serverLog.String())
	}
	styled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`[...document.querySelectorAll("iframe")].some(f => {
		try { return !!f.contentDocument.querySelector('link[href$="/admin/preview.css"]') } catch (e) { return false }
	})`))
	if err != nil || !styled {
		t.Errorf("the preview pane does not load the theme's stylesheet (%v)", err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(fieldInput("Ringkasan")),
		chromedp.KeyEvent(kb.End),
		chromedp.SendKeys(fieldInput("Ringkasan"), added),
		chromedp.Click(`//*[@role="button" or self::button][normalize-space(.)="Terbitkan"]`),
		chromedp.WaitVisible(`//*[@role="menuitem" or self::li or self::div][normalize-space(.)="Terbitkan sekarang"]`),
		chromedp.Click(`//*[@role="menuitem" or self::li or self::div][normalize-space(.)="Terbitkan sekarang"]`),
	)
	if err != nil {
		shot(t, ctx)
		t.Fatalf("editing the bundle: %v", err)
	}
	// A click on the menu item does not always start the publishing of an
	// existing entry (seen under load); choose it with the keyboard then,
	// as a volunteer without a mouse would.
	time.Sleep(5 * time.Second)
	if now, _ := os.ReadFile(file); bytes.Equal(now, before) {
		t.Log("publishing did not start with a click; trying the keyboard")
		_ = chromedp.Do(ctx,
			chromedp.Focus(`//*[@role="button" or self::button][normalize-space(.)="Terbitkan"]`),
			chromedp.KeyEvent(kb.Enter),
			chromedp.KeyEvent(kb.ArrowDown),
			chromedp.KeyEvent(kb.Enter),
		)
	}
	var after []byte
	defer func() {
		if bytes.Equal(before, after) {
			t.Error("the file on disk did not change")
		}
	}()
	// Decap folds a long YAML value over lines: compare the words.
	words := func(b []byte) string { return strings.Join(strings.Fields(string(b)), " ") }
	waitFor(t, 60*time.Second, func() bool {
		after, _ = os.ReadFile(file)
		return strings.Contains(words(after), strings.TrimSpace(added))
	}, func() string {
		shot(t, ctx)
		text, _ := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS("body")))
		logMu.Lock()
		defer logMu.Unlock()
		return "the editor did not save " + file + "\npage: " + text + "\nconsole: " + strings.Join(console, "\n") + "\n" + serverLog.String()
	})
	t.Logf("bundle after the edit:\n%s", after)
	for _, keep := range []string{"title: Bazar takjil Ramadan UMKM Kauman ramai pembeli", "author: Rizky Maulana", "foto.jpg", "Warung Bu Sri"} {
		if !bytes.Contains(after, []byte(keep)) {
			t.Errorf("the edit lost %q", keep)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(file), "foto.jpg")); err != nil {
		t.Error("the bundle's photo is gone")
	}
}

// fieldInput finds the text input of the field whose label starts with
// label; Decap ties each label to its input with for/id.
func fieldInput(label string) string {
	return fmt.Sprintf(`//input[@id=//label[starts-with(normalize-space(.), %q)]/@for]`, label)
}

func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 360*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	// Accept any "are you sure" dialog, as a volunteer would.
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	return ctx
}

// shot saves a screenshot of the page next to the test log, for debugging.
func shot(t *testing.T, ctx context.Context) {
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if png, err := chromedp.Run(sctx, chromedp.FullScreenshot(100)); err == nil {
		name := filepath.Join(os.TempDir(), "kimsite-cms-screenshot.png")
		os.WriteFile(name, png, 0o644)
		t.Logf("screenshot: %s", name)
	}
}

func waitFor(t *testing.T, d time.Duration, ok func() bool, why func() string) {
	t.Helper()
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatal(why())
}

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
}

// copyTree copies the named files and folders of src into dir, skipping
// source maps.
func copyTree(t *testing.T, src fs.FS, dir string, names ...string) {
	t.Helper()
	for _, name := range names {
		err := fs.WalkDir(src, name, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, ".map") {
				return err
			}
			data, err := fs.ReadFile(src, p)
			if err != nil {
				return err
			}
			to := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				return err
			}
			return os.WriteFile(to, data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
