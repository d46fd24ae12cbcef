package render

import (
	"path"
	"strings"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/model"
)

// DocInfo is a planning document as residents see it: enough to check that
// a file they were sent is the one the kelurahan published.
type DocInfo struct {
	Title  string `json:"title"`
	URL    string `json:"url"`  // absolute
	Href   string `json:"-"`    // path on the site
	Type   string `json:"type"` // "PDF", "DOCX", …
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// docs lists a planning page's documents with their type, size and hash.
func docs(s *content.Site, p *content.Page) []DocInfo {
	f, _ := p.Front.(*model.PerencanaanFront)
	if f == nil {
		return nil
	}
	var out []DocInfo
	for _, d := range f.Documents {
		url := p.FileURL(d.File)
		if url == "" {
			continue
		}
		out = append(out, DocInfo{Title: d.Title, URL: s.Config.URL(url), Href: s.Config.Path + url,
			Type: strings.ToUpper(strings.TrimPrefix(path.Ext(url), ".")), Size: p.FileSize(d.File), SHA256: p.FileSum(d.File)})
	}
	return out
}
