package wordpress

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/kotamalang/kimsite/generator/slug"
)

// media is a file from the uploads that a page uses, and its name beside
// the page.
type media struct {
	src  string // relative to the uploads folder: "2020/11/kerja-bakti.jpg"
	name string // beside the page: "kerja-bakti.jpg"
}

// resized matches the size suffix WordPress adds to the smaller copies it
// makes of a photo ("foto-300x200.jpg") and the "-scaled" copy it makes of
// a very large one.
var resized = regexp.MustCompile(`-(\d+x\d+|scaled)(\.[A-Za-z0-9]+)$`)

const uploadsMark = "/wp-content/uploads/"

// upload finds the file in the uploads that an address points at, and the
// attachment it belongs to. A resized copy leads to the original photo.
// rel is "" when the file is not in the uploads folder.
func (im *importer) upload(addr string) (att *Item, rel string) {
	u, err := url.Parse(strings.TrimSpace(addr))
	if err != nil {
		return nil, ""
	}
	p := u.Path
	if p2, err := url.PathUnescape(u.EscapedPath()); err == nil {
		p = p2
	}
	i := strings.Index(p, uploadsMark)
	if i < 0 {
		return nil, ""
	}
	name := path.Clean(p[i+len(uploadsMark):])
	if name == "." || strings.HasPrefix(name, "../") {
		return nil, ""
	}
	candidates := []string{name}
	if m := resized.FindStringSubmatchIndex(name); m != nil {
		candidates = []string{name[:m[0]] + name[m[4]:m[5]], name}
	}
	for _, c := range candidates {
		if a := im.byUpload[c]; a != nil && att == nil {
			att = a
		}
	}
	if im.opts.Uploads == nil {
		return att, ""
	}
	for _, c := range candidates {
		if st, err := fs.Stat(im.opts.Uploads, c); err == nil && st.Mode().IsRegular() {
			return att, c
		}
	}
	return att, ""
}

// uploadPath gives an attachment's file in the uploads.
func uploadPath(it *Item) string {
	if f := strings.TrimSpace(it.Meta["_wp_attached_file"]); f != "" {
		return path.Clean(f)
	}
	if i := strings.Index(it.URL, uploadsMark); i >= 0 {
		return path.Clean(it.URL[i+len(uploadsMark):])
	}
	return ""
}

var imageExts = []string{".jpg", ".jpeg", ".png", ".gif", ".webp"}

func imageExt(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	for _, e := range imageExts {
		if ext == e {
			return true
		}
	}
	return false
}

// fileName gives a clean name for a file copied beside a page: a slug and
// a lowercase extension, made unique among the page's other files.
func fileName(rel string, taken []media) string {
	ext := strings.ToLower(path.Ext(rel))
	if len(ext) > 6 || slug.Make(ext) == "" {
		ext = ""
	}
	base := slug.Make(strings.TrimSuffix(path.Base(rel), path.Ext(rel)))
	if base == "" {
		base = "berkas"
	}
	name := base + ext
	for n := 2; ; n++ {
		clash := false
		for _, m := range taken {
			clash = clash || m.name == name
		}
		if !clash {
			return name
		}
		name = fmt.Sprintf("%s-%d%s", base, n, ext)
	}
}
