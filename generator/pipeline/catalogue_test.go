package pipeline

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// baseTree is a minimal valid repository that each catalogue case changes.
func baseTree() fstest.MapFS {
	return fstest.MapFS{
		"sites.yaml": {Data: []byte(`city: Kota Malang
base_url: https://kim.example.id/
sites:
  - id: kauman
    name: Kelurahan Kauman
    kecamatan: Klojen
`)},
		"content/kauman/_index.md":              {Data: []byte("---\ntitle: Selamat datang\n---\nHalo.\n")},
		"content/kauman/profil.md":              {Data: []byte("---\ntitle: Profil\n---\nProfil kelurahan.\n")},
		"content/kauman/static/dokumen/rab.pdf": {Data: []byte("%PDF-1.4\n")},
		"content/kauman/berita/foto.jpg":        {Data: photo()},
	}
}

// photo is a small JPEG that decodes: pages' photos are resized, so a fake
// one is a mistake of its own (see the "corrupt image" case).
func photo() []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 8, 8)), nil); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// catalogue has one case per kind of mistake a volunteer can make, with the
// exact position and message kimsite must give. Hints are checked to exist.
var catalogue = []struct {
	name  string
	files map[string]string
	want  string // "path:line: message"
}{
	{"no front matter", map[string]string{
		"content/kauman/berita/a.md": "title: Senam\n",
	}, "content/kauman/berita/a.md:1: berkas tidak diawali front matter '---'"},
	{"unclosed front matter", map[string]string{
		"content/kauman/berita/a.md": "---\ntitle: Senam\ndate: 2026-11-05\nSenam pagi bersama.\n",
	}, "content/kauman/berita/a.md:1: front matter tidak ditutup dengan baris '---'"},
	{"broken yaml", map[string]string{
		"content/kauman/berita/a.md": "---\ntitle: Senam\ndate: 2026-11-05\nsummary: Rapat RW: hasil\n---\n",
	}, "content/kauman/berita/a.md:4: front matter bukan YAML yang benar: ada titik dua (:) di tempat yang tidak terduga"},
	{"unknown key with suggestion", map[string]string{
		"content/kauman/berita/a.md": "---\ntitle: Senam\ndate: 2026-11-05\nsumary: Senam pagi\n---\n",
	}, `content/kauman/berita/a.md:4: kunci "sumary" tidak dikenal; maksudnya "summary"?`},
	{"wrong type", map[string]string{
		"content/kauman/perencanaan/a.md": "---\ntitle: Saluran\ndate: 2026-11-05\nyear: 2026\nstage: usulan\nbudget: 185.000.000\n---\n",
	}, `content/kauman/perencanaan/a.md:6: "budget" harus berupa angka bulat, bukan "185.000.000"`},
	{"missing required key", map[string]string{
		"content/kauman/berita/a.md": "---\ndate: 2026-11-05\n---\n",
	}, `content/kauman/berita/a.md:2: kunci "title" wajib diisi`},
	{"missing date", map[string]string{
		"content/kauman/berita/a.md": "---\ntitle: Senam\n---\n",
	}, `content/kauman/berita/a.md:2: kunci "date" wajib diisi`},
	{"value outside its list", map[string]string{
		"content/kauman/cek-fakta/a.md": "---\ntitle: Klarifikasi\ndate: 2026-11-05\nclaim: Air mati\nverdict: hoax\n---\n",
	}, `content/kauman/cek-fakta/a.md:5: nilai "hoax" tidak dikenal untuk "verdict"; maksudnya "hoaks"?`},
	{"impossible date", map[string]string{
		"content/kauman/berita/a.md": "---\ntitle: Senam\ndate: 2026-02-30\n---\n",
	}, `content/kauman/berita/a.md:3: tanggal "2026-02-30" tidak ada di kalender`},
	{"missing image", map[string]string{
		"content/kauman/berita/a.md": "---\ntitle: Senam\ndate: 2026-11-05\nimage: senam.jpg\nimage_alt: Warga senam\n---\n",
	}, `content/kauman/berita/a.md:4: berkas "senam.jpg" tidak ditemukan (dicari di content/kauman/berita/senam.jpg)`},
	{"missing document", map[string]string{
		"content/kauman/perencanaan/a.md": "---\ntitle: Saluran\ndate: 2026-11-05\nyear: 2026\nstage: usulan\ndocuments:\n  - title: RAB\n    file: /dokumen/rab-saluran.pdf\n---\n",
	}, `content/kauman/perencanaan/a.md:8: berkas "/dokumen/rab-saluran.pdf" tidak ditemukan (dicari di content/kauman/static/dokumen/rab-saluran.pdf)`},
	{"path leaving the site", map[string]string{
		"content/kauman/berita/a.md": "---\ntitle: Senam\ndate: 2026-11-05\nimage: ../../../sites.yaml\nimage_alt: x\n---\n",
	}, `content/kauman/berita/a.md:4: path "../../../sites.yaml" menunjuk ke luar folder situs`},
	{"broken link", map[string]string{
		"content/kauman/berita/a.md": "---\ntitle: Senam\ndate: 2026-11-05\n---\nSenam pagi.\n\nMampir ke [Warung Bu Sri](../umkm/warung-bu-sri.md).\n",
	}, `content/kauman/berita/a.md:7: tautan ke halaman "../umkm/warung-bu-sri.md" yang tidak ada (dicari di content/kauman/umkm/warung-bu-sri.md)`},
	{"NIK in text", map[string]string{
		"content/kauman/berita/a.md": "---\ntitle: Bantuan\ndate: 2026-11-05\n---\nPenerima: Ibu Sri, NIK 3573014506900001.\n",
	}, `content/kauman/berita/a.md:5: angka 3573xxxxxxxxxx01 tampak seperti NIK atau nomor KK`},
	{"javascript URL", map[string]string{
		"content/kauman/berita/a.md": "---\ntitle: Senam\ndate: 2026-11-05\n---\nKlik [di sini](javascript:alert(1)).\n",
	}, `content/kauman/berita/a.md:5: tautan "javascript:alert(1)" ditolak: tautan harus diawali https://, http://, mailto: atau tel:`},
	{"bad URL in front matter", map[string]string{
		"content/kauman/cek-fakta/a.md": "---\ntitle: Klarifikasi\ndate: 2026-11-05\nclaim: Air mati\nverdict: hoaks\nsources:\n  - title: Sumber\n    url: data:text/html,hai\n---\n",
	}, `content/kauman/cek-fakta/a.md:8: tautan "data:text/html,hai" ditolak: tautan harus diawali https://, http://, mailto: atau tel:`},
	{"image without alt text", map[string]string{
		"content/kauman/berita/a.md": "---\ntitle: Senam\ndate: 2026-11-05\nimage: foto.jpg\n---\n",
	}, `content/kauman/berita/a.md:4: gambar utama belum punya keterangan (image_alt)`},
	{"corrupt image", map[string]string{
		"content/kauman/berita/a.md":      "---\ntitle: Senam\ndate: 2026-11-05\nimage: rusak.jpg\nimage_alt: Senam pagi\n---\n",
		"content/kauman/berita/rusak.jpg": "\xff\xd8\xff\xe0 terpotong",
	}, `content/kauman/berita/a.md:4: gambar "rusak.jpg": gambar rusak atau formatnya tidak dikenali`},
	{"image in the text over 40 megapixels", map[string]string{
		"content/kauman/berita/a.md":      "---\ntitle: Senam\ndate: 2026-11-05\n---\nSenam pagi.\n\n![Spanduk](besar.png)\n",
		"content/kauman/berita/besar.png": "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x1f\x40\x00\x00\x17\x70\x08\x02\x00\x00\x00\xbe\x06\x73\x69",
	}, `content/kauman/berita/a.md:7: gambar "besar.png": gambar terlalu besar: 8000×6000 piksel (48 megapiksel; paling besar 40 megapiksel)`},
	{"unknown section folder", map[string]string{
		"content/kauman/beritaa/a.md": "---\ntitle: Senam\ndate: 2026-11-05\n---\n",
	}, `content/kauman/beritaa: folder "beritaa" bukan bagian yang dikenal; maksudnya "berita"?`},
	{"duplicate URL", map[string]string{
		"content/kauman/berita/Kerja Bakti.md": "---\ntitle: Kerja bakti\ndate: 2026-11-05\n---\n",
		"content/kauman/berita/kerja-bakti.md": "---\ntitle: Kerja bakti lagi\ndate: 2026-11-06\n---\n",
	}, `content/kauman/berita/kerja-bakti.md: alamat /berita/kerja-bakti/ sudah dipakai oleh content/kauman/berita/Kerja Bakti.md`},
	{"sites.yaml unknown key", map[string]string{
		"sites.yaml": "city: Kota Malang\nbase_url: https://kim.example.id/\nsites:\n  - id: kauman\n    name: Kelurahan Kauman\n    kecamatan: Klojen\n    kecamtan: Klojen\n",
	}, `sites.yaml:7: kunci "kecamtan" tidak dikenal; maksudnya "kecamatan"?`},
	{"sites.yaml duplicate id", map[string]string{
		"sites.yaml": "city: Kota Malang\nbase_url: https://kim.example.id/\nsites:\n  - id: kauman\n    name: Kelurahan Kauman\n    kecamatan: Klojen\n  - id: kauman\n    name: Kelurahan Kauman 2\n    kecamatan: Klojen\n",
	}, `sites.yaml:7: id "kauman" sudah dipakai kelurahan lain di baris 4`},
	{"site without folder", map[string]string{
		"sites.yaml": "city: Kota Malang\nbase_url: https://kim.example.id/\nsites:\n  - id: kauman\n    name: Kelurahan Kauman\n    kecamatan: Klojen\n  - id: oro-oro-dowo\n    name: Kelurahan Oro-oro Dowo\n    kecamatan: Klojen\n",
	}, `sites.yaml:7: kelurahan "oro-oro-dowo" tidak punya folder content/oro-oro-dowo/`},
	{"folder without site", map[string]string{
		"content/samaan/_index.md": "---\ntitle: Samaan\n---\n",
	}, `sites.yaml:3: folder content/samaan/ tidak terdaftar di sites.yaml`},
}

func treeWith(files map[string]string) fstest.MapFS {
	fsys := baseTree()
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestErrorCatalogue(t *testing.T) {
	for _, c := range catalogue {
		t.Run(c.name, func(t *testing.T) {
			_, problems, err := Run(Options{FS: treeWith(c.files)})
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) != 1 {
				t.Fatalf("want exactly one problem, got %d:\n%v", len(problems), problems)
			}
			p := problems[0]
			if got := p.Position() + ": " + p.Message; got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
			if p.Hint == "" {
				t.Errorf("%s: no hint telling the volunteer how to fix it", c.want)
			}
		})
	}
}

// TestEveryMistakeAtOnce puts every content mistake of the catalogue in one
// tree, each case's file renamed apart, and expects all of them from one run.
func TestEveryMistakeAtOnce(t *testing.T) {
	fsys := baseTree()
	var want []string
	for i, c := range catalogue {
		if _, ok := c.files["sites.yaml"]; ok {
			continue // sites.yaml mistakes replace the whole file
		}
		rename := strings.NewReplacer("/a.md", fmt.Sprintf("/kasus-%d.md", i))
		for name, data := range c.files {
			fsys[rename.Replace(name)] = &fstest.MapFile{Data: []byte(data)}
		}
		want = append(want, rename.Replace(c.want))
	}
	_, problems, err := Run(Options{FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.Position()+": "+p.Message)
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("one run over every mistake:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
