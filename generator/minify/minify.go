// Package minify wraps tdewolff/minify in one place: it takes rendered
// bytes and a media type, and gives them back minified.
package minify

import (
	"bytes"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
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

// Minifier minifies HTML, CSS, JS, SVG, XML and JSON. It is safe for
// concurrent use.
//
// HTML keeps its inline <style> blocks as they are: the only stylesheet a
// page inlines is the theme's, minified once when the theme loads, and
// parsing it again on every page was a fifth of the build's time.
type Minifier struct {
	m    *minify.M
	page *minify.M // for HTML: everything but CSS
}

// New configures the minifiers.
func New() *Minifier {
	m, page := minify.New(), minify.New()
	for _, m := range []*minify.M{m, page} {
		m.Add(HTML, &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
		m.AddFunc(JS, js.Minify)
		m.AddFunc(SVG, svg.Minify)
		m.AddFunc(JSON, json.Minify)
		m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(javascript|ecmascript)$`), js.Minify)
		m.AddFuncRegexp(regexp.MustCompile(`^application/(ld\+)?json$`), json.Minify)
		m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	}
	m.AddFunc(CSS, css.Minify)
	return &Minifier{m: m, page: page}
}

// Bytes minifies data of the given media type.
func (m *Minifier) Bytes(mediaType string, data []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(data))
	mm := m.m
	if mediaType == HTML {
		mm = m.page
	}
	if err := mm.Minify(mediaType, &out, bytes.NewReader(data)); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// String minifies s of the given media type.
func (m *Minifier) String(mediaType, s string) (string, error) {
	b, err := m.Bytes(mediaType, []byte(s))
	return string(b), err
}
