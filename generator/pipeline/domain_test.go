package pipeline_test

import (
	"bytes"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/internal/filetree"
	"github.com/kotamalang/kimsite/generator/pipeline"
	parse "github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
)

// A kelurahan on a domain of its own (bandungrejosari in the sample) gets
// absolute URLs on that domain everywhere (canonical, og:url, feed,
// sitemap, robots.txt), its pages link within that domain, and the portal
// links to it there, never to the unlinked copy of its folder under the
// portal. Every link to one of the city's hosts is followed to a file of the
// build, as a web server would serve it: the portal's base URL from public/,
// a site's own domain from public/<id>/.
func TestOwnDomainURLs(t *testing.T) {
	for _, tc := range []struct{ name, portal string }{
		{"portal at a domain's root", ""},
		{"portal under a path, as a GitHub Pages project site", "https://kotamalang.github.io/kim-malang/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := sampleFS(t, 1)
			if tc.portal != "" {
				conf := string(fsys["sites.yaml"].Data)
				conf = strings.Replace(conf, "base_url: https://kim.malangkota.go.id/", "base_url: "+tc.portal, 1)
				fsys["sites.yaml"] = &fstest.MapFile{Data: []byte(conf)}
			}
			city, problems := config.Load(fsys)
			if len(problems) > 0 {
				t.Fatal(problems)
			}
			own := city.Site("bandungrejosari")
			if own == nil || !own.OwnDomain(city) || own.Path != "/" {
				t.Fatalf("the sample's bandungrejosari should be on its own domain: %+v", own)
			}
			files := filetree.Read(t, buildTo(t, fsys, pipeline.Options{}))
			c := &linkCheck{t: t, city: city, files: files}
			for name, data := range files {
				switch {
				case strings.HasSuffix(name, ".html"):
					c.page(name, data)
				case strings.HasSuffix(name, ".xml"):
					c.xml(name, data)
				case strings.HasSuffix(name, "robots.txt"):
					c.robots(name, data)
				}
			}
			if c.followed < 1000 || c.toOwn == 0 {
				t.Errorf("followed %d links, %d of them from the portal to %s; the check looks at too little", c.followed, c.toOwn, own.BaseURL)
			}
		})
	}
}

type linkCheck struct {
	t        *testing.T
	city     *config.City
	files    map[string]string
	followed int // links followed to a file
	toOwn    int // links from the portal's pages to a site on its own domain
}

// site returns the site whose folder holds the output file name, or nil
// for the portal's files.
func (c *linkCheck) site(name string) *config.Site {
	top, _, _ := strings.Cut(name, "/")
	return c.city.Site(top)
}

// pageURL is where a server puts the output file name.
func (c *linkCheck) pageURL(name string) string {
	rel, index := strings.CutSuffix(name, "index.html")
	if !index {
		rel = name
	}
	if s := c.site(name); s != nil {
		return s.BaseURL + strings.TrimPrefix(rel, s.ID+"/")
	}
	return c.city.BaseURL + rel
}

// follow resolves a link on the page at base and, when it points at one of
// the city's hosts, checks that the build has the file it names.
func (c *linkCheck) follow(from, base, link string) {
	t := c.t
	t.Helper()
	if link == "" || strings.HasPrefix(link, "#") || strings.Contains(link, ":") && !strings.HasPrefix(link, "http") {
		return // in-page, mailto:, tel:
	}
	b, err1 := url.Parse(base)
	l, err2 := url.Parse(link)
	if err1 != nil || err2 != nil {
		t.Errorf("%s: link %q cannot be parsed", from, link)
		return
	}
	u := b.ResolveReference(l)
	u.Fragment, u.RawQuery = "", ""
	abs := u.String()
	var file string
	for _, s := range c.city.Sites {
		if s.OwnDomain(c.city) && strings.HasPrefix(abs, c.city.BaseURL+s.ID+"/") {
			t.Errorf("%s: link %q goes to %s, the portal's unlinked copy of a site on its own domain; want %s", from, link, abs, s.BaseURL)
			return
		}
		if s.OwnDomain(c.city) && strings.HasPrefix(abs, s.BaseURL) {
			file = s.ID + "/" + abs[len(s.BaseURL):]
			if c.site(from) == nil {
				c.toOwn++
			}
		}
	}
	if file == "" {
		rest, ok := strings.CutPrefix(abs, c.city.BaseURL)
		if !ok {
			if u.Host == b.Host {
				t.Errorf("%s: link %q leaves the site's base path: %s", from, link, abs)
			}
			return // another host: YouTube, WhatsApp, a news site
		}
		file = rest
	}
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	if unescaped, err := url.PathUnescape(file); err == nil {
		file = unescaped
	}
	if _, ok := c.files[file]; !ok {
		t.Errorf("%s: link %q (%s) has no file %s in the build", from, link, abs, file)
		return
	}
	c.followed++
}

// page checks an HTML page's canonical URL, share URL and every link.
func (c *linkCheck) page(name, data string) {
	want := c.pageURL(name)
	lex := phtml.NewLexer(parse.NewInputString(data))
	var tag string
	var attrs map[string]string
	flush := func() {
		switch {
		case tag == "link" && attrs["rel"] == "canonical":
			if attrs["href"] != want && name != "404.html" {
				c.t.Errorf("%s: canonical %q, want %q", name, attrs["href"], want)
			}
		case tag == "meta" && attrs["property"] == "og:url":
			if attrs["content"] != want && name != "404.html" {
				c.t.Errorf("%s: og:url %q, want %q", name, attrs["content"], want)
			}
		case tag == "meta" && attrs["property"] == "og:image":
			c.follow(name, want, attrs["content"])
		}
		for _, a := range []string{"href", "src"} {
			if v, ok := attrs[a]; ok {
				c.follow(name, want, v)
			}
		}
	}
	for {
		tt, _ := lex.Next()
		switch tt {
		case phtml.ErrorToken:
			return
		case phtml.StartTagToken:
			tag, attrs = string(bytes.ToLower(lex.Text())), map[string]string{}
		case phtml.AttributeToken:
			v := strings.Trim(string(lex.AttrVal()), `"'`)
			attrs[string(bytes.ToLower(lex.AttrKey()))] = html.UnescapeString(v)
		case phtml.StartTagCloseToken, phtml.StartTagVoidToken:
			flush()
		}
	}
}

var xmlURL = regexp.MustCompile(`<(link|loc|guid)>([^<]+)</`)

// xml checks the URLs of a feed or sitemap: on the site's own base URL for a
// site's files, and each leading to a file of the build.
func (c *linkCheck) xml(name, data string) {
	s := c.site(name)
	urls := xmlURL.FindAllStringSubmatch(data, -1)
	if len(urls) == 0 {
		c.t.Errorf("%s: no URLs", name)
	}
	for _, m := range urls {
		u := html.UnescapeString(m[2])
		if s != nil && !strings.HasPrefix(u, s.BaseURL) {
			c.t.Errorf("%s: %s %q is not on the site's base URL %s", name, m[1], u, s.BaseURL)
		}
		c.follow(name, c.pageURL(name), u)
	}
}

// robots checks the sitemap that robots.txt names: written only for the
// portal and for a site on its own domain, since a crawler reads robots.txt
// at a host's root only.
func (c *linkCheck) robots(name, data string) {
	s := c.site(name)
	if s != nil && !s.OwnDomain(c.city) {
		c.t.Errorf("%s: a site under the portal needs no robots.txt", name)
	}
	var sitemaps []string
	for _, line := range strings.Split(data, "\n") {
		if u, ok := strings.CutPrefix(line, "Sitemap: "); ok {
			sitemaps = append(sitemaps, u)
			c.follow(name, c.pageURL(name), u)
		}
	}
	want := c.city.BaseURL + "sitemap.xml"
	if s != nil {
		want = s.BaseURL + "sitemap.xml"
	}
	if !slices.Equal(sitemaps, []string{want}) {
		c.t.Errorf("%s: Sitemap %q, want %q", name, sitemaps, want)
	}
}
