package wordpress

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Export is what a WordPress export file holds that the import uses.
type Export struct {
	Title   string
	BaseURL string            // wp:base_blog_url, or the channel's link
	Version string            // wp:wxr_version
	Authors map[string]string // login → display name
	Terms   map[string]string // "category/slug" or "post_tag/slug" → name
	Items   []*Item
}

// Item is one wp:item: a post, a page, an attachment or anything else
// WordPress keeps in its posts table.
type Item struct {
	Line     int // where the item starts in the export file
	ID       int
	Title    string
	Link     string
	Creator  string
	Content  string
	Excerpt  string
	Date     string // wp:post_date, the site's local time
	DateGMT  string // wp:post_date_gmt; "0000-00-00 00:00:00" for drafts
	Name     string // wp:post_name, percent-encoded
	Status   string
	Type     string
	Parent   int
	Password string
	URL      string // wp:attachment_url
	Terms    []Term
	Meta     map[string]string
}

// Term is a category or tag an item is filed under.
type Term struct {
	Domain string // "category", "post_tag", or a custom taxonomy
	Slug   string // nicename, percent-encoded
	Name   string
}

// ErrBlogger is returned for a Blogger (Atom) export, which this import
// does not read.
var ErrBlogger = errors.New("berkas ini ekspor Blogger (format Atom), bukan ekspor WordPress (WXR)")

// ErrNotWXR is returned for an XML file that is not a WordPress export.
var ErrNotWXR = errors.New("berkas ini bukan ekspor WordPress (WXR)")

// node is any XML element, kept whole: WXR mixes namespaces whose URIs
// change between versions (export/1.1/, export/1.2/), so fields are told
// apart by namespace suffix and local name rather than by struct tags.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Kids    []node     `xml:",any"`
}

// ns names the namespace of an element by the last part of its URI:
// "wp", "content", "excerpt", "dc", or "" for RSS's own elements.
func ns(n xml.Name) string {
	switch {
	case n.Space == "":
		return ""
	case strings.Contains(n.Space, "wordpress.org/export/") && strings.HasSuffix(n.Space, "/excerpt/"):
		return "excerpt"
	case strings.Contains(n.Space, "wordpress.org/export/"):
		return "wp"
	case strings.Contains(n.Space, "purl.org/rss/1.0/modules/content"):
		return "content"
	case strings.Contains(n.Space, "purl.org/dc/elements"):
		return "dc"
	}
	return "other"
}

func (n *node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// Read reads a WordPress export, item by item, so that a large export
// never has to be held as one tree.
func Read(r io.Reader) (*Export, error) {
	d := xml.NewDecoder(bufio.NewReader(&cleanReader{r: r}))
	d.Strict = false // old exports carry HTML entities such as &nbsp; outside CDATA
	d.CharsetReader = charset.NewReaderLabel
	e := &Export{Authors: map[string]string{}, Terms: map[string]string{}}
	root := true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("baris %d: XML rusak: %v", lineOf(d), err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root {
			root = false
			if se.Name.Local == "feed" {
				return nil, ErrBlogger
			}
			if se.Name.Local != "rss" {
				return nil, ErrNotWXR
			}
			continue
		}
		start := lineOf(d)
		switch {
		case se.Name.Local == "item" && ns(se.Name) == "":
			var n node
			if err := d.DecodeElement(&n, &se); err != nil {
				return nil, fmt.Errorf("baris %d: XML rusak: %v", lineOf(d), err)
			}
			it := item(&n)
			it.Line = start
			e.Items = append(e.Items, it)
		case ns(se.Name) == "wp" && (se.Name.Local == "author" || se.Name.Local == "category" || se.Name.Local == "tag" || se.Name.Local == "term"):
			var n node
			if err := d.DecodeElement(&n, &se); err != nil {
				return nil, fmt.Errorf("baris %d: XML rusak: %v", lineOf(d), err)
			}
			e.channelEntry(&n)
		case ns(se.Name) == "wp" && se.Name.Local == "wxr_version":
			var s string
			_ = d.DecodeElement(&s, &se)
			e.Version = strings.TrimSpace(s)
		case ns(se.Name) == "wp" && (se.Name.Local == "base_blog_url" || se.Name.Local == "base_site_url"):
			var s string
			_ = d.DecodeElement(&s, &se)
			if se.Name.Local == "base_blog_url" || e.BaseURL == "" {
				e.BaseURL = strings.TrimSpace(s)
			}
		case ns(se.Name) == "" && se.Name.Local == "title" && e.Title == "" && len(e.Items) == 0:
			var s string
			_ = d.DecodeElement(&s, &se)
			e.Title = strings.TrimSpace(s)
		}
	}
	if root {
		return nil, ErrNotWXR
	}
	if e.Version == "" {
		return nil, ErrNotWXR
	}
	return e, nil
}

func (e *Export) channelEntry(n *node) {
	get := func(local string) string {
		for _, k := range n.Kids {
			if k.XMLName.Local == local {
				return strings.TrimSpace(k.Text)
			}
		}
		return ""
	}
	switch n.XMLName.Local {
	case "author":
		name := get("author_display_name")
		if name == "" {
			name = get("author_login")
		}
		e.Authors[get("author_login")] = name
	case "category":
		e.Terms["category/"+get("category_nicename")] = get("cat_name")
	case "tag":
		e.Terms["post_tag/"+get("tag_slug")] = get("tag_name")
	case "term":
		e.Terms[get("term_taxonomy")+"/"+get("term_slug")] = get("term_name")
	}
}

func item(n *node) *Item {
	it := &Item{Meta: map[string]string{}}
	for i := range n.Kids {
		k := &n.Kids[i]
		text := k.Text
		switch ns(k.XMLName) + ":" + k.XMLName.Local {
		case ":title":
			it.Title = strings.TrimSpace(text)
		case ":link":
			it.Link = strings.TrimSpace(text)
		case "dc:creator":
			it.Creator = strings.TrimSpace(text)
		case "content:encoded":
			it.Content = text
		case "excerpt:encoded":
			it.Excerpt = text
		case "wp:post_id":
			it.ID, _ = strconv.Atoi(strings.TrimSpace(text))
		case "wp:post_date":
			it.Date = strings.TrimSpace(text)
		case "wp:post_date_gmt":
			it.DateGMT = strings.TrimSpace(text)
		case "wp:post_name":
			it.Name = strings.TrimSpace(text)
		case "wp:status":
			it.Status = strings.TrimSpace(text)
		case "wp:post_type":
			it.Type = strings.TrimSpace(text)
		case "wp:post_parent":
			it.Parent, _ = strconv.Atoi(strings.TrimSpace(text))
		case "wp:post_password":
			it.Password = text
		case "wp:attachment_url":
			it.URL = strings.TrimSpace(text)
		case ":category":
			it.Terms = append(it.Terms, Term{Domain: k.attr("domain"), Slug: k.attr("nicename"), Name: strings.TrimSpace(text)})
		case "wp:postmeta":
			var key, val string
			for _, m := range k.Kids {
				switch m.XMLName.Local {
				case "meta_key":
					key = strings.TrimSpace(m.Text)
				case "meta_value":
					val = m.Text
				}
			}
			if key == "_wp_old_slug" && it.Meta[key] != "" {
				val = it.Meta[key] + "\n" + val // a post renamed more than once
			}
			it.Meta[key] = val
		}
	}
	return it
}

// wpTime is the layout of WordPress's dates.
const wpTime = "2006-01-02 15:04:05"

// offset finds the site's time zone as WordPress applied it: the most
// common difference between items' local and GMT dates. An export does not
// name the time zone; WIB is assumed when no item shows it.
func (e *Export) offset() *time.Location {
	count := map[time.Duration]int{}
	for _, it := range e.Items {
		local, err1 := time.Parse(wpTime, it.Date)
		gmt, err2 := time.Parse(wpTime, it.DateGMT)
		if err1 == nil && err2 == nil {
			d := local.Sub(gmt).Round(15 * time.Minute)
			if d > -15*time.Hour && d < 15*time.Hour {
				count[d]++
			}
		}
	}
	best, n := 7*time.Hour, 0
	for d, c := range count {
		if c > n || (c == n && d == 7*time.Hour) {
			best, n = d, c
		}
	}
	return time.FixedZone("", int(best/time.Second))
}

func lineOf(d *xml.Decoder) int {
	line, _ := d.InputPos()
	return line
}

// cleanReader replaces bytes XML forbids (control characters pasted from
// office programs, which WordPress stores and exports as they are) with
// spaces, so that one stray character does not make the whole export
// unreadable. Invalid UTF-8 is left to the charset declared by the file.
type cleanReader struct{ r io.Reader }

func (c *cleanReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			p[i] = ' '
		}
	}
	return n, err
}
