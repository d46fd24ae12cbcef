package pipeline_test

import (
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
