// Package pagecheck inspects built HTML for live markup that content must
// never produce: scripts, event handlers, frames and plug-ins, and URLs that
// run code. Tests of hostile content use it on every page a build writes.
//
// It takes HTML (a body fragment or a whole page) and gives the list of
// violations, each naming the element and why it is refused. It parses with
// golang.org/x/net/html, the way a browser does, so that markup smuggled
// through escaping mistakes is seen as the browser would see it.
package pagecheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kotamalang/kimsite/generator/safeurl"
)

// EmbedHost is the one host pages may frame (video embeds).
const EmbedHost = "www.youtube-nocookie.com"

// urlAttrs are the attributes a browser follows or loads.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "poster": true,
	"data": true, "background": true, "cite": true, "longdesc": true, "usemap": true,
	"xlink:href": true, "manifest": true, "ping": true, "srcset": true, "imagesrcset": true,
}

// forbidden are elements content and theme never need, that can run code,
// load another document or change where the page's links go.
var forbidden = map[atom.Atom]bool{
	atom.Object: true, atom.Embed: true, atom.Applet: true, atom.Frame: true,
	atom.Frameset: true, atom.Base: true, atom.Math: true,
}

// Fragment checks a body fragment, such as rendered Markdown: no script,
// style, link or meta element and no style attribute at all, and
// everything else Page checks.
func Fragment(src []byte) []string {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(bytes.NewReader(src), ctx)
	if err != nil {
		return []string{"tidak dapat diurai: " + err.Error()}
	}
	var c checker
	for _, n := range nodes {
		c.walk(n, false)
	}
	return c.bad
}

// Page checks a whole page: the only scripts are JSON-LD data holding valid
// JSON and scripts loaded from the page's own host; styles only in the
// head; frames only from EmbedHost; a Content-Security-Policy that does not
// allow inline scripts; and nowhere an event handler or a URL that runs code.
func Page(src []byte) []string {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return []string{"tidak dapat diurai: " + err.Error()}
	}
	c := checker{page: true}
	c.walk(doc, false)
	if !c.csp {
		c.fail(doc, "tidak ada Content-Security-Policy")
	}
	return c.bad
}

type checker struct {
	page bool // a whole page, not a fragment
	csp  bool // a CSP meta element was seen
	bad  []string
}

func (c *checker) fail(n *html.Node, format string, args ...any) {
	c.bad = append(c.bad, fmt.Sprintf("<%s>: ", n.Data)+fmt.Sprintf(format, args...))
}

func (c *checker) walk(n *html.Node, inHead bool) {
	if n.Type == html.ElementNode {
		c.element(n, inHead)
		inHead = inHead || n.DataAtom == atom.Head
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.walk(ch, inHead)
	}
}

func (c *checker) element(n *html.Node, inHead bool) {
	if n.Namespace != "" && n.Namespace != "svg" {
		c.fail(n, "elemen dalam namespace %q", n.Namespace)
	}
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		if a.Namespace != "" {
			key = a.Namespace + ":" + key
		}
		switch {
		case strings.HasPrefix(key, "on"):
			c.fail(n, "atribut peristiwa %s=%q", key, a.Val)
		case key == "srcdoc":
			c.fail(n, "atribut srcdoc")
		case key == "style" && !c.page:
			c.fail(n, "atribut style di isi halaman")
		case urlAttrs[key]:
			c.url(n, key, a.Val)
		}
	}
	switch {
	case forbidden[n.DataAtom]:
		c.fail(n, "elemen terlarang")
	case n.DataAtom == atom.Script:
		c.script(n)
	case n.DataAtom == atom.Style && (!c.page || !inHead):
		c.fail(n, "elemen style di luar <head>")
	case n.DataAtom == atom.Iframe:
		if u, err := url.Parse(attr(n, "src")); err != nil || u.Scheme != "https" || u.Host != EmbedHost {
			c.fail(n, "bingkai dari %q", attr(n, "src"))
		}
	case n.DataAtom == atom.Meta && !c.page:
		c.fail(n, "elemen meta di isi halaman")
	case n.DataAtom == atom.Meta:
		switch strings.ToLower(attr(n, "http-equiv")) {
		case "refresh":
			c.fail(n, "meta refresh")
		case "content-security-policy":
			c.policy(n, attr(n, "content"))
		}
	case n.DataAtom == atom.Link && !c.page:
		c.fail(n, "elemen link di isi halaman")
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func (c *checker) script(n *html.Node) {
	if !c.page {
		c.fail(n, "skrip di isi halaman")
		return
	}
	var text strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		text.WriteString(ch.Data)
	}
	switch typ := strings.ToLower(strings.TrimSpace(attr(n, "type"))); {
	case typ == "application/ld+json":
		if !json.Valid([]byte(text.String())) {
			c.fail(n, "JSON-LD tidak sah: %q", text.String())
		}
	case attr(n, "src") != "":
		src := attr(n, "src")
		if !strings.HasPrefix(src, "/") || strings.HasPrefix(src, "//") || strings.Contains(src, `\`) {
			c.fail(n, "skrip dari luar situs: %q", src)
		}
		if strings.TrimSpace(text.String()) != "" {
			c.fail(n, "skrip ber-src dengan isi")
		}
	default:
		c.fail(n, "skrip sebaris: %q", text.String())
	}
}

// policy checks a Content-Security-Policy: scripts only from the site.
func (c *checker) policy(n *html.Node, p string) {
	c.csp = true
	for _, d := range strings.Split(p, ";") {
		f := strings.Fields(d)
		if len(f) == 0 {
			continue
		}
		if name := strings.ToLower(f[0]); name == "script-src" || name == "default-src" {
			for _, src := range f[1:] {
				if src != "'self'" && src != "'none'" {
					c.fail(n, "CSP %s mengizinkan %s", name, src)
				}
			}
		}
	}
	if !strings.Contains(p, "script-src") && !strings.Contains(p, "default-src 'none'") {
		c.fail(n, "CSP tanpa script-src")
	}
}

// url checks a URL attribute: an anchor, a path on the same host, a
// relative reference, or an absolute URL that safeurl allows.
func (c *checker) url(n *html.Node, key, val string) {
	if key == "srcset" || key == "imagesrcset" {
		for _, cand := range strings.Split(val, ",") {
			if f := strings.Fields(cand); len(f) > 0 {
				c.url(n, "src", f[0])
			}
		}
		return
	}
	v := strings.TrimSpace(val)
	switch {
	case strings.Contains(v, `\`):
		c.fail(n, "%s=%q memakai garis miring terbalik", key, val)
	case strings.HasPrefix(v, "#"), v == "":
	case safeurl.IsRelative(v):
	case safeurl.CheckAbsolute(v) != nil:
		c.fail(n, "%s=%q", key, val)
	}
}
