package render

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/cms"
)

// These tests build the repository's sample sites and the golden city in
// memory and check every feed, sitemap, JSON-LD block, share meta and open
// data file structurally, with the standard library's parsers.

// builds returns the outputs to check: the sample sites and the golden city.
func builds(t *testing.T) map[string]*memOutput {
	t.Helper()
	sample, golden := sharedBuilds(t)
	return map[string]*memOutput{"sample": sample, "golden": golden}
}

type testRSS struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		Title       string `xml:"title"`
		Link        string `xml:"link"`
		Description string `xml:"description"`
		Items       []struct {
			Title   string `xml:"title"`
			Link    string `xml:"link"`
			GUID    string `xml:"guid"`
			PubDate string `xml:"pubDate"`
		} `xml:"item"`
	} `xml:"channel"`
}

type testURLSet struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
}

type testIndex struct {
	XMLName  xml.Name `xml:"sitemapindex"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

func absoluteURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

func rootName(data []byte) string {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local
		}
	}
}

func TestFeedsAndSitemaps(t *testing.T) {
	for name, out := range builds(t) {
		t.Run(name, func(t *testing.T) {
			var feeds, sitemaps int
			for _, file := range out.names() {
				if !strings.HasSuffix(file, ".xml") {
					continue
				}
				data := out.files[file]
				switch rootName(data) {
				case "rss":
					feeds++
					checkRSS(t, file, data)
				case "urlset":
					sitemaps++
					var set testURLSet
					if err := xml.Unmarshal(data, &set); err != nil {
						t.Fatalf("%s: %v", file, err)
					}
					if set.NS != sitemapNS || len(set.URLs) == 0 {
						t.Errorf("%s: namespace %q, %d URLs", file, set.NS, len(set.URLs))
					}
					for _, u := range set.URLs {
						if !absoluteURL(u.Loc) || !strings.HasSuffix(u.Loc, "/") {
							t.Errorf("%s: bad loc %q", file, u.Loc)
						}
						if _, err := time.Parse("2006-01-02", u.LastMod); u.LastMod != "" && err != nil {
							t.Errorf("%s: bad lastmod %q", file, u.LastMod)
						}
					}
				case "sitemapindex":
					var idx testIndex
					if err := xml.Unmarshal(data, &idx); err != nil {
						t.Fatalf("%s: %v", file, err)
					}
					for _, s := range idx.Sitemaps {
						if !absoluteURL(s.Loc) || !strings.HasSuffix(s.Loc, ".xml") {
							t.Errorf("%s: bad sitemap %q", file, s.Loc)
						}
					}
				default:
					t.Errorf("%s: unknown XML root %q", file, rootName(data))
				}
			}
			// A site feed, three section feeds per site, the city and its
			// clarifications; a sitemap per site and the portal's.
			sites := strings.Count(string(out.files["sitemap.xml"]), "<sitemap>")
			if feeds < 2 || sitemaps < 2 || sites == 0 {
				t.Errorf("%d feeds, %d sitemaps, %d in the index", feeds, sitemaps, sites)
			}
			for _, want := range []string{"index.xml", "cek-fakta/index.xml", "robots.txt", "404.html", "sitemap-portal.xml"} {
				if out.files[want] == nil {
					t.Errorf("%s missing", want)
				}
			}
		})
	}
}

func checkRSS(t *testing.T, file string, data []byte) {
	t.Helper()
	var feed testRSS
	if err := xml.Unmarshal(data, &feed); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	ch := feed.Channel
	if feed.Version != "2.0" || ch.Title == "" || ch.Description == "" || !absoluteURL(ch.Link) {
		t.Errorf("%s: channel %+v", file, ch)
	}
	if len(ch.Items) > FeedItems {
		t.Errorf("%s: %d items", file, len(ch.Items))
	}
	for _, it := range ch.Items {
		if it.Title == "" || !absoluteURL(it.Link) || it.GUID != it.Link {
			t.Errorf("%s: item %+v", file, it)
		}
		if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
			t.Errorf("%s: pubDate %q: %v", file, it.PubDate, err)
		}
		if strings.HasSuffix(file, "cek-fakta/index.xml") && !regexp.MustCompile(`\[(HOAKS|DISINFORMASI|MISINFORMASI|MENYESATKAN|BENAR)\] `).MatchString(it.Title) {
			t.Errorf("%s: clarification %q has no verdict label", file, it.Title)
		}
	}
}

var (
	ldBlock   = regexp.MustCompile(`(?s)<script type="?application/ld\+json"?>(.*?)</script>`)
	canonical = regexp.MustCompile(`<link rel="?canonical"? href="?([^" >]+)`)
	ogImage   = regexp.MustCompile(`<meta property="?og:image"? content="?([^" >]+)`)
)

// required lists the fields each schema.org type must have.
var required = map[string][]string{
	"BreadcrumbList":         {"itemListElement"},
	"GovernmentOrganization": {"name", "url"},
	"NewsArticle":            {"headline", "datePublished", "author", "publisher", "image", "url"},
	"LocalBusiness":          {"name", "url", "image"},
	"ClaimReview":            {"claimReviewed", "reviewRating", "author", "datePublished", "itemReviewed", "url"},
	"Event":                  {"name", "startDate", "location", "url", "eventStatus", "organizer"},
}

func TestJSONLDAndShareMeta(t *testing.T) {
	for name, out := range builds(t) {
		t.Run(name, func(t *testing.T) {
			seen := map[string]int{}
			for _, file := range out.names() {
				if !strings.HasSuffix(file, ".html") || strings.HasPrefix(file, cms.Dir+"/") {
					continue // the web editor is not a page residents read
				}
				html := string(out.files[file])
				if strings.Contains(html, " style=") {
					t.Errorf("%s: inline style attribute (the CSP forbids it)", file)
				}
				if m := canonical.FindStringSubmatch(html); m == nil || !absoluteURL(m[1]) {
					t.Errorf("%s: no absolute canonical URL", file)
				}
				img := ogImage.FindStringSubmatch(html)
				if img == nil || !absoluteURL(img[1]) || !shareImage(img[1]) {
					t.Errorf("%s: og:image %v is not an absolute JPEG or PNG", file, img)
				}
				blocks := ldBlock.FindAllStringSubmatch(html, -1)
				if len(blocks) > 1 {
					t.Errorf("%s: %d JSON-LD blocks", file, len(blocks))
				}
				for _, b := range blocks {
					for _, typ := range checkJSONLD(t, file, b[1]) {
						seen[typ]++
					}
				}
				// Outside the JSON-LD, no script may start: "<script" in the
				// title (text only) or a quoted attribute value is harmless.
				rest := ldBlock.ReplaceAllString(html, "")
				rest = regexp.MustCompile(`(?s)<title>.*?</title>|="[^"]*"`).ReplaceAllString(rest, "")
				// The theme's own deferred script file is allowed; the CSP
				// (script-src 'self') keeps it to the page's own host.
				rest = strings.ReplaceAll(rest, "<script src defer></script>", "")
				if strings.Contains(rest, "<script") {
					t.Errorf("%s: a script element other than JSON-LD", file)
				}
			}
			for typ := range required {
				if seen[typ] == 0 {
					t.Errorf("no page has %s", typ)
				}
			}
		})
	}
}

// checkJSONLD parses a block and checks each node of its graph; it returns
// the types found.
func checkJSONLD(t *testing.T, file, block string) []string {
	t.Helper()
	var doc struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(block), &doc); err != nil {
		t.Errorf("%s: JSON-LD does not parse: %v", file, err)
		return nil
	}
	if doc.Context != "https://schema.org" || len(doc.Graph) == 0 {
		t.Errorf("%s: JSON-LD context %q, %d nodes", file, doc.Context, len(doc.Graph))
	}
	var types []string
	for _, node := range doc.Graph {
		typ, _ := node["@type"].(string)
		types = append(types, typ)
		fields, ok := required[typ]
		if !ok {
			t.Errorf("%s: unexpected type %q", file, typ)
			continue
		}
		for _, f := range fields {
			if v, ok := node[f]; !ok || v == "" || v == nil {
				t.Errorf("%s: %s without %s", file, typ, f)
			}
		}
		switch typ {
		case "BreadcrumbList":
			for i, el := range node["itemListElement"].([]any) {
				item := el.(map[string]any)
				if item["position"] != float64(i+1) || !absoluteURL(fmt.Sprint(item["item"])) || item["name"] == "" {
					t.Errorf("%s: breadcrumb %v", file, item)
				}
			}
		case "NewsArticle", "ClaimReview":
			if _, err := time.Parse(time.RFC3339, node["datePublished"].(string)); err != nil {
				t.Errorf("%s: %s datePublished: %v", file, typ, err)
			}
		}
		if typ == "Event" {
			for _, key := range []string{"startDate", "endDate"} {
				v, ok := node[key].(string)
				if !ok && key == "endDate" {
					continue
				}
				if _, err := time.Parse(time.RFC3339, v); err != nil {
					if _, err := time.Parse("2006-01-02", v); err != nil {
						t.Errorf("%s: Event %s %q is neither a date nor RFC 3339", file, key, v)
					}
				}
			}
			if place, _ := node["location"].(map[string]any); place["@type"] != "Place" || place["name"] == "" {
				t.Errorf("%s: Event location %v", file, node["location"])
			}
		}
		if typ == "ClaimReview" {
			rating := node["reviewRating"].(map[string]any)
			if !slices.Contains([]string{"HOAKS", "DISINFORMASI", "MISINFORMASI", "MENYESATKAN", "BENAR"}, rating["alternateName"].(string)) {
				t.Errorf("%s: alternateName %v", file, rating["alternateName"])
			}
			appearance := node["itemReviewed"].(map[string]any)["appearance"].([]any)
			if len(appearance) == 0 || node["author"].(map[string]any)["name"] == "" {
				t.Errorf("%s: ClaimReview without appearance or author", file)
			}
		}
		if typ == "LocalBusiness" {
			offers, _ := node["makesOffer"].([]any)
			for _, o := range offers {
				offer := o.(map[string]any)
				if offer["priceCurrency"] != "IDR" || offer["itemOffered"].(map[string]any)["name"] == "" {
					t.Errorf("%s: offer %v", file, offer)
				}
				if p, ok := offer["price"]; ok {
					if _, err := strconv.ParseInt(p.(string), 10, 64); err != nil {
						t.Errorf("%s: price %v", file, p)
					}
				}
			}
		}
	}
	return types
}

func TestOpenData(t *testing.T) {
	for name, out := range builds(t) {
		t.Run(name, func(t *testing.T) {
			var siteRows, cityRows int
			for _, file := range out.names() {
				switch {
				case strings.HasSuffix(file, "perencanaan.csv"):
					rows, err := csv.NewReader(bytes.NewReader(out.files[file])).ReadAll()
					if err != nil {
						t.Fatalf("%s: %v", file, err)
					}
					if !slices.Equal(rows[0], PlanColumns) {
						t.Errorf("%s: header %v", file, rows[0])
					}
					for _, row := range rows[1:] {
						if len(row) != len(PlanColumns) {
							t.Errorf("%s: row %v", file, row)
						}
						if _, err := strconv.ParseInt(row[6], 10, 64); err != nil {
							t.Errorf("%s: budget %q", file, row[6])
						}
						if !absoluteURL(row[12]) {
							t.Errorf("%s: url %q", file, row[12])
						}
					}
					if file == "perencanaan.csv" {
						cityRows = len(rows) - 1
					} else {
						siteRows += len(rows) - 1
					}
				case strings.HasSuffix(file, "perencanaan.json"):
					var recs []PlanRecord
					if err := json.Unmarshal(out.files[file], &recs); err != nil {
						t.Errorf("%s: %v", file, err)
					}
					for _, r := range recs {
						for _, d := range r.Documents {
							if len(d.SHA256) != 64 || d.Size == 0 || d.Type == "" || !absoluteURL(d.URL) {
								t.Errorf("%s: document %+v", file, d)
							}
						}
					}
				case strings.HasSuffix(file, "umkm.json"):
					var recs []BusinessRecord
					if err := json.Unmarshal(out.files[file], &recs); err != nil {
						t.Errorf("%s: %v", file, err)
					}
					for _, r := range recs {
						if r.Name == "" || !slices.Contains([]string{"kuliner", "kerajinan", "fashion", "jasa", "pertanian", "lainnya"}, r.Category) ||
							(r.WhatsApp != "" && !strings.HasPrefix(r.WhatsApp, "62")) {
							t.Errorf("%s: record %+v", file, r)
						}
					}
				}
			}
			if cityRows == 0 || cityRows != siteRows {
				t.Errorf("city-wide perencanaan.csv has %d rows, the sites %d", cityRows, siteRows)
			}
		})
	}
}

// TestSampleBudgets checks the sample sites' planning totals against sums
// worked out by hand from their front matter.
func TestSampleBudgets(t *testing.T) {
	out, _ := sharedBuilds(t)
	// kauman: 185.000.000 (dikerjakan) + 75.000.000 (usulan) + 48.500.000 (selesai)
	page := string(out.files["kauman/perencanaan/index.html"])
	for _, want := range []string{"<strong>Rp308.500.000</strong>", "Rp260.000.000", "Rp48.500.000"} {
		if !strings.Contains(page, want) {
			t.Errorf("kauman/perencanaan/: no %s", want)
		}
	}
	// tunggulwulung: 265.000.000 (dikerjakan) + 92.000.000 (diverifikasi) on
	// the path; 150.000.000 (ditunda) apart.
	page = string(out.files["tunggulwulung/perencanaan/index.html"])
	for _, want := range []string{"<strong>Rp357.000.000</strong>", "1 rencana, Rp150.000.000"} {
		if !strings.Contains(page, want) {
			t.Errorf("tunggulwulung/perencanaan/: no %s", want)
		}
	}
	// kauman 2026 only: 185.000.000 + 75.000.000.
	if page := string(out.files["kauman/perencanaan/2026/index.html"]); !strings.Contains(page, "<strong>Rp260.000.000</strong>") {
		t.Error("kauman/perencanaan/2026/: total is not Rp260.000.000")
	}
}

// TestPageBudget keeps every page, HTML and inlined CSS, within one round
// trip: 14 KB gzip.
func TestPageBudget(t *testing.T) {
	for name, out := range builds(t) {
		largest, which := 0, ""
		for _, file := range out.names() {
			if !strings.HasSuffix(file, ".html") {
				continue
			}
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			zw.Write(out.files[file])
			zw.Close()
			if buf.Len() > 14*1024 {
				t.Errorf("%s/%s: %d bytes gzip, more than 14 KB", name, file, buf.Len())
			}
			if buf.Len() > largest {
				largest, which = buf.Len(), file
			}
		}
		t.Logf("%s: largest page %s, %d bytes gzip", name, which, largest)
	}
}
