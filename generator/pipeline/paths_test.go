package pipeline_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/internal/filetree"
	"github.com/kotamalang/kimsite/generator/pipeline"
)

// TestSymlinksRefused points symbolic links in the content folder at files
// and folders outside the repository and inside it, and checks that the
// build refuses each of them by name and publishes nothing from outside.
func TestSymlinksRefused(t *testing.T) {
	base := t.TempDir()
	root, outside := filepath.Join(base, "repo"), filepath.Join(base, "outside")
	filetree.Write(t, outside, map[string]string{
		"secret.md":        "---\ntitle: RAHASIA\ndate: 2026-11-05\n---\nRAHASIA\n",
		"secret.jpg":       "RAHASIA",
		"dir/index.md":     "---\ntitle: RAHASIA\ndate: 2026-11-05\n---\nRAHASIA\n",
		"site/_index.md":   "---\ntitle: RAHASIA\n---\n",
		"static/leak.conf": "RAHASIA",
	})
	filetree.Write(t, root, map[string]string{
		"sites.yaml":                     okSites + "  - id: luar\n    name: Luar\n    kecamatan: Klojen\n",
		"content/kauman/_index.md":       "---\ntitle: Kauman\n---\n",
		"content/kauman/static/logo.svg": "<svg/>",
		"content/kauman/berita/a.md": "---\ntitle: A\ndate: 2026-11-05\nimage: ../../../../outside/secret.jpg\nimage_alt: x\n---\n" +
			"[x](../../../../outside/secret.md)\n",
	})
	links := map[string]string{
		"content/kauman/berita/secret.md":  filepath.Join(outside, "secret.md"),
		"content/kauman/berita/dir":        filepath.Join(outside, "dir"),
		"content/kauman/static/leak.conf":  filepath.Join(outside, "static/leak.conf"),
		"content/kauman/static/dalam.yaml": "../../../sites.yaml", // inside the repository, still refused
		"content/kauman/berita/relatif.md": "../../../../outside/secret.md",
		"content/luar":                     filepath.Join(outside, "site"),
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(base, "public")
	_, problems, err := pipeline.Run(pipeline.Options{Root: root, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("problems:\n%s", problems)
	for name := range links {
		if !slices.ContainsFunc(problems, func(p diag.Problem) bool {
			return p.Path == name || strings.Contains(p.Message, "content/"+filepath.Base(name)+"/")
		}) {
			t.Errorf("no problem names the link %s; got:\n%s", name, problems)
		}
	}
	for _, ref := range []string{"content/kauman/berita/a.md:4", "content/kauman/berita/a.md:7"} {
		if !slices.ContainsFunc(problems, func(p diag.Problem) bool { return p.Position() == ref }) {
			t.Errorf("no problem at %s for a reference outside the site; got:\n%s", ref, problems)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed build wrote %s", out)
	}
}

// TestCleanURLs checks that file and folder names with spaces, capitals,
// punctuation and letters outside ASCII publish at clean lowercase URLs,
// and that links written with the file's own name reach them.
func TestCleanURLs(t *testing.T) {
	fsys := tree(map[string]string{
		"sites.yaml":                                         okSites,
		"content/kauman/_index.md":                           "---\ntitle: Kauman\n---\n[a](berita/Kerja%20Bakti%20RW%2005.md) [b](<berita/Pengajian Ramaḍān 1447 H.md>) [c](<umkm/Warung Bu Sri (Gang 2).md>)\n",
		"content/kauman/berita/Kerja Bakti RW 05.md":         "---\ntitle: A\ndate: 2026-11-05\n---\n",
		"content/kauman/berita/Pengajian Ramaḍān 1447 H.md":  "---\ntitle: B\ndate: 2026-11-05\n---\n",
		"content/kauman/berita/Café Ñoño/index.md":           "---\ntitle: C\ndate: 2026-11-05\nimage: Foto Ünïcode 1.JPG\nimage_alt: x\n---\n![Foto](<Foto Ünïcode 1.JPG>)\n",
		"content/kauman/berita/Café Ñoño/Foto Ünïcode 1.JPG": photo(),
		"content/kauman/umkm/Warung Bu Sri (Gang 2).md":      "---\ntitle: D\ncategory: kuliner\n---\n",
		"content/kauman/Profil Kelurahan.md":                 "---\ntitle: E\n---\n",
		"content/kauman/static/Dokumen Lama.PDF":             "%PDF",
	})
	out := filepath.Join(t.TempDir(), "public")
	if _, problems, err := pipeline.Run(pipeline.Options{FS: fsys, Root: t.TempDir(), Out: out}); err != nil || problems.Errors() > 0 {
		t.Fatalf("%v\n%s", err, problems)
	}
	for _, want := range []string{
		"kauman/berita/kerja-bakti-rw-05/index.html",
		"kauman/berita/pengajian-ramadan-1447-h/index.html",
		"kauman/berita/cafe-nono/index.html",
		"kauman/berita/cafe-nono/foto-unicode-1.jpg",
		"kauman/umkm/warung-bu-sri-gang-2/index.html",
		"kauman/profil-kelurahan/index.html",
		"kauman/Dokumen Lama.PDF", // static/ keeps its names
	} {
		if _, err := os.Stat(filepath.Join(out, want)); err != nil {
			t.Errorf("missing %s", want)
		}
	}
	home, _ := os.ReadFile(filepath.Join(out, "kauman/index.html"))
	for _, href := range []string{`/kauman/berita/kerja-bakti-rw-05/`, `/kauman/berita/pengajian-ramadan-1447-h/`, `/kauman/umkm/warung-bu-sri-gang-2/`} {
		if !strings.Contains(string(home), `href=`+href) && !strings.Contains(string(home), `href="`+href+`"`) {
			t.Errorf("home page lacks a link to %s", href)
		}
	}
	_ = filepath.WalkDir(out, func(name string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(out, name)
		if rel == "." || rel == "kauman/Dokumen Lama.PDF" || strings.HasPrefix(filepath.ToSlash(rel), "admin/") {
			return nil
		}
		if strings.Trim(filepath.ToSlash(rel), "abcdefghijklmnopqrstuvwxyz0123456789-./") != "" {
			t.Errorf("unclean output path %q", rel)
		}
		return nil
	})
}

// TestBackslashNames checks that a published file whose name holds a
// backslash is a content error at its path, not a file a browser or a
// Windows server would read as being in another folder. (Pages are safe:
// their names become slugs.)
func TestBackslashNames(t *testing.T) {
	for _, name := range []string{`content/kauman/static/a\..\..\x.txt`, `content/kauman/static/dok\rab.pdf`, `content/kauman/berita/a\b.jpg`} {
		fsys := tree(map[string]string{"sites.yaml": okSites, "content/kauman/_index.md": "---\ntitle: K\n---\n",
			name: "---\ntitle: X\ndate: 2026-11-05\n---\n"})
		_, problems, err := pipeline.Run(pipeline.Options{FS: fsys, Root: t.TempDir(), Out: filepath.Join(t.TempDir(), "public")})
		if err != nil || len(problems) != 1 || problems[0].Path != name {
			t.Errorf("%s: %v\n%s", name, err, problems)
		}
	}
}

// TestPortalNamesReserved builds the sample sites and checks that every
// top-level name the portal writes is either a file name no site id can
// take (it has a dot) or a name in config.Reserved, which sites.yaml
// refuses as an id; so no site and the portal can write the same file.
func TestPortalNamesReserved(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, problems, err := pipeline.Run(pipeline.Options{Root: "../..", Out: out}); err != nil || problems.Errors() > 0 {
		t.Fatalf("%v\n%s", err, problems)
	}
	city, _ := config.Load(os.DirFS("../.."))
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case city.Site(name) != nil:
		case strings.Contains(name, ".") && !e.IsDir():
		case slices.Contains(config.Reserved, name):
		default:
			t.Errorf("the portal writes %s, which a site id could take; add it to config.Reserved", name)
		}
	}
	for _, id := range config.Reserved {
		_, _, problems := config.Parse([]byte("city: K\nbase_url: https://k.id/\nsites:\n  - id: " + id + "\n    name: X\n    kecamatan: Y\n"))
		if problems.Errors() != 1 || problems[0].Line != 4 {
			t.Errorf("site id %q: want one error at line 4, got %s", id, problems)
		}
	}
}

// TestSiteIDsStayInTheirFolder checks that sites.yaml refuses ids that are
// not plain slugs, so a site's folder is always one level under the output.
func TestSiteIDsStayInTheirFolder(t *testing.T) {
	for _, id := range []string{"..", "../kauman", "kauman/berita", "/etc", `a\b`, "Kauman", "a.b", ".", "a b", "kauman/"} {
		_, _, problems := config.Parse([]byte("city: K\nbase_url: https://k.id/\nsites:\n  - id: " + q(id) + "\n    name: X\n    kecamatan: Y\n"))
		if problems.Errors() != 1 || problems[0].Line != 4 {
			t.Errorf("site id %q: want one error at line 4, got %s", id, problems)
		}
	}
	_, _, problems := config.Parse([]byte("city: K\nbase_url: https://k.id/\nsites:\n  - id: a\n    name: X\n    kecamatan: Y\n  - id: a\n    name: Z\n    kecamatan: Y\n"))
	if problems.Errors() != 1 || problems[0].Line != 7 {
		t.Errorf("duplicate id: want one error at line 7, got %s", problems)
	}
}
