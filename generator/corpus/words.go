package corpus

// kecamatanSites are Kota Malang's 57 kelurahan, by kecamatan.
var kecamatanSites = []struct {
	Kecamatan string
	Kelurahan []string
}{
	{"Blimbing", []string{"Arjosari", "Balearjosari", "Blimbing", "Bunulrejo", "Jodipan", "Kesatrian", "Pandanwangi", "Polehan", "Polowijen", "Purwantoro", "Purwodadi"}},
	{"Kedungkandang", []string{"Arjowinangun", "Bumiayu", "Buring", "Cemorokandang", "Kedungkandang", "Kotalama", "Lesanpuro", "Madyopuro", "Mergosono", "Sawojajar", "Tlogowaru", "Wonokoyo"}},
	{"Klojen", []string{"Bareng", "Gadingkasri", "Kasin", "Kauman", "Kiduldalem", "Klojen", "Oro-oro Dowo", "Penanggungan", "Rampal Celaket", "Samaan", "Sukoharjo"}},
	{"Lowokwaru", []string{"Dinoyo", "Jatimulyo", "Ketawanggede", "Lowokwaru", "Merjosari", "Mojolangu", "Sumbersari", "Tasikmadu", "Tlogomas", "Tulusrejo", "Tunggulwulung", "Tunjungsekar"}},
	{"Sukun", []string{"Bakalankrajan", "Bandulan", "Bandungrejosari", "Ciptomulyo", "Gadang", "Karangbesuki", "Kebonsari", "Mulyorejo", "Pisangcandi", "Sukun", "Tanjungrejo"}},
}

var (
	firstNames = []string{"Siti", "Dimas", "Endah", "Agus", "Lilik", "Yudi", "Sri", "Bayu", "Rina", "Wahyu", "Nur", "Hendra", "Dewi", "Eko", "Ratna", "Joko", "Fitri", "Slamet", "Yuli", "Arif", "Nanik", "Budi", "Wulan", "Teguh"}
	lastNames  = []string{"Rahayu", "Pratama", "Purwaningsih", "Setiawan", "Suryani", "Kurniawan", "Wahyuni", "Saputra", "Hidayat", "Lestari", "Santoso", "Susanti", "Nugroho", "Handayani", "Prasetyo", "Maharani"}

	// topics are what news is about: a subject, its tags, and words for sentences.
	topics = []topic{
		{"posyandu balita", []string{"kesehatan", "posyandu"}, "kader posyandu", "penimbangan dan imunisasi"},
		{"posyandu lansia", []string{"kesehatan", "lansia"}, "kader posyandu lansia", "cek tekanan darah dan senam"},
		{"kerja bakti", []string{"lingkungan", "gotong-royong"}, "warga RT", "membersihkan selokan dan jalan kampung"},
		{"bank sampah", []string{"lingkungan", "sampah"}, "pengurus bank sampah", "penimbangan sampah terpilah"},
		{"pelatihan UMKM", []string{"umkm", "ekonomi"}, "pelaku usaha", "pelatihan pemasaran daring"},
		{"Musrenbang", []string{"musrenbang", "pembangunan"}, "pengurus RT/RW dan LPMK", "pembahasan usulan prioritas"},
		{"siskamling", []string{"keamanan", "sosial"}, "warga RW", "ronda malam bergiliran"},
		{"lomba Agustusan", []string{"budaya", "pemuda"}, "karang taruna", "lomba balap karung dan panjat pinang"},
		{"pengajian akbar", []string{"keagamaan", "sosial"}, "takmir masjid", "doa bersama dan santunan anak yatim"},
		{"fogging demam berdarah", []string{"kesehatan", "lingkungan"}, "petugas puskesmas", "pengasapan dan pemeriksaan jentik"},
		{"bimbingan belajar", []string{"pendidikan", "pemuda"}, "mahasiswa relawan", "bimbingan belajar gratis"},
		{"panen raya", []string{"pertanian", "ekonomi"}, "kelompok tani", "panen padi dan sayur"},
	}

	places   = []string{"balai RW", "halaman kantor kelurahan", "musala", "lapangan kampung", "pendapa kelurahan", "gang buntu RT 03", "taman baca", "pos kamling"}
	days     = []string{"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"}
	months   = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	openings = []string{
		"Suasana %[1]s di %[2]s terasa hangat sejak pagi.",
		"Puluhan warga hadir dalam kegiatan %[1]s di %[2]s.",
		"Kegiatan %[1]s kembali digelar di %[2]s dengan peserta yang lebih banyak dari bulan lalu.",
		"Sejak pukul tujuh pagi, %[3]s sudah bersiap untuk %[1]s di %[2]s.",
	}
	middles = []string{
		"Acara ini diisi dengan %[4]s yang dipandu oleh %[3]s.",
		"Menurut %[3]s, kegiatan seperti ini penting agar warga saling mengenal dan saling membantu.",
		"Warga yang belum sempat datang bisa menghubungi pengurus RT masing-masing untuk jadwal berikutnya.",
		"Biaya kegiatan berasal dari iuran warga dan dukungan Dana Kelurahan.",
		"Anak-anak, remaja dan orang tua ikut ambil bagian tanpa terkecuali.",
		"Beberapa warga menyampaikan usulan agar kegiatan ini diadakan setiap bulan.",
		"Pengurus mencatat kebutuhan yang masih kurang untuk dibahas pada rapat berikutnya.",
		"Kegiatan berjalan tertib dan selesai menjelang waktu zuhur.",
		"Ketua RW menyampaikan terima kasih kepada semua pihak yang membantu.",
		"Hasil kegiatan akan dilaporkan kepada kelurahan dan diumumkan di grup WhatsApp warga.",
	}
	headings  = []string{"Jalannya kegiatan", "Kata warga", "Rencana berikutnya", "Latar belakang", "Yang perlu diketahui warga"}
	listItems = []string{
		"membawa kartu identitas keluarga untuk pendataan;",
		"datang tepat waktu agar antrean tidak panjang;",
		"mengajak tetangga yang belum mendapat kabar;",
		"memakai pakaian yang nyaman untuk bekerja;",
		"menjaga kebersihan setelah kegiatan selesai;",
		"melapor kepada ketua RT bila berhalangan hadir.",
	}

	projects  = []string{"Paving jalan gang", "Plengsengan sungai", "Renovasi balai RW", "Saluran air", "Penerangan jalan umum", "Taman bermain anak", "Rumah pompa", "Pos kamling", "Posyandu baru", "Tempat sampah terpilah"}
	fundings  = []string{"APBD Kota", "Dana Kelurahan", "APBN", "CSR", "Swadaya"}
	umkmKinds = []struct{ Name, Category, Product string }{
		{"Warung", "kuliner", "Nasi pecel"}, {"Keripik", "kuliner", "Keripik tempe 250 gram"}, {"Catering", "kuliner", "Nasi kotak"},
		{"Anyaman", "kerajinan", "Tas anyaman bambu"}, {"Batik", "fashion", "Kain batik tulis"}, {"Jahit", "fashion", "Jahit kebaya"},
		{"Bengkel", "jasa", "Servis motor"}, {"Laundry", "jasa", "Cuci setrika per kilo"}, {"Sayur Hidroponik", "pertanian", "Selada hidroponik"},
		{"Toko Kelontong", "lainnya", "Sembako"},
	}
	hoaxes = []struct{ Claim, Verdict, Source string }{
		{"Air PDAM di seluruh kelurahan akan mati selama seminggu", "hoaks", "Pesan berantai WhatsApp"},
		{"Pendaftaran bantuan sosial dipungut biaya oleh petugas kelurahan", "disinformasi", "Unggahan Facebook"},
		{"Jalan utama ditutup total selama perbaikan saluran", "misinformasi", "Grup WhatsApp RW"},
		{"Vaksin di posyandu menyebabkan anak sakit berat", "hoaks", "Video TikTok"},
		{"Foto banjir lama disebut terjadi minggu ini", "menyesatkan", "Unggahan Instagram"},
		{"Kelurahan membuka lowongan petugas kebersihan", "benar", "Pengumuman kelurahan"},
	}
)

type topic struct {
	Subject  string
	Tags     []string
	Actor    string
	Activity string
}
