package check

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/markdown"
	"github.com/kotamalang/kimsite/themes"
)

var update = flag.Bool("update", false, "rewrite the want/ files of testdata/volunteer/*.txtar with the current output")

// The volunteer corpus: pages as KIM volunteers write them, pasted from
// WhatsApp, Word and news sites, with Indonesian key names, links copied
// from the browser and photos straight from a phone. Each case in
// testdata/volunteer is a txtar archive of files under content/kauman/
// (added to the pages of _site.txtar) and what a volunteer should get:
//
//	want/PROBLEMS           every message of kimsite check, sorted
//	want/<file>.html        the rendered body of content/kauman/<file>
//	want/FIXED              the messages left after applying every hint
//
// A hint that says "Ganti `a` dengan `b`" is applied by replacing a with b
// on the problem's line, "Hapus baris ini" by emptying the line; then the
// site is checked again, up to three rounds. Each applied fix must make
// its message go away, and no fix may be suggested again: a hint that
// leads nowhere (a link suggestion that does not resolve from the page
// where it is written) fails here.
//
//	go test ./generator/check -run Volunteer -update
func TestVolunteerCorpus(t *testing.T) {
	base, err := txtar.ParseFile("testdata/volunteer/_site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	archives, _ := filepath.Glob("testdata/volunteer/[0-9]*.txtar")
	if len(archives) < 20 {
		t.Fatalf("%d cases in the volunteer corpus, want at least 20", len(archives))
	}
	for _, file := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string]string{}
			for _, f := range append(slices.Clone(base.Files), ar.Files...) {
				if !strings.HasPrefix(f.Name, "want/") {
					files[f.Name] = string(f.Data)
				}
			}
			site, problems := runCorpus(files)
			for _, p := range problems {
				if p.Line == 0 || p.Hint == "" {
					t.Errorf("a volunteer needs a line and a hint: %s", p)
				}
			}
			got := map[string]string{"PROBLEMS": listing(problems)}
			for _, f := range ar.Files {
				name, ok := strings.CutPrefix(f.Name, "want/")
				if src, html := strings.CutSuffix(name, ".html"); ok && html {
					p := site.PageAt(src)
					if p == nil {
						t.Fatalf("want/%s: no page %s", name, src)
					}
					got[name] = string(p.Content)
				}
			}
			got["FIXED"] = listing(applyFixes(t, files))
			compare(t, file, ar, got)
		})
	}
}

// runCorpus checks the site made of files (paths under content/kauman/)
// as kimsite check does.
func runCorpus(files map[string]string) (*content.Site, diag.List) {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys["content/kauman/"+name] = &fstest.MapFile{Data: []byte(data)}
	}
	cfg := &config.Site{ID: "kauman", Name: "Kelurahan Kauman", Path: "/kauman/", BaseURL: "https://kim.malangkota.go.id/kauman/"}
	site, problems := content.Load(fsys, cfg, false)
	md := markdown.New()
	for _, p := range site.Pages() {
		problems.Append(md.Render(site, p))
	}
	c := New(Options{Now: func() time.Time { return now }, Theme: themes.Default(), Root: fsys})
	problems.Append(c.Site(site))
	problems.Sort()
	return site, problems
}

func listing(problems diag.List) string {
	if len(problems) == 0 {
		return "(tidak ada)\n"
	}
	return problems.Error() + "\n"
}

// fix is one hint that says exactly what to change.
type fix struct {
	problem  diag.Problem
	old, new string // new is "" and old the whole line for "Hapus baris ini"
}

var replaceHint = regexp.MustCompile("Ganti `([^`]+)` dengan `([^`]*)`")

func fixesOf(problems diag.List) []fix {
	var fixes []fix
	for _, p := range problems {
		if m := replaceHint.FindStringSubmatch(p.Hint); m != nil {
			fixes = append(fixes, fix{problem: p, old: m[1], new: m[2]})
		} else if strings.HasPrefix(p.Hint, "Hapus baris ini") {
			fixes = append(fixes, fix{problem: p})
		}
	}
	return fixes
}

// applyFixes applies every mechanical hint, round after round, checking
// that each one makes its problem go away, and returns the problems left.
func applyFixes(t *testing.T, files map[string]string) diag.List {
	t.Helper()
	files = maps.Clone(files)
	_, problems := runCorpus(files)
	seen := map[string]bool{}
	for round := 1; ; round++ {
		fixes := fixesOf(problems)
		if len(fixes) == 0 {
			return problems
		}
		if round > 3 {
			t.Fatalf("hints still suggest changes after three rounds of applying them:\n%s", listing(problems))
		}
		for _, f := range fixes {
			key := fmt.Sprintf("%s:%d %s→%s", f.problem.Path, f.problem.Line, f.old, f.new)
			if seen[key] || f.old != "" && f.old == f.new {
				t.Fatalf("hint suggested again after it was applied: %s", f.problem)
			}
			seen[key] = true
			name := strings.TrimPrefix(f.problem.Path, "content/kauman/")
			lines := strings.Split(files[name], "\n")
			i := f.problem.Line - 1
			switch {
			case i < 0 || i >= len(lines):
				t.Fatalf("%s: line out of the file", f.problem)
			case f.old == "":
				lines[i] = ""
			case !strings.Contains(lines[i], f.old):
				t.Fatalf("%s: hint names %q, which is not on that line: %q", f.problem, f.old, lines[i])
			default:
				lines[i] = strings.Replace(lines[i], f.old, f.new, 1)
			}
			files[name] = strings.Join(lines, "\n")
		}
		_, problems = runCorpus(files)
		for _, f := range fixes {
			for _, p := range problems {
				if p.Path == f.problem.Path && p.Message == f.problem.Message {
					t.Errorf("applying the hint did not fix it:\n%s\nfile after the fix:\n%s", f.problem, files[strings.TrimPrefix(p.Path, "content/kauman/")])
				}
			}
		}
	}
}

// compare checks got against the archive's want/ files, or rewrites them
// with -update.
func compare(t *testing.T, file string, ar *txtar.Archive, got map[string]string) {
	t.Helper()
	changed := false
	for _, name := range []string{"PROBLEMS", "FIXED"} {
		if !slices.ContainsFunc(ar.Files, func(f txtar.File) bool { return f.Name == "want/"+name }) {
			ar.Files = append(ar.Files, txtar.File{Name: "want/" + name})
		}
	}
	for i, f := range ar.Files {
		name, ok := strings.CutPrefix(f.Name, "want/")
		if !ok {
			continue
		}
		g := []byte(got[name])
		if bytes.Equal(g, f.Data) {
			continue
		}
		if *update {
			ar.Files[i].Data = g
			changed = true
			continue
		}
		t.Errorf("want/%s differs\n--- got\n%s--- want\n%s", name, g, f.Data)
	}
	if changed {
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
