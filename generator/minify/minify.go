// Package minify wraps tdewolff/minify in one place: it takes rendered
// bytes and a media type, or a layout's source, and gives them back
// minified.
//
// HTML is minified once, in the theme's layouts when the theme loads
// (Template), not in every rendered page: the pages then come out of
// html/template minified but for a few bytes (the entities html/template
// writes in attributes, a newline beside an action), and minifying each
// page again was a sixth of a build's time. A test renders the sample
// sites and checks that minifying a page again changes nothing else.
package minify

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	htmlpkg "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Media types kimsite minifies.
const (
	HTML = "text/html"
	CSS  = "text/css"
	JS   = "application/javascript"
	SVG  = "image/svg+xml"
	XML  = "text/xml"
	JSON = "application/json"
)

// Minifier minifies HTML, CSS, JS, SVG, XML and JSON, and html/template
// layouts. It is safe for concurrent use.
type Minifier struct {
	m        *minify.M
	template *minify.M // HTML with Go template actions left as they are
}

// New configures the minifiers.
func New() *Minifier {
	minifier := func(delims [2]string) *htmlpkg.Minifier {
		return &htmlpkg.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, TemplateDelims: delims}
	}
	m, template := minify.New(), minify.New()
	for _, m := range []*minify.M{m, template} {
		m.AddFunc(CSS, css.Minify)
		m.AddFunc(JS, js.Minify)
		m.AddFunc(SVG, svg.Minify)
		m.AddFunc(JSON, json.Minify)
		m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(javascript|ecmascript)$`), js.Minify)
		m.AddFuncRegexp(regexp.MustCompile(`^application/(ld\+)?json$`), json.Minify)
		m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	}
	m.Add(HTML, minifier([2]string{}))
	template.Add(HTML, minifier(htmlpkg.GoTemplateDelims))
	return &Minifier{m: m, template: template}
}

// Bytes minifies data of the given media type.
func (m *Minifier) Bytes(mediaType string, data []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(data))
	if err := m.m.Minify(mediaType, &out, bytes.NewReader(data)); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// String minifies s of the given media type.
func (m *Minifier) String(mediaType, s string) (string, error) {
	b, err := m.Bytes(mediaType, []byte(s))
	return string(b), err
}

// Template minifies the source of an html/template layout, leaving its
// actions ({{...}}) as they are.
func (m *Minifier) Template(src string) (string, error) {
	var out bytes.Buffer
	if err := m.template.Minify(HTML, &out, strings.NewReader(src)); err != nil {
		return "", err
	}
	return out.String(), nil
}
