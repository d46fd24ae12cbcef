package markdown

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Embeds. A volunteer embeds a video, an Instagram post or a place on the
// map by pasting its link alone in a paragraph, as they would in WhatsApp:
//
//	https://youtu.be/dQw4w9WgXcQ
//
//	[Kerja bakti RW 05](https://www.youtube.com/watch?v=dQw4w9WgXcQ)
//
//	[![Cuplikan kerja bakti](sampul.jpg)](https://youtu.be/dQw4w9WgXcQ)
//
// The link's text, when given, is the title; a photo inside the link is
// the video's cover. Embeds are made from the ID in the link only, never
// from raw HTML. A YouTube video is a click-to-load facade: a local cover
// and a play button that link to YouTube, turned into a youtube-nocookie
// player by the theme's script only when the reader presses it, so the page
// itself asks nothing of another host. An Instagram post becomes a link
// card, a place on openstreetmap.org a map link card.

// KindEmbed is the kind of Embed nodes.
var KindEmbed = ast.NewNodeKind("Embed")

// Embed is a paragraph that was only a link to a video, post or place.
type Embed struct {
	ast.BaseBlock
	Service string // youtube, instagram, map
	ID      string // the video ID or post code
	URL     string // the link residents follow without script
	Title   string // the link's text, plain
	Place   string // the map's coordinates, for map links
}

// Kind implements ast.Node.
func (e *Embed) Kind() ast.NodeKind { return KindEmbed }

// Dump implements ast.Node.
func (e *Embed) Dump(source []byte, level int) {
	ast.DumpHelper(e, source, level, map[string]string{"Service": e.Service, "ID": e.ID}, nil)
}

var (
	youtubeID   = regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`)
	instagramID = regexp.MustCompile(`^[A-Za-z0-9_-]{5,40}$`)
	coordinate  = regexp.MustCompile(`^-?\d{1,3}(\.\d+)?$`)
)

// parseEmbed recognises a link to something that can be embedded.
func parseEmbed(link string) *Embed {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return nil
	}
	host := strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(u.Host), "www."), "m.")
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	switch host {
	case "youtube.com", "youtube-nocookie.com":
		id := u.Query().Get("v")
		if len(parts) == 2 && (parts[0] == "shorts" || parts[0] == "live" || parts[0] == "embed") {
			id = parts[1]
		}
		return youtube(id)
	case "youtu.be":
		if len(parts) == 1 {
			return youtube(parts[0])
		}
	case "instagram.com":
		if len(parts) == 2 && (parts[0] == "p" || parts[0] == "reel" || parts[0] == "tv") && instagramID.MatchString(parts[1]) {
			return &Embed{Service: "instagram", ID: parts[1], URL: "https://www.instagram.com/" + parts[0] + "/" + parts[1] + "/"}
		}
	case "openstreetmap.org":
		return osmPlace(u)
	}
	return nil
}

func youtube(id string) *Embed {
	if !youtubeID.MatchString(id) {
		return nil
	}
	return &Embed{Service: "youtube", ID: id, URL: "https://www.youtube.com/watch?v=" + id}
}

// osmPlace reads the marker (mlat, mlon) or the map view (#map=z/lat/lon)
// of an openstreetmap.org link.
func osmPlace(u *url.URL) *Embed {
	lat, lon := u.Query().Get("mlat"), u.Query().Get("mlon")
	if view, ok := strings.CutPrefix(u.Fragment, "map="); ok && lat == "" {
		if f := strings.Split(view, "/"); len(f) == 3 {
			lat, lon = f[1], f[2]
		}
	}
	e := &Embed{Service: "map", URL: "https://www.openstreetmap.org/"}
	if coordinate.MatchString(lat) && coordinate.MatchString(lon) {
		e.Place = lat + ", " + lon
		e.URL = fmt.Sprintf("https://www.openstreetmap.org/?mlat=%s&mlon=%s#map=18/%s/%s", lat, lon, lat, lon)
	} else if q := u.Query().Get("query"); q != "" {
		e.URL = "https://www.openstreetmap.org/search?query=" + url.QueryEscape(q)
	} else if len(u.Path) > 1 {
		e.URL = "https://www.openstreetmap.org" + u.EscapedPath()
	}
	return e
}

type embedTransformer struct{}

// Transform turns every paragraph that is only an embeddable link into an
// Embed, keeping the link's text (and cover photo) as its children.
func (embedTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var paras []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*ast.Paragraph); ok && entering {
			paras = append(paras, p)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	shown := firstShown(doc)
	for _, p := range paras {
		link := onlyLink(p, src)
		if link == nil {
			continue
		}
		var e *Embed
		switch l := link.(type) {
		case *ast.Link:
			e = parseEmbed(string(l.Destination))
		case *ast.AutoLink:
			e = parseEmbed(string(l.URL(src)))
		}
		if e == nil {
			continue
		}
		if l, ok := link.(*ast.Link); ok {
			e.Title = strings.TrimSpace(string(plainText(l, src)))
			for c := l.FirstChild(); c != nil; {
				next := c.NextSibling()
				if img, ok := c.(*ast.Image); !ok || shown[path.Clean(string(img.Destination))] == img {
					e.AppendChild(e, c)
				} // else a photo the page already shows: the video needs no second copy as its cover
				c = next
			}
		}
		e.SetLines(p.Lines())
		p.Parent().ReplaceChild(p.Parent(), p, e)
	}
}

// firstShown maps each photo of a document to its first image node, so
// that a video's cover can tell whether the page shows that photo earlier.
func firstShown(doc *ast.Document) map[string]*ast.Image {
	first := map[string]*ast.Image{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			if dest := path.Clean(string(img.Destination)); first[dest] == nil {
				first[dest] = img
			}
		}
		return ast.WalkContinue, nil
	})
	return first
}

// onlyLink returns the paragraph's link when there is nothing else in it
// but spaces.
func onlyLink(p *ast.Paragraph, src []byte) ast.Node {
	var link ast.Node
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindLink, ast.KindAutoLink:
			if link != nil {
				return nil
			}
			link = c
		case ast.KindText:
			if t := c.(*ast.Text); len(bytes.TrimSpace(t.Segment.Value(src))) > 0 {
				return nil
			}
		default:
			return nil
		}
	}
	return link
}

// plainText is the text of a node's children, with an image's alt text.
func plainText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.Bytes()
}

type embedRenderer struct{ ui func(string) string }

// RegisterFuncs implements renderer.NodeRenderer.
func (r *embedRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindEmbed, r.render)
}

func (r *embedRenderer) render(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	e := n.(*Embed)
	esc := html.EscapeString
	hasImage := false
	for c := e.FirstChild(); c != nil; c = c.NextSibling() {
		hasImage = hasImage || c.Kind() == ast.KindImage
	}
	if entering {
		switch e.Service {
		case "youtube":
			title := e.Title
			if title == "" {
				title = r.ui("embed.youtube.title")
			}
			class := "yt"
			if hasImage {
				class += " yt-cover"
			}
			fmt.Fprintf(w, `<figure class="%s"><a class="yt-play" href="%s" data-yt="%s" data-title="%s"><span class="yt-bar"><span class="yt-icon" aria-hidden="true"></span><span class="yt-text"><span class="yt-label">%s</span> <span class="yt-title">`,
				class, esc(e.URL), esc(e.ID), esc(title), esc(r.ui("embed.youtube.play")))
			if e.FirstChild() == nil || e.Title == "" {
				_, _ = w.WriteString(esc(title))
			}
		default:
			label, fallback := r.ui("embed.instagram"), r.ui("embed.instagram.title")
			if e.Service == "map" {
				label, fallback = r.ui("embed.map"), r.ui("embed.map.title")
			}
			fmt.Fprintf(w, `<p class="card-link %s"><a href="%s"><span class="card-kind">%s</span> <span class="card-title">`, e.Service, esc(e.URL), esc(label))
			if e.FirstChild() == nil {
				_, _ = w.WriteString(esc(fallback))
			}
		}
		return ast.WalkContinue, nil
	}
	switch e.Service {
	case "youtube":
		fmt.Fprintf(w, "</span></span></span></a><figcaption>%s</figcaption></figure>\n", esc(r.ui("embed.youtube.note")))
	default:
		_, _ = w.WriteString("</span>")
		if e.Place != "" {
			fmt.Fprintf(w, ` <span class="card-place">%s</span>`, esc(e.Place))
		}
		_, _ = w.WriteString("</a></p>\n")
	}
	return ast.WalkContinue, nil
}
