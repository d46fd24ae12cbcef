package frontmatter

import (
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/model"
)

// TestVolunteerWords: a volunteer's Indonesian key, a key with invisible
// characters, a hand-written date and a quote left open each get one
// message at the line to fix, with the exact replacement.
func TestVolunteerWords(t *testing.T) {
	tests := []struct {
		name  string
		front model.Front
		yaml  string
		want  []string // "line: message | hint" prefixes, in order
	}{
		{"judul replaces title", new(model.BeritaFront), "judul: Kerja bakti\ndate: 2026-11-05\n",
			[]string{"2: kunci \"judul\" tidak dikenal; kunci front matter ditulis dalam bahasa Inggris: \"title\" | Ganti `judul:` dengan `title:`."}},
		{"tanggal is date, not tags", new(model.BeritaFront), "title: A\ntanggal: 2026-11-05\n",
			[]string{"3: kunci \"tanggal\" tidak dikenal; kunci front matter ditulis dalam bahasa Inggris: \"date\" | Ganti `tanggal:` dengan `date:`."}},
		{"two words with a space", new(model.BeritaFront), "title: A\nKeterangan Gambar: x\n",
			[]string{"3: kunci \"Keterangan Gambar\" tidak dikenal; kunci front matter ditulis dalam bahasa Inggris: \"image_alt\" | Ganti `Keterangan Gambar:` dengan `image_alt:`."}},
		{"penulis is author", new(model.BeritaFront), "title: A\npenulis: Sri\n",
			[]string{"3: kunci \"penulis\" tidak dikenal; kunci front matter ditulis dalam bahasa Inggris: \"author\" | Ganti `penulis:` dengan `author:`."}},
		{"a word of another section is not suggested", new(model.BeritaFront), "title: A\npemilik: Sri\n",
			[]string{"3: kunci \"pemilik\" tidak dikenal | Kunci yang dikenal di sini:"}},
		{"sumber dana", new(model.PerencanaanFront), "title: A\ndate: 2026-01-01\nyear: 2026\nstage: usulan\nsumber dana: APBD\n",
			[]string{"6: kunci \"sumber dana\" tidak dikenal; kunci front matter ditulis dalam bahasa Inggris: \"funding\" | Ganti `sumber dana:` dengan `funding:`."}},
		{"one word, the key its place knows", new(model.CekFaktaFront), "title: A\ndate: 2026-01-01\nclaim: x\nverdict: hoaks\nsources:\n  - judul: Siaran pers\n    tautan: https://malangkota.go.id/\n",
			[]string{"7: kunci \"judul\" tidak dikenal; kunci front matter ditulis dalam bahasa Inggris: \"title\" | Ganti `judul:` dengan `title:`.",
				"8: kunci \"tautan\" tidak dikenal; kunci front matter ditulis dalam bahasa Inggris: \"url\" | Ganti `tautan:` dengan `url:`."}},
		{"curly quotes around a value and a no-break space in a date", new(model.BeritaFront), "title: “Kerja bakti”\ndate: “2026-11-05\u00a008:30”\n", nil},
		{"capitalised English key", new(model.BeritaFront), "Title: A\n",
			[]string{"2: kunci \"Title\" ditulis dengan huruf kecil dan garis bawah: \"title\" | Ganti `Title:` dengan `title:`."}},
		{"typo still suggested", new(model.BeritaFront), "titel: A\n",
			[]string{"2: kunci \"titel\" tidak dikenal; maksudnya \"title\"? | Ganti `titel:` dengan `title:`."}},
		{"far word not suggested", new(model.BeritaFront), "title: A\nxyzabc: b\n",
			[]string{"3: kunci \"xyzabc\" tidak dikenal | Kunci"}},
		{"zero-width space in key", new(model.BeritaFront), "\u200btitle: A\nsummary\u00a0: b\n“tags”: [a]\n", nil},
		{"unclosed quote points at its line", new(model.BeritaFront), "title: \"Kerja bakti\ndate: 2026-11-05\nsummary: x\ntags: [a]\n",
			[]string{"2: front matter bukan YAML yang benar: ada tanda kutip atau kurung yang tidak ditutup | Ganti `\"Kerja bakti` dengan `\"Kerja bakti\"`"}},
		{"unclosed bracket points at its line", new(model.BeritaFront), "title: A\ntags: [a, b\ndate: 2026-11-05\nsummary: x\n",
			[]string{"3: front matter bukan YAML yang benar: ada tanda kutip atau kurung yang tidak ditutup | Ganti `[a, b` dengan `[a, b]`"}},
		{"money and percentages", new(model.PerencanaanFront), "title: A\ndate: 2026-01-01\nyear: 2026\nstage: usulan\nbudget: Rp185.000.000\nprogress: 50%\n",
			[]string{"6: \"budget\" harus berupa angka bulat, bukan \"Rp185.000.000\" | Ganti `Rp185.000.000` dengan `185000000`",
				"7: \"progress\" harus berupa angka bulat, bukan \"50%\" | Ganti `50%` dengan `50`"}},
		{"a decimal is not guessed", new(model.PerencanaanFront), "title: A\ndate: 2026-01-01\nyear: 2026\nstage: usulan\nprogress: 2.5\n",
			[]string{"6: \"progress\" harus berupa angka bulat, bukan \"2.5\" | Tulis tanpa titik"}},
		{"one tag is a list of one", new(model.BeritaFront), "title: A\ndate: 2026-01-01\ntags: posyandu\n",
			[]string{"4: \"tags\" harus berupa daftar | Ganti `posyandu` dengan `[posyandu]`"}},
		{"enum in capitals", new(model.UMKMFront), "title: A\ncategory: Kuliner\n",
			[]string{"3: nilai \"Kuliner\" tidak dikenal untuk \"category\"; maksudnya \"kuliner\"? | Ganti `Kuliner` dengan `kuliner`"}},
		{"colon inside curly quotes", new(model.BeritaFront), "date: 2026-11-05\ntitle: “Rapat RW: hasil”\n",
			[]string{"3: front matter bukan YAML yang benar: ada titik dua (:) di dalam nilai yang diapit tanda kutip miring (“ ”) | Ganti `“Rapat RW: hasil”` dengan `\"Rapat RW: hasil\"`"}},
		{"day-first date", new(model.BeritaFront), "title: A\ndate: 05-11-2026\n",
			[]string{"3: format tanggal \"05-11-2026\" tidak dikenali | Ganti `05-11-2026` dengan `2026-11-05` (TAHUN-BULAN-TANGGAL)."}},
		{"date in words with a time", new(model.BeritaFront), "title: A\ndate: 5 November 2026 8.30 WIB\n",
			[]string{"3: format tanggal \"5 November 2026 8.30 WIB\" tidak dikenali | Ganti `5 November 2026 8.30 WIB` dengan `2026-11-05 08:30`"}},
		{"other date shows the everyday form", new(model.BeritaFront), "title: A\ndate: besok\n",
			[]string{"3: format tanggal \"besok\" tidak dikenali | Tulis TAHUN-BULAN-TANGGAL, mis. 2026-11-05, atau dengan jam: 2026-11-05 08:30."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, problems := Decode("x.md", File{Front: []byte(tt.yaml), FrontLine: 2}, tt.front)
			var got []string
			for _, p := range problems {
				got = append(got, strings.TrimPrefix(p.Position(), "x.md:")+": "+p.Message+" | "+p.Hint)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("got  %s\nwant %s", got[i], tt.want[i])
				}
			}
		})
	}
}

func TestCurlyValues(t *testing.T) {
	var f model.BeritaFront
	Decode("x.md", File{Front: []byte("title: “Kerja bakti”\nsummary: “Rapat” RW 05 dan “Posyandu”\n"), FrontLine: 2}, &f)
	if f.Title != "Kerja bakti" || f.Summary != "“Rapat” RW 05 dan “Posyandu”" {
		t.Errorf("title %q, summary %q", f.Title, f.Summary)
	}
}
