package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/markdown"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Posyandu Melati RW 02", "posyandu melati rw 02"},
		{"PÓSYANDU mélati", "posyandu melati"},
		{"Jum'at Bersih", "jumat bersih"},
		{"Jalan Soekarno-Hatta", "jalan sukarno hatta"},
		{"Pak Djoko dan Bu Tjitra", "pak joko dan bu citra"},
		{"Sjahrir", "syahrir"},
		{"Café «Bu Sri»", "cafe bu sri"},
		{"Ker\u00adja bak\u200bti\u00a0RW\ufeff05 Pos\u200dyandu", "kerja bakti rw05 posyandu"},
		{"", ""},
	} {
		if got := strings.Join(Words(tc.in), " "); got != tc.want {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIndex(t *testing.T) {
	s := load(t, fstest.MapFS{
		"content/kauman/profil.md":            {Data: []byte("---\ntitle: Profil Kelurahan\n---\nKauman ada di pusat kota.\n")},
		"content/kauman/berita/posyandu.md":   {Data: []byte("---\ntitle: Posyandu Melati\ndate: 2026-11-05\ntags: [kesehatan]\n---\nImunisasi balita gratis di balai RW 02.\n")},
		"content/kauman/umkm/warung.md":       {Data: []byte("---\ntitle: Warung Bu Sri\ncategory: kuliner\nowner: Sri Wahyuni\nproducts:\n  - name: Nasi pecel\n---\n")},
		"content/kauman/cek-fakta/hoaks.md":   {Data: []byte("---\ntitle: Bansos lewat tautan\ndate: 2026-10-01\nclaim: Pendaftaran bansos lewat tautan WhatsApp\nverdict: hoaks\n---\nTidak benar.\n")},
		"content/kauman/perencanaan/jalan.md": {Data: []byte("---\ntitle: Paving gang\ndate: 2026-01-01\nyear: 2026\nstage: usulan\nlocation: Gang Soekarno\n---\n")},
	})
	data, err := Build(s)
	if err != nil {
		t.Fatal(err)
	}
	var idx Index
	if err := json.Unmarshal(data, &idx); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range idx.Pages {
		got[p[1].(string)] = fmt.Sprintf("%s|%s|%s", p[0], idx.Sections[int(p[2].(float64))], p[3])
	}
	want := map[string]string{
		"profil/":            "Profil Kelurahan|Halaman|kauman pusat kota",
		"berita/posyandu/":   "Posyandu Melati|Berita|imunisasi balita gratis balai rw 02 kesehatan",
		"umkm/warung/":       "Warung Bu Sri|UMKM|wahyuni kuliner nasi pecel",
		"cek-fakta/hoaks/":   "Bansos lewat tautan|Cek Fakta|benar pendaftaran whatsapp hoaks",
		"perencanaan/jalan/": "Paving gang|Perencanaan|sukarno rw usulan",
	}
	for url, w := range want {
		if got[url] != w {
			t.Errorf("%s: %q, want %q", url, got[url], w)
		}
	}
}

// TestSize checks the budget: the index of a 1,000-page site is at most
// 100 KB gzip. The pages are written from a kelurahan news vocabulary with
// names made up per page, so they compress no better than real ones.
func TestSize(t *testing.T) {
	vocab := strings.Fields(`kerja bakti posyandu balita lansia imunisasi saluran drainase jalan gang paving
	musrenbang usulan anggaran kelurahan kecamatan warga rukun tetangga pemuda karang taruna pkk ibu bapak
	pelatihan menjahit batik kuliner umkm pasar bazar ramadan takjil agustusan lomba festival kampung sampah
	bank daur ulang hijau taman sungai banjir genangan hujan lampu penerangan ronda siskamling keamanan
	sekolah bimbel belajar gratis anak remaja kesehatan demam berdarah fogging jumantik air bersih pdam
	sosialisasi vaksin bantuan sosial sembako zakat masjid mushola gereja balai pertemuan rapat kegiatan
	minggu pagi sore malam bulan tahun program kampung tematik wisata kopi jamur sayur hidroponik tani panen`)
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string { return vocab[rng.IntN(len(vocab))] }
	name := func() string {
		syl := []string{"su", "har", "to", "wi", "di", "ya", "ni", "ra", "ti", "mo", "ko", "sri", "na", "dar", "man", "ji", "lan"}
		n := ""
		for range 2 + rng.IntN(2) {
			n += syl[rng.IntN(len(syl))]
		}
		return strings.ToUpper(n[:1]) + n[1:]
	}
	sentence := func(n int) string {
		var w []string
		for range n {
			if rng.IntN(6) == 0 {
				w = append(w, name())
			} else {
				w = append(w, word())
			}
		}
		return strings.Join(w, " ")
	}
	fsys := fstest.MapFS{}
	for i := range 1000 {
		body := fmt.Sprintf("---\ntitle: %s RW %02d\ndate: 2026-%02d-%02d\nsummary: %s.\ntags: [%s, %s]\nauthor: %s\n---\n%s.\n\n%s.\n",
			sentence(7), rng.IntN(15)+1, rng.IntN(12)+1, rng.IntN(28)+1, sentence(22), word(), word(), name(), sentence(40), sentence(60))
		fsys[fmt.Sprintf("content/kauman/berita/berita-%04d-%s.md", i, strings.ReplaceAll(sentence(4), " ", "-"))] = &fstest.MapFile{Data: []byte(body)}
	}
	data, err := Build(load(t, fsys))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.DefaultCompression)
	w.Write(data)
	w.Close()
	t.Logf("index of 1000 pages: %d KB, %d KB gzip", len(data)>>10, gz.Len()>>10)
	if gz.Len() > 100<<10 {
		t.Errorf("index of 1000 pages is %d bytes gzip, over 100 KB", gz.Len())
	}
}

func load(t *testing.T, fsys fstest.MapFS) *content.Site {
	t.Helper()
	sc := &config.Site{ID: "kauman", Name: "Kelurahan Kauman", Kecamatan: "Klojen", Path: "/kauman/", BaseURL: "https://kim.example.id/kauman/"}
	s, problems := content.Load(fsys, sc, false)
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	md := markdown.New()
	for _, p := range s.Pages() {
		md.Render(s, p)
	}
	return s
}
