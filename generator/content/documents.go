package content

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"path"

	"github.com/kotamalang/kimsite/generator/model"
)

// hashDocuments reads the documents that planning pages name and keeps
// their SHA-256, so that a resident can check that a file they were sent
// is the one the kelurahan published. Only these documents are read, not
// every published file: the rest is copied by render as it is.
func (l *loader) hashDocuments() {
	for _, p := range l.site.Section(model.Perencanaan).Pages {
		f, _ := p.Front.(*model.PerencanaanFront)
		if f == nil {
			continue
		}
		for _, d := range f.Documents {
			a := p.files[d.File]
			if a == nil || a.SHA256 != "" {
				continue // content has reported a missing file
			}
			sum, err := fileHash(l.root, path.Join(l.dir, a.Src))
			if err != nil {
				l.problems.Add(p.Path, p.Pos.Line("documents"), "dokumen "+d.File+" tidak dapat dibaca", "Periksa berkasnya, lalu unggah ulang.")
				continue
			}
			a.SHA256 = sum
		}
	}
}

// FileSum returns the SHA-256, in hex, of a planning document named in the
// page's front matter, or "" when the page names no such document.
func (p *Page) FileSum(value string) string {
	if a := p.files[value]; a != nil {
		return a.SHA256
	}
	return ""
}

// fileHash is the SHA-256, in hex, of a file read as a stream: a document
// may be up to MaxAssetBytes.
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
