// Package search builds the small per-site index that the theme's script
// loads when a resident starts typing in the search box.
//
// It takes a loaded site (after the markdown stage) and gives the bytes of
// its index, a JSON file small enough that a site of 1,000 pages stays
// under 100 KB gzip: for each page its title, its URL and its section,
// and the distinct words of what describes it (tags, summary or else first
// paragraph, and the facts of its section: a business's owner and
// products, a clarification's claim, a project's location), folded the
// way Fold folds a query. Bodies are not indexed: the words that describe
// a page are what residents type, and the whole body would make the file
// too large for a metered phone.
package search

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"unicode"

	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/model"
	"github.com/kotamalang/kimsite/generator/slug"
)

// File is the index's name under the site's root.
const File = "search.json"

// Index is the file's content.
type Index struct {
	// Sections are the titles that entries name by number.
	Sections []string `json:"s"`
	// Pages are [title, URL relative to the site, section number, words].
	Pages [][]any `json:"p"`
}

// Build returns the site's index.
func Build(site *content.Site) ([]byte, error) {
	idx := Index{Pages: [][]any{}}
	sectionNo := map[string]int{}
	for _, sec := range site.Sections {
		sectionNo[sec.Name] = len(idx.Sections)
		idx.Sections = append(idx.Sections, sec.Title)
	}
	idx.Sections = append(idx.Sections, "Halaman")
	add := func(p *content.Page, section int) {
		idx.Pages = append(idx.Pages, []any{p.Meta.Title, p.URL, section, strings.Join(terms(p), " ")})
	}
	for _, p := range site.Plain {
		add(p, len(idx.Sections)-1)
	}
	for _, sec := range site.Sections {
		for _, p := range sec.Pages {
			add(p, sectionNo[sec.Name])
		}
	}
	return json.Marshal(idx)
}

// MaxTerms bounds the words kept per page, so that the index of a large
// site stays small: a summary's first words say what a page is about.
const MaxTerms = 32

// terms are the distinct folded words that describe a page, less those of
// its title (the script folds the title itself) and the commonest words.
func terms(p *content.Page) []string {
	text := append([]string{cmp.Or(p.Meta.Summary, p.Excerpt)}, p.Meta.Tags...)
	switch f := p.Front.(type) {
	case *model.UMKMFront:
		text = append(text, f.Owner, f.Category, f.Address)
		for _, pr := range f.Products {
			text = append(text, pr.Name)
		}
	case *model.CekFaktaFront:
		text = append(text, f.Claim, f.Verdict)
	case *model.PerencanaanFront:
		text = append(text, f.Location, "rw "+f.RW, f.Stage, f.Funding)
	case *model.BeritaFront:
		text = append(text, f.Author)
	}
	return describe(p.Meta.Title, strings.Join(text, " "))
}

// describe returns the distinct folded words of text that are not in the
// title, nor among the commonest words, at most MaxTerms.
func describe(title, text string) []string {
	skip := map[string]bool{}
	for _, w := range Words(title) {
		skip[w] = true
	}
	var out []string
	for _, w := range Words(text) {
		if !skip[w] && !stop[w] && len(w) > 1 {
			skip[w] = true
			out = append(out, w)
		}
	}
	return out[:min(len(out), MaxTerms)]
}

// stop are words too common in Indonesian to help find a page.
var stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields("yang dan di ke dari untuk dengan ini itu pada akan dalam oleh para juga ada atau sudah tidak bisa agar karena saat kami kita mereka telah serta bagi tersebut lebih sebagai setiap hingga masih warga kelurahan") {
		stop[w] = true
	}
}

// Words splits text into words and folds each: lowercase ASCII without
// accents ("Pósyandu" is "posyandu"), apostrophes dropped ("Jum'at" is
// "jumat"), and the old Indonesian spellings of names spelt the modern way
// ("Soekarno" is "sukarno", "Djoko" is "joko", "Tjipto" is "cipto"), so
// a resident finds a page however either of them spells it. The theme's
// script folds queries the same way.
func Words(text string) []string {
	text = apostrophes.Replace(text)
	var out []string
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		for _, w := range strings.Split(slug.Make(f), "-") {
			if w != "" {
				out = append(out, Fold(w))
			}
		}
	}
	return slices.Clip(out)
}

// apostrophes are dropped from words; a Replacer is built once, as
// building one costs more than using it.
// The invisible characters pasted text carries inside words (soft hyphen,
// zero-width space, non-joiner and joiner, word joiner, byte order mark)
// go too, so that "Ker\u00ADja" is found as "kerja".
var apostrophes = strings.NewReplacer("'", "", "’", "", "`", "",
	"\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "")

// oldSpelling maps the spellings before 1972 (EYD) to today's.
var oldSpelling = strings.NewReplacer("oe", "u", "dj", "j", "tj", "c", "sj", "sy")

// Fold applies the old-spelling rules to a lowercase ASCII word.
func Fold(word string) string { return oldSpelling.Replace(word) }

// Entry is one page of an index built from outside a site: the portal's
// city-wide index of what its digests keep of each kelurahan.
type Entry struct {
	Title   string
	URL     string // relative to the index's root, or absolute
	Section string
	Text    string // what describes the page
}

// BuildEntries returns the index of entries, sections numbered in the
// order they first appear.
func BuildEntries(entries []Entry) ([]byte, error) {
	idx := Index{Sections: []string{}, Pages: [][]any{}}
	sectionNo := map[string]int{}
	for _, e := range entries {
		no, ok := sectionNo[e.Section]
		if !ok {
			no = len(idx.Sections)
			sectionNo[e.Section] = no
			idx.Sections = append(idx.Sections, e.Section)
		}
		idx.Pages = append(idx.Pages, []any{e.Title, e.URL, no, strings.Join(describe(e.Title, e.Text), " ")})
	}
	return json.Marshal(idx)
}
