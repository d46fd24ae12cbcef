package corpus_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/corpus"
	"github.com/kotamalang/kimsite/generator/pipeline"
)

func generate(t *testing.T, o corpus.Options) (repo, hugo fstest.MapFS) {
	t.Helper()
	repo, hugo = fstest.MapFS{}, fstest.MapFS{}
	into := func(m fstest.MapFS) corpus.Emit {
		return func(name string, data []byte) error {
			if _, dup := m[name]; dup {
				t.Errorf("%s generated twice", name)
			}
			m[name] = &fstest.MapFile{Data: data, Mode: 0o644}
			return nil
		}
	}
	if err := corpus.Write(o, []byte("body{}"), into(repo), into(hugo)); err != nil {
		t.Fatal(err)
	}
	return repo, hugo
}

// TestCorpusPassesCheck: the generated content is valid for kimsite's
// strict checks, in every section, with and without photos.
func TestCorpusPassesCheck(t *testing.T) {
	for _, photos := range []bool{false, true} {
		repo, _ := generate(t, corpus.Options{Sites: 4, Pages: 40, Seed: 3, Photos: photos})
		sum, problems, err := pipeline.Run(pipeline.Options{Root: ".", FS: repo, ImageCache: "-"})
		if err != nil || len(problems) > 0 {
			t.Fatalf("photos=%v: %v\n%v", photos, err, problems)
		}
		if sum.Sites != 4 {
			t.Errorf("checked %d sites, want 4", sum.Sites)
		}
		for _, section := range []string{"berita", "perencanaan", "umkm", "cek-fakta"} {
			if n := count(repo, "content/arjosari/"+section+"/"); n == 0 {
				t.Errorf("no %s pages", section)
			}
		}
		if got := count(repo, "content/arjosari/") - count(repo, "content/arjosari/static/"); photos && got <= 40 || !photos && got != 40 {
			t.Errorf("photos=%v: %d files in a 40-page site", photos, got)
		}
	}
}

func count(fsys fstest.MapFS, prefix string) int {
	n := 0
	for name := range fsys {
		if strings.HasPrefix(name, prefix) {
			n++
		}
	}
	return n
}

// TestCorpusDeterministic: the same options give the same bytes, and a
// site does not depend on how many sites there are.
func TestCorpusDeterministic(t *testing.T) {
	a, ha := generate(t, corpus.Options{Sites: 3, Pages: 20, Seed: 9, Photos: true})
	b, hb := generate(t, corpus.Options{Sites: 3, Pages: 20, Seed: 9, Photos: true})
	c, _ := generate(t, corpus.Options{Sites: 5, Pages: 20, Seed: 9, Photos: true})
	d, _ := generate(t, corpus.Options{Sites: 3, Pages: 20, Seed: 10, Photos: true})
	for name, f := range a {
		if !bytes.Equal(f.Data, b[name].Data) {
			t.Errorf("%s differs between two runs", name)
		}
		if strings.HasPrefix(name, "content/") && (c[name] == nil || !bytes.Equal(f.Data, c[name].Data)) {
			t.Errorf("%s changes with the number of sites", name)
		}
	}
	if len(ha) != len(hb) {
		t.Errorf("Hugo sites differ between runs")
	}
	same := 0
	for name, f := range a {
		if d[name] != nil && bytes.Equal(f.Data, d[name].Data) && strings.HasSuffix(name, ".md") {
			same++
		}
	}
	if same > len(a)/10 {
		t.Errorf("another seed gives %d identical pages", same)
	}
}

// TestHugoSites: every kelurahan is a Hugo site with the same pages.
func TestHugoSites(t *testing.T) {
	repo, hugo := generate(t, corpus.Options{Sites: 2, Pages: 20, Seed: 1})
	for _, s := range corpus.Sites(2) {
		for _, f := range []string{"config.toml", "layouts/_default/single.html", "layouts/_default/list.html", "layouts/_default/terms.html", "layouts/index.html", "assets/style.css"} {
			if hugo[s.ID+"/"+f] == nil {
				t.Errorf("%s/%s missing", s.ID, f)
			}
		}
		for name, f := range repo {
			rel, ok := strings.CutPrefix(name, "content/"+s.ID+"/")
			if !ok {
				continue
			}
			hname := s.ID + "/content/" + rel
			if r, ok := strings.CutPrefix(rel, "static/"); ok {
				hname = s.ID + "/static/" + r
			}
			if hugo[hname] == nil || !bytes.Equal(hugo[hname].Data, f.Data) {
				t.Errorf("%s is not in the Hugo site as %s", name, hname)
			}
		}
	}
}

// TestSitesBeyondMalang: past the 57 kelurahan, names repeat numbered and
// ids stay unique.
func TestSitesBeyondMalang(t *testing.T) {
	sites := corpus.Sites(1000)
	seen := map[string]bool{}
	for _, s := range sites {
		if seen[s.ID] {
			t.Fatalf("id %q twice", s.ID)
		}
		seen[s.ID] = true
	}
	if len(sites) != 1000 || sites[56].Name != "Tanjungrejo" || sites[57].ID != "arjosari-2" {
		t.Errorf("got %d sites, 57th %q, 58th %q", len(sites), sites[56].Name, sites[57].ID)
	}
}
