package render

import (
	"fmt"
	"html"
	"path"

	"github.com/kotamalang/kimsite/generator/content"
)

// redirects writes a small page at each old address of the site
// (content.Redirect) that sends the reader to the new one: a meta refresh,
// which browsers and WhatsApp's link preview follow without script, a
// canonical link, which tells search engines where the page now lives,
// and a visible link for any reader whose browser does neither. The page
// loads nothing and its policy forbids loading anything.
func (r *Renderer) redirects(s *content.Site, out Output) error {
	for _, rd := range s.Redirects {
		name := path.Join(s.Config.ID, rd.From, "index.html")
		if r.Only != nil && !r.Only(name) {
			continue
		}
		target := html.EscapeString(s.Config.URL(rd.To))
		page := fmt.Sprintf(`<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Halaman ini sudah pindah</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<meta name="robots" content="noindex">
<link rel="canonical" href="%[1]s">
<meta http-equiv="refresh" content="0; url=%[1]s">
</head>
<body>
<p>Halaman ini sudah pindah ke <a href="%[1]s">%[1]s</a>.</p>
</body>
</html>
`, target)
		if err := out.WriteFile(name, []byte(page)); err != nil {
			return err
		}
	}
	return nil
}
