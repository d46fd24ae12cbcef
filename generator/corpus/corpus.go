// Package corpus generates a realistic, deterministic test corpus: a city of
// kelurahan sites written in Bahasa Indonesia, with every section and its
// front matter, for benchmarks and scale measurements.
//
// It takes Options (how many sites, how many pages each, a seed, whether to
// add photos) and gives files through an Emit function: Repo writes a kimsite
// repository (sites.yaml and content/), Hugo writes the same pages as one
// Hugo site per kelurahan with an equivalent minimal theme (home, section
// lists, single pages, tags, RSS, sitemap). Each site is generated from its
// own seeded random source, so site k is the same whatever the number of
// sites, and the same options always give byte-identical files.
package corpus

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/kotamalang/kimsite/generator/slug"
)

// Options say what corpus to make.
type Options struct {
	Sites  int    // number of kelurahan; beyond Kota Malang's 57, names repeat with a number
	Pages  int    // Markdown files per site, home and plain pages included (at least 4)
	Seed   uint64 // the same seed gives the same corpus
	Photos bool   // every fourth news item is a bundle with a JPEG photo
}

// Emit receives one generated file; name is slash-separated and relative to
// the corpus folder.
type Emit func(name string, data []byte) error

// Site is one generated kelurahan.
type Site struct {
	ID, Name, Kecamatan string
}

// Sites returns the kelurahan of the corpus, in sites.yaml order.
func Sites(n int) []Site {
	var all []Site
	for round := 1; len(all) < n; round++ {
		for _, k := range kecamatanSites {
			for _, name := range k.Kelurahan {
				if len(all) == n {
					break
				}
				s := Site{Name: name, Kecamatan: k.Kecamatan}
				if round > 1 {
					s.Name = fmt.Sprintf("%s %d", name, round)
				}
				s.ID = slug.Make(s.Name)
				all = append(all, s)
			}
		}
	}
	return all
}

// file is one file of a site, relative to its content folder.
type file struct {
	rel  string
	data []byte
}

// siteFiles generates the content of site i.
func siteFiles(o Options, i int, s Site) []file {
	g := &gen{r: rand.New(rand.NewPCG(o.Seed, uint64(i)+1)), site: s, jpegs: map[int][]byte{}}
	return g.files(max(o.Pages, 4), o.Photos)
}

type gen struct {
	r     *rand.Rand
	site  Site
	out   []file
	plans []string // slugs of planning items, for links from news
	docs  []string // static documents
	jpegs map[int][]byte
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) person() string { return g.pick(firstNames) + " " + g.pick(lastNames) }

func (g *gen) rw() string { return fmt.Sprintf("%02d", 1+g.r.IntN(12)) }

// date returns a date in 2024–2026, descending with i so that lists have order.
func (g *gen) date(i, n int) time.Time {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	span := 3 * 365 * 24 * time.Hour
	d := start.Add(span * time.Duration(n-i) / time.Duration(n+1))
	return d.Add(time.Duration(g.r.IntN(20)) * time.Hour).Truncate(time.Hour)
}

func (g *gen) add(rel string, front []string, body string) {
	var b strings.Builder
	b.WriteString("---\n")
	for _, l := range front {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	b.WriteString("---\n")
	b.WriteString(body)
	g.out = append(g.out, file{rel, []byte(b.String())})
}

func (g *gen) files(pages int, photos bool) []file {
	n := pages - 3
	nPlan, nUMKM := n/5, n/5
	nCheck := max(n/10, 1)
	nNews := n - nPlan - nUMKM - nCheck
	for d := 1; d <= 3; d++ {
		name := fmt.Sprintf("dokumen/rab-%d.pdf", d)
		g.docs = append(g.docs, name)
		g.out = append(g.out, file{"static/" + name, fakePDF(g.site.Name, d)})
	}
	for i := range nPlan {
		g.plans = append(g.plans, fmt.Sprintf("%s-rw-%s-%d", slug.Make(g.pick(projects)), g.rw(), i+1))
	}
	g.home()
	g.plain()
	for i := range nNews {
		g.news(i, nNews, photos && i%4 == 0)
	}
	for i, s := range g.plans {
		g.plan(i, nPlan, s)
	}
	for i := range nUMKM {
		g.umkm(i)
	}
	for i := range nCheck {
		g.check(i, nCheck)
	}
	return g.out
}

func (g *gen) paragraph(t topic, place string, sentences int) string {
	var b strings.Builder
	fill := strings.NewReplacer("%[1]s", t.Subject, "%[2]s", place, "%[3]s", t.Actor, "%[4]s", t.Activity)
	b.WriteString(fill.Replace(g.pick(openings)))
	for range sentences {
		b.WriteByte(' ')
		b.WriteString(fill.Replace(g.pick(middles)))
	}
	return b.String()
}

func (g *gen) body(t topic, place string, link string) string {
	var b strings.Builder
	for p := range 3 + g.r.IntN(3) {
		if p == 2 {
			fmt.Fprintf(&b, "## %s\n\n", g.pick(headings))
		}
		b.WriteString(g.paragraph(t, place, 2+g.r.IntN(4)))
		b.WriteString("\n\n")
		if p == 1 && g.r.IntN(2) == 0 {
			for range 3 + g.r.IntN(3) {
				fmt.Fprintf(&b, "- %s\n", g.pick(listItems))
			}
			b.WriteString("\n")
		}
	}
	if link != "" {
		b.WriteString(link)
		b.WriteString("\n")
	}
	return b.String()
}

func yamlList(items []string) string { return "[" + strings.Join(items, ", ") + "]" }

func quote(s string) string { return fmt.Sprintf("%q", s) }

func (g *gen) home() {
	t := topics[g.r.IntN(len(topics))]
	g.add("_index.md", []string{
		"title: " + quote("Selamat datang di Kelurahan "+g.site.Name),
		"summary: " + quote(fmt.Sprintf("Kabar warga, rencana pembangunan, UMKM dan cek fakta dari %s, Kecamatan %s.", g.site.Name, g.site.Kecamatan)),
	}, g.body(t, "Kelurahan "+g.site.Name, ""))
}

func (g *gen) plain() {
	t := topics[g.r.IntN(len(topics))]
	g.add("profil.md", []string{
		"title: " + quote("Profil Kelurahan "+g.site.Name),
		"summary: " + quote("Sejarah singkat, wilayah dan perangkat Kelurahan "+g.site.Name+"."),
	}, g.body(t, "Kelurahan "+g.site.Name, "")+fmt.Sprintf("\n| Keterangan | Jumlah |\n|---|---:|\n| Rukun Warga (RW) | %d |\n| Rukun Tetangga (RT) | %d |\n| Jumlah penduduk | ± %d jiwa |\n\nLihat juga halaman [kontak](kontak.md).\n", 5+g.r.IntN(10), 30+g.r.IntN(60), 5000+g.r.IntN(20000)))
	g.add("kontak.md", []string{
		"title: Kontak",
		"summary: " + quote("Cara menghubungi KIM dan Kantor Kelurahan "+g.site.Name+"."),
	}, fmt.Sprintf("Kantor Kelurahan %s buka Senin sampai Jumat, pukul 08.00–15.00 WIB.\n\nKIM %s menerima kabar dari warga melalui WhatsApp dan surel.\n", g.site.Name, g.site.Name))
}

func (g *gen) news(i, n int, photo bool) {
	t := topics[g.r.IntN(len(topics))]
	rw := g.rw()
	place := g.pick(places) + " RW " + rw
	title := fmt.Sprintf("%s di RW %s, %s", upperFirst(t.Subject), rw, g.site.Name)
	s := fmt.Sprintf("%s-rw-%s-%d", slug.Make(t.Subject), rw, i+1)
	date := g.date(i, n)
	front := []string{
		"title: " + quote(title),
		"date: " + date.Format("2006-01-02"),
		"summary: " + quote(fmt.Sprintf("%s bersama %s di %s pada %s, %d %s %d.", upperFirst(t.Activity), t.Actor, place, days[int(date.Weekday()+6)%7], date.Day(), months[date.Month()-1], date.Year())),
		"tags: " + yamlList(append([]string{"rw-" + rw}, t.Tags...)),
		"author: " + g.person(),
	}
	var link string
	switch {
	case len(g.plans) > 0 && g.r.IntN(2) == 0:
		up := "../"
		if photo {
			up = "../../"
		}
		link = fmt.Sprintf("Perkembangan usulan terkait dapat diikuti di halaman [%s](%sperencanaan/%s.md).", "rencana pembangunan", up, g.pick(g.plans))
	default:
		link = fmt.Sprintf("Dokumen pendukung dapat diunduh di [sini](/%s).", g.pick(g.docs))
	}
	rel := "berita/" + s + ".md"
	if photo {
		front = append(front, "image: foto.jpg", "image_alt: "+quote("Warga mengikuti "+t.Subject+" di "+place))
		rel = "berita/" + s + "/index.md"
		c := g.r.IntN(len(photoColors))
		if g.jpegs[c] == nil {
			g.jpegs[c] = photoJPEG(c)
		}
		g.out = append(g.out, file{"berita/" + s + "/foto.jpg", g.jpegs[c]})
	}
	g.add(rel, front, g.body(t, place, link))
}

func (g *gen) plan(i, n int, s string) {
	stages := []string{"usulan", "diverifikasi", "dianggarkan", "dikerjakan", "selesai", "ditolak", "ditunda"}
	stage := g.pick(stages)
	rw := strings.SplitN(strings.SplitN(s, "-rw-", 2)[1], "-", 2)[0]
	budget := int64(10+g.r.IntN(490)) * 1_000_000
	progress := 0
	switch stage {
	case "dikerjakan":
		progress = 10 + g.r.IntN(80)
	case "selesai":
		progress = 100
	}
	date := g.date(i, n)
	title := strings.SplitN(s, "-rw-", 2)[0]
	title = upperFirst(strings.ReplaceAll(title, "-", " ")) + " RW " + rw
	t := topics[5] // Musrenbang
	body := g.body(t, "balai RW "+rw, "") + fmt.Sprintf("## Rincian biaya\n\n| Uraian | Volume | Biaya |\n|---|---:|---:|\n| Material | 1 paket | Rp%d |\n| Upah kerja | 1 paket | Rp%d |\n\n", budget*7/10, budget*3/10)
	g.add("perencanaan/"+s+".md", []string{
		"title: " + quote(title),
		"date: " + date.Format("2006-01-02"),
		"summary: " + quote(fmt.Sprintf("Usulan warga RW %s untuk %s, dibahas dalam Musrenbang Kelurahan %s.", rw, strings.ToLower(title), g.site.Name)),
		"tags: [musrenbang, pembangunan, rw-" + rw + "]",
		fmt.Sprintf("year: %d", date.Year()+1),
		"stage: " + stage,
		fmt.Sprintf("budget: %d", budget),
		"funding: " + g.pick(fundings),
		"location: " + quote(fmt.Sprintf("Jl. %s Gang %d, RW %s", g.site.Name, 1+g.r.IntN(9), rw)),
		"rw: " + quote(rw),
		fmt.Sprintf("progress: %d", progress),
		"documents:",
		"  - title: Rencana Anggaran Biaya",
		"    file: /" + g.pick(g.docs),
	}, body)
}

func (g *gen) umkm(i int) {
	k := umkmKinds[g.r.IntN(len(umkmKinds))]
	owner := g.person()
	name := fmt.Sprintf("%s %s", k.Name, strings.Fields(owner)[0])
	s := fmt.Sprintf("%s-%d", slug.Make(name), i+1)
	wa := fmt.Sprintf("08%d-%04d-%04d", 11+g.r.IntN(89), g.r.IntN(10000), g.r.IntN(10000))
	t := topics[4]
	g.add("umkm/"+s+".md", []string{
		"title: " + quote(name),
		"summary: " + quote(fmt.Sprintf("%s milik %s di RW %s, melayani warga %s dan sekitarnya.", k.Name, owner, g.rw(), g.site.Name)),
		"tags: [umkm, " + k.Category + "]",
		"owner: " + owner,
		"category: " + k.Category,
		"whatsapp: " + quote(wa),
		"address: " + quote(fmt.Sprintf("Jl. %s No. %d, %s", g.site.Name, 1+g.r.IntN(150), g.site.Name)),
		"hours: " + quote("Senin–Sabtu, 07.00–17.00 WIB"),
		"products:",
		"  - name: " + quote(k.Product),
		fmt.Sprintf("    price: %d", (5+g.r.IntN(95))*1000),
		"  - name: " + quote(k.Product+" paket keluarga"),
		fmt.Sprintf("    price: %d", (50+g.r.IntN(150))*1000),
		"links:",
		"  instagram: https://www.instagram.com/" + strings.ReplaceAll(s, "-", ""),
	}, g.paragraph(t, "RW "+g.rw(), 3)+"\n\n"+g.paragraph(t, g.pick(places), 2)+"\n")
}

func (g *gen) check(i, n int) {
	h := hoaxes[g.r.IntN(len(hoaxes))]
	date := g.date(i, n)
	s := fmt.Sprintf("%s-%s-%d", h.Verdict, slug.Make(h.Claim), i+1)
	label := strings.ToUpper(h.Verdict[:1]) + h.Verdict[1:]
	t := topics[g.r.IntN(len(topics))]
	body := fmt.Sprintf("Pesan tentang \"%s\" beredar sejak %s, %d %s %d.\n\n## Penjelasan\n\n%s\n\n%s\n",
		strings.ToLower(h.Claim), days[int(date.Weekday()+6)%7], date.Day(), months[date.Month()-1], date.Year(),
		g.paragraph(t, "Kelurahan "+g.site.Name, 3), g.paragraph(t, g.pick(places), 2))
	g.add("cek-fakta/"+s+".md", []string{
		"title: " + quote(label+": "+h.Claim),
		"date: " + date.Format("2006-01-02"),
		"summary: " + quote("KIM "+g.site.Name+" menelusuri kabar ini bersama kelurahan."),
		"tags: [cek-fakta, sosial]",
		"claim: " + quote(h.Claim),
		"verdict: " + h.Verdict,
		"claim_source: " + h.Source,
		"checked_by: {name: Diskominfo Kota Malang, url: \"https://malangkota.go.id/\"}",
		"sources:",
		"  - title: Pengumuman resmi Kelurahan " + g.site.Name,
		"    url: https://malangkota.go.id/",
	}, body)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func fakePDF(name string, n int) []byte {
	return []byte(fmt.Sprintf("%%PDF-1.4\n%% Rencana Anggaran Biaya %d, Kelurahan %s\n%%%%EOF\n", n, name))
}

var photoColors = []color.RGBA{{0x2e, 0x7d, 0x32, 255}, {0x15, 0x65, 0xc0, 255}, {0xc6, 0x28, 0x28, 255}, {0xf9, 0xa8, 0x25, 255}}

// photoJPEG returns a small deterministic photo: a gradient in one of a few colours.
func photoJPEG(c int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 480, 320))
	base := photoColors[c%len(photoColors)]
	for y := range 320 {
		for x := range 480 {
			img.Set(x, y, color.RGBA{base.R ^ uint8(x/4), base.G ^ uint8(y/4), base.B, 255})
		}
	}
	var b bytes.Buffer
	_ = jpeg.Encode(&b, img, &jpeg.Options{Quality: 70})
	return b.Bytes()
}
