package render

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kotamalang/kimsite/generator/corpus"
	"github.com/kotamalang/kimsite/generator/model"
)

// These tests build a generated city of a dozen kelurahan, enough for the
// city's UMKM and cek-fakta lists to run over several pages, and follow
// those pages as a reader (or a crawler) would: from the first page along
// rel="next" to the last and back along rel="prev".

var (
	cardLink = regexp.MustCompile(`<li class="card(?: text)?">(?:<div class="thumb"><img [^>]*></div>)?<h3><a href="(/[^"]+)">`)
	relLink  = regexp.MustCompile(`<link rel="(prev|next)" href="([^"]+)">`)
	catLink  = regexp.MustCompile(`<a href="(/umkm/kategori/[a-z]+/)"(?: aria-current="page")?>[^<]+<span>\((\d+)\)</span>`)
)

// city is the corpus city's output, rendered once per test binary.
var city struct {
	once sync.Once
	fsys fstest.MapFS
	out  *memOutput
	err  error
}

// cityOutput renders a corpus city of 12 sites × 24 pages in memory.
func cityOutput(t *testing.T) *memOutput {
	t.Helper()
	city.once.Do(func() {
		city.fsys = fstest.MapFS{}
		city.err = corpus.Write(corpus.Options{Sites: 12, Pages: 24, Seed: 1}, nil, func(name string, data []byte) error {
			city.fsys[name] = &fstest.MapFile{Data: data}
			return nil
		}, nil)
		if city.err == nil {
			city.out, city.err = renderFS(city.fsys, time.Time{})
		}
	})
	if city.err != nil {
		t.Fatal(city.err)
	}
	return city.out
}

// cityRecords reads an umkm.json or perencanaan.json.
func cityRecords[T any](t *testing.T, out *memOutput, name string) []T {
	t.Helper()
	var recs []T
	if err := json.Unmarshal(out.files[name], &recs); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return recs
}

// walk follows a paginated list from its first page to its last along
// rel="next", checking each page's rel="prev" and size, and returns the
// cards' links in order and the number of pages.
func walk(t *testing.T, out *memOutput, first string) (links []string, pages int) {
	t.Helper()
	prev := ""
	for at := first; at != ""; pages++ {
		data, ok := out.files[strings.TrimPrefix(at, "/")+"index.html"]
		if !ok {
			t.Fatalf("%s: no such page (linked as rel=next from %s)", at, prev)
		}
		rel := map[string]string{}
		for _, m := range relLink.FindAllSubmatch(data, -1) {
			rel[string(m[1])] = string(m[2])
		}
		if rel["prev"] != prev {
			t.Errorf("%s: rel=prev %q, want %q", at, rel["prev"], prev)
		}
		cards := cardLink.FindAllSubmatch(data, -1)
		if len(cards) == 0 || len(cards) > PerPage {
			t.Errorf("%s: %d items, want 1 to %d", at, len(cards), PerPage)
		}
		for _, m := range cards {
			links = append(links, string(m[1]))
		}
		if rel["next"] != "" && rel["next"] != fmt.Sprintf("%shalaman/%d/", first, pages+2) {
			t.Errorf("%s: rel=next %q", at, rel["next"])
		}
		prev, at = at, rel["next"]
	}
	return links, pages
}

// href is the portal's link to an open-data record's page.
func href(url string) string { return strings.TrimPrefix(url, "https://kim.malangkota.go.id") }

func TestCityListsPaginate(t *testing.T) {
	out := cityOutput(t)
	businesses := cityRecords[BusinessRecord](t, out, "umkm.json")
	byCategory := map[string][]BusinessRecord{}
	for _, b := range businesses {
		byCategory[b.Category] = append(byCategory[b.Category], b)
	}

	// The index links every category with its count, in model order.
	index := out.files["umkm/index.html"]
	var cats []string
	for _, m := range catLink.FindAllSubmatch(index, -1) {
		c := strings.TrimSuffix(strings.TrimPrefix(string(m[1]), "/umkm/kategori/"), "/")
		cats = append(cats, c)
		if want := fmt.Sprint(len(byCategory[c])); string(m[2]) != want {
			t.Errorf("umkm/: %s counted %s, umkm.json has %s", c, m[2], want)
		}
	}
	var want []string
	for _, c := range model.Categories {
		if len(byCategory[c]) > 0 {
			want = append(want, c)
		}
	}
	if !slices.Equal(cats, want) {
		t.Errorf("umkm/ links categories %v, want %v", cats, want)
	}
	if n := len(cardLink.FindAll(index, -1)); n != min(PerPage, len(businesses)) {
		t.Errorf("umkm/ shows %d newest businesses, want %d", n, min(PerPage, len(businesses)))
	}

	// Each category lists its businesses by name, every one exactly once.
	longest := 0
	for _, c := range want {
		links, pages := walk(t, out, "/umkm/kategori/"+c+"/")
		recs := slices.Clone(byCategory[c])
		slices.SortStableFunc(recs, func(a, b BusinessRecord) int { return strings.Compare(a.Name, b.Name) })
		var wantLinks []string
		for _, b := range recs {
			wantLinks = append(wantLinks, href(b.URL))
		}
		slices.Sort(links)
		slices.Sort(wantLinks)
		if !slices.Equal(links, wantLinks) {
			t.Errorf("umkm/kategori/%s/: pages link %d businesses %v, want %d %v", c, len(links), links, len(wantLinks), wantLinks)
		}
		if wantPages := (len(recs) + PerPage - 1) / PerPage; pages != wantPages {
			t.Errorf("umkm/kategori/%s/: %d pages, want %d", c, pages, wantPages)
		}
		longest = max(longest, pages)
	}

	// Clarifications: every site's, newest first.
	links, pages := walk(t, out, "/cek-fakta/")
	var wantChecks []string
	for _, name := range out.names() {
		// a site's clarification: <site>/cek-fakta/<slug>/index.html
		if parts := strings.Split(name, "/"); len(parts) == 4 && parts[3] == "index.html" && parts[1] == model.CekFakta && parts[2] != "halaman" && parts[0] != model.CekFakta {
			wantChecks = append(wantChecks, "/"+strings.TrimSuffix(name, "index.html"))
		}
	}
	got := slices.Clone(links)
	slices.Sort(got)
	slices.Sort(wantChecks)
	if !slices.Equal(got, wantChecks) {
		t.Errorf("cek-fakta/: pages link %v, want every clarification %v", got, wantChecks)
	}
	if pages < 3 || longest < 2 {
		t.Fatalf("the corpus gives %d pages of clarifications and at most %d of a UMKM category: too few to test paging", pages, longest)
	}

	// Every page of the portal, lists included, fits in one round trip.
	for _, name := range out.names() {
		if !strings.HasSuffix(name, ".html") || !strings.HasPrefix(name, "umkm/") && !strings.HasPrefix(name, "cek-fakta/") &&
			!strings.HasPrefix(name, "kecamatan/") && name != "index.html" {
			continue
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(out.files[name])
		zw.Close()
		if buf.Len() > 14*1024 {
			t.Errorf("%s: %d bytes gzip, more than 14 KB", name, buf.Len())
		}
	}
}

func TestKecamatanPagesCapped(t *testing.T) {
	out := cityOutput(t)
	for _, name := range out.names() {
		if !strings.HasPrefix(name, "kecamatan/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		page := out.files[name]
		if n := len(cardLink.FindAll(page, -1)); n > portalNews+portalChecks+portalUMKM {
			t.Errorf("%s: %d items, more than %d", name, n, portalNews+portalChecks+portalUMKM)
		}
		for _, link := range []string{`href="/cek-fakta/">`, `href="/umkm/">`} {
			if !regexp.MustCompile(link).Match(page) {
				t.Errorf("%s: no link %s to the rest", name, link)
			}
		}
	}
}

// TestCityOpenDataComplete checks that the city's open data, written a
// site at a time, is every site's records in sites.yaml order, and exactly
// what encoding them all at once gives.
func TestCityOpenDataComplete(t *testing.T) {
	out := cityOutput(t)
	var plans []PlanRecord
	var businesses []BusinessRecord
	rows := [][]string{PlanColumns}
	for _, s := range corpus.Sites(12) {
		plans = append(plans, cityRecords[PlanRecord](t, out, s.ID+"/perencanaan.json")...)
		businesses = append(businesses, cityRecords[BusinessRecord](t, out, s.ID+"/umkm.json")...)
		r, err := csv.NewReader(bytes.NewReader(out.files[s.ID+"/perencanaan.csv"])).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r[1:]...)
	}
	if len(plans) == 0 || len(businesses) == 0 {
		t.Fatal("the corpus has no planning items or no businesses")
	}
	for name, v := range map[string]any{"perencanaan.json": plans, "umkm.json": businesses} {
		want, _ := json.MarshalIndent(v, "", " ")
		if got := out.files[name]; !bytes.Equal(got, append(want, '\n')) {
			t.Errorf("%s is not every site's records in order:\n%s", name, firstDiff(got, append(want, '\n')))
		}
	}
	var want bytes.Buffer
	csv.NewWriter(&want).WriteAll(rows)
	if got := out.files["perencanaan.csv"]; !bytes.Equal(got, want.Bytes()) {
		t.Errorf("perencanaan.csv is not every site's rows in order:\n%s", firstDiff(got, want.Bytes()))
	}
}

// TestOpenDataEmpty checks the files of a city without records, and that
// CityData leaves no file behind, even before Close (a killed build).
func TestOpenDataEmpty(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	data, err := NewCityData(newTemp)
	if err != nil {
		t.Fatal(err)
	}
	defer data.Close()
	if left, _ := os.ReadDir(tmp); runtime.GOOS != "windows" && len(left) > 0 {
		t.Errorf("CityData left %d files in the temporary folder", len(left))
	}
	if err := data.Add(&Digest{}); err != nil {
		t.Fatal(err)
	}
	out := &memOutput{}
	if err := data.write(out); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"perencanaan.csv": strings.Join(PlanColumns, ",") + "\n", "perencanaan.json": "[]\n", "umkm.json": "[]\n"}
	for name, w := range want {
		if got := string(out.files[name]); got != w {
			t.Errorf("%s = %q, want %q", name, got, w)
		}
	}
}

// TestTrimDigests checks that the portal made from trimmed digests is the
// portal made from whole ones, byte for byte, and that trimming dropped
// items.
func TestTrimDigests(t *testing.T) {
	cityOutput(t)
	r, load, err := NewStages(city.fsys)
	if err != nil {
		t.Fatal(err)
	}
	var whole []Digest
	for _, sc := range r.City.Sites {
		site, _ := load(sc)
		d, err := r.DigestOf(site)
		if err != nil {
			t.Fatal(err)
		}
		whole = append(whole, d)
	}
	trimmed := slices.Clone(whole)
	for i := range trimmed {
		trimmed[i].Items = slices.Clone(trimmed[i].Items)
	}
	// In two steps, as a build does.
	TrimDigests(trimmed[:5])
	TrimDigests(trimmed)
	items := func(ds []Digest) (n int) {
		for _, d := range ds {
			n += len(d.Items)
		}
		return n
	}
	if items(trimmed) >= items(whole) {
		t.Fatalf("trimming kept all %d items", items(whole))
	}
	portal := func(digests []Digest) *memOutput {
		data, err := NewCityData(newTemp)
		if err != nil {
			t.Fatal(err)
		}
		defer data.Close()
		for i := range digests {
			if err := data.Add(&digests[i]); err != nil {
				t.Fatal(err)
			}
		}
		out := &memOutput{}
		if err := r.Portal(digests, data, out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	want, got := portal(whole), portal(trimmed)
	if !slices.Equal(got.names(), want.names()) {
		t.Fatalf("files %v, want %v", got.names(), want.names())
	}
	for _, name := range want.names() {
		if !bytes.Equal(got.files[name], want.files[name]) {
			t.Errorf("%s differs:\n%s", name, firstDiff(got.files[name], want.files[name]))
		}
	}
	t.Logf("%d items of %d kept", items(trimmed), items(whole))
}
