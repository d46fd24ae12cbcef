package frontmatter

import (
	"strings"
	"testing"
	"time"

	"github.com/kotamalang/kimsite/generator/locale"
	"github.com/kotamalang/kimsite/generator/model"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		front     string
		body      string
		bodyLine  int
		wantError error
	}{
		{"plain", "---\ntitle: A\n---\nIsi\n", "title: A\n", "Isi\n", 4, nil},
		{"empty front matter", "---\n---\nIsi", "", "Isi", 3, nil},
		{"windows line endings", "---\r\ntitle: A\r\n---\r\nIsi\r\n", "title: A\r\n", "Isi\r\n", 4, nil},
		{"byte order mark", "\xef\xbb\xbf---\ntitle: A\n---\n", "title: A\n", "", 4, nil},
		{"trailing spaces on fences", "--- \ntitle: A\n---  \nIsi", "title: A\n", "Isi", 4, nil},
		{"dashes inside body stay", "---\ntitle: A\n---\nsatu\n---\ndua\n", "title: A\n", "satu\n---\ndua\n", 4, nil},
		{"no front matter", "title: A\n", "", "", 0, ErrNoFrontMatter},
		{"empty file", "", "", "", 0, ErrNoFrontMatter},
		{"unclosed", "---\ntitle: A\nIsi\n", "", "", 0, ErrUnclosed},
		{"only opening fence", "---", "", "", 0, ErrUnclosed},
		{"byte order mark on the closing fence", "---\ntitle: A\n\xef\xbb\xbf---\nIsi", "title: A\n", "Isi", 4, nil},
		{"four dashes are not a fence", "----\ntitle: A\n----\n", "", "", 0, ErrNoFrontMatter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Split([]byte(tt.in))
			if err != tt.wantError {
				t.Fatalf("error %v, want %v", err, tt.wantError)
			}
			if err != nil {
				return
			}
			if string(f.Front) != tt.front || string(f.Body) != tt.body || f.BodyLine != tt.bodyLine || f.FrontLine != 2 {
				t.Errorf("got front %q body %q bodyLine %d, want %q %q %d", f.Front, f.Body, f.BodyLine, tt.front, tt.body, tt.bodyLine)
			}
		})
	}
}

func decode(t *testing.T, yaml string, v any) (Positions, []Ref, []string) {
	t.Helper()
	pos, refs, problems := Decode("x.md", File{Front: []byte(yaml), FrontLine: 2}, v)
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Position()+": "+p.Message)
	}
	return pos, refs, msgs
}

func TestDecodeTypes(t *testing.T) {
	var f model.PerencanaanFront
	pos, refs, problems := decode(t, `title: "Saluran: tahap 2"
date: 2026-11-05 08:30
tags: [drainase, RW 02]
year: 2026
stage: dikerjakan
budget: 1250000000
rw: 02
progress: 60
documents:
  - title: RAB
    file: /dokumen/rab.pdf
`, &f)
	if len(problems) > 0 {
		t.Fatalf("unexpected problems: %v", problems)
	}
	want := time.Date(2026, 11, 5, 8, 30, 0, 0, locale.WIB)
	if f.Title != "Saluran: tahap 2" || !f.Date.Equal(want) || f.Year != 2026 || f.Budget != 1250000000 ||
		f.RW != "02" || f.Progress != 60 || len(f.Tags) != 2 || f.Documents[0].File != "/dokumen/rab.pdf" {
		t.Errorf("decoded wrong: %+v", f)
	}
	if pos.Line("documents.0.file") != 12 || pos.Line("budget") != 7 || pos.Line("nope") != 2 {
		t.Errorf("positions: %v", pos)
	}
	if len(refs) != 1 || refs[0].Key != "documents.0.file" || refs[0].Line != 12 || refs[0].Image {
		t.Errorf("refs: %+v", refs)
	}
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		v    any
		want string
	}{
		{"unknown key", "title: A\nauthr: B\n", new(model.BeritaFront), `x.md:3: kunci "authr" tidak dikenal; maksudnya "author"?`},
		{"unknown key far from any", "title: A\nzzzzzz: B\n", new(model.BeritaFront), `x.md:3: kunci "zzzzzz" tidak dikenal`},
		{"duplicate key", "title: A\ntitle: B\n", new(model.BeritaFront), `x.md:3: kunci "title" ditulis dua kali`},
		{"missing title", "summary: A\n", new(model.BeritaFront), `x.md:2: kunci "title" wajib diisi`},
		{"empty title", "title: \"\"\n", new(model.BeritaFront), `x.md:2: "title" tidak boleh kosong`},
		{"list for text", "title: [a, b]\n", new(model.BeritaFront), `x.md:2: nilai ini harus berupa teks, bukan daftar atau kelompok kunci`},
		{"text for number", "title: A\nyear: dua ribu\nstage: usulan\n", new(model.PerencanaanFront), `x.md:3: "year" harus berupa angka bulat, bukan "dua ribu"`},
		{"number out of range", "title: A\nyear: 2026\nstage: usulan\nprogress: 120\n", new(model.PerencanaanFront), `x.md:5: "progress" bernilai 120, di luar batas 0 sampai 100`},
		{"bool", "title: A\ndraft: ya\n", new(model.BeritaFront), `x.md:3: "draft" harus bernilai true atau false`},
		{"date format", "title: A\ndate: 5 November 2026\n", new(model.BeritaFront), `x.md:3: format tanggal "5 November 2026" tidak dikenali`},
		{"impossible date", "title: A\ndate: 2026-02-29\n", new(model.BeritaFront), `x.md:3: tanggal "2026-02-29" tidak ada di kalender`},
		{"enum", "title: A\nyear: 2026\nstage: selsai\n", new(model.PerencanaanFront), `x.md:4: nilai "selsai" tidak dikenal untuk "stage"; maksudnya "selesai"?`},
		{"url scheme", "title: A\ncategory: jasa\nlinks:\n  toko: javascript:alert(1)\n", new(model.UMKMFront), `x.md:5: tautan "javascript:alert(1)" ditolak: tautan harus diawali https://, http://, mailto: atau tel:`},
		{"phone", "title: A\ncategory: jasa\nwhatsapp: 12\n", new(model.UMKMFront), `x.md:4: nomor WhatsApp "12" tidak dikenali`},
		{"file is a URL", "title: A\nimage: https://contoh.id/a.jpg\n", new(model.BeritaFront), `x.md:3: "https://contoh.id/a.jpg" harus berupa nama berkas di situs ini, bukan tautan`},
		{"backslash path", "title: A\nimage: foto\\a.jpg\n", new(model.BeritaFront), `x.md:3: path "foto\\a.jpg" memakai garis miring terbalik (\)`},
		{"alias", "title: &t A\nsummary: *t\n", new(model.BeritaFront), `x.md:3: alias YAML (*nama) tidak didukung`},
		{"not a mapping", "- a\n- b\n", new(model.BeritaFront), `x.md:2: front matter harus berisi baris "kunci: nilai"`},
		{"syntax", "title: A\n  summary: B\nx\n", new(model.BeritaFront), `x.md:3:`},
		{"nested missing", "title: A\nclaim: c\nverdict: benar\nsources:\n  - url: https://a.id/\n", new(model.CekFaktaFront), `x.md:6: kunci "sources.0.title" wajib diisi`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, problems := decode(t, tt.yaml, tt.v)
			if len(problems) != 1 {
				t.Fatalf("want one problem, got %v", problems)
			}
			if !strings.HasPrefix(problems[0], tt.want) {
				t.Errorf("got  %s\nwant %s", problems[0], tt.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2020-11-05", time.Date(2020, 11, 5, 0, 0, 0, 0, locale.WIB)},
		{"2020-11-05T08:30:00+07:00", time.Date(2020, 11, 5, 8, 30, 0, 0, locale.WIB)},
		{"2020-11-05T01:30:00Z", time.Date(2020, 11, 5, 8, 30, 0, 0, locale.WIB)},
		{"2020-11-05 08:30", time.Date(2020, 11, 5, 8, 30, 0, 0, locale.WIB)},
		{"2020-11-05T08:30", time.Date(2020, 11, 5, 8, 30, 0, 0, locale.WIB)},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"2020-02-30", "05-11-2020", "2020/11/05", "kemarin", ""} {
		if _, ok := ParseDate(bad); ok {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
}
