package upload

import (
	"strings"
	"testing"
	"testing/fstest"
)

const svgOpen = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`

// TestCheckSVG runs pictures that must pass and attacks that must be
// refused, each at the line where it stands.
func TestCheckSVG(t *testing.T) {
	tests := []struct {
		name, svg string
		line      int // 0: must pass
	}{
		{"logo", svgOpen + "\n<title>Logo</title>\n<rect width=\"10\" height=\"10\" fill=\"#1f7a5a\"/>\n</svg>", 0},
		{"gradient by url(#)", svgOpen + `<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><rect style="fill:url(#g)" fill="url('#g')"/></svg>`, 0},
		{"local use", svgOpen + `<defs><path id="p" d="M0 0h1"/></defs><use href="#p"/><use xlink:href="#p"/></svg>`, 0},
		{"link to a web page", svgOpen + `<a href="https://malangkota.go.id/"><text>x</text></a></svg>`, 0},
		{"inkscape metadata", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"><sodipodi:namedview inkscape:zoom="1"/><metadata><rdf:RDF><dc:title>metadata: logo</dc:title></rdf:RDF></metadata><g inkscape:label="Layer 1" inkscape:groupmode="layer"><path d="M0 0"/></g></svg>`, 0},
		{"embedded photo", svgOpen + `<image href="data:image/png;base64,iVBORw0KGgo="/></svg>`, 0},
		{"style sheet", svgOpen + "<style>\n.a{fill:red}\n</style></svg>", 0},

		{"script", svgOpen + "\n\n<script>alert(1)</script></svg>", 3},
		{"script by prefix", `<s:svg xmlns:s="http://www.w3.org/2000/svg">` + "\n<s:script>alert(1)</s:script></s:svg>", 2},
		{"onload", svgOpen + "\n<rect onload=\"alert(1)\"/></svg>", 2},
		{"ONCLICK", svgOpen + `<rect ONCLICK="alert(1)"/></svg>`, 1},
		{"onclick in editor namespace", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"><g inkscape:onclick="x"/></svg>`, 1},
		{"foreignObject", svgOpen + "\n<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>", 2},
		{"xhtml script", svgOpen + "\n<g><h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></g></svg>", 2},
		{"xhtml default namespace", svgOpen + `<g xmlns="http://www.w3.org/1999/xhtml"><iframe src="x"/></g></svg>`, 1},
		{"mathml", svgOpen + `<math xmlns="http://www.w3.org/1998/Math/MathML" href="javascript:alert(1)"/></svg>`, 1},
		{"javascript link", svgOpen + "\n<a href=\"javascript:alert(1)\"><text>x</text></a></svg>", 2},
		{"javascript link hidden", svgOpen + "<a xlink:href=\" jA&#x09;vascript:alert(1)\"><text>x</text></a></svg>", 1},
		{"data html link", svgOpen + `<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>x</text></a></svg>`, 1},
		{"use of another file", svgOpen + `<use href="other.svg#x"/></svg>`, 1},
		{"use of a data svg", svgOpen + `<use href="data:image/svg+xml;base64,PHN2Zz4="/></svg>`, 1},
		{"image of an svg data", svgOpen + `<image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>`, 1},
		{"animate href", svgOpen + `<a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>`, 1},
		{"set", svgOpen + `<set attributeName="onmouseover" to="alert(1)"/></svg>`, 1},
		{"handler", svgOpen + `<handler type="text/javascript">alert(1)</handler></svg>`, 1},
		{"doctype", "<!DOCTYPE svg [<!ENTITY x \"y\">]>\n" + svgOpen + "</svg>", 1},
		{"unknown entity", svgOpen + "\n<text>&x;</text></svg>", 2},
		{"xslt", `<?xml-stylesheet type="text/xsl" href="x.xsl"?>` + svgOpen + `</svg>`, 1},
		{"style import", svgOpen + "<style>\n@import url(https://evil.example/x.css);</style></svg>", 2},
		{"style url", svgOpen + `<rect style="fill:url(https://evil.example/x)"/></svg>`, 1},
		{"style escape", svgOpen + `<rect style="fill:u\72l(https://evil.example/x)"/></svg>`, 1},
		{"cdata script in style", svgOpen + "<style><![CDATA[ a{background:url('javascript:alert(1)')} ]]></style></svg>", 1},
		{"unknown namespace", svgOpen + `<x:y xmlns:x="urn:evil"/></svg>`, 1},
		{"not svg", `<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>`, 1},
		{"svg without namespace", `<svg><script>alert(1)</script></svg>`, 1},
		{"utf-16", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + svgOpen + "</svg>", 1},
		{"unclosed", svgOpen + "\n<g>", 2},
		{"text after svg", svgOpen + "</svg>\n<script>alert(1)</script>", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, msg, ok := CheckSVG(strings.NewReader(tt.svg))
			switch {
			case tt.line == 0 && !ok:
				t.Fatalf("refused at line %d: %s", line, msg)
			case tt.line != 0 && ok:
				t.Fatal("accepted")
			case tt.line != 0 && line != tt.line:
				t.Errorf("refused at line %d, want %d: %s", line, tt.line, msg)
			}
		})
	}
}

// TestCheck covers the file types: a script-capable type is refused by its
// extension, and a harmless name with a page inside is refused by what a
// browser would sniff.
func TestCheck(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys := fstest.MapFS{
		"ok/rab.pdf":        file("%PDF-1.4\n"),
		"ok/data.csv":       file("a,b\n1,2\n"),
		"ok/foto.JPG":       file("\xff\xd8\xff\xe0"),
		"ok/logo.svg":       file(svgOpen + "</svg>"),
		"ok/catatan.txt":    file("Catatan < 5 dan > 3\n"),
		"bad/x.html":        file("<p>hai</p>"),
		"bad/x.HTM":         file("<p>hai</p>"),
		"bad/x.xhtml":       file("<p>hai</p>"),
		"bad/x.xml":         file("<a/>"),
		"bad/x.xsl":         file("<a/>"),
		"bad/x.svgz":        file("\x1f\x8b"),
		"bad/x.mht":         file("MIME-Version: 1.0"),
		"bad/x.js":          file("alert(1)"),
		"bad/noext":         file("x"),
		"bad/x.php":         file("x"),
		"bad/foto.jpg":      file("<html><script>alert(1)</script>"),
		"bad/rab.pdf":       file("\n\n  <!DOCTYPE html><script>alert(1)</script>"),
		"bad/data.txt":      file("<script>alert(1)</script>"),
		"bad/bom.csv":       file("\xef\xbb\xbf<iframe src=x>"),
		"bad/utf16.txt":     file("\xff\xfe<\x00s\x00c\x00r\x00i\x00p\x00t\x00>\x00"),
		"bad/xml.json":      file("<?xml version=\"1.0\"?><x/>"),
		"bad/logo.svg":      file(svgOpen + "<script>alert(1)</script></svg>"),
		"bad/logo-huge.svg": file(svgOpen + strings.Repeat(" ", MaxSVGBytes) + "</svg>"),
		"bad/logo-deep.svg": file(svgOpen + strings.Repeat("<g>", maxSVGDepth) + strings.Repeat("</g>", maxSVGDepth) + "</svg>"),
	}
	for name := range fsys {
		t.Run(name, func(t *testing.T) {
			problems := Check(fsys, name, "content/a/"+name)
			if want := strings.HasPrefix(name, "bad/"); want != (len(problems) > 0) {
				t.Fatalf("refused = %v, want %v: %v", len(problems) > 0, want, problems)
			}
			for _, p := range problems {
				if p.Path != "content/a/"+name || p.Hint == "" {
					t.Errorf("problem without its path or hint: %+v", p)
				}
			}
		})
	}
}
