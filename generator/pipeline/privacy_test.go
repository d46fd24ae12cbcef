package pipeline_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kotamalang/kimsite/generator/pipeline"
)

const nik = "3573014506900001"

// TestIdentityNumbers checks the NIK/KK check end to end: an identity
// number is an error at its line, with the number masked; numbers people
// really write (phones, budgets, dates, order numbers) are not; and a
// number the maintainers allow in sites.yaml passes.
func TestIdentityNumbers(t *testing.T) {
	page := "---\ntitle: Bantuan\ndate: 2026-11-05\nsummary: Pendataan warga\n---\nParagraf.\n\nPenerima: Budi, NIK " + nik + ".\n"
	run := func(sites, page string) []string {
		fsys := tree(map[string]string{"sites.yaml": sites, "content/kauman/_index.md": "---\ntitle: K\n---\n", "content/kauman/berita/a.md": page})
		_, problems, err := pipeline.Run(pipeline.Options{FS: fsys})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range problems {
			got = append(got, p.Position()+": "+p.Message)
		}
		return got
	}

	got := run(okSites, page)
	if len(got) != 1 || got[0] != `content/kauman/berita/a.md:8: angka 3573xxxxxxxxxx01 tampak seperti NIK atau nomor KK` {
		t.Errorf("identity number: got %q", got)
	}

	ordinary := "---\ntitle: Rapat\ndate: 2026-11-05\nbudget: 0\n---\n" +
		"Hubungi 0812-3456-7890, +62 812 3456 7890 atau (0341) 551234.\n\n" +
		"Anggaran Rp1.250.000.000 (Rp3.573.014.506.900.001 total kota), pagu 185000000.\n\n" +
		"Rapat 05-11-2026 pukul 2026-11-05T08:30:00+07:00, stempel 20261105083000.\n\n" +
		"Nomor pesanan: " + nik + ". Invoice #3573 0145 0690 0001. ID transaksi " + nik + ".\n\n" +
		"Rekening BCA 1234 5678 9012 3456, kartu 4111 1111 1111 1111.\n"
	ordinary = strings.Replace(ordinary, "budget: 0\n", "", 1)
	if got := run(okSites, ordinary); len(got) != 0 {
		t.Errorf("ordinary numbers: got %q", got)
	}

	allowed := strings.Replace(okSites, "sites:\n", "allow_numbers:\n  - number: \""+nik+"\"\n    reason: nomor registrasi koperasi, bukan NIK\nsites:\n", 1)
	if got := run(allowed, page); len(got) != 0 {
		t.Errorf("allowed number: got %q", got)
	}
	for sites, want := range map[string]string{
		strings.Replace(okSites, "sites:\n", "allow_numbers:\n  - number: \"3573 0145 0690 0001\"\n    reason: x\nsites:\n", 1): "sites.yaml:4: ",
		strings.Replace(okSites, "sites:\n", "allow_numbers:\n  - number: \""+nik+"\"\nsites:\n", 1):                            "sites.yaml:4: kunci \"allow_numbers.0.reason\" wajib diisi",
	} {
		if got := run(sites, page); !strings.Contains(strings.Join(got, "\n"), want) {
			t.Errorf("allow_numbers: want %q, got %q", want, got)
		}
	}
}

// TestHiddenIdentityNumbers hides an identity number in each way a reader
// (or a URL) still shows it, and expects an error naming the file and the
// line, from check and from build alike; a build with an error writes
// nothing.
func TestHiddenIdentityNumbers(t *testing.T) {
	const front = "---\ntitle: Bantuan\ndate: 2026-11-05\n---\n"
	page := func(body string) map[string]string {
		return map[string]string{"content/kauman/berita/a.md": front + "Paragraf.\n\n" + body + "\n"}
	}
	const masked = "3573xxxxxxxxxx01"
	tests := []struct {
		name  string
		files map[string]string
		at    string // the expected position
	}{
		{"dots", page("NIK 3573.0145.0690.0001"), "content/kauman/berita/a.md:7"},
		{"pairs", page("35 73 01 45 06 90 0001"), "content/kauman/berita/a.md:7"},
		{"tabs", page("3573\t0145\t0690\t0001"), "content/kauman/berita/a.md:7"},
		{"no-break spaces", page("3573\u00a00145\u00a00690\u00a00001"), "content/kauman/berita/a.md:7"},
		{"en dashes", page("3573\u20130145\u20130690\u20130001"), "content/kauman/berita/a.md:7"},
		{"emphasis", page("35**73**01*45*06~~90~~0001"), "content/kauman/berita/a.md:7"},
		{"code span", page("3573`0145`06900001"), "content/kauman/berita/a.md:7"},
		{"comment", page("3573<!-- x -->0145<!---->06900001"), "content/kauman/berita/a.md:7"},
		{"inline HTML", page("3573<span>0145</span>0690<b></b>0001"), "content/kauman/berita/a.md:7"},
		{"entities", page("&#51;&#x35;&#55;3014506900001"), "content/kauman/berita/a.md:7"},
		{"zero-width", page("3573\u200b0145\u200d0690\u00ad0001"), "content/kauman/berita/a.md:7"},
		{"full-width", page("\uff13\uff15\uff17\uff13\uff10\uff11\uff14\uff15\uff10\uff16\uff19\uff10\uff10\uff10\uff10\uff11"), "content/kauman/berita/a.md:7"},
		// Only the rendered page joins the lines; the line holding most of the number is named.
		{"link text across lines", page("Data: [3573\n0145](https://contoh.id/)06900001"), "content/kauman/berita/a.md:8"},
		{"link URL", page("[data](https://contoh.id/?nik=%33%35%37%33014506900001)"), "content/kauman/berita/a.md:7"},
		{"image alt", page("![3573 0145 0690 0001](https://contoh.id/a.jpg)"), "content/kauman/berita/a.md:7"},
		{"front matter \\x escapes", map[string]string{"content/kauman/berita/a.md": "---\ntitle: Bantuan\ndate: 2026-11-05\nsummary: \"\\x33\\x35\\x37\\x33\\x30\\x31\\x34\\x35\\x30\\x36\\x39\\x30\\x30\\x30\\x30\\x31\"\n---\nIsi.\n"},
			"content/kauman/berita/a.md:4"},
		{"front matter \\u escapes", map[string]string{"content/kauman/berita/a.md": "---\ntitle: Bantuan\ndate: 2026-11-05\nsummary: \"\\u0033\\u0035\\u00373014506900001\"\n---\nIsi.\n"},
			"content/kauman/berita/a.md:4"},
		{"front matter folded", map[string]string{"content/kauman/berita/a.md": "---\ntitle: Bantuan\ndate: 2026-11-05\nsummary: >-\n  3573014506\n  900001\n---\nIsi.\n"},
			"content/kauman/berita/a.md:4"},
		{"tag address", map[string]string{"content/kauman/berita/a.md": "---\ntitle: Bantuan\ndate: 2026-11-05\ntags: [\"3573\u00b70145\u00b70690\u00b70001\"]\n---\nIsi.\n"},
			"content/kauman/berita/a.md:4"},
		{"file name", map[string]string{"content/kauman/berita/3573014506900001.md": front + "Isi.\n"}, "content/kauman/berita/3573014506900001.md"},
		{"folder name", map[string]string{"content/kauman/berita/warga-3573-0145-0690-0001/index.md": front + "Isi.\n"}, "content/kauman/berita/warga-3573-0145-0690-0001/index.md"},
		{"static file name", map[string]string{"content/kauman/static/3573.0145.0690.0001.pdf": "%PDF"}, "content/kauman/static/3573.0145.0690.0001.pdf"},
		{"static CSV", map[string]string{"content/kauman/static/penerima.csv": "nama,nik\nBudi,3573 0145 0690 0001\n"}, "content/kauman/static/penerima.csv:2"},
		{"static SVG", map[string]string{"content/kauman/static/peta.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<text>&#51;5730145<tspan>06900001</tspan></text></svg>\n"}, "content/kauman/static/peta.svg:2"},
		{"static JSON escapes", map[string]string{"content/kauman/static/data.json": "[\n{\"nik\": \"\\u0033\\u0035\\u00373014506900001\"}\n]\n"}, "content/kauman/static/data.json:2"},
		{"percent-escaped file name", map[string]string{"content/kauman/static/%33%35%37%33014506900001.pdf": "%PDF"}, "content/kauman/static/%33%35%37%33014506900001.pdf"},
		{"sites.yaml escape", map[string]string{"sites.yaml": strings.Replace(okSites, "    kecamatan: Klojen\n", "    kecamatan: Klojen\n    contact: {address: \"\\x33\\x35\\x37\\x33014506900001\"}\n", 1)}, "sites.yaml:7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"sites.yaml": okSites, "content/kauman/_index.md": "---\ntitle: K\n---\n"}
			for name, data := range tt.files {
				files[name] = data
			}
			for _, out := range []string{"", filepath.Join(t.TempDir(), "public")} {
				_, problems, err := pipeline.Run(pipeline.Options{FS: tree(files), Out: out})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, p := range problems {
					got = append(got, p.Position()+": "+p.Message)
				}
				if len(got) != 1 || !strings.HasPrefix(got[0], tt.at+": ") || !strings.Contains(got[0], masked) {
					t.Errorf("out %q: got %q, want one problem at %s about %s", out, got, tt.at, masked)
				}
				if _, err := os.Stat(out); out != "" && err == nil {
					t.Errorf("build wrote %s despite the problem", out)
				}
			}
		})
	}
}

// TestIdentityNumbersEachPlace reports the same number at every line that
// shows it, the escaped front matter value included, so that a volunteer
// fixes them all in one round.
func TestIdentityNumbersEachPlace(t *testing.T) {
	page := "---\ntitle: Uji\ndate: 2026-11-05\nsummary: \"\\u0033\\u0035\\u00373014506900001\"\ntags: [\"3573014506900001\"]\n---\nPenerima: 35 73 01 45 06 90 0001.\n"
	files := map[string]string{"sites.yaml": okSites, "content/kauman/_index.md": "---\ntitle: K\n---\n", "content/kauman/berita/a.md": page}
	_, problems, err := pipeline.Run(pipeline.Options{FS: tree(files)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.Position())
	}
	want := []string{"content/kauman/berita/a.md:4", "content/kauman/berita/a.md:5", "content/kauman/berita/a.md:7"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
