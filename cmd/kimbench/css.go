package main

// The stylesheet decision: a page that carries its stylesheet inline against
// a page that links one cached, fingerprinted style.<hash>.css. It reads a
// built output folder, so it measures the pages as they are, and models
// their delivery over slow networks, since the machine cannot throttle one.

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// network is a throttling profile as the tools that define it state it.
type network struct {
	name string
	rtt  time.Duration
	kbps float64 // download, kbit/s
}

var networks = []network{
	// WebPageTest's "3G Slow" (400 kbit/s down, 400 ms RTT), as the
	// measurement brief states slow 3G.
	{"slow 3G (400 ms, 400 kbit/s)", 400 * time.Millisecond, 400},
	// Lighthouse's mobile throttling, which it calls slow 4G: 150 ms RTT,
	// 1.6 Mbit/s (1,638.4 kbit/s) down.
	{"slow 4G (150 ms, 1.6 Mbit/s)", 150 * time.Millisecond, 1638.4},
}

const (
	mss         = 1460 // bytes of payload per TCP segment
	initWindow  = 10   // segments in TCP's first window (RFC 6928): ≈ 14 KB
	headerBytes = 200  // an HTTP/2 response's headers after HPACK, roughly
)

var styleRe = regexp.MustCompile(`<style>[^<]*</style>`)

// cssPage is one page in both forms, gzipped as a host serves it.
type cssPage struct {
	name           string
	inline, linked int // gzip bytes of the page with <style>, and with <link>
}

// runCSS measures the output folder dir: the pages of its first kelurahan
// that has a news article list.
func runCSS(dir string) error {
	site, err := pickSite(dir)
	if err != nil {
		return err
	}
	read := func(rel string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dir, site, filepath.FromSlash(rel), "index.html"))
	}
	home, err := read("")
	if err != nil {
		return err
	}
	css := styleRe.Find(home)
	if css == nil {
		return fmt.Errorf("%s/%s/index.html has no <style> element: is this kimsite's output?", dir, site)
	}
	sheet := css[len("<style>") : len(css)-len("</style>")]
	sum := sha256.Sum256(sheet)
	link := []byte(`<link rel=stylesheet href=/style.` + hex.EncodeToString(sum[:6]) + `.css>`)
	articles, err := articlesOf(filepath.Join(dir, site, "berita"))
	if err != nil {
		return err
	}
	var pages []cssPage
	for _, rel := range append([]string{"", "berita/"}, articles...) {
		b, err := read(rel)
		if err != nil {
			return err
		}
		pages = append(pages, cssPage{
			name:   "/" + site + "/" + rel,
			inline: gz(b),
			linked: gz(styleRe.ReplaceAll(b, link)),
		})
	}
	sheetGz := gz(sheet)
	fmt.Printf("site %s: stylesheet %d B raw, %d B gzip (level 6)\n", site, len(sheet), sheetGz)
	fmt.Printf("| page | inline CSS, gzip B | page + <link>, gzip B |\n|---|---:|---:|\n")
	for _, p := range pages {
		fmt.Printf("| %s | %d | %d |\n", p.name, p.inline, p.linked)
	}

	visits := []struct {
		name   string
		pages  []cssPage
		cached bool // the stylesheet is in the browser's cache already
	}{
		{"first visit: one article", pages[2:3], false},
		{"typical visit: home, list, two articles", pages, false},
		{"returning visit: one article, stylesheet cached", pages[3:4], true},
	}
	fmt.Printf("\nModel: one HTTP/2 connection over TLS 1.3 (2 RTT to open; DNS left out, equal for both); "+
		"TCP slow start from 10 segments (14,600 B), doubling each round trip; the server idles between pages "+
		"(reading), so each later page starts again from 10 segments (Linux's slow start after idle); "+
		"the stylesheet is requested when the <head> arrives and blocks rendering; %d B of headers per response.\n\n", headerBytes)
	fmt.Printf("| network | visit | inline: B, round trips, load | external: B, round trips, load |\n|---|---|---|---|\n")
	for _, n := range networks {
		for _, v := range visits {
			var in, ex result
			for i, p := range v.pages {
				first := i == 0
				in.add(n.fetch(first, p.inline+headerBytes, 0))
				if first && !v.cached {
					ex.add(n.fetch(first, p.linked+headerBytes, sheetGz+headerBytes))
				} else {
					ex.add(n.fetch(first, p.linked+headerBytes, 0))
				}
			}
			fmt.Printf("| %s | %s | %s | %s |\n", n.name, v.name, in, ex)
		}
	}
	return writtenBytes(dir)
}

// result is the cost of a visit.
type result struct {
	bytes, trips int
	load         time.Duration
}

func (r *result) add(s result) {
	r.bytes += s.bytes
	r.trips += s.trips
	r.load += s.load
}

func (r result) String() string {
	return fmt.Sprintf("%d B, %d RTT, %.2f s", r.bytes, r.trips, r.load.Seconds())
}

// fetch models one page view: a request for a page of html bytes and, if
// css > 0, for the stylesheet it links, on a connection that is opened
// first when open is set. It simulates each segment: the server sends at
// the link's rate, at most its window ahead of the acknowledgements, and
// the window grows by one segment per acknowledgement (slow start). The
// stylesheet's bytes are ready at the server one round trip after the
// page's first segment left it (the browser reads the <head>, asks).
// Loaded is when the last byte of both has arrived.
func (n network) fetch(open bool, html, css int) result {
	rtt := n.rtt.Seconds()
	perByte := 8 / (n.kbps * 1000)
	r := result{bytes: html + css, trips: 1}
	start := rtt / 2 // the request reaches the server
	if open {
		start += 2 * rtt
		r.trips += 2
	}
	type seg struct {
		size  int
		ready float64
	}
	var segs []seg
	for b := html; b > 0; b -= mss {
		segs = append(segs, seg{min(b, mss), start})
	}
	nHTML := len(segs)
	for b := css; b > 0; b -= mss {
		segs = append(segs, seg{min(b, mss), 0})
	}
	finish := make([]float64, len(segs))
	link := start
	for i := range segs {
		if i == nHTML { // the stylesheet's request arrives
			for j := i; j < len(segs); j++ {
				segs[j].ready = finish[0] + rtt
			}
		}
		t := max(link, segs[i].ready)
		// Slow start: after k acknowledgements the window is 10+k and
		// sent-acked ≤ window, so segment i needs ceil((i+1-10)/2) acks.
		if need := (i + 1 - initWindow + 1) / 2; need > 0 {
			t = max(t, finish[need-1]+rtt)
		}
		finish[i] = t + float64(segs[i].size)*perByte
		link = finish[i]
	}
	end := finish[len(finish)-1] + rtt/2
	if css > 0 {
		// A round trip more than the page alone, when the stylesheet's
		// request had to wait for the page's first bytes.
		r.trips++
	}
	r.load = time.Duration(end * float64(time.Second))
	return r
}

// writtenBytes prints what the folder's pages weigh with and without their
// stylesheets inline: the bytes a build writes.
func writtenBytes(dir string) error {
	var total, styles, pages int64
	sheets := map[string]bool{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += info.Size()
		if !strings.HasSuffix(path, ".html") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range styleRe.FindAll(b, -1) {
			pages++
			styles += int64(len(m))
			sheets[string(m)] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	var once int64
	for s := range sheets {
		once += int64(len(s)) + 60 // the <link> that replaces it in every page is counted below
	}
	linked := total - styles + pages*60 + once
	fmt.Printf("\nwritten: %d pages with a stylesheet, %.1f MB in all; inline stylesheets %.1f MB (%.0f%%); "+
		"with one linked stylesheet per accent (%d files): %.1f MB (%.0f%% of today)\n",
		pages, mb(total), mb(styles), 100*float64(styles)/float64(total), len(sheets), mb(linked), 100*float64(linked)/float64(total))
	return nil
}

func mb(n int64) float64 { return float64(n) / 1e6 }

func gz(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// pickSite is the first folder of dir with a berita list.
func pickSite(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(dir, e.Name(), "berita", "index.html")); e.IsDir() && err == nil {
			return e.Name(), nil
		}
	}
	return "", fmt.Errorf("%s: no kelurahan folder with berita/index.html", dir)
}

// articlesOf is two articles of the list folder, by name.
func articlesOf(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "halaman" {
			if _, err := os.Stat(filepath.Join(dir, e.Name(), "index.html")); err == nil {
				out = append(out, "berita/"+e.Name()+"/")
			}
		}
	}
	slices.Sort(out)
	if len(out) < 2 {
		return nil, fmt.Errorf("%s: fewer than two articles", dir)
	}
	return out[:2], nil
}
