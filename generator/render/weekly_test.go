package render

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/locale"
)

func TestWeeklyWithBuildDate(t *testing.T) {
	_, fsys := loadGolden(t)
	tests := []struct {
		today time.Time
		want  string
	}{
		{time.Date(2026, 3, 5, 23, 0, 0, 0, locale.WIB), `*Kabar pekan ini dari Kelurahan Alpha*
27 Feb 2026 – 5 Mar 2026

*PERENCANAAN*
- Rencana taman (Diverifikasi, 0%)
  https://kim.contoh.go.id/alpha/perencanaan/taman/

Selengkapnya: https://kim.contoh.go.id/alpha/
`},
		// 2026-03-07 00:30 WIB is still 6 March in UTC: the week is in WIB.
		{time.Date(2026, 3, 6, 17, 30, 0, 0, time.UTC), `*Kabar pekan ini dari Kelurahan Alpha*
1 Mar 2026 – 7 Mar 2026

*PERENCANAAN*
- Rencana taman (Diverifikasi, 0%)
  https://kim.contoh.go.id/alpha/perencanaan/taman/

Selengkapnya: https://kim.contoh.go.id/alpha/
`},
		{time.Date(2030, 1, 1, 0, 0, 0, 0, locale.WIB), `*Kabar pekan ini dari Kelurahan Alpha*
26 Des 2029 – 1 Jan 2030

Tidak ada kabar baru pekan ini.

Selengkapnya: https://kim.contoh.go.id/alpha/
`},
	}
	for _, tt := range tests {
		out := renderAll(t, fsys, tt.today)
		if got := string(out.files["alpha/"+WeeklyName]); got != tt.want {
			t.Errorf("today %v:\n%s\nwant:\n%s", tt.today, got, tt.want)
		}
	}
}

// TestOrderLink checks each product's "Pesan lewat WhatsApp" link: the
// number normalised from 08…, a message naming the product, its price and
// the page.
func TestOrderLink(t *testing.T) {
	_, out := sharedBuilds(t)
	page := string(out.files["alpha/umkm/warung-sri/index.html"])
	links := regexp.MustCompile(`href="?(https://wa\.me/[^" >]+)"?[^>]*>Pesan lewat WhatsApp`).FindAllStringSubmatch(page, -1)
	if len(links) != 2 {
		t.Fatalf("%d order links, want 2", len(links))
	}
	want := []string{
		"Halo, saya ingin memesan Nasi pecel (Rp12.000) dari Warung Bu Sri. https://kim.contoh.go.id/alpha/umkm/warung-sri/",
		"Halo, saya ingin memesan Es teh dari Warung Bu Sri. https://kim.contoh.go.id/alpha/umkm/warung-sri/",
	}
	for i, l := range links {
		u, err := url.Parse(html.UnescapeString(l[1]))
		if err != nil {
			t.Fatal(err)
		}
		if u.Path != "/6281234567890" || u.Query().Get("text") != want[i] {
			t.Errorf("order link %d: %s %q", i, u.Path, u.Query().Get("text"))
		}
	}
	for _, s := range []string{"Senin–Sabtu, 06.00–14.00 WIB", "openstreetmap.org/search?query=Jl.+Alpha+Gang+2+No.+5",
		"https://gofood.example.id/warung-sri", `alt="Nasi pecel"`, "Rp12.000"} {
		if !strings.Contains(html.UnescapeString(page), s) {
			t.Errorf("UMKM page lacks %s", s)
		}
	}
}
