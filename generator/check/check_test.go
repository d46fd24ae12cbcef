package check

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kotamalang/kimsite/generator/config"
	"github.com/kotamalang/kimsite/generator/content"
	"github.com/kotamalang/kimsite/generator/diag"
	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/markdown"
	"github.com/kotamalang/kimsite/themes"
)

var now = time.Date(2026, 11, 26, 9, 0, 0, 0, locale.WIB)

// run loads a one-site tree from files (paths under content/desa/) and
// returns the problems of the build's stages and of the extra checks.
func run(t *testing.T, files map[string]string) (build, extra diag.List) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys["content/desa/"+name] = &fstest.MapFile{Data: []byte(data)}
	}
	site, problems := content.Load(fsys, &config.Site{ID: "desa", Name: "Kelurahan Desa", Path: "/desa/"}, false)
	md := markdown.New()
	for _, p := range site.Pages() {
		problems.Append(md.Render(site, p))
	}
	c := New(Options{Now: func() time.Time { return now }, Theme: themes.Default(), Root: fsys})
	extra = c.Site(site)
	extra.Sort()
	return problems, extra
}

func berita(title, date, extraFront, body string) string {
	return "---\ntitle: " + title + "\ndate: " + date + "\n" + extraFront + "---\n" + body
}

func TestChecks(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string // "path:line: [peringatan: ]message" prefixes, in order
	}{
		{
			name: "clean",
			files: map[string]string{
				"berita/a.md": berita("Kerja bakti", "2026-11-01", "", "## Jadwal\n\nLihat [jadwal](#jadwal), [isi](#isi) dan [b](b.md#hasil).\n"),
				"berita/b.md": berita("Rapat RW", "2026-11-02", "", "## Hasil\n\nSelesai.\n"),
			},
		},
		{
			name: "anchors",
			files: map[string]string{
				"berita/a.md": berita("Kerja bakti", "2026-11-01", "", "## Jadwal\n\nLihat [jadwal](#jadwl).\n\nDan [b](b.md#hasil-rapat).\n"),
				"berita/b.md": berita("Rapat RW", "2026-11-02", "", "## Hasil\n\nSelesai.\n"),
			},
			want: []string{
				`content/desa/berita/a.md:7: tautan "#jadwl" menuju bagian #jadwl yang tidak ada di content/desa/berita/a.md`,
				`content/desa/berita/a.md:9: tautan "b.md#hasil-rapat" menuju bagian #hasil-rapat`,
			},
		},
		{
			name: "read also lines from news sites",
			files: map[string]string{
				"berita/a.md": berita("Kerja bakti", "2026-11-01", "", "Warga berkumpul pukul 07.00.\nBaca Juga : Posyandu Balita RW 03 Kembali Dibuka\nKegiatan selesai siang.\n\n**BACA JUGA:** Harga cabai naik\n\nBaca juga [profil](../profil.md).\n\n```\nBaca juga: kode\n```\n"),
				"profil.md":   "---\ntitle: Profil\n---\nIsi.\n",
			},
			want: []string{
				`content/desa/berita/a.md:6: peringatan: baris "Baca Juga : Posyandu Balita RW 03 Kembali Dibuka" tersalin dari situs berita tanpa tautannya`,
				`content/desa/berita/a.md:9: peringatan: baris "**BACA JUGA:** Harga cabai naik" tersalin`,
			},
		},
		{
			name: "future date",
			files: map[string]string{
				"berita/a.md": berita("Kerja bakti", "2027-11-01", "", "Isi.\n"),
				"berita/b.md": berita("Rapat RW", "2026-11-26 08:59", "", "Isi.\n"),
			},
			want: []string{`content/desa/berita/a.md:3: peringatan: belum terbit: akan terbit Senin, 1 November 2027`},
		},
		{
			name: "alt text",
			files: map[string]string{
				"berita/a.md":     berita("Kerja bakti", "2026-11-01", "image: foto.jpg\nimage_alt: foto.jpg\n", "Isi.\n\n![Gambar 1](foto.jpg)\n\n![Warga menyapu jalan](foto.jpg)\n"),
				"berita/foto.jpg": "jpeg",
			},
			want: []string{
				`content/desa/berita/a.md:5: peringatan: keterangan gambar "foto.jpg" tidak menjelaskan isi foto`,
				`content/desa/berita/a.md:9: peringatan: teks alternatif "Gambar 1" tidak menjelaskan isi gambar`,
			},
		},
		{
			name: "duplicate titles",
			files: map[string]string{
				"berita/a.md": berita("Kerja Bakti RW 05", "2026-11-01", "", "Isi.\n"),
				"berita/b.md": berita("Kerja bakti, RW 05!", "2026-11-02", "", "Isi.\n"),
				"umkm/c.md":   "---\ntitle: Kerja bakti RW 05\ncategory: jasa\n---\n",
			},
			want: []string{`content/desa/berita/b.md:2: peringatan: judulnya sama dengan content/desa/berita/a.md`},
		},
		{
			name: "lengths",
			files: map[string]string{
				"berita/a.md": berita(strings.Repeat("Judul ", 12), "2026-11-01", "summary: "+strings.Repeat("kata ", 33)+"\n", "Isi.\n"),
			},
			want: []string{
				`content/desa/berita/a.md:2: peringatan: judul 71 huruf, lebih dari 70`,
				`content/desa/berita/a.md:4: peringatan: ringkasan 164 huruf, lebih dari 160`,
			},
		},
		{
			name: "heavy image",
			files: map[string]string{
				"static/besar.jpg": strings.Repeat("x", MaxImageBytes+1),
				"static/kecil.jpg": "x",
				"static/data.pdf":  strings.Repeat("x", MaxImageBytes+1),
			},
			want: []string{`content/desa/static/besar.jpg: peringatan: foto berukuran 1,0 MB, lebih dari 1,0 MB`},
		},
		{
			name: "photo with GPS",
			files: map[string]string{
				"static/gps.jpg":   gpsPhoto(t),
				"static/tanpa.jpg": "x",
			},
			want: []string{`content/desa/static/gps.jpg: peringatan: foto ini menyimpan lokasi GPS`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			build, extra := run(t, tc.files)
			if build.Errors() > 0 {
				t.Fatalf("the case itself does not build:\n%v", build)
			}
			if len(extra) != len(tc.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(extra), len(tc.want), extra)
			}
			for i, w := range tc.want {
				got := extra[i].String()
				if !strings.HasPrefix(got, w) {
					t.Errorf("problem %d:\n got %s\nwant %s...", i, got, w)
				}
				if extra[i].Hint == "" {
					t.Errorf("problem %d has no hint", i)
				}
			}
		})
	}
}

// gpsPhoto is a phone photo with a GPS block in its EXIF (built by the
// images tests; see generator/images/clean_test.go).
func gpsPhoto(t *testing.T) string {
	data, err := os.ReadFile("../pipeline/testdata/photos/gps.jpg")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestHostileBodyNotParsedAgain checks that a body the markdown stage
// refuses for its shape (900 KB of "[", quadratic in goldmark: tens of
// seconds) is not parsed again by the extra checks.
func TestHostileBodyNotParsedAgain(t *testing.T) {
	done := make(chan diag.List, 1)
	go func() {
		build, _ := run(t, map[string]string{"berita/a.md": berita("Kurung", "2026-11-01", "", strings.Repeat("[", 900_000))})
		done <- build
	}()
	select {
	case build := <-done:
		if len(build) != 1 || !strings.Contains(build[0].Message, "paragraf terlalu rumit") {
			t.Errorf("the markdown stage did not refuse the body: %v", build)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("checking a body of 900 KB of [ takes longer than 5 s")
	}
}
