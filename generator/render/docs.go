package render

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"path"
	"slices"
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

// docHashes returns the SHA-256 of every document that a planning page
// names, by asset URL. Only documents are read, not every published file.
func (r *Renderer) docHashes(s *content.Site) (map[string]string, error) {
	sums := map[string]string{}
	for _, p := range s.Section(model.Perencanaan).Pages {
		f, _ := p.Front.(*model.PerencanaanFront)
		if f == nil {
			continue
		}
		for _, d := range f.Documents {
			url := p.FileURL(d.File)
			if url == "" || sums[url] != "" {
				continue
			}
			i, ok := slices.BinarySearchFunc(s.Assets, url, func(a content.Asset, u string) int { return strings.Compare(a.URL, u) })
			if !ok {
				continue
			}
			sum, err := fileHash(r.Root, path.Join("content", s.Config.ID, s.Assets[i].Src))
			if err != nil {
				return nil, err
			}
			sums[url] = sum
		}
	}
	return sums, nil
}

// docs lists a planning page's documents with their type, size and hash.
func docs(s *content.Site, p *content.Page, sums map[string]string) []DocInfo {
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
			Type: strings.ToUpper(strings.TrimPrefix(path.Ext(url), ".")), Size: p.FileSize(d.File), SHA256: sums[url]})
	}
	return out
}

// fileHash is the SHA-256 of a file, read as a stream: a document may be
// up to content.MaxAssetBytes.
func fileHash(fsys fs.FS, name string) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
