package render

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kotamalang/kimsite/generator/locale"
)

// TestAgendaAtNow renders a site at a fixed clock and checks what each
// page shows of its events.
func TestAgendaAtNow(t *testing.T) {
	fsys := fstest.MapFS{
		"sites.yaml":                          {Data: []byte("city: Kota Malang\nbase_url: https://kim.example.id/\nsites:\n  - id: kauman\n    name: Kelurahan Kauman\n    kecamatan: Klojen\n")},
		"content/kauman/agenda/lewat.md":      {Data: []byte("---\ntitle: Acara lewat\nstart: 2026-11-30 08:00\nend: 2026-11-30 10:00\n---\n")},
		"content/kauman/agenda/besok.md":      {Data: []byte("---\ntitle: Acara besok\nstart: 2026-12-05 08:00\nlocation: Balai RW\n---\n")},
		"content/kauman/agenda/jauh.md":       {Data: []byte("---\ntitle: Acara jauh\nstart: 2026-12-11 08:00\n---\n")},
		"content/kauman/agenda/musrenbang.md": {Data: []byte("---\ntitle: Rapat Musrenbang\ntags: [Musrenbang]\nstart: 2027-01-14 08:00\n---\n")},
	}
	for i := range 50 {
		fsys[fmt.Sprintf("content/kauman/agenda/banyak-%02d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: Banyak %02d\nstart: 2027-02-%02d 08:00\n---\n", i, 1+i%28)}
	}
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, locale.WIB)
	out := renderAll(t, fsys, now)
	page := func(name string) string {
		t.Helper()
		data, ok := out.files[name]
		if !ok {
			t.Fatalf("%s not written", name)
		}
		return string(data)
	}

	list := page("kauman/agenda/index.html")
	events := list[strings.Index(list, `<ul class="events">`):]
	events = events[:strings.Index(events, "</ul>")]
	if n := strings.Count(events, "<li>"); n != upcomingMax {
		t.Errorf("the agenda lists %d dates, want the first %d", n, upcomingMax)
	}
	if strings.Contains(list, "Acara lewat") || !strings.Contains(list, "Acara besok") || !strings.Contains(list, "/kauman/agenda/2026/") {
		t.Error("the agenda list does not split at now, or has no link to the past year")
	}
	home := page("kauman/index.html")
	if !strings.Contains(home, "Acara besok") || strings.Contains(home, "Acara jauh") || strings.Contains(home, "Acara lewat") {
		t.Error("the home page's week is not the seven days from now")
	}
	if plan := page("kauman/perencanaan/index.html"); !strings.Contains(plan, "Rapat Musrenbang") || strings.Contains(plan, "Acara besok") {
		t.Error("the planning overview does not list exactly the Musrenbang meetings")
	}
	past := page("kauman/agenda/lewat/index.html")
	if !strings.Contains(past, "Sudah lewat") || strings.Contains(past, "Ingatkan via WhatsApp") {
		t.Error("a past event's page offers a reminder or does not say it is over")
	}
	next := page("kauman/agenda/besok/index.html")
	if !strings.Contains(next, "Sabtu, 5 Desember 2026, 08.00 WIB") || !strings.Contains(next, "Ingatkan via WhatsApp") {
		t.Errorf("the coming event's page lacks its date or its reminder")
	}
	if portal := page("index.html"); !strings.Contains(portal, "Acara besok") {
		t.Error("the portal's week lacks the kelurahan's event")
	}
	if city := page("agenda/index.html"); !strings.Contains(city, "Rapat Musrenbang") || strings.Contains(city, "Acara lewat") {
		t.Error("the city agenda does not list what is coming")
	}
}
