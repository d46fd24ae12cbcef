package markdown

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/privacy"
)

// The identity-number check is tested against a simple oracle: a random
// number with the structure of an NIK or KK, hidden in a page by a random
// composition of the ways a reader still sees it (grouping, markup,
// character references, invisible characters, other digit forms), must be
// reported at its line once the page has gone through the content and
// markdown stages; a number that breaks one structure rule, hidden the
// same way, must not be.

// provinces are the province codes an NIK may start with.
var provinces = []int{11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
	61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97}

var monthDays = [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// randomNIK returns 16 digits that pass every structure rule.
func randomNIK(r *rand.Rand) string {
	month := 1 + r.IntN(12)
	day := 1 + r.IntN(monthDays[month-1])
	if r.IntN(2) == 0 {
		day += 40
	}
	return fmt.Sprintf("%02d%02d%02d%02d%02d%02d%04d", provinces[r.IntN(len(provinces))],
		1+r.IntN(99), 1+r.IntN(99), day, month, r.IntN(100), 1+r.IntN(9999))
}

// nearMiss returns a number like randomNIK's that breaks one rule.
func nearMiss(r *rand.Rand) string {
	d := []byte(randomNIK(r))
	set := func(at int, v int) { copy(d[at:], fmt.Sprintf("%02d", v)) }
	switch r.IntN(8) {
	case 0: // no such province
		for {
			p := 10 + r.IntN(90)
			if !slices.Contains(provinces, p) {
				set(0, p)
				break
			}
		}
	case 1:
		set(2, 0) // regency 00
	case 2:
		set(4, 0) // district 00
	case 3:
		set(8, []int{0, 13, 20, 45, 99}[r.IntN(5)]) // no such month
	case 4:
		set(6, []int{0, 32, 40, 72, 80, 99}[r.IntN(6)]) // no such day
	case 5: // a woman's sequence 0000
		set(6, 41)
		copy(d[12:], "0000")
	case 6: // 30 February
		set(6, 30)
		set(8, 2)
	default: // 15 digits
		at := r.IntN(16)
		d = slices.Delete(d, at, at+1)
	}
	return string(d)
}

// atom is one piece of a hidden number: a digit or the separator between
// two groups, as written.
type atom struct {
	text  string
	digit bool // a digit written as a character, not a reference
	ref   bool // written as a character reference
	// before is what stands before the atom and shows nothing.
	before    string
	beforeRaw bool // before is a plain invisible character
}

// digitForm writes digit d in one of the forms a reader reads as d.
func digitForm(r *rand.Rand, d int) atom {
	switch r.IntN(12) {
	case 0:
		return atom{text: string(rune(0xFF10 + d)), digit: true} // full-width
	case 1:
		return atom{text: string(rune(0x0660 + d)), digit: true} // Arabic-Indic
	case 2:
		return atom{text: string(rune(0x0966 + d)), digit: true} // Devanagari
	case 3:
		return atom{text: string(rune(0x1D7CE + d)), digit: true} // mathematical bold
	case 4:
		return atom{text: fmt.Sprintf("&#%d;", '0'+d), ref: true}
	case 5:
		return atom{text: fmt.Sprintf("&#x%X;", '0'+d), ref: true}
	case 6:
		return atom{text: string([]rune("⁰¹²³⁴⁵⁶⁷⁸⁹")[d]), digit: true} // superscript
	}
	return atom{text: string(rune('0' + d)), digit: true}
}

var separators = []string{" ", ".", "-", "\t", "\u00a0", "\u2013", "/", "_", " - ", "  ", "\u2009", "\u3000", "&nbsp;", "&#32;", "&#x2D;"}

var invisibles = []string{"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\u180e", "\u200e"}

// hide writes digits as a reader of the rendered page would still read them.
func hide(r *rand.Rand, digits string) string {
	if r.IntN(10) == 0 {
		// Written backwards inside a right-to-left override, shown forwards.
		b := []byte(digits)
		slices.Reverse(b)
		return "\u202e" + hide(r, string(b)) + "\u202c"
	}
	var atoms []atom
	sep := separators[r.IntN(len(separators))]
	var groups []int
	switch r.IntN(3) {
	case 0:
		groups = []int{len(digits)}
	default:
		for left := len(digits); left > 0; {
			g := min(left, 1+r.IntN(6))
			groups = append(groups, g)
			left -= g
		}
	}
	// Groups of 1-3 then 3s, split by dots, read as an amount: "3.573.014…".
	if sep == "." && len(groups) > 1 && groups[0] <= 3 && !slices.ContainsFunc(groups[1:], func(g int) bool { return g != 3 }) {
		sep = " "
	}
	i := 0
	for gi, g := range groups {
		if gi > 0 {
			s := sep
			if r.IntN(4) == 0 {
				s = separators[r.IntN(len(separators))] // mixed separators
			}
			atoms = append(atoms, atom{text: s, ref: strings.HasPrefix(s, "&")})
		}
		for range g {
			atoms = append(atoms, digitForm(r, int(digits[i]-'0')))
			i++
		}
	}
	// Invisible things between pieces.
	for k := 1; k < len(atoms); k++ {
		switch r.IntN(8) {
		case 0:
			atoms[k].before, atoms[k].beforeRaw = invisibles[r.IntN(len(invisibles))], true
		case 1:
			atoms[k].before = "<!-- " + []string{"x", "", "catatan", "3"}[r.IntN(4)] + " -->"
		case 2:
			atoms[k].before = []string{"<span></span>", "<b></b>", "&#8203;", "&shy;", "<wbr>"}[r.IntN(5)]
		}
	}
	// Inline markup around stretches of pieces; stretches never touch.
	open, closing := make([]string, len(atoms)), make([]string, len(atoms))
	for k := 0; k < len(atoms); {
		n := 1 + r.IntN(6)
		if r.IntN(3) > 0 || k+n > len(atoms) {
			k += 2
			continue
		}
		o, c := wrapper(r, atoms[k:k+n])
		open[k], closing[k+n-1] = o, c
		k += n + 1
	}
	var b strings.Builder
	for k, a := range atoms {
		b.WriteString(a.before)
		b.WriteString(open[k])
		b.WriteString(a.text)
		b.WriteString(closing[k])
	}
	return b.String()
}

// wrapper returns markup to put around atoms that keeps them visible, or
// nothing when the kind drawn cannot wrap them (emphasis must start and end
// at a digit; a code span shows character references as written).
func wrapper(r *rand.Rand, atoms []atom) (string, string) {
	first, last := atoms[0], atoms[len(atoms)-1]
	edges := first.digit && last.digit
	switch r.IntN(6) {
	case 0:
		if edges {
			return "*", "*"
		}
	case 1:
		if edges {
			return "**", "**"
		}
	case 2:
		if edges {
			return "~~", "~~"
		}
	case 3:
		for k, a := range atoms {
			if a.ref || k > 0 && a.before != "" && !a.beforeRaw || strings.Contains(a.text, "  ") {
				return "", ""
			}
		}
		return "`", "`"
	case 4:
		return "<em>", "</em>"
	case 5:
		return "[", "](https://contoh.id/)"
	}
	return "", ""
}

// hiddenPage loads a site whose one page shows number, hidden, on line 7,
// renders it, and returns the problems of both stages.
func hiddenPage(t testing.TB, md *Renderer, hidden string) (diag.List, string) {
	const front = "---\ntitle: Bantuan\ndate: 2026-11-05\n---\n"
	body := "Paragraf pembuka.\n\nPenerima bantuan: " + hidden + " tercatat.\n\nParagraf penutup.\n"
	fsys := fstest.MapFS{"content/kauman/berita/a.md": &fstest.MapFile{Data: []byte(front + body)}}
	site, problems := content.Load(fsys, &config.Site{ID: "kauman", Path: "/kauman/"}, false)
	page := site.PageAt("berita/a.md")
	if page == nil {
		t.Fatalf("page not loaded: %v", problems)
	}
	problems.Append(md.Render(site, page))
	return problems, string(page.Content)
}

// checkHidden asserts the oracle for one number and one way of hiding it.
func checkHidden(t testing.TB, md *Renderer, number, hidden string) {
	t.Helper()
	problems, html := hiddenPage(t, md, hidden)
	// Behind a right-to-left override the digits are written backwards:
	// either order may be the one reported.
	accepted := []string{number}
	if strings.Contains(hidden, "\u202e") {
		b := []byte(number)
		slices.Reverse(b)
		accepted = append(accepted, string(b))
	}
	valid := slices.ContainsFunc(accepted, func(n string) bool { return len(n) == 16 && len(privacy.FindIDNumbers(n)) == 1 })
	var lines []int
	for _, p := range problems {
		if strings.Contains(p.Message, "NIK") {
			if !slices.ContainsFunc(accepted, func(n string) bool {
				return p.Message == fmt.Sprintf("angka %s tampak seperti NIK atau nomor KK", privacy.Mask(n))
			}) {
				t.Fatalf("%s hidden as %q: unexpected %v", number, hidden, p)
			}
			lines = append(lines, p.Line)
		}
	}
	inHTML := slices.ContainsFunc(privacy.FindInHTML(html), func(m privacy.Match) bool { return slices.Contains(accepted, m.Number) })
	switch {
	case valid && !inHTML:
		t.Fatalf("%s hidden as %q: not found in the rendered page %q", number, hidden, html)
	case valid && !slices.Equal(lines, []int{7}):
		t.Fatalf("%s hidden as %q: reported at lines %v, want [7]; problems %v", number, hidden, lines, problems)
	case !valid && (inHTML || len(lines) > 0):
		t.Fatalf("%s (not an NIK) hidden as %q: reported %v", number, hidden, problems)
	}
}

// TestHiddenIDNumbers is the oracle run over many random cases, from a
// fixed seed so that a failure can be replayed.
func TestHiddenIDNumbers(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 2026))
	md := New()
	n := 400
	if testing.Short() {
		n = 50
	}
	for range n {
		nik := randomNIK(r)
		checkHidden(t, md, nik, hide(r, nik))
		miss := nearMiss(r)
		checkHidden(t, md, miss, hide(r, miss))
	}
}

// FuzzHiddenIDNumbers lets the fuzzer choose the number and the way it is
// hidden; the seed corpus in testdata runs in every go test.
func FuzzHiddenIDNumbers(f *testing.F) {
	for i := range 8 {
		f.Add(uint64(i), uint64(i*7919), i%3 == 0)
	}
	md := New()
	f.Fuzz(func(t *testing.T, seed1, seed2 uint64, miss bool) {
		r := rand.New(rand.NewPCG(seed1, seed2))
		number := randomNIK(r)
		if miss {
			number = nearMiss(r)
		}
		checkHidden(t, md, number, hide(r, number))
	})
}
