// Package model is the content model: the front matter each kind of page
// takes, as Go structs.
//
// The structs are the single source of truth. Their tags drive the strict
// front matter decoder (package frontmatter), the scaffolding of new pages,
// and the web editor's configuration, so a field added here appears in all of
// them. Tags:
//
//	yaml:"key"            the front matter key
//	required:"true"       the key must be present and non-empty
//	enum:"a,b,c"          the value must be one of these
//	kind:"url"            http(s), mailto or tel only
//	kind:"file"           a file path, relative to the page or, from "/", to static/
//	kind:"image"          like file, but a JPEG, PNG, GIF or WebP image
//	kind:"phone"          a phone number (WhatsApp)
//	kind:"day"            a date without a time of day
//	kind:"repeat-on"      the day a recurring event falls on, read by AgendaFront.Check
//	min:"0" max:"100"     bounds for a number
//	label:"..." hint:"..." Bahasa Indonesia, for people filling the field in
//	keys:"a,b"            for a map: the keys the web editor offers
package model

import "time"

// Section names, as folders under content/<site>/.
const (
	Berita      = "berita"
	Perencanaan = "perencanaan"
	UMKM        = "umkm"
	CekFakta    = "cek-fakta"
	Agenda      = "agenda"
)

// Sections lists every section in the order sites show them.
var Sections = []SectionSpec{
	{Name: Berita, Title: "Berita", DateRequired: true, New: func() Front { return new(BeritaFront) }},
	{Name: Agenda, Title: "Agenda", DateRequired: false, New: func() Front { return new(AgendaFront) }},
	{Name: Perencanaan, Title: "Perencanaan", DateRequired: true, New: func() Front { return new(PerencanaanFront) }},
	{Name: UMKM, Title: "UMKM", DateRequired: false, New: func() Front { return new(UMKMFront) }},
	{Name: CekFakta, Title: "Cek Fakta", DateRequired: true, New: func() Front { return new(CekFaktaFront) }},
}

// SectionSpec describes one section: its folder name, its title and the
// front matter its pages take.
type SectionSpec struct {
	Name         string
	Title        string
	DateRequired bool
	New          func() Front // a fresh front matter value to decode into
}

// Section returns the spec for a section folder name, and whether it exists.
func Section(name string) (SectionSpec, bool) {
	for _, s := range Sections {
		if s.Name == name {
			return s, true
		}
	}
	return SectionSpec{}, false
}

// SectionNames lists the section folder names.
func SectionNames() []string {
	names := make([]string, len(Sections))
	for i, s := range Sections {
		names[i] = s.Name
	}
	return names
}

// PlainNew returns the front matter value for plain pages and the home page.
func PlainNew() Front { return new(PlainFront) }

// Front is implemented by every front matter struct; it gives access to the
// keys every page shares.
type Front interface {
	Base() *Common
}

// Common holds the keys every page takes.
type Common struct {
	Title    string   `yaml:"title" required:"true" label:"Judul" hint:"Judul singkat yang jelas, paling banyak 70 huruf."`
	Date     Date     `yaml:"date" label:"Tanggal" hint:"Tanggal terbit, mis. 2026-11-05 (WIB)."`
	Summary  string   `yaml:"summary" label:"Ringkasan" hint:"Satu atau dua kalimat untuk daftar dan pratinjau WhatsApp, paling banyak 160 huruf."`
	Tags     []string `yaml:"tags" label:"Tag" hint:"Kata kunci, mis. [kesehatan, posyandu]."`
	Image    string   `yaml:"image" kind:"image" label:"Gambar utama" hint:"Nama berkas foto di samping halaman ini, atau /nama.jpg dari folder static/."`
	ImageAlt string   `yaml:"image_alt" label:"Keterangan gambar" hint:"Jelaskan isi foto untuk pembaca tunanetra."`
	Draft    bool     `yaml:"draft" label:"Draf" hint:"true bila belum boleh terbit."`
}

// Base returns the shared keys.
func (c *Common) Base() *Common { return c }

// PlainFront is the front matter of plain pages (profil, kontak) and of the
// home page's _index.md.
type PlainFront struct {
	Common `yaml:",inline"`
}

// BeritaFront is a news item.
type BeritaFront struct {
	Common `yaml:",inline"`
	Author string `yaml:"author" label:"Penulis" hint:"Nama anggota KIM yang menulis berita ini."`
}

// Stages of a planning item, in the order an item moves through them.
// Ditolak and ditunda stand apart from that path.
var Stages = []string{"usulan", "diverifikasi", "dianggarkan", "dikerjakan", "selesai", "ditolak", "ditunda"}

// PerencanaanFront is a development planning item: a Musrenbang proposal or a
// project, followed from proposal to completion.
type PerencanaanFront struct {
	Common    `yaml:",inline"`
	Year      int        `yaml:"year" required:"true" min:"2000" max:"2100" label:"Tahun anggaran" hint:"Tahun anggaran, mis. 2026."`
	Stage     string     `yaml:"stage" required:"true" enum:"usulan,diverifikasi,dianggarkan,dikerjakan,selesai,ditolak,ditunda" label:"Tahap" hint:"Tahap sekarang."`
	Budget    int64      `yaml:"budget" min:"0" label:"Anggaran (Rp)" hint:"Angka rupiah tanpa titik, mis. 185000000."`
	Funding   string     `yaml:"funding" label:"Sumber dana" hint:"Mis. APBD Kota, APBN, CSR, Swadaya."`
	Location  string     `yaml:"location" label:"Lokasi" hint:"Mis. Jl. Kauman Gang 3."`
	RW        string     `yaml:"rw" label:"RW" hint:"Nomor RW, mis. 02."`
	Progress  int        `yaml:"progress" min:"0" max:"100" label:"Kemajuan (%)" hint:"0 sampai 100."`
	Documents []Document `yaml:"documents" label:"Dokumen" hint:"Dokumen perencanaan yang bisa diunduh warga."`
}

// Document is a file published with a planning item.
type Document struct {
	Title string `yaml:"title" required:"true" label:"Judul dokumen" hint:"Mis. Rencana Anggaran Biaya."`
	File  string `yaml:"file" required:"true" kind:"file" label:"Berkas" hint:"Mis. /dokumen/rab.pdf (dari folder static/)."`
}

// Categories of a UMKM.
var Categories = []string{"kuliner", "kerajinan", "fashion", "jasa", "pertanian", "lainnya"}

// UMKMFront is one micro-business in the kelurahan's marketplace.
type UMKMFront struct {
	Common   `yaml:",inline"`
	Owner    string            `yaml:"owner" label:"Pemilik" hint:"Nama pemilik usaha."`
	Category string            `yaml:"category" required:"true" enum:"kuliner,kerajinan,fashion,jasa,pertanian,lainnya" label:"Kategori" hint:"Jenis usaha."`
	WhatsApp string            `yaml:"whatsapp" kind:"phone" label:"WhatsApp" hint:"Nomor WhatsApp usaha, mis. 0812-3456-7890."`
	Address  string            `yaml:"address" label:"Alamat" hint:"Alamat usaha."`
	Hours    string            `yaml:"hours" label:"Jam buka" hint:"Mis. Senin–Sabtu, 07.00–15.00 WIB."`
	Products []Product         `yaml:"products" label:"Produk" hint:"Produk dan harganya."`
	Links    map[string]string `yaml:"links" kind:"url" keys:"instagram,facebook,tiktok,tokopedia,shopee,gofood,grabfood,website" label:"Tautan toko daring" hint:"Mis. instagram: https://instagram.com/..."`
}

// Product is one product of a UMKM.
type Product struct {
	Name  string `yaml:"name" required:"true" label:"Nama produk" hint:"Mis. Keripik tempe 250 g."`
	Price int64  `yaml:"price" min:"0" label:"Harga (Rp)" hint:"Angka rupiah tanpa titik, mis. 15000."`
	Image string `yaml:"image" kind:"image" label:"Foto produk" hint:"Nama berkas foto."`
}

// Verdicts of a clarification, as Indonesian fact-checkers label them.
var Verdicts = []string{"hoaks", "disinformasi", "misinformasi", "menyesatkan", "benar"}

// CekFaktaFront is a clarification of a hoax circulating in the area.
type CekFaktaFront struct {
	Common      `yaml:",inline"`
	Claim       string   `yaml:"claim" required:"true" label:"Klaim" hint:"Klaim seperti yang beredar."`
	Verdict     string   `yaml:"verdict" required:"true" enum:"hoaks,disinformasi,misinformasi,menyesatkan,benar" label:"Putusan" hint:"Hasil pemeriksaan."`
	ClaimSource string   `yaml:"claim_source" label:"Sumber klaim" hint:"Di mana klaim beredar, mis. Pesan berantai WhatsApp."`
	CheckedBy   *Checker `yaml:"checked_by" label:"Diperiksa oleh" hint:"Lembaga resmi yang memeriksa, bila ada."`
	Sources     []Source `yaml:"sources" label:"Sumber" hint:"Rujukan yang mendukung penjelasan."`
}

// Checker is the official body that checked a claim.
type Checker struct {
	Name string `yaml:"name" required:"true" label:"Nama lembaga" hint:"Mis. Diskominfo Kota Malang."`
	URL  string `yaml:"url" kind:"url" label:"Tautan" hint:"Alamat halaman hasil pemeriksaan."`
}

// Source is a reference that supports a clarification.
type Source struct {
	Title string `yaml:"title" required:"true" label:"Judul" hint:"Judul rujukan."`
	URL   string `yaml:"url" required:"true" kind:"url" label:"Tautan" hint:"Alamat rujukan, diawali https://."`
}

// Date is a front matter date. Dates without an offset are in WIB.
type Date struct {
	time.Time
	DateOnly bool // written without a time of day ("2026-11-05")
}

// Issue is a mistake a front matter struct finds in itself once decoded
// (see Checker): Key is the key path it is about, for its line.
type Issue struct {
	Key, Message, Hint string
}

// SelfChecker is implemented by front matter whose keys must agree with
// each other, such as an event's start, end and repeat.
type SelfChecker interface {
	Check() []Issue
}
