package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/internal/filetree"
)

// writeTree writes files (slash paths → contents) under a new temporary folder.
func writeTree(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	filetree.Write(t, root, files)
	return root
}

func smallTree() map[string]string {
	return map[string]string{
		"sites.yaml": "city: Kota Contoh\nbase_url: https://contoh.example/\nsites:\n" +
			"  - id: mawar\n    name: Kelurahan Mawar\n    kecamatan: Klojen\n" +
			"  - id: melati\n    name: Kelurahan Melati\n    kecamatan: Sukun\n    base_url: https://melati.example/\n",
		"content/README.md":                 "# Panduan\n",
		"content/mawar/_index.md":           "---\ntitle: Beranda Mawar\n---\nSelamat datang.\n",
		"content/mawar/berita/kerja.md":     "---\ntitle: Kerja bakti pertama\ndate: 2026-01-05\n---\nWarga membersihkan got.\n",
		"content/mawar/static/logo.svg":     `<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>`,
		"content/melati/_index.md":          "---\ntitle: Beranda Melati\n---\nHalo.\n",
		"content/melati/berita/posyandu.md": "---\ntitle: Posyandu balita\ndate: 2026-02-01\n---\nTimbang badan.\n",
	}
}

func newServer(t testing.TB, root string) *Server {
	t.Helper()
	s, err := New(Options{Root: root, BaseURL: "http://127.0.0.1:1313/", Loopback: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := s.Problems().Errors(); n > 0 {
		t.Fatalf("first build: %v", s.Problems())
	}
	return s
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Host = "127.0.0.1:1313"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestLiveReload edits files under a watching server and follows the
// event stream: a good save reloads with the new page, a bad one reports
// the problem at its line, the next good save clears it.
func TestLiveReload(t *testing.T) {
	root := writeTree(t, smallTree())
	s := newServer(t, root)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w, err := s.Watch()
	if err != nil {
		t.Fatal(err)
	}
	go w.Run(ctx, nil)
	events, stop := s.Subscribe()
	defer stop()

	page := "/mawar/berita/kerja/"
	if body := get(t, s, page).Body.String(); !strings.Contains(body, "Kerja bakti pertama") || !strings.Contains(body, ScriptPath) {
		t.Fatalf("first page lacks its title or the reload script:\n%s", body)
	}
	file := filepath.Join(root, "content/mawar/berita/kerja.md")
	// until reads events until ok holds for one: a save can come as more
	// than one burst of file events, each giving a rebuild.
	until := func(what string, ok func(Event) bool) Event {
		t.Helper()
		for {
			select {
			case ev := <-events:
				if ok(ev) {
					return ev
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("no event after %s", what)
			}
		}
	}
	shows := func(text string) func(Event) bool {
		return func(ev Event) bool {
			return len(ev.Problems) == 0 && strings.Contains(get(t, s, page).Body.String(), text)
		}
	}

	// A save as editors do it: write a temporary file, rename it over.
	tmp := filepath.Join(root, "content/mawar/berita/.kerja.md.swp")
	os.WriteFile(tmp, []byte("---\ntitle: Kerja bakti kedua\ndate: 2026-01-05\n---\nGot bersih.\n"), 0o644)
	os.Rename(tmp, file)
	until("a good save", shows("Kerja bakti kedua"))
	if body := get(t, s, "/").Body.String(); !strings.Contains(body, "Kerja bakti kedua") {
		t.Errorf("portal does not show the new title")
	}

	os.WriteFile(file, []byte("---\ntitle: Kerja bakti\ndate: 2026-13-45\n---\nGot.\n"), 0o644)
	ev := until("a bad save", func(ev Event) bool { return len(ev.Problems) > 0 })
	if ev.Problems[0].Position != "content/mawar/berita/kerja.md:3" || !strings.Contains(ev.Problems[0].Message, "2026-13-45") {
		t.Fatalf("bad save: want a problem at content/mawar/berita/kerja.md:3, got %+v", ev.Problems)
	}
	if body := get(t, s, page).Body.String(); !strings.Contains(body, "Kerja bakti kedua") {
		t.Errorf("after a bad save the last good page should still be served")
	}

	os.WriteFile(file, []byte("---\ntitle: Kerja bakti ketiga\ndate: 2026-01-06\n---\nGot.\n"), 0o644)
	ev2 := until("the fix", shows("Kerja bakti ketiga"))
	if ev2.Version <= ev.Version {
		t.Fatalf("fix: want a new version, got %+v after %+v", ev2, ev)
	}

	// A new folder is watched too.
	os.MkdirAll(filepath.Join(root, "content/mawar/berita/bazar"), 0o755)
	time.Sleep(50 * time.Millisecond)
	drain(events)
	os.WriteFile(filepath.Join(root, "content/mawar/berita/bazar/index.md"), []byte("---\ntitle: Bazar takjil\ndate: 2026-03-01\n---\nRamai.\n"), 0o644)
	for deadline := time.Now().Add(5 * time.Second); ; {
		if get(t, s, "/mawar/berita/bazar/").Code == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("page in a new folder was never built")
		}
		select {
		case <-events:
		case <-time.After(time.Second):
		}
	}
}

func drain(c <-chan Event) {
	for {
		select {
		case <-c:
		default:
			return
		}
	}
}

// TestScope checks that a change rebuilds only what it affects.
func TestScope(t *testing.T) {
	root := writeTree(t, smallTree())
	s := newServer(t, root)
	for _, tc := range []struct {
		changed []string
		ids     []string
		all     bool
	}{
		{[]string{"content/mawar/berita/kerja.md"}, []string{"mawar"}, false},
		{[]string{"content/mawar/berita/kerja.md", "content/melati/_index.md"}, []string{"mawar", "melati"}, false},
		{[]string{"content/README.md"}, nil, false},
		{[]string{"content/baru/_index.md"}, nil, true},
		{[]string{"sites.yaml"}, nil, true},
		{[]string{"themes/default/style.css"}, nil, true},
		{[]string{"README.md"}, nil, false},
	} {
		ids, all := s.scope(tc.changed)
		if all != tc.all || strings.Join(ids, ",") != strings.Join(tc.ids, ",") {
			t.Errorf("scope(%v) = %v, %v; want %v, %v", tc.changed, ids, all, tc.ids, tc.all)
		}
	}
	// A rebuild of one site keeps the other's files as they were.
	before := s.state.Load()
	if err := s.Rebuild([]string{"content/mawar/berita/kerja.md"}); err != nil {
		t.Fatal(err)
	}
	after := s.state.Load()
	if before.sites["melati"] != after.sites["melati"] {
		t.Error("rebuilding mawar rebuilt melati too")
	}
	if before.sites["mawar"] == after.sites["mawar"] {
		t.Error("mawar was not rebuilt")
	}
}

// TestOwnDomainPreview checks that a site on its own domain is previewed
// under the server, with working links.
func TestOwnDomainPreview(t *testing.T) {
	s := newServer(t, writeTree(t, smallTree()))
	body := get(t, s, "/melati/").Body.String()
	if !strings.Contains(body, `href="/melati/berita/posyandu/"`) {
		t.Errorf("own-domain site's links should point into the preview:\n%s", body)
	}
}

// rawGet sends a request line exactly as written, so that encoded forms
// reach the server unaltered by any client.
func rawGet(t *testing.T, addr, target, host string) (int, string, http.Header) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp.Header
}

// TestOnlyBuiltOutput asks for sources and for paths out of the output,
// plainly and encoded, and expects none of the repository's files.
func TestOnlyBuiltOutput(t *testing.T) {
	root := writeTree(t, smallTree())
	os.WriteFile(filepath.Join(filepath.Dir(root), "rahasia.txt"), []byte("RAHASIA"), 0o644)
	ts := httptest.NewServer(newServer(t, root))
	defer ts.Close()
	addr := strings.TrimPrefix(ts.URL, "http://")
	for _, target := range []string{
		"/sites.yaml",
		"/content/mawar/_index.md",
		"/mawar/berita/kerja.md",
		"/../sites.yaml",
		"/../../rahasia.txt",
		"/%2e%2e/sites.yaml",
		"/%2E%2E/%2E%2E/rahasia.txt",
		"/mawar/..%2f..%2fsites.yaml",
		"/mawar/%2e%2e%2f%2e%2e%2fsites.yaml",
		"/..%5csites.yaml",
		"/mawar/..\\..\\sites.yaml",
		"/%252e%252e/sites.yaml",
		"/mawar/%00/../sites.yaml",
		"/./sites.yaml",
		"//sites.yaml",
		"/mawar//berita/kerja/",
		"/%2fsites.yaml",
	} {
		code, body, _ := rawGet(t, addr, target, "127.0.0.1")
		if code == http.StatusOK || code/100 == 3 || strings.Contains(body, "base_url:") || strings.Contains(body, "RAHASIA") || strings.Contains(body, "title: Beranda") || strings.Contains(body, "title: Kerja") {
			t.Errorf("GET %s: status %d, body %.80q", target, code, body)
		}
	}
	// What the build made is there.
	for _, target := range []string{"/", "/mawar/", "/mawar/berita/kerja/", "/mawar/logo.svg", "/mawar/index.xml"} {
		if code, _, _ := rawGet(t, addr, target, "127.0.0.1"); code != http.StatusOK {
			t.Errorf("GET %s: status %d, want 200", target, code)
		}
	}
	if code, _, h := rawGet(t, addr, "/mawar", "127.0.0.1"); code != http.StatusMovedPermanently || h.Get("Location") != "/mawar/" {
		t.Errorf("GET /mawar: %d to %q, want a redirect to /mawar/", code, h.Get("Location"))
	}
}

// TestSecurityHeaders checks the headers of a page, of a file that is not
// a page, and of an error.
func TestSecurityHeaders(t *testing.T) {
	s := newServer(t, writeTree(t, smallTree()))
	for _, tc := range []struct {
		target string
		status int
		csp    string
	}{
		{"/mawar/", 200, "frame-ancestors 'none'"},
		{"/mawar/logo.svg", 200, "sandbox"},
		{"/tidak-ada/", 404, "frame-ancestors 'none'"},
		{ScriptPath, 200, "default-src 'none'"},
	} {
		rec := get(t, s, tc.target)
		h := rec.Header()
		if rec.Code != tc.status {
			t.Errorf("%s: status %d, want %d", tc.target, rec.Code, tc.status)
		}
		want := map[string]string{
			"X-Content-Type-Options":       "nosniff",
			"X-Frame-Options":              "DENY",
			"Referrer-Policy":              "no-referrer",
			"Cross-Origin-Resource-Policy": "same-origin",
			"Cache-Control":                "no-store",
		}
		for k, v := range want {
			if h.Get(k) != v {
				t.Errorf("%s: %s = %q, want %q", tc.target, k, h.Get(k), v)
			}
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), tc.csp) {
			t.Errorf("%s: Content-Security-Policy %q lacks %q", tc.target, h.Get("Content-Security-Policy"), tc.csp)
		}
	}
	if ct := get(t, s, "/mawar/logo.svg").Header().Get("Content-Type"); ct != "image/svg+xml" {
		t.Errorf("svg Content-Type %q", ct)
	}
}

// TestRequestLimits checks methods and Host names.
func TestRequestLimits(t *testing.T) {
	s := newServer(t, writeTree(t, smallTree()))
	req := httptest.NewRequest(http.MethodPost, "/mawar/", strings.NewReader("x"))
	req.Host = "localhost:1313"
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", rec.Code)
	}
	for host, want := range map[string]int{
		"localhost:1313":    200,
		"127.0.0.1:1313":    200,
		"[::1]:1313":        200,
		"evil.example:1313": 403,
		"evil.example":      403,
		"127.0.0.1.nip.io":  403,
	} {
		req := httptest.NewRequest(http.MethodGet, "/mawar/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s: status %d, want %d", host, rec.Code, want)
		}
	}
}

func TestOutputName(t *testing.T) {
	for in, want := range map[string]string{
		"/":                 "index.html",
		"/mawar/":           "mawar/index.html",
		"/mawar/logo.svg":   "mawar/logo.svg",
		"/mawar/../x":       "",
		"/mawar/./x":        "",
		"//x":               "",
		"/a\\b":             "",
		"/a\x00b":           "",
		"/mawar/berita/x/":  "mawar/berita/x/index.html",
		"/tags/kerja-bakti": "tags/kerja-bakti",
	} {
		got, ok := outputName(in)
		if got != want || ok != (want != "") {
			t.Errorf("outputName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func getPage(h http.Handler, target string) string {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Host = "127.0.0.1:1313"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Body.String()
}

// TestHostileStaticNotServed checks that the preview applies the build's
// rules to published files: a script in an SVG, an HTML page or a page
// hidden in a .pdf is reported at its path and never served.
func TestHostileStaticNotServed(t *testing.T) {
	tree := smallTree()
	tree["content/mawar/static/serang.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script></svg>"
	tree["content/mawar/static/serang.html"] = "<script>alert(1)</script>"
	tree["content/mawar/static/serang.pdf"] = "<html><script>alert(1)</script>"
	s, err := New(Options{Root: writeTree(t, tree), BaseURL: "http://127.0.0.1:1313/", Loopback: true})
	if err != nil {
		t.Fatal(err)
	}
	report := s.Problems().Error()
	for _, want := range []string{"content/mawar/static/serang.svg:2:", "content/mawar/static/serang.html:", "content/mawar/static/serang.pdf:1:"} {
		if !strings.Contains(report, want) {
			t.Errorf("no problem at %s in:\n%s", want, report)
		}
	}
	for _, target := range []string{"/mawar/serang.svg", "/mawar/serang.html", "/mawar/serang.pdf"} {
		if rec := get(t, s, target); strings.Contains(rec.Body.String(), "alert(1)") {
			t.Errorf("%s is served: %d %q", target, rec.Code, rec.Body.String())
		}
	}
}

// TestEditorsScratchFiles: the files editors write while saving (sed -i's
// sedzGuPP7, Vim's swap) neither trigger a rebuild nor appear among the
// changed paths the preview reports; the file they are renamed over does.
func TestEditorsScratchFiles(t *testing.T) {
	s := &Server{opts: Options{Root: "/repo"}}
	for name, want := range map[string]bool{
		"/repo/content/mawar/berita/sedzGuPP7":     false,
		"/repo/content/mawar/berita/.kerja.md.swp": false,
		"/repo/content/mawar/berita/kerja.md":      true,
	} {
		if _, got := s.relevant(name); got != want {
			t.Errorf("relevant(%s) = %v, want %v", name, got, want)
		}
	}
}
