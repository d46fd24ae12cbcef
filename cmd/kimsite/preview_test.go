package main

import (
	"html"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var linkAttr = regexp.MustCompile(`(?:href|src)="([^"]+)"`)

// crawl follows every link and image of the site from start on a plain
// static file server (net/http's, as python3 -m http.server would serve
// public/), staying on the server's host, and returns the URLs that did not
// answer 200.
func crawl(t *testing.T, server, start string) (broken []string, pages int) {
	t.Helper()
	base, _ := url.Parse(server)
	seen := map[string]bool{}
	queue := []string{server + start}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if seen[u] {
			continue
		}
		seen[u] = true
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		body := new(strings.Builder)
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			buf := make([]byte, 32<<10)
			for {
				n, err := resp.Body.Read(buf)
				body.Write(buf[:n])
				if err != nil {
					break
				}
			}
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			broken = append(broken, u)
			continue
		}
		if body.Len() == 0 {
			continue
		}
		pages++
		from, _ := url.Parse(u)
		for _, m := range linkAttr.FindAllStringSubmatch(body.String(), -1) {
			ref, err := url.Parse(html.UnescapeString(m[1]))
			if err != nil {
				continue
			}
			next := from.ResolveReference(ref)
			next.Fragment, next.RawQuery = "", ""
			if next.Host == base.Host && !strings.HasPrefix(next.Path, "/admin/") {
				queue = append(queue, next.String())
			}
		}
	}
	return broken, pages
}

// TestOwnDomainSiteUnderStaticServer: a kelurahan with its own domain links
// to /berita/..., so public/<id>/ does not work at /<id>/ of a static server
// serving public/. Built with --site-base-url pointing at that folder, it
// does, and every page of every site, portal included, can be browsed.
func TestOwnDomainSiteUnderStaticServer(t *testing.T) {
	bin := kimsiteBinary(t)
	dir := sampleTree(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	server := "http://" + ln.Addr().String()
	public := filepath.Join(dir, "public")
	srv := &http.Server{Handler: http.FileServer(http.Dir(public))}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	// As sites.yaml says: bandungrejosari's pages point at its domain's root.
	r := runBinary(t, bin, dir, "build", "--base-url", server+"/")
	if r.code != 0 {
		t.Fatalf("build: %s", r.stderr)
	}
	if broken, _ := crawl(t, server, "/bandungrejosari/"); len(broken) == 0 {
		t.Fatal("the own-domain site browsed fine under /bandungrejosari/ without the flag; the flag is no longer needed and the guide is wrong")
	}

	r = runBinary(t, bin, dir, "build", "--base-url", server+"/", "--site-base-url", "bandungrejosari="+server+"/bandungrejosari/")
	if r.code != 0 {
		t.Fatalf("build: %s", r.stderr)
	}
	broken, pages := crawl(t, server, "/")
	if len(broken) > 0 {
		t.Errorf("%d links do not answer under a static server, e.g. %v", len(broken), broken[:min(5, len(broken))])
	}
	if pages < 100 {
		t.Errorf("crawled only %d pages; the crawl misses the sites", pages)
	}
	for _, id := range []string{"kauman", "tunggulwulung", "bandungrejosari"} {
		if b, n := crawl(t, server, "/"+id+"/berita/"); len(b) > 0 || n < 5 {
			t.Errorf("%s: %d pages, broken %v", id, n, b)
		}
	}
}
