// Package minify wraps tdewolff/minify in one place: it takes rendered
// bytes and a media type and gives them back minified.
//
// Pages are not minified: the theme's layouts (themes/default/layouts) are
// written minified, so pages come out of them minified but for a few bytes
// (entities in attribute values, a line break here and there), and
// minifying each page again was a sixth of a build's time. A test renders
// the sample sites and checks that minifying a page again changes little.
package minify

import (
	"bytes"
	"regexp"

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

// Minifier minifies HTML, CSS, JS, SVG, XML and JSON. It is safe for
// concurrent use.
type Minifier struct {
	m *minify.M
}

// New configures the minifiers.
func New() *Minifier {
	m := minify.New()
	m.AddFunc(CSS, css.Minify)
	m.AddFunc(JS, js.Minify)
	m.AddFunc(SVG, svg.Minify)
	m.AddFunc(JSON, json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(javascript|ecmascript)$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^application/(ld\+)?json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	m.Add(HTML, &htmlpkg.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	return &Minifier{m: m}
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
