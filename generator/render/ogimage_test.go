package render

import (
	"bytes"
	"image"
	_ "image/jpeg" // share photos are JPEG
	"image/png"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kotamalang/kimsite/generator/images"
	"github.com/kotamalang/kimsite/generator/privacy"
)

var (
	metaImage = regexp.MustCompile(`<meta property="og:image" content="([^"]*)">`)
	metaURL   = regexp.MustCompile(`<meta property="og:url" content="([^"]*)">`)
	metaSized = regexp.MustCompile(`<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">`)
)

// shareImageOf returns the output name of the share image a page names,
// and whether it says the image is 1200×630. The image's URL is read
// against the page's own og:url and output name, which works for sites
// on a domain of their own too.
func shareImageOf(t *testing.T, name string, page []byte) (string, bool) {
	t.Helper()
	img, u := metaImage.FindSubmatch(page), metaURL.FindSubmatch(page)
	if img == nil || u == nil {
		t.Fatalf("%s: no og:image or og:url", name)
	}
	dir := strings.TrimSuffix(name, "index.html")
	if strings.HasSuffix(name, "404.html") {
		dir = strings.TrimSuffix(name, "404.html")
	}
	url := strings.TrimSuffix(string(u[1]), "404.html")
	for i := 0; i <= len(dir); i++ {
		if i > 0 && dir[i-1] != '/' || !strings.HasSuffix(url, dir[i:]) {
			continue
		}
		base := strings.TrimSuffix(url, dir[i:])
		if rel, ok := strings.CutPrefix(string(img[1]), base); ok {
			return dir[:i] + rel, metaSized.Match(page)
		}
	}
	t.Fatalf("%s: og:image %s is not on the page's site (%s)", name, img[1], url)
	return "", false
}

// TestShareImages: every page of the sample sites and of the golden city
// names a share image that the build publishes and that, when the page
// says it is 1200×630, is; and each kind of page without a photo shares
// a card of its own, a PNG beside it.
func TestShareImages(t *testing.T) {
	sample, golden := sharedBuilds(t)
	for _, out := range []*memOutput{sample, golden} {
		checkShareImages(t, out)
	}
	own := []string{
		"alpha/profil/index.html",                 // plain page
		"alpha/berita/kabar-01/index.html",        // news without a photo
		"alpha/perencanaan/saluran/index.html",    // planning item
		"alpha/umkm/batik-alpha/index.html",       // business without a photo
		"alpha/cek-fakta/hoaks-bansos/index.html", // clarification
		"alpha/agenda/posyandu/index.html",        // event
		"alpha/berita/index.html",                 // a section's list
		"alpha/berita/arsip/2025/index.html",      // a year of news
		"alpha/perencanaan/2025/index.html",       // a year of planning
		"alpha/umkm/kategori/kuliner/index.html",  // a category
		"alpha/agenda/index.html",                 // the agenda
		"beta/cek-fakta/video-lama/index.html",    // on a domain of its own
		"kecamatan/klojen/index.html",             // the portal's pages
		"umkm/index.html",
		"cek-fakta/index.html",
		"agenda/index.html",
	}
	for _, name := range own {
		file, sized := shareImageOf(t, name, golden.files[name])
		if want := strings.TrimSuffix(name, "index.html") + ogName; file != want || !sized {
			t.Errorf("%s: shares %s (sized %v), want its own card %s", name, file, sized, want)
			continue
		}
		if _, err := png.Decode(bytes.NewReader(golden.files[file])); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
	// The home page and later pages of a list share the site's default;
	// a page with a photo shares its photo.
	for name, want := range map[string]string{
		"alpha/index.html":                  "alpha/og.png",
		"alpha/berita/halaman/2/index.html": "alpha/og.png",
		"alpha/tags/posyandu/index.html":    "alpha/og.png",
		"index.html":                        "og.png",
		"beta/berita/panen/index.html":      "beta/berita/panen-share.jpg",
	} {
		if file, _ := shareImageOf(t, name, golden.files[name]); file != want {
			t.Errorf("%s: shares %s, want %s", name, file, want)
		}
	}
}

// checkShareImages checks that every page of out names a share image
// that out holds and that, when the page says it is 1200×630, is.
func checkShareImages(t *testing.T, out *memOutput) {
	t.Helper()
	for _, name := range out.names() {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, "admin/") {
			continue
		}
		file, sized := shareImageOf(t, name, out.files[name])
		data, ok := out.files[file]
		if !ok {
			t.Errorf("%s: shares %s, which the build does not publish", name, file)
			continue
		}
		if !sized {
			continue
		}
		img, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %s: %v", name, file, err)
		} else if b := img.Bounds(); b.Dx() != ogWidth || b.Dy() != ogHeight {
			t.Errorf("%s: %s is %v, the page says 1200×630", name, file, b.Size())
		}
	}
}

// TestShareCardNameNotDrawable: a kelurahan whose name the fonts cannot
// draw still has a default card (the city's KIM) for its pages to name.
func TestShareCardNameNotDrawable(t *testing.T) {
	fsys, err := goldenFS()
	if err != nil {
		t.Fatal(err)
	}
	mfs := fsys.(fstest.MapFS)
	yaml := mfs["sites.yaml"].Data
	mfs["sites.yaml"] = &fstest.MapFile{Data: bytes.Replace(yaml, []byte("name: Kelurahan Alpha"), []byte("name: ꦏꦭꦸꦫꦲꦤ꧀ 🎉"), 1)}
	out := renderAll(t, mfs, time.Time{})
	checkShareImages(t, out)
	if file, _ := shareImageOf(t, "alpha/index.html", out.files["alpha/index.html"]); file != "alpha/og.png" {
		t.Errorf("the home page shares %s, want alpha/og.png", file)
	}
}

// TestShareCardCache builds a site twice with one cache folder: the second
// build draws no card and writes the same bytes; then one page's title
// changes, and only its card is drawn again.
func TestShareCardCache(t *testing.T) {
	fsys, err := goldenFS()
	if err != nil {
		t.Fatal(err)
	}
	mfs := fsys.(fstest.MapFS)
	cache := t.TempDir()
	build := func() (*memOutput, int64) {
		t.Helper()
		r, load, err := NewStages(mfs)
		if err != nil {
			t.Fatal(err)
		}
		opts := r.Options
		opts.Images = images.New(images.Options{Root: mfs, CacheDir: cache})
		cached := New(opts)
		var drawn atomic.Int64
		cached.drawCard = func(c card) ([]byte, error) {
			drawn.Add(1)
			return cached.paint.draw(c)
		}
		site, problems := load(r.City.Sites[0])
		if problems.Errors() > 0 {
			t.Fatal(problems)
		}
		out := &memOutput{}
		if _, err := cached.Site(site, out); err != nil {
			t.Fatal(err)
		}
		return out, drawn.Load()
	}
	first, n := build()
	if n < 10 {
		t.Fatalf("the first build drew %d cards; the golden site has more pages without a photo", n)
	}
	second, n := build()
	if n != 0 {
		t.Errorf("the second build drew %d cards, want none: they are cached", n)
	}
	cards := 0
	for name, data := range first.files {
		if strings.HasSuffix(name, "/"+ogName) {
			cards++
			if !bytes.Equal(second.files[name], data) {
				t.Errorf("%s: the cached card differs from the drawn one", name)
			}
		}
	}
	if cards < 10 {
		t.Errorf("%d cards published", cards)
	}
	profil := mfs["content/alpha/profil.md"]
	mfs["content/alpha/profil.md"] = &fstest.MapFile{Data: bytes.Replace(profil.Data, []byte("title: "), []byte("title: Baru "), 1)}
	third, n := build()
	if n != 1 {
		t.Errorf("after one title changed, %d cards drawn, want 1", n)
	}
	if bytes.Equal(third.files["alpha/profil/og.png"], first.files["alpha/profil/og.png"]) {
		t.Error("the changed title's card is the old one")
	}
}

// TestCardText: what a card draws of a title: no box for a letter the
// fonts lack, no stacks of combining marks, nothing from right-to-left
// overrides; the same card as without them.
func TestCardText(t *testing.T) {
	var p painter
	if err := p.init(); err != nil {
		t.Fatal(err)
	}
	f, err := p.face(true, titleSizes[0].size)
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		"Lomba 🎉 17 Agustus":                  "Lomba 17 Agustus",
		"Lomba🎉17 Agustus":                    "Lomba 17 Agustus",
		"Pentas ꦮꦪꦁ kulit":                    "Pentas kulit",
		"Kafe\u0301 baru":                     "Kafé baru", // composed
		"Z\u0334\u0327\u031ba\u0337l\u0338go": "Zalgo",     // marks dropped
		"Kerja\u202ebakti\u202c RW 05":        "Kerjabakti RW 05",
		"Bendera 🇮🇩 dan 👨‍👩‍👧":                "Bendera dan",
		"Tab\tdan\nbaris":                     "Tab dan baris",
		"Ελληνικά и кириллица":                "Ελληνικά и кириллица", // the Go fonts have them
		"مرحبا بالعالم":                       "",
		"Warga שלום RW":                       "Warga RW",
		"🎉🎉🎉":                                 "",
	}
	for in, want := range tests {
		if got := cleanText(f, in); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", in, got, want)
		}
	}
	same := func(a, b card) {
		t.Helper()
		x, err := p.draw(a)
		if err != nil {
			t.Fatal(err)
		}
		y, _ := p.draw(b)
		if x == nil || !bytes.Equal(x, y) {
			t.Errorf("%q and %q draw different cards", a.Title, b.Title)
		}
	}
	base := card{Name: "Kelurahan Kauman", Line: "Kecamatan Klojen · Kota Malang"}
	with, without := base, base
	with.Title, without.Title = "Lomba 🎉 17 Agustus \u202eꦮꦪꦁ", "Lomba 17 Agustus"
	same(with, without)
	// A title with nothing to draw gets no card.
	with.Title = "🎉 ꦮꦪꦁ"
	if img, err := p.draw(with); img != nil || err != nil || p.drawable(with) {
		t.Errorf("a title of emoji and Javanese script drew a card (%v)", err)
	}
}

// TestCardWrap: a long title is drawn smaller, on at most four lines,
// and cut with "…" when even that is too little; a word longer than a
// line is broken.
func TestCardWrap(t *testing.T) {
	var p painter
	if err := p.init(); err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	f, _ := p.face(true, 46)
	width := ogWidth - 2*ogMargin
	long := strings.Repeat("kerja bakti ", 60)
	lines, fits := wrap(f, long, width, 4)
	if fits || len(lines) != 4 || !strings.HasSuffix(lines[3], "…") {
		t.Errorf("a title of %d letters: %d lines, fits %v, last %q", len(long), len(lines), fits, lines[len(lines)-1])
	}
	word := strings.Repeat("A", 200)
	lines, _ = wrap(f, word, width, 4)
	for _, l := range lines {
		if w := f.width(l); w > width {
			t.Errorf("line %q is %d pixels, wider than %d", l, w, width)
		}
	}
	if len(lines) != 4 {
		t.Errorf("a 200-letter word: %d lines, want 4", len(lines))
	}
}

// TestCardIDNumber: a card never shows what reads as an identity number,
// even when dropping an emoji or breaking a line would make one of
// digits the content check saw apart.
func TestCardIDNumber(t *testing.T) {
	var p painter
	const nik = "3573014506900001" // a possible NIK: region, date, sequence
	spaced := nik[:4] + "🎉" + nik[4:8] + "🎉" + nik[8:12] + "🎉" + nik[12:]
	if p.drawable(card{Title: spaced, Name: "Kelurahan Kauman"}) {
		t.Errorf("%q: drawn", spaced)
	}
	// A run of 28 digits is no NIK; broken after its 16th at the end of a
	// line, it reads as one.
	refused := 0
	for k := range 40 {
		c := card{Title: strings.Repeat("A", k) + nik + "999999999999", Name: "Kelurahan Kauman"}
		if !p.drawable(c) {
			refused++
			continue
		}
		l, _ := p.layout(c)
		for _, text := range l.texts {
			if len(privacy.FindIDNumbers(text)) > 0 {
				t.Errorf("%q: draws %q", c.Title, text)
			}
		}
	}
	if refused == 0 {
		t.Error("no line ended after the 16th digit: the test does not test")
	}
	if !p.drawable(card{Title: "Rapat RW 05 tanggal 12 Desember 2026", Name: "Kelurahan Kauman"}) {
		t.Error("a title with ordinary numbers gets no card")
	}
}

// drawable reports whether c gets a card, as Renderer.cardJob decides
// without a cache.
func (p *painter) drawable(c card) bool {
	l, err := p.layout(c)
	return err == nil && l != nil
}

// TestCardVerdictNotRepeated: a clarification's card shows its verdict as
// the badge, and the title without the verdict it may start with, as the
// page itself does.
func TestCardVerdictNotRepeated(t *testing.T) {
	fsys, err := goldenFS()
	if err != nil {
		t.Fatal(err)
	}
	mfs := fsys.(fstest.MapFS)
	page := mfs["content/alpha/cek-fakta/hoaks-bansos.md"]
	mfs["content/alpha/cek-fakta/hoaks-bansos.md"] = &fstest.MapFile{Data: bytes.Replace(page.Data, []byte("title: Bansos lewat tautan"), []byte(`title: "[HOAKS] Bansos lewat tautan"`), 1)}
	r, load, err := NewStages(mfs)
	if err != nil {
		t.Fatal(err)
	}
	opts := r.Options
	opts.Images = images.New(images.Options{Root: mfs, CacheDir: t.TempDir()})
	renderer := New(opts)
	var mu sync.Mutex
	var drawn []card
	renderer.drawCard = func(c card) ([]byte, error) {
		mu.Lock()
		drawn = append(drawn, c)
		mu.Unlock()
		return renderer.paint.draw(c)
	}
	site, problems := load(r.City.Sites[0])
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	if _, err := renderer.Site(site, &memOutput{}); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range drawn {
		if strings.Contains(c.Title, "Bansos lewat tautan") {
			found = true
			if c.Badge != "hoaks" || c.Title != "Bansos lewat tautan" {
				t.Errorf("card badge %q, title %q; want the verdict once, as the badge", c.Badge, c.Title)
			}
		}
	}
	if !found {
		t.Fatalf("no card drawn for the clarification among %d", len(drawn))
	}
}
