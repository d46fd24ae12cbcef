package upload

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
)

// MaxSVGBytes is the largest SVG accepted: a logo or a map is far smaller,
// and the minifier holds the whole file.
const MaxSVGBytes = 5 << 20

// maxSVGDepth bounds how deep elements nest: drawings nest a few levels,
// and browsers give up on deep trees long before the parser does.
const maxSVGDepth = 256

// Namespaces an SVG may use. Anything else is refused: an element in the
// XHTML or MathML namespace is a live element inside the picture, and a
// namespace kimsite does not know might be one a browser does.
const (
	nsSVG   = "http://www.w3.org/2000/svg"
	nsXLink = "http://www.w3.org/1999/xlink"
	nsXML   = "http://www.w3.org/XML/1998/namespace"
	nsXMLNS = "xmlns"
)

// editorNamespaces hold what drawing programs write beside the picture:
// metadata that browsers ignore.
var editorNamespaces = []string{
	"http://www.inkscape.org/namespaces/inkscape",
	"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
	"http://www.w3.org/1999/02/22-rdf-syntax-ns#",
	"http://creativecommons.org/ns#",
	"http://web.resource.org/cc/",
	"http://purl.org/dc/elements/1.1/",
	"http://www.bohemiancoding.com/sketch/ns",
	"http://www.serif.com/",
	"http://ns.adobe.com/AdobeIllustrator/10.0/",
	"http://ns.adobe.com/Graphs/1.0/",
	"http://ns.adobe.com/Extensibility/1.0/",
	"http://ns.adobe.com/SaveForWeb/1.0/",
}

// svgElements are the SVG elements a picture may use: shapes, text,
// paint servers, clipping, masking and filters. Left out: script,
// foreignObject (it holds HTML), handler and listener, the animation
// elements (they can set an href to javascript: after the checks), and
// anything unknown.
var svgElements = []string{
	"svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "style", "a", "view",
	"path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "image",
	"text", "tspan", "textPath",
	"linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
	"filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
	"feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood",
	"feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode",
	"feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
}

// CheckSVG reads an SVG file and reports the first thing in it that could
// run script or load another document: the line, a message in Bahasa
// Indonesia, and false. It parses with encoding/xml in strict mode, which
// knows no entities beyond XML's five and refuses an encoding other than
// UTF-8; a DTD, an entity declaration or a processing instruction (such as
// an XSLT stylesheet) is refused outright.
func CheckSVG(r io.Reader) (line int, msg string, ok bool) {
	d := xml.NewDecoder(r)
	d.Strict = true
	var open []string // the local names of the open elements
	for {
		tok, err := d.Token()
		line, _ = d.InputPos()
		if errors.Is(err, io.EOF) {
			if len(open) == 0 {
				return 0, noProblem, true
			}
			return line, "SVG terpotong: elemen tidak ditutup", false
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			return line, "SVG tidak dapat dibaca sebagai XML: " + englishFree(err), false
		}
		switch t := tok.(type) {
		case xml.Directive:
			return line, "SVG berisi DTD atau deklarasi entitas (<!DOCTYPE …>, <!ENTITY …>)", false
		case xml.ProcInst:
			if t.Target != "xml" {
				return line, fmt.Sprintf("SVG berisi instruksi pemrosesan <?%s …?>", t.Target), false
			}
		case xml.StartElement:
			if len(open) == 0 && (t.Name.Local != "svg" || t.Name.Space != nsSVG) {
				return line, "berkas .svg harus diawali elemen <svg xmlns=\"http://www.w3.org/2000/svg\">", false
			}
			if len(open) == maxSVGDepth {
				return line, fmt.Sprintf("SVG bertingkat terlalu dalam (lebih dari %d tingkat)", maxSVGDepth), false
			}
			open = append(open, t.Name.Local)
			if msg := checkElement(t); msg != "" {
				return line, msg, false
			}
		case xml.EndElement:
			open = open[:len(open)-1]
		case xml.CharData:
			switch {
			case len(open) == 0 && strings.TrimSpace(string(t)) != "":
				return line, "SVG berisi teks di luar elemen <svg>", false
			case len(open) > 0 && open[len(open)-1] == "style":
				if msg := checkStyle(string(t)); msg != "" {
					return line, msg, false
				}
			}
		}
	}
}

// englishFree keeps the position of an XML syntax error but not Go's
// English wording, which a volunteer cannot act on.
func englishFree(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return "susunannya rusak (mis. tag tidak ditutup, entitas tidak dikenal, atau bukan UTF-8)"
	}
	return "berkas tidak dapat dibaca"
}

// checkElement returns why an element may not appear, or "".
func checkElement(e xml.StartElement) string {
	switch {
	case e.Name.Space == nsSVG:
		if !slices.Contains(svgElements, e.Name.Local) {
			return fmt.Sprintf("elemen <%s> tidak diizinkan di SVG", e.Name.Local)
		}
	case slices.Contains(editorNamespaces, e.Name.Space):
		// metadata of a drawing program: inert, but its attributes are
		// still checked below
	default:
		return fmt.Sprintf("elemen <%s> dari namespace %q tidak diizinkan di SVG", e.Name.Local, e.Name.Space)
	}
	for _, a := range e.Attr {
		if msg := checkAttr(e.Name.Local, a); msg != "" {
			return msg
		}
	}
	return noProblem
}

// checkAttr returns why an attribute of element el may not appear, or "".
func checkAttr(el string, a xml.Attr) string {
	name := a.Name.Local
	switch {
	case strings.HasPrefix(strings.ToLower(name), "on"):
		return fmt.Sprintf("atribut %s (menjalankan skrip) tidak diizinkan pada <%s>", name, el)
	case a.Name.Space == nsXMLNS || a.Name.Space == "" && name == "xmlns":
		if !slices.Contains(editorNamespaces, a.Value) && a.Value != nsSVG && a.Value != nsXLink {
			return fmt.Sprintf("namespace %q tidak diizinkan di SVG", a.Value)
		}
		return noProblem
	case a.Name.Space != "" && a.Name.Space != nsXLink && a.Name.Space != nsXML && !slices.Contains(editorNamespaces, a.Name.Space):
		return fmt.Sprintf("atribut %s dari namespace %q tidak diizinkan di SVG", name, a.Name.Space)
	}
	v := squash(a.Value)
	if name == "href" {
		if !hrefAllowed(el, v) {
			return fmt.Sprintf("tautan %q pada <%s> tidak diizinkan", a.Value, el)
		}
		return noProblem
	}
	if msg := checkStyle(a.Value); msg != "" {
		return fmt.Sprintf("atribut %s pada <%s>: %s", name, el, msg)
	}
	return noProblem
}

// checkStyle returns why a value (an attribute, or a <style> sheet) could
// run script or load another file, or "". Only url(#id) is allowed: it
// names a gradient or filter in the same SVG.
func checkStyle(value string) string {
	v := squash(value)
	for _, bad := range []string{"javascript:", "vbscript:", "@import", "expression(", "behavior:", "-moz-binding"} {
		if strings.Contains(v, bad) {
			return fmt.Sprintf("berisi %q", bad)
		}
	}
	if strings.Contains(v, `\`) {
		return "berisi garis miring terbalik (escape CSS dapat menyamarkan url(…))"
	}
	if strings.Contains(v, "url(") && !localURLsOnly(v) {
		return "memuat berkas lain lewat url(…); hanya url(#…) yang boleh"
	}
	return noProblem
}

// hrefAllowed reports whether an href (squashed) may stand on element el:
// a link may go to a web page, mail or phone; a picture may embed a photo
// as data or name a file of the site; everything else may only point
// inside the same SVG.
func hrefAllowed(el, v string) bool {
	switch {
	case strings.HasPrefix(v, "#"):
		return true
	case el == "a":
		return strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://") ||
			strings.HasPrefix(v, "mailto:") || strings.HasPrefix(v, "tel:")
	case el == "image" || el == "feImage":
		for _, t := range []string{"png", "jpeg", "jpg", "gif", "webp"} {
			if strings.HasPrefix(v, "data:image/"+t+";base64,") {
				return true
			}
		}
	}
	return false
}

// localURLsOnly reports whether every url(…) in a squashed style value
// points inside the SVG, as url(#gradient) does.
func localURLsOnly(v string) bool {
	for rest := v; ; {
		_, after, found := strings.Cut(rest, "url(")
		if !found {
			return true
		}
		after = strings.TrimLeft(after, `"'`)
		if !strings.HasPrefix(after, "#") {
			return false
		}
		rest = after
	}
}

// squash lowers a value and drops the white space and control characters
// that browsers skip inside a URL scheme ("java\tscript:").
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u00ad' || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// noProblem is what the checks return for a part that may stay.
const noProblem = ""
